//! JSON documents are read by `serde_json` straight into the model when that cannot differ from
//! the located path (see `straight_from_json` in `core/src/io/format.rs`). This test holds the
//! two paths to the same answers on every JSON document we have: the fixtures (errors
//! included), the examples saved as JSON with and without their `x-` keys, canonical saves of
//! every fixture plan, and generated plans.

mod common;

use std::fs;

use common::{files_with_extension, repo};

use workplan::generate::Synthetic;
use workplan::io::located_from_json;
use workplan::{Item, Plan, Update, Updates};

/// Both paths agree on `text` as a plan: the same plan, or both an error (the located one is
/// what the user sees either way). Returns whether it loaded.
fn same_plan(text: &str, name: &str) -> bool {
    let fast = Plan::from_json_str(text);
    let located: Result<Plan, _> = located_from_json(text);
    match (&fast, &located) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: the fast path read another plan"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}: another error"),
        _ => panic!("{name}: fast {:?} but located {:?}", fast.map(|_| ()), located.map(|_| ())),
    }
    fast.is_ok()
}

fn same_updates(text: &str, name: &str) {
    let fast = Updates::from_json_str(text);
    let located: Result<Vec<Update>, _> = located_from_json(text);
    match (&fast, &located) {
        (Ok(a), Ok(b)) => assert_eq!(&a.updates, b, "{name}: the fast path read other updates"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}: another error"),
        _ => panic!("{name}: fast {:?} but located {:?}", fast.map(|_| ()), located.map(|_| ())),
    }
}

fn strip_extensions(items: &mut [Item]) {
    for item in items {
        item.extensions.clear();
        if let Some(measure) = item.measure.as_mut() {
            measure.extensions.clear();
            measure.milestones.iter_mut().for_each(|m| m.extensions.clear());
        }
        item.links.iter_mut().for_each(|l| l.extensions.clear());
        strip_extensions(&mut item.children);
    }
}

#[test]
fn both_paths_agree_on_every_fixture() {
    let mut files = Vec::new();
    files_with_extension(&repo().join("tests/fixtures"), &["json"], &mut files);
    let mut plans = 0;
    for path in &files {
        let name = path.display().to_string();
        let Ok(text) = fs::read_to_string(path) else { continue };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if stem == "updates" {
            same_updates(&text, &name);
        } else if stem != "case" && same_plan(&text, &name) {
            plans += 1;
            // Its canonical save takes the fast path unless it has `x-` keys.
            let plan = Plan::from_json_str(&text).expect("loaded above");
            same_plan(&plan.to_json_string(), &format!("{name} (saved)"));
        }
    }
    assert!(plans >= 20, "only {plans} fixture plans loaded");
}

#[test]
fn both_paths_agree_on_the_examples_with_and_without_extensions() {
    let dir = repo().join("examples/london-councils");
    for entry in fs::read_dir(&dir).expect("readable").flatten() {
        let path = entry.path();
        // Plans only: a returns mapping (`*-mapping.yaml`) is not a plan.
        if path.extension().is_none_or(|e| e != "yaml") || path.to_string_lossy().ends_with("-mapping.yaml") {
            continue;
        }
        let name = path.display().to_string();
        let mut plan = Plan::load(&path).expect("the examples load");
        assert!(same_plan(&plan.to_json_string(), &name));
        plan.extensions.clear();
        plan.members.iter_mut().for_each(|m| m.extensions.clear());
        plan.themes.iter_mut().for_each(|t| t.extensions.clear());
        plan.events.iter_mut().for_each(|e| e.extensions.clear());
        plan.updates.iter_mut().for_each(|u| u.extensions.clear());
        plan.period.extensions.clear();
        strip_extensions(&mut plan.items);
        let text = plan.to_json_string();
        assert!(!text.contains("\"x-"), "{name}: extensions left: the fast path would not be tried");
        assert!(same_plan(&text, &format!("{name} (no extensions)")));
        let straight: Plan = serde_json::from_str(&text).expect("serde_json reads it straight");
        assert_eq!(straight, plan, "{name}: the fast path was taken and read the same plan");
    }
}

#[test]
fn both_paths_agree_on_generated_plans_and_returns() {
    for seed in 1..4 {
        let generated = Synthetic { items: 2_000, seed, ..Synthetic::default() }.generate().expect("loads");
        let mut plan = generated.plan;
        plan.updates = generated.updates.updates.clone();
        assert!(same_plan(&plan.to_json_string(), &format!("seed {seed}")));
        same_updates(&generated.updates.to_json_string(), &format!("seed {seed} returns"));
    }
}

