//! The importer measured against the hand encodings of the London Councils papers
//! (docs/import.md, "Measured against the hand encodings"): both trees walked by position, each
//! item of the example looked for at the same position in the draft with the same title and label;
//! the example's measures looked for in the draft (unit words and target). A drop below the
//! figures reached fails.

use std::path::Path;

use std::collections::{HashMap, HashSet};

use workplan::import::{import_paper, ImportOptions, PaperShape};
use workplan::{Item, Plan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unit_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[derive(Default)]
struct Tally {
    items: usize,
    placed: usize,
    labels: usize,
    measures: usize,
    measures_found: usize,
    outcomes: usize,
    outcomes_equal: usize,
    inferred_equal: usize,
    ids_equal: usize,
    extra_items: usize,
    extra_measures: usize,
    /// Items of the example `workplan diff` finds in the draft with the same title, label and
    /// parent (the same id, or a rename it reports with titles 100% alike).
    by_diff: usize,
    misses: Vec<String>,
}

fn ids(items: &[Item], out: &mut Vec<String>) {
    for item in items {
        out.push(item.id.clone());
        ids(&item.children, out);
    }
}

/// The items of `example` that `workplan diff` from the example to the draft leaves as they are
/// in title, label and parent: neither removed (unless the diff finds it renamed with its title
/// 100% alike, an id the importer chose differently), moved, relabelled nor retitled.
fn unchanged_by_diff(example: &Plan, draft: &Plan) -> usize {
    let diff = workplan::diff(example, draft);
    // A rename counts when the titles are 100% alike and the label and the parent (itself, or
    // renamed) are the same.
    let removed: HashMap<&str, &workplan::diff::ItemSummary> =
        diff.removed.iter().map(|r| (r.id.as_str(), r)).collect();
    let added: HashMap<&str, &workplan::diff::ItemSummary> = diff.added.iter().map(|a| (a.id.as_str(), a)).collect();
    let renames: HashMap<&str, &str> = diff
        .possible_renames
        .iter()
        .filter(|r| r.similarity >= 1.0)
        .map(|r| (r.removed.as_str(), r.added.as_str()))
        .collect();
    let renamed: HashSet<&str> = renames
        .iter()
        .filter(|(old, new)| {
            let (Some(old), Some(new)) = (removed.get(*old), added.get(*new)) else { return false };
            let parent = old.parent.as_deref().map(|p| renames.get(p).copied().unwrap_or(p));
            old.label == new.label && parent == new.parent.as_deref()
        })
        .map(|(old, _)| *old)
        .collect();
    let mut off: HashSet<&str> =
        diff.removed.iter().map(|r| r.id.as_str()).filter(|id| !renamed.contains(id)).collect();
    off.extend(diff.moved.iter().map(|m| m.id.as_str()));
    off.extend(diff.relabelled.iter().map(|r| r.id.as_str()));
    off.extend(diff.changed.iter().filter(|c| c.changes.iter().any(|f| f.field == "title")).map(|c| c.id.as_str()));
    let mut all = Vec::new();
    ids(&example.items, &mut all);
    all.iter().filter(|id| !off.contains(id.as_str())).count()
}

fn inferred(item: &Item) -> bool {
    item.extensions.get("x-label-inferred") == Some(&serde_json::Value::Bool(true))
}

fn count(items: &[Item]) -> usize {
    items.iter().map(|i| 1 + count(&i.children)).sum()
}

fn walk(example: &[Item], draft: Option<&[Item]>, tally: &mut Tally) {
    for extra in draft.unwrap_or_default().iter().skip(example.len()) {
        tally.extra_items += 1 + count(&extra.children);
        tally.misses.push(format!("{}: not in the example: {:?}", extra.id, words(&extra.title)));
    }
    for (index, item) in example.iter().enumerate() {
        let found = draft.and_then(|d| d.get(index));
        tally.items += 1;
        if found.is_some_and(|f| words(&f.title) == words(&item.title)) {
            tally.placed += 1;
        } else {
            tally.misses.push(format!(
                "{}: {:?}\n      draft: {:?}",
                item.id,
                words(&item.title),
                found.map(|f| words(&f.title))
            ));
        }
        if found.is_some_and(|f| f.label == item.label) {
            tally.labels += 1;
        } else {
            tally.misses.push(format!(
                "{}: label {:?}, draft {:?}",
                item.id,
                item.label,
                found.map(|f| f.label.clone())
            ));
        }
        if found.is_some_and(|f| f.id == item.id) {
            tally.ids_equal += 1;
        } else {
            tally.misses.push(format!("{}: id, draft {:?}", item.id, found.map(|f| f.id.clone())));
        }
        if found.is_some_and(|f| inferred(f) == inferred(item)) {
            tally.inferred_equal += 1;
        } else {
            tally.misses.push(format!("{}: x-label-inferred differs", item.id));
        }
        if let Some(outcome) = &item.outcome {
            tally.outcomes += 1;
            if found.and_then(|f| f.outcome.as_deref()).is_some_and(|o| words(o) == words(outcome)) {
                tally.outcomes_equal += 1;
            } else {
                tally.misses.push(format!("{}: outcome differs", item.id));
            }
        }
        if item.measure.is_none() {
            if let Some(m) = found.and_then(|f| f.measure.as_ref()) {
                tally.extra_measures += 1;
                tally
                    .misses
                    .push(format!("{}: measure proposed, none in the example: {} {}", item.id, m.target, m.unit));
            }
        }
        if let Some(measure) = &item.measure {
            tally.measures += 1;
            let hit = found.and_then(|f| f.measure.as_ref()).is_some_and(|m| {
                let draft_words = unit_words(&m.unit);
                m.target == measure.target
                    && (unit_words(&measure.unit).iter().all(|w| draft_words.contains(w))
                        || draft_words.iter().all(|w| unit_words(&measure.unit).contains(w)))
            });
            if hit {
                tally.measures_found += 1;
            } else {
                tally.misses.push(format!("{}: measure {:?} not found", item.id, measure.unit));
            }
        }
        walk(&item.children, found.map(|f| f.children.as_slice()), tally);
    }
}

/// Imports a paper, checks the draft loads back and validates without errors, and measures it.
fn measure(paper: &str, example: &str) -> Tally {
    let imported = import_paper(&read(paper), &ImportOptions::default()).expect("items read");
    tally_draft(paper, example, &imported)
}

/// Checks the draft loads back and validates without errors, and measures it.
fn tally_draft(paper: &str, example: &str, imported: &workplan::import::Imported) -> Tally {
    let yaml = imported.plan.to_yaml_string();
    let draft = Plan::from_yaml_str(&yaml).unwrap_or_else(|e| panic!("{paper}: the draft does not load: {e}"));
    let report = draft.validate();
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.severity == workplan::Severity::Error).collect();
    assert!(errors.is_empty(), "{paper}: the draft has errors: {errors:#?}");
    let summary = &imported.summary;
    assert_eq!(
        summary.lines_used + summary.unused.len(),
        summary.lines_total,
        "{paper}: every line is used or listed as not used"
    );
    let example = Plan::from_yaml_str(&read(example)).expect("the example loads");
    let mut tally = Tally::default();
    let names = |plan: &Plan| plan.levels.iter().flatten().map(|l| (l.id.clone(), l.name.clone())).collect::<Vec<_>>();
    assert_eq!(names(&draft), names(&example), "{paper}: the levels (ids and names) are as the example's");
    walk(&example.items, Some(&draft.items), &mut tally);
    tally.by_diff = unchanged_by_diff(&example, &draft);
    println!("{paper}\n{}", summary.to_text(false));
    let share = |n: usize, of: usize| format!("{n}/{of} ({:.1}%)", 100.0 * n as f64 / of.max(1) as f64);
    println!("  items placed and titled exactly: {}", share(tally.placed, tally.items));
    println!("  items workplan diff leaves unchanged in title, label, parent: {}", share(tally.by_diff, tally.items));
    println!("  labels equal: {}", share(tally.labels, tally.items));
    println!("  x-label-inferred equal: {}", share(tally.inferred_equal, tally.items));
    println!("  outcomes equal: {}", share(tally.outcomes_equal, tally.outcomes));
    println!("  ids equal: {}", share(tally.ids_equal, tally.items));
    println!("  measures of the example found (unit and target): {}/{}", tally.measures_found, tally.measures);
    println!("  draft items not in the example: {}", tally.extra_items);
    println!("  measures proposed where the example has none: {}", tally.extra_measures);
    for miss in &tally.misses {
        println!("  - {miss}");
    }
    tally
}

