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
