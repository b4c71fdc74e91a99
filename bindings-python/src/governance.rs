//! Approval path and review cadence for Python.

use pyo3::prelude::*;

use crate::errors::{api_error, conversion_error, guard};
use crate::plan::Plan;
use crate::rollup::date_option;

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
            rule.parse().map_err(|e: workplan::cadence::RuleError| api_error(py, &e.into()))?;
        let (start, end) = (date_option(py, "start", &start)?, date_option(py, "end", &end)?);
        Ok(workplan::meetings(&rule, start, end).into_iter().map(|d| d.0).collect())
    })
}

/// The rotation of the items at `level` over `meetings`, the gaps longer than `window_months`,
/// and (with `as_of`) the clusters overdue by the plan's `reviewed` events, as a dict. What is not
/// given takes the library's defaults (`workplan::CadenceOptions`: the top level, 12 months, no
/// overdue check).
#[pyfunction]
#[pyo3(signature = (plan, meetings, level = None, window_months = None, as_of = None))]
pub fn cadence<'py>(
    py: Python<'py>,
    plan: PyRef<'py, Plan>,
    meetings: Vec<Bound<'py, PyAny>>,
    level: Option<usize>,
    window_months: Option<u32>,
    as_of: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let dates = meetings.iter().map(|m| date_option(py, "meetings", m)).collect::<PyResult<Vec<_>>>()?;
        let defaults = workplan::CadenceOptions::default();
        let options = workplan::CadenceOptions {
            level: level.unwrap_or(defaults.level),
            window_months: window_months.unwrap_or(defaults.window_months),
            as_of: as_of.map(|d| date_option(py, "as_of", &d)).transpose()?,
        };
        let result = workplan::cadence(&plan.inner, &dates, &options);
        pythonize::pythonize(py, &result).map_err(|e| conversion_error(py, e))
    })
}
