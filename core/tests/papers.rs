//! Snapshot tests of the committee papers (Markdown and HTML) of the London Councils examples:
//! any change to what a committee reads shows up in review. `WORKPLAN_BLESS=1` rewrites them.

use std::fs;
use std::path::{Path, PathBuf};

use workplan::{Plan, RollupEngine, RollupOptions, Updates};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn check(name: &str, text: &str) {
    let path = repo().join("tests/snapshots").join(name);
    if std::env::var_os("WORKPLAN_BLESS").is_some() {
        fs::write(&path, text).expect("write snapshot");
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == text, "{name} changed: rerun with WORKPLAN_BLESS=1 and review the difference");
}

#[test]
fn committee_papers_of_the_examples() {
    for (plan_file, updates_file, as_of, stem) in [
        ("business-plan-2020-21.yaml", "business-plan-2020-21-updates.csv", "2020-12-31", "business-plan-2020-21"),
        ("pledges-2019-2022.yaml", "pledges-2019-2022-updates.csv", "2021-03-31", "pledges-2019-2022"),
    ] {
        let dir = repo().join("examples/london-councils");
        let plan = Plan::load(dir.join(plan_file)).expect("loads");
        let updates = Updates::load(dir.join(updates_file)).expect("loads");
        let options = RollupOptions { as_of: Some(as_of.parse().expect("date")), ..Default::default() };
        let rollup = RollupEngine::new(&plan, &updates, &options).rollup();
        let html = rollup.to_html(&plan);
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains("<script"),
            "self-contained, no network"
        );
        assert!(html.contains("@media print"), "printable");
        check(&format!("{stem}.md"), &rollup.to_markdown(&plan));
        check(&format!("{stem}.html"), &html);
    }
}
