//! Progress returns ("updates") and adoption events.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::{no_extensions, Date, Extensions, Timestamp};
use crate::document::{ReadNotes, Source};

/// A progress return for an item (and a member), or an adoption event when `adopted` is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Update {
    /// The id of the item reported on.
    pub item: SmolStr,
    /// The date the return is for.
    pub date: Date,
    /// The member reporting, for items delivered by members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<SmolStr>,
    /// The reported status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<UpdateStatus>,
    /// The reported percent complete, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
    pub percent: Option<f64>,
    /// The measure's actual value to date (a level, not an increment).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
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
    pub(crate) source: Source,
    /// What reading them noted: rows skipped or set aside, the declared percent scale.
    #[serde(skip)]
    #[schemars(skip)]
    pub read: ReadNotes,
}

impl Updates {
    /// Returns with the text they were read from.
    pub(crate) fn with_source(updates: Vec<Update>, source: Source) -> Self {
        let source = source.with_shape(super::shape::updates_shape(&updates));
        Updates { updates, source, read: ReadNotes::default() }
    }

    /// The text the returns were read from, while they are as read (else no text: a finding
    /// about returns changed in code has a path but no line or column).
    pub(crate) fn located_source(&self) -> &Source {
        self.source.if_shape(|| super::shape::updates_shape(&self.updates))
    }

    /// Lets go of the text (or the map of cells) the returns were read from, which they keep so
    /// that findings can give a line and column or a sheet and cell. Later findings have their
    /// path only (see [`Plan::forget_text`](super::Plan::forget_text)).
    pub fn forget_text(&mut self) {
        self.source = Source::default();
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

impl Updates {
    /// No returns.
    pub fn new() -> Updates {
        Updates::default()
    }

    /// Adds a return at the end (input order breaks ties between returns of the same date).
    ///
    /// ```
    /// # use workplan::{Date, Update, Updates};
    /// let date: Date = "2020-06-30".parse().expect("a date");
    /// let mut updates = Updates::new();
    /// updates.push(Update::percent("finance.1", date, 40.0));
    /// updates.extend([Update::percent("finance.2", date, 60.0)]);
    /// let collected: Updates = updates.iter().cloned().collect();
    /// assert_eq!(collected.len(), 2);
    /// assert_eq!((&collected).into_iter().map(|u| u.item.as_str()).collect::<Vec<_>>(), ["finance.1", "finance.2"]);
    /// ```
    pub fn push(&mut self, update: Update) {
        self.updates.push(update);
    }
}

impl Extend<Update> for Updates {
    fn extend<I: IntoIterator<Item = Update>>(&mut self, updates: I) {
        self.updates.extend(updates);
    }
}

impl FromIterator<Update> for Updates {
    fn from_iter<I: IntoIterator<Item = Update>>(updates: I) -> Updates {
        Updates::from(updates.into_iter().collect::<Vec<_>>())
    }
}

impl IntoIterator for Updates {
    type Item = Update;
    type IntoIter = std::vec::IntoIter<Update>;
    fn into_iter(self) -> Self::IntoIter {
        self.updates.into_iter()
    }
}

impl<'a> IntoIterator for &'a Updates {
    type Item = &'a Update;
    type IntoIter = std::slice::Iter<'a, Update>;
    fn into_iter(self) -> Self::IntoIter {
        self.updates.iter()
    }
}

super::flat::flat_extensions!(Update);
