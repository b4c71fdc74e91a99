//! `workplan.Plan` and `workplan.Updates`: private newtypes around the core values.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::errors::{conversion_error, guard, load_error};

/// A plan: a tree of items (portfolios, priorities, outputs, pledges) with its members, themes,
/// settings, progress returns and governance events.
///
/// Load one with `workplan.load(path)`, `Plan.from_json(text)`, `Plan.from_yaml(text)` or
/// `Plan.from_dict(data)`.
#[pyclass(name = "Plan", module = "workplan", frozen)]
#[derive(Debug)]
pub struct Plan {
    pub inner: workplan::Plan,
}

/// Converts a Python object to JSON data via `json.dumps`, with dates and date-times written as
/// ISO 8601 text.
pub fn python_to_json(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    let default = py.import("workplan._convert")?.getattr("json_default")?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("default", default)?;
    kwargs.set_item("allow_nan", false)?;
    let text: String = py
        .import("json")?
        .getattr("dumps")?
        .call((data,), Some(&kwargs))
        .and_then(|text| text.extract())
        .map_err(|e| conversion_error(py, e))?;
    serde_json::from_str(&text).map_err(|e| conversion_error(py, e))
}

fn json_to_python<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| conversion_error(py, e))
}

#[pymethods]
impl Plan {
    /// Reads a plan from JSON text. Raises `ParseError` with `code`, `path`, `line`, `column`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<Plan> {
        guard(py, || {
            let result = py.detach(|| workplan::Plan::from_json_str(text));
            result.map(|inner| Plan { inner }).map_err(|e| load_error(py, e))
        })
    }

    /// Reads a plan from YAML text. Raises `ParseError` with `code`, `path`, `line`, `column`.
    #[classmethod]
    fn from_yaml(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<Plan> {
        guard(py, || {
            let result = py.detach(|| workplan::Plan::from_yaml_str(text));
            result.map(|inner| Plan { inner }).map_err(|e| load_error(py, e))
        })
    }

    /// Reads a plan from a dict (as `to_dict` returns; dates may be `datetime.date`). Errors
    /// carry the `path`; `line` and `column` are `None`.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Plan> {
        guard(py, || {
            let value = python_to_json(py, data)?;
            workplan::Plan::from_json_value(value).map(|inner| Plan { inner }).map_err(|e| load_error(py, e))
        })
    }

    /// Reads a plan from a `.json`, `.yaml` or `.yml` file.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Plan> {
        load(py, path)
    }

    /// The plan as a dict of plain JSON data (dates as `YYYY-MM-DD` text), `x-` keys kept.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || json_to_python(py, &self.inner.to_json_value()))
    }

    /// The plan as pretty JSON text (deterministic).
    fn to_json(&self) -> String {
        self.inner.to_json_string()
    }

    /// The plan as YAML text (deterministic).
    fn to_yaml(&self) -> String {
        self.inner.to_yaml_string()
    }

    /// Validates the plan (and `updates`, returns passed separately: anything `rollup` takes):
    /// every finding, in document order, as a `Report` (a list of `Diagnostic`). With `strict=True`, raises
    /// `ValidationError` (carrying the report as `diagnostics`) when there are errors.
    #[pyo3(signature = (updates = None, *, strict = false))]
    fn validate<'py>(
        &self,
        py: Python<'py>,
        updates: Option<Bound<'py, PyAny>>,
        strict: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let given = updates.as_ref().filter(|u| !u.is_none());
            let updates = match given {
                Some(_) => Some(crate::rollup::updates_from(py, given)?),
                None => None,
            };
            let result = py.detach(|| match &updates {
                Some(updates) => self.inner.validate_with(updates),
                None => self.inner.validate(),
            });
            let (has_errors, errors) = (result.has_errors(), result.counts().errors);
            let report = crate::validate::report(py, result)?;
            if strict {
                crate::validate::raise_if_errors(py, &report, has_errors, errors)?;
            }
            Ok(report)
        })
    }

    /// Rolls up progress (docs/rollup.md): `updates` (`Updates`, a path, a list of dicts or a pandas
    /// DataFrame) on top of the plan's own returns; `as_of` (a `datetime.date`, the period's
    /// end by default); `known_at` (a `datetime.datetime`: count only returns recorded by then);
    /// any setting as a keyword (`weighting="equal"`, `missing="exclude"`, `status="worst"`,
    /// `bands={"at_risk": 0.1}`, `stale_after_days=92`, `trend_days=91`, `coverage_threshold=0.5`). Returns a `Rollup`.
    #[pyo3(signature = (updates = None, *, as_of = None, known_at = None, **settings))]
    fn rollup<'py>(
        &self,
        py: Python<'py>,
        updates: Option<Bound<'py, PyAny>>,
        as_of: Option<Bound<'py, PyAny>>,
        known_at: Option<Bound<'py, PyAny>>,
        settings: Option<Bound<'py, pyo3::types::PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::rollup::run(py, &self.inner, updates.as_ref(), as_of.as_ref(), known_at.as_ref(), settings.as_ref())
    }

    /// Rolls up progress at several dates in one call, for burn-up charts and trends: each date
    /// gives exactly the numbers of `rollup(updates, as_of=date)`. `dates` is any iterable of
    /// `datetime.date` (pandas timestamps included) or `YYYY-MM-DD` text, sorted and
    /// deduplicated; by default the month ends of the plan's period. `updates`, `known_at` and
    /// the settings keywords are those of `rollup`. Returns a `RollupSeries`.
    #[pyo3(signature = (updates = None, dates = None, *, known_at = None, **settings))]
    fn rollup_series<'py>(
        &self,
        py: Python<'py>,
        updates: Option<Bound<'py, PyAny>>,
        dates: Option<Bound<'py, PyAny>>,
        known_at: Option<Bound<'py, PyAny>>,
        settings: Option<Bound<'py, pyo3::types::PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::series::run(py, &self.inner, updates.as_ref(), dates.as_ref(), known_at.as_ref(), settings.as_ref())
    }

    /// The outline: one dict per item in document order, with `id`, `parent`, `depth`,
    /// `level`, `label`, `number` (labels joined by dots, `7.2.a`), `pointer`, `title`,
    /// `outcome`, `owner`, `themes`, `start` and `due` (inherited), `weight`, `state`,
    /// `included`, `excluded_by`, `kind` (`parent`, `leaf` or `member_item`), `members`,
    /// `adoption`, `unit`, `baseline`, `target`, `children` and `links`.
    fn outline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.inner.outline_rows()).map_err(|e| conversion_error(py, e)))
    }

    /// The outline as a pandas DataFrame, one row per item (the columns of `outline()`): dates
    /// as datetime64, `state` and `kind` as categoricals, numbers as nullable floats. Needs
    /// pandas (`pip install 'workplan[pandas]'`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let columns =
                pythonize::pythonize(py, &self.inner.outline_columns()).map_err(|e| conversion_error(py, e))?;
            py.import("workplan._outline")?.getattr("outline_frame")?.call1((columns,))
        })
    }

    /// The outline as an Arrow table (`__arrow_c_stream__`), one row per item (the columns of
    /// `outline()`): `pyarrow.table(plan.to_arrow())`, `polars.DataFrame(plan.to_arrow())`.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let batch = py.detach(|| self.inner.outline_record_batch());
            crate::columns::table(py, batch)
        })
    }

    /// The plan as HTML for Jupyter: its title, period and status, and the outline as a tree
    /// that opens and closes (`<details>`).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        py.import("workplan._outline")?.getattr("plan_html")?.call1((slf,))
    }

    /// Where the plan is in its approval path: the declared status, the stage its events give,
    /// the last approval, the path of events, and whether they agree.
    fn approval_state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.inner.approval_state()).map_err(|e| conversion_error(py, e)))
    }

    /// The plan's shape: items per level, measures, members, links, events.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || pythonize::pythonize(py, &self.inner.summary()).map_err(|e| conversion_error(py, e)))
    }

    /// The plan's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The plan's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The plan's status: `draft`, `consultation`, `approved` or `archived`.
    #[getter]
    fn status(&self) -> String {
        match serde_json::to_value(self.inner.status()) {
            Ok(serde_json::Value::String(status)) => status,
            _ => String::new(),
        }
    }

    /// The plan's period as `(start, end)` dates.
    #[getter]
    fn period(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        (self.inner.period.start.0, self.inner.period.end.0)
    }

    fn __repr__(&self) -> String {
        format!("<Plan {} {:?}: {} items>", self.inner.id, self.inner.title, self.inner.items_in_order().len())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Plan>().is_ok_and(|other| other.get().inner == self.inner)
    }
}

