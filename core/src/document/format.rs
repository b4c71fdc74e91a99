//! Document formats: JSON, YAML and CSV, as a file name or a text's first character says.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::words::UnknownWord;

/// A text format for documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON.
    Json,
    /// YAML (one document, YAML 1.2 core schema).
    Yaml,
    /// CSV with a header row (progress returns only).
    Csv,
}

impl Format {
    /// The format a file name implies: `.json`, `.yaml`/`.yml`, `.csv`; `None` otherwise.
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_name(path.extension()?.to_str()?)
    }

    /// The format with this name: `json`, `yaml` (or `yml`), `csv`, any case.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The format of a text whose file name says nothing: JSON if it starts with `{` or `[`,
    /// else YAML.
    pub fn sniff(text: &str) -> Format {
        match without_bom(text).trim_start().as_bytes().first() {
            Some(b'{' | b'[') => Format::Json,
            _ => Format::Yaml,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Csv => "csv",
        })
    }
}

impl FromStr for Format {
    type Err = UnknownWord;

    /// Reads `json`, `yaml` (or `yml`) or `csv`, in any case.
    fn from_str(word: &str) -> Result<Format, UnknownWord> {
        Format::from_name(word).ok_or_else(|| UnknownWord {
            word: word.to_owned(),
            what: "a format",
            expected: "json, yaml, csv",
        })
    }
}

/// Drops a leading UTF-8 byte-order mark.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
