//! # workplan
//!
//! Organisational plans (business plans, pledges, portfolios, priorities, outputs, measures,
//! member bodies) as typed data: load them from JSON or YAML with errors that say exactly where
//! the problem is, read progress returns from CSV, and save them back deterministically.
//!
//! ```
//! use workplan::{Plan, Updates};
//!
//! let plan = Plan::from_yaml_str(r#"
//! workplan: 1
//! id: demo
//! title: Business Plan 2020/21
//! period: {start: 2020-04-01, end: 2021-03-31}
//! levels: [{id: portfolio}, {id: priority}, {id: output}]
//! items:
//!   - id: finance
//!     label: "1"
//!     title: Finance
//!     children:
//!       - id: finance.1
//!         label: "1"
//!         title: Fair funding
//!         x-owner-email: someone@example.org
//! "#)?;
//! assert_eq!(plan.items_in_order().len(), 2);
//! assert_eq!(plan.item("finance.1").map(|i| i.extensions.len()), Some(1));
//!
//! let updates = Updates::from_csv("item,date,percent\nfinance.1,2020-06-30,40\n")?;
//! assert_eq!(updates.len(), 1);
//!
//! // Saving is deterministic and loses nothing, `x-` keys included.
//! let again = Plan::from_json_str(&plan.to_json_string())?;
//! assert_eq!(again, plan);
//! # Ok::<(), workplan::LoadError>(())
//! ```
//!
//! Load errors are [`LoadError`]s with a stable [`code`](LoadError::code), the JSON Pointer
//! [`path`](LoadError::path), and the [`line`](LoadError::line) and
//! [`column`](LoadError::column) when the document came from text.
#![deny(missing_docs)]

pub mod approval;
pub mod cadence;
mod changelog;
#[cfg(feature = "arrow")]
pub mod columnar;
pub mod diff;
pub mod display;
pub mod generate;
pub mod io;
mod locale;
pub mod model;
mod outline_table;
mod paper;
pub mod rollup;
mod schema;
mod summary;
pub mod validate;
mod words;
mod workspace;

pub use approval::ApprovalState;
pub use cadence::{cadence, meetings, Cadence, MeetingRule};
#[cfg(feature = "arrow")]
pub use columnar::{adoption_schema, excluded_schema, outline_schema, report_schema, row_schema};
pub use diff::{diff, PlanDiff};
pub use display::percent;
pub use io::{
    Format, LoadError, Location, Mapping, OnError, PathSegment, PercentScale, Pointer, Position, ReadOptions, SetAside,
    StatusPreset, StatusWords,
};
pub use locale::{Locale, UnknownLocale};
pub use model::{
    Adoption, Aggregate, Bands, Date, Event, EventAction, Extensions, Item, ItemState, Level, Link, LinkRel, Measure,
    Member, Members, Milestone, Missing, Period, Plan, PlanStatus, Settings, StatusPolicy, Theme, Timestamp, Update,
    UpdateStatus, Updates, Weighting,
};
pub use outline_table::{ItemKind, OutlineRow};
pub use rollup::{
    rollup, rollup_series, ApplyError, BatchError, Changes, Explanation, Rollup, RollupEngine, RollupOptions,
    RollupSeries, Row, RowColumns, Status,
};
pub use schema::{schema, updates_schema};
pub use summary::{LevelCount, Summary, UpdatesSummary};
pub use validate::{CodeInfo, Counts, Diagnostic, Document, Report, Severity, CODES};
pub use words::UnknownWord;
pub use workspace::{Coverage, CoverageEntry, LinkSource, PlanReport, Workspace};

/// The code in the README compiles (it runs from the repository root, so it is not run here).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

/// The deepest item nesting a plan may have; deeper is a [`LoadError::TooDeep`].
pub const MAX_ITEM_DEPTH: usize = 64;

/// The deepest nesting of lists and objects a document may have; deeper is a
/// [`LoadError::TooDeep`] (a guard against stack exhaustion on hostile input).
pub const MAX_NESTING: usize = 256;
