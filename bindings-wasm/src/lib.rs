//! WebAssembly bindings of `workplan`, built with wasm-bindgen into the npm package `workplan`.
//! Each method converts its arguments, calls the core crate and maps the error to a real JS
//! `Error` with `code`, `path`, `line`, `column` and `hint` properties.
#![cfg(target_family = "wasm")]

mod diff;
mod display;
mod errors;
mod governance;
mod import_paper;
mod plan;
#[cfg(feature = "panic-probe")]
mod probe;
mod rollup;
mod workspace;

use wasm_bindgen::prelude::*;

/// The TypeScript types of every data shape (the plan document, returns, rollup, findings...),
/// generated from the Rust types by core/tests/shapes.rs.
#[wasm_bindgen(typescript_custom_section)]
const SHAPES: &'static str = include_str!("../types/shapes.d.ts");

/// The TypeScript types kept by hand: the option bags the API takes, the rows set aside, the
/// load error.
#[wasm_bindgen(typescript_custom_section)]
const DATA_TYPES: &'static str = include_str!("../types/data.d.ts");

/// Installs the panic hook, so that a Rust panic is reported on the console before it surfaces
/// as a JS `Error` (a `WebAssembly.RuntimeError`).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The committed `schema/workplan.schema.json`: a core test (`core/tests/schema.rs`) keeps it
/// equal to `workplan::schema()`. Embedding the text keeps the schema generator (about 50 KB)
/// out of the wasm.
const SCHEMA: &str = include_str!("../../schema/workplan.schema.json");

/// The JSON Schema of the plan format.
#[wasm_bindgen(js_name = schema, unchecked_return_type = "Record<string, unknown>")]
pub fn schema() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(SCHEMA).map_err(|_| errors::conversion_error("the embedded schema is not JSON"))
}

/// The version of the library.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