/// Asserts the figures reached (docs/import.md): a drop fails. `ids` and `by_diff` depend on the
/// ids the hand encoding chose (see the callers).
fn assert_reached(tally: &Tally, ids: usize, by_diff: usize) {
    assert_eq!(tally.items, 202);
    assert!(tally.placed >= 202, "items placed and titled exactly: {}", tally.placed);
    assert!(tally.by_diff >= by_diff, "items workplan diff leaves unchanged: {}", tally.by_diff);
    assert!(tally.labels >= 202, "labels equal: {}", tally.labels);
    assert!(tally.inferred_equal >= 202, "x-label-inferred equal: {}", tally.inferred_equal);
    assert!(tally.outcomes_equal >= 24 && tally.outcomes == 24, "outcomes equal: {}", tally.outcomes_equal);
    assert!(tally.measures_found >= 4 && tally.measures == 4, "measures found: {}", tally.measures_found);
    // Ids follow the first word of the portfolio's title ("Regional Employers" -> `regional`,
    // where the example says `employers`); the draft example keeps the final version's ids.
    assert!(tally.ids_equal >= ids, "ids equal: {}", tally.ids_equal);
    assert_eq!(tally.extra_items, 0, "draft items not in the example");
    assert_eq!(tally.extra_measures, 0, "measures proposed where the example has none");
}

