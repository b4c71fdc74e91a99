//! `workplan portfolio`, run as a user would: each plan's rows are the rows `workplan report`
//! writes for it, with the plan first; the other tables are written beside the rows; a bad plan is
//! reported with its place and left out.

use std::path::{Path, PathBuf};

mod common;

use common::{text, workplan};

/// A fresh folder under the system's temporary folder.
fn folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("workplan-cli-portfolio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    folder
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const PLANS: [(&str, Option<&str>); 3] = [
    ("business-plan-2020-21-draft-2020-03-03", None),
    ("business-plan-2020-21", Some("business-plan-2020-21-updates.csv")),
    ("pledges-2019-2022", Some("pledges-2019-2022-updates.csv")),
];

/// `workplan report` of one example plan in this format, on standard output.
fn report(plan: &str, updates: Option<&str>, format: &str) -> String {
    let plan = format!("examples/london-councils/{plan}.yaml");
    let mut args = vec!["report", plan.as_str(), "--as-of", "2020-12-31", "--format", format];
    let updates = updates.map(|u| format!("examples/london-councils/{u}"));
    if let Some(updates) = &updates {
        args.extend(["--updates", updates.as_str()]);
    }
    let output = workplan(&args);
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
}

#[test]
fn the_csv_rows_of_each_plan_are_its_report_with_the_plan_first() {
    let dir = folder("csv");
    let out = dir.join("rows.csv");
    let output =
        workplan(&["portfolio", "examples/london-councils", "--as-of", "2020-12-31", "-o", &out.to_string_lossy()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("3 plans rolled up, 466 rows"), "{}", text(&output.stderr));
    let written = read(&out);
    let mut expected = String::new();
    for (i, (plan, updates)) in PLANS.iter().enumerate() {
        let report = report(plan, *updates, "csv");
        let mut lines = report.lines();
        let header = lines.next().expect("a header");
        if i == 0 {
            expected.push_str(&format!("plan,{header}\n"));
        }
        for line in lines {
            expected.push_str(&format!("{plan},{line}\n"));
        }
    }
    assert_eq!(written, expected);
    for (table, header) in [
        ("cells", "plan,item,member,state,progress,expected,variance,share_of_sum,value,date,status"),
        ("findings", "plan,code,severity,message,path,item,line,column,hint,document,sheet"),
        ("excluded", "plan,item,reason,because_of"),
        ("links", "plan,item,to_plan,to_item,rel"),
    ] {
        let written = read(&dir.join(format!("rows-{table}.csv")));
        assert_eq!(written.lines().next(), Some(header), "{table}");
    }
    let cells = read(&dir.join("rows-cells.csv"));
    assert!(
        cells.lines().skip(1).all(|line| line.starts_with("pledges-2019-2022,")),
        "members deliver only the pledges"
    );
    let pledges: serde_json::Value =
        serde_json::from_str(&report(PLANS[2].0, PLANS[2].1, "json")).expect("the pledges' report as JSON");
    let adoption = pledges["adoption"].as_array().map(Vec::len);
    assert_eq!(Some(cells.lines().count() - 1), adoption, "every borough x every member item");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_json_rows_are_the_reports_rows_with_plan_and_as_of() {
    let dir = folder("json");
    let out = dir.join("all.json");
    let output =
        workplan(&["portfolio", "examples/london-councils", "--as-of", "2020-12-31", "-o", &out.to_string_lossy()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&read(&out)).expect("a JSON array");
    let mut expected = Vec::new();
    for (plan, updates) in PLANS {
        let report: serde_json::Value = serde_json::from_str(&report(plan, updates, "json")).expect("JSON");
        for row in report["rows"].as_array().expect("rows") {
            let mut object = serde_json::Map::new();
            object.insert("plan".into(), plan.into());
            object.insert("as_of".into(), "2020-12-31".into());
            object.extend(row.as_object().expect("an object").clone());
            expected.push(serde_json::Value::Object(object));
        }
    }
    assert_eq!(rows, expected);
    let findings: Vec<serde_json::Value> =
        serde_json::from_str(&read(&dir.join("all-findings.json"))).expect("a JSON array");
    assert!(findings.iter().all(|f| f["path"].as_str().is_some_and(|p| p.starts_with('/'))), "{findings:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_plan_is_reported_with_its_place_and_the_others_are_written() {
    let dir = folder("bad");
    let good = "workplan: 1\nid: good\ntitle: Good\nperiod: {start: 2021-01-01, end: 2021-12-31}\nitems: [{id: a, title: A}]\n";
    std::fs::write(dir.join("good.yaml"), good).expect("written");
    std::fs::write(dir.join("good-updates.csv"), "item,date,percent\na,2021-06-30,25\n").expect("written");
    std::fs::write(dir.join("bad.yaml"), "workplan: 1\nid: bad\ntitle: Bad\nperiod: {start: 2021-01-01}\n")
        .expect("written");
    let out = dir.join("out").join("rows.csv"); // the folder `out` is made
    let args =
        ["portfolio", &dir.to_string_lossy(), "--as-of", "2021-06-30", "-o", &out.to_string_lossy()].map(str::to_owned);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = workplan(&args);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("bad.yaml:4:") && stderr.contains("end"), "{stderr}");
    assert!(stderr.contains("1 plan rolled up, 1 rows; 1 left out"), "{stderr}");
    let rows = read(&out);
    assert_eq!(rows.lines().count(), 2, "{rows}");
    assert!(
        rows.lines().nth(1).is_some_and(|line| line.starts_with("good,a,,0,") && line.contains(",0.25,")),
        "{rows}"
    );

    let mut fail_fast = args.clone();
    fail_fast.push("--fail-fast");
    let output = workplan(&fail_fast);
    assert_eq!(output.status.code(), Some(1));
    assert!(!text(&output.stderr).contains("rolled up"), "{}", text(&output.stderr));

    let output = workplan(&["portfolio", &dir.to_string_lossy(), "-o", "rows.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--format parquet|arrow|csv|json"), "{}", text(&output.stderr));
    std::fs::remove_dir_all(&dir).ok();
}
