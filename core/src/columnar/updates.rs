//! Progress returns as a record batch: the columns of their CSV form
//! ([`Updates::to_csv_string`]), typed, so that returns can be written as Parquet or handed to a
//! data frame and read back with [`Updates::from_record_batches`] (docs/returns.md).

use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, TimestampMicrosecondArray};
use arrow_schema::{DataType, Field, SchemaRef, TimeUnit};

use super::{batch, dates, flags, floats, schema, texts};
use crate::io::UPDATE_COLUMNS;
use crate::model::{Update, UpdateStatus, Updates};

/// The columns the returns have, in the order of their CSV header: `item` and `date` always, the
/// other columns of the format that any return fills or that `at_least` names, then the `x-`
/// columns (filled or named) in sorted order.
fn columns(updates: &Updates, at_least: &[&str]) -> Vec<String> {
    let filled = |column: &str| -> bool {
        let has = |u: &Update| match column {
            "member" => u.member.is_some(),
            "status" => u.status.is_some(),
            "percent" => u.percent.is_some(),
            "value" => u.value.is_some(),
            "note" => u.note.is_some(),
            "recorded" => u.recorded.is_some(),
            "adopted" => u.adopted.is_some(),
            _ => false,
        };
        matches!(column, "item" | "date") || at_least.contains(&column) || updates.iter().any(has)
    };
    let mut extensions: Vec<&str> = updates
        .iter()
        .flat_map(|u| u.extensions.keys().map(String::as_str))
        .chain(at_least.iter().copied())
        .filter(|k| k.starts_with("x-"))
        .collect();
    extensions.sort_unstable();
    extensions.dedup();
    UPDATE_COLUMNS
        .iter()
        .filter(|c| filled(c))
        .map(|c| (*c).to_owned())
        .chain(extensions.into_iter().map(str::to_owned))
        .collect()
}

/// The type of a column: text `Utf8` (item, member, status, note and the `x-` columns), `date`
/// `Date32`, `percent` and `value` `Float64`, `recorded` `Timestamp(Microsecond, "UTC")`,
/// `adopted` `Boolean`.
fn column_type(column: &str) -> DataType {
    match column {
        "date" => DataType::Date32,
        "percent" | "value" => DataType::Float64,
        "recorded" => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        "adopted" => DataType::Boolean,
        _ => DataType::Utf8,
    }
}

/// The schema of [`Updates::to_record_batch`] for these returns: one field per column of their
/// CSV header, with the same names in the same order (`item` and `date` always, then the columns
/// any return fills, then `x-` columns sorted). `item` and `date` are not nullable; the others
/// are null where a return leaves them empty.
pub fn returns_schema(updates: &Updates) -> SchemaRef {
    schema_of(&columns(updates, &[]))
}

/// The schema of these columns.
fn schema_of(columns: &[String]) -> SchemaRef {
    schema(
        columns
            .iter()
            .map(|c| Field::new(c.as_str(), column_type(c), !matches!(c.as_str(), "item" | "date")))
            .collect(),
    )
}

/// A status as its word in the format.
fn status_word(status: UpdateStatus) -> &'static str {
    match status {
        UpdateStatus::NotStarted => "not_started",
        UpdateStatus::OnTrack => "on_track",
        UpdateStatus::AtRisk => "at_risk",
        UpdateStatus::OffTrack => "off_track",
        UpdateStatus::Done => "done",
    }
}

impl Updates {
    /// The returns as one record batch (schema: [`returns_schema`]), one row per return in input
    /// order: the cells of [`to_csv_string`](Updates::to_csv_string), typed. Read back with
    /// [`from_record_batches`](Updates::from_record_batches), they give the same returns, except
    /// that `recorded` keeps the instant (in microseconds, in UTC) and not the offset it was
    /// written with. An `x-` value is its CSV cell: text as it is, anything else as JSON.
    pub fn to_record_batch(&self) -> RecordBatch {
        self.to_record_batch_with(&[])
    }

