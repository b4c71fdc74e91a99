//! YAML in the plain block style is read by a fast scanner instead of `saphyr-parser`
//! (`core/src/io/yaml_block.rs`). This test holds the two to the same events, at the same
//! offsets, whenever the fast scanner takes a text: on every YAML file we have, on what
//! `workplan` saves, on hand-picked texts at the edges of the style, and on random documents
//! built from the style's pieces and from pieces just outside it.

mod common;

use std::fs;

use proptest::prelude::*;
use workplan::generate::Synthetic;
use workplan::io::compare_yaml_scanners;
use workplan::Plan;

use common::{files_with_extension, repo};

/// Whether the fast scanner took `text`; panics when it did and its events differ.
fn taken(text: &str, name: &str) -> bool {
    match compare_yaml_scanners(text) {
        None => false,
        Some(Ok(())) => true,
        Some(Err(difference)) => panic!("{name}: the block scanner differs from saphyr-parser: {difference}\n{text}"),
    }
}

#[test]
fn every_yaml_file_reads_the_same() {
    let mut files = Vec::new();
    files_with_extension(&repo().join("examples"), &["yaml", "yml"], &mut files);
    files_with_extension(&repo().join("tests/fixtures"), &["yaml", "yml"], &mut files);
    files_with_extension(&repo().join("fuzz/regressions"), &["yaml", "yml"], &mut files);
    assert!(files.len() > 40, "found only {} YAML files", files.len());
    let mut count = 0;
    for file in &files {
        let Ok(text) = fs::read_to_string(file) else { continue };
        let name = file.display().to_string();
        if taken(&text, &name) {
            count += 1;
        }
    }
    eprintln!("the block scanner took {count} of {} YAML files", files.len());
    assert!(count > 20, "the block scanner took only {count} of {} files", files.len());
}

#[test]
fn what_workplan_saves_reads_the_same() {
    for items in [1, 10, 200] {
        let generated = Synthetic { items, seed: items as u64, ..Synthetic::default() }.generate();
        let plan = generated.expect("generates").plan;
        let text = plan.to_yaml_string();
        assert!(taken(&text, "a saved synthetic plan"), "a saved synthetic plan should be in the block style");
        let loaded = Plan::from_yaml_str(&text).expect("a saved plan loads");
        assert_eq!(loaded, plan);
    }
}

