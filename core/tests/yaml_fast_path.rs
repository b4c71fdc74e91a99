//! YAML documents are read straight from their events into the model when that cannot differ
//! from the located path (see `core/src/io/yaml_de.rs`). This test holds the two paths to the
//! same answers on every YAML document we have (the fixtures, errors included; the examples;
//! canonical saves; generated plans; a plan in another writer's style) and on documents made to
//! trip the fast path, and checks that the fast path is taken where it should be.

mod common;

use std::fs;

use common::{files_with_extension, repo};

use workplan::generate::Synthetic;
use workplan::io::{located_from_yaml, straight_from_yaml};
use workplan::{Plan, Update, Updates};

/// A plan as debug text (where NaN equals NaN) without its source (the text it was read from,
/// which only one of the paths keeps).
fn shown(plan: &Plan) -> String {
    let text = format!("{plan:?}");
    let end = text.rfind(", source: ").expect("the source is the last field");
    text[..end].to_owned()
}

/// Both paths agree on `text` as a plan: the same plan, or both an error (the located one is
/// what the user sees either way). Returns whether it loaded.
fn same_plan(text: &str, name: &str) -> bool {
    let read = Plan::from_yaml_str(text);
    let located: Result<Plan, _> = located_from_yaml(text);
    match (&read, &located) {
        (Ok(a), Ok(b)) => assert_eq!(shown(a), shown(b), "{name}: the fast path read another plan"),
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{name}: another error");
            assert_eq!((a.line(), a.column(), a.path()), (b.line(), b.column(), b.path()), "{name}: elsewhere");
        }
        _ => panic!("{name}: fast {:?} but located {:?}", read.map(|_| ()), located.map(|_| ())),
    }
    let straight = straight_from_yaml::<Plan>(text);
    if let Some(straight) = &straight {
        assert_eq!(Some(shown(straight)), located.as_ref().ok().map(shown), "{name}: the fast path read another plan");
    }
    read.is_ok()
}

/// As [`same_plan`], and the fast path must have been taken.
fn straight_plan(text: &str, name: &str) {
    assert!(same_plan(text, name), "{name}: does not load");
    assert!(straight_from_yaml::<Plan>(text).is_some(), "{name}: the fast path was not taken");
}

fn same_updates(text: &str, name: &str) {
    let read = Updates::from_yaml_str(text);
    let located: Result<Vec<Update>, _> = located_from_yaml(text);
    match (&read, &located) {
        (Ok(a), Ok(b)) => {
            assert_eq!(format!("{:?}", a.updates), format!("{b:?}"), "{name}: the fast path read other updates")
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}: another error"),
        _ => panic!("{name}: fast {:?} but located {:?}", read.map(|_| ()), located.map(|_| ())),
    }
}

#[test]
fn both_paths_agree_on_every_fixture() {
    let mut files = Vec::new();
    files_with_extension(&repo().join("tests/fixtures"), &["yaml", "yml"], &mut files);
    let (mut plans, mut straight) = (0, 0);
    for path in &files {
        let name = path.display().to_string();
        let Ok(text) = fs::read_to_string(path) else { continue };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if stem.contains("updates") {
            same_updates(&text, &name);
            continue;
        }
        if !same_plan(&text, &name) {
            continue;
        }
        plans += 1;
        straight += usize::from(straight_from_yaml::<Plan>(&text).is_some());
        // Its canonical save (which writes a number that is not finite as null, so that
        // validate-non-finite's save does not load again: both paths say so).
        let saved = Plan::from_yaml_str(&text).expect("loaded above").to_yaml_string();
        if same_plan(&saved, &format!("{name} (saved)")) {
            assert!(straight_from_yaml::<Plan>(&saved).is_some(), "{name} (saved): the fast path was not taken");
        }
    }
    assert!(plans >= 80, "only {plans} fixture plans loaded");
    assert!(straight * 10 >= plans * 9, "the fast path took only {straight} of {plans} fixture plans");
}

