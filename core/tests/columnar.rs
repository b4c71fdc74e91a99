//! The Arrow record batches (feature `arrow`) hold exactly the JSON forms: on the London Councils
//! examples, every value of every column equals the JSON value, row by row, nulls included, and
//! the columns are named in the documented order.

use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, UInt32Type, UInt64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use serde_json::{json, Value};
use workplan::{rollup, rollup_series, Date, Missing, Plan, RollupOptions, Settings, Updates};

const EXAMPLES: [(&str, &str); 2] = [
    ("business-plan-2020-21.yaml", "business-plan-2020-21-updates.csv"),
    ("pledges-2019-2022.yaml", "pledges-2019-2022-updates.csv"),
];

/// The rollup row columns, in the documented order (docs/rollup.md, "Tables and columns").
const ROW_COLUMNS: [&str; 33] = [
    "as_of",
    "id",
    "parent",
    "depth",
    "level",
    "label",
    "title",
    "is_leaf",
    "number",
    "top",
    "state",
    "included",
    "progress",
    "expected",
    "variance",
    "status",
    "reported_status",
    "derived_status",
    "status_source",
    "trend",
    "last_update",
    "stale",
    "coverage",
    "low_coverage",
    "leaves",
    "leaves_with_data",
    "status_counts",
    "value",
    "target",
    "unit",
    "members_in_scope",
    "members_adopted",
    "members_reported",
];

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/london-councils").join(name)
}

fn examples() -> Vec<(Plan, Updates)> {
    EXAMPLES
        .iter()
        .map(|(plan, updates)| {
            (
                Plan::load(example(plan)).unwrap_or_else(|e| panic!("{plan}: {e}")),
                Updates::load(example(updates)).unwrap_or_else(|e| panic!("{updates}: {e}")),
            )
        })
        .collect()
}

fn date(text: &str) -> Date {
    text.parse().unwrap_or_else(|_| panic!("bad test date {text}"))
}

/// The value at `row` of `array` as JSON: text, numbers, booleans, dates as `YYYY-MM-DD`,
/// dictionaries as their word, structs as objects, lists as arrays, nulls as `null`.
fn value(array: &dyn Array, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Utf8 => json!(array.as_string::<i32>().value(row)),
        DataType::Boolean => json!(array.as_boolean().value(row)),
        DataType::Float64 => json!(array.as_primitive::<Float64Type>().value(row)),
        DataType::UInt32 => json!(array.as_primitive::<UInt32Type>().value(row)),
        DataType::UInt64 => json!(array.as_primitive::<UInt64Type>().value(row)),
        DataType::Date32 => {
            let day = Date32Type::to_naive_date_opt(array.as_primitive::<Date32Type>().value(row));
            json!(day.expect("a date in chrono's range").to_string())
        }
        DataType::Dictionary(key, _) if **key == DataType::Int32 => {
            let dictionary = array.as_dictionary::<Int32Type>();
            let key = usize::try_from(dictionary.keys().value(row)).expect("a key is not negative");
            value(dictionary.values(), key)
        }
        DataType::Struct(fields) => {
            let array = array.as_struct();
            fields
                .iter()
                .zip(array.columns())
                .map(|(field, column)| (field.name().clone(), value(column, row)))
                .collect()
        }
        DataType::List(_) => {
            let list = array.as_list::<i32>().value(row);
            (0..list.len()).map(|i| value(&list, i)).collect()
        }
        other => panic!("no JSON for {other}"),
    }
}

fn names(batch: &RecordBatch) -> Vec<String> {
    batch.schema().fields().iter().map(|f| f.name().clone()).collect()
}

/// Every value of every column equals `expected(row, column)`; returns how many were compared.
fn same_values(what: &str, batch: &RecordBatch, expected: impl Fn(usize, &str) -> Value) -> usize {
    let mut compared = 0;
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        for row in 0..batch.num_rows() {
            let want = expected(row, field.name());
            assert_eq!(value(column, row), want, "{what}: row {row}, column {}", field.name());
            compared += 1;
        }
    }
    compared
}

/// The JSON objects of `list` have exactly these keys, in this order.
fn keys_are(list: &Value, names: &[String]) {
    for object in list.as_array().expect("a list") {
        let keys: Vec<&String> = object.as_object().expect("an object").keys().collect();
        assert_eq!(keys, names.iter().collect::<Vec<_>>());
    }
}

