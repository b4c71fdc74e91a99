//! `RollupEngine::load` reads a plan file keeping only what the rollup needs (a JSON plan as a
//! stream, its returns compactly): it must give the numbers of `rollup` on the plan
//! `Plan::load` reads, or `Plan::load`'s error, on every plan we have; and so must
//! `RollupStream`, row by row and in its JSON.

mod common;

use std::fs;
use std::path::Path;

use common::{files_with_extension, repo};

use workplan::generate::Synthetic;
use workplan::{rollup, Plan, RollupEngine, RollupOptions, RollupStream, Timestamp, Update, Updates};

/// Pretty JSON, for comparing a stream with a rollup.
fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("serializes")
}

/// The options every plan is rolled up with: the period's end, a date inside the returns (with
/// a trend), and what was known at a time.
fn options() -> Vec<RollupOptions> {
    let known_at: Timestamp = "2020-09-30T12:00:00Z".parse().expect("a timestamp");
    vec![
        RollupOptions::default(),
        RollupOptions { as_of: "2020-10-31".parse().ok(), ..RollupOptions::default() },
        RollupOptions { as_of: "2020-12-31".parse().ok(), known_at: Some(known_at), ..RollupOptions::default() },
    ]
}

/// The same numbers from the file through `RollupEngine::load` as through `Plan::load` and
/// `rollup`, with `updates` beside it; or the same error. Returns whether it loaded.
fn same_numbers(path: &Path, updates: &Updates, name: &str) -> bool {
    let whole = Plan::load(path);
    for options in options() {
        let loaded = RollupEngine::load(path, updates.clone(), &options).map(RollupEngine::into_rollup);
        match (&loaded, &whole) {
            (Ok(a), Ok(plan)) => {
                let expected = rollup(plan, updates, &options);
                assert_eq!(a, &expected, "{name}: other numbers");
                // The stream: the same JSON, key for key, and the same rows one by one.
                let stream = RollupStream::load(path, updates.clone(), &options).expect("loaded above");
                assert_eq!(pretty(&stream), pretty(&expected), "{name}: the stream wrote other JSON");
                assert!(stream.rows().eq(expected.rows.iter().cloned()), "{name}: the stream made other rows");
                let owned = RollupStream::from_owned(plan.clone(), updates.clone(), &options);
                assert_eq!(owned.into_rollup(), expected, "{name}: from_owned made another rollup");
            }
            (Err(a), Err(b)) => {
                assert_eq!(a.to_string(), b.to_string(), "{name}: another error");
                assert_eq!((a.line(), a.column()), (b.line(), b.column()), "{name}: another position");
            }
            _ => panic!("{name}: loaded {:?} but Plan::load {:?}", loaded.map(|_| ()), whole.as_ref().map(|_| ())),
        }
    }
    whole.is_ok()
}

#[test]
fn every_fixture_and_example_plan_rolls_up_the_same() {
    let mut files = Vec::new();
    files_with_extension(&repo().join("tests/fixtures"), &["json", "yaml"], &mut files);
    files_with_extension(&repo().join("examples/london-councils"), &["yaml"], &mut files);
    let plans = files
        .iter()
        .filter(|path| path.file_stem().is_some_and(|stem| stem != "case" && stem != "updates"))
        .filter(|path| !path.to_string_lossy().ends_with("-mapping.yaml"))
        .filter(|path| same_numbers(path, &Updates::new(), &path.display().to_string()))
        .count();
    assert!(plans >= 30, "only {plans} plans loaded");
}

#[test]
fn generated_plans_with_members_notes_extensions_and_strangers_roll_up_the_same() {
    let dir = std::env::temp_dir().join(format!("workplan-engine-load-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a temporary folder");
    for seed in 1..4 {
        let generated = Synthetic { items: 1_500, member_share: 0.3, seed, ..Synthetic::default() }
            .generate()
            .unwrap_or_else(|e| panic!("{e}"));
        let (mut plan, updates) = (generated.plan, generated.updates);
        let mut own: Vec<Update> = updates.updates.clone();
        // A note alone, `x-` keys, an unknown item, an unknown member, a return recorded late,
        // and ties that only the position in the list breaks.
        for (n, update) in own.iter_mut().enumerate() {
            match n % 11 {
                0 => {
                    update.status = None;
                    update.percent = None;
                    update.value = None;
                    update.note = Some("a note alone".to_owned());
                }
                1 => {
                    update.extensions.insert("x-source".to_owned(), serde_json::json!({"sheet": "Q2", "row": n}));
                }
                2 => update.item = format!("{}-unknown", update.item).into(),
                3 if update.member.is_some() => update.member = Some("nobody".into()),
                4 => update.recorded = "2021-01-15T09:00:00Z".parse().ok(),
                _ => {}
            }
        }
        let ties: Vec<Update> =
            own.iter().step_by(5).map(|u| Update { percent: u.percent.map(|p| 100.0 - p), ..u.clone() }).collect();
        own.extend(ties);
        plan.updates = own;
        let path = dir.join(format!("plan-{seed}.json"));
        fs::write(&path, plan.to_json_string()).expect("written");
        assert!(same_numbers(&path, &Updates::new(), &format!("seed {seed}")));
        // With returns beside the plan too (positions after the plan's own).
        assert!(same_numbers(&path, &updates, &format!("seed {seed}, returns beside")));
        // Minified, and with a byte-order mark.
        let minified = serde_json::to_string(&plan).expect("JSON");
        fs::write(&path, format!("\u{feff}{minified}")).expect("written");
        assert!(same_numbers(&path, &Updates::new(), &format!("seed {seed}, minified")));
    }
    // Broken documents: the error of `Plan::load`, with its line and column.
    let path = dir.join("broken.json");
    fs::write(&path, "{\"workplan\": 1,\n \"updates\": [{\"item\": \"a\", \"date\": \"2020-13-01\"}]}")
        .expect("written");
    assert!(!same_numbers(&path, &Updates::new(), "a bad date"));
    fs::write(&path, "{\"workplan\": 1,\n \"updates\": {\"item\": \"a\"}}").expect("written");
    assert!(!same_numbers(&path, &Updates::new(), "updates not a list"));
    assert!(!same_numbers(&dir.join("missing.json"), &Updates::new(), "no such file"));
    fs::remove_dir_all(&dir).expect("removed");
}