    /// Like [`to_record_batch`](Updates::to_record_batch), with at least the columns `at_least`
    /// (all null where no return fills them), in their place in the header's order: so that
    /// the returns of several plans, written as one partitioned data set, share one schema.
    /// Names that are not columns of returns (the format's, or `x-`) are left out.
    pub fn to_record_batch_with(&self, at_least: &[&str]) -> RecordBatch {
        let names = columns(self, at_least);
        let arrays: Vec<ArrayRef> = names
            .iter()
            .map(|column| match column.as_str() {
                "item" => texts(self.iter().map(|u| Some(u.item.as_str()))),
                "date" => dates(self.iter().map(|u| Some(u.date))),
                "member" => texts(self.iter().map(|u| u.member.as_deref())),
                "status" => texts(self.iter().map(|u| u.status.map(status_word))),
                "percent" => floats(self.iter().map(|u| u.percent)),
                "value" => floats(self.iter().map(|u| u.value)),
                "note" => texts(self.iter().map(|u| u.note.as_deref())),
                "recorded" => {
                    let micros = self.iter().map(|u| u.recorded.map(|r| r.0.timestamp_micros()));
                    Arc::new(micros.collect::<TimestampMicrosecondArray>().with_timezone("UTC")) as ArrayRef
                }
                "adopted" => flags(self.iter().map(|u| u.adopted)),
                extension => {
                    let cells: Vec<Option<String>> = self
                        .iter()
                        .map(|u| match u.extensions.get(extension) {
                            None | Some(serde_json::Value::Null) => None,
                            Some(serde_json::Value::String(text)) => Some(text.clone()),
                            Some(other) => Some(other.to_string()),
                        })
                        .collect();
                    texts(cells.iter().map(Option::as_deref))
                }
            })
            .collect();
        batch(schema_of(&names), arrays)
    }
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, TimestampMicrosecondType};
    use arrow_array::Array;

    use super::*;
    use crate::io::ReadOptions;

    const CSV: &str = "item,date,member,status,percent,value,note,recorded,adopted,x-ref,x-n\n\
        a.1,2020-06-30,,on_track,40,,\"first, quarter\",2020-07-02T09:30:00.123456+01:00,,R1,\n\
        a.2,2020-09-30,m01,,,12.5,,,,,7\n\
        a,2020-04-10,m01,,,,,,true,,\n";

    #[test]
    fn the_columns_are_the_csv_header_typed() {
        let updates = Updates::from_csv(CSV).expect("loads");
        let batch = updates.to_record_batch();
        let header = updates.to_csv_string();
        let header = header.lines().next().expect("a header");
        let schema = batch.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names.join(","), header);
        assert_eq!(batch.schema(), returns_schema(&updates));
        let types: Vec<String> = batch.schema().fields().iter().map(|f| f.data_type().to_string()).collect();
        assert_eq!(
            types,
            [
                "Utf8",
                "Date32",
                "Utf8",
                "Utf8",
                "Float64",
                "Float64",
                "Utf8",
                "Timestamp(µs, \"UTC\")",
                "Boolean",
                "Utf8",
                "Utf8"
            ]
        );
        assert_eq!(batch.num_rows(), 3);
        let date = batch.column(1).as_primitive::<Date32Type>();
        assert_eq!(date.value(0), 18_443, "2020-06-30 is 18,443 days after 1970-01-01");
        let value = batch.column(5).as_primitive::<Float64Type>();
        assert_eq!((value.is_null(0), value.value(1)), (true, 12.5));
        let recorded = batch.column(7).as_primitive::<TimestampMicrosecondType>();
        assert_eq!(recorded.value(0), 1_593_678_600_123_456, "2020-07-02T08:30:00.123456Z");
        assert_eq!(recorded.null_count(), 2);
        assert_eq!(batch.column(3).as_string::<i32>().value(0), "on_track");
        assert_eq!(batch.column(9).as_string::<i32>().iter().collect::<Vec<_>>(), [None, Some("7"), None]);
        assert_eq!(batch.column(10).as_string::<i32>().iter().collect::<Vec<_>>(), [Some("R1"), None, None]);
    }

    #[test]
    fn read_back_they_are_the_same_returns_but_for_the_offset() {
        let updates = Updates::from_csv(CSV).expect("loads");
        let batch = updates.to_record_batch();
        let back = Updates::from_record_batches(&batch.schema(), [&batch], &ReadOptions::default()).expect("reads");
        assert_eq!(back.len(), updates.len());
        for (read, written) in back.iter().zip(updates.iter()) {
            assert_eq!(read.recorded.map(|r| r.0), written.recorded.map(|r| r.0), "the same instant");
            let offset_free = |u: &Update| Update { recorded: None, ..u.clone() };
            assert_eq!(offset_free(read), offset_free(written));
        }
    }

    #[test]
    fn no_returns_give_the_two_columns_of_the_header() {
        let batch = Updates::default().to_record_batch();
        assert_eq!((batch.num_rows(), batch.num_columns()), (0, 2));
        assert_eq!(batch.schema().field(0).name(), "item");
    }

    #[test]
    fn a_generated_portfolio_read_back_from_its_batches_rolls_up_as_from_its_csv() {
        use crate::generate::{Synthetic, SyntheticPortfolio};
        use crate::{rollup, RollupOptions};

        let portfolio =
            SyntheticPortfolio { plans: 2, plan: Synthetic { items: 300, ..Synthetic::default() }, link_share: 0.1 };
        for generated in portfolio.generate() {
            let generated = generated.expect("generated plans load");
            let csv = Updates::from_csv(&generated.updates.to_csv_string()).expect("the CSV loads");
            let batch = generated.updates.to_record_batch();
            let frame =
                Updates::from_record_batches(&batch.schema(), [&batch], &ReadOptions::default()).expect("reads");
            assert_eq!(frame.updates, csv.updates, "{}", generated.plan.id);
            for as_of in [None, "2020-09-30".parse().ok()] {
                let options = RollupOptions { as_of, ..RollupOptions::default() };
                let from_csv = rollup(&generated.plan, &csv, &options).to_json_value();
                assert_eq!(
                    rollup(&generated.plan, &frame, &options).to_json_value(),
                    from_csv,
                    "{}",
                    generated.plan.id
                );
                let without = rollup(&generated.plan, &Updates::default(), &options).to_json_value();
                assert_ne!(without, from_csv, "the returns count");
            }
        }
    }

    #[test]
    fn columns_asked_for_are_added_in_their_place_and_empty() {
        let updates = Updates::from_csv("item,date,percent\na.1,2020-06-30,40\n").expect("loads");
        let batch = updates.to_record_batch_with(&["adopted", "member", "x-ref", "nonsense"]);
        let schema = batch.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, ["item", "date", "member", "percent", "adopted", "x-ref"]);
        assert_eq!(batch.column(2).null_count(), 1);
        assert_eq!(batch.column(4).data_type(), &DataType::Boolean);
        let back = Updates::from_record_batches(&schema, [&batch], &ReadOptions::default()).expect("reads");
        assert_eq!(back.updates, updates.updates);
    }
}
