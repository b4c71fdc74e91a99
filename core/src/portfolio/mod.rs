//! A portfolio: many plans with their returns, rolled up plan by plan in parallel into one set of
//! tables with the plan's id as a column (feature `portfolio`; docs/portfolio.md).
//!
//! A portfolio is read from folders, glob patterns or manifests ([`Portfolio::open`]). Rolling it
//! up ([`Portfolio::rollup`], or [`Portfolio::rollup_each`] to handle each plan as it is done)
//! gives, for each plan, its [`Rollup`](crate::Rollup) and its validation [`Report`](crate::Report); a plan that does not load
//! is a [`PlanFailure`] with its file, and the others go on.
//!
//! ```
//! use workplan::portfolio::{Portfolio, PortfolioOptions};
//!
//! let folder = std::env::temp_dir().join(format!("workplan-portfolio-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&folder)?;
//! for id in ["east", "west"] {
//!     let plan = format!(
//!         "workplan: 1\nid: {id}\ntitle: {id}\nperiod: {{start: 2021-01-01, end: 2021-12-31}}\n\
//!          items:\n- {{id: a, label: '1', title: A}}\n"
//!     );
//!     std::fs::write(folder.join(format!("{id}.yaml")), plan)?;
//! }
//! std::fs::write(folder.join("east-updates.csv"), "item,date,percent\na,2021-06-30,40\n")?;
//!
//! let portfolio = Portfolio::from_folder(&folder)?;
//! let rolled = portfolio.rollup(&PortfolioOptions::default())?;
//! let progress: Vec<(&str, Option<f64>)> =
//!     rolled.plans.iter().map(|p| (p.plan.as_str(), p.rollup.rows[0].progress)).collect();
//! assert_eq!(progress, [("east", Some(0.4)), ("west", None)]); // west: no return
//! # std::fs::remove_dir_all(&folder)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "arrow")]
mod columns;
mod error;
mod run;
mod source;

use std::path::PathBuf;

#[cfg(feature = "arrow")]
pub use columns::PortfolioTable;
pub use error::{PlanFailure, PortfolioError};
pub use run::{ItemLink, PlanOutcome, PlanRollup, PortfolioRollup};

use crate::{ReadOptions, RollupOptions};

/// The plans of a portfolio, in order, each with its returns.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Portfolio {
    /// The plans.
    pub plans: Vec<PortfolioPlan>,
}

/// One plan of a portfolio: its file, and its returns file and mapping if any.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PortfolioPlan {
    /// The plan file (`.json`, `.yaml`, `.yml`).
    pub plan: PathBuf,
    /// Its returns (`.csv`, `.json`, `.yaml`, or a workbook).
    pub updates: Option<PathBuf>,
    /// How its returns are read, instead of [`PortfolioOptions::read`]'s mapping.
    pub mapping: Option<PathBuf>,
    /// A problem found while the portfolio was read (several returns files named after the
    /// plan), reported when it is rolled up.
    problem: Option<PlanFailure>,
}

impl PortfolioPlan {
    /// A plan file with its returns file, if any.
    pub fn new(plan: impl Into<PathBuf>, updates: Option<PathBuf>) -> Self {
        PortfolioPlan { plan: plan.into(), updates, mapping: None, problem: None }
    }
}

/// How a portfolio is rolled up.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct PortfolioOptions {
    /// The date, settings and cut-off of every plan's rollup (each plan's period end when
    /// `as_of` is absent).
    pub rollup: RollupOptions,
    /// How returns are read (a plan's own mapping, from a manifest, replaces this one's).
    pub read: ReadOptions,
    /// Stop at the first plan that fails (in the portfolio's order) instead of going on without it.
    pub fail_fast: bool,
    /// How many plans are rolled up at once; the number of cores when absent (or 0).
    pub threads: Option<usize>,
}

impl Portfolio {
    /// A portfolio of these plans.
    pub fn new(plans: Vec<PortfolioPlan>) -> Self {
        Portfolio { plans }
    }
}
