//! The layers of the library (ARCHITECTURE.md): every top-level module of `core/src` imports only
//! modules of lower layers, so no two import each other, directly or through others. Imports are read from the source: `crate::module::...` paths
//! (also inside `use crate::{...}` groups) and names the crate root re-exports (`crate::Plan` is
//! `model`'s), outside comments and `#[cfg(test)]` modules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The source folder of the library.
fn source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read the source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text of a file without comments and without its `#[cfg(test)]` module (tests may reach
/// anywhere) and without string literals (which may hold `crate::` in messages).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        out.push_str(&without_strings(line));
        out.push('\n');
    }
    out
}

/// A line without the text of its string literals and without a trailing comment.
fn without_strings(line: &str) -> String {
    let line = line.replace("'\"'", "' '");
    let mut out = String::with_capacity(line.len());
    let mut in_string = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '/' if !in_string && chars.peek() == Some(&'/') => break,
            _ if in_string => {}
            _ => out.push(c),
        }
    }
    out
}

/// The top-level module a file belongs to (`model` for `src/model/plan.rs` and `src/model.rs`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix(source()).expect("a file under src");
    let first = relative.components().next().expect("a path").as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// The names the crate root re-exports, with the module each comes from (`Plan` → `model`).
fn root_exports(lib: &str, modules: &BTreeSet<String>) -> BTreeMap<String, String> {
    let mut exports = BTreeMap::new();
    let code = code_of(lib);
    let mut rest = code.as_str();
    while let Some(at) = rest.find("pub use ") {
        rest = &rest[at + "pub use ".len()..];
        let end = rest.find(';').expect("a use ends with ;");
        let statement = &rest[..end];
        let module = statement.split("::").next().unwrap_or_default().trim().to_owned();
        if modules.contains(&module) {
            let names = statement.split_once("::").map_or("", |(_, names)| names);
            for name in names.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if !name.is_empty() && name != "self" && name != "as" {
                    exports.insert(name.to_owned(), module.clone());
                }
            }
        }
        rest = &rest[end..];
    }
    exports
}

/// The first names of the paths in `crate::...`, expanding `crate::{a::b, C}` groups.
fn crate_paths(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(group.len(), |(i, _)| i);
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group[..end].char_indices().chain([(end, ',')]) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let part = group[start..i].trim();
                        let first: String = part.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        if !first.is_empty() {
                            names.push(first);
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            let first: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            names.push(first);
        }
    }
    names
}

/// The import graph between top-level modules: module → the modules it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&source(), &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f)).filter(|m| m != "lib").collect();
    let exports = root_exports(&fs::read_to_string(source().join("lib.rs")).expect("lib.rs"), &modules);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(file);
        if from == "lib" {
            continue;
        }
        let code = code_of(&fs::read_to_string(file).expect("a source file"));
        for name in crate_paths(&code) {
            let to = if modules.contains(&name) { Some(name) } else { exports.get(&name).cloned() };
            if let Some(to) = to.filter(|to| *to != from) {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    graph
}

/// A path of imports from `from` back to `to`, if there is one.
fn path_back(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> Option<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![vec![from.to_owned()]];
    while let Some(path) = stack.pop() {
        let last = path.last().expect("a path is never empty");
        if last == to {
            return Some(path);
        }
        if !seen.insert(last.clone()) {
            continue;
        }
        for next in graph.get(last).into_iter().flatten() {
            let mut longer = path.clone();
            longer.push(next.clone());
            stack.push(longer);
        }
    }
    None
}

#[test]
fn the_reader_finds_imports_of_every_kind() {
    let code = code_of(
        "use crate::model::Plan;\nuse crate::{io::Source, Report, rollup::{a, b}};\n// crate::diff\nlet x = \"crate::paper\";\n",
    );
    assert_eq!(crate_paths(&code), ["model", "io", "Report", "rollup"]);
    let exports = root_exports(
        "pub use model::{Item, Plan};\npub use validate::Report;\n",
        &BTreeSet::from(["model".to_owned(), "validate".to_owned()]),
    );
    assert_eq!(exports["Plan"], "model");
    assert_eq!(exports["Report"], "validate");
}

/// The layer of each top-level module, lowest first (ARCHITECTURE.md, "Layers"): a module may
/// import only modules of lower layers.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("words", 0),
    ("code", 1),
    ("document", 2),
    ("model", 3),
    ("io", 4),
    ("display", 4),
    ("outline_table", 4),
    ("approval", 4),
    ("cadence", 4),
    ("schema", 4),
    ("summary", 4),
    ("diff", 4),
    ("validate", 5),
    ("generate", 5),
    ("import", 5),
    ("changelog", 5),
    ("rollup", 6),
    ("locale", 7),
    ("columnar", 7),
    ("error", 8),
    ("paper", 8),
    ("portfolio", 8),
    ("workspace", 9),
];

#[test]
fn every_module_imports_only_lower_layers() {
    let layer = |module: &str| LAYERS.iter().find(|(name, _)| *name == module).map(|&(_, layer)| layer);
    let graph = graph();
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        let Some(from_layer) = layer(from) else {
            wrong.push(format!("{from}: not in the layer table (core/tests/layers.rs and ARCHITECTURE.md)"));
            continue;
        };
        for to in targets {
            match layer(to) {
                None => wrong.push(format!("{to}: not in the layer table (core/tests/layers.rs and ARCHITECTURE.md)")),
                Some(to_layer) if to_layer >= from_layer => {
                    wrong.push(format!("{from} (layer {from_layer}) imports {to} (layer {to_layer})"))
                }
                Some(_) => {}
            }
        }
    }
    wrong.dedup();
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
}

#[test]
fn no_two_top_level_modules_import_each_other() {
    let graph = graph();
    assert!(graph.get("rollup").is_some_and(|to| to.contains("model")), "the reader sees imports: {graph:?}");
    let mut cycles = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            if let Some(back) = path_back(&graph, to, from) {
                cycles.push(format!("{from} -> {}", back.join(" -> ")));
            }
        }
    }
    let edges: Vec<String> = graph.iter().map(|(from, to)| format!("{from} -> {to:?}")).collect();
    assert!(
        cycles.is_empty(),
        "import cycles between top-level modules of core/src:\n{}\n\nthe imports:\n{}",
        cycles.join("\n"),
        edges.join("\n")
    );
}
