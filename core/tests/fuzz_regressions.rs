//! Replays every input the fuzz targets (`fuzz/`) once failed on, kept in `fuzz/regressions/<target>/`,
//! through the property that target checks. A fixed finding stays fixed.

use std::fs;
use std::path::{Path, PathBuf};

use workplan::{diff, Plan};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions").join(target);
    let mut found: Vec<PathBuf> = fs::read_dir(dir).map_or_else(
        |_| Vec::new(),
        |entries| entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect(),
    );
    found.sort();
    found
}

/// The `diff` target: two plans (split at the first NUL byte) diff without a panic, each is the
/// same as itself, and the diff one way mirrors the diff the other way.
#[test]
fn diff_findings_stay_fixed() {
    let found = inputs("diff");
    assert!(!found.is_empty(), "no regression inputs for `diff`");
    for file in found {
        let data = fs::read(&file).expect("readable");
        let mut halves = data.splitn(2, |byte| *byte == 0);
        let (Some(old), Some(new)) = (halves.next(), halves.next()) else { panic!("{}: no NUL byte", file.display()) };
        let (old, new) =
            (Plan::from_bytes(old, None).expect("old loads"), Plan::from_bytes(new, None).expect("new loads"));
        let forward = diff(&old, &new);
        let _ = (forward.to_text(), forward.to_markdown());
        assert!(diff(&old, &old).is_empty(), "{}: the old plan differs from itself", file.display());
        assert!(diff(&new, &new).is_empty(), "{}: the new plan differs from itself", file.display());
        let backward = diff(&new, &old);
        let ids = |items: &[workplan::diff::ItemSummary]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&forward.added), ids(&backward.removed), "{}", file.display());
        assert_eq!(ids(&forward.removed), ids(&backward.added), "{}", file.display());
        assert_eq!(forward.moved.len(), backward.moved.len(), "{}", file.display());
        assert_eq!(forward.relabelled.len(), backward.relabelled.len(), "{}", file.display());
    }
}

/// The `load_json` target: the fast path (serde_json straight into the model) and the located path
/// read the same plan, or both fail. The first finding: a number with more digits than a float
/// holds was rounded differently by serde_json without its `float_roundtrip` feature.
#[test]
fn load_json_findings_stay_fixed() {
    let found = inputs("load_json");
    assert!(!found.is_empty(), "no regression inputs for `load_json`");
    for file in found {
        let data = fs::read(&file).expect("readable");
        let text = String::from_utf8_lossy(&data);
        let loaded = Plan::from_json_str(&text);
        let located: Result<Plan, _> = workplan::io::located_from_json(&text);
        match (&loaded, &located) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "{}: the two paths read different plans", file.display());
                assert_eq!(a.to_json_string(), b.to_json_string(), "{}: saved differently", file.display());
            }
            (Err(_), Err(_)) => {}
            _ => panic!("{}: the two paths disagree on whether the plan loads", file.display()),
        }
    }
}

/// The `rollup` target: a plan that loads rolls up (first byte: the date and settings) with every
/// progress, expected and coverage in 0..1, and applying its returns one by one gives the batch
/// result. The first finding: a `.nan` percent (the `validate-non-finite` fixture) gave a progress
/// of NaN; non-finite numbers now count as not given.
#[test]
fn rollup_findings_stay_fixed() {
    use workplan::{rollup, Date, Missing, RollupEngine, RollupOptions, Settings, StatusPolicy, Updates, Weighting};
    let found = inputs("rollup");
    assert!(!found.is_empty(), "no regression inputs for `rollup`");
    for file in found {
        let data = fs::read(&file).expect("readable");
        let Some((&knobs, text)) = data.split_first() else { continue };
        let plan = Plan::from_bytes(text, None).expect("the plan loads");
        // The same settings as fuzz/fuzz_targets/rollup.rs.
        let settings = Settings {
            weighting: Some([Weighting::Weight, Weighting::Equal, Weighting::Leaves][usize::from(knobs % 3)]),
            missing: Some(if knobs & 4 == 0 { Missing::Zero } else { Missing::Exclude }),
            status: Some(if knobs & 8 == 0 { StatusPolicy::Derived } else { StatusPolicy::Worst }),
            ..Settings::default()
        };
        let as_of = Date::from_ymd(2019 + i32::from(knobs >> 5), 1 + u32::from(knobs % 12), 1 + u32::from(knobs % 28));
        let options = RollupOptions { as_of, known_at: None, settings: Some(settings) };
        let result = rollup(&plan, &Updates::default(), &options);
        for row in &result.rows {
            for value in [row.progress, row.expected, row.coverage].into_iter().flatten() {
                assert!((0.0..=1.0).contains(&value), "{}: {} = {value}", file.display(), row.id);
            }
        }
        let mut bare = plan.clone();
        let returns = std::mem::take(&mut bare.updates);
        let mut engine = RollupEngine::new(&bare, &Updates::default(), &options);
        for update in returns {
            let _refused = engine.apply(update).err();
        }
        assert_eq!(engine.rollup(), result, "{}", file.display());
    }
}

/// The `yaml_block` target: when the fast scanner for block-style YAML takes a text, its events
/// are `saphyr-parser`'s. The first finding: a word inside a flow scalar that starts with `-`
/// before a flow indicator (`{start: 2021-01-01  -, end: ...}`), which `saphyr-parser` refuses.
#[test]
fn yaml_block_findings_stay_fixed() {
    let found = inputs("yaml_block");
    assert!(!found.is_empty(), "no regression inputs for `yaml_block`");
    for file in found {
        let text = fs::read_to_string(&file).expect("UTF-8");
        if let Some(Err(difference)) = workplan::io::compare_yaml_scanners(&text) {
            panic!("{}: the block scanner differs from saphyr-parser: {difference}", file.display());
        }
    }
}