/// Reads a plan from a `.json`, `.yaml` or `.yml` file.
#[pyfunction]
pub fn load(py: Python<'_>, path: PathBuf) -> PyResult<Plan> {
    guard(py, || {
        let result = py.detach(|| workplan::Plan::load(&path));
        result.map(|inner| Plan { inner }).map_err(|e| load_error(py, e))
    })
}

/// Progress returns and adoption events, in input order.
///
/// Load them with `workplan.load_updates(path)` (CSV, JSON or YAML), `Updates.from_csv(text)`,
/// `Updates.from_json(text)` or `Updates.from_records(list_of_dicts)`.
#[pyclass(name = "Updates", module = "workplan", frozen)]
#[derive(Debug)]
pub struct Updates {
    pub inner: workplan::Updates,
}

#[pymethods]
impl Updates {
    /// Reads progress returns from CSV text (header row required). `mapping` (a dict or the
    /// path of a YAML/JSON mapping), `on_error` and mapping entries as keywords as in
    /// `load_updates`.
    #[classmethod]
    #[pyo3(signature = (text, *, mapping = None, on_error = "raise", **entries))]
    fn from_csv(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        text: &str,
        mapping: Option<&Bound<'_, PyAny>>,
        on_error: &str,
        entries: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Updates> {
        guard(py, || {
            let options = crate::returns::read_options(py, None, mapping, on_error, entries)?;
            let result = py.detach(|| workplan::Updates::from_csv_with(text, &options));
            result.map(|inner| Updates { inner }).map_err(|e| load_error(py, e))
        })
    }

    /// Reads progress returns from a data frame, column by column with no text in between:
    /// a pandas or polars DataFrame, a pyarrow Table, or any object with `__arrow_c_stream__`.
    /// Dates stay dates and date-times keep their time and zone (naive ones are UTC).
    /// `mapping`, `on_error` and mapping entries as keywords as in `load_updates`.
    #[classmethod]
    #[pyo3(signature = (data, *, mapping = None, on_error = "raise", **entries))]
    fn from_frame(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        mapping: Option<&Bound<'_, PyAny>>,
        on_error: &str,
        entries: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Updates> {
        guard(py, || {
            let options = crate::returns::read_options(py, None, mapping, on_error, entries)?;
            crate::returns::from_frame(py, data, &options).map(|inner| Updates { inner })
        })
    }

    /// Reads progress returns from a JSON list of update objects.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<Updates> {
        guard(py, || {
            let result = py.detach(|| workplan::Updates::from_json_str(text));
            result.map(|inner| Updates { inner }).map_err(|e| load_error(py, e))
        })
    }

    /// Reads progress returns from a list of dicts (dates may be `datetime.date`).
    #[classmethod]
    fn from_records(_cls: &Bound<'_, PyType>, py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<Updates> {
        guard(py, || {
            let value = python_to_json(py, records)?;
            workplan::Updates::from_json_value(value).map(|inner| Updates { inner }).map_err(|e| load_error(py, e))
        })
    }

    /// The returns as a list of dicts of plain JSON data.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || json_to_python(py, &self.inner.to_json_value()))
    }