#[test]
fn the_examples_take_the_fast_path() {
    let dir = repo().join("examples/london-councils");
    let mut examples = 0;
    for entry in fs::read_dir(&dir).expect("readable").flatten() {
        let path = entry.path();
        // Plans only: a returns mapping (`*-mapping.yaml`) is not a plan.
        if path.extension().is_none_or(|e| e != "yaml") || path.to_string_lossy().ends_with("-mapping.yaml") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("readable");
        straight_plan(&text, &path.display().to_string());
        examples += 1;
    }
    assert!(examples >= 3, "only {examples} example plans");
}

#[test]
fn both_paths_agree_on_generated_plans_and_another_writers_style() {
    for seed in 1..4 {
        let generated = Synthetic { items: 1_000, seed, ..Synthetic::default() }.generate().expect("loads");
        let mut plan = generated.plan;
        plan.updates = generated.updates.updates.clone();
        let text = plan.to_yaml_string();
        straight_plan(&text, &format!("seed {seed}"));
        // Four-space indents, every key and text double-quoted (as bench/foreign_plans.py writes).
        let quoted: String = text
            .lines()
            .map(|line| {
                let indent = line.len() - line.trim_start().len();
                let rest = &line[indent..];
                let (dash, rest) = rest.strip_prefix("- ").map_or(("", rest), |r| ("- ", r));
                let body = match rest.split_once(": ") {
                    Some((key, value)) if !value.starts_with(['"', '\'', '[', '{']) => {
                        format!(
                            "\"{key}\": {}",
                            if value.parse::<f64>().is_ok() { value.to_owned() } else { format!("{value:?}") }
                        )
                    }
                    Some((key, value)) => format!("\"{key}\": {value}"),
                    None => rest.strip_suffix(':').map_or(rest.to_owned(), |key| format!("\"{key}\":")),
                };
                format!("{}{dash}{body}\n", " ".repeat(indent * 2))
            })
            .collect();
        same_plan(&quoted, &format!("seed {seed}, quoted"));
    }
}

