//! Inputs written from a recipe instead of kept as files: the `generate` block of a case of the
//! hostile-input corpus (tests/fixtures/hostile/README.md, "Generated inputs"), and the one
//! expander of it that every runner uses (through `workplan generate --recipes` for the Python and
//! JS faces).
//!
//! A case's `generate` block maps file names to recipes. A recipe is a list of parts joined without
//! separators; a part is text, or `{"repeat": TEXT, "times": N}` with an optional `"join": TEXT`
//! between the repetitions. In a repeated text every `{i}` becomes the repetition's number,
//! counted from 0. The bytes are the UTF-8 encoding of the result.
//!
//! ```
//! use workplan::generate::Recipes;
//!
//! let case = r#"{"description": "three items", "generate": {"plan.json": [
//!     "[", {"repeat": "{\"id\": \"a{i}\"}", "times": 3, "join": ", "}, "]"
//! ]}}"#;
//! let recipes = Recipes::from_case_json(case)?;
//! let (name, recipe) = recipes.iter().next().expect("one file");
//! assert_eq!(name, "plan.json");
//! assert_eq!(recipe.bytes(), br#"[{"id": "a0"}, {"id": "a1"}, {"id": "a2"}]"#);
//! assert_eq!(recipe.len(), 42);
//!
//! // A malformed recipe says what is wrong and where.
//! let error = Recipes::from_case_json(r#"{"generate": {"plan.json": [{"repeat": "[", "times": -1}]}}"#)
//!     .unwrap_err();
//! assert_eq!(error.to_string(), "/generate/plan.json/0/times: `times` is a whole number from 0, not -1");
//! # Ok::<(), workplan::generate::RecipeError>(())
//! ```
//!
//! Sizes are known before anything is written: a case whose recipes would write more than
//! [`Recipes::MAX_BYTES`] together is refused when it is read.

use std::fmt;
use std::io::{self, Write};

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// The inputs a case generates: file names and their recipes, in the order the case gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipes {
    files: Vec<(String, Recipe)>,
}

/// The recipe of one file: what it writes, and how many bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipe {
    parts: Vec<Part>,
    len: u64,
}

/// One part of a recipe.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// Text written as it is.
    Text(String),
    /// A text written `times` times, `join` between the repetitions.
    Repeat {
        /// The text cut at every `{i}`: the repetition's number goes between the pieces.
        pieces: Vec<String>,
        /// How many repetitions.
        times: u64,
        /// The text between two repetitions.
        join: String,
    },
}

/// A case file or `generate` block that is not a recipe: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecipeError {
    /// The case file is not JSON, or its `generate` block names a file twice.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// What is wrong.
        message: String,
        /// The line in the case file, from 1.
        line: usize,
        /// The column in the case file, from 1.
        column: usize,
    },
    /// A recipe of the wrong shape: a part that is neither text nor a repeat, a count that is not
    /// a whole number, an unknown key, a file name that is not a plain name.
    #[error("{path}: {message}")]
    Invalid {
        /// Where, as a JSON Pointer into the case file (`/generate/plan.json/2/times`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Recipes that would write more than [`Recipes::MAX_BYTES`]; nothing is written.
    #[error("{path}: the recipes write {bytes} bytes, more than the {limit} a case may generate")]
    TooLarge {
        /// Where, as a JSON Pointer into the case file (`/generate` for a case's files together).
        path: String,
        /// How many bytes they would write (`u64::MAX` for more than that).
        bytes: u64,
        /// The limit, [`Recipes::MAX_BYTES`].
        limit: u64,
    },
}

impl RecipeError {
    fn invalid(path: &str, message: impl Into<String>) -> Self {
        RecipeError::Invalid { path: path.to_owned(), message: message.into() }
    }

    fn from_json(error: &serde_json::Error) -> Self {
        let (line, column) = (error.line(), error.column());
        let text = error.to_string();
        let message = text.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&text).to_owned();
        RecipeError::Json { message, line, column }
    }
}

impl Recipes {
    /// The most bytes the recipes of one case may write together (256 MiB): the largest case of
    /// the corpus writes about 50 MB; a recipe asking for more is refused before anything is
    /// allocated or written.
    pub const MAX_BYTES: u64 = 256 << 20;

