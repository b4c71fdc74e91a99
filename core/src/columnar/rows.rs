//! The rollup rows as a record batch: `as_of` then the columns of a [`Row`](crate::Row), in the
//! order of [`RowColumns`], for one rollup or for a series in long form.

use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StructArray, UInt32Array};
use arrow_schema::{DataType, Field, Fields, SchemaRef};

use super::{batch, category, counts, dates, flags, floats, labels, schema, texts, words};
use crate::model::ItemState;
use crate::rollup::{Rollup, RollupSeries, RowColumns, Status, StatusCounts, StatusSource, Trend};

/// The statuses, in the order of the categories (the Python facade's `STATUSES`).
pub(super) const STATUSES: &[(Status, &str)] = &[
    (Status::Done, "done"),
    (Status::OnTrack, "on_track"),
    (Status::AtRisk, "at_risk"),
    (Status::OffTrack, "off_track"),
    (Status::NotStarted, "not_started"),
    (Status::Unknown, "unknown"),
];

/// An item's own states.
pub(super) const STATES: &[(ItemState, &str)] =
    &[(ItemState::Active, "active"), (ItemState::Deferred, "deferred"), (ItemState::Cancelled, "cancelled")];

/// The trends, from worse to better.
const TRENDS: &[(Trend, &str)] =
    &[(Trend::Worsening, "worsening"), (Trend::Steady, "steady"), (Trend::Improving, "improving")];

/// Where a status comes from.
const SOURCES: &[(StatusSource, &str)] = &[(StatusSource::Reported, "reported"), (StatusSource::Derived, "derived")];

/// The fields of `status_counts`, in the order of [`StatusCounts`].
fn status_count_fields() -> Fields {
    ["not_started", "on_track", "at_risk", "off_track", "done", "unknown"]
        .into_iter()
        .map(|name| Field::new(name, DataType::UInt64, false))
        .collect()
}

/// The schema of [`Rollup::to_record_batch`] and [`RollupSeries::to_record_batch`]: `as_of`
/// (`Date32`), then the columns of docs/rollup.md#rows, in
/// the order of [`RowColumns`]. `level`, `state`, the statuses, `status_source` and `trend` are
/// dictionaries (statuses and trends ordered); `depth` is `UInt32`, `leaves` and the member
/// counts `UInt64`; `status_counts` is a struct of six `UInt64` counts.
pub fn row_schema() -> SchemaRef {
    schema(vec![
        Field::new("as_of", DataType::Date32, false),
        Field::new("id", DataType::Utf8, false),
        Field::new("parent", DataType::Utf8, true),
        Field::new("depth", DataType::UInt32, false),
        category("level", true, false),
        Field::new("label", DataType::Utf8, true),
        Field::new("title", DataType::Utf8, false),
        Field::new("is_leaf", DataType::Boolean, false),
        Field::new("number", DataType::Utf8, true),
        Field::new("top", DataType::Utf8, false),
        category("state", false, false),
        Field::new("included", DataType::Boolean, false),
        Field::new("progress", DataType::Float64, true),
        Field::new("expected", DataType::Float64, true),
        Field::new("variance", DataType::Float64, true),
        category("status", false, true),
        category("reported_status", true, true),
        category("derived_status", false, true),
        category("status_source", false, false),
        category("trend", true, true),
        Field::new("last_update", DataType::Date32, true),
        Field::new("stale", DataType::Boolean, true),
        Field::new("coverage", DataType::Float64, true),
        Field::new("low_coverage", DataType::Boolean, false),
        Field::new("leaves", DataType::UInt64, false),
        Field::new("leaves_with_data", DataType::UInt64, false),
        Field::new("status_counts", DataType::Struct(status_count_fields()), false),
        Field::new("value", DataType::Float64, true),
        Field::new("target", DataType::Float64, true),
        Field::new("unit", DataType::Utf8, true),
        Field::new("members_in_scope", DataType::UInt64, true),
        Field::new("members_adopted", DataType::UInt64, true),
        Field::new("members_reported", DataType::UInt64, true),
    ])
}

