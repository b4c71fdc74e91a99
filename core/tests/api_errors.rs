//! The table of API error codes, `workplan::ApiError::CODES`, is the one source of the codes and
//! names every face uses: the table in `docs/api.md` ("Errors") and the TypeScript declarations in
//! `bindings-wasm/types/errors.d.ts` are generated from it, and the Python facade
//! (`bindings-python/python/workplan/_errors.py`) has a class for every name. This test fails when
//! one of them is out of date (`WORKPLAN_BLESS=1 cargo test -p workplan --test api_errors` writes
//! the two generated texts).

use std::fs;
use std::path::{Path, PathBuf};

use workplan::ApiError;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

const BEGIN: &str = "<!-- The table is generated from workplan::ApiError::CODES by core/tests/api_errors.rs. -->";
const END: &str = "<!-- End of the generated table. -->";

/// The table of docs/api.md, between its markers.
fn doc_table() -> String {
    let mut out = format!("{BEGIN}\n\n| code | Python class, JS `name` | what it means |\n|---|---|---|\n");
    for row in ApiError::CODES {
        out.push_str(&format!("| `{}` | `{}` | {} |\n", row.code, row.name, row.meaning));
    }
    out.push('\n');
    out.push_str(END);
    out
}

/// The names, each once, in the order of the table.
fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for row in ApiError::CODES {
        if !names.contains(&row.name) {
            names.push(row.name);
        }
    }
    names
}

/// bindings-wasm/types/errors.d.ts.
fn declarations() -> String {
    let union = |items: Vec<&str>| items.iter().map(|i| format!("\n  | \"{i}\"")).collect::<String>();
    let codes = union(ApiError::CODES.iter().map(|row| row.code).collect());
    let names = union(names());
    format!(
        r#"// The errors the library throws for a misuse of the API (docs/api.md, "Errors"). Generated from
// workplan::ApiError::CODES by core/tests/api_errors.rs (WORKPLAN_BLESS=1 cargo test -p workplan
// --test api_errors): do not edit. A document that cannot be loaded throws a `ParseError` instead.

/** The stable code of an API error; codes are added, never renamed. */
export type ApiErrorCode ={codes};

/** The `name` of an API error: its kind, the name of the same error's class in Python. */
export type ApiErrorName ={names};

/**
 * The `Error` thrown when a call cannot be answered as asked: an id that is not there, an option
 * with a value it cannot have, a return the live engine refuses, a word or locale it does not
 * know. The message is the library's, the same in every language; the properties below say what
 * the error is about, each only where its kind has it.
 */
export interface ApiError extends Error {{
  name: ApiErrorName;
  code: ApiErrorCode;
  /** The item id as given (`unknown_item`), or the item a refused return is for. */
  item?: string;
  /** The plan id as given (`unknown_plan`). */
  plan?: string;
  /** The member a refused return names. */
  member?: string;
  /** For a refused return of a batch (`applyChanges([...])`), its 0-based index. */
  index?: number;
  /** The option or argument (`invalid_option`), e.g. `"onError"`. */
  option?: string;
  /** The value as given (`invalid_option`): text as it is, anything else as JSON. */
  value?: string;
  /** What the value must be (`invalid_option`), or the words that are (`unknown_word`). */
  expected?: string;
  /** The meeting rule as given (`invalid_rule`). */
  rule?: string;
  /** The word as given (`unknown_word`). */
  word?: string;
  /** The locale tag as given (`unknown_locale`). */
  tag?: string;
}}
"#
    )
}

/// Checks `path` holds `expected` (in the part between `BEGIN` and `END` when `marked`), or
/// writes it with `WORKPLAN_BLESS`.
fn check(path: &Path, expected: &str, marked: bool) -> Option<String> {
    let bless = std::env::var_os("WORKPLAN_BLESS").is_some();
    let text = fs::read_to_string(path).unwrap_or_default();
    let (before, current, after) = if marked {
        match (text.find(BEGIN), text.find(END)) {
            (Some(start), Some(end)) => (&text[..start], &text[start..end + END.len()], &text[end + END.len()..]),
            _ => return Some(format!("{}: no generated table between its markers", path.display())),
        }
    } else {
        ("", text.as_str(), "")
    };
    if current == expected {
        return None;
    }
    if bless {
        fs::write(path, format!("{before}{expected}{after}")).expect("write");
        return None;
    }
    Some(format!("{} is out of date: run WORKPLAN_BLESS=1 cargo test -p workplan --test api_errors", path.display()))
}

#[test]
fn the_docs_and_the_typescript_declarations_are_generated_from_the_table() {
    let problems: Vec<String> = [
        check(&repo().join("docs/api.md"), &doc_table(), true),
        check(&repo().join("bindings-wasm/types/errors.d.ts"), &declarations(), false),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn python_has_a_class_for_every_name_with_its_code() {
    let facade = fs::read_to_string(repo().join("bindings-python/python/workplan/_errors.py")).expect("readable");
    for name in names() {
        assert!(facade.contains(&format!("\nclass {name}(")), "_errors.py has no class {name}");
        let codes: Vec<&str> = ApiError::CODES.iter().filter(|row| row.name == name).map(|row| row.code).collect();
        if let [code] = codes.as_slice() {
            let class = &facade[facade.find(&format!("\nclass {name}(")).unwrap_or(0)..];
            let body = &class[1..class[1..].find("\nclass ").map_or(class.len(), |end| end + 1)];
            assert!(body.contains(&format!("= \"{code}\"")), "{name} has the default code {code}");
        }
    }
}
