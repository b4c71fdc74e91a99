//! The serde derives read and write exactly the documented format (`docs/format.md`): `x-` keys
//! flat beside each object's own keys, for every example plan and fixture, and for a plan embedded
//! in another type.

mod common;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use workplan::{Plan, Updates};

/// Every plan of the examples and of the fixtures that loads.
fn plans() -> Vec<(String, Plan)> {
    let mut files = Vec::new();
    common::files_with_extension(&common::repo().join("examples"), &["yaml", "json"], &mut files);
    common::files_with_extension(&common::repo().join("tests/fixtures"), &["yaml", "json"], &mut files);
    files.sort();
    let plans: Vec<(String, Plan)> = files
        .iter()
        .filter(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("plan")))
        .chain(files.iter().filter(|path| path.starts_with(common::repo().join("examples"))))
        .filter_map(|path| Some((path.display().to_string(), Plan::load(path).ok()?)))
        .collect();
    assert!(plans.len() > 20, "the examples and fixtures hold plans ({} found)", plans.len());
    plans
}

#[test]
fn serde_json_round_trips_every_example_and_fixture_plan() {
    let mut with_extensions = 0;
    for (name, plan) in plans() {
        if Plan::from_json_str(&plan.to_json_string()).ok().as_ref() != Some(&plan) {
            continue; // numbers that are not finite, which JSON cannot write
        }
        let documented: Value = serde_json::from_str(&plan.to_json_string()).expect("JSON");
        let written = serde_json::to_value(&plan).expect("a plan serializes");
        assert_eq!(written, documented, "{name}: serde writes the documented format");
        let read: Plan = serde_json::from_str(&plan.to_json_string()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, plan, "{name}");
        // Reading serde's output with the loader gives the same plan (nothing nested, nothing lost).
        let loaded = Plan::from_json_str(&serde_json::to_string(&plan).expect("JSON")).expect("loads");
        assert_eq!(loaded, plan, "{name}");
        with_extensions += usize::from(plan.to_json_string().contains("\"x-"));
    }
    assert!(with_extensions > 0, "some plans carry x- keys");
}

/// A type of another program that holds a plan and its returns.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Submission {
    council: String,
    plan: Plan,
    returns: Updates,
}

#[test]
fn a_plan_embedded_in_another_type_keeps_its_x_keys_flat() {
    let document = json!({
        "workplan": 1, "id": "p", "title": "P", "period": {"start": "2020-04-01", "end": "2021-03-31", "x-fy": "20/21"},
        "x-owner": {"name": "Policy", "x-extensions": 1},
        "items": [{"id": "a", "title": "A", "x-extensions": [1, 2], "x-rag": "amber"}]
    });
    let submission = json!({
        "council": "Camden",
        "plan": document,
        "returns": [{"item": "a", "date": "2020-06-30", "percent": 40.5, "x-officer": "J. Smith"}]
    });
    let read: Submission = serde_json::from_value(submission.clone()).expect("reads");
    // A key named `x-extensions` is an extension like any other.
    assert_eq!(read.plan.items[0].extensions.get("x-extensions"), Some(&json!([1, 2])));
    assert_eq!(read.plan.extensions.get("x-owner"), Some(&json!({"name": "Policy", "x-extensions": 1})));
    assert_eq!(read.returns[0].extensions.get("x-officer"), Some(&json!("J. Smith")));
    assert_eq!(serde_json::to_value(&read).expect("writes"), submission);
    assert_eq!(read.plan, Plan::from_json_value(document).expect("loads"));
}

#[test]
fn serde_refuses_what_the_loader_refuses() {
    let base = json!({"workplan": 1, "id": "p", "title": "P", "period": {"start": "2020-04-01", "end": "2021-03-31"}});
    let mut unknown = base.clone();
    unknown["titel"] = json!("P");
    let error = serde_json::from_value::<Plan>(unknown).expect_err("unknown key");
    assert!(error.to_string().contains("unknown field `titel`"), "{error}");
    let duplicate = r#"{"workplan": 1, "id": "p", "title": "P", "period": {"start": "2020-04-01", "end": "2021-03-31"},
        "x-a": 1, "x-a": 2}"#;
    let error = serde_json::from_str::<Plan>(duplicate).expect_err("duplicate x- key");
    assert!(error.to_string().contains("duplicate field `x-a`"), "{error}");
    assert_eq!(Plan::from_json_str(duplicate).expect_err("duplicate").code(), "duplicate_key");
    let nested = duplicate.replace(r#""x-a": 1, "x-a": 2"#, r#""x-a": {"k": 1, "k": 2}"#);
    let error = serde_json::from_str::<Plan>(&nested).expect_err("duplicate key inside extension data");
    assert!(error.to_string().contains("duplicate key `k`"), "{error}");
    assert_eq!(Plan::from_json_str(&nested).expect_err("duplicate").path().to_string(), "/x-a");
}
