//! The adoption matrix and the denominator audit of a rollup as record batches, with the fields
//! of their JSON forms in the same order.

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, SchemaRef};

use super::rows::STATUSES;
use super::{batch, category, dates, flags, floats, schema, texts, words};
use crate::rollup::{CellState, ExclusionReason, Rollup};

/// The states of a cell, in the order of the Python facade's `CellState`.
const CELL_STATES: &[(CellState, &str)] = &[
    (CellState::OutOfScope, "out_of_scope"),
    (CellState::NotAdopted, "not_adopted"),
    (CellState::NoReport, "no_report"),
    (CellState::Reported, "reported"),
];

/// Why an item is left out of a denominator.
const REASONS: &[(ExclusionReason, &str)] = &[
    (ExclusionReason::Cancelled, "cancelled"),
    (ExclusionReason::Deferred, "deferred"),
    (ExclusionReason::NoData, "no_data"),
];

/// The schema of [`Rollup::adoption_record_batch`]: `item`, `member`, `state` (dictionary),
/// `progress`, `expected`, `variance` (`Float64`), `share_of_sum` (`Boolean`), `value`
/// (`Float64`), `date` (`Date32`) and `status` (dictionary, ordered).
pub fn adoption_schema() -> SchemaRef {
    schema(vec![
        Field::new("item", DataType::Utf8, false),
        Field::new("member", DataType::Utf8, false),
        category("state", false, false),
        Field::new("progress", DataType::Float64, true),
        Field::new("expected", DataType::Float64, true),
        Field::new("variance", DataType::Float64, true),
        Field::new("share_of_sum", DataType::Boolean, false),
        Field::new("value", DataType::Float64, true),
        Field::new("date", DataType::Date32, true),
        category("status", true, true),
    ])
}

/// The schema of [`Rollup::excluded_record_batch`]: `item`, `reason` (dictionary: `cancelled`,
/// `deferred`, `no_data`) and `because_of`.
pub fn excluded_schema() -> SchemaRef {
    schema(vec![
        Field::new("item", DataType::Utf8, false),
        category("reason", false, false),
        Field::new("because_of", DataType::Utf8, true),
    ])
}

impl Rollup {
    /// The adoption matrix as one record batch (schema: [`adoption_schema`]): every member x every
    /// member item, item by item, members in the plan's order.
    pub fn adoption_record_batch(&self) -> RecordBatch {
        let cells = &self.adoption;
        batch(
            adoption_schema(),
            vec![
                texts(cells.iter().map(|c| Some(c.item.as_str()))),
                texts(cells.iter().map(|c| Some(c.member.as_str()))),
                words(cells.iter().map(|c| Some(c.state)), CELL_STATES),
                floats(cells.iter().map(|c| c.progress)),
                floats(cells.iter().map(|c| c.expected)),
                floats(cells.iter().map(|c| c.variance)),
                flags(cells.iter().map(|c| Some(c.share_of_sum))),
                floats(cells.iter().map(|c| c.value)),
                dates(cells.iter().map(|c| c.date)),
                words(cells.iter().map(|c| c.status), STATUSES),
            ],
        )
    }

    /// The denominator audit as one record batch (schema: [`excluded_schema`]): every item left
    /// out of a denominator, and why.
    pub fn excluded_record_batch(&self) -> RecordBatch {
        let excluded = &self.excluded;
        batch(
            excluded_schema(),
            vec![
                texts(excluded.iter().map(|e| Some(e.item.as_str()))),
                words(excluded.iter().map(|e| Some(e.reason)), REASONS),
                texts(excluded.iter().map(|e| e.because_of.as_deref())),
            ],
        )
    }
}
