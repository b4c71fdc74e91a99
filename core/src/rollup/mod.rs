//! The progress rollup (DESIGN section 6): which return counts, leaf and member progress,
//! parents, expected progress and variance, status, time and trust, the denominator audit, and
//! the incremental engine.

mod compute;
mod engine;
mod explain;
mod latest;
mod row;
mod settings;
mod tree;

pub use engine::{rollup, Changes, RollupEngine, RollupOptions};
pub use explain::{ChildTerm, Explanation, UsedUpdate};
pub use row::{Cell, CellState, Excluded, ExclusionReason, Rollup, Row, Status, StatusCounts, StatusSource, Trend};
pub use settings::EffectiveSettings;
