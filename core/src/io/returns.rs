//! Reading returns from a table (`docs/returns.md`): the options a reader takes, and what it
//! notes beside the returns it reads (rows skipped, rows set aside, the declared percent scale).

use serde::Serialize;

use super::error::LoadError;
use super::location::Location;
use super::mapping::{Mapping, PercentScale};

/// At most this many problems of one returns table are reported one by one; the rest are
/// counted ([`LoadError::Several::total`](LoadError::Several)).
pub const MAX_REPORTED: usize = 100;

/// What to do with rows that cannot be read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OnError {
    /// Fail with every problem (a [`LoadError::Several`] when there is more than one).
    #[default]
    Raise,
    /// Keep the rows that can be read, and set the others aside in
    /// [`ReadNotes::set_aside`] with their problems: nothing is dropped silently.
    Collect,
}

/// How to read a returns table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOptions {
    /// Columns, status words, percent scale and sheets.
    pub mapping: Mapping,
    /// Fail on a bad row, or set it aside.
    pub on_error: OnError,
}

impl ReadOptions {
    /// Options with this mapping, failing on bad rows.
    pub fn with_mapping(mapping: Mapping) -> Self {
        ReadOptions { mapping, on_error: OnError::Raise }
    }
}

/// A row that could not be read, set aside with its problems ([`OnError::Collect`]).
#[derive(Debug, Clone, Serialize)]
pub struct SetAside {
    /// Where the row is (its first cell).
    pub location: Location,
    /// The row's cells as text, by header, as written.
    pub cells: Vec<(String, String)>,
    /// Why it could not be read.
    #[serde(serialize_with = "messages")]
    pub errors: Vec<LoadError>,
}

fn messages<S: serde::Serializer>(errors: &[LoadError], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(errors.iter().map(ToString::to_string))
}

/// Something a reader noticed and acted on, reported as a finding when the returns are
/// validated (its code is in `docs/diagnostics.md`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadNote {
    /// The finding's code: `blank_rows_skipped`, `summary_row_skipped`, `cells_trimmed`.
    pub code: crate::DiagnosticCode,
    /// What was done, in words.
    pub message: String,
    /// Where (the first place, for a count).
    pub location: Location,
    /// What to do about it.
    pub hint: Option<String>,
}

/// What reading a returns table noted beside the returns.
///
/// It never makes two sets of returns different: `==` on [`Updates`](crate::Updates) ignores it.
#[derive(Debug, Clone, Default)]
pub struct ReadNotes {
    /// The percent scale the mapping declared (`Auto` when none was).
    pub percent_scale: PercentScale,
    /// Rows skipped and cells trimmed.
    pub notes: Vec<ReadNote>,
    /// Rows set aside ([`OnError::Collect`]).
    pub set_aside: Vec<SetAside>,
}

impl PartialEq for ReadNotes {
    /// How returns were read does not make them different returns.
    fn eq(&self, _: &ReadNotes) -> bool {
        true
    }
}
