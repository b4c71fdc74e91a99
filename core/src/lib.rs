//! # workplan
//!
//! Organisational plans (business plans, pledges, portfolios, priorities, outputs, measures,
//! member bodies) as typed data, with **validation** that points to the exact place of every
//! problem and a **progress rollup** that anyone can explain. The specification is in the
//! repository's `docs/`: the format (`docs/format.md`), the validation rules
//! (`docs/validation.md`, `docs/diagnostics.md`), the rollup (`docs/rollup.md`) and the API shared
//! by the Rust, Python and JavaScript faces (`docs/api.md`).
//!
//! ## A plan from start to finish
//!
//! Build a plan in code (or load one: [`Plan::from_yaml_str`], [`Plan::load`]), validate it,
//! roll up its progress returns, explain a number, take a new return, and see what changed
//! between two versions:
//!
//! ```
//! use workplan::{diff, rollup, Date, Item, Plan, RollupEngine, RollupOptions, Status, Update, Updates};
//!
//! let date = |text: &str| text.parse::<Date>().expect("a date");
//! let plan = Plan::new("bp", "Business Plan 2020/21", date("2020-04-01"), date("2021-03-31"))
//!     .with_levels(["priority", "output"])
//!     .child(
//!         Item::new("funding", "Fair funding for London").label("1").children([
//!             Item::new("funding.a", "A compelling evidence base").label("a"),
//!             Item::new("funding.b", "Persuasive spending review submissions").label("b"),
//!         ]),
//!     );
//!
//! // Validation: every finding with its code, severity, path and (for text) line and column.
//! let report = plan.validate().into_result().expect("no errors");
//! assert!(report.diagnostics.is_empty());
//!
//! // The rollup: one row per item, as of a date.
//! let updates: Updates = [
//!     Update::percent("funding.a", date("2020-09-30"), 60.0),
//!     Update::percent("funding.b", date("2020-09-30"), 20.0),
//! ]
//! .into_iter()
//! .collect();
//! let options = RollupOptions { as_of: Some(date("2020-09-30")), ..RollupOptions::default() };
//! let result = rollup(&plan, &updates, &options);
//! let funding = result.row("funding").expect("a row per item");
//! assert_eq!(funding.progress, Some(0.4)); // (60% + 20%) / 2
//!
//! // Explain one number, in words and as arithmetic.
//! let mut engine = RollupEngine::new(&plan, &updates, &options);
//! let explanation = engine.explain("funding")?;
//! assert!(explanation.text.contains("40%"), "{}", explanation.text);
//!
//! // A new return: only what it changes is recomputed; a return that cannot count is refused.
//! let changes = engine.apply_changes(Update::percent("funding.b", date("2020-09-30"), 100.0))?;
//! assert!(changes.rows.iter().any(|row| row.id == "funding" && row.progress == Some(0.8)));
//! assert!(engine.apply(Update::percent("nope", date("2020-09-30"), 10.0)).is_err());
//! assert_eq!(engine.rollup().row("funding.b").map(|row| row.status), Some(Status::Done));
//!
//! // What changed between two versions of the plan.
//! let mut next = plan.clone();
//! next.item_mut("funding.b").expect("an item").title = "Spending review submissions".to_owned();
//! let changes = diff(&plan, &next);
//! assert_eq!(changes.changed.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Documents
//!
//! Plans load from JSON or YAML and save back deterministically, `x-` keys included; serde reads
//! and writes the same documented form. Progress returns load from CSV, JSON or YAML (and from
//! workbooks with the feature `spreadsheet`).
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
//! let through_serde: Plan = serde_json::from_str(&serde_json::to_string(&plan).expect("JSON")).expect("a plan");
//! assert_eq!(through_serde, plan);
//! # Ok::<(), workplan::LoadError>(())
//! ```
//!
//! Load errors are [`LoadError`]s with a stable [`code`](LoadError::code), the JSON Pointer
//! [`path`](LoadError::path), and the [`line`](LoadError::line) and
//! [`column`](LoadError::column) when the document came from text. Misuse of the API (an
//! unknown item, a bad option) is an [`ApiError`] with a stable code too.
#![deny(missing_docs)]

pub mod approval;
pub mod cadence;
mod changelog;
mod code;
#[cfg(feature = "arrow")]
pub mod columnar;
pub mod diff;
pub mod display;
mod document;
mod error;
pub mod generate;
pub mod import;
pub mod io;
mod locale;
pub mod model;
mod outline_table;
mod paper;
#[cfg(feature = "portfolio")]
pub mod portfolio;
pub mod rollup;
mod schema;
mod summary;
mod text;
pub mod validate;
mod words;
mod workspace;

pub use approval::ApprovalState;
pub use cadence::{cadence, meetings, Cadence, CadenceOptions, MeetingRule};
pub use code::{DiagnosticCode, Severity};
#[cfg(feature = "arrow")]
pub use columnar::{adoption_schema, excluded_schema, outline_schema, report_schema, row_schema};
pub use diff::{diff, PlanDiff};
pub use display::percent;
pub use error::{ApiCode, ApiError};
pub use io::{
    Format, LoadError, Location, Mapping, OnError, PathSegment, PercentScale, Pointer, Position, ReadOptions, SetAside,
    StatusPreset, StatusWords,
};
pub use locale::{Locale, UnknownLocale};
pub use model::{
    Adoption, Aggregate, Bands, Date, Event, EventAction, Extensions, ExtensionsIntoIter, ExtensionsIter, Item,
    ItemState, Level, Link, LinkRel, Measure, Member, Members, Milestone, Missing, Period, Plan, PlanStatus, Settings,
    StatusPolicy, Theme, Timestamp, Update, UpdateStatus, Updates, Weighting,
};
pub use outline_table::{ItemKind, OutlineRow};
pub use rollup::{
    rollup, rollup_series, ApplyError, BatchError, Changes, Explanation, Rollup, RollupEngine, RollupOptions,
    RollupSeries, RollupStream, Row, RowColumns, Status,
};
pub use schema::{schema, updates_schema};
/// The text of rollup rows, cells and exclusions: a string that derefs to `str`, compares with
/// `&str` and `String`, and is shared rather than copied (docs/api.md).
pub use smol_str::SmolStr;
pub use summary::{LevelCount, Summary, UpdatesSummary};
pub use validate::{Counts, Diagnostic, Document, Report};
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