#[test]
fn tricky_documents_take_the_located_path_or_agree() {
    let head = r#"{"workplan": 1, "id": "p", "title": "T", "period": {"start": "2020-04-01", "end": "2021-03-31"}"#;
    for (name, tail) in [
        ("duplicate key", r#", "title": "Again"}"#),
        ("escaped x- key", r#", "\u0078-note": 1}"#),
        ("escaped extensions key", r#", "\u0078-extensions": {"x-a": 1}}"#),
        ("literal extensions key", r#", "x-extensions": {"x-a": 1}}"#),
        ("null optional", r#", "organisation": null}"#),
        ("huge number", r#", "items": [{"id": "a", "title": "A", "weight": 1e400}]}"#),
        ("negative zero", r#", "items": [{"id": "a", "title": "A", "weight": -0.0}]}"#),
        (
            "negative zero in a list",
            r#", "items": [{"id": "a", "title": "A", "measure": {"unit": "u", "target": 1, "milestones": [{"date": "2020-06-30", "target": -0}]}}]}"#,
        ),
        (
            "negative zero in every number field",
            r#", "settings": {"coverage_threshold": -0, "trend_days": -0, "bands": {"at_risk": -0.0, "off_track": -0e3}}, "items": [{"id": "a", "title": "A", "weight": -0, "measure": {"unit": "u", "baseline": -0.0, "target": -0, "member_target": -0.0}}], "updates": [{"item": "a", "date": "2020-05-01", "percent": -0, "value": -0.0}]}"#,
        ),
        (
            "negative zero in extension data",
            r#", "x-a": -0, "x-b": -0.0, "x-c": [0.0, -0e1, {"d": -0, "e": 0}], "items": [{"id": "a", "title": "A", "x-f": -0.0}]}"#,
        ),
        (
            "long mantissa",
            r#", "items": [{"id": "a", "title": "A", "weight": 111111111111111111111111111111111111111200.1}]}"#,
        ),
        ("big integer", r#", "items": [{"id": "a", "title": "A", "weight": 123456789012345678901234567890}]}"#),
        ("float version", r#", "workplan": 1.0}"#),
        ("lone surrogate", r#", "organisation": "\ud800"}"#),
        ("unknown key", r#", "tittle": "T"}"#),
        ("trailing comma", r#",}"#),
    ] {
        let text = format!("{head}{tail}");
        if same_plan(&text, name) {
            // The same plan, and the same when saved: negative zero is zero on both paths.
            let (fast, located) = (Plan::from_json_str(&text), located_from_json::<Plan>(&text));
            let saved = |plan: Result<Plan, _>| plan.map(|p: Plan| p.to_json_string()).unwrap_or_default();
            assert_eq!(saved(fast), saved(located), "{name}: saved differently");
        }
    }
    // Items 64 deep load; 65 deep is the located error, whichever path is tried first.
    let nest = |depth: usize| {
        let mut text = String::from(head);
        text.push_str(r#", "items": ["#);
        for d in 0..depth {
            text.push_str(&format!(r#"{{"id": "i{d}", "title": "I", "children": ["#));
        }
        for _ in 0..depth {
            text.push_str("]}");
        }
        text.push_str("]}");
        text
    };
    assert!(same_plan(&nest(64), "64 deep"));
    assert!(!same_plan(&nest(65), "65 deep"));
}

/// `Plan::load_without_text` (a JSON file read as a stream) gives what `Plan::load` gives, less
/// the text: the same plan or the same error, with its line and column.
fn same_from_file(path: &std::path::Path, name: &str) -> bool {
    let streamed = Plan::load_without_text(path);
    let whole = Plan::load(path).map(|mut plan| {
        plan.forget_text();
        plan
    });
    match (&streamed, &whole) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: the stream read another plan"),
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{name}: another error");
            assert_eq!((a.line(), a.column()), (b.line(), b.column()), "{name}: another position");
        }
        _ => panic!("{name}: streamed {:?} but whole {:?}", streamed.map(|_| ()), whole.map(|_| ())),
    }
    streamed.is_ok()
}

#[test]
fn a_plan_file_read_as_a_stream_is_the_plan_read_whole() {
    let mut files = Vec::new();
    files_with_extension(&repo().join("tests/fixtures"), &["json"], &mut files);
    let plans = files
        .iter()
        .filter(|path| path.file_stem().is_some_and(|stem| stem != "case" && stem != "updates"))
        .filter(|path| same_from_file(path, &path.display().to_string()))
        .count();
    assert!(plans >= 20, "only {plans} fixture plans loaded");
    // A byte-order mark, the tricky documents above and a YAML plan named `.json`.
    let dir = std::env::temp_dir().join(format!("workplan-stream-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a temporary folder");
    let head = r#"{"workplan": 1, "id": "p", "title": "T", "period": {"start": "2020-04-01", "end": "2021-03-31"}"#;
    for (n, text) in [
        format!("\u{feff}{head}}}"),
        format!("{head}, \"title\": \"Again\"}}"),
        format!("{head}, \"x-a\": -0, \"items\": [{{\"id\": \"a\", \"title\": \"A\", \"weight\": -0.0}}]}}"),
        format!("{head}, \"organisation\": \"\\ud800\"}}"),
        format!("{head},\n \"tittle\": \"T\"}}"),
        "workplan: 1\nid: p\ntitle: T\nperiod: {start: 2020-04-01, end: 2021-03-31}\n".to_owned(),
    ]
    .iter()
    .enumerate()
    {
        let path = dir.join(format!("plan-{n}.json"));
        fs::write(&path, text).expect("written");
        same_from_file(&path, &format!("case {n}"));
    }
    fs::write(dir.join("plan-bad.json"), b"{\"workplan\": 1, \"id\": \"\xff\"}").expect("written");
    assert!(!same_from_file(&dir.join("plan-bad.json"), "not UTF-8"));
    assert!(!same_from_file(&dir.join("missing.json"), "no such file"));
    fs::remove_dir_all(&dir).expect("removed");
}