    /// The returns as CSV text.
    fn to_csv(&self) -> String {
        self.inner.to_csv_string()
    }

    /// The rows set aside by `on_error="collect"`: one dict each with `sheet`, `line` (the row
    /// of a sheet, or the line of a CSV file), `column`, `path`, `cells` (header -> text) and
    /// `errors` (the messages). Never dropped silently: empty when every row was read.
    #[getter]
    fn set_aside<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let rows: Vec<serde_json::Value> = self
                .inner
                .read
                .set_aside
                .iter()
                .map(|row| {
                    serde_json::json!({
                        "sheet": row.location.sheet.as_deref(),
                        "cell": row.location.cell_reference(),
                        "line": row.location.line(),
                        "column": row.location.column(),
                        "path": row.location.path.to_string(),
                        "cells": row.cells.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect::<serde_json::Map<_, _>>(),
                        "errors": row.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json_to_python(py, &serde_json::Value::Array(rows))
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        let summary = self.inner.summary();
        format!("<Updates: {} rows on {} items>", summary.rows, summary.items)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Updates>().is_ok_and(|other| other.get().inner == self.inner)
    }
}

/// Reads progress returns from a `.csv`, `.json`, `.yaml` or `.yml` file, or a workbook
/// (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`; every sheet, or `sheet`: a name or a list).
/// `mapping` (a dict, or the path of a YAML/JSON mapping) maps columns, status words and the
/// percent scale; its entries may also be given as keywords (`columns=`, `status="rag"`,
/// `percent_scale="fraction"`, `ignore=`). `on_error="collect"` loads the good rows and sets
/// the bad ones aside (`Updates.set_aside`); by default every bad row is raised at once
/// (`ParseError.errors`).
#[pyfunction]
#[pyo3(signature = (path, sheet = None, mapping = None, *, on_error = "raise", **entries))]
pub fn load_updates(
    py: Python<'_>,
    path: PathBuf,
    sheet: Option<&Bound<'_, PyAny>>,
    mapping: Option<&Bound<'_, PyAny>>,
    on_error: &str,
    entries: Option<&Bound<'_, PyDict>>,
) -> PyResult<Updates> {
    guard(py, || {
        let options = crate::returns::read_options(py, sheet, mapping, on_error, entries)?;
        let result = py.detach(|| workplan::Updates::load_with(&path, &options));
        result.map(|inner| Updates { inner }).map_err(|e| load_error(py, e))
    })
}

/// The JSON Schema of the plan format, as a dict.
#[pyfunction]
pub fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || json_to_python(py, &workplan::schema()))
}
