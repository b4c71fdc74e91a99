//! `Plan.rollup_series(...)`: the native series handed to the Python facade's
//! `workplan.RollupSeries`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::errors::{api_error, conversion_error, guard};
use crate::rollup::{date_option, options_from, updates_from};

/// The native half of `workplan.RollupSeries`.
#[pyclass(name = "_RollupSeries", module = "workplan", frozen)]
#[derive(Debug)]
pub struct NativeSeries {
    inner: workplan::RollupSeries,
    /// The plan's title, for the titles of charts.
    title: String,
}

fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| conversion_error(py, e))
}

#[pymethods]
impl NativeSeries {
    /// The series as JSON data: `{"plan": id, "rollups": [...], "burn_up": [...]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || to_python(py, &self.inner.to_json_value()))
    }

    /// Every row at every date in long form, as a dict of lists (`as_of` first).
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || to_python(py, &self.inner.columns()))
    }

    /// Every row at every date in long form as an Arrow table (`__arrow_c_stream__`).
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let batch = py.detach(|| self.inner.to_record_batch());
            crate::columns::table(py, batch)
        })
    }

    /// The burn-up numbers at each date, as a list of dicts.
    fn burn_up<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || to_python(py, &self.inner.burn_up()))
    }

    /// The dates, as `YYYY-MM-DD`.
    fn dates(&self) -> Vec<String> {
        self.inner.dates().iter().map(ToString::to_string).collect()
    }

    /// The plan's id.
    #[getter]
    fn plan(&self) -> &str {
        &self.inner.plan
    }

    /// The plan's title, for the titles of charts.
    #[getter]
    fn title(&self) -> &str {
        &self.title
    }
}

/// Reads the dates of a series: any iterable of `datetime.date` (pandas timestamps included) or
/// `YYYY-MM-DD` text; `None` when not given (the library then takes the month ends of the plan's
/// period). Anything else, one text included, is an `InvalidOptionError` naming `dates`.
fn dates_from(py: Python<'_>, dates: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<workplan::Date>>> {
    let Some(dates) = dates.filter(|d| !d.is_none()) else { return Ok(None) };
    let not_a_list = || {
        let shown = dates.str().map(|s| s.to_string()).unwrap_or_default();
        api_error(py, &workplan::ApiError::invalid_option("dates", &shown, "a list of dates"))
    };
    if dates.is_instance_of::<PyString>() {
        return Err(not_a_list());
    }
    let mut out = Vec::new();
    for date in dates.try_iter().map_err(|_| not_a_list())? {
        out.push(date_option(py, "dates", &date?)?);
    }
    Ok(Some(out))
}

/// Runs `Plan.rollup_series`, returning the facade's `workplan.RollupSeries`.
pub fn run<'py>(
    py: Python<'py>,
    plan: &workplan::Plan,
    updates: Option<&Bound<'py, PyAny>>,
    dates: Option<&Bound<'py, PyAny>>,
    known_at: Option<&Bound<'py, PyAny>>,
    settings: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let updates = updates_from(py, updates)?;
        let options = options_from(py, None, known_at, settings)?;
        let dates = dates_from(py, dates)?;
        let inner = py.detach(|| workplan::rollup_series(plan, &updates, &options, dates.as_deref()));
        let native = Bound::new(py, NativeSeries { inner, title: plan.title.clone() })?;
        py.import("workplan._series")?.getattr("RollupSeries")?.call1((native,))
    })
}
