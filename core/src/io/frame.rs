//! Progress returns from Arrow record batches (feature `arrow`): a data frame's columns (pandas,
//! polars, pyarrow, DuckDB results) read column by column, with no text in between, through the
//! one table reader. Dates stay dates and timestamps keep their time and zone.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt16Type,
    UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Schema, TimeUnit};
use chrono::{DateTime, NaiveDate, Utc};

use super::returns::ReadOptions;
use super::table::{Cell, Place, TableReader};
use crate::document::LoadError;
use crate::document::Source;
use crate::document::{Location, Pointer};
use crate::model::{Date, Timestamp, Updates};

impl Updates {
    /// Reads progress returns from Arrow record batches, one column per field of the format
    /// (mapped as [`ReadOptions::mapping`] says). Text, dictionary-encoded text, integers,
    /// floats, booleans, dates and timestamps are read as they are: a timestamp with a zone is
    /// that instant, one without a zone is UTC (as text without an offset is). Problems are
    /// located by row (from 0) and column.
    pub fn from_record_batches<'b>(
        schema: &Schema,
        batches: impl IntoIterator<Item = &'b RecordBatch>,
        options: &ReadOptions,
    ) -> Result<Updates, LoadError> {
        let mut table = TableReader::new(options, None);
        let header: Vec<(Cell<'_>, Place)> = schema
            .fields()
            .iter()
            .enumerate()
            .map(|(column, field)| (Cell::Text(field.name().as_str().into()), Place::Frame { row: 0, column }))
            .collect();
        table.header(&header, Place::Frame { row: 0, column: 0 })?;
        let mut row = 0;
        let mut cells: Vec<(Cell<'_>, Place)> = Vec::with_capacity(header.len());
        for batch in batches {
            let columns: Vec<Column<'_>> = batch
                .columns()
                .iter()
                .enumerate()
                .map(|(index, array)| Column::new(array, schema.fields().get(index).map(|f| f.name().as_str())))
                .collect::<Result<_, _>>()?;
            for index in 0..batch.num_rows() {
                cells.clear();
                cells.extend(
                    columns
                        .iter()
                        .enumerate()
                        .map(|(column, reader)| (reader.cell(index), Place::Frame { row, column })),
                );
                table.row(&cells, Place::Frame { row, column: 0 });
                row += 1;
            }
        }
        let (updates, read, cells) = table.finish()?;
        let mut updates = Updates::with_source(updates, Source::from_cells(cells.unwrap_or_default()));
        updates.read = read;
        Ok(updates)
    }
}

/// One column of a batch, typed once.
enum Column<'a> {
    Null,
    Text(&'a arrow_array::StringArray),
    LargeText(&'a arrow_array::LargeStringArray),
    TextView(&'a arrow_array::StringViewArray),
    /// Dictionary-encoded text (pandas categoricals): the keys as indexes, and the values.
    Dictionary(Vec<Option<usize>>, Box<Column<'a>>),
    Number(Box<dyn Fn(usize) -> Option<f64> + 'a>),
    Bool(&'a arrow_array::BooleanArray),
    Date(Box<dyn Fn(usize) -> Option<Date> + 'a>),
    /// Timestamps as UTC instants, and whether the column has a zone.
    Instant(Box<dyn Fn(usize) -> Option<DateTime<Utc>> + 'a>, bool),
}

impl<'a> Column<'a> {
    fn new(array: &'a ArrayRef, name: Option<&str>) -> Result<Column<'a>, LoadError> {
        Column::of(array.as_ref(), name)
    }

    fn of(array: &'a dyn Array, name: Option<&str>) -> Result<Column<'a>, LoadError> {
        macro_rules! number {
            ($type:ty) => {{
                let values = array.as_primitive::<$type>();
                Column::Number(Box::new(move |i| values.is_valid(i).then(|| values.value(i) as f64)))
            }};
        }
        macro_rules! instant {
            ($type:ty, $to:expr, $zoned:expr) => {{
                let values = array.as_primitive::<$type>();
                Column::Instant(Box::new(move |i| if values.is_valid(i) { $to(values.value(i)) } else { None }), $zoned)
            }};
        }
        Ok(match array.data_type() {
            DataType::Null => Column::Null,
            DataType::Utf8 => Column::Text(array.as_string::<i32>()),
            DataType::LargeUtf8 => Column::LargeText(array.as_string::<i64>()),
            DataType::Utf8View => Column::TextView(array.as_string_view()),
            DataType::Dictionary(_, _) => {
                let dictionary = array.as_any_dictionary();
                let keys = dictionary.normalized_keys();
                let keys = (0..array.len()).map(|i| array.is_valid(i).then(|| keys[i])).collect();
                Column::Dictionary(keys, Box::new(Column::of(dictionary.values().as_ref(), name)?))
            }
            DataType::Int8 => number!(Int8Type),
            DataType::Int16 => number!(Int16Type),
            DataType::Int32 => number!(Int32Type),
            DataType::Int64 => number!(Int64Type),
            DataType::UInt8 => number!(UInt8Type),
            DataType::UInt16 => number!(UInt16Type),
            DataType::UInt32 => number!(UInt32Type),
            DataType::UInt64 => number!(UInt64Type),
            DataType::Float32 => number!(Float32Type),
            DataType::Float64 => number!(Float64Type),
            DataType::Boolean => Column::Bool(array.as_boolean()),
            DataType::Date32 => {
                let values = array.as_primitive::<Date32Type>();
                Column::Date(Box::new(move |i| {
                    values.is_valid(i).then(|| days(i64::from(values.value(i)))).flatten()
                }))
            }
            DataType::Date64 => {
                let values = array.as_primitive::<Date64Type>();
                Column::Date(Box::new(move |i| {
                    values.is_valid(i).then(|| days(values.value(i).div_euclid(86_400_000))).flatten()
                }))
            }
            DataType::Timestamp(unit, zone) => {
                let zoned = zone.is_some();
                match unit {
                    TimeUnit::Second => instant!(TimestampSecondType, |v| DateTime::from_timestamp(v, 0), zoned),
                    TimeUnit::Millisecond => {
                        instant!(TimestampMillisecondType, DateTime::from_timestamp_millis, zoned)
                    }
                    TimeUnit::Microsecond => {
                        instant!(TimestampMicrosecondType, DateTime::from_timestamp_micros, zoned)
                    }
                    TimeUnit::Nanosecond => {
                        instant!(TimestampNanosecondType, |v| Some(DateTime::from_timestamp_nanos(v)), zoned)
                    }
                }
            }
            other => {
                return Err(LoadError::InvalidValue {
                    message: format!(
                        "the column `{}` holds {other}, which returns cannot hold (text, numbers, booleans, dates or timestamps)",
                        name.unwrap_or_default()
                    ),
                    location: Location::new(Pointer::root(), None),
                })
            }
        })
    }

    /// The cell at `row`.
    fn cell(&self, row: usize) -> Cell<'a> {
        match self {
            Column::Null => Cell::Empty,
            Column::Text(values) => text(values.is_valid(row).then(|| values.value(row))),
            Column::LargeText(values) => text(values.is_valid(row).then(|| values.value(row))),
            Column::TextView(values) => text(values.is_valid(row).then(|| values.value(row))),
            Column::Dictionary(keys, values) => match keys.get(row).copied().flatten() {
                Some(key) => values.cell(key),
                None => Cell::Empty,
            },
            Column::Number(value) => value(row).map_or(Cell::Empty, Cell::Number),
            Column::Bool(values) => {
                if values.is_valid(row) {
                    Cell::Bool(values.value(row))
                } else {
                    Cell::Empty
                }
            }
            Column::Date(value) => value(row).map_or(Cell::Empty, Cell::Date),
            Column::Instant(value, zoned) => match value(row) {
                Some(instant) if *zoned => Cell::Instant(Timestamp(instant.fixed_offset())),
                Some(instant) => Cell::DateTime(instant.naive_utc()),
                None => Cell::Empty,
            },
        }
    }
}

/// Text, or an empty cell for a null.
fn text(value: Option<&str>) -> Cell<'_> {
    value.map_or(Cell::Empty, |text| Cell::Text(text.into()))
}

/// The date `days` after 1970-01-01.
fn days(days: i64) -> Option<Date> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::try_days(days)?).map(Date)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{Float64Array, StringArray, TimestampMicrosecondArray};
    use arrow_schema::Field;

    use super::*;

    #[test]
    fn columns_give_the_returns_of_the_same_csv_with_times_kept() {
        let schema = Schema::new(vec![
            Field::new("Item", DataType::Utf8, true),
            Field::new("date", DataType::Date32, true),
            Field::new("percent", DataType::Float64, true),
            Field::new("recorded", DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), true),
        ]);
        let day = |text: &str| {
            let date: Date = text.parse().expect("date");
            date.0.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32
        };
        let batch = RecordBatch::try_new(
            Arc::new(schema.clone()),
            vec![
                Arc::new(StringArray::from(vec![Some("a.1"), Some("a.2")])),
                Arc::new(arrow_array::Date32Array::from(vec![Some(day("2020-09-30")), Some(day("2020-09-30"))])),
                Arc::new(Float64Array::from(vec![Some(40.0), None])),
                Arc::new(TimestampMicrosecondArray::from(vec![Some(1_601_885_700_000_000), None]).with_timezone("UTC")),
            ],
        )
        .expect("batch");
        let frame = Updates::from_record_batches(&schema, [&batch], &ReadOptions::default()).expect("loads");
        let csv =
            Updates::from_csv("item,date,percent,recorded\na.1,2020-09-30,40,2020-10-05T08:15:00Z\na.2,2020-09-30,,\n")
                .expect("csv");
        assert_eq!(frame.updates, csv.updates);
    }

    #[test]
    fn problems_name_the_row_and_column() {
        let schema =
            Schema::new(vec![Field::new("item", DataType::Utf8, true), Field::new("date", DataType::Utf8, true)]);
        let batch = RecordBatch::try_new(
            Arc::new(schema.clone()),
            vec![
                Arc::new(StringArray::from(vec![Some("a"), Some("b"), Some("c")])),
                Arc::new(StringArray::from(vec![Some("2020-09-31"), Some("2020-09-30"), None])),
            ],
        )
        .expect("batch");
        let error = Updates::from_record_batches(&schema, [&batch], &ReadOptions::default()).expect_err("two bad rows");
        let paths: Vec<String> = error.errors().iter().map(|e| e.path().to_string()).collect();
        assert_eq!(paths, ["/0/date", "/2"]);
    }
}