#[test]
fn business_plan_2020_21() {
    let tally = measure(
        "examples/london-councils/papers/business-plan-2020-21.txt",
        "examples/london-councils/business-plan-2020-21.yaml",
    );
    // The diff finds the seven items of "Regional Employers" renamed (`employers` -> `regional`)
    // with titles 100% alike: all 202 unchanged.
    assert_reached(&tally, 195, 202);
}

#[test]
fn business_plan_2020_21_draft_2020_03_03() {
    let tally = measure(
        "examples/london-councils/papers/business-plan-2020-21-draft-2020-03-03.txt",
        "examples/london-councils/business-plan-2020-21-draft-2020-03-03.yaml",
    );
    // The hand encoding of the draft keeps the final version's ids so that the two versions diff
    // item by item (`schools.2.childrens-workforce`, `schools.1.c` for the draft's `schools.2.a`):
    // the diff by id sees six of those items as retitled, though all 202 are placed and titled
    // exactly.
    assert_reached(&tally, 189, 196);
}

/// The pledges paper: headings, an introducing paragraph and `- ` bullets with indented
/// sub-pledges. The example follows another paper for the Transport area, where this text
/// indents the last two of its ten pledges under the eighth (the example's `x-note`): those two
/// are the only items not placed: 60 of the example's 62 items placed and titled exactly, by
/// position and by `workplan diff`.
#[test]
fn pledges_to_londoners() {
    let text = read("examples/london-councils/papers/pledges-to-londoners.txt");
    let imported = import_paper(&text, &ImportOptions::default()).expect("items read");
    assert_eq!(imported.summary.shape, PaperShape::Headed);
    let names: Vec<&str> = imported.summary.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Area", "Pledge", "Sub-pledge"], "the levels named from the paper's words");
    let tally = tally_draft(
        "examples/london-councils/papers/pledges-to-londoners.txt",
        "examples/london-councils/pledges-2019-2022.yaml",
        &imported,
    );
    assert_eq!(tally.items, 7 + 46 + 9);
    assert!(tally.placed >= 60, "items placed and titled exactly: {}", tally.placed);
    assert!(tally.by_diff >= 60, "items workplan diff leaves unchanged: {}", tally.by_diff);
    assert!(tally.outcomes_equal >= 7 && tally.outcomes == 7, "outcomes equal: {}", tally.outcomes_equal);
    // 55,000 Londoners and 2,500 charging points; the third (9,000,000 trees, "one tree for
    // every Londoner") is the example's estimate, not a number in the text.
    assert!(tally.measures_found >= 2 && tally.measures == 3, "measures found: {}", tally.measures_found);
    assert_eq!(tally.extra_measures, 0, "measures proposed where the example has none");
}

