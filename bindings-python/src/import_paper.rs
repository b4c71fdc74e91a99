//! `workplan.import_paper(text)`: a committee paper's text read into a draft plan by the core's
//! importer (docs/import.md), handed to the facade's `workplan.ImportedPaper`.

use pyo3::prelude::*;

use crate::errors::{conversion_error, facade_error, guard};
use crate::plan::Plan;

/// The native half of `workplan.ImportedPaper`.
#[pyclass(name = "_ImportedPaper", module = "workplan", frozen)]
#[derive(Debug)]
pub struct NativeImportedPaper {
    plan: workplan::Plan,
    summary: workplan::import::ImportSummary,
}

#[pymethods]
impl NativeImportedPaper {
    /// The draft plan.
    #[getter]
    fn plan(&self) -> Plan {
        Plan { inner: self.plan.clone() }
    }

    /// The summary as plain data.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.summary).map_err(|e| conversion_error(py, e)))
    }

    /// The summary as the CLI prints it; with `verbose`, every line not used and where each
    /// level's name came from.
    fn summary_text(&self, verbose: bool) -> String {
        self.summary.to_text(verbose)
    }
}

/// Reads a paper's text into a draft plan; `levels` names the levels before the paper's words
/// do; `ids_from`, another version of the plan, gives its ids to the items with the same title. A
/// text from which no item is read raises `workplan.PaperImportError` (`paper_nothing_read`,
/// with `lines`).
#[pyfunction]
#[pyo3(signature = (text, levels = None, ids_from = None))]
pub fn import_paper(
    py: Python<'_>,
    text: &str,
    levels: Option<Vec<String>>,
    ids_from: Option<PyRef<'_, Plan>>,
) -> PyResult<NativeImportedPaper> {
    guard(py, || {
        let options = workplan::import::ImportOptions {
            levels: levels.unwrap_or_default(),
            ids_from: ids_from.map(|plan| plan.inner.clone()),
            ..Default::default()
        };
        match py.detach(|| workplan::import::import_paper(text, &options)) {
            Ok(imported) => Ok(NativeImportedPaper { plan: imported.plan, summary: imported.summary }),
            Err(error) => {
                let err = facade_error(py, "PaperImportError", error.to_string());
                let value = err.value(py);
                let _ = value.setattr("code", error.code());
                let workplan::import::ImportError::NothingRead { lines } = error;
                let _ = value.setattr("lines", lines);
                Err(err)
            }
        }
    })
}
