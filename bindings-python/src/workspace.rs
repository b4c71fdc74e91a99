//! `workplan.Workspace`: plans loaded together, so that links between them are checked.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors::{guard, workplan_error};
use crate::plan::{Plan, Updates};

/// Several plans loaded together (a business plan and the pledges it serves): validation checks
/// the links between them, and `coverage(plan_id)` shows which items are linked to.
#[pyclass(name = "Workspace", module = "workplan", frozen)]
#[derive(Debug)]
pub struct Workspace {
    inner: workplan::Workspace,
}

#[pymethods]
impl Workspace {
    /// A workspace of these plans (copied in).
    #[new]
    fn new(plans: Vec<PyRef<'_, Plan>>) -> Workspace {
        Workspace { inner: workplan::Workspace::new(plans.iter().map(|p| p.inner.clone()).collect()) }
    }

    /// Validates every plan, checking links across them: a list of `(plan id, Report)` in the
    /// order of the plans (`dict(workspace.validate())` when the ids are unique). `updates` maps
    /// plan ids to returns passed separately.
    #[pyo3(signature = (updates = None))]
    fn validate<'py>(&self, py: Python<'py>, updates: Option<Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyList>> {
        guard(py, || {
            let mut per_plan: Vec<Option<workplan::Updates>> = vec![None; self.inner.plans.len()];
            if let Some(updates) = &updates {
                for (key, value) in updates.iter() {
                    let id: String = key.extract()?;
                    let position = self
                        .inner
                        .plans
                        .iter()
                        .position(|p| p.id == id)
                        .ok_or_else(|| workplan_error(py, format!("no plan `{id}` in the workspace")))?;
                    per_plan[position] = Some(value.cast::<Updates>()?.get().inner.clone());
                }
            }
            let refs: Vec<Option<&workplan::Updates>> = per_plan.iter().map(Option::as_ref).collect();
            let reports = py.detach(|| self.inner.validate_with(&refs));
            let out = PyList::empty(py);
            for plan_report in reports {
                out.append((plan_report.plan.clone(), crate::validate::report(py, plan_report.report)?))?;
            }
            Ok(out)
        })
    }

    /// For each item of the plan `plan_id`: the items of the other plans that link to it; and the
    /// items nothing links to.
    fn coverage<'py>(&self, py: Python<'py>, plan_id: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            pythonize::pythonize(py, &self.inner.coverage(plan_id)).map_err(|e| workplan_error(py, e.to_string()))
        })
    }

    /// The ids of the plans, in order.
    #[getter]
    fn plans(&self) -> Vec<String> {
        self.inner.plans.iter().map(|p| p.id.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!("<Workspace: {}>", self.plans().join(", "))
    }
}