/// The `status_counts` column: one struct of six counts per row.
fn status_counts(values: &[StatusCounts]) -> ArrayRef {
    let field = |get: fn(&StatusCounts) -> usize| counts(values.iter().map(|c| Some(get(c))));
    let columns = vec![
        field(|c| c.not_started),
        field(|c| c.on_track),
        field(|c| c.at_risk),
        field(|c| c.off_track),
        field(|c| c.done),
        field(|c| c.unknown),
    ];
    Arc::new(StructArray::new(status_count_fields(), columns, None))
}

impl RowColumns {
    /// The columns as one record batch with the schema of [`row_schema`].
    pub fn to_record_batch(&self) -> RecordBatch {
        let depth: UInt32Array = self.depth.iter().map(|&d| Some(u32::try_from(d).unwrap_or(u32::MAX))).collect();
        let columns: Vec<ArrayRef> = vec![
            dates(self.as_of.iter().map(|&d| Some(d))),
            texts(self.id.iter().map(|s| Some(s.as_str()))),
            texts(self.parent.iter().map(Option::as_deref)),
            Arc::new(depth),
            labels(self.level.iter().map(Option::as_deref)),
            texts(self.label.iter().map(Option::as_deref)),
            texts(self.title.iter().map(|s| Some(s.as_str()))),
            flags(self.is_leaf.iter().map(|&b| Some(b))),
            texts(self.number.iter().map(Option::as_deref)),
            texts(self.top.iter().map(|s| Some(s.as_str()))),
            words(self.state.iter().map(|&s| Some(s)), STATES),
            flags(self.included.iter().map(|&b| Some(b))),
            floats(self.progress.iter().copied()),
            floats(self.expected.iter().copied()),
            floats(self.variance.iter().copied()),
            words(self.status.iter().map(|&s| Some(s)), STATUSES),
            words(self.reported_status.iter().copied(), STATUSES),
            words(self.derived_status.iter().map(|&s| Some(s)), STATUSES),
            words(self.status_source.iter().map(|&s| Some(s)), SOURCES),
            words(self.trend.iter().copied(), TRENDS),
            dates(self.last_update.iter().copied()),
            flags(self.stale.iter().copied()),
            floats(self.coverage.iter().copied()),
            flags(self.low_coverage.iter().map(|&b| Some(b))),
            counts(self.leaves.iter().map(|&n| Some(n))),
            counts(self.leaves_with_data.iter().map(|&n| Some(n))),
            status_counts(&self.status_counts),
            floats(self.value.iter().copied()),
            floats(self.target.iter().copied()),
            texts(self.unit.iter().map(Option::as_deref)),
            counts(self.members_in_scope.iter().copied()),
            counts(self.members_adopted.iter().copied()),
            counts(self.members_reported.iter().copied()),
        ];
        batch(row_schema(), columns)
    }
}

impl Rollup {
    /// The rows as one record batch (schema: [`row_schema`]): one row per item in document order,
    /// `as_of` first.
    pub fn to_record_batch(&self) -> RecordBatch {
        self.columns().to_record_batch()
    }
}

impl RollupSeries {
    /// Every row of every date in long form as one record batch (schema: [`row_schema`]): one
    /// row per (date, item), date by date, each date's rows in document order.
    pub fn to_record_batch(&self) -> RecordBatch {
        self.columns().to_record_batch()
    }
}

#[cfg(test)]
mod tests {
    use crate::{rollup, rollup_series, Plan, RollupOptions, Updates};

    #[test]
    fn a_plan_without_items_gives_an_empty_batch_with_every_column() {
        let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2021-01-01, end: 2021-12-31}\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let batch = rollup(&plan, &Updates::default(), &RollupOptions::default()).to_record_batch();
        assert_eq!((batch.num_rows(), batch.num_columns()), (0, 33));
        let series = rollup_series(&plan, &Updates::default(), &RollupOptions::default(), Some(&[]));
        assert_eq!(series.to_record_batch().num_rows(), 0);
    }
}
