//! `Workspace` for JS: plans loaded together, so that links between them are checked.

use wasm_bindgen::prelude::*;

use crate::errors::{to_js, workplan_error};
use crate::plan::{Plan, Updates};

/// Several plans loaded together (a business plan and the pledges it serves).
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct Workspace {
    inner: workplan::Workspace,
    updates: Vec<Option<workplan::Updates>>,
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
        self.inner.plans.push(plan.inner.clone());
        self.updates.push(None);
    }

    /// Adds a copy of `plan` with returns passed separately.
    #[wasm_bindgen(js_name = addWithUpdates)]
    pub fn add_with_updates(&mut self, plan: &Plan, updates: &Updates) {
        self.inner.plans.push(plan.inner.clone());
        self.updates.push(Some(updates.inner.clone()));
    }

    /// Validates every plan, checking links across them: one `{plan, diagnostics}` per plan.
    #[wasm_bindgen(unchecked_return_type = "PlanReport[]")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        let refs: Vec<Option<&workplan::Updates>> = self.updates.iter().map(Option::as_ref).collect();
        let reports: Vec<serde_json::Value> = self
            .inner
            .validate_with(&refs)
            .into_iter()
            .map(|r| serde_json::json!({"plan": r.plan, "diagnostics": r.report.diagnostics}))
            .collect();
        to_js(&reports)
    }

    /// For each item of the plan `planId`: the items of the other plans that link to it; and the
    /// items nothing links to.
    #[wasm_bindgen(unchecked_return_type = "Coverage")]
    pub fn coverage(&self, #[wasm_bindgen(js_name = planId)] plan_id: &str) -> Result<JsValue, JsValue> {
        if self.inner.plan(plan_id).is_none() {
            return Err(workplan_error("unknown_plan", &format!("no plan `{plan_id}` in the workspace")));
        }
        to_js(&self.inner.coverage(plan_id))
    }

    /// The ids of the plans, in order.
    #[wasm_bindgen(getter)]
    pub fn plans(&self) -> Vec<String> {
        self.inner.plans.iter().map(|p| p.id.clone()).collect()
    }
}
