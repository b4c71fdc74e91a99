//! `Plan` and `Updates` for JS: private newtypes around the core values.

use wasm_bindgen::prelude::*;

use crate::errors::{api_error, from_js, invalid_option, json_to_js, load_error, to_js};

/// A format name from JS, if one was given; an unknown one is an `UnknownWordError`.
fn parse_format(name: Option<String>) -> Result<Option<workplan::Format>, JsValue> {
    match name {
        None => Ok(None),
        Some(name) => name.parse().map(Some).map_err(|e: workplan::UnknownWord| api_error(&e.into())),
    }
}

/// Reads `{mapping, onError}` (both optional): `mapping` as in the format (`columns`, `ignore`,
/// `status`, `percent_scale`, `sheets`), `onError` `"raise"` (the default) or `"collect"`.
fn read_options(options: Option<JsValue>) -> Result<workplan::ReadOptions, JsValue> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(workplan::ReadOptions::default());
    };
    let get = |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let mapping = get("mapping");
    let mapping = if mapping.is_undefined() || mapping.is_null() {
        workplan::Mapping::default()
    } else {
        workplan::Mapping::from_json_value(from_js(mapping)?).map_err(load_error)?
    };
    let on_error = get("onError");
    let on_error = match on_error.as_string().as_deref() {
        _ if on_error.is_undefined() || on_error.is_null() => workplan::OnError::Raise,
        Some("raise") => workplan::OnError::Raise,
        Some("collect") => workplan::OnError::Collect,
        _ => return Err(invalid_option("onError", &on_error, "raise or collect")),
    };
    Ok(workplan::ReadOptions { mapping, on_error })
}

/// A plan: a tree of items with its members, themes, settings, returns and events.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Plan {
    pub(crate) inner: workplan::Plan,
}

#[wasm_bindgen]
impl Plan {
    /// Reads a plan from JSON text. Throws a `ParseError` with `code`, `path`, `line`, `column`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Plan, JsValue> {
        workplan::Plan::from_json_str(text).map(|inner| Plan { inner }).map_err(load_error)
    }

    /// Reads a plan from YAML text. Throws a `ParseError` with `code`, `path`, `line`, `column`.
    #[wasm_bindgen(js_name = fromYaml)]
    pub fn from_yaml(text: &str) -> Result<Plan, JsValue> {
        workplan::Plan::from_yaml_str(text).map(|inner| Plan { inner }).map_err(load_error)
    }

    /// Reads a plan from UTF-8 bytes (e.g. a fetched file); `format` is `"json"` or `"yaml"`
    /// (omitted: JSON if the text starts with `{`, else YAML). Invalid UTF-8 throws a
    /// `ParseError` with code `encoding_error`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8], format: Option<String>) -> Result<Plan, JsValue> {
        let format = parse_format(format)?;
        workplan::Plan::from_bytes(bytes, format).map(|inner| Plan { inner }).map_err(load_error)
    }

    /// Reads a plan from a plain object (as `toObject` returns). Errors carry the `path`;
    /// `line` and `column` are null.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(#[wasm_bindgen(unchecked_param_type = "PlanDocument")] data: JsValue) -> Result<Plan, JsValue> {
        workplan::Plan::from_json_value(from_js(data)?).map(|inner| Plan { inner }).map_err(load_error)
    }

    /// The plan as pretty JSON text (deterministic).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json_string()
    }

    /// The plan as YAML text (deterministic).
    #[wasm_bindgen(js_name = toYaml)]
    pub fn to_yaml(&self) -> String {
        self.inner.to_yaml_string()
    }

    /// The plan as a plain object, `x-` keys kept.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "PlanDocument")]
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.to_json_value())
    }

    /// Validates the plan and the returns it carries: every finding, in document order. Never
    /// throws for findings.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.validate().diagnostics)
    }

    /// Validates the plan with returns passed separately (findings on them have
    /// `document: "updates"`). Never throws for findings.
    #[wasm_bindgen(js_name = validateWith, unchecked_return_type = "Diagnostic[]")]
    pub fn validate_with(&self, updates: &Updates) -> Result<JsValue, JsValue> {
        to_js(&self.inner.validate_with(&updates.inner).diagnostics)
    }

    /// Items per level, measures, members, links, events.
    #[wasm_bindgen(unchecked_return_type = "PlanSummary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.summary())
    }

    /// The plan's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id.clone()
    }

    /// The plan's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.inner.title.clone()
    }
}

