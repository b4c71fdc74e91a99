//! Returns from workbooks (feature `spreadsheet`) give exactly the numbers of the same returns in
//! CSV, or every problem with its sheet and cell.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use workplan::{DiagnosticCode, Mapping, OnError, Plan, ReadOptions, RollupOptions, Updates};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/london-councils").join(name)
}

fn mapping() -> Mapping {
    let text = std::fs::read_to_string(example("business-plan-2020-21-returns-mapping.yaml")).expect("mapping");
    let value: serde_json::Value = workplan::io::text_to_json_value(&text, workplan::Format::Yaml).expect("yaml");
    serde_json::from_value(value).expect("a mapping")
}

fn options(as_of: &str, known_at: Option<&str>) -> RollupOptions {
    RollupOptions {
        as_of: Some(as_of.parse().expect("date")),
        known_at: known_at.map(|t| t.parse().expect("date-time")),
        ..Default::default()
    }
}

#[test]
fn the_example_workbook_rolls_up_to_exactly_the_numbers_of_the_csv() {
    let plan = Plan::load(example("business-plan-2020-21.yaml")).expect("plan");
    let csv = Updates::load(example("business-plan-2020-21-updates.csv")).expect("csv");
    let workbook =
        Updates::load_with(example("business-plan-2020-21-returns.xlsx"), &ReadOptions::with_mapping(mapping()))
            .expect("workbook");
    assert_eq!(workbook.len(), csv.len());
    assert_eq!(workbook.updates, csv.updates, "the same returns, value for value");
    for (as_of, known_at) in [
        ("2020-12-31", None),
        ("2021-03-31", None),
        ("2020-09-30", Some("2020-10-05T08:00:00Z")),
        ("2020-09-30", Some("2020-10-21T00:00:00Z")),
    ] {
        let options = options(as_of, known_at);
        assert_eq!(
            workplan::rollup(&plan, &workbook, &options).to_json_value(),
            workplan::rollup(&plan, &csv, &options).to_json_value(),
            "{as_of} {known_at:?}"
        );
    }
    // The blank row and the total row are reported at their cells, not eaten.
    let report = plan.validate_with(&workbook);
    let notes: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, DiagnosticCode::BlankRowsSkipped | DiagnosticCode::SummaryRowSkipped))
        .map(|d| format!("{}: {}", d.code, d.sheet.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(notes, ["blank_rows_skipped: Q2", "summary_row_skipped: Q3"]);
    let summary = report.with_code(DiagnosticCode::SummaryRowSkipped).next().expect("total row");
    assert!(format!("{summary:#}").starts_with("Q3!A124: warning[summary_row_skipped]"), "{summary:#}");
}

#[test]
fn the_workbook_read_without_its_percent_scale_is_warned_about() {
    let plan = Plan::load(example("business-plan-2020-21.yaml")).expect("plan");
    let mut mapping = mapping();
    mapping.percent_scale = workplan::PercentScale::Auto;
    let updates =
        Updates::load_with(example("business-plan-2020-21-returns.xlsx"), &ReadOptions::with_mapping(mapping))
            .expect("workbook");
    let report = plan.validate_with(&updates);
    let finding = report.with_code(DiagnosticCode::PercentLooksFractional).next().expect("warned");
    assert_eq!(finding.sheet.as_deref(), Some("Q1"));
    assert_eq!((finding.line, finding.column), (Some(2), Some(4)), "{finding}");
    assert!(finding.message.starts_with("All 435 percents"), "{}", finding.message);
    // Without the plan: the same findings about how the returns were read (a blank row too).
    let reading = updates.reading_findings().diagnostics;
    let of_the_file: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.document == workplan::Document::Updates && reading.iter().any(|r| r.code == d.code))
        .cloned()
        .collect();
    assert!(reading.len() >= 2 && reading.iter().any(|d| d.code == DiagnosticCode::BlankRowsSkipped), "{reading:?}");
    assert_eq!(reading, of_the_file);
}

/// A workbook with two quarterly sheets written here: Title-Case headers, RAG words, dates and
/// date-times as Excel writes them, and three bad rows.
fn messy_workbook(path: &Path) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let percent = Format::new().set_num_format("0%");
    for (name, rows) in [
        ("Q1", vec![("a.1", "2020-06-30", "Green", 0.4), ("a.2", "2020-06-30", "Purple", 0.5)]),
        (
            "Q2",
            vec![("a.1", "2020-09-30", "Amber", 0.55), ("a.2", "2020-09-31", "Red", 0.1), ("a.3", "", "Green", 2.0)],
        ),
    ] {
        let sheet = book.add_worksheet().set_name(name).expect("name");
        for (column, header) in ["Item", "Date", "Status", "Percent"].iter().enumerate() {
            sheet.write(0, column as u16, *header).expect("header");
        }
        for (row, (item, day, status, share)) in rows.into_iter().enumerate() {
            let row = row as u32 + 1;
            sheet.write(row, 0, item).expect("item");
            match ExcelDateTime::parse_from_str(day) {
                Ok(day) => sheet.write_with_format(row, 1, &day, &date).map(|_| ()),
                Err(_) if day.is_empty() => Ok(()),
                Err(_) => sheet.write(row, 1, day).map(|_| ()),
            }
            .expect("date");
            sheet.write(row, 2, status).expect("status");
            sheet.write_with_format(row, 3, share, &percent).expect("percent");
        }
    }
    book.save(path).expect("saved");
}

#[test]
fn every_bad_row_of_a_workbook_is_reported_with_its_sheet_and_cell() {
    let dir = std::env::temp_dir().join(format!("workplan-workbooks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("returns.xlsx");
    messy_workbook(&path);
    let mapping: Mapping = serde_json::from_str(r#"{"status": "rag", "percent_scale": "fraction"}"#).expect("mapping");
    let error = Updates::load_with(&path, &ReadOptions::with_mapping(mapping.clone())).expect_err("three bad rows");
    let places: Vec<(String, String)> = error
        .errors()
        .iter()
        .map(|e| (e.location().and_then(workplan::Location::cell_reference).unwrap_or_default(), e.code().to_owned()))
        .collect();
    assert_eq!(
        places,
        [
            ("Q1!C3".to_owned(), "invalid_value".to_owned()),
            ("Q2!B3".to_owned(), "invalid_value".to_owned()),
            ("Q2!A4".to_owned(), "missing_field".to_owned()),
        ],
        "{error}"
    );
    // Set aside instead: the good rows load, the bad ones are returned with their problems.
    let collect = ReadOptions { mapping, on_error: OnError::Collect };
    let updates = Updates::load_with(&path, &collect).expect("the good rows");
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[1].percent, Some(55.0));
    assert_eq!(updates[1].status, Some(workplan::UpdateStatus::AtRisk));
    let set_aside: Vec<String> =
        updates.read.set_aside.iter().filter_map(|row| row.location.cell_reference()).collect();
    assert_eq!(set_aside, ["Q1!A3", "Q2!A3", "Q2!A4"]);
    // Only the named sheet.
    let mut q1 = collect.clone();
    q1.mapping.sheets = vec!["q1".to_owned()];
    assert_eq!(Updates::load_with(&path, &q1).expect("Q1").len(), 1);
    q1.mapping.sheets = vec!["Q9".to_owned()];
    let error = Updates::load_with(&path, &q1).expect_err("no such sheet");
    assert_eq!(error.to_string(), "the workbook has no sheet `Q9` (its sheets: `Q1`, `Q2`) at the top level");
    std::fs::remove_dir_all(&dir).ok();
}
