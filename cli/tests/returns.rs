//! `--updates` with workbooks, `--sheet`, `--mapping` and `--keep-going`, run as a user would.

mod common;

use common::{repo, text, workplan};

const PLAN: &str = "examples/london-councils/business-plan-2020-21.yaml";
const CSV: &str = "examples/london-councils/business-plan-2020-21-updates.csv";
const WORKBOOK: &str = "examples/london-councils/business-plan-2020-21-returns.xlsx";
const MAPPING: &str = "examples/london-councils/business-plan-2020-21-returns-mapping.yaml";

#[test]
fn a_workbook_through_its_mapping_reports_exactly_what_the_csv_does() {
    for format in ["json", "text"] {
        let csv = workplan(&["report", PLAN, "--updates", CSV, "--as-of", "2020-12-31", "--format", format]);
        let workbook = workplan(&[
            "report",
            PLAN,
            "--updates",
            WORKBOOK,
            "--mapping",
            MAPPING,
            "--as-of",
            "2020-12-31",
            "--format",
            format,
        ]);
        assert!(workbook.status.success(), "{}", text(&workbook.stderr));
        assert_eq!(text(&workbook.stdout), text(&csv.stdout), "{format}");
        // What reading the workbook skipped is said, on standard error.
        assert_eq!(
            text(&workbook.stderr),
            format!(
                "{WORKBOOK}[Q2]!A12: info[blank_rows_skipped]: 1 blank row was skipped (the first at sheet `Q2`, cell A12).\n\
                 {WORKBOOK}[Q3]!A124: warning[summary_row_skipped]: A row that reads `Total` and names no item was skipped \
                 at sheet `Q3`, cell A124: a total is not a return.\n  = hint: delete total and summary rows from returns; \
                 the rollup adds up the returns itself\n"
            )
        );
    }
    let explained =
        workplan(&["explain", PLAN, "finance.1", "--updates", WORKBOOK, "--mapping", MAPPING, "--as-of", "2020-12-31"]);
    let from_csv = workplan(&["explain", PLAN, "finance.1", "--updates", CSV, "--as-of", "2020-12-31"]);
    assert_eq!(text(&explained.stdout), text(&from_csv.stdout));
}

#[test]
fn fractions_read_as_percents_are_warned_about() {
    let output = workplan(&["validate", PLAN, WORKBOOK, "--mapping", MAPPING, "--sheet", "Q1", "--sheet", "Q2"]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    let mapping = std::env::temp_dir().join(format!("workplan-auto-{}.yaml", std::process::id()));
    let declared = std::fs::read_to_string(repo().join(MAPPING)).expect("mapping");
    std::fs::write(&mapping, declared.replace("percent_scale: fraction", "percent_scale: auto")).expect("written");
    let output = workplan(&["validate", PLAN, WORKBOOK, "--mapping", mapping.to_str().expect("path")]);
    let out = text(&output.stdout);
    assert!(out.contains(&format!("{WORKBOOK}[Q1]!D2: warning[percent_looks_fractional]: All 435 percents")), "{out}");
    std::fs::remove_file(&mapping).ok();
}

#[test]
fn every_bad_row_is_one_line_and_keep_going_sets_them_aside() {
    let dir = std::env::temp_dir().join(format!("workplan-cli-returns-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("returns.csv");
    std::fs::write(
        &file,
        "Item,Date,RAG\nfinance.1.a,2020-06-30,Green\nfinance.1.b,2020-06-31,Green\nfinance.1.c,,Purple\nfinance.1.d,2020-06-30,Amberish\n",
    )
    .expect("written");
    let mapping = dir.join("mapping.json");
    std::fs::write(&mapping, r#"{"columns": {"RAG": "status"}, "status": "rag"}"#).expect("written");
    let (file, mapping) = (file.to_str().expect("path"), mapping.to_str().expect("path"));
    let failed = workplan(&["report", PLAN, "--updates", file, "--mapping", mapping]);
    assert_eq!(failed.status.code(), Some(1));
    let lines: Vec<String> = text(&failed.stderr).lines().filter(|l| !l.starts_with(' ')).map(str::to_owned).collect();
    assert_eq!(
        lines,
        [
            format!("{file}:3:13: error[invalid_value]: `2020-06-31` is not a real date at /1/date"),
            format!("{file}:4:14: error[invalid_value]: `Purple` is not a status: one of `not_started`, `on_track`, `at_risk`, `off_track`, `done`, `Green`, `Amber`, `Red`, `Blue`, `Complete`, `Grey` at /2/status"),
            format!("{file}:5:24: error[invalid_value]: `Amberish` is not a status: one of `not_started`, `on_track`, `at_risk`, `off_track`, `done`, `Green`, `Amber`, `Red`, `Blue`, `Complete`, `Grey` at /3/status"),
            format!("{file}: 3 problems"),
        ]
    );
    let kept = workplan(&["report", PLAN, "--updates", file, "--mapping", mapping, "--keep-going", "--format", "json"]);
    assert!(kept.status.success(), "{}", text(&kept.stderr));
    let stderr = text(&kept.stderr);
    assert!(stderr.contains(&format!("{file}:3:1: set aside: ")), "{stderr}");
    assert!(stderr.ends_with(&format!("{file}: 3 rows set aside, 1 return loaded\n")), "{stderr}");
    let bad_mapping = dir.join("bad.yaml");
    std::fs::write(&bad_mapping, "columns:\n  RAG: statuss\n").expect("written");
    let refused = workplan(&["report", PLAN, "--updates", file, "--mapping", bad_mapping.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("did you mean `status`?"), "{}", text(&refused.stderr));
    std::fs::remove_dir_all(&dir).ok();
}
