//! `importPaper(text, options)` for JS: a committee paper's text read into a draft plan by the
//! core's importer (docs/import.md).

use wasm_bindgen::prelude::*;

use crate::errors::{from_js, invalid_option, load_error, to_js};
use crate::plan::Plan;

/// The draft plan read from a paper and what the import did.
#[wasm_bindgen]
#[derive(Debug)]
pub struct ImportedPaper {
    plan: workplan::Plan,
    summary: workplan::import::ImportSummary,
}

#[wasm_bindgen]
impl ImportedPaper {
    /// The draft plan (status `draft`; each item's `x-import` says which lines it came from and
    /// each judgement made).
    #[wasm_bindgen(getter)]
    pub fn plan(&self) -> Plan {
        Plan { inner: self.plan.clone() }
    }

    /// What the import did: the shape read, the levels (name, items, where the name came from),
    /// labels inferred, measures proposed, and every line not used with why.
    #[wasm_bindgen(getter, unchecked_return_type = "ImportSummary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.summary)
    }

    /// The summary as `workplan import` prints it; with `verbose`, where each level's name came
    /// from and every line not used.
    #[wasm_bindgen(js_name = summaryText)]
    pub fn summary_text(&self, verbose: Option<bool>) -> String {
        self.summary.to_text(verbose.unwrap_or(false))
    }
}

/// Reads a paper's text (as extracted from its PDF) into a draft plan; `options.levels` names the
/// levels, top down, before the paper's own words do; `options.idsFrom`, another version of the
/// plan as data (`plan.toObject()`), gives its ids to the items with the same title. A text from
/// which no item is read throws an `Error` named `PaperImportError` with `code`
/// `paper_nothing_read` and `lines`.
#[wasm_bindgen(js_name = importPaper)]
pub fn import_paper(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "{levels?: string[], idsFrom?: PlanDocument}")] options: JsValue,
) -> Result<ImportedPaper, JsValue> {
    let mut read = workplan::import::ImportOptions::default();
    if !options.is_undefined() && !options.is_null() {
        let given = from_js(options.clone())?;
        match &given["levels"] {
            serde_json::Value::Null => {}
            serde_json::Value::Array(names) if names.iter().all(serde_json::Value::is_string) => {
                read.levels = names.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect();
            }
            _ => {
                let levels = js_sys::Reflect::get(&options, &JsValue::from_str("levels")).unwrap_or(JsValue::NULL);
                return Err(invalid_option("levels", &levels, "a list of level names"));
            }
        }
        if let Some(previous) = given.get("idsFrom").filter(|p| !p.is_null()) {
            read.ids_from = Some(workplan::Plan::from_json_value(previous.clone()).map_err(load_error)?);
        }
    }
    match workplan::import::import_paper(text, &read) {
        Ok(imported) => Ok(ImportedPaper { plan: imported.plan, summary: imported.summary }),
        Err(error) => {
            let js = js_sys::Error::new(&error.to_string());
            js.set_name("PaperImportError");
            let js = JsValue::from(js);
            let workplan::import::ImportError::NothingRead { lines } = error;
            let _ = js_sys::Reflect::set(&js, &JsValue::from_str("code"), &JsValue::from_str(error.code()));
            let _ = js_sys::Reflect::set(&js, &JsValue::from_str("lines"), &JsValue::from_f64(lines as f64));
            Err(js)
        }
    }
}
