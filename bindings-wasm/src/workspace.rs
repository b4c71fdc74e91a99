//! `Workspace` for JS: plans loaded together, so that links between them are checked.

use wasm_bindgen::prelude::*;

use crate::errors::{api_error, to_js};
use crate::plan::{Plan, Updates};

/// Several plans loaded together (a business plan and the pledges it serves).
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct Workspace {
    inner: workplan::Workspace,
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds a copy of `plan`.
    pub fn add(&mut self, plan: &Plan) {
        self.inner.add(plan.inner.clone(), None);
    }

    /// Adds a copy of `plan` with returns passed separately: validation checks them against it.
    #[wasm_bindgen(js_name = addWithUpdates)]
    pub fn add_with_updates(&mut self, plan: &Plan, updates: &Updates) {
        self.inner.add(plan.inner.clone(), Some(updates.inner.clone()));
    }

    /// Validates every plan with the returns added with it, checking links across them: one
    /// `{plan, diagnostics}` per plan.
    #[wasm_bindgen(unchecked_return_type = "PlanReport[]")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        let reports: Vec<serde_json::Value> = self
            .inner
            .validate()
            .into_iter()
            .map(|r| serde_json::json!({"plan": r.plan, "diagnostics": r.report.diagnostics}))
            .collect();
        to_js(&reports)
    }

    /// For each item of the plan `planId`: the items of the other plans that link to it; and the
    /// items nothing links to. An id no plan has throws an `UnknownPlanError` (code `unknown_plan`).
    #[wasm_bindgen(unchecked_return_type = "Coverage")]
    pub fn coverage(&self, #[wasm_bindgen(js_name = planId)] plan_id: &str) -> Result<JsValue, JsValue> {
        let coverage = self.inner.coverage(plan_id).map_err(|e| api_error(&e))?;
        to_js(&coverage)
    }

    /// The ids of the plans, in order.
    #[wasm_bindgen(getter)]
    pub fn plans(&self) -> Vec<String> {
        self.inner.plans().iter().map(|p| p.id.clone()).collect()
    }
}