    /// The recipes of a case file (`case.json`): its `generate` block, or none when it has none.
    /// The other keys of the case are not read.
    pub fn from_case_json(text: &str) -> Result<Self, RecipeError> {
        /// The keys of a case file that matter here.
        #[derive(Deserialize)]
        struct Case {
            #[serde(default)]
            generate: Option<Entries>,
        }
        let case: Case = serde_json::from_str(text).map_err(|e| RecipeError::from_json(&e))?;
        match case.generate {
            Some(entries) => Recipes::from_entries(entries.0, "/generate"),
            None => Ok(Recipes::default()),
        }
    }

    /// The recipes of a `generate` block already read as JSON (an object of file names to
    /// recipes). A name given twice cannot be noticed here (JSON objects keep the last); read the
    /// case file with [`Recipes::from_case_json`] to have it refused.
    pub fn from_json_value(generate: &Value) -> Result<Self, RecipeError> {
        let Value::Object(files) = generate else {
            return Err(RecipeError::invalid(
                "/generate",
                format!("`generate` maps file names to recipes, not {}", kind(generate)),
            ));
        };
        Recipes::from_entries(files.iter().map(|(name, recipe)| (name.clone(), recipe.clone())).collect(), "/generate")
    }

    /// Reads each file's recipe and checks the name and the total size.
    fn from_entries(entries: Vec<(String, Value)>, at: &str) -> Result<Self, RecipeError> {
        let mut files = Vec::with_capacity(entries.len());
        let mut total: u128 = 0;
        for (name, recipe) in entries {
            let path = format!("{at}/{}", escape(&name));
            check_file_name(&name, &path)?;
            let recipe = Recipe::parse(&recipe, &path)?;
            total = total.saturating_add(u128::from(recipe.len));
            files.push((name, recipe));
        }
        if total > u128::from(Recipes::MAX_BYTES) {
            return Err(RecipeError::TooLarge {
                path: at.to_owned(),
                bytes: u64::try_from(total).unwrap_or(u64::MAX),
                limit: Recipes::MAX_BYTES,
            });
        }
        Ok(Recipes { files })
    }

    /// The file names and their recipes, in the order the case gives them.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Recipe)> {
        self.files.iter().map(|(name, recipe)| (name.as_str(), recipe))
    }

    /// The recipe of the file `name`, if the case generates it.
    pub fn get(&self, name: &str) -> Option<&Recipe> {
        self.iter().find(|(file, _)| *file == name).map(|(_, recipe)| recipe)
    }

    /// How many files the case generates.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the case generates no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl<'de> Deserialize<'de> for Recipes {
    /// Reads a `generate` block: refused, with the deserializer's position, when it names a file
    /// twice or a recipe is malformed or too large.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Entries::deserialize(deserializer)?;
        Recipes::from_entries(entries.0, "/generate").map_err(de::Error::custom)
    }
}

impl Recipe {
    /// The recipe of one file already read as JSON (a list of parts); `path` says where it is in
    /// its document, for errors (`/generate/plan.json`). Refused when it would write more than
    /// [`Recipes::MAX_BYTES`].
    pub fn from_json_value(parts: &Value, path: &str) -> Result<Self, RecipeError> {
        let recipe = Recipe::parse(parts, path)?;
        if recipe.len > Recipes::MAX_BYTES {
            return Err(RecipeError::TooLarge { path: path.to_owned(), bytes: recipe.len, limit: Recipes::MAX_BYTES });
        }
        Ok(recipe)
    }

    /// Reads the parts; the length saturates at `u64::MAX` (the callers compare it to the limit).
    fn parse(value: &Value, path: &str) -> Result<Self, RecipeError> {
        let Value::Array(items) = value else {
            return Err(RecipeError::invalid(path, format!("a recipe is a list of parts, not {}", kind(value))));
        };
        let mut parts = Vec::with_capacity(items.len());
        let mut len: u128 = 0;
        for (index, item) in items.iter().enumerate() {
            let part = Part::parse(item, &format!("{path}/{index}"))?;
            len = len.saturating_add(part.len());
            parts.push(part);
        }
        Ok(Recipe { parts, len: u64::try_from(len).unwrap_or(u64::MAX) })
    }

    /// How many bytes the recipe writes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the recipe writes nothing.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes the recipe writes.
    pub fn bytes(&self) -> Vec<u8> {
        // The length is at most `Recipes::MAX_BYTES`, checked when the recipe was read.
        let mut out = Vec::with_capacity(usize::try_from(self.len).unwrap_or(0));
        self.write_to(&mut out).expect("writing to memory does not fail");
        out
    }