#[test]
fn the_rows_batch_is_the_json_rows_value_by_value() {
    for (plan, updates) in examples() {
        let options = RollupOptions { as_of: Some(date("2020-12-31")), ..Default::default() };
        let rollup = rollup(&plan, &updates, &options);
        let json = rollup.to_json_value();
        let batch = rollup.to_record_batch();
        assert_eq!(names(&batch), ROW_COLUMNS);
        assert_eq!(batch.schema(), workplan::row_schema());
        keys_are(&json["rows"], &names(&batch)[1..]);
        assert_eq!(batch.num_rows(), plan.items_in_order().len());
        let rows = &json["rows"];
        let compared = same_values(&plan.id, &batch, |row, column| match column {
            "as_of" => json["as_of"].clone(),
            _ => rows[row][column].clone(),
        });
        assert_eq!(compared, 33 * batch.num_rows());
        let nulls: usize = batch.columns().iter().map(|c| c.null_count()).sum();
        assert!(nulls > 0, "{}: the comparison covers nulls", plan.id);
    }
}

#[test]
fn the_series_batch_is_every_rollup_in_long_form() {
    for (plan, updates) in examples() {
        let dates = plan.period.month_ends();
        let series = rollup_series(&plan, &updates, &RollupOptions::default(), Some(&dates));
        let batch = series.to_record_batch();
        assert_eq!(names(&batch), ROW_COLUMNS);
        let per_date = plan.items_in_order().len();
        assert_eq!(batch.num_rows(), per_date * dates.len());
        let json: Vec<Value> = series.rollups.iter().map(|r| r.to_json_value()).collect();
        same_values(&plan.id, &batch, |row, column| {
            let rollup = &json[row / per_date];
            match column {
                "as_of" => rollup["as_of"].clone(),
                _ => rollup["rows"][row % per_date][column].clone(),
            }
        });
    }
}

#[test]
fn the_adoption_and_excluded_batches_are_the_json_lists() {
    let mut cells = 0;
    let mut excluded = 0;
    for (plan, updates) in examples() {
        for missing in [Missing::Zero, Missing::Exclude] {
            let options = RollupOptions {
                as_of: Some(date("2020-12-31")),
                settings: Some(Settings { missing: Some(missing), ..Default::default() }),
                ..Default::default()
            };
            let rollup = rollup(&plan, &updates, &options);
            let json = rollup.to_json_value();
            let batch = rollup.adoption_record_batch();
            assert_eq!(batch.schema(), workplan::adoption_schema());
            assert_eq!(
                names(&batch),
                [
                    "item",
                    "member",
                    "state",
                    "progress",
                    "expected",
                    "variance",
                    "share_of_sum",
                    "value",
                    "date",
                    "status"
                ]
            );
            keys_are(&json["adoption"], &names(&batch));
            assert_eq!(batch.num_rows(), rollup.adoption.len());
            same_values(&plan.id, &batch, |row, column| json["adoption"][row][column].clone());
            cells += batch.num_rows();

            let batch = rollup.excluded_record_batch();
            assert_eq!(names(&batch), ["item", "reason", "because_of"]);
            keys_are(&json["excluded"], &names(&batch));
            assert_eq!(batch.num_rows(), rollup.excluded.len());
            same_values(&plan.id, &batch, |row, column| json["excluded"][row][column].clone());
            excluded += batch.num_rows();
        }
    }
    assert!(cells >= 2 * 52 * 33, "the pledges' matrix: {cells}");
    assert!(excluded > 0, "some items left out: {excluded}");
}

#[test]
fn the_report_batch_is_the_findings() {
    let mut findings = 0;
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/validate-separate-updates");
    let mut cases = examples();
    cases.push((
        Plan::load(broken.join("plan.yaml")).expect("loads"),
        Updates::load(broken.join("updates.csv")).expect("loads"),
    ));
    for (plan, updates) in cases {
        let report = plan.validate_with(&updates);
        let batch = report.to_record_batch();
        assert_eq!(batch.schema(), workplan::report_schema());
        assert_eq!(
            names(&batch),
            ["code", "severity", "message", "path", "item", "line", "column", "hint", "document", "sheet"]
        );
        let json = serde_json::to_value(&report.diagnostics).expect("JSON");
        same_values(&plan.id, &batch, |row, column| match column {
            "path" => json!(report.diagnostics[row].path.to_string()),
            _ => json[row].get(column).cloned().unwrap_or(Value::Null),
        });
        findings += batch.num_rows();
    }
    assert!(findings > 10, "{findings} findings compared");
}

#[test]
fn the_outline_batch_is_the_outline_columns() {
    for (plan, _) in examples() {
        let batch = plan.outline_record_batch();
        let columns = plan.outline_columns();
        assert_eq!(names(&batch), columns.keys().cloned().collect::<Vec<_>>());
        assert_eq!(batch.schema(), workplan::outline_schema());
        assert_eq!(batch.num_rows(), plan.items_in_order().len());
        same_values(&plan.id, &batch, |row, column| columns[column][row].clone());
    }
}
