//! Approval path and review cadence for JS.

use wasm_bindgen::prelude::*;

use crate::errors::{from_js, to_js, workplan_error};
use crate::plan::Plan;

fn date(text: &str) -> Result<workplan::Date, JsValue> {
    text.parse().map_err(|e: workplan::model::DateError| workplan_error("invalid_value", &e.to_string()))
}

/// Meeting dates (`YYYY-MM-DD`) from `start` to `end` under a rule such as
/// "second tuesday except january, august".
#[wasm_bindgen(js_name = meetings)]
pub fn meetings(rule: &str, start: &str, end: &str) -> Result<Vec<String>, JsValue> {
    let rule: workplan::MeetingRule =
        rule.parse().map_err(|e: workplan::cadence::RuleError| workplan_error("invalid_rule", &e.to_string()))?;
    Ok(workplan::meetings(&rule, date(start)?, date(end)?).into_iter().map(|d| d.to_string()).collect())
}

/// The review rotation of the items at `options.level` (0) over `meetings`, the gaps longer than
/// `options.windowMonths` (12), and the clusters overdue at `options.asOf`.
#[wasm_bindgen(js_name = cadence, unchecked_return_type = "Cadence")]
pub fn cadence(
    plan: &Plan,
    meetings: Vec<String>,
    #[wasm_bindgen(unchecked_param_type = "{level?: number, windowMonths?: number, asOf?: string}")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let dates = meetings.iter().map(|m| date(m)).collect::<Result<Vec<_>, _>>()?;
    let options = if options.is_undefined() || options.is_null() { serde_json::json!({}) } else { from_js(options)? };
    let level = options["level"].as_u64().unwrap_or(0) as usize;
    let window = options["windowMonths"].as_u64().unwrap_or(12) as u32;
    let as_of = options["asOf"].as_str().map(date).transpose()?;
    to_js(&workplan::cadence(&plan.inner, &dates, level, window, as_of))
}

#[wasm_bindgen]
impl Plan {
    /// Where the plan is in its approval path.
    #[wasm_bindgen(js_name = approvalState, unchecked_return_type = "ApprovalState")]
    pub fn approval_state(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.approval_state())
    }
}
