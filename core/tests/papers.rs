//! Snapshot tests of the committee papers (Markdown and HTML) of the London Councils examples:
//! any change to what a committee reads shows up in review. `WORKPLAN_BLESS=1` rewrites them.
//! The HTML is written a block to a line, so that a change reviews as a diff of lines.

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
        lines_are_blocks(stem, &html);
        check(&format!("{stem}.md"), &rollup.to_markdown(&plan));
        check(&format!("{stem}.html"), &html);
    }
}

/// The longest a line of an HTML paper may be unless it is one cell, heading or paragraph whose
/// text is longer.
const LONGEST_LINE: usize = 300;

/// The elements that start their own line in an HTML paper.
const BLOCKS: [&str; 17] = [
    "html", "head", "meta", "title", "style", "body", "header", "main", "h1", "h2", "p", "ul", "li", "div", "table",
    "thead", "tbody",
];

/// The start tags of blocks on a line: `<tr`, `<td`, `<th` and the [`BLOCKS`] but for `div`,
/// which a cell holds inline with its text (the progress bar, the outcome).
fn block_starts(line: &str) -> usize {
    let mut count = 0;
    for (at, _) in line.match_indices('<') {
        let name: String = line[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if matches!(name.as_str(), "tr" | "td" | "th") || (name != "div" && BLOCKS.contains(&name.as_str())) {
            count += 1;
        }
    }
    count
}

/// Every line of `html` is whole markup (a line never breaks inside text, so the page renders as
/// if written on one line) holding at most one block, indented two spaces for each block it is
/// in (but `html`, whose `head` and `body` are not indented), every block closed at the depth it
/// was opened; a line longer than [`LONGEST_LINE`] is a whole element (one cell, heading or
/// paragraph whose text is long).
fn lines_are_blocks(stem: &str, html: &str) {
    // The end each open block waits for, innermost last.
    let mut open: Vec<String> = Vec::new();
    for (number, line) in html.lines().enumerate() {
        let number = number + 1;
        let text = line.trim_start_matches(' ');
        let indent = line.len() - text.len();
        if text.starts_with("<html ") || text == "</html>" {
            assert!(indent == 0 && open.is_empty(), "{stem}.html:{number}: `html` holds the page: {line}");
            continue;
        }
        if text.starts_with("</") || (text == "}" && open.last().is_some_and(|end| end == "}")) {
            let end = open.pop().unwrap_or_else(|| panic!("{stem}.html:{number}: `{text}` closes nothing"));
            assert_eq!(text, end, "{stem}.html:{number}: closes the innermost block");
        }
        assert_eq!(indent, 2 * open.len(), "{stem}.html:{number}: indented for its depth: {line}");
        if open.iter().any(|end| end == "</style>") {
            let (opens, closes) = (text.matches('{').count(), text.matches('}').count());
            if text.ends_with('{') {
                assert!(text.starts_with('@') && opens == 1 && closes == 0, "{stem}.html:{number}: an at-rule opens");
                open.push("}".to_owned());
            } else {
                let one_rule = opens == 1 && closes == 1 && text.ends_with('}');
                assert!(one_rule || text == "}", "{stem}.html:{number}: a CSS rule a line: {text}");
            }
            continue;
        }
        assert!(
            text.starts_with('<') && text.ends_with('>'),
            "{stem}.html:{number}: a line is whole markup, never broken inside text: {text}"
        );
        assert!(block_starts(text) <= 1, "{stem}.html:{number}: one block a line: {text}");
        let name: String = text[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let closed_here = text.ends_with(&format!("</{name}>"));
        if !text.starts_with("</") && !closed_here && !matches!(name.as_str(), "meta" | "") {
            open.push(format!("</{name}>"));
        }
        assert!(
            text.len() <= LONGEST_LINE || closed_here,
            "{stem}.html:{number}: a line of {} characters is one cell, heading or paragraph: {text}",
            text.len()
        );
    }
    assert!(open.is_empty(), "{stem}.html: blocks left open: {open:?}");
    assert!(html.ends_with("</body>\n</html>\n"), "{stem}.html ends the page");
}

/// The check of the line structure fails on a page that has two blocks on a line, a line broken
/// inside text, a wrong indent, a block left open, two style rules on a line or a long line that
/// is not one element.
#[test]
fn the_line_check_finds_pages_that_are_not_a_block_a_line() {
    let good = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>T</title>\n  <style>\n    h1{margin:0}\n    \
                @media print{\n      tr{break-inside:avoid}\n    }\n  </style>\n</head>\n<body>\n  <ul>\n    \
                <li>a <span>b</span></li>\n  </ul>\n</body>\n</html>\n";
    lines_are_blocks("good", good);
    let long = format!("<ul class=\"{}\">", "x".repeat(LONGEST_LINE));
    for bad in [
        good.replace("<ul>\n    <li>", "<ul><li>"),
        good.replace("<li>a <span>", "<li>a\n    <span>"),
        good.replace("    <li>", "   <li>"),
        good.replace("  </ul>\n", ""),
        good.replace("h1{margin:0}", "h1{margin:0}h2{margin:0}"),
        good.replace("<ul>", &long),
    ] {
        let found = std::panic::catch_unwind(|| lines_are_blocks("bad", &bad));
        assert!(found.is_err(), "not a block a line:\n{bad}");
    }
}
