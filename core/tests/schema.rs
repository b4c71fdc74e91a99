//! The committed JSON Schema matches the code, and every example and fixture plan validates
//! against it with a real JSON Schema validator.

use std::fs;
use std::path::{Path, PathBuf};

use workplan::{io::text_to_json_value, Format};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn committed_schema_matches_the_code() {
    let committed = fs::read_to_string(repo().join("schema/workplan.schema.json")).expect("schema file");
    let generated = serde_json::to_string_pretty(&workplan::schema()).expect("json") + "\n";
    assert!(
        committed == generated,
        "schema/workplan.schema.json is out of date: run `cargo run -p workplan-cli -- schema > schema/workplan.schema.json`"
    );
}

/// Every plan document among the examples and the fixtures that load.
fn plan_documents() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(repo().join("examples/london-councils")).expect("examples") {
        let path = entry.expect("entry").path();
        // Plans only: a returns mapping (`*-mapping.yaml`) is not a plan.
        if matches!(Format::from_path(&path), Some(Format::Json | Format::Yaml))
            && !path.to_string_lossy().ends_with("-mapping.yaml")
        {
            files.push(path);
        }
    }
    for entry in fs::read_dir(repo().join("tests/fixtures")).expect("fixtures") {
        let case = entry.expect("entry").path();
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // That case shows the loader's one leniency beyond the schema: an unquoted YAML number
        // or boolean where text belongs is taken as its text (`label: 1`), which a generic YAML
        // reader hands to the schema as a number.
        if name.starts_with("load-") && name != "load-yaml-plain-scalars" {
            for name in ["plan.json", "plan.yaml"] {
                if case.join(name).exists() {
                    files.push(case.join(name));
                }
            }
        }
    }
    files.sort();
    files
}

fn document(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).expect("readable");
    let format = Format::from_path(path).expect("known format");
    text_to_json_value(&text, format).expect("parses")
}

#[test]
fn every_example_and_fixture_plan_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&workplan::schema()).expect("the schema is a valid JSON Schema");
    let files = plan_documents();
    assert!(files.len() >= 6, "found only {files:?}");
    for file in &files {
        let instance = document(file);
        let errors: Vec<String> =
            validator.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let validator = jsonschema::validator_for(&workplan::schema()).expect("valid schema");
    for case in
        ["error-unknown-field-yaml", "error-unknown-field-json", "error-string-for-number-json", "error-bad-state"]
    {
        let dir = repo().join("tests/fixtures").join(case);
        let file = ["plan.json", "plan.yaml"].iter().map(|n| dir.join(n)).find(|p| p.exists()).expect("input");
        assert!(!validator.is_valid(&document(&file)), "{case} should not validate");
    }
}
