//! Results as Arrow record batches (feature `arrow`): the rollup rows, a series in long form, the
//! adoption matrix, the denominator audit, validation findings and the outline, each one
//! [`RecordBatch`] with one column per field, built straight from the core structs.
//!
//! The column types are chosen for data frames:
//!
//! - dates are `Date32`;
//! - words from a fixed vocabulary (statuses, states, trends, reasons, severities, kinds) are
//!   `Dictionary(Int32, Utf8)` whose dictionary is the whole vocabulary in a fixed order (the order
//!   of the Python facade's categoricals; statuses and trends are marked ordered), so pandas gets
//!   the same categories from every batch; level ids and finding codes are dictionaries of the
//!   values present;
//! - fractions and measured values are nullable `Float64`, depths `UInt32`, counts `UInt64`;
//! - absent values are nulls, as they are `null` in the JSON forms.
//!
//! Every batch has the fields of the JSON form it mirrors, in the same order, with the same
//! values (checked value by value in `core/tests/columnar.rs`).
//!
//! ```
//! use workplan::{rollup, Plan, RollupOptions, Updates};
//!
//! let plan = Plan::from_yaml_str(
//!     "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2021-01-01, end: 2021-12-31}\n\
//!      items:\n- {id: a, label: '1', title: A}\n",
//! )?;
//! let updates = Updates::from_csv("item,date,percent\na,2021-06-30,40\n")?;
//! let batch = rollup(&plan, &updates, &RollupOptions::default()).to_record_batch();
//! assert_eq!(batch.num_rows(), 1);
//! assert_eq!(batch.schema().field(0).name(), "as_of");
//! # Ok::<(), workplan::LoadError>(())
//! ```

mod adoption;
mod outline;
mod report;
mod rows;
mod updates;

use std::sync::Arc;

use arrow_array::types::{Date32Type, Int32Type};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int32Array, RecordBatch, StringArray,
    UInt64Array,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};

use crate::model::Date;

pub use adoption::{adoption_schema, excluded_schema};
pub use outline::outline_schema;
pub use report::report_schema;
pub use rows::row_schema;
pub use updates::returns_schema;

/// `Dictionary(Int32, Utf8)`: the type of every categorical column.
fn dictionary() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

/// A categorical field; `ordered` marks the vocabulary's order as meaningful.
fn category(name: &str, nullable: bool, ordered: bool) -> Field {
    Field::new(name, dictionary(), nullable).with_dict_is_ordered(ordered)
}

/// A schema of these fields.
fn schema(fields: Vec<Field>) -> SchemaRef {
    Arc::new(Schema::new(fields))
}

/// The batch of `columns` under `schema`.
///
/// The columns are built in this module to the types and lengths of the schemas next to them, so
/// the batch always matches; a mismatch is a bug in this module (caught by its tests), not
/// something input can cause.
fn batch(schema: SchemaRef, columns: Vec<ArrayRef>) -> RecordBatch {
    RecordBatch::try_new(schema, columns).expect("workplan builds every column to its schema")
}

/// A `Date32` column.
fn dates(values: impl Iterator<Item = Option<Date>>) -> ArrayRef {
    Arc::new(values.map(|d| d.map(|d| Date32Type::from_naive_date(d.0))).collect::<Date32Array>())
}

/// A `Utf8` column.
fn texts<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

/// A `Float64` column.
fn floats(values: impl Iterator<Item = Option<f64>>) -> ArrayRef {
    Arc::new(values.collect::<Float64Array>())
}

/// A `UInt64` column of counts.
fn counts(values: impl Iterator<Item = Option<usize>>) -> ArrayRef {
    Arc::new(values.map(|n| n.map(|n| n as u64)).collect::<UInt64Array>())
}

/// A `Boolean` column.
fn flags(values: impl Iterator<Item = Option<bool>>) -> ArrayRef {
    Arc::new(values.collect::<BooleanArray>())
}

/// A dictionary column of the values present, in order of first appearance (level ids, codes).
fn labels<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<DictionaryArray<Int32Type>>())
}

/// A dictionary column over a whole vocabulary: `words` lists every value with its text, in the
/// order of the categories.
fn words<T: PartialEq + Copy>(values: impl Iterator<Item = Option<T>>, words: &[(T, &str)]) -> ArrayRef {
    let keys: Int32Array =
        values.map(|value| value.and_then(|v| words.iter().position(|(w, _)| *w == v)).map(|i| i as i32)).collect();
    let dictionary: ArrayRef = Arc::new(words.iter().map(|(_, text)| Some(*text)).collect::<StringArray>());
    Arc::new(DictionaryArray::<Int32Type>::new(keys, dictionary))
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::Array;

    use super::*;
    use crate::rollup::Status;

    #[test]
    fn a_vocabulary_column_carries_every_word_in_order() {
        let column = words([Some(Status::OnTrack), None, Some(Status::Done)].into_iter(), rows::STATUSES);
        let dictionary = column.as_dictionary::<Int32Type>();
        assert_eq!(dictionary.keys().iter().collect::<Vec<_>>(), [Some(1), None, Some(0)]);
        let values = dictionary.values().as_string::<i32>();
        assert_eq!(
            values.iter().flatten().collect::<Vec<_>>(),
            ["done", "on_track", "at_risk", "off_track", "not_started", "unknown"]
        );
        assert_eq!(column.null_count(), 1);
    }

    #[test]
    fn dates_are_days_since_1970() {
        let day = |text: &str| text.parse::<Date>().ok();
        let column = dates([day("1970-01-02"), None, day("2021-03-31")].into_iter());
        let values = column.as_primitive::<Date32Type>();
        assert_eq!(values.iter().collect::<Vec<_>>(), [Some(1), None, Some(18_717)]);
    }
}