/// The 2013/14 plan, a paper of another shape with no hand encoding: themes as "Title. ... We
/// will:" paragraphs, two directorates in capitals with their areas and priority bullets.
#[test]
fn business_plan_2013_14_is_read_as_headed_lists() {
    let text = read("examples/london-councils/papers/business-plan-2013-14.txt");
    let imported = import_paper(&text, &ImportOptions::default()).expect("items read");
    let plan = &imported.plan;
    assert_eq!((plan.id.as_str(), plan.title.as_str()), ("business-plan-2013-14", "Business Plan 2013/14"));
    let top: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(top, ["business", "themes", "equalities", "policy", "services"]);
    let themes: Vec<&str> = plan.items[1].children.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        themes[..4],
        [
            "Resourcing London",
            "Securing devolution and localism",
            "Supporting London Delivery",
            "Organisational Change"
        ]
    );
    let areas =
        |i: usize| plan.items[i].children.iter().map(|c| (c.title.clone(), c.children.len())).collect::<Vec<_>>();
    assert_eq!(areas(3).len(), 8);
    assert_eq!(areas(3)[0], ("Cross Cutting".to_string(), 3));
    assert_eq!(areas(4)[1], ("PATAS".to_string(), 4));
    assert_eq!(imported.summary.levels[0].name, "Directorate");
    let summary = &imported.summary;
    assert_eq!(summary.lines_used + summary.unused.len(), summary.lines_total);
    let errors = plan.validate().diagnostics.iter().filter(|d| d.severity == workplan::Severity::Error).count();
    assert_eq!(errors, 0);
}

/// The 3 March draft imported with the ids of the final version (`ids_from`), as its hand
/// encoding keeps them: `workplan diff` from the hand encoding to the draft then leaves 199 of the
/// 202 items as they are; the three others are items whose titles changed between the versions
/// (the hand encoding followed them by meaning, an id by title cannot).
#[test]
fn the_draft_paper_keeps_the_final_versions_ids() {
    let paper = "examples/london-councils/papers/business-plan-2020-21-draft-2020-03-03.txt";
    let example = "examples/london-councils/business-plan-2020-21-draft-2020-03-03.yaml";
    let final_version =
        Plan::from_yaml_str(&read("examples/london-councils/business-plan-2020-21.yaml")).expect("loads");
    let options = ImportOptions { ids_from: Some(final_version), ..ImportOptions::default() };
    let imported = import_paper(&read(paper), &options).expect("items read");
    let tally = tally_draft(paper, example, &imported);
    assert!(tally.placed >= 202, "items placed and titled exactly: {}", tally.placed);
    assert!(tally.by_diff >= 199, "items workplan diff leaves unchanged: {}", tally.by_diff);
    assert!(tally.ids_equal >= 198, "ids equal: {}", tally.ids_equal);
}

/// Any cut of the papers (a text that stops or starts mid-way) gives a draft that loads and
/// validates without errors, with every line accounted for.
#[test]
fn every_cut_of_the_papers_gives_a_draft_that_loads() {
    for paper in [
        "examples/london-councils/papers/business-plan-2020-21.txt",
        "examples/london-councils/papers/business-plan-2020-21-draft-2020-03-03.txt",
        "examples/london-councils/papers/pledges-to-londoners.txt",
        "examples/london-councils/papers/business-plan-2013-14.txt",
    ] {
        let text = read(paper);
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(997).collect();
        for cut in cuts {
            for part in [&text[..cut], &text[cut..]] {
                let imported = match import_paper(part, &ImportOptions::default()) {
                    Ok(imported) => imported,
                    // A cut with no outline left reads nothing, and says so.
                    Err(error) => {
                        assert_eq!(error.code(), "paper_nothing_read");
                        continue;
                    }
                };
                let draft = Plan::from_yaml_str(&imported.plan.to_yaml_string())
                    .unwrap_or_else(|e| panic!("{paper} cut at {cut}: the draft does not load: {e}"));
                let report = draft.validate();
                let errors: Vec<_> =
                    report.diagnostics.iter().filter(|d| d.severity == workplan::Severity::Error).collect();
                assert!(errors.is_empty(), "{paper} cut at {cut}: {errors:#?}");
                let summary = &imported.summary;
                assert_eq!(summary.lines_used + summary.unused.len(), summary.lines_total, "{paper} cut at {cut}");
            }
        }
    }
}
