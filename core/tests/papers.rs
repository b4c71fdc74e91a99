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
        assert!(html.contains("tbody.top+tbody.top{break-before:page}"), "each top-level item starts a printed page");
        let tops = rollup.rows.iter().filter(|r| r.depth == 0).count();
        assert_eq!(html.matches("<tbody class=\"top\">").count(), tops, "one body per top-level item");
        // Every row says how much of its data is in, and low coverage is in words, not only in colour.
        let lows = rollup.rows.iter().filter(|r| r.low_coverage).count();
        assert!(lows > 0, "{stem}: the example has rows with little data");
        assert_eq!(html.matches("<strong class=\"low\">low coverage</strong>").count(), lows);
        let markdown = rollup.to_markdown(&plan);
        assert!(markdown.contains("*Key:* A status marked \u{201c}as reported\u{201d} is the officer's"));
        let with = |missing| RollupOptions {
            settings: Some(workplan::model::Settings { missing: Some(missing), ..Default::default() }),
            ..options.clone()
        };
        let exclude = RollupEngine::new(&plan, &updates, &with(workplan::model::Missing::Exclude));
        let paper = exclude.rollup().to_markdown_with(&plan, exclude.settings(), &workplan::Locale::default());
        assert!(
            paper.contains("An item without a return is left out of its parent's figure (setting `missing: exclude`)")
        );
        check(&format!("{stem}.md"), &rollup.to_markdown(&plan));
        check(&format!("{stem}.html"), &html);
    }
}
