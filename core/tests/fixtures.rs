//! Replays the shared conformance corpus in `tests/fixtures/` (see its README). The same cases
//! are replayed by pytest and node, so all three faces are held to the same answers.
//!
//! `WORKPLAN_BLESS=1` writes the expectations of every case instead of checking them; read what
//! it wrote before committing.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};
use workplan::{Diagnostic, Format, LoadError, Plan, RollupOptions, Updates, Workspace};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The file of a case whose name (without extension) is `stem`.
fn file_named(case: &Path, stem: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(case)
        .expect("case folder is readable")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_file() && path.file_stem().and_then(|s| s.to_str()) == Some(stem))
        .collect();
    assert!(found.len() <= 1, "{}: more than one {stem}.* file", case.display());
    found.pop()
}

fn error_json(error: &LoadError) -> Value {
    json!({
        "code": error.code(),
        "message": error.to_string(),
        "path": error.path().to_string(),
        "line": error.line(),
        "column": error.column(),
    })
}

fn diagnostics_json(diagnostics: &[Diagnostic]) -> Value {
    Value::Array(
        diagnostics
            .iter()
            .map(|d| {
                assert!(
                    workplan::CODES.iter().any(|c| c.code == d.code && c.severity == d.severity),
                    "`{}` ({}) is not in workplan::CODES",
                    d.code,
                    d.severity
                );
                json!({
                    "code": d.code,
                    "severity": d.severity,
                    "message": d.message,
                    "path": d.path.to_string(),
                    "item": d.item,
                    "line": d.line,
                    "column": d.column,
                    "hint": d.hint,
                    "document": d.document,
                })
            })
            .collect(),
    )
}

fn load_plan(path: &Path) -> Result<Plan, LoadError> {
    Plan::from_bytes(&fs::read(path).expect("readable"), Format::from_path(path))
}

fn load_updates(path: &Path) -> Result<Updates, LoadError> {
    Updates::from_bytes(&fs::read(path).expect("readable"), Format::from_path(path))
}

/// Whether two JSON values are equal, numbers within 1e-12.
pub fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-12,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w)))
        }
        _ => a == b,
    }
}

/// The rollup of a case, and any hand-worked values it does not match.
fn rollup_case(case: &Path, spec: &Value) -> (Value, Vec<String>) {
    let plan = load_plan(&case.join("plan.yaml")).expect("the case's plan loads");
    let updates = match file_named(case, "updates") {
        Some(file) => load_updates(&file).expect("the case's updates load"),
        None => Updates::default(),
    };
    let options = RollupOptions::from_json_value(spec["options"].clone()).expect("options");
    let rollup = workplan::rollup(&plan, &updates, &options).to_json_value();
    let mut wrong = Vec::new();
    for (key, expected) in spec["worked"].as_object().expect("worked values") {
        let (id, column) = key.rsplit_once('.').expect("id.column");
        let row = rollup["rows"].as_array().and_then(|rows| rows.iter().find(|r| r["id"] == id));
        let got = row.map(|r| r[column].clone()).unwrap_or(Value::Null);
        if !close(&got, expected) {
            wrong.push(format!("{key}: worked by hand {expected}, computed {got}"));
        }
    }
    (rollup, wrong)
}

