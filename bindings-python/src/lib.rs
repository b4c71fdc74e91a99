//! Python bindings of `workplan`: the native module `workplan._native`. Each function converts
//! its arguments, calls the core crate and maps the error; the Python facade in
//! `python/workplan/` re-exports them with the exception classes.

use pyo3::prelude::*;

mod columns;
mod diff;
mod display;
mod errors;
mod governance;
mod import_paper;
mod plan;
mod portfolio;
#[cfg(feature = "panic-probe")]
mod probe;
mod returns;
mod rollup;
mod series;
mod validate;
mod workspace;

/// The native half of the `workplan` package.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<plan::Plan>()?;
    module.add_class::<plan::Updates>()?;
    module.add_class::<validate::Diagnostic>()?;
    module.add_class::<workspace::Workspace>()?;
    module.add_class::<rollup::NativeRollup>()?;
    module.add_class::<series::NativeSeries>()?;
    module.add_class::<diff::NativeDiff>()?;
    module.add_class::<portfolio::NativePortfolio>()?;
    module.add_class::<import_paper::NativeImportedPaper>()?;
    module.add_function(wrap_pyfunction!(diff::diff, module)?)?;
    module.add_function(wrap_pyfunction!(display::format_percent, module)?)?;
    module.add_function(wrap_pyfunction!(governance::meetings, module)?)?;
    module.add_function(wrap_pyfunction!(governance::cadence, module)?)?;
    module.add_function(wrap_pyfunction!(import_paper::import_paper, module)?)?;
    module.add_function(wrap_pyfunction!(plan::load, module)?)?;
    module.add_function(wrap_pyfunction!(plan::load_updates, module)?)?;
    module.add_function(wrap_pyfunction!(plan::schema, module)?)?;
    module.add_function(wrap_pyfunction!(portfolio::portfolio, module)?)?;
    module.add_function(wrap_pyfunction!(columns::_report_arrow, module)?)?;
    #[cfg(feature = "panic-probe")]
    module.add_function(wrap_pyfunction!(probe::_panic_probe, module)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