#[test]
fn texts_at_the_edges_of_the_style() {
    let taken_texts = [
        "a: 1\n",
        "a: 1",
        "a: 1\nb:\n  c: x y  # note\n  d:\ne: {s: 1, t: 2}\nf:\n- 1\n- k: v\n  l: w\ng: []\nh: {}\n# c\n\ni: \"q\"\nj: 's'\nk:\n",
        "f:\n  - 1\n  - k: v\n    l:\n      - z\n    m: 2\n\n# tail\n",
        "a:\n  b: 1\n  # c\n\nz: 2  \n   \n",
        "- a\n- b\n",
        "- a: 1\n  b: 2\n- c: 3\n",
        "- k:\n  - x\n  - y\n- z\n",
        "a: # comment\n  b: 1\n",
        "a:   spaced value   \n",
        "a: http://example.com/x?y=1#frag\n",
        "a: x #not-a-comment-after-x\n",
        "a: x#y\n",
        "a: -1\nb: -.5\nc: .nan\nd: ~\ne: null\nf: 2021-01-01T10:00:00Z\n",
        "a: \"it's # not a comment\"\nb: 'say \"hi\"'\n",
        "a: { x: 1 , y: 2 }\nb: [ 1, 2 ,3 ]\nc: [ ]\nd: { }\n",
        "period: {start: 2021-01-01, end: 2021-12-31}\n",
        "a: café £5 – ok\nb: 'naïve'\n",
        "a:\nb:\n",
        "a:\n\n\n  b: 1\n",
        "key with spaces: v\nx-y.z/$(1): w\n",
        "a: 1\na: 2\n",
        "a: x\n  # a comment deeper than its value\n",
        "a: [1, 2]  # c\nb: {x: y}  # c\n",
        "a: x, y [z] {w}\n",
        "a: b'c\"d\n",
        "a: {x: {y: 1}}\n",
        "---\na: 1\n",
        "# c\n---\n# d\n\n- x\n",
        "a: [\"q\", 'r', {s: [t]}]\n",
        "- {id: a, title: A, links: [{to: 'two:b', rel: supports}]}\n",
        "\"a\": 1\n",
        "-  a\n",
        "\"a: b\": 1\n'c # d': x\n\"\":\n",
        "\"k\":\n  - x\n\"m\":\n    \"n\": 'o'  # c\n",
        "- \"k\": v\n  \"l\": w\n- \"just a value\"\n- 'v': \n",
        "\"items\":\n    -   \"id\": \"d0\"\n        \"children\":\n            -   \"id\": \"d0-p0\"\n                \"label\": \"1\"\n    -   \"id\": \"d1\"\n",
        "a:\n-    x\n-    y: 1\n     z: 2\n",
        "\"x-note\": {a: 1}\n",
    ];
    for text in taken_texts {
        assert!(taken(text, "edge"), "should be taken: {text:?}");
    }
    let refused = [
        "",
        "# only a comment\n",
        "plain scalar\n",
        "---\n",
        "--- a: 1\n",
        "--- \na: 1\n",
        "---\n---\na: 1\n",
        "---\na: 1\n---\nb: 2\n",
        "a: 1\n---\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\tb\n",
        "a: 1\r\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: multi\n  line\n",
        "? a\n: b\n",
        "\"a\":1\n",
        "\"a\" : 1\n",
        "a: {\"k\": 1}\n",
        "\"esc\\\"\": 1\n",
        "'it''s': 1\n",
        "\"open: 1\n",
        "a: \"esc\\n\"\n",
        "a: 'it''s'\n",
        "a: \"open\n",
        "a: {x: 1,}\n",
        "a: [x, y\n",
        "a: {x:1}\n",
        "a: {s: 1  -, e: 2}\n",
        "a: {x}\n",
        "a: ['it''s']\n",
        "a: b: c\n",
        "a:\n  - x\n  b: 1\n",
        "a:\n    b: 1\n  c: 2\n",
        "  a: 1\n",
        "-\n  a: 1\n",
        "- - x\n",
        "a: 1\n- b\n",
        "a: \u{feff}x\n",
        "a: x\u{2028}y\n",
        "a: x\u{85}y\n",
        "a :1\n",
        "a : 1\n",
    ];
    for text in refused {
        assert!(!taken(text, "refused"), "should be refused: {text:?}");
    }
}

/// One of `texts`, as a `String`.
fn one_of(texts: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(texts).prop_map(str::to_owned)
}

/// Keys for [`line_piece`]: in the style (plain and quoted), and explicit ones outside it.
const KEY_TEXTS: &[&str] = &["a", "b", "id", "x-note", "key two", "\"q\"", "? k"];

/// Values for [`line_piece`]: in the style, and anchors, tags, block scalars and more outside it.
const VALUE_TEXTS: &[&str] = &[
    "",
    "1",
    "-2.5",
    "text with words",
    "x # comment",
    "x#y",
    "'single'",
    "\"double\"",
    "\"esc\\\"aped\"",
    "'it''s'",
    "{a: 1, b: two}",
    "[1, 2, three]",
    "{}",
    "[ ]",
    "{a: [1]}",
    "&anchor v",
    "*alias",
    "!!str v",
    "|",
    "a: b",
    "- x",
    "---",
    "http://x.org/a:b",
    "café",
];

/// Scalars for [`scalar_text`], all in the style.
const SCALAR_TEXTS: &[&str] = &[
    "1",
    "-2.5e3",
    "~",
    "true",
    "2021-02-30",
    "text with words",
    "x # comment",
    "x#y",
    "'single: quoted'",
    "\"double # quoted\"",
    "http://x.org/a:b",
    "café – £5",
];

