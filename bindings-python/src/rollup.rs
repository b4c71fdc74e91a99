//! `Plan.rollup(...)`: the native result handed to the Python facade's `workplan.Rollup`.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::errors::{guard, load_error, workplan_error};
use crate::plan::{python_to_json, Updates};

/// The native half of `workplan.Rollup`: the engine and its result.
#[pyclass(name = "_Rollup", module = "workplan", frozen)]
#[derive(Debug)]
pub struct NativeRollup {
    plan: workplan::Plan,
    engine: workplan::RollupEngine,
    result: workplan::Rollup,
}

/// A paper's locale from its tag (`None`: en-GB); an unknown tag is a `WorkplanError`.
fn paper_locale(py: Python<'_>, tag: Option<&str>) -> PyResult<workplan::Locale> {
    tag.map_or(Ok(workplan::Locale::default()), |tag| {
        workplan::Locale::parse(tag).map_err(|e| workplan_error(py, e.to_string()))
    })
}

#[pymethods]
impl NativeRollup {
    /// The rollup as JSON data (DESIGN 6.10).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            pythonize::pythonize(py, &self.result.to_json_value()).map_err(|e| workplan_error(py, e.to_string()))
        })
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

    /// The rows as columns: a dict of lists, `as_of` then the DESIGN 6.10 columns.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.result.columns()).map_err(|e| workplan_error(py, e.to_string())))
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
                    return Err(workplan_error(
                        py,
                        format!("table is \"rows\", \"adoption\" or \"excluded\", not {other:?}"),
                    ))
                }
            };
            crate::columns::table(py, batch)
        })
    }

    /// The adoption matrix cells: a list of dicts.
    fn adoption<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.result.adoption).map_err(|e| workplan_error(py, e.to_string())))
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
        use workplan::display::{coverage_words, percent};
        self.result.rows.iter().map(|r| (percent(r.progress), percent(r.expected), coverage_words(r))).collect()
    }

    /// How many rows, and how many of them at the top level.
    fn counts(&self) -> (usize, usize) {
        (self.result.rows.len(), self.result.rows.iter().filter(|r| r.depth == 0).count())
    }

    /// How the numbers of one item were found, as data (with a `text` paragraph).
    fn explain<'py>(&self, py: Python<'py>, item: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || match self.engine.explain(item) {
            Some(explanation) => pythonize::pythonize(py, &explanation).map_err(|e| workplan_error(py, e.to_string())),
            None => Err(workplan_error(py, format!("no item `{item}` in the plan"))),
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

/// Reads a date (`datetime.date` or `YYYY-MM-DD` text).
pub fn date_from(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<workplan::Date>> {
    let Some(value) = value.filter(|v| !v.is_none()) else { return Ok(None) };
    if let Ok(text) = value.extract::<String>() {
        return text.parse().map(Some).map_err(|e: workplan::model::DateError| workplan_error(py, e.to_string()));
    }
    let date: chrono::NaiveDate = value.extract()?;
    Ok(Some(workplan::Date(date)))
}

/// Reads a date-time (`datetime.datetime`, aware or naive as UTC, or RFC 3339 text).
fn timestamp_from(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<workplan::Timestamp>> {
    let Some(value) = value.filter(|v| !v.is_none()) else { return Ok(None) };
    let text: String = match value.extract::<String>() {
        Ok(text) => text,
        Err(_) => value.call_method0("isoformat")?.extract()?,
    };
    text.parse().map(Some).map_err(|e: workplan::model::DateError| workplan_error(py, e.to_string()))
}

/// Reads the options of a rollup: `as_of`, `known_at` and the settings given as keywords.
pub fn options_from(
    py: Python<'_>,
    as_of: Option<&Bound<'_, PyAny>>,
    known_at: Option<&Bound<'_, PyAny>>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<workplan::RollupOptions> {
    let settings = match settings.filter(|s| !s.is_empty()) {
        Some(dict) => {
            let value = python_to_json(py, dict.as_any())?;
            let options = serde_json::json!({ "settings": value });
            workplan::RollupOptions::from_json_value(options).map_err(|e| load_error(py, e))?.settings
        }
        None => None,
    };
    Ok(workplan::RollupOptions { as_of: date_from(py, as_of)?, known_at: timestamp_from(py, known_at)?, settings })
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
