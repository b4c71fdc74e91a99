//! `workplan.Diagnostic`, and validation results handed to the Python facade's `Report` (a
//! `list` of diagnostics that renders as a table in Jupyter).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use workplan::PathSegment;

use crate::errors::api_error;

/// One finding of validation: what is wrong (`code`, `severity`, `message`), where (`path`,
/// `item`, `line`, `column`, `document`) and how to fix it (`hint`).
#[pyclass(name = "Diagnostic", module = "workplan", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub(crate) inner: workplan::Diagnostic,
}

#[pymethods]
impl Diagnostic {
    /// The stable code of the rule, e.g. `"due_outside_period"`.
    #[getter]
    fn code(&self) -> &str {
        self.inner.code.as_str()
    }

    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &str {
        self.inner.severity.as_str()
    }

    /// What is wrong, in words for a committee officer.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The JSON Pointer path as a list of keys and indexes, e.g. `["items", 0, "due"]`.
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        path_list(py, &self.inner.path)
    }

    /// The path as an RFC 6901 JSON Pointer string, e.g. `"/items/0/due"`.
    #[getter]
    fn pointer(&self) -> String {
        self.inner.path.to_string()
    }

    /// The id of the item concerned, or `None`.
    #[getter]
    fn item(&self) -> Option<&str> {
        self.inner.item.as_deref()
    }

    /// The line (from 1) of the offending value, or `None` when the plan did not come from text.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.inner.line
    }

    /// The column (from 1, in characters), or `None`.
    #[getter]
    fn column(&self) -> Option<usize> {
        self.inner.column
    }

    /// For returns read from a workbook: the sheet (`line` and `column` are then the cell's row
    /// and column), else `None`.
    #[getter]
    fn sheet(&self) -> Option<&str> {
        self.inner.sheet.as_deref()
    }

    /// How to fix it, or `None`.
    #[getter]
    fn hint(&self) -> Option<&str> {
        self.inner.hint.as_deref()
    }

    /// `"plan"`, or `"updates"` for findings in returns passed separately.
    #[getter]
    fn document(&self) -> &str {
        self.inner.document.as_str()
    }

    /// The finding as a dict of plain data (`path` as a list).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", self.code())?;
        dict.set_item("severity", self.severity())?;
        dict.set_item("message", self.message())?;
        dict.set_item("path", self.path(py)?)?;
        dict.set_item("item", self.item())?;
        dict.set_item("line", self.line())?;
        dict.set_item("column", self.column())?;
        dict.set_item("hint", self.hint())?;
        dict.set_item("document", self.document())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let place = match (self.inner.line, self.inner.column) {
            (Some(line), Some(column)) => format!("{line}:{column}"),
            _ => self.inner.path.to_string(),
        };
        format!("<Diagnostic {}[{}] at {place}: {}>", self.severity(), self.code(), self.message())
    }

    fn __str__(&self) -> String {
        format!("{:#}", self.inner)
    }
}

fn path_list<'py>(py: Python<'py>, path: &workplan::Pointer) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for segment in path.segments() {
        match segment {
            PathSegment::Index(index) => list.append(*index)?,
            PathSegment::Key(key) => list.append(key)?,
        }
    }
    Ok(list)
}

/// A core report as the facade's `workplan.Report` (a list of `Diagnostic`).
pub fn report<'py>(py: Python<'py>, report: workplan::Report) -> PyResult<Bound<'py, PyAny>> {
    let diagnostics: Vec<Diagnostic> = report.diagnostics.into_iter().map(|inner| Diagnostic { inner }).collect();
    py.import("workplan._report")?.getattr("Report")?.call1((diagnostics,))
}

/// Raises `workplan.ValidationError` carrying the report when it has errors.
pub fn raise_if_errors(py: Python<'_>, report: &Bound<'_, PyAny>, has_errors: bool, errors: usize) -> PyResult<()> {
    if !has_errors {
        return Ok(());
    }
    let err = api_error(py, &workplan::ApiError::ValidationFailed { errors });
    err.value(py).setattr("diagnostics", report)?;
    Err(err)
}