/// Pieces of documents: most in the style, some just outside it.
fn line_piece() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        KEY_TEXTS.len() as u32 => one_of(KEY_TEXTS),
        1 => "[a-z_][a-z0-9_ .-]{0,6}",
    ];
    let value = prop_oneof![
        VALUE_TEXTS.len() as u32 => one_of(VALUE_TEXTS),
        1 => "[ -~]{0,12}",
    ];
    let indent = prop_oneof![Just(0usize), Just(1), Just(2), Just(3), Just(4), Just(6)];
    let trailing = prop_oneof![Just(""), Just(""), Just(" "), Just("  # c"), Just("#c")];
    (indent, 0..7u8, key, value, trailing).prop_map(|(indent, kind, key, value, trailing)| {
        let pad = " ".repeat(indent);
        match kind {
            0 | 1 => format!("{pad}{key}:{}{value}{trailing}\n", if value.is_empty() { "" } else { " " }),
            2 => format!("{pad}- {value}{trailing}\n"),
            3 => format!("{pad}- {key}: {value}{trailing}\n"),
            4 => format!("{pad}# comment {value}\n"),
            5 => "\n".to_owned(),
            _ => format!("{pad}{key}:\n"),
        }
    })
}

/// A document tree, rendered in the block style by [`render`].
#[derive(Debug, Clone)]
enum Tree {
    Scalar(String),
    Map(Vec<(String, Tree)>),
    Seq(Vec<Tree>),
    /// A flow collection, written as it is.
    Flow(String),
}

fn scalar_text() -> impl Strategy<Value = String> {
    prop_oneof![
        SCALAR_TEXTS.len() as u32 => one_of(SCALAR_TEXTS),
        1 => "[a-zA-Z0-9][a-zA-Z0-9 ._/-]{0,10}[a-z]",
    ]
}

fn flow_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "[a-z0-9][a-z0-9._-]{0,5}",
        Just("'q: r'".to_owned()),
        Just("\"s\"".to_owned()),
        Just("-1".to_owned())
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
            prop::collection::vec(("[a-z][a-z0-9_]{0,4}", inner), 0..4).prop_map(|entries| {
                let entries: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{{ {} }}", entries.join(" ,"))
            }),
        ]
    })
    .prop_filter("a collection", |text| text.starts_with(['{', '[']))
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = prop_oneof![3 => scalar_text().prop_map(Tree::Scalar), 1 => flow_text().prop_map(Tree::Flow)];
    leaf.prop_recursive(5, 60, 6, |inner| {
        prop_oneof![
            prop::collection::vec(
                ("[a-z_][a-z0-9_ .-]{0,6}[a-z]|\"[a-z :#'-]{0,6}\"|'[a-z :#\"-]{0,6}'", inner.clone()),
                1..6
            )
            .prop_map(|entries| {
                // Keys once each; repeated keys are the reader's business, not the scanner's.
                let mut seen = std::collections::HashSet::new();
                Tree::Map(entries.into_iter().filter(|(k, _)| seen.insert(k.clone())).collect())
            }),
            prop::collection::vec(inner, 1..5).prop_map(Tree::Seq),
        ]
    })
}

