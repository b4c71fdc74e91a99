//! `Plan.rollup(...)`: the native result handed to the Python facade's `workplan.Rollup`.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::errors::{api_error, conversion_error, guard, load_error};
use crate::plan::{python_to_json, Updates};

/// The native half of `workplan.Rollup`: the engine and its result.
#[pyclass(name = "_Rollup", module = "workplan", frozen)]
#[derive(Debug)]
pub struct NativeRollup {
    plan: workplan::Plan,
    engine: workplan::RollupEngine,
    result: workplan::Rollup,
}

/// A paper's locale from its tag (`None`: en-GB); an unknown tag is an `UnknownLocaleError`.
fn paper_locale(py: Python<'_>, tag: Option<&str>) -> PyResult<workplan::Locale> {
    tag.map_or(Ok(workplan::Locale::default()), |tag| {
        workplan::Locale::parse(tag).map_err(|e| api_error(py, &e.into()))
    })
}

#[pymethods]
impl NativeRollup {
    /// The rollup as JSON data (docs/rollup.md#the-json-form).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.result.to_json_value()).map_err(|e| conversion_error(py, e)))
    }

    /// The rollup as JSON text.
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.result.to_json_value()).unwrap_or_default()
    }

    /// The plan with its rollup as a committee paper in Markdown (its key names the settings the
    /// rollup was made with); dates and numbers for `locale` (`en-GB` by default).
    #[pyo3(signature = (locale = None))]
    fn to_markdown(&self, py: Python<'_>, locale: Option<&str>) -> PyResult<String> {
        let locale = paper_locale(py, locale)?;
        Ok(self.result.to_markdown_with(&self.plan, self.engine.settings(), &locale))
    }

    /// The plan with its rollup as one self-contained, printable HTML page; dates and numbers
    /// for `locale`.
    #[pyo3(signature = (locale = None))]
    fn to_html(&self, py: Python<'_>, locale: Option<&str>) -> PyResult<String> {
        let locale = paper_locale(py, locale)?;
        Ok(self.result.to_html_with(&self.plan, self.engine.settings(), &locale))
    }

    /// The rows as columns: a dict of lists, `as_of` then the columns of docs/rollup.md#rows.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.result.columns()).map_err(|e| conversion_error(py, e)))
    }

    /// A table of the result as an Arrow table (`__arrow_c_stream__`): `"rows"` (as_of then the
    /// row columns), `"adoption"` (the cells of the adoption matrix) or `"excluded"` (the
    /// denominator audit).
    #[pyo3(signature = (table = "rows"))]
    fn to_arrow<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let batch = match table {
                "rows" => py.detach(|| self.result.to_record_batch()),
                "adoption" => py.detach(|| self.result.adoption_record_batch()),
                "excluded" => self.result.excluded_record_batch(),
                other => {
                    let error = workplan::ApiError::invalid_option("table", other, "rows, adoption or excluded");
                    return Err(api_error(py, &error));
                }
            };
            crate::columns::table(py, batch)
        })
    }

    /// The adoption matrix cells: a list of dicts.
    fn adoption<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.result.adoption).map_err(|e| conversion_error(py, e)))
    }

    /// The plan's id.
    #[getter]
    fn plan(&self) -> &str {
        &self.result.plan
    }

    /// The plan's title, for the titles of charts.
    #[getter]
    fn title(&self) -> &str {
        &self.plan.title
    }

    /// The plan's members as `(id, name)` pairs, in the plan's order, for the names in charts.
    fn members(&self) -> Vec<(String, String)> {
        self.plan.members.iter().map(|m| (m.id.clone(), m.name.clone())).collect()
    }

    /// The date of the numbers, as `YYYY-MM-DD`.
    #[getter]
    fn as_of(&self) -> String {
        self.result.as_of.to_string()
    }

    /// Each row's figures as the papers write them: `(progress, expected, data in)`, e.g.
    /// `("45.7%", "75.3%", "6 of 7 items")` (`workplan::display`: one formatter for every face).
    fn shown(&self) -> Vec<(String, String, String)> {
        use workplan::display::percent;
        self.result.rows.iter().map(|r| (percent(r.progress), percent(r.expected), r.coverage_words())).collect()
    }

    /// How many rows, and how many of them at the top level.
    fn counts(&self) -> (usize, usize) {
        (self.result.rows.len(), self.result.rows.iter().filter(|r| r.depth == 0).count())
    }

    /// How the numbers of one item were found, as data (with a `text` paragraph); an item the
    /// plan does not have is an `UnknownItemError`.
    fn explain<'py>(&self, py: Python<'py>, item: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let explanation = self.engine.explain(item).map_err(|e| api_error(py, &e.into()))?;
            pythonize::pythonize(py, &explanation).map_err(|e| conversion_error(py, e))
        })
    }
}

