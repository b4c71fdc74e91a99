//! Any two plans that load (the input split at its first NUL byte: old, then new) diff without a
//! panic, in text and Markdown too; a plan diffed with itself is empty; and the diff one way is the
//! mirror of the diff the other way (added <-> removed, moved and relabelled reversed).
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::{diff, Plan};

fuzz_target!(|data: &[u8]| {
    let mut halves = data.splitn(2, |byte| *byte == 0);
    let (Some(old), Some(new)) = (halves.next(), halves.next()) else { return };
    let (Ok(old), Ok(new)) = (Plan::from_bytes(old, None), Plan::from_bytes(new, None)) else { return };
    let forward = diff(&old, &new);
    let _ = (forward.to_text(), forward.to_markdown(), serde_json::to_string(&forward));
    assert!(diff(&old, &old).is_empty(), "a plan differs from itself");
    assert!(diff(&new, &new).is_empty(), "a plan differs from itself");
    let backward = diff(&new, &old);
    let ids = |items: &[workplan::diff::ItemSummary]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&forward.added), ids(&backward.removed));
    assert_eq!(ids(&forward.removed), ids(&backward.added));
    assert_eq!(forward.plan.len(), backward.plan.len());
    assert_eq!(forward.moved.len(), backward.moved.len());
    assert_eq!(forward.relabelled.len(), backward.relabelled.len());
    assert_eq!(forward.is_empty(), backward.is_empty());
});
