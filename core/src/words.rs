//! `Display` and `FromStr` for the words of the format: a rollup `Status`, a return's
//! `UpdateStatus`, a document `Format` and every other enum of the model print and parse as
//! documents write them (`on_track`, `yaml`, `cancelled`), so that callers need not match on them
//! or go through serde.

use std::fmt;
use std::str::FromStr;

use crate::io::Format;
use crate::model::{
    Adoption, Aggregate, EventAction, ItemState, LinkRel, Missing, PlanStatus, StatusPolicy, UpdateStatus, Weighting,
};
use crate::rollup::Status;

/// A word that is not one of a type's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{word}` is not {what}: expected one of {expected}")]
pub struct UnknownWord {
    /// The word as given.
    pub word: String,
    /// What was expected ("a status").
    pub what: &'static str,
    /// The words that are, joined.
    pub expected: &'static str,
}

/// `as_str`, `Display` and `FromStr` for an enum of the model, from one list of its words (the
/// words serde reads and writes: a test checks that they agree).
macro_rules! words {
    ($($kind:ident, $what:literal, [$($variant:ident => $word:literal),+ $(,)?];)+) => {$(
        impl $kind {
            /// The word as documents write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($kind::$variant => $word,)+
                }
            }

            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$kind] = &[$($kind::$variant),+];
        }

        impl fmt::Display for $kind {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $kind {
            type Err = UnknownWord;

            fn from_str(word: &str) -> Result<$kind, UnknownWord> {
                $kind::ALL.iter().copied().find(|value| value.as_str() == word).ok_or_else(|| UnknownWord {
                    word: word.to_owned(),
                    what: $what,
                    expected: concat!($($word, ", "),+).trim_end_matches(", "),
                })
            }
        }
    )+};
}

words! {
    PlanStatus, "a plan status", [Draft => "draft", Consultation => "consultation", Approved => "approved",
        Archived => "archived"];
    ItemState, "an item state", [Active => "active", Deferred => "deferred", Cancelled => "cancelled"];
    Adoption, "an adoption rule", [Assumed => "assumed", Required => "required"];
    LinkRel, "a link relation", [Delivers => "delivers", Supports => "supports", Relates => "relates"];
    Aggregate, "an aggregate", [Sum => "sum", Mean => "mean", Min => "min", Max => "max"];
    Weighting, "a weighting", [Weight => "weight", Equal => "equal", Leaves => "leaves"];
    Missing, "a missing-returns rule", [Zero => "zero", Exclude => "exclude"];
    StatusPolicy, "a status policy", [Derived => "derived", Worst => "worst"];
    EventAction, "an event action", [Drafted => "drafted", Discussed => "discussed", Commented => "commented",
        Amended => "amended", Approved => "approved", Published => "published", Archived => "archived",
        Reviewed => "reviewed"];
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = UnknownWord;

    /// Reads `not_started`, `on_track`, `at_risk`, `off_track`, `done` or `unknown`.
    fn from_str(word: &str) -> Result<Status, UnknownWord> {
        [Status::NotStarted, Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Done, Status::Unknown]
            .into_iter()
            .find(|s| s.as_str() == word)
            .ok_or_else(|| UnknownWord {
                word: word.to_owned(),
                what: "a status",
                expected: "not_started, on_track, at_risk, off_track, done, unknown",
            })
    }
}

impl UpdateStatus {
    /// The status as written in returns: `on_track`.
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateStatus::NotStarted => "not_started",
            UpdateStatus::OnTrack => "on_track",
            UpdateStatus::AtRisk => "at_risk",
            UpdateStatus::OffTrack => "off_track",
            UpdateStatus::Done => "done",
        }
    }
}

impl fmt::Display for UpdateStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UpdateStatus {
    type Err = UnknownWord;

    /// Reads `not_started`, `on_track`, `at_risk`, `off_track` or `done`.
    fn from_str(word: &str) -> Result<UpdateStatus, UnknownWord> {
        [
            UpdateStatus::NotStarted,
            UpdateStatus::OnTrack,
            UpdateStatus::AtRisk,
            UpdateStatus::OffTrack,
            UpdateStatus::Done,
        ]
        .into_iter()
        .find(|s| s.as_str() == word)
        .ok_or_else(|| UnknownWord {
            word: word.to_owned(),
            what: "a return's status",
            expected: "not_started, on_track, at_risk, off_track, done",
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_print_and_parse_as_documents_write_them() {
        for status in
            [Status::NotStarted, Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Done, Status::Unknown]
        {
            assert_eq!(status.to_string().parse::<Status>(), Ok(status));
            assert_eq!(serde_json::to_value(status).ok(), Some(serde_json::json!(status.to_string())));
        }
        for status in [
            UpdateStatus::NotStarted,
            UpdateStatus::OnTrack,
            UpdateStatus::AtRisk,
            UpdateStatus::OffTrack,
            UpdateStatus::Done,
        ] {
            assert_eq!(status.to_string().parse::<UpdateStatus>(), Ok(status));
            assert_eq!(serde_json::to_value(status).ok(), Some(serde_json::json!(status.to_string())));
        }
        for format in [Format::Json, Format::Yaml, Format::Csv] {
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        }
        assert_eq!("YML".parse::<Format>(), Ok(Format::Yaml));
        let error = "green".parse::<Status>().expect_err("not a status");
        assert_eq!(
            error.to_string(),
            "`green` is not a status: expected one of not_started, on_track, at_risk, off_track, done, unknown"
        );
        assert!("unknown".parse::<UpdateStatus>().is_err(), "a return cannot report unknown");
    }

    /// Each word is the one serde writes, and parses back.
    fn agree<T>(all: &[T])
    where
        T: Copy + fmt::Display + FromStr<Err = UnknownWord> + serde::Serialize + PartialEq + fmt::Debug,
    {
        for value in all {
            assert_eq!(serde_json::to_value(value).ok(), Some(serde_json::json!(value.to_string())));
            assert_eq!(value.to_string().parse::<T>().as_ref(), Ok(value));
        }
    }

    #[test]
    fn the_model_enums_print_and_parse_their_serde_words() {
        agree(PlanStatus::ALL);
        agree(ItemState::ALL);
        agree(Adoption::ALL);
        agree(LinkRel::ALL);
        agree(Aggregate::ALL);
        agree(Weighting::ALL);
        agree(Missing::ALL);
        agree(StatusPolicy::ALL);
        agree(EventAction::ALL);
        let error = "paused".parse::<ItemState>().expect_err("not a state");
        assert_eq!(error.to_string(), "`paused` is not an item state: expected one of active, deferred, cancelled");
    }
}
