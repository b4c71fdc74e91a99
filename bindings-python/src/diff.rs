//! `workplan.diff(old, new)`: the native diff handed to the facade's `workplan.PlanDiff`.

use pyo3::prelude::*;

use crate::errors::{conversion_error, guard};
use crate::plan::Plan;

/// The native half of `workplan.PlanDiff`.
#[pyclass(name = "_PlanDiff", module = "workplan", frozen)]
#[derive(Debug)]
pub struct NativeDiff {
    inner: workplan::PlanDiff,
}

#[pymethods]
impl NativeDiff {
    /// The diff as plain data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.inner).map_err(|e| conversion_error(py, e)))
    }

    /// The changelog as text.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }

    /// The changelog as Markdown.
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// Counts in one line.
    fn headline(&self) -> String {
        self.inner.headline()
    }
}

/// What changed from `old` to `new` (items matched by id): a `PlanDiff`.
#[pyfunction]
pub fn diff<'py>(py: Python<'py>, old: PyRef<'py, Plan>, new: PyRef<'py, Plan>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (old, new) = (&old.inner, &new.inner);
        let inner = py.detach(|| workplan::diff(old, new));
        let native = Bound::new(py, NativeDiff { inner })?;
        py.import("workplan._diff")?.getattr("PlanDiff")?.call1((native,))
    })
}
