//! How the columns and words of a real returns sheet map onto the returns format
//! (`docs/returns.md`): column names and their aliases, the status vocabulary, and the scale of
//! percents. A mapping is declared, never guessed: headers are matched without regard to case,
//! spaces, `_` and `-`, and everything else must be said.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::csv::UPDATE_COLUMNS;
use crate::document::PercentScale;
use crate::model::UpdateStatus;

/// How a returns table (CSV, a workbook's sheets, a data frame) maps onto returns.
///
/// ```
/// let mapping: workplan::Mapping = serde_json::from_str(
///     r#"{"columns": {"Borough": "member", "% complete": "percent"}, "status": "rag",
///         "percent_scale": "fraction"}"#,
/// ).unwrap();
/// assert_eq!(mapping.column("BOROUGH"), Some("member"));
/// assert_eq!(mapping.column("Item ID"), Some("item"));
/// assert_eq!(mapping.status_word("Amber"), Some(workplan::UpdateStatus::AtRisk));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Header -> column of the format (`item`, `date`, `member`, `status`, `percent`, `value`,
    /// `note`, `recorded`, `adopted`, or an `x-` name). Headers are compared without regard to
    /// case, spaces, `_` and `-`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "table")]
    pub columns: BTreeMap<String, String>,
    /// Headers whose columns are read past (kept nowhere), such as an officer's own notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// The status vocabulary: the preset `rag`, or a table from words to statuses (words compared
    /// without regard to case and spaces). The format's own words are always understood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusWords>,
    /// The scale percents are written in.
    #[serde(default)]
    pub percent_scale: PercentScale,
    /// The sheets of a workbook to read, by name; every sheet when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
}

/// A status vocabulary: a named preset or a table of words. Read from a preset's name (`rag`) or
/// a table (`{Slipping: at_risk}`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum StatusWords {
    /// A preset: `rag` (Green, Amber, Red, with Blue or Complete for done and Grey or Not started
    /// for not started).
    Preset(StatusPreset),
    /// Word -> status.
    Words(BTreeMap<String, UpdateStatus>),
}

impl<'de> Deserialize<'de> for StatusWords {
    /// A name or a table, told apart by their kind (no buffering of the value, as an untagged
    /// enum would need: that costs several KB of wasm).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = StatusWords;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a preset (`rag`) or a table of words and statuses")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<StatusWords, E> {
                match name {
                    "rag" => Ok(StatusWords::Preset(StatusPreset::Rag)),
                    other => Err(E::unknown_variant(other, &["rag"])),
                }
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<StatusWords, M::Error> {
                Table(std::marker::PhantomData).visit_map(map).map(StatusWords::Words)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Reads a table of the mapping (`columns`) with [`Table`].
fn table<'de, D: serde::Deserializer<'de>, V: Deserialize<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, V>, D::Error> {
    deserializer.deserialize_map(Table(std::marker::PhantomData))
}

/// A table of a mapping, each key once. A repeated key is an error whichever reader hands the
/// entries over: the located readers refuse it with its position, and the fast readers, which
/// hand a table over entry by entry, would otherwise keep its last value without a word (so they
/// give way to the located reader, whose error the user sees).
struct Table<V>(std::marker::PhantomData<V>);

impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Table<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut table = BTreeMap::new();
        while let Some((key, value)) = map.next_entry::<String, V>()? {
            if table.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            table.insert(key, value);
        }
        Ok(table)
    }
}

/// A built-in status vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatusPreset {
    /// Red, amber, green: `green` on track, `amber` at risk, `red` off track, `blue`, `complete`
    /// and `completed` done, `grey`/`gray` and `not started` not started.
    Rag,
}

/// The RAG preset's words, normalised.
const RAG: [(&str, UpdateStatus); 9] = [
    ("green", UpdateStatus::OnTrack),
    ("amber", UpdateStatus::AtRisk),
    ("red", UpdateStatus::OffTrack),
    ("blue", UpdateStatus::Done),
    ("complete", UpdateStatus::Done),
    ("completed", UpdateStatus::Done),
    ("grey", UpdateStatus::NotStarted),
    ("gray", UpdateStatus::NotStarted),
    ("notstarted", UpdateStatus::NotStarted),
];

/// The format's own status words, normalised.
const STATUS_WORDS: [(&str, UpdateStatus); 5] = [
    ("notstarted", UpdateStatus::NotStarted),
    ("ontrack", UpdateStatus::OnTrack),
    ("atrisk", UpdateStatus::AtRisk),
    ("offtrack", UpdateStatus::OffTrack),
    ("done", UpdateStatus::Done),
];

/// Header aliases every mapping has: `Item ID` is `item`, `Member ID` is `member`.
const BUILT_IN_ALIASES: [(&str, &str); 2] = [("itemid", "item"), ("memberid", "member")];

