//! Rollup rows as columns (one list per field), so that a data frame of 100,000 rows is built
//! column by column instead of from one record per row.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::row::{Row, Status, StatusCounts, StatusSource, Trend};
use crate::model::{Date, ItemState};

/// The rows of one rollup, or of a series in long form, as columns: `as_of` then the columns of
/// a [`Row`] (docs/rollup.md#rows), each a list with one
/// entry per row, in row order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RowColumns {
    /// The date of the rollup the row belongs to.
    pub as_of: Vec<Date>,
    /// The item's id.
    pub id: Vec<SmolStr>,
    /// The parent's id.
    pub parent: Vec<Option<SmolStr>>,
    /// 0 at the top level.
    pub depth: Vec<usize>,
    /// The id of the level.
    pub level: Vec<Option<SmolStr>>,
    /// The printed label.
    pub label: Vec<Option<SmolStr>>,
    /// The title.
    pub title: Vec<SmolStr>,
    /// Whether the item has no children.
    pub is_leaf: Vec<bool>,
    /// The full number (`7.2.a`).
    pub number: Vec<Option<SmolStr>>,
    /// The id of the top-level ancestor.
    pub top: Vec<SmolStr>,
    /// The item's own state.
    pub state: Vec<ItemState>,
    /// Whether it counts in its parent's numbers.
    pub included: Vec<bool>,
    /// Progress, 0..1.
    pub progress: Vec<Option<f64>>,
    /// Expected progress, 0..1.
    pub expected: Vec<Option<f64>>,
    /// progress - expected.
    pub variance: Vec<Option<f64>>,
    /// The status shown.
    pub status: Vec<Status>,
    /// The latest reported status.
    pub reported_status: Vec<Option<Status>>,
    /// The derived status.
    pub derived_status: Vec<Status>,
    /// Where `status` comes from.
    pub status_source: Vec<StatusSource>,
    /// Progress now against `trend_days` ago.
    pub trend: Vec<Option<Trend>>,
    /// The date of the latest update counted.
    pub last_update: Vec<Option<Date>>,
    /// Whether the latest update is stale.
    pub stale: Vec<Option<bool>>,
    /// The share of data behind the number.
    pub coverage: Vec<Option<f64>>,
    /// Whether the coverage is below the threshold.
    pub low_coverage: Vec<bool>,
    /// Included leaves below and including the item.
    pub leaves: Vec<usize>,
    /// Those leaves that have data.
    pub leaves_with_data: Vec<usize>,
    /// Statuses of those leaves.
    pub status_counts: Vec<StatusCounts>,
    /// A measured item's value to date.
    pub value: Vec<Option<f64>>,
    /// The measure's target.
    pub target: Vec<Option<f64>>,
    /// The measure's unit.
    pub unit: Vec<Option<SmolStr>>,
    /// Member items: the members in scope.
    pub members_in_scope: Vec<Option<usize>>,
    /// Member items: those that count.
    pub members_adopted: Vec<Option<usize>>,
    /// Member items: those that count and have data.
    pub members_reported: Vec<Option<usize>>,
}

impl RowColumns {
    /// The rows of a rollup at `as_of`, as columns.
    pub fn from_rows(as_of: Date, rows: &[Row]) -> RowColumns {
        let mut columns = RowColumns::default();
        columns.extend(as_of, rows);
        columns
    }

    /// Appends the rows of a rollup at `as_of`.
    pub fn extend(&mut self, as_of: Date, rows: &[Row]) {
        for row in rows {
            self.as_of.push(as_of);
            self.id.push(row.id.clone());
            self.parent.push(row.parent.clone());
            self.depth.push(row.depth);
            self.level.push(row.level.clone());
            self.label.push(row.label.clone());
            self.title.push(row.title.clone());
            self.is_leaf.push(row.is_leaf);
            self.number.push(row.number.clone());
            self.top.push(row.top.clone());
            self.state.push(row.state);
            self.included.push(row.included);
            self.progress.push(row.progress);
            self.expected.push(row.expected);
            self.variance.push(row.variance);
            self.status.push(row.status);
            self.reported_status.push(row.reported_status);
            self.derived_status.push(row.derived_status);
            self.status_source.push(row.status_source);
            self.trend.push(row.trend);
            self.last_update.push(row.last_update);
            self.stale.push(row.stale);
            self.coverage.push(row.coverage);
            self.low_coverage.push(row.low_coverage);
            self.leaves.push(row.leaves);
            self.leaves_with_data.push(row.leaves_with_data);
            self.status_counts.push(row.status_counts);
            self.value.push(row.value);
            self.target.push(row.target);
            self.unit.push(row.unit.clone());
            self.members_in_scope.push(row.members_in_scope);
            self.members_adopted.push(row.members_adopted);
            self.members_reported.push(row.members_reported);
        }
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.id.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }
}

impl super::row::Rollup {
    /// The rows as columns (with `as_of` as the first).
    pub fn columns(&self) -> RowColumns {
        RowColumns::from_rows(self.as_of, &self.rows)
    }
}