/// Converts the `updates` argument: `Updates`, a path to a CSV/JSON/YAML file or a workbook, a
/// list of dicts, or a data frame (pandas, polars, pyarrow; read column by column through Arrow).
pub fn updates_from(py: Python<'_>, updates: Option<&Bound<'_, PyAny>>) -> PyResult<workplan::Updates> {
    let Some(updates) = updates.filter(|u| !u.is_none()) else { return Ok(workplan::Updates::default()) };
    if let Ok(native) = updates.cast::<Updates>() {
        return Ok(native.get().inner.clone());
    }
    if updates.is_instance_of::<PyString>() || updates.hasattr("__fspath__")? {
        let path: PathBuf = updates.extract()?;
        return workplan::Updates::load(&path).map_err(|e| load_error(py, e));
    }
    if crate::returns::is_frame(updates)? {
        return crate::returns::from_frame(py, updates, &workplan::ReadOptions::default());
    }
    let value = python_to_json(py, updates)?;
    workplan::Updates::from_json_value(value).map_err(|e| load_error(py, e))
}

/// Reads the date given as the option `option` (`dates`, `start`...): `datetime.date` (pandas
/// timestamps included) or `YYYY-MM-DD` text; anything else is an `InvalidOptionError` naming it.
pub fn date_option(py: Python<'_>, option: &str, value: &Bound<'_, PyAny>) -> PyResult<workplan::Date> {
    if let Ok(text) = value.extract::<String>() {
        return workplan::ApiError::date(option, &text).map_err(|e| api_error(py, &e));
    }
    match value.extract::<chrono::NaiveDate>() {
        Ok(date) => Ok(workplan::Date(date)),
        Err(_) => {
            let shown = value.repr().map(|r| r.to_string()).unwrap_or_default();
            workplan::ApiError::date(option, &shown).map_err(|e| api_error(py, &e))
        }
    }
}

/// A date or date-time option as JSON data: a `datetime.date` as `YYYY-MM-DD`, a
/// `datetime.datetime` as ISO 8601 (naive is UTC), anything else as it converts.
fn date_json(py: Python<'_>, value: &Bound<'_, PyAny>, with_time: bool) -> PyResult<serde_json::Value> {
    if !with_time {
        if let Ok(date) = value.extract::<chrono::NaiveDate>() {
            return Ok(serde_json::Value::String(date.to_string()));
        }
    }
    python_to_json(py, value)
}

/// Reads the options of a rollup: `as_of`, `known_at` and the settings given as keywords, read by
/// the library as the JSON options of every face (`{"as_of", "known_at", "settings"}`), so that a
/// bad one is the same located `ParseError` (path `/as_of`, `/settings/bands/at_risk`) as in Rust
/// and JS.
pub fn options_from(
    py: Python<'_>,
    as_of: Option<&Bound<'_, PyAny>>,
    known_at: Option<&Bound<'_, PyAny>>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<workplan::RollupOptions> {
    let mut options = serde_json::Map::new();
    if let Some(as_of) = as_of.filter(|v| !v.is_none()) {
        options.insert("as_of".to_owned(), date_json(py, as_of, false)?);
    }
    if let Some(known_at) = known_at.filter(|v| !v.is_none()) {
        options.insert("known_at".to_owned(), date_json(py, known_at, true)?);
    }
    if let Some(dict) = settings.filter(|s| !s.is_empty()) {
        options.insert("settings".to_owned(), python_to_json(py, dict.as_any())?);
    }
    workplan::RollupOptions::from_json_value(serde_json::Value::Object(options)).map_err(|e| load_error(py, e))
}

/// Runs the rollup for `Plan.rollup`, returning the facade's `workplan.Rollup`.
pub fn run<'py>(
    py: Python<'py>,
    plan: &workplan::Plan,
    updates: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    known_at: Option<&Bound<'py, PyAny>>,
    settings: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let updates = updates_from(py, updates)?;
        let options = options_from(py, as_of, known_at, settings)?;
        let engine = py.detach(|| workplan::RollupEngine::new(plan, &updates, &options));
        let result = engine.rollup();
        let native = Bound::new(py, NativeRollup { plan: plan.clone(), engine, result })?;
        py.import("workplan._rollup")?.getattr("Rollup")?.call1((native,))
    })
}
