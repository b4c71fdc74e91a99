//! Load errors: a document that cannot be read as a plan, with the place of the problem.

use std::path::PathBuf;

use super::location::{Location, Pointer, Position};
use crate::text::shorten;

/// Why a document could not be loaded. Every variant but [`LoadError::Io`] carries the
/// [`Location`] of the problem: the JSON Pointer path and, for text input, the line and column.
///
/// Each variant has a stable [`code`](LoadError::code), part of the API.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {}: {reason}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// What the operating system said (in the message, so not also the error's `source()`:
        /// a report that prints the chain prints it once).
        reason: std::io::Error,
    },
    /// The text is not well-formed JSON, YAML or CSV.
    #[error("{message}")]
    Syntax {
        /// What is wrong, in words.
        message: String,
        /// Where.
        location: Location,
    },
    /// The bytes are not UTF-8 text.
    #[error("{message}")]
    Encoding {
        /// What is wrong, in words.
        message: String,
        /// Where.
        location: Location,
    },
    /// A key that the format does not know (and that does not start with `x-`).
    #[error("unknown field `{}` at {}{}", shorten(field), location.describe(), suggestion_text(suggestion))]
    UnknownField {
        /// The key as written.
        field: String,
        /// The nearest known key, if one is near enough.
        suggestion: Option<String>,
        /// The object holding the key; the position is the key's.
        location: Location,
    },
    /// A column of a returns table (a CSV header, a sheet's header row, a data frame's column)
    /// that the format and the mapping do not know. Its code is `unknown_field`.
    #[error("unknown column `{}` in the header{}{}", shorten(column), place(location), suggestion_text(suggestion))]
    UnknownColumn {
        /// The header as written.
        column: String,
        /// The nearest known column, if one is near enough.
        suggestion: Option<String>,
        /// The header's cell.
        location: Location,
    },
    /// Several problems in one returns table, each with its own place: every bad row is
    /// reported at once (up to [`MAX_REPORTED`](crate::io::MAX_REPORTED)). Its code, path and
    /// position are those of the first.
    #[error("{} problems in the returns; the first: {}", total, errors.first().map(ToString::to_string).unwrap_or_default())]
    Several {
        /// The problems, in the order of the table (at most `MAX_REPORTED`).
        errors: Vec<LoadError>,
        /// How many problems there are in all (more than `errors.len()` past the cap).
        total: usize,
    },
    /// A required key is absent.
    #[error("missing field `{field}` at {}", location.describe())]
    MissingField {
        /// The missing key.
        field: String,
        /// The object that lacks it.
        location: Location,
    },
    /// A value of the wrong kind, such as text where a number belongs.
    #[error("expected {expected}, found {found} at {}", location.describe())]
    WrongType {
        /// What the format wants there.
        expected: String,
        /// What the document has.
        found: String,
        /// Where.
        location: Location,
    },
    /// A value of the right kind that is not allowed, such as `2021-02-30` for a date.
    #[error("{message} at {}", location.describe())]
    InvalidValue {
        /// What is wrong, in words.
        message: String,
        /// Where.
        location: Location,
    },
    /// The same key twice in one object.
    #[error("duplicate key `{}` at {}", shorten(key), location.describe())]
    DuplicateKey {
        /// The repeated key.
        key: String,
        /// The object; the position is the second occurrence.
        location: Location,
    },
    /// Nesting deeper than the limit (items deeper than [`MAX_ITEM_DEPTH`](crate::MAX_ITEM_DEPTH),
    /// or the text itself deeper than [`MAX_NESTING`](crate::MAX_NESTING)).
    #[error("{what} nested deeper than {limit} levels at {}", location.describe())]
    TooDeep {
        /// What is nested: "items" or "the document".
        what: &'static str,
        /// The limit.
        limit: usize,
        /// The first place past the limit.
        location: Location,
    },
    /// The document is too large to load safely, e.g. a YAML alias that expands without bound.
    #[error("{message}")]
    TooLarge {
        /// What is wrong, in words.
        message: String,
        /// Where.
        location: Location,
    },
    /// The `workplan` format version is not one this library reads.
    #[error("unsupported format version {found} at {} (this library reads `workplan: 1`)", location.describe())]
    UnsupportedVersion {
        /// The version found.
        found: String,
        /// Where.
        location: Location,
    },
}

