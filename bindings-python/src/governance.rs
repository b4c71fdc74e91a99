//! Approval path and review cadence for Python.

use pyo3::prelude::*;

use crate::errors::{guard, workplan_error};
use crate::plan::Plan;

fn date(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<workplan::Date> {
    if let Ok(text) = value.extract::<String>() {
        return text.parse().map_err(|e: workplan::model::DateError| workplan_error(py, e.to_string()));
    }
    Ok(workplan::Date(value.extract::<chrono::NaiveDate>()?))
}

/// The meeting dates from `start` to `end` (dates or `YYYY-MM-DD`) under a rule such as
/// "second tuesday except january, august", as `datetime.date`s.
#[pyfunction]
pub fn meetings(
    py: Python<'_>,
    rule: &str,
    start: Bound<'_, PyAny>,
    end: Bound<'_, PyAny>,
) -> PyResult<Vec<chrono::NaiveDate>> {
    guard(py, || {
        let rule: workplan::MeetingRule =
            rule.parse().map_err(|e: workplan::cadence::RuleError| workplan_error(py, e.to_string()))?;
        Ok(workplan::meetings(&rule, date(py, &start)?, date(py, &end)?).into_iter().map(|d| d.0).collect())
    })
}

/// The rotation of the items at `level` over `meetings`, the gaps longer than `window_months`,
/// and (with `as_of`) the clusters overdue by the plan's `reviewed` events, as a dict.
#[pyfunction]
#[pyo3(signature = (plan, meetings, level = 0, window_months = 12, as_of = None))]
pub fn cadence<'py>(
    py: Python<'py>,
    plan: PyRef<'py, Plan>,
    meetings: Vec<Bound<'py, PyAny>>,
    level: usize,
    window_months: u32,
    as_of: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let dates = meetings.iter().map(|m| date(py, m)).collect::<PyResult<Vec<_>>>()?;
        let as_of = as_of.map(|d| date(py, &d)).transpose()?;
        let result = workplan::cadence(&plan.inner, &dates, level, window_months, as_of);
        pythonize::pythonize(py, &result).map_err(|e| workplan_error(py, e.to_string()))
    })
}
