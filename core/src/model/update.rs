//! Progress returns ("updates") and adoption events.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{no_extensions, Date, Extensions, Timestamp};
use crate::io::{ReadNotes, Source};

/// A progress return for an item (and a member), or an adoption event when `adopted` is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Update {
    /// The id of the item reported on.
    pub item: String,
    /// The date the return is for.
    pub date: Date,
    /// The member reporting, for items delivered by members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The reported status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<UpdateStatus>,
    /// The reported percent complete, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// The measure's actual value to date (a level, not an increment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// A comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the return was entered; the start of `date` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Timestamp>,
    /// An adoption event: `true` when the member adopts the item, `false` when it withdraws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<bool>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

impl Update {
    /// When the return was entered, with the default (the start of `date`).
    pub fn recorded(&self) -> Timestamp {
        self.recorded.unwrap_or_else(|| Timestamp::start_of(self.date))
    }
}

/// The status a return reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UpdateStatus {
    /// Work has not begun.
    NotStarted,
    /// On course.
    OnTrack,
    /// Behind, recoverable.
    AtRisk,
    /// Badly behind.
    OffTrack,
    /// Complete.
    Done,
}

/// A list of progress returns and adoption events, in input order (which breaks ties).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Updates {
    /// The returns, in input order.
    pub updates: Vec<Update>,
    /// The text they were read from, for the positions of findings.
    #[serde(skip)]
    #[schemars(skip)]
    pub source: Source,
    /// What reading them noted: rows skipped or set aside, the declared percent scale.
    #[serde(skip)]
    #[schemars(skip)]
    pub read: ReadNotes,
}

impl Updates {
    /// Returns with the text they were read from.
    pub(crate) fn with_source(updates: Vec<Update>, source: Source) -> Self {
        Updates { updates, source, read: ReadNotes::default() }
    }
}

impl std::ops::Deref for Updates {
    type Target = Vec<Update>;
    fn deref(&self) -> &Vec<Update> {
        &self.updates
    }
}

impl From<Vec<Update>> for Updates {
    fn from(updates: Vec<Update>) -> Self {
        Updates { updates, source: Source::default(), read: ReadNotes::default() }
    }
}
