//! `plan.rollup(...)` and `RollupEngine` for JS.

use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

use crate::errors::{api_error, from_js, invalid_option, json_to_js, load_error, to_js};
use crate::plan::{Plan, Updates};

/// The returns of an `Updates` given as `options.updates`, read in Rust: its hidden `__copy`
/// hands over a new instance, taken whole, so that no update becomes a JS object on the way
/// (the caller's instance stays theirs). None for a value without `__copy` (an array, text).
fn updates_instance(value: &JsValue) -> Result<Option<workplan::Updates>, JsValue> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Ok(None);
    }
    let copy = js_sys::Reflect::get(value, &JsValue::from_str("__copy")).unwrap_or(JsValue::UNDEFINED);
    let Ok(copy) = copy.dyn_into::<js_sys::Function>() else {
        return Ok(None);
    };
    let copied = copy.call0(value)?;
    Updates::try_from_js_value(copied)
        .map(|updates| Some(updates.inner))
        .map_err(|_| invalid_option("updates", value, "an Updates, an array of update objects or CSV text"))
}

/// Reads `{updates, asOf, knownAt, settings}`: `updates` as an `Updates`, an array of update
/// objects or CSV text; the rest as in the document format.
fn options_from(options: &JsValue) -> Result<(workplan::Updates, workplan::RollupOptions), JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok((workplan::Updates::default(), workplan::RollupOptions::default()));
    }
    let get = |key: &str| js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let updates = get("updates");
    let updates = if updates.is_undefined() || updates.is_null() {
        workplan::Updates::default()
    } else if let Some(csv) = updates.as_string() {
        workplan::Updates::from_csv(&csv).map_err(load_error)?
    } else if let Some(given) = updates_instance(&updates)? {
        given
    } else {
        workplan::Updates::from_json_value(from_js(updates)?).map_err(load_error)?
    };
    let mut data = serde_json::Map::new();
    for (js, key) in [("asOf", "as_of"), ("knownAt", "known_at"), ("settings", "settings")] {
        let value = get(js);
        if !value.is_undefined() && !value.is_null() {
            data.insert(key.to_owned(), from_js(value)?);
        }
    }
    let options = workplan::RollupOptions::from_json_value(serde_json::Value::Object(data)).map_err(load_error)?;
    Ok((updates, options))
}

/// Reads one update object (with the same located errors as a list of them).
fn one_update(update: JsValue) -> Result<workplan::Update, JsValue> {
    let given = from_js(update)?;
    let shown = given.to_string();
    let updates = workplan::Updates::from_json_value(serde_json::Value::Array(vec![given])).map_err(load_error)?;
    updates
        .updates
        .into_iter()
        .next()
        .ok_or_else(|| api_error(&workplan::ApiError::invalid_option("update", &shown, "one update object")))
}

#[wasm_bindgen]
impl Plan {
    /// Rolls up progress (docs/rollup.md): `{updates, asOf, knownAt, settings}`, all optional;
    /// `updates` is an `Updates`, an array of update objects or CSV text. Returns the JSON form
    /// (docs/rollup.md#the-json-form).
    #[wasm_bindgen(unchecked_return_type = "Rollup")]
    pub fn rollup(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RollupOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (updates, options) = options_from(&options)?;
        json_to_js(&workplan::rollup(&self.inner, &updates, &options))
    }

    /// Like `rollup`, with returns loaded as `Updates` (added after any in `options.updates`).
    #[wasm_bindgen(js_name = rollupWith, unchecked_return_type = "Rollup")]
    pub fn rollup_with(
        &self,
        updates: &Updates,
        #[wasm_bindgen(unchecked_param_type = "RollupOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (mut all, options) = options_from(&options)?;
        all.extend(updates.inner.iter().cloned());
        json_to_js(&workplan::rollup(&self.inner, &all, &options))
    }
}

/// Reads the `dates` of a series: an array of `YYYY-MM-DD` texts; `None` when not given (the
/// library then takes the month ends of the plan's period). Anything else is an
/// `InvalidOptionError` naming `dates`.
fn dates_from(options: &JsValue) -> Result<Option<Vec<workplan::Date>>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let dates = js_sys::Reflect::get(options, &JsValue::from_str("dates")).unwrap_or(JsValue::UNDEFINED);
    if dates.is_undefined() || dates.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&dates) {
        return Err(invalid_option("dates", &dates, "an array of dates"));
    }
    let mut out = Vec::new();
    for date in js_sys::Array::from(&dates).iter() {
        let text =
            date.as_string().unwrap_or_else(|| js_sys::JSON::stringify(&date).map(String::from).unwrap_or_default());
        out.push(workplan::ApiError::date("dates", &text).map_err(|e| api_error(&e))?);
    }
    Ok(Some(out))
}

#[wasm_bindgen]
impl Plan {
    /// Rolls up progress at several dates in one call, for burn-up charts and trends:
    /// `{updates, dates, knownAt, settings}`, all optional; `dates` (`YYYY-MM-DD`, sorted and
    /// deduplicated) default to the month ends of the plan's period. Each rollup equals
    /// `rollup({updates, asOf: date, knownAt, settings})`. Returns `{plan, rollups, burn_up}`.
    #[wasm_bindgen(js_name = rollupSeries, unchecked_return_type = "RollupSeries")]
    pub fn rollup_series(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RollupSeriesOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let dates = dates_from(&options)?;
        let (updates, options) = options_from(&options)?;
        json_to_js(&workplan::rollup_series(&self.inner, &updates, &options, dates.as_deref()).to_json_value())
    }