/// A header or word as compared: lower case, without spaces, `_` or `-`.
pub fn normalise(word: &str) -> String {
    word.chars().filter(|c| !c.is_whitespace() && *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

/// Whether `text` normalises (as [`normalise`] does) to `word`, an ASCII word in lower case,
/// without allocating: for the words checked in every row.
pub(crate) fn is_word(text: &str, word: &str) -> bool {
    let mut expected = word.bytes();
    for c in text.chars() {
        if c.is_whitespace() || c == '_' || c == '-' {
            continue;
        }
        match (c.is_ascii(), expected.next()) {
            (true, Some(b)) if b == (c as u8).to_ascii_lowercase() => {}
            _ => return false,
        }
    }
    expected.next().is_none()
}

impl Mapping {
    /// Reads a mapping from JSON or YAML text, with the place of any problem (an unknown key, a
    /// status that is not one of the five).
    pub fn from_str_as(text: &str, format: super::Format) -> Result<Mapping, super::LoadError> {
        super::format::from_text(crate::document::without_bom(text), format)
    }

    /// Reads a mapping from JSON data (as a binding hands over a dict).
    pub fn from_json_value(value: serde_json::Value) -> Result<Mapping, super::LoadError> {
        super::format::from_json_value(value)
    }

    /// Reads a mapping from a `.json`, `.yaml` or `.yml` file.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Mapping, super::LoadError> {
        let path = path.as_ref();
        let text = super::format::read_text_file(path)?;
        let format = match super::Format::from_path(path) {
            Some(super::Format::Json) => super::Format::Json,
            _ => super::Format::sniff(&text),
        };
        Mapping::from_str_as(&text, format)
    }

    /// The column of the format a header names: a declared alias, an `x-` name, a column of the
    /// format, or a built-in alias, compared as [`normalise`] does; `None` for a header the mapping
    /// does not know. Headers listed in `ignore` give `Some("")`.
    pub fn column(&self, header: &str) -> Option<&str> {
        let key = normalise(header);
        if let Some((_, column)) = self.columns.iter().find(|(alias, _)| normalise(alias) == key) {
            return Some(column.as_str());
        }
        if self.ignore.iter().any(|ignored| normalise(ignored) == key) {
            return Some("");
        }
        if header.trim().starts_with("x-") {
            return None;
        }
        UPDATE_COLUMNS
            .iter()
            .find(|column| **column == key)
            .or_else(|| BUILT_IN_ALIASES.iter().find(|(alias, _)| *alias == key).map(|(_, column)| column))
            .copied()
    }

    /// The status a word means: the format's own words (`on_track`, `On track`), then the
    /// mapping's vocabulary; `None` for a word neither knows.
    pub fn status_word(&self, word: &str) -> Option<UpdateStatus> {
        // The format's own words as written, the common case, without a comparison per letter.
        let exact = match word {
            "not_started" => Some(UpdateStatus::NotStarted),
            "on_track" => Some(UpdateStatus::OnTrack),
            "at_risk" => Some(UpdateStatus::AtRisk),
            "off_track" => Some(UpdateStatus::OffTrack),
            "done" => Some(UpdateStatus::Done),
            _ => None,
        };
        if exact.is_some() {
            return exact;
        }
        let find = |table: &[(&str, UpdateStatus)]| table.iter().find(|(w, _)| is_word(word, w)).map(|(_, s)| *s);
        find(&STATUS_WORDS).or_else(|| match &self.status {
            Some(StatusWords::Preset(StatusPreset::Rag)) => find(&RAG),
            Some(StatusWords::Words(words)) => {
                let key = normalise(word);
                words.iter().find(|(w, _)| normalise(w) == key).map(|(_, status)| *status)
            }
            None => None,
        })
    }

    /// The words the mapping understands for statuses, for messages.
    pub(crate) fn status_vocabulary(&self) -> Vec<String> {
        let mut words: Vec<String> =
            ["not_started", "on_track", "at_risk", "off_track", "done"].iter().map(|w| (*w).to_owned()).collect();
        match &self.status {
            Some(StatusWords::Preset(StatusPreset::Rag)) => {
                words.extend(["Green", "Amber", "Red", "Blue", "Complete", "Grey"].map(str::to_owned));
            }
            Some(StatusWords::Words(table)) => words.extend(table.keys().cloned()),
            None => {}
        }
        words
    }

    /// Checks that every declared alias names a column of the format (or an `x-` name).
    pub(crate) fn check(&self) -> Result<(), String> {
        for (header, column) in &self.columns {
            if !UPDATE_COLUMNS.contains(&column.as_str()) && !column.starts_with("x-") {
                let near = crate::text::nearest(column, UPDATE_COLUMNS)
                    .map(|n| format!(", did you mean `{n}`?"))
                    .unwrap_or_default();
                return Err(format!(
                    "the mapping maps `{header}` to `{column}`, which is not a column of returns (one of {}){near}",
                    UPDATE_COLUMNS.join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// Multiplies a percent written as a fraction by 100, digit for digit: the shortest decimal that
/// gives `fraction` with its point moved two places (so `0.55` gives exactly `55`, where
/// `0.55 * 100.0` gives `55.00000000000001`).
pub(crate) fn fraction_to_percent(fraction: f64) -> f64 {
    let text = format!("{fraction:e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => match exponent.parse::<i32>() {
            Ok(exponent) => format!("{mantissa}e{}", exponent + 2).parse().unwrap_or(fraction * 100.0),
            Err(_) => fraction * 100.0,
        },
        None => fraction * 100.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_in_a_table_is_an_error_where_it_is_on_every_path() {
        use crate::io::Format;
        for (text, format, line) in [
            ("{\"columns\": {\"A\": \"item\",\n \"A\": \"date\"}}", Format::Json, 2),
            ("{\"status\": {\"Done\": \"done\",\n \"Done\": \"off_track\"}}", Format::Json, 2),
            ("columns:\n  A: item\n  A: date\n", Format::Yaml, 3),
            ("status: {Done: done,\n  Done: off_track}\n", Format::Yaml, 2),
        ] {
            let error = Mapping::from_str_as(text, format).expect_err(text);
            assert_eq!((error.code(), error.line()), ("duplicate_key", Some(line)), "{text}");
        }
    }

    #[test]
    fn headers_match_without_case_spaces_or_separators() {
        let mapping = Mapping::default();
        for header in ["item", "Item", " ITEM ", "Item ID", "item_id", "item-id"] {
            assert_eq!(mapping.column(header), Some("item"), "{header}");
        }
        assert_eq!(mapping.column("Percent"), Some("percent"));
        assert_eq!(mapping.column("Borough"), None);
        assert_eq!(mapping.column("x-owner"), None);
    }

    #[test]
    fn declared_aliases_and_ignored_headers() {
        let mapping: Mapping =
            serde_json::from_str(r#"{"columns": {"Borough": "member"}, "ignore": ["Officer"]}"#).expect("valid");
        assert_eq!(mapping.column("borough"), Some("member"));
        assert_eq!(mapping.column("OFFICER"), Some(""));
        let bad: Mapping = serde_json::from_str(r#"{"columns": {"Borough": "membr"}}"#).expect("valid");
        assert!(bad.check().expect_err("typo").contains("did you mean `member`"));
    }

    #[test]
    fn status_words_of_the_format_and_of_the_rag_preset() {
        let plain = Mapping::default();
        assert_eq!(plain.status_word("On track"), Some(UpdateStatus::OnTrack));
        assert_eq!(plain.status_word("Green"), None);
        let rag: Mapping = serde_json::from_str(r#"{"status": "rag"}"#).expect("valid");
        assert_eq!(rag.status_word(" green "), Some(UpdateStatus::OnTrack));
        assert_eq!(rag.status_word("RED"), Some(UpdateStatus::OffTrack));
        let own: Mapping = serde_json::from_str(r#"{"status": {"Slipping": "at_risk"}}"#).expect("valid");
        assert_eq!(own.status_word("slipping"), Some(UpdateStatus::AtRisk));
    }

    #[test]
    fn mappings_load_from_yaml_with_located_errors() {
        let mapping = Mapping::from_str_as(
            "columns:\n  RAG: status\nstatus: rag\npercent_scale: fraction\n",
            super::super::Format::Yaml,
        )
        .expect("valid");
        assert_eq!(mapping.status, Some(StatusWords::Preset(StatusPreset::Rag)));
        let words = Mapping::from_str_as("status:\n  Slipping: at_risk\n", super::super::Format::Yaml).expect("words");
        assert_eq!(words.status_word("slipping"), Some(UpdateStatus::AtRisk));
        let error =
            Mapping::from_str_as("columns: {}\npercent: fraction\n", super::super::Format::Yaml).expect_err("typo");
        assert_eq!(error.code(), "unknown_field");
        assert_eq!(error.line(), Some(2));
    }

    #[test]
    fn words_compare_as_normalised_without_allocating() {
        for (text, word, same) in [
            ("On track", "ontrack", true),
            ("ON-TRACK", "ontrack", true),
            ("on_track ", "ontrack", true),
            ("on trac", "ontrack", false),
            ("on trackk", "ontrack", false),
            ("Grand total", "grandtotal", true),
            ("tötal", "total", false),
        ] {
            assert_eq!(is_word(text, word), same, "{text}");
            assert_eq!(normalise(text) == word, same, "{text}: as normalise says");
        }
    }

    #[test]
    fn fractions_become_percents_digit_for_digit() {
        for (fraction, percent) in [(0.55, 55.0), (0.07, 7.0), (1.0, 100.0), (0.0, 0.0), (0.333, 33.3), (0.1234, 12.34)]
        {
            assert_eq!(fraction_to_percent(fraction), percent, "{fraction}");
        }
        assert_eq!(0.55 * 100.0, 55.00000000000001, "why the digits are moved, not multiplied");
    }
}
