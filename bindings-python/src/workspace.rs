//! `workplan.Workspace`: plans loaded together, so that links between them are checked.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors::{api_error, conversion_error, guard};
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
    /// plan ids to returns passed separately; an id no plan has raises `UnknownPlanError` (code
    /// `unknown_plan`) and nothing is validated.
    #[pyo3(signature = (updates = None))]
    fn validate<'py>(&self, py: Python<'py>, updates: Option<Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyList>> {
        guard(py, || {
            let mut given: Vec<(String, Bound<'py, Updates>)> = Vec::new();
            if let Some(updates) = &updates {
                for (key, value) in updates.iter() {
                    given.push((key.extract()?, value.cast_into::<Updates>()?));
                }
            }
            let by_id: BTreeMap<&str, &workplan::Updates> =
                given.iter().map(|(id, updates)| (id.as_str(), &updates.get().inner)).collect();
            let reports = py.detach(|| self.inner.validate_by_id(&by_id)).map_err(|e| api_error(py, &e))?;
            let out = PyList::empty(py);
            for plan_report in reports {
                out.append((plan_report.plan.clone(), crate::validate::report(py, plan_report.report)?))?;
            }
            Ok(out)
        })
    }

    /// For each item of the plan `plan_id`: the items of the other plans that link to it; and the
    /// items nothing links to. An id no plan has raises `UnknownPlanError` (code `unknown_plan`).
    fn coverage<'py>(&self, py: Python<'py>, plan_id: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let coverage = self.inner.coverage(plan_id).map_err(|e| api_error(py, &e))?;
            pythonize::pythonize(py, &coverage).map_err(|e| conversion_error(py, e))
        })
    }

    /// The ids of the plans, in order.
    #[getter]
    fn plans(&self) -> Vec<String> {
        self.inner.plans().iter().map(|p| p.id.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!("<Workspace: {}>", self.plans().join(", "))
    }
}
