//! `workplan.format_percent`: numbers written as the library writes them, so that Python shows the
//! same text as the CLI, the papers and the widget.

use pyo3::prelude::*;

/// A fraction as a percentage, as every face of workplan writes it: `"62.5%"`, `"100%"`, `"-"`
/// for `None` (at most one decimal, no `.0`; `workplan::display::percent`).
#[pyfunction]
#[pyo3(signature = (value, /))]
pub fn format_percent(value: Option<f64>) -> String {
    workplan::display::percent(value)
}
