//! The `workplan` command, run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn workplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workplan")).args(args).current_dir(repo()).output().expect("runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn validate_checks_the_examples_together() {
    let output = workplan(&[
        "validate",
        "examples/london-councils/business-plan-2020-21.yaml",
        "examples/london-councils/business-plan-2020-21-updates.csv",
        "examples/london-councils/pledges-2019-2022.yaml",
        "examples/london-councils/pledges-2019-2022-updates.csv",
    ]);
    assert!(output.status.success(), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(text.starts_with(
        "examples/london-councils/pledges-2019-2022.yaml:20:9: warning[status_mismatch]: The plan is marked approved, \
         but no approval is recorded in its events.\n  = hint: add the approval as an event: date, body, action: approved\n"
    ), "{text}");
    assert!(text.ends_with("4 files checked: 0 errors, 1 warning, 10 notes\n"), "{text}");
    let denied = workplan(&["validate", "--deny-warnings", "examples/london-councils/pledges-2019-2022.yaml"]);
    assert_eq!(denied.status.code(), Some(1), "--deny-warnings makes the warning count");
}

#[test]
fn validate_prints_load_errors_compiler_style_and_exits_1() {
    let file = "tests/fixtures/error-unknown-field-yaml/plan.yaml";
    let output = workplan(&["validate", file, "tests/fixtures/load-minimal-json/plan.json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.starts_with(&format!(
            "{file}:11:5: error[unknown_field]: unknown field `tittle` at /items/2, did you mean `title`?\n"
        )),
        "{text}"
    );
    assert!(text.ends_with("2 files checked: 1 error, 0 warnings, 0 notes\n"), "{text}");
}

#[test]
fn validate_reads_like_a_compiler_on_a_broken_plan() {
    let plan = "tests/fixtures/validate-separate-updates/plan.yaml";
    let updates = "tests/fixtures/validate-separate-updates/updates.csv";
    let output = workplan(&["validate", plan, updates]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{updates}:4:3: warning[update_after_period]: The return #2 for `b` is dated 2021-05-01, after the plan ends on 2021-03-31.\n\
             {updates}:4:15: error[percent_out_of_range]: The return #2 for `b` reports 140%; a percent is between 0 and 100.\n\
             {updates}:5:1: error[unknown_update_item]: The return #3 for `c` is for the item `c`, which is not in the plan.\n\
             \x20 = hint: did you mean `a`?\n\
             2 files checked: 2 errors, 1 warning, 0 notes\n"
        )
    );
}