#[test]
fn tricky_documents_take_the_located_path_or_agree() {
    let head = "workplan: 1\nid: p\ntitle: T\nperiod: {start: 2020-04-01, end: 2021-03-31}\n";
    let item = "items:\n  - id: a\n    title: A\n";
    let deep = (0..70).fold(String::from("items:\n"), |text, depth| {
        let pad = "  ".repeat(depth * 2 + 1);
        format!("{text}{pad}- id: i{depth}\n{pad}  title: I\n{pad}  children:\n")
    });
    let cases: Vec<(&str, String)> = vec![
        ("plain", item.to_owned()),
        ("duplicate key", "title: Again\n".to_owned()),
        ("duplicate key in extension data", "x-a: {b: 1, b: 2}\n".to_owned()),
        (
            "duplicate key in a large mapping",
            format!("x-a:\n{}  k3: 3\n", (0..20).map(|i| format!("  k{i}: {i}\n")).collect::<String>()),
        ),
        ("a large mapping", format!("x-a:\n{}", (0..40).map(|i| format!("  k{i}: {i}\n")).collect::<String>())),
        ("anchor and alias", format!("{item}    x-a: &a [1, 2]\n    x-b: *a\n")),
        ("str tag", "organisation: !!str 12\n".to_owned()),
        ("custom tag", "organisation: !custom 12\n".to_owned()),
        ("label as a number", format!("{item}    label: 1\n")),
        ("quoted label", format!("{item}    label: \"1\"\n")),
        ("null title", "items:\n  - id: a\n    title: ~\n".to_owned()),
        ("null optional", "organisation: null\n".to_owned()),
        ("quoted null", "organisation: \"null\"\n".to_owned()),
        ("unknown key", "tittle: T\n".to_owned()),
        ("x- key on a struct without extensions", "period2: 1\n".to_owned()),
        ("NaN in extension data", "x-s: [1, .nan]\n".to_owned()),
        ("infinity in extension data", format!("{item}    x-a: {{b: -.inf}}\n")),
        ("quoted NaN in extension data", "x-s: \".nan\"\n".to_owned()),
        ("NaN as a weight", format!("{item}    weight: .nan\n")),
        ("negative zero", format!("{item}    weight: -0.0\n")),
        ("hex weight", format!("{item}    weight: 0x1F\n")),
        ("big integer", format!("{item}    weight: 123456789012345678901234567890\n")),
        ("float version", "workplan: 1.0\n".to_owned()),
        ("number key", "x-a: {1: a, true: b, ~: c}\n".to_owned()),
        ("a list as a key", "x-a: {[1]: a}\n".to_owned()),
        ("a scalar for an object", "period: 2020\n".to_owned()),
        ("a list for an object", "period: [2020]\n".to_owned()),
        ("literal block", format!("{item}    outcome: |\n      line one\n      line two\n")),
        ("folded quoted", format!("{item}    outcome: \"one\n      two\"\n")),
        ("flow items", "items: [{id: a, title: A}, {id: b, title: B, children: [{id: c, title: C}]}]\n".to_owned()),
        ("comments", format!("# c\n{item}    # c\n    label: x # c\n")),
        ("second document", "---\nid: q\n".to_owned()),
        ("items too deep", deep),
        ("syntax error", "items: [\n".to_owned()),
        ("tab", "items:\n\t- id: a\n".to_owned()),
        ("returns", "updates:\n  - {item: a, date: 2020-05-01, percent: 50, note: \"n\"}\n".to_owned() + item),
        ("return with NaN", "updates:\n  - {item: a, date: 2020-05-01, percent: .nan}\n".to_owned() + item),
    ];
    let mut loaded = 0;
    for (name, tail) in &cases {
        loaded += usize::from(same_plan(&format!("{head}{tail}"), name));
    }
    assert!(loaded >= 10, "only {loaded} tricky documents loaded");
    // The located path is needed where it reads something the fast path leaves to it.
    for name in ["anchor and alias", "str tag", "NaN in extension data", "duplicate key in extension data"] {
        let tail = &cases.iter().find(|(n, _)| n == &name).expect("a case").1;
        assert!(straight_from_yaml::<Plan>(&format!("{head}{tail}")).is_none(), "{name}: taken");
    }
    for name in
        ["plain", "label as a number", "flow items", "literal block", "returns", "return with NaN", "a large mapping"]
    {
        let tail = &cases.iter().find(|(n, _)| n == &name).expect("a case").1;
        assert!(straight_from_yaml::<Plan>(&format!("{head}{tail}")).is_some(), "{name}: not taken");
    }
    // A document that is a second document after a whole first one, and an empty one.
    same_plan(&format!("{head}---\n{head}"), "two documents");
    same_plan("", "empty");
    same_plan("---\n", "an empty document");
}

#[test]
fn both_paths_agree_on_mutated_fixtures() {
    // Deterministic mutations of every fixture plan (a byte deleted, a YAML character put in, a
    // line repeated or indented): whatever each becomes, the two paths give the same answer.
    let mut files = Vec::new();
    files_with_extension(&repo().join("tests/fixtures"), &["yaml"], &mut files);
    files.retain(|path| !path.to_string_lossy().contains("hostile"));
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound.max(1) as u64) as usize
    };
    let inserts = ["&a ", "*a", "!!str ", ": ", "- ", "\n  ", "'", "\"", "{", "]", "#", "x-k: 1\n", "~", ".nan", "-0"];
    let (mut tried, mut loaded) = (0, 0);
    for path in &files {
        let Ok(text) = fs::read_to_string(path) else { continue };
        for _ in 0..12 {
            let mut mutated = text.clone();
            let at = next(mutated.len());
            let at = (0..=at).rev().find(|&i| mutated.is_char_boundary(i)).unwrap_or(0);
            match next(4) {
                0 => {
                    let end = (at + 1..=mutated.len()).find(|&i| mutated.is_char_boundary(i)).unwrap_or(at);
                    mutated.replace_range(at..end, "");
                }
                1 => mutated.insert_str(at, inserts[next(inserts.len())]),
                2 => {
                    let line = mutated[at..].lines().next().unwrap_or_default().to_owned();
                    mutated.insert_str(at, &format!("{line}\n"));
                }
                _ => mutated.insert_str(at, "  "),
            }
            tried += 1;
            loaded += usize::from(same_plan(&mutated, &format!("{} mutated at {at}", path.display())));
        }
    }
    assert!(tried >= 1_000 && loaded >= 100, "{tried} tried, {loaded} loaded");
}
