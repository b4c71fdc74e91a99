//! Replays the shared conformance corpus in `tests/fixtures/` (see its README). The same cases
//! are replayed by pytest and node, so all three faces are held to the same answers.
//!
//! `WORKPLAN_BLESS=1` writes the expectations of every case instead of checking them; read what
//! it wrote before committing.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use workplan::{Format, LoadError, Plan, Updates};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The input file of a case: `plan.*` or `updates.*`.
fn input_of(case: &Path) -> (PathBuf, bool) {
    let mut inputs: Vec<PathBuf> = fs::read_dir(case)
        .expect("case folder is readable")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            name == "plan" || name == "updates"
        })
        .collect();
    assert_eq!(inputs.len(), 1, "{}: exactly one plan.* or updates.* file", case.display());
    let input = inputs.remove(0);
    let is_plan = input.file_stem().and_then(|s| s.to_str()) == Some("plan");
    (input, is_plan)
}

/// What loading a case gives: the canonical JSON and a count, or the error.
fn outcome(input: &Path, is_plan: bool) -> Result<(String, usize), LoadError> {
    let bytes = fs::read(input).expect("input is readable");
    let format = Format::from_path(input);
    if is_plan {
        let plan = Plan::from_bytes(&bytes, format)?;
        let canonical = plan.to_json_string();
        // Lossless and deterministic: the saved JSON and YAML load back to the same plan.
        let from_json = Plan::from_json_str(&canonical).expect("saved JSON loads");
        assert_eq!(from_json, plan, "{}: JSON round trip", input.display());
        let yaml = plan.to_yaml_string();
        let from_yaml = Plan::from_yaml_str(&yaml).expect("saved YAML loads");
        assert_eq!(from_yaml, plan, "{}: YAML round trip\n{yaml}", input.display());
        assert_eq!(from_yaml.to_yaml_string(), yaml, "{}: YAML saving is deterministic", input.display());
        Ok((canonical, plan.items_in_order().len()))
    } else {
        let updates = Updates::from_bytes(&bytes, format)?;
        let canonical = updates.to_json_string();
        assert_eq!(Updates::from_json_str(&canonical).expect("saved JSON loads"), updates);
        assert_eq!(Updates::from_csv(&updates.to_csv_string()).expect("saved CSV loads"), updates);
        Ok((canonical, updates.len()))
    }
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

#[test]
fn every_fixture_case_gives_its_expected_outcome() {
    let bless = std::env::var_os("WORKPLAN_BLESS").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let (input, is_plan) = input_of(case);
        let case_file = case.join("case.json");
        let mut spec: Value = serde_json::from_str(&fs::read_to_string(&case_file).expect("case.json")).expect("JSON");
        let result = outcome(&input, is_plan);
        if bless {
            let object = spec.as_object_mut().expect("case.json is an object");
            object.remove("ok");
            object.remove("error");
            match &result {
                Ok((canonical, count)) => {
                    fs::write(case.join("canonical.json"), canonical).expect("write canonical");
                    let key = if is_plan { "items" } else { "rows" };
                    object.insert("ok".into(), json!({ "canonical": "canonical.json", key: count }));
                }
                Err(error) => {
                    let _ = fs::remove_file(case.join("canonical.json"));
                    object.insert("error".into(), error_json(error));
                }
            }
            fs::write(&case_file, serde_json::to_string_pretty(&spec).expect("json") + "\n").expect("write case");
            continue;
        }
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_owned();
        match (&result, spec.get("ok"), spec.get("error")) {
            (Ok((canonical, count)), Some(ok), None) => {
                let expected = fs::read_to_string(case.join("canonical.json")).expect("canonical.json");
                if *canonical != expected {
                    failures.push(format!("{name}: canonical JSON differs:\n{canonical}"));
                }
                let key = if is_plan { "items" } else { "rows" };
                if ok[key] != json!(count) {
                    failures.push(format!("{name}: {key} = {count}, expected {}", ok[key]));
                }
            }
            (Err(error), None, Some(expected)) => {
                if error_json(error) != *expected {
                    failures.push(format!("{name}: got {}, expected {expected}", error_json(error)));
                }
            }
            (Ok(_), _, _) => failures.push(format!("{name}: loaded, but an error was expected")),
            (Err(error), _, _) => failures.push(format!("{name}: expected to load, failed with {}", error_json(error))),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