/// Where a header cell is, for the unknown-column message: the sheet and cell, or the line and
/// column of a CSV header, or nothing (a data frame's column names it well enough).
fn place(location: &Location) -> String {
    match (&location.sheet, location.position) {
        (Some(_), Some(_)) => format!(" ({})", location.describe()),
        (None, Some(position)) => format!(" (line {}, column {})", position.line, position.column),
        _ => String::new(),
    }
}

impl Clone for LoadError {
    /// A copy; an I/O error's source is copied as its kind and message.
    fn clone(&self) -> Self {
        match self {
            LoadError::Io { file, reason } => {
                LoadError::Io { file: file.clone(), reason: std::io::Error::new(reason.kind(), reason.to_string()) }
            }
            LoadError::Syntax { message, location } => {
                LoadError::Syntax { message: message.clone(), location: location.clone() }
            }
            LoadError::Encoding { message, location } => {
                LoadError::Encoding { message: message.clone(), location: location.clone() }
            }
            LoadError::UnknownField { field, suggestion, location } => LoadError::UnknownField {
                field: field.clone(),
                suggestion: suggestion.clone(),
                location: location.clone(),
            },
            LoadError::UnknownColumn { column, suggestion, location } => LoadError::UnknownColumn {
                column: column.clone(),
                suggestion: suggestion.clone(),
                location: location.clone(),
            },
            LoadError::Several { errors, total } => LoadError::Several { errors: errors.clone(), total: *total },
            LoadError::MissingField { field, location } => {
                LoadError::MissingField { field: field.clone(), location: location.clone() }
            }
            LoadError::WrongType { expected, found, location } => {
                LoadError::WrongType { expected: expected.clone(), found: found.clone(), location: location.clone() }
            }
            LoadError::InvalidValue { message, location } => {
                LoadError::InvalidValue { message: message.clone(), location: location.clone() }
            }
            LoadError::DuplicateKey { key, location } => {
                LoadError::DuplicateKey { key: key.clone(), location: location.clone() }
            }
            LoadError::TooDeep { what, limit, location } => {
                LoadError::TooDeep { what, limit: *limit, location: location.clone() }
            }
            LoadError::TooLarge { message, location } => {
                LoadError::TooLarge { message: message.clone(), location: location.clone() }
            }
            LoadError::UnsupportedVersion { found, location } => {
                LoadError::UnsupportedVersion { found: found.clone(), location: location.clone() }
            }
        }
    }
}

fn suggestion_text(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!(", did you mean `{s}`?"),
        None => String::new(),
    }
}

