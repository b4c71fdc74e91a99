//! `formatPercent`: numbers written as the library writes them, so that JS shows the same text as
//! the CLI, the papers and Python.

use wasm_bindgen::prelude::*;

/// A fraction as a percentage, as every face of workplan writes it: `"62.5%"`, `"100%"`, `"-"`
/// for null or undefined (at most one decimal, no `.0`; `workplan::display::percent`). The widget
/// writes the same digits in its locale.
#[wasm_bindgen(js_name = formatPercent)]
pub fn format_percent(value: Option<f64>) -> String {
    workplan::display::percent(value)
}