    /// Writes the bytes to `out` as they are made, without holding them all (give a buffered
    /// writer: the parts are written in many small pieces).
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        for part in &self.parts {
            part.write_to(out)?;
        }
        Ok(())
    }
}

/// Repeated text without `{i}` is written in chunks of about this many bytes.
const CHUNK: usize = 64 * 1024;

impl Part {
    /// Reads one part at `path`.
    fn parse(value: &Value, path: &str) -> Result<Self, RecipeError> {
        let fields = match value {
            Value::String(text) => return Ok(Part::Text(text.clone())),
            Value::Object(fields) => fields,
            other => {
                return Err(RecipeError::invalid(
                    path,
                    format!(
                        "a part is text or {{\"repeat\": TEXT, \"times\": N, \"join\": TEXT}}, not {}",
                        kind(other)
                    ),
                ))
            }
        };
        if let Some(key) = fields.keys().find(|key| !matches!(key.as_str(), "repeat" | "times" | "join")) {
            return Err(RecipeError::invalid(
                &format!("{path}/{}", escape(key)),
                format!("unknown key `{key}` (a repeat has `repeat`, `times` and `join`)"),
            ));
        }
        let text = |key: &str, required: bool| -> Result<String, RecipeError> {
            match fields.get(key) {
                Some(Value::String(text)) => Ok(text.clone()),
                None if !required => Ok(String::new()),
                None => Err(RecipeError::invalid(path, format!("a repeat needs `{key}`"))),
                Some(other) => {
                    Err(RecipeError::invalid(&format!("{path}/{key}"), format!("`{key}` is text, not {}", kind(other))))
                }
            }
        };
        let repeat = text("repeat", true)?;
        let join = text("join", false)?;
        let times = match fields.get("times") {
            None => return Err(RecipeError::invalid(path, "a repeat needs `times`")),
            Some(count) => count.as_u64().ok_or_else(|| {
                RecipeError::invalid(&format!("{path}/times"), format!("`times` is a whole number from 0, not {count}"))
            })?,
        };
        Ok(Part::Repeat { pieces: repeat.split("{i}").map(str::to_owned).collect(), times, join })
    }

    /// How many bytes the part writes (saturating).
    fn len(&self) -> u128 {
        match self {
            Part::Text(text) => text.len() as u128,
            Part::Repeat { pieces, times, join } => {
                let times = u128::from(*times);
                let text: u128 = pieces.iter().map(|piece| piece.len() as u128).sum();
                let numbers = (pieces.len() as u128 - 1).saturating_mul(digits_below(times));
                let joins = (join.len() as u128).saturating_mul(times.saturating_sub(1));
                text.saturating_mul(times).saturating_add(numbers).saturating_add(joins)
            }
        }
    }

    fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        let (pieces, times, join) = match self {
            Part::Text(text) => return out.write_all(text.as_bytes()),
            Part::Repeat { pieces, times, join } => (pieces, *times, join.as_bytes()),
        };
        if times == 0 {
            return Ok(());
        }
        if let [text] = pieces.as_slice() {
            // No `{i}`: the text, then `join` and the text again, written a chunk at a time.
            out.write_all(text.as_bytes())?;
            let unit = [join, text.as_bytes()].concat();
            let rest = times - 1;
            if unit.is_empty() || rest == 0 {
                return Ok(());
            }
            let per_chunk = ((CHUNK / unit.len()).max(1) as u64).min(rest);
            let chunk = unit.repeat(per_chunk as usize);
            for _ in 0..rest / per_chunk {
                out.write_all(&chunk)?;
            }
            for _ in 0..rest % per_chunk {
                out.write_all(&unit)?;
            }
            return Ok(());
        }
        let mut number = [0u8; 20];
        for i in 0..times {
            if i > 0 {
                out.write_all(join)?;
            }
            let digits = decimal(i, &mut number);
            for (n, piece) in pieces.iter().enumerate() {
                if n > 0 {
                    out.write_all(digits)?;
                }
                out.write_all(piece.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// The decimal digits of `n`, written at the end of `buffer`.
fn decimal(mut n: u64, buffer: &mut [u8; 20]) -> &[u8] {
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buffer[at..];
        }
    }
}

/// How many decimal digits the numbers `0..n` have together.
fn digits_below(n: u128) -> u128 {
    let (mut total, mut low, mut high, mut digits) = (0u128, 0u128, 10u128, 1u128);
    while low < n {
        total += (n.min(high) - low) * digits;
        (low, high, digits) = (high, high.saturating_mul(10), digits + 1);
    }
    total
}

/// Refuses a file name that is not one plain name (the files are written into a case's folder).
fn check_file_name(name: &str, path: &str) -> Result<(), RecipeError> {
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !(name.len() >= 2 && name.as_bytes()[1] == b':');
    if plain {
        Ok(())
    } else {
        Err(RecipeError::invalid(path, format!("`{name}` is not a plain file name (like `plan.json`)")))
    }
}

/// A key as a JSON Pointer segment (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// What kind of JSON value this is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The entries of a `generate` block as written, refused when a file name comes twice.
struct Entries(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;

        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`generate`: an object of file names to recipes")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries: Vec<(String, Value)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if entries.iter().any(|(seen, _)| *seen == name) {
                        return Err(de::Error::custom(format!("`generate` names the file `{name}` twice")));
                    }
                    let recipe = map.next_value::<Value>()?;
                    entries.push((name, recipe));
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(recipe: Value) -> Recipe {
        Recipe::from_json_value(&recipe, "/generate/plan.json").expect("a recipe")
    }

    /// The bytes as the README says, written the plain way.
    fn naive(text: &str, times: u64, join: &str) -> String {
        (0..times).map(|i| text.replace("{i}", &i.to_string())).collect::<Vec<_>>().join(join)
    }

    #[test]
    fn text_parts_are_joined_without_separators() {
        let recipe = one(json!(["{\"workplan\": 1", ", ", "\"x\": \"é\"}"]));
        assert_eq!(recipe.bytes(), "{\"workplan\": 1, \"x\": \"é\"}".as_bytes());
        assert_eq!(recipe.len(), recipe.bytes().len() as u64);
        assert!(one(json!([])).is_empty());
    }

    #[test]
    fn a_repeat_numbers_every_i_from_0_and_joins() {
        let recipe = one(json!(["[", {"repeat": "{\"id\": \"a{i}\", \"n\": {i}}", "times": 3, "join": ", "}, "]"]));
        assert_eq!(recipe.bytes(), br#"[{"id": "a0", "n": 0}, {"id": "a1", "n": 1}, {"id": "a2", "n": 2}]"#);
        // `{i}` in the join or in a text part is written as it is.
        let recipe = one(json!(["{i}", {"repeat": "x", "times": 2, "join": "{i}"}]));
        assert_eq!(recipe.bytes(), b"{i}x{i}x");
    }

    #[test]
    fn lengths_are_known_before_writing_and_match_the_bytes() {
        for times in [0, 1, 2, 9, 10, 11, 99, 100, 101, 1_000, 10_001, 200_000] {
            for (text, join) in [("[", ""), ("ab", ", "), ("{i}", ""), ("<{i}|{i}>", ",\n"), ("", ""), ("", "-")] {
                let recipe = one(json!([{"repeat": text, "times": times, "join": join}]));
                let bytes = recipe.bytes();
                assert_eq!(recipe.len(), bytes.len() as u64, "{text:?} x {times} joined by {join:?}");
                assert_eq!(String::from_utf8(bytes).expect("UTF-8"), naive(text, times, join), "{text:?} x {times}");
            }
        }
        assert_eq!(digits_below(0), 0);
        assert_eq!(digits_below(10), 10);
        assert_eq!(digits_below(11), 12);
        assert_eq!(digits_below(1_000_000), 5_888_890);
    }

    #[test]
    fn a_case_file_gives_its_recipes_in_order() {
        let case = r#"{"description": "d", "generate": {"updates.csv": ["item,date\n"], "plan.yaml": ["a: 1\n"]}}"#;
        let recipes = Recipes::from_case_json(case).expect("recipes");
        assert_eq!(recipes.iter().map(|(name, _)| name).collect::<Vec<_>>(), ["updates.csv", "plan.yaml"]);
        assert_eq!(recipes.get("plan.yaml").map(Recipe::bytes), Some(b"a: 1\n".to_vec()));
        assert_eq!(recipes.len(), 2);
        assert!(Recipes::from_case_json(r#"{"description": "d"}"#).expect("no recipes").is_empty());
        let through_serde: Recipes =
            serde_json::from_value(json!({"plan.json": ["{}"]})).expect("a generate block through serde");
        assert_eq!(through_serde.get("plan.json").map(Recipe::bytes), Some(b"{}".to_vec()));
    }

    fn error(case: &str) -> String {
        Recipes::from_case_json(case).expect_err("refused").to_string()
    }

    #[test]
    fn a_malformed_recipe_says_what_and_where() {
        assert_eq!(
            error(r#"{"generate": {"plan.json": ["a", {"repeat": "[", "times": -1}]}}"#),
            "/generate/plan.json/1/times: `times` is a whole number from 0, not -1"
        );
        assert_eq!(
            error(r#"{"generate": {"plan.json": [{"repeat": "[", "times": 1.5}]}}"#),
            "/generate/plan.json/0/times: `times` is a whole number from 0, not 1.5"
        );
        assert_eq!(
            error(r#"{"generate": {"plan.json": [{"repeat": "[", "count": 3}]}}"#),
            "/generate/plan.json/0/count: unknown key `count` (a repeat has `repeat`, `times` and `join`)"
        );
        assert_eq!(
            error(r#"{"generate": {"plan.json": [{"times": 3}]}}"#),
            "/generate/plan.json/0: a repeat needs `repeat`"
        );
        assert_eq!(
            error(r#"{"generate": {"plan.json": [{"repeat": "x", "times": 3, "join": 0}]}}"#),
            "/generate/plan.json/0/join: `join` is text, not a number"
        );
        assert_eq!(
            error(r#"{"generate": {"plan.json": ["a", 7]}}"#),
            "/generate/plan.json/1: a part is text or {\"repeat\": TEXT, \"times\": N, \"join\": TEXT}, not a number"
        );
        assert_eq!(
            error(r#"{"generate": {"plan.json": "{}"}}"#),
            "/generate/plan.json: a recipe is a list of parts, not text"
        );
        assert_eq!(
            error(r#"{"generate": {"../plan.json": ["{}"]}}"#),
            "/generate/..~1plan.json: `../plan.json` is not a plain file name (like `plan.json`)"
        );
        assert_eq!(
            error(r#"{"generate": {"": ["{}"]}}"#),
            "/generate/: `` is not a plain file name (like `plan.json`)"
        );
        assert_eq!(
            error("{\"generate\": {\"plan.json\": [\"a\"],\n \"plan.json\": [\"b\"]}}"),
            "line 2, column 12: `generate` names the file `plan.json` twice"
        );
        assert_eq!(
            error("{\"generate\": [\"a\"]}"),
            "line 1, column 13: invalid type: sequence, expected `generate`: an object of file names to recipes"
        );
        assert_eq!(error("{\"generate\": {\"plan.json\": [\"a\"]"), "line 1, column 32: EOF while parsing an object");
        assert_eq!(
            Recipes::from_json_value(&json!(["a"])).expect_err("refused").to_string(),
            "/generate: `generate` maps file names to recipes, not a list"
        );
    }

    #[test]
    fn absurd_sizes_are_refused_before_anything_is_written() {
        let error = Recipes::from_case_json(
            r#"{"generate": {"plan.json": [{"repeat": "{i}", "times": 18446744073709551615}]}}"#,
        )
        .expect_err("too large");
        assert_eq!(
            error,
            RecipeError::TooLarge { path: "/generate".into(), bytes: u64::MAX, limit: Recipes::MAX_BYTES }
        );
        // Each file under the limit, but not the two together.
        let half = Recipes::MAX_BYTES / 2 + 1;
        let case = json!({"generate": {"a.json": [{"repeat": "x", "times": half}], "b.json": [{"repeat": "x", "times": half}]}});
        let error = Recipes::from_case_json(&case.to_string()).expect_err("too large together");
        assert_eq!(
            error,
            RecipeError::TooLarge { path: "/generate".into(), bytes: 2 * half, limit: Recipes::MAX_BYTES }
        );
        assert_eq!(
            Recipe::from_json_value(&json!([{"repeat": "ab", "times": half}]), "/x").expect_err("too large"),
            RecipeError::TooLarge { path: "/x".into(), bytes: 2 * half, limit: Recipes::MAX_BYTES }
        );
        assert_eq!(one(json!([{"repeat": "x", "times": 3_000_000}])).len(), 3_000_000);
    }
}