impl LoadError {
    /// The stable code of this error, e.g. `unknown_field`.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Io { .. } => "io_error",
            LoadError::Syntax { .. } => "syntax_error",
            LoadError::Encoding { .. } => "encoding_error",
            LoadError::UnknownField { .. } | LoadError::UnknownColumn { .. } => "unknown_field",
            LoadError::Several { errors, .. } => errors.first().map_or("invalid_value", LoadError::code),
            LoadError::MissingField { .. } => "missing_field",
            LoadError::WrongType { .. } => "wrong_type",
            LoadError::InvalidValue { .. } => "invalid_value",
            LoadError::DuplicateKey { .. } => "duplicate_key",
            LoadError::TooDeep { .. } => "too_deep",
            LoadError::TooLarge { .. } => "too_large",
            LoadError::UnsupportedVersion { .. } => "unsupported_version",
        }
    }

    /// Where the problem is; `None` only for I/O errors.
    pub fn location(&self) -> Option<&Location> {
        match self {
            LoadError::Io { .. } => None,
            LoadError::Several { errors, .. } => errors.first().and_then(LoadError::location),
            LoadError::Syntax { location, .. }
            | LoadError::Encoding { location, .. }
            | LoadError::UnknownField { location, .. }
            | LoadError::UnknownColumn { location, .. }
            | LoadError::MissingField { location, .. }
            | LoadError::WrongType { location, .. }
            | LoadError::InvalidValue { location, .. }
            | LoadError::DuplicateKey { location, .. }
            | LoadError::TooDeep { location, .. }
            | LoadError::TooLarge { location, .. }
            | LoadError::UnsupportedVersion { location, .. } => Some(location),
        }
    }

    pub(crate) fn location_mut(&mut self) -> Option<&mut Location> {
        match self {
            LoadError::Io { .. } => None,
            LoadError::Several { errors, .. } => errors.first_mut().and_then(LoadError::location_mut),
            LoadError::Syntax { location, .. }
            | LoadError::Encoding { location, .. }
            | LoadError::UnknownField { location, .. }
            | LoadError::UnknownColumn { location, .. }
            | LoadError::MissingField { location, .. }
            | LoadError::WrongType { location, .. }
            | LoadError::InvalidValue { location, .. }
            | LoadError::DuplicateKey { location, .. }
            | LoadError::TooDeep { location, .. }
            | LoadError::TooLarge { location, .. }
            | LoadError::UnsupportedVersion { location, .. } => Some(location),
        }
    }

    /// The JSON Pointer path of the problem (the root for I/O errors).
    pub fn path(&self) -> Pointer {
        self.location().map(|l| l.path.clone()).unwrap_or_default()
    }

    /// The line, from 1, when the document came from text.
    pub fn line(&self) -> Option<usize> {
        self.location().and_then(Location::line)
    }

    /// The column, from 1, when the document came from text.
    pub fn column(&self) -> Option<usize> {
        self.location().and_then(Location::column)
    }

    /// Every problem: the list of [`LoadError::Several`], else this error alone.
    pub fn errors(&self) -> &[LoadError] {
        match self {
            LoadError::Several { errors, .. } => errors,
            other => std::slice::from_ref(other),
        }
    }

    /// The sheet of a workbook the problem is on.
    pub fn sheet(&self) -> Option<&str> {
        self.location().and_then(|l| l.sheet.as_deref())
    }

    /// A short suggestion of how to fix the problem, where there is one.
    pub fn hint(&self) -> Option<String> {
        match self {
            LoadError::Several { errors, .. } => errors.first().and_then(LoadError::hint),
            LoadError::UnknownColumn { .. } => Some(
                "name it in the mapping's `columns` (such as `% complete: percent`) or its `ignore` list, or start it with `x-` to keep it as extension data"
                    .to_owned(),
            ),
            LoadError::UnknownField { suggestion: None, .. } => {
                Some("extension data must use keys that start with `x-`".to_owned())
            }
            LoadError::TooDeep { what: "items", .. } => {
                Some("flatten the outline: a plan needs only a few levels".to_owned())
            }
            _ => None,
        }
    }

    pub(crate) fn syntax(message: impl Into<String>, path: Pointer, position: Option<Position>) -> Self {
        LoadError::Syntax { message: message.into(), location: Location::new(path, position) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::nearest;

    #[test]
    fn nearest_finds_typos_and_ignores_strangers() {
        let fields = ["id", "title", "outcome", "children"];
        assert_eq!(nearest("tittle", fields).as_deref(), Some("title"));
        assert_eq!(nearest("childern", fields).as_deref(), Some("children"));
        assert_eq!(nearest("budget", fields), None);
    }

    #[test]
    fn a_very_long_word_is_not_compared_and_is_shown_cut_short() {
        let word = "k".repeat(5_000_000);
        let started = std::time::Instant::now();
        assert_eq!(nearest(&word, ["id", "title", "outcome", "children"]), None);
        // One pass over the word, not an edit distance (which would take minutes).
        assert!(started.elapsed().as_secs() < 5);
        let error =
            LoadError::UnknownField { field: word, suggestion: None, location: Location::new(Pointer::root(), None) };
        assert_eq!(error.to_string(), format!("unknown field `{}...` at the top level", "k".repeat(40)));
    }

    #[test]
    fn unknown_field_message_names_key_place_and_suggestion() {
        let error = LoadError::UnknownField {
            field: "tittle".into(),
            suggestion: Some("title".into()),
            location: Location::new(Pointer::parse("/items/2"), None),
        };
        assert_eq!(error.to_string(), "unknown field `tittle` at /items/2, did you mean `title`?");
        assert_eq!(error.code(), "unknown_field");
    }

    #[test]
    fn a_file_that_cannot_be_read_says_why_once() {
        let error = crate::Plan::load("/no/such/plan.yaml").expect_err("no such file");
        assert_eq!(error.code(), "io_error");
        let message = error.to_string();
        assert!(message.starts_with("cannot read /no/such/plan.yaml: "), "{message}");
        assert!(std::error::Error::source(&error).is_none(), "the reason is in the message, not repeated as a source");
    }
}
