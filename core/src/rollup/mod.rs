//! The progress rollup (docs/rollup.md): which return counts, leaf and member progress,
//! parents, expected progress and variance, status, time and trust, the denominator audit, and
//! the incremental engine.

mod apply;
mod columns;
mod compute;
mod engine;
mod explain;
mod intake;
mod latest;
mod parallel;
mod plain;
mod row;
mod series;
mod settings;
mod stream;
mod tree;

pub use apply::{ApplyError, BatchError};
pub use columns::RowColumns;
pub use engine::{rollup, Changes, RollupEngine, RollupOptions};
pub use explain::{ChildTerm, Explanation, ProgressRule, ReturnField, UnknownItem, UsedUpdate};
pub use plain::{MemberProgress, MemberSummary};
pub use row::{Cell, CellState, Excluded, ExclusionReason, Rollup, Row, Status, StatusCounts, StatusSource, Trend};
pub use series::{rollup_series, BurnUp, RollupSeries};
pub use settings::EffectiveSettings;
pub use stream::RollupStream;

pub(crate) use intake::plan_updates;
