//! A function that panics inside the binding, compiled only with the `panic-probe` feature (off by
//! default; the wheel that `cargo xtask test-python` builds and tests turns it on). It proves that a Rust panic
//! reaches Python as `workplan.WorkplanError`, not as pyo3's `PanicException` (a `BaseException`).

use pyo3::prelude::*;

use crate::errors::guard;

/// Panics with `message` in Rust, with the GIL released as in every real call; raises
/// `workplan.WorkplanError`. For tests only.
#[pyfunction]
pub fn _panic_probe(py: Python<'_>, message: &str) -> PyResult<()> {
    guard(py, || py.detach(|| panic!("{message}")))
}
