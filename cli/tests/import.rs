//! `workplan import`, run as a user would: the draft of a London Councils paper is written, loads
//! and validates, and the summary accounts for every line of the text (docs/import.md).

mod common;

use common::{repo, text, workplan};

const PAPER: &str = "examples/london-councils/papers/business-plan-2020-21.txt";

#[test]
fn the_draft_of_a_paper_is_written_validates_and_its_summary_counts_every_line() {
    let dir = std::env::temp_dir().join(format!("workplan-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let out = dir.join("plan.yaml");
    let output = workplan(&["import", PAPER, "--out", &out.to_string_lossy()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let summary = text(&output.stderr);
    assert!(summary.contains("items: 11 Portfolio, 33 Priority, 145 Output, 13 Sub-output"), "{summary}");
    assert!(summary.contains("measures proposed: 4"), "{summary}");
    // Every line of the text is used, blank, or listed as not used.
    let lines = std::fs::read_to_string(repo().join(PAPER)).expect("the paper").lines().count();
    let counts = summary.lines().find(|l| l.starts_with("lines: ")).expect("a lines line");
    let numbers: Vec<usize> = counts
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .take(4)
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert_eq!(numbers[0], lines, "{counts}");
    assert_eq!(numbers[1] + numbers[2] + numbers[3], lines, "used + blank + not used: {counts}");

    let validated = workplan(&["validate", &out.to_string_lossy()]);
    assert!(validated.status.success(), "{}", text(&validated.stderr));

    let json = dir.join("plan.json");
    let output = workplan(&["import", PAPER, "--out", &json.to_string_lossy()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let yaml = workplan::Plan::load(&out).expect("the YAML draft loads");
    let from_json = workplan::Plan::load(&json).expect("the JSON draft loads");
    assert_eq!(yaml.to_json_string(), from_json.to_json_string());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_paper_that_cannot_be_read_is_an_error_that_says_why() {
    let output = workplan(&["import", "no/such/paper.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no/such/paper.txt"), "{}", text(&output.stderr));

    let dir = std::env::temp_dir().join(format!("workplan-cli-import-latin1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let latin1 = dir.join("paper.txt");
    std::fs::write(&latin1, b"1. Caf\xe9 services\n").expect("written");
    let output = workplan(&["import", &latin1.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("not UTF-8 text (byte 7 is not)"), "{}", text(&output.stderr));

    // A text with no outline is an error, not an empty draft; nothing is written.
    let prose = dir.join("prose.txt");
    let out = dir.join("draft.yaml");
    std::fs::write(&prose, "Minutes of the meeting\n\nMembers discussed the budget at length.\n").expect("written");
    let output = workplan(&["import", &prose.to_string_lossy(), "--out", &out.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("no items read from the paper's 3 lines") && stderr.contains("[paper_nothing_read]"),
        "{stderr}"
    );
    assert!(!out.exists(), "no draft written");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_paper_of_headings_and_bullets_is_read_with_its_levels_named_from_its_words() {
    let output = workplan(&["import", "examples/london-councils/papers/pledges-to-londoners.txt", "--verbose"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let summary = text(&output.stderr);
    assert!(summary.contains("read as: headings with bullet lists"), "{summary}");
    assert!(summary.contains("items: 7 Area, 44 Pledge, 11 Sub-pledge"), "{summary}");
    assert!(
        summary
            .contains("level Area: named from the paper's words \"46 specific pledges across seven key policy areas\""),
        "{summary}"
    );
    let draft = workplan::Plan::from_yaml_str(&text(&output.stdout)).expect("the draft on standard output loads");
    assert_eq!(draft.items.len(), 7);
}

#[test]
fn ids_from_another_version_keep_the_items_ids() {
    let dir = std::env::temp_dir().join(format!("workplan-cli-import-ids-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let out = dir.join("draft.yaml");
    let output = workplan(&[
        "import",
        "examples/london-councils/papers/business-plan-2020-21-draft-2020-03-03.txt",
        "--ids-from",
        "examples/london-councils/business-plan-2020-21.yaml",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let diff = workplan(&[
        "diff",
        "examples/london-councils/business-plan-2020-21-draft-2020-03-03.yaml",
        &out.to_string_lossy(),
    ]);
    let headline = text(&diff.stdout).lines().next().unwrap_or_default().to_owned();
    // Only the items whose titles changed between the versions (followed by meaning in the hand
    // encoding) are added, removed or relabelled: 2, 2 and 2 of 202 (without --ids-from: 9, 9 and 4).
    assert!(headline.contains(": 2 added, 2 removed, 0 moved, 2 relabelled"), "{headline}");
    let bad = workplan(&["import", PAPER, "--ids-from", "no/such/plan.yaml"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("no/such/plan.yaml"), "{}", text(&bad.stderr));
    std::fs::remove_dir_all(&dir).ok();
}
