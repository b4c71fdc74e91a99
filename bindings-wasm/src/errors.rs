//! The one place where core errors become JS `Error` objects, and values cross to JS.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use workplan::{LoadError, PathSegment, Pointer};

/// The TypeScript types of the errors the library throws for a misuse of the API
/// (`ApiError`, `ApiErrorCode`, `ApiErrorName`), generated from the core's table of codes.
#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &'static str = include_str!("../types/errors.d.ts");

fn set(target: &JsValue, key: &str, value: JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value);
}

fn optional_number(value: Option<usize>) -> JsValue {
    value.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64))
}

fn optional_text(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// A load error as an `Error` named `ParseError` with `code`, `path` (an array of keys and
/// indexes), `line`, `column` (numbers or null), `sheet`, `cell` (a workbook's, such as
/// `Q2!C14`, or null) and `hint`; `errors` lists every problem as its own `ParseError` (the
/// error itself when there is one), and `total` counts them all, past the list's cap too.
pub fn load_error(error: LoadError) -> JsValue {
    let js = one_error(&error);
    let errors = js_sys::Array::new();
    let total = match &error {
        LoadError::Several { errors: problems, total } => {
            for problem in problems {
                errors.push(&one_error(problem));
            }
            *total
        }
        _ => {
            errors.push(&js);
            1
        }
    };
    set(&js, "errors", errors.into());
    set(&js, "total", JsValue::from_f64(total as f64));
    js
}

/// One problem as a `ParseError`, with its place.
fn one_error(error: &LoadError) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("ParseError");
    let js = JsValue::from(js);
    set(&js, "code", JsValue::from_str(error.code()));
    set(&js, "path", path(&error.path()));
    set(&js, "line", optional_number(error.line()));
    set(&js, "column", optional_number(error.column()));
    set(&js, "sheet", optional_text(error.sheet()));
    let cell = error.location().and_then(workplan::Location::cell_reference);
    set(&js, "cell", optional_text(cell.as_deref()));
    set(&js, "hint", optional_text(error.hint().as_deref()));
    js
}

/// A JSON Pointer as an array of keys and indexes.
fn path(pointer: &Pointer) -> JsValue {
    let path = js_sys::Array::new();
    for segment in pointer.segments() {
        match segment {
            PathSegment::Index(index) => path.push(&JsValue::from_f64(*index as f64)),
            PathSegment::Key(key) => path.push(&JsValue::from_str(key)),
        };
    }
    path.into()
}

/// A misuse of the API as an `Error` whose `name` is its kind (`UnknownItemError`,
/// `InvalidOptionError`...: [`ApiError::name`](workplan::ApiError::name)) with the library's
/// `code` and message, and the error's fields (`item`, `option`, `value`, `index`...) as
/// properties (docs/api.md, "Errors"; declared in types/errors.d.ts).
pub fn api_error(error: &workplan::ApiError) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name(error.name());
    let js = JsValue::from(js);
    set(&js, "code", JsValue::from_str(error.code()));
    for (key, field) in error.fields() {
        let value = match field {
            serde_json::Value::String(text) => JsValue::from_str(&text),
            serde_json::Value::Number(number) => number.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
            _ => JsValue::NULL,
        };
        set(&js, &key, value);
    }
    js
}

/// An option or argument with a value it cannot have: an `InvalidOptionError` naming it, the
/// value (text as it is, anything else as JSON) and what it must be.
pub fn invalid_option(option: &str, value: &JsValue, expected: &str) -> JsValue {
    let shown = value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value).ok().and_then(|text| text.as_string()).unwrap_or_else(|| format!("{value:?}"))
    });
    api_error(&workplan::ApiError::invalid_option(option, &shown, expected))
}

/// A value that cannot cross between JS and the library: a `ConversionError`.
pub fn conversion_error(detail: impl std::fmt::Display) -> JsValue {
    api_error(&workplan::ApiError::conversion(detail))
}

/// Converts data to plain JS values (objects, not Maps).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(conversion_error)
}

/// Converts a large result to plain JS values through JSON text: serde_json writes the text in
/// one pass and the JS engine's `JSON.parse` builds the objects, instead of one call across the
/// boundary per field (a 10k-item rollup with its adoption matrix, in Node: 0.55 s -> 0.18 s). The
/// values are those of `to_js` applied to the value's JSON form (`serde_json::to_value`).
pub fn json_to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(conversion_error)?;
    js_sys::JSON::parse(&text).map_err(|_| conversion_error("the result could not be read back as JSON"))
}

/// Converts a plain JS value to JSON data.
pub fn from_js(value: JsValue) -> Result<serde_json::Value, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(conversion_error)
}