/// What a case gives, as the JSON expectation it must equal, and the canonical text if any.
fn outcome(case: &Path) -> (Map<String, Value>, Option<String>) {
    let mut expect = Map::new();
    let workspace_dir = case.join("workspace");
    if workspace_dir.is_dir() {
        let mut files: Vec<PathBuf> =
            fs::read_dir(&workspace_dir).expect("dir").map(|e| e.expect("entry").path()).collect();
        files.sort();
        let plans: Vec<Plan> =
            files.iter().map(|f| load_plan(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()))).collect();
        let reports = Workspace::new(plans).validate();
        let reports: Vec<Value> = reports
            .iter()
            .map(|r| json!({"plan": r.plan, "diagnostics": diagnostics_json(&r.report.diagnostics)}))
            .collect();
        expect.insert("reports".into(), Value::Array(reports));
        return (expect, None);
    }
    let plan_file = file_named(case, "plan");
    let updates_file = file_named(case, "updates");
    match (plan_file, updates_file) {
        (Some(plan_file), updates_file) => match load_plan(&plan_file) {
            Err(error) => {
                expect.insert("error".into(), error_json(&error));
                (expect, None)
            }
            Ok(plan) => {
                let canonical = plan.to_json_string();
                let report = match &updates_file {
                    Some(file) => plan.validate_with(&load_updates(file).expect("the case's updates load")),
                    None => plan.validate(),
                };
                // Lossless and deterministic: the saved JSON and YAML load back to the same plan
                // (except that JSON has no way to write a number that is not finite).
                if report.with_code("non_finite").next().is_none() {
                    assert_eq!(Plan::from_json_str(&canonical).expect("saved JSON loads"), plan, "{}", case.display());
                    let yaml = plan.to_yaml_string();
                    let from_yaml = Plan::from_yaml_str(&yaml).expect("saved YAML loads");
                    assert_eq!(from_yaml, plan, "{}: YAML round trip\n{yaml}", case.display());
                    assert_eq!(from_yaml.to_yaml_string(), yaml, "{}: YAML saving is deterministic", case.display());
                }
                expect
                    .insert("ok".into(), json!({"canonical": "canonical.json", "items": plan.items_in_order().len()}));
                expect.insert("diagnostics".into(), diagnostics_json(&report.diagnostics));
                (expect, Some(canonical))
            }
        },
        (None, Some(updates_file)) => match load_updates(&updates_file) {
            Err(error) => {
                expect.insert("error".into(), error_json(&error));
                (expect, None)
            }
            Ok(updates) => {
                let canonical = updates.to_json_string();
                assert_eq!(Updates::from_json_str(&canonical).expect("saved JSON loads"), updates);
                assert_eq!(Updates::from_csv(&updates.to_csv_string()).expect("saved CSV loads"), updates);
                expect.insert("ok".into(), json!({"canonical": "canonical.json", "rows": updates.len()}));
                (expect, Some(canonical))
            }
        },
        (None, None) => panic!("{}: no plan.*, updates.* or workspace/", case.display()),
    }
}

#[test]
fn every_fixture_case_gives_its_expected_outcome() {
    let bless = std::env::var_os("WORKPLAN_BLESS").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 100, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let case_file = case.join("case.json");
        let spec: Value = serde_json::from_str(&fs::read_to_string(&case_file).expect("case.json")).expect("JSON");
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_owned();
        if spec.get("options").is_some() {
            let (rollup, wrong) = rollup_case(case, &spec);
            failures.extend(wrong.into_iter().map(|w| format!("{name}: {w}")));
            if bless {
                let mut object = spec.as_object().cloned().unwrap_or_default();
                object.insert("rollup".into(), rollup);
                fs::write(&case_file, serde_json::to_string_pretty(&object).expect("json") + "\n").expect("write case");
            } else if !close(&rollup, &spec["rollup"]) {
                failures.push(format!(
                    "{name}: rollup differs:\n{}",
                    serde_json::to_string_pretty(&rollup).unwrap_or_default()
                ));
            }
            continue;
        }
        let (expect, canonical) = outcome(case);
        if bless {
            let mut object = Map::new();
            object.insert("description".into(), spec["description"].clone());
            object.extend(expect);
            fs::write(&case_file, serde_json::to_string_pretty(&object).expect("json") + "\n").expect("write case");
            match canonical {
                Some(text) => fs::write(case.join("canonical.json"), text).expect("write canonical"),
                None => {
                    let _ = fs::remove_file(case.join("canonical.json"));
                }
            }
            continue;
        }
        for (key, value) in &expect {
            if spec.get(key) != Some(value) {
                failures.push(format!(
                    "{name}: `{key}` is\n{}\nbut the case expects\n{}",
                    serde_json::to_string_pretty(value).unwrap_or_default(),
                    serde_json::to_string_pretty(&spec.get(key)).unwrap_or_default()
                ));
            }
        }
        let keys = spec.as_object().map_or(0, |o| o.len());
        if keys != expect.len() + 1 {
            failures
                .push(format!("{name}: case.json has other expectations than {:?}", expect.keys().collect::<Vec<_>>()));
        }
        if let Some(text) = canonical {
            if fs::read_to_string(case.join("canonical.json")).ok().as_deref() != Some(text.as_str()) {
                failures.push(format!("{name}: canonical JSON differs:\n{text}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