/// Progress returns and adoption events, in input order.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Updates {
    pub(crate) inner: workplan::Updates,
}

#[wasm_bindgen]
impl Updates {
    /// Reads progress returns from CSV text (header row required). `options`:
    /// `{mapping, onError}`, a mapping of the columns, status words and percent scale, and
    /// `"collect"` to keep the good rows and set the bad ones aside (`setAside`). By default every
    /// bad row is thrown at once: a `ParseError` whose `errors` lists them.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: Option<JsValue>,
    ) -> Result<Updates, JsValue> {
        let options = read_options(options)?;
        workplan::Updates::from_csv_with(text, &options).map(|inner| Updates { inner }).map_err(load_error)
    }

    /// Reads progress returns from a JSON list of update objects.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Updates, JsValue> {
        workplan::Updates::from_json_str(text).map(|inner| Updates { inner }).map_err(load_error)
    }

    /// Reads progress returns from YAML text (a list of update objects).
    #[wasm_bindgen(js_name = fromYaml)]
    pub fn from_yaml(text: &str) -> Result<Updates, JsValue> {
        workplan::Updates::from_yaml_str(text).map(|inner| Updates { inner }).map_err(load_error)
    }

    /// Reads progress returns from UTF-8 bytes; `format` is `"csv"`, `"json"` or `"yaml"`
    /// (omitted: JSON if the text starts with `[` or `{`, else CSV); `options` as for `fromCsv`.
    /// A workbook (.xlsx, .xls, .ods) throws a `ParseError` with code `encoding_error`: this
    /// build does not read workbooks (save the sheet as CSV, or use the CLI or Python).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        bytes: &[u8],
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] format: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: Option<JsValue>,
    ) -> Result<Updates, JsValue> {
        let format = parse_format(format)?;
        let options = read_options(options)?;
        workplan::Updates::from_bytes_with(bytes, format, &options).map(|inner| Updates { inner }).map_err(load_error)
    }

    /// Reads progress returns from an array of plain objects.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(#[wasm_bindgen(unchecked_param_type = "Update[]")] data: JsValue) -> Result<Updates, JsValue> {
        workplan::Updates::from_json_value(from_js(data)?).map(|inner| Updates { inner }).map_err(load_error)
    }

    /// The returns as an array of plain objects.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "Update[]")]
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.to_json_value())
    }

    /// A copy, for `options.updates` of `RollupEngine` and `rollup` (see `updates_instance` in
    /// rollup.rs): Rust takes the copy whole, so the returns never become JS objects on the way.
    /// Not in the typed API.
    #[wasm_bindgen(js_name = __copy, skip_typescript)]
    pub fn copy(&self) -> Updates {
        self.clone()
    }

    /// The returns as CSV text.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        self.inner.to_csv_string()
    }

    /// How many rows.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The rows set aside by `onError: "collect"`, with their problems: `{sheet, cell, line,
    /// column, path, cells, errors}`; `cells` maps each header to its text as written, `errors`
    /// holds the messages. Empty when every row was read: nothing is dropped silently.
    #[wasm_bindgen(getter, js_name = setAside, unchecked_return_type = "SetAsideRow[]")]
    pub fn set_aside(&self) -> Result<JsValue, JsValue> {
        let rows: Vec<serde_json::Value> = (self.inner.read.set_aside.iter())
            .map(|row| {
                let location = &row.location;
                let cells: serde_json::Map<String, serde_json::Value> =
                    row.cells.iter().map(|(header, text)| (header.clone(), text.as_str().into())).collect();
                serde_json::json!({
                    "sheet": location.sheet.as_deref(),
                    "cell": location.cell_reference(),
                    "line": location.line(),
                    "column": location.column(),
                    "path": location.path,
                    "cells": cells,
                    "errors": row.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
                })
            })
            .collect();
        // Through JSON text, so that every header is an own property (even `__proto__`).
        json_to_js(&rows)
    }
}