/// Writes `tree` in the block style, with the choices of `style`: the indent step, sequences at
/// their key's indent or under it, and comments and blank lines between lines.
fn render(tree: &Tree, style: &[u8], out: &mut String) {
    let root = match tree {
        Tree::Map(_) | Tree::Seq(_) => tree.clone(),
        _ => Tree::Map(vec![("root".to_owned(), tree.clone())]),
    };
    let mut choice = 0usize;
    let mut next = move || {
        choice += 1;
        style[choice % style.len()]
    };
    fn block(tree: &Tree, indent: usize, out: &mut String, next: &mut dyn FnMut() -> u8, first_inline: bool) {
        let step = 1 + (next() % 3) as usize;
        match tree {
            Tree::Map(entries) => {
                for (i, (key, value)) in entries.iter().enumerate() {
                    if !(first_inline && i == 0) {
                        out.push_str(&" ".repeat(indent));
                    }
                    out.push_str(key);
                    out.push(':');
                    inline_or_nested(value, indent, step, out, next);
                }
            }
            Tree::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    if !(first_inline && i == 0) {
                        out.push_str(&" ".repeat(indent));
                    }
                    // One to three spaces after the `-` (other writers indent by four).
                    let gap = 1 + (next() % 3) as usize;
                    out.push('-');
                    out.push_str(&" ".repeat(gap));
                    match item {
                        Tree::Map(entries) if !entries.is_empty() => block(item, indent + 1 + gap, out, next, true),
                        Tree::Scalar(text) | Tree::Flow(text) => {
                            out.push_str(text);
                            trailer(out, next);
                        }
                        _ => {
                            out.push_str("[]");
                            trailer(out, next);
                        }
                    }
                }
            }
            Tree::Scalar(_) | Tree::Flow(_) => {}
        }
    }
    fn inline_or_nested(value: &Tree, indent: usize, step: usize, out: &mut String, next: &mut dyn FnMut() -> u8) {
        match value {
            Tree::Scalar(text) | Tree::Flow(text) => {
                out.push(' ');
                out.push_str(text);
                trailer(out, next);
            }
            Tree::Map(entries) if entries.is_empty() => {
                if next() % 2 == 0 {
                    out.push_str(" {}");
                }
                trailer(out, next);
            }
            Tree::Map(_) => {
                trailer(out, next);
                block(value, indent + step, out, next, false);
            }
            Tree::Seq(_) => {
                trailer(out, next);
                let at = if next() % 2 == 0 { indent } else { indent + step };
                block(value, at, out, next, false);
            }
        }
    }
    fn trailer(out: &mut String, next: &mut dyn FnMut() -> u8) {
        match next() % 6 {
            0 => out.push_str("  # note"),
            1 => out.push(' '),
            _ => {}
        }
        out.push('\n');
        match next() % 8 {
            0 => out.push('\n'),
            1 => out.push_str("# a comment line\n"),
            2 => out.push_str("     # an indented one\n"),
            _ => {}
        }
    }
    if next() % 4 == 0 {
        out.push_str("---\n");
    }
    block(&root, 0, out, &mut next, false);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Documents in the block style are taken, and read the same.
    #[test]
    fn documents_in_the_style_are_taken_and_read_the_same(tree in tree(), style in prop::collection::vec(any::<u8>(), 1..32)) {
        let mut text = String::new();
        render(&tree, &style, &mut text);
        match compare_yaml_scanners(&text) {
            None => prop_assert!(false, "refused:\n{text}"),
            Some(Err(difference)) => prop_assert!(false, "differs: {difference}\n{text}"),
            Some(Ok(())) => {}
        }
    }

    /// The same documents with one character changed: taken or not, never read differently.
    #[test]
    fn documents_with_a_character_changed_never_read_differently(
        tree in tree(),
        style in prop::collection::vec(any::<u8>(), 1..32),
        at in any::<prop::sample::Index>(),
        replacement in prop::sample::select(vec![' ', '\n', ':', '-', '#', '{', '}', '[', ']', ',', '\'', '"', 'a', '&', '!', '?', '|', '>']),
    ) {
        let mut text = String::new();
        render(&tree, &style, &mut text);
        let mut chars: Vec<char> = text.chars().collect();
        let at = at.index(chars.len());
        chars[at] = replacement;
        let text: String = chars.into_iter().collect();
        if let Some(Err(difference)) = compare_yaml_scanners(&text) {
            prop_assert!(false, "differs: {difference}\n{text}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn random_documents_read_the_same(lines in prop::collection::vec(line_piece(), 1..14)) {
        let text: String = lines.concat();
        if let Some(Err(difference)) = compare_yaml_scanners(&text) {
            prop_assert!(false, "differs: {difference}\n{text}");
        }
    }
}
