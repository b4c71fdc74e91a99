//! Reading returns from a table (`docs/returns.md`): the options a reader takes, and what it
//! notes beside the returns it reads (rows skipped, rows set aside, the declared percent scale).

use serde::Serialize;

use super::mapping::Mapping;

/// At most this many problems of one returns table are reported one by one; the rest are
/// counted ([`LoadError::Several::total`](crate::LoadError::Several)).
pub const MAX_REPORTED: usize = 100;

/// What to do with rows that cannot be read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OnError {
    /// Fail with every problem (a [`LoadError::Several`](crate::LoadError::Several) when there is more than one).
    #[default]
    Raise,
    /// Keep the rows that can be read, and set the others aside in
    /// [`ReadNotes::set_aside`](crate::io::ReadNotes::set_aside) with their problems: nothing is dropped silently.
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
