//! The words of the model's enums (`docs/format.md`): `as_str`, `ALL`, `Display` and `FromStr`,
//! from one list per enum (the words serde reads and writes: a test checks that they agree).

use std::fmt;
use std::str::FromStr;

use super::{
    Adoption, Aggregate, EventAction, ItemState, LinkRel, Missing, PlanStatus, StatusPolicy, UpdateStatus, Weighting,
};
use crate::words::{words, UnknownWord};

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

#[cfg(test)]
mod tests {
    use std::fmt;
    use std::str::FromStr;

    use crate::io::Format;
    use crate::model::{
        Adoption, Aggregate, EventAction, ItemState, LinkRel, Missing, PlanStatus, StatusPolicy, UpdateStatus,
        Weighting,
    };
    use crate::rollup::Status;
    use crate::words::UnknownWord;

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
