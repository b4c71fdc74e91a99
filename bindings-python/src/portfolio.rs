//! `workplan.portfolio(...)`: many plans rolled up at once into one set of tables with the plan's
//! id as a column (docs/portfolio.md); the native result handed to the facade's
//! `workplan.Portfolio`.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;
use workplan::portfolio::{Portfolio, PortfolioOptions, PortfolioRollup, PortfolioTable};

use crate::errors::{api_error, guard, portfolio_error};

/// The native half of `workplan.Portfolio`: every plan rolled up, and the plans that were not.
#[pyclass(name = "_Portfolio", module = "workplan", frozen)]
#[derive(Debug)]
pub struct NativePortfolio {
    rolled: PortfolioRollup,
}

#[pymethods]
impl NativePortfolio {
    /// A table of the portfolio as one Arrow table (`__arrow_c_stream__`), plan after plan:
    /// `"rows"`, `"cells"`, `"findings"`, `"excluded"` or `"links"` (docs/portfolio.md#the-tables).
    #[pyo3(signature = (table = "rows"))]
    fn to_arrow<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let Some(which) = PortfolioTable::from_name(table) else {
                let expected = "rows, cells, findings, excluded or links";
                return Err(api_error(py, &workplan::ApiError::invalid_option("table", table, expected)));
            };
            let batches = py.detach(|| self.rolled.record_batches(which));
            Ok(Bound::new(py, PyTable::try_new(batches, which.schema())?)?.into_any())
        })
    }

    /// The ids of the plans rolled up, in the portfolio's order.
    #[getter]
    fn plans(&self) -> Vec<String> {
        self.rolled.plans.iter().map(|plan| plan.plan.clone()).collect()
    }

    /// The plans left out, in the portfolio's order: one dict each with `file` (the plan file),
    /// `code` (`plan_load`, `returns_load`, `ambiguous_returns`, `duplicate_plan_id`) and `message`.
    #[getter]
    fn failures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for failure in &self.rolled.failures {
            let entry = PyDict::new(py);
            entry.set_item("file", failure.file().display().to_string())?;
            entry.set_item("code", failure.code())?;
            entry.set_item("message", failure.to_string())?;
            list.append(entry)?;
        }
        Ok(list)
    }

    /// How many plans were rolled up, how many rows they have, and how many plans were left out.
    fn counts(&self) -> (usize, usize, usize) {
        let rows = self.rolled.plans.iter().map(|plan| plan.rollup.rows.len()).sum();
        (self.rolled.plans.len(), rows, self.rolled.failures.len())
    }
}

/// Rolls up the plans of every source (a folder, a glob, a manifest or a plan file;
/// docs/portfolio.md#sources) at `as_of` (each plan's period end when absent), `threads` plans at
/// once, with the GIL released. Returns are read as `load_updates` reads them (`sheet`, `mapping`,
/// `on_error` and mapping entries as keywords); a manifest's own mapping for a plan replaces them.
/// A plan that fails is left out and listed in `failures`, unless `fail_fast`: then, as for a
/// source that cannot be read, `workplan.PortfolioError`.
#[pyfunction]
#[pyo3(signature = (
    *sources, as_of = None, known_at = None, sheet = None, mapping = None, on_error = "raise",
    fail_fast = false, threads = None, **entries
))]
#[allow(clippy::too_many_arguments)]
pub fn portfolio(
    py: Python<'_>,
    sources: Vec<PathBuf>,
    as_of: Option<&Bound<'_, PyAny>>,
    known_at: Option<&Bound<'_, PyAny>>,
    sheet: Option<&Bound<'_, PyAny>>,
    mapping: Option<&Bound<'_, PyAny>>,
    on_error: &str,
    fail_fast: bool,
    threads: Option<usize>,
    entries: Option<&Bound<'_, PyDict>>,
) -> PyResult<NativePortfolio> {
    guard(py, || {
        if sources.is_empty() {
            let expected = "at least one folder, glob, manifest or plan file";
            return Err(api_error(py, &workplan::ApiError::invalid_option("sources", "", expected)));
        }
        if threads == Some(0) {
            return Err(api_error(py, &workplan::ApiError::invalid_option("threads", "0", "a number from 1")));
        }
        let mut options = PortfolioOptions::default();
        options.read = crate::returns::read_options(py, sheet, mapping, on_error, entries)?;
        options.rollup = crate::rollup::options_from(py, as_of, known_at, None)?;
        options.fail_fast = fail_fast;
        options.threads = threads;
        let rolled = py.detach(|| Portfolio::open(&sources).and_then(|portfolio| portfolio.rollup(&options)));
        rolled.map(|rolled| NativePortfolio { rolled }).map_err(|error| portfolio_error(py, &error))
    })
}
