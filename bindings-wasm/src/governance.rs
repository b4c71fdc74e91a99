//! Approval path and review cadence for JS.

use wasm_bindgen::prelude::*;

use crate::errors::{api_error, from_js, to_js};
use crate::plan::Plan;

/// The date given as the option `option`: an `InvalidOptionError` naming it when it is not one.
fn date(option: &str, text: &str) -> Result<workplan::Date, JsValue> {
    workplan::ApiError::date(option, text).map_err(|e| api_error(&e))
}

/// Meeting dates (`YYYY-MM-DD`) from `start` to `end` under a rule such as
/// "second tuesday except january, august".
#[wasm_bindgen(js_name = meetings)]
pub fn meetings(rule: &str, start: &str, end: &str) -> Result<Vec<String>, JsValue> {
    let rule: workplan::MeetingRule = rule.parse().map_err(|e: workplan::cadence::RuleError| api_error(&e.into()))?;
    let (start, end) = (date("start", start)?, date("end", end)?);
    Ok(workplan::meetings(&rule, start, end).into_iter().map(|d| d.to_string()).collect())
}

/// The review rotation of the items at `options.level` over `meetings`, the gaps longer than
/// `options.windowMonths`, and the clusters overdue at `options.asOf`; what is not given takes the
/// library's defaults (`workplan::CadenceOptions`: the top level, 12 months, no overdue check).
#[wasm_bindgen(js_name = cadence, unchecked_return_type = "Cadence")]
pub fn cadence(
    plan: &Plan,
    meetings: Vec<String>,
    #[wasm_bindgen(unchecked_param_type = "{level?: number, windowMonths?: number, asOf?: string}")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let dates = meetings.iter().map(|m| date("meetings", m)).collect::<Result<Vec<_>, _>>()?;
    let given = if options.is_undefined() || options.is_null() { serde_json::json!({}) } else { from_js(options)? };
    // A whole number of 0 or more that fits `T`, if given.
    fn whole<T: TryFrom<u64>>(given: &serde_json::Value, key: &str) -> Result<Option<T>, JsValue> {
        match &given[key] {
            serde_json::Value::Null => Ok(None),
            value => value.as_u64().and_then(|n| T::try_from(n).ok()).map(Some).ok_or_else(|| {
                let error = workplan::ApiError::invalid_option(key, &value.to_string(), "a whole number of 0 or more");
                api_error(&error)
            }),
        }
    }
    let mut options = workplan::CadenceOptions::default();
    if let Some(level) = whole(&given, "level")? {
        options.level = level;
    }
    if let Some(months) = whole(&given, "windowMonths")? {
        options.window_months = months;
    }
    options.as_of = match &given["asOf"] {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) => Some(date("asOf", text)?),
        value => Some(date("asOf", &value.to_string())?),
    };
    to_js(&workplan::cadence(&plan.inner, &dates, &options))
}

#[wasm_bindgen]
impl Plan {
    /// Where the plan is in its approval path.
    #[wasm_bindgen(js_name = approvalState, unchecked_return_type = "ApprovalState")]
    pub fn approval_state(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.approval_state())
    }
}
