//! `diff(old, new)` for JS.

use wasm_bindgen::prelude::*;

use crate::errors::{invalid_option, to_js};
use crate::plan::Plan;

/// What changed from `old` to `new` (items matched by id).
#[wasm_bindgen(js_name = diff, unchecked_return_type = "PlanDiff")]
pub fn diff(old: &Plan, new: &Plan) -> Result<JsValue, JsValue> {
    to_js(&workplan::diff(&old.inner, &new.inner))
}

/// The changelog from `old` to `new` as `"text"` (default) or `"markdown"`.
#[wasm_bindgen(js_name = changelog)]
pub fn changelog(old: &Plan, new: &Plan, format: Option<String>) -> Result<String, JsValue> {
    let diff = workplan::diff(&old.inner, &new.inner);
    match format.as_deref() {
        None | Some("text") => Ok(diff.to_text()),
        Some("markdown") => Ok(diff.to_markdown()),
        Some(other) => Err(invalid_option("format", &JsValue::from_str(other), "text or markdown")),
    }
}
