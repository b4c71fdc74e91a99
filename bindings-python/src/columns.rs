//! Results as Arrow tables through the Arrow PyCapsule interface (`__arrow_c_stream__`):
//! `pyarrow.table(x)`, `polars.DataFrame(x)` and DuckDB take them without a copy. The columns are
//! the core's record batches.

use arrow_array::RecordBatch;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::validate::Diagnostic;

/// One record batch as an Arrow table object.
pub fn table(py: Python<'_>, batch: RecordBatch) -> PyResult<Bound<'_, PyAny>> {
    let schema = batch.schema();
    Ok(Bound::new(py, PyTable::try_new(vec![batch], schema)?)?.into_any())
}

/// Validation findings as an Arrow table (the facade's `Report.to_arrow()`).
#[pyfunction]
pub fn _report_arrow<'py>(py: Python<'py>, diagnostics: Vec<PyRef<'py, Diagnostic>>) -> PyResult<Bound<'py, PyAny>> {
    let report: workplan::Report = diagnostics.iter().map(|d| d.inner.clone()).collect();
    table(py, report.to_record_batch())
}