#[test]
fn validate_has_a_json_form() {
    let output = workplan(&["validate", "--format", "json", "tests/fixtures/error-csv-bad-percent/updates.csv"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json[0]["code"], "wrong_type");
    assert_eq!(json[0]["path"], "/1/percent");
    assert_eq!((json[0]["line"].as_u64(), json[0]["column"].as_u64()), (Some(3), Some(18)));
}

/// `validate` reads a plan without its text and reads the text again for the positions of its
/// findings: the same findings, lines and columns as the library's `Plan::load` and `validate`
/// (which keep the text), for every fixture plan with findings, as written and as JSON.
#[test]
fn validate_places_findings_as_the_library_does() {
    let dir = std::env::temp_dir().join(format!("workplan-validate-places-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let mut compared = 0;
    let mut fixtures: Vec<PathBuf> =
        std::fs::read_dir(repo().join("tests/fixtures")).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    fixtures.sort();
    for fixture in fixtures {
        let Some(plan_file) =
            ["plan.yaml", "plan.json"].map(|name| fixture.join(name)).into_iter().find(|p| p.exists())
        else {
            continue;
        };
        let Ok(plan) = workplan::Plan::load(&plan_file) else { continue };
        let as_json = dir.join(format!("{}.json", fixture.file_name().and_then(|n| n.to_str()).unwrap_or_default()));
        std::fs::write(&as_json, plan.to_json_string()).expect("written");
        for file in [plan_file, as_json] {
            // (A plan with a number that is not finite is saved with `null`, which does not load.)
            let Ok(loaded) = workplan::Plan::load(&file) else { continue };
            let expected: Vec<serde_json::Value> = loaded
                .validate()
                .diagnostics
                .iter()
                .map(|d| serde_json::json!([d.code, d.path.to_string(), d.line, d.column]))
                .collect();
            if expected.is_empty() {
                continue;
            }
            let file = file.to_str().expect("a UTF-8 path");
            let output = workplan(&["validate", "--format", "json", file]);
            let found: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
            let found: Vec<serde_json::Value> = found
                .as_array()
                .expect("a list")
                .iter()
                .map(|d| serde_json::json!([d["code"], d["path"], d["line"], d["column"]]))
                .collect();
            assert_eq!(found, expected, "{file}");
            assert!(expected.iter().all(|d| d[2].is_u64()), "{file}: every finding placed");
            compared += 1;
        }
    }
    assert!(compared >= 80, "only {compared} plans with findings compared");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn report_rolls_up_the_2020_21_plan_in_100_columns() {
    let output = workplan(&[
        "report",
        "examples/london-councils/business-plan-2020-21.yaml",
        "--updates",
        "examples/london-councils/business-plan-2020-21-updates.csv",
        "--as-of",
        "2020-12-31",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.starts_with("London Councils Business Plan 2020/21 (business-plan-2020-21)\nas of 2020-12-31"),
        "{text}"
    );
    assert!(text.lines().all(|line| line.chars().count() <= 100), "{text}");
    assert!(text.contains("1 Finance Performance & Impr..."), "{text}");
    // How much data is in, and whether a status was reported or derived, on every row.
    let line = |start: &str| text.lines().find(|l| l.starts_with(start)).unwrap_or_default().to_owned();
    assert!(line("  1 Delivering fair levels").ends_with("off track     up    6/7 items"), "{text}");
    assert!(line("    a A compelling").contains("on track (r)"), "a reported status: {text}");
    assert!(line("    d Persuasive").ends_with("at risk (r)         ! status only"), "{text}");
    assert!(text.contains("! low coverage: under 50% of the data"), "the legend: {text}");
    let rows = text.lines().filter(|l| l.contains('|')).count();
    assert!(rows >= 202, "one line per item: {rows}");
}

#[test]
fn report_as_json_is_the_rollup() {
    let output = workplan(&["report", "--format", "json", "examples/london-councils/pledges-2019-2022.yaml"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["plan"], "pledges-2019-2022");
    assert_eq!(json["as_of"], "2022-03-31");
    assert_eq!(json["rows"].as_array().map(Vec::len), Some(62));
    assert_eq!(json["adoption"].as_array().map(Vec::len), Some(52 * 33), "every member x every member item");
}

#[test]
fn report_as_csv_has_one_row_per_item() {
    let output = workplan(&["report", "--format", "csv", "examples/london-councils/business-plan-2020-21.yaml"]);
    let text = stdout(&output);
    let mut lines = text.lines();
    assert!(lines
        .next()
        .is_some_and(|header| header.starts_with("id,parent,depth,level,label,title,state,included,progress")));
    assert_eq!(lines.count(), 202);
}

#[test]
fn report_as_csv_quotes_cells_with_commas_quotes_and_line_breaks() {
    let dir = std::env::temp_dir().join(format!("workplan-csv-quoting-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let plan = dir.join("plan.json");
    let document = serde_json::json!({
        "workplan": 1, "id": "p", "title": "P", "period": {"start": "2020-04-01", "end": "2021-03-31"},
        "items": [
            {"id": "a", "title": "Homes, jobs"},
            {"id": "b", "title": "The \"best\" borough"},
            {"id": "c", "title": "Two\rlines"},
            {"id": "d", "title": "Plain"}
        ]
    });
    std::fs::write(&plan, document.to_string()).expect("written");
    let output = workplan(&["report", "--format", "csv", plan.to_str().expect("a path")]);
    let text = stdout(&output);
    let titles: Vec<&str> = ["\"Homes, jobs\"", "\"The \"\"best\"\" borough\"", "\"Two\rlines\"", ",Plain,"]
        .into_iter()
        .filter(|cell| !text.contains(cell))
        .collect();
    assert!(titles.is_empty(), "not written as CSV: {titles:?}\n{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn explain_says_how_a_number_was_found() {
    let output = workplan(&[
        "explain",
        "examples/london-councils/business-plan-2020-21.yaml",
        "finance.1",
        "--updates",
        "examples/london-councils/business-plan-2020-21-updates.csv",
        "--as-of",
        "2020-12-31",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "Priority 1, \u{201c}Delivering fair levels of funding for local public services in London\u{201d}, is 45.7% \
             done against 75.3% expected by 31 December 2020 (29.6 points behind): off track, derived from the \
             schedule. Data is in for 6 of 7 items."
        ),
        "the plain sentence first: {text}"
    );
    assert!(
        lines.next().is_some_and(|l| l.starts_with(
            "Priority finance.1: 45.7% = (1 x 55% + 1 x 100% + 1 x 80% + 1 x 0% + 1 x 60% + 1 x 10% + 1 x 15%) / 7"
        )),
        "then the arithmetic: {text}"
    );
    let missing = workplan(&["explain", "examples/london-councils/business-plan-2020-21.yaml", "finance.9"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("did you mean `finance.1`?"));
}

#[test]
fn report_of_a_broken_plan_fails_with_the_place() {
    let output = workplan(&["report", "tests/fixtures/error-bad-date-yaml/plan.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(text.contains("plan.yaml:8:10: error[invalid_value]"), "{text}");
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = workplan(&["schema"]);
    let committed = std::fs::read_to_string(repo().join("schema/workplan.schema.json")).expect("schema");
    assert_eq!(stdout(&output), committed);
}

#[test]
fn diff_prints_a_changelog_of_the_two_drafts() {
    let old = "examples/london-councils/business-plan-2020-21-draft-2020-03-03.yaml";
    let new = "examples/london-councils/business-plan-2020-21.yaml";
    let text = stdout(&workplan(&["diff", old, new]));
    assert!(text.starts_with("business-plan-2020-21-draft-2020-03-03 -> business-plan-2020-21: 1 added, 1 removed, 1 moved, 5 relabelled"), "{text}");
    assert!(text.contains("  schools.1.c: schools.2 -> schools.1\n"), "{text}");
    assert!(text.contains("~ crime.2 outcome: \"...hens front-line policing and ensuring"), "{text}");
    let markdown = stdout(&workplan(&["diff", "--format", "markdown", old, new]));
    assert!(markdown.starts_with("# Changes from `business-plan-2020-21-draft-2020-03-03` to `business-plan-2020-21`"));
    let json: serde_json::Value =
        serde_json::from_slice(&workplan(&["diff", "--format", "json", old, new]).stdout).expect("JSON");
    assert_eq!(json["added"][0]["id"], "schools.2.d");
}

#[test]
fn schedule_rotates_the_seven_pledge_clusters() {
    let output = workplan(&[
        "schedule",
        "examples/london-councils/pledges-2019-2022.yaml",
        "--from",
        "2019-06-01",
        "--to",
        "2022-03-31",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("Our Pledges to Londoners (pledges-2019-2022): 28 meetings from 2019-06-01 to 2022-03-31, 7 clusters\n  2019-06-11  housing"), "{text}");
    assert!(text.contains("every cluster is reviewed within every 12 months"), "{text}");
    let sparse = workplan(&[
        "schedule",
        "examples/london-councils/pledges-2019-2022.yaml",
        "--rule",
        "first monday except feb mar apr may jun aug sep oct nov dec",
    ]);
    assert_eq!(sparse.status.code(), Some(1), "two meetings a year leave gaps");
    assert!(stdout(&sparse).contains("gap: "));
}

#[test]
fn report_as_a_committee_paper_in_markdown_and_html() {
    let args = |format: &'static str| {
        vec![
            "report",
            "--format",
            format,
            "examples/london-councils/business-plan-2020-21.yaml",
            "--updates",
            "examples/london-councils/business-plan-2020-21-updates.csv",
            "--as-of",
            "2020-12-31",
        ]
    };
    let markdown = stdout(&workplan(&args("markdown")));
    let snapshots = repo().join("tests/snapshots");
    assert_eq!(markdown, std::fs::read_to_string(snapshots.join("business-plan-2020-21.md")).expect("snapshot"));
    let html = stdout(&workplan(&args("html")));
    assert_eq!(html, std::fs::read_to_string(snapshots.join("business-plan-2020-21.html")).expect("snapshot"));
}

#[test]
fn generate_writes_the_same_bytes_for_the_same_seed_and_the_result_validates() {
    let dir = std::env::temp_dir().join(format!("workplan-generate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let run = |plan: &str, updates: &str, seed: &str| {
        let output = workplan(&["generate", "--items", "2000", "--seed", seed, "-o", plan, "--updates-out", updates]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let said = run(&path("a.json"), &path("a.csv"), "3");
    assert!(said.contains("2222 items, 20") && said.contains("returns in"), "{said}");
    run(&path("b.yaml"), &path("b.csv"), "3");
    run(&path("c.json"), &path("c.csv"), "4");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("written");
    assert_eq!(read("a.csv"), read("b.csv"), "the same seed gives the same returns");
    assert_ne!(read("a.csv"), read("c.csv"), "another seed gives others");
    let (json, yaml) = (read("a.json"), read("b.yaml"));
    assert_eq!(
        workplan::Plan::from_json_str(&json).expect("loads"),
        workplan::Plan::from_yaml_str(&yaml).expect("loads"),
        "JSON and YAML hold the same plan"
    );
    let checked = workplan(&["validate", "--deny-warnings", &path("a.json"), &path("a.csv")]);
    assert!(checked.status.success(), "{}", stdout(&checked));
    let refused = workplan(&["generate", "-o", &path("plan.txt")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("written as .json or .yaml"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The rows of an Arrow record batch, read back from a file, against the JSON form: the row count,
/// the columns in order, and the ids, numbers, tops, progress and statuses.
fn same_as_json(what: &str, batch: &arrow_array::RecordBatch, json: &serde_json::Value) {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int32Type};
    use arrow_array::Array;

    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(batch.num_rows(), rows.len(), "{what}");
    let names: Vec<String> = batch.schema().fields().iter().map(|f| f.name().clone()).collect();
    let mut expected = vec!["as_of".to_owned()];
    expected.extend(rows[0].as_object().expect("a row").keys().cloned());
    assert_eq!(names, expected, "{what}: the columns of the JSON rows, after as_of");
    let column = |name: &str| batch.column_by_name(name).unwrap_or_else(|| panic!("{what}: {name}"));
    let text = |name: &str, row: usize| {
        let array = column(name);
        (!array.is_null(row)).then(|| array.as_string::<i32>().value(row).to_owned())
    };
    let status = column("status").as_dictionary::<Int32Type>();
    let statuses = status.values().as_string::<i32>();
    let progress = column("progress").as_primitive::<Float64Type>();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(text("id", i).as_deref(), row["id"].as_str(), "{what}");
        assert_eq!(text("number", i).as_deref(), row["number"].as_str(), "{what}");
        assert_eq!(text("top", i).as_deref(), row["top"].as_str(), "{what}");
        let key = usize::try_from(status.keys().value(i)).expect("a key");
        assert_eq!(Some(statuses.value(key)), row["status"].as_str(), "{what}");
        let got = (!progress.is_null(i)).then(|| progress.value(i));
        assert_eq!(got, row["progress"].as_f64(), "{what}: progress of {}", row["id"]);
    }
}

#[test]
fn report_writes_the_rows_as_arrow_and_parquet_files() {
    let dir = std::env::temp_dir().join(format!("workplan-columns-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let plan = "examples/london-councils/business-plan-2020-21.yaml";
    let updates = "examples/london-councils/business-plan-2020-21-updates.csv";
    let args =
        |format: &'static str| vec!["report", plan, "--updates", updates, "--as-of", "2020-12-31", "--format", format];
    let output = workplan(&args("json"));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");

    let arrow = dir.join("rows.arrow");
    let output = workplan(&[args("arrow"), vec!["-o", arrow.to_str().expect("a path")]].concat());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.is_empty(), "the rows go to the file");
    let file = std::fs::File::open(&arrow).expect("written");
    let reader = arrow_ipc::reader::FileReader::try_new(file, None).expect("an Arrow IPC file");
    let batches: Vec<_> = reader.collect::<Result<_, _>>().expect("readable");
    assert_eq!(batches.len(), 1);
    same_as_json("arrow", &batches[0], &json);

    let parquet = dir.join("rows.parquet");
    let output = workplan(&[args("parquet"), vec!["--out", parquet.to_str().expect("a path")]].concat());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let file = std::fs::File::open(&parquet).expect("written");
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .expect("a Parquet file")
        .with_batch_size(1 << 20)
        .build()
        .expect("a reader");
    let batches: Vec<_> = reader.collect::<Result<_, _>>().expect("readable");
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].schema().fields(), workplan::row_schema().fields(), "Parquet keeps the Arrow types");
    same_as_json("parquet", &batches[0], &json);

    let refused = workplan(&args("parquet"));
    assert_eq!(refused.status.code(), Some(2), "a binary format needs -o");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("-o FILE"));
    assert!(refused.stdout.is_empty());

    let csv = dir.join("rows.csv");
    let output = workplan(&[args("csv"), vec!["-o", csv.to_str().expect("a path")]].concat());
    assert!(output.status.success() && output.stdout.is_empty());
    assert_eq!(std::fs::read(&csv).expect("written"), workplan(&args("csv")).stdout, "-o takes the text formats too");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_takes_the_missing_and_coverage_settings_and_its_paper_says_them() {
    let paper = |extra: &[&str]| {
        let mut args = vec![
            "report",
            "examples/london-councils/pledges-2019-2022.yaml",
            "--updates",
            "examples/london-councils/pledges-2019-2022-updates.csv",
            "--as-of",
            "2021-03-31",
        ];
        args.extend_from_slice(extra);
        if !extra.contains(&"--format") {
            args.extend_from_slice(&["--format", "markdown"]);
        }
        let output = workplan(&args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        stdout(&output)
    };
    let default = paper(&[]);
    assert!(default.contains("A missing return counts as 0% (setting `missing: zero`)"), "{default}");
    assert!(default.contains("less than 50% of its data"), "{default}");
    let other = paper(&["--missing", "exclude", "--coverage-threshold", "0.01"]);
    assert!(other.contains("left out of its parent's figure (setting `missing: exclude`)"), "{other}");
    assert!(other.contains("less than 1% of its data"), "{other}");
    assert!(
        default.matches("low coverage").count() > other.matches("low coverage").count(),
        "a lower threshold marks fewer rows"
    );
    assert_ne!(default, other.replace("1% of its data", "50% of its data"), "the numbers differ with missing: exclude");
    let welsh = paper(&["--locale", "cy"]);
    assert!(welsh.contains("progress at 31 Mawrth 2021"), "{welsh}");
    let german = paper(&["--locale", "de-DE", "--format", "html"]);
    assert!(german.contains("<html lang=\"de-DE\">") && german.contains("66,7%"), "{german}");
    assert!(german.contains("4 of 10 items, 3,9% of the data"), "the share of the data in the locale too: {german}");
    let bad = workplan(&["report", "examples/london-councils/pledges-2019-2022.yaml", "--locale", "xx-YY"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown locale `xx-YY`"));
}