    /// The outline: one row per item in document order, with its place (`parent`, `depth`,
    /// `level`, `number`, `pointer`), what it says, and what it inherits.
    #[wasm_bindgen(unchecked_return_type = "OutlineRow[]")]
    pub fn outline(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.outline_rows())
    }
}

#[wasm_bindgen]
impl Plan {
    /// The plan with its rollup (`{updates, asOf, knownAt, settings}`) as a committee paper:
    /// `"html"` (one self-contained page) or `"markdown"`, its key naming the settings the rollup
    /// was made with. `locale` is `en-GB` (the default) or `en`: this build writes papers in
    /// English only, and any other tag throws an `UnknownLocaleError`, as in Python.
    pub fn paper(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RollupOptions")] options: JsValue,
        format: &str,
        locale: Option<String>,
    ) -> Result<String, JsValue> {
        let locale = match locale {
            Some(tag) => workplan::Locale::parse(&tag).map_err(|e| api_error(&e.into()))?,
            None => workplan::Locale::default(),
        };
        if !matches!(format, "html" | "markdown") {
            return Err(invalid_option("format", &JsValue::from_str(format), "html or markdown"));
        }
        let (updates, options) = options_from(&options)?;
        let engine = workplan::RollupEngine::new(&self.inner, &updates, &options);
        let settings = *engine.settings();
        let rollup = engine.into_rollup();
        Ok(match format {
            "html" => rollup.to_html_with(&self.inner, &settings, &locale),
            _ => rollup.to_markdown_with(&self.inner, &settings, &locale),
        })
    }
}

/// The incremental engine (docs/rollup.md#the-incremental-engine): built once, then
/// `apply(update)` recomputes only what the update touches and returns the rows that changed.
#[wasm_bindgen]
#[derive(Debug)]
pub struct RollupEngine {
    inner: workplan::RollupEngine,
}

#[wasm_bindgen]
impl RollupEngine {
    /// Builds the engine for `plan` with `{updates, asOf, knownAt, settings}`; `updates` is an
    /// `Updates` (read without a round trip through JS objects, and left to the caller), an
    /// array of update objects or CSV text.
    #[wasm_bindgen(constructor)]
    pub fn new(
        plan: &Plan,
        #[wasm_bindgen(unchecked_param_type = "RollupOptions")] options: JsValue,
    ) -> Result<RollupEngine, JsValue> {
        let (updates, options) = options_from(&options)?;
        Ok(RollupEngine { inner: workplan::RollupEngine::new(&plan.inner, &updates, &options) })
    }

    /// Applies one more return (an update object); returns the rows that changed. A return that
    /// cannot count (an unknown item or member, a member missing or not expected) throws an
    /// `Error` with its `code` (`UnknownItemError`, `UnknownMemberError` or `RefusedReturnError`,
    /// with `item` and `member`) and changes nothing.
    #[wasm_bindgen(unchecked_return_type = "RollupRow[]")]
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Update")] update: JsValue,
    ) -> Result<JsValue, JsValue> {
        let update = one_update(update)?;
        to_js(&self.inner.apply(update).map_err(|e| api_error(&e.into()))?)
    }

    /// Applies one return, or an array of returns in order; returns `{rows, cells}`: the rows and
    /// the adoption-matrix cells that changed, each once, in document order (what a view needs to
    /// redraw). Every return is checked first: one that cannot count throws an `Error` with its
    /// `code` (as `apply` does, and the `index` in the array) and none is applied.
    #[wasm_bindgen(js_name = applyChanges, unchecked_return_type = "Changes")]
    pub fn apply_changes(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Update | Update[]")] updates: JsValue,
    ) -> Result<JsValue, JsValue> {
        if js_sys::Array::is_array(&updates) {
            let value = from_js(updates)?;
            let updates = workplan::Updates::from_json_value(value).map_err(load_error)?;
            let changes = self.inner.apply_all(&updates.updates).map_err(|e| api_error(&e.into()))?;
            return to_js(&changes);
        }
        let update = one_update(updates)?;
        to_js(&self.inner.apply_changes(update).map_err(|e| api_error(&e.into()))?)
    }

    /// The adoption-matrix cells of one member item, members in plan order (empty for other
    /// items).
    #[wasm_bindgen(unchecked_return_type = "AdoptionCell[]")]
    pub fn cells(&self, item: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.cells(item))
    }

    /// The current rows, in document order.
    #[wasm_bindgen(unchecked_return_type = "RollupRow[]")]
    pub fn rows(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.rows())
    }

    /// The whole current result (docs/rollup.md#the-result).
    #[wasm_bindgen(unchecked_return_type = "Rollup")]
    pub fn rollup(&self) -> Result<JsValue, JsValue> {
        json_to_js(&self.inner.rollup())
    }

    /// How the numbers of one item were found (docs/rollup.md#explain), with a `text` paragraph.
    #[wasm_bindgen(unchecked_return_type = "Explanation")]
    pub fn explain(&self, item: &str) -> Result<JsValue, JsValue> {
        let explanation = self.inner.explain(item).map_err(|e| api_error(&e.into()))?;
        to_js(&explanation)
    }
}
