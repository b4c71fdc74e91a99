//! The finding codes: [`DiagnosticCode`], one variant per code, each with its default
//! [`Severity`], its rule family and what it means, listed once in the table below
//! (`docs/diagnostics.md` is generated from it). Below the model and the readers, which note
//! findings too (`ReadNotes`).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::words::UnknownWord;

/// How serious a finding is: the three levels `docs/diagnostics.md` defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The plan is wrong: numbers computed from it cannot be trusted.
    Error,
    /// Probably a mistake; the numbers can still be computed.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The severity as a word: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The codes joined by `, `, for the error that names what is expected.
macro_rules! joined {
    ($first:literal $(, $rest:literal)*) => {
        concat!($first $(, ", ", $rest)*)
    };
}

/// Writes [`DiagnosticCode`] and everything that reads its table from one list of
/// `Variant = "code", Severity, "family", "summary";` rows.
macro_rules! diagnostic_codes {
    ($($variant:ident = $code:literal, $severity:ident, $family:literal, $summary:literal;)+) => {
        /// The stable code of a finding, e.g. `due_outside_period`: which rule found it.
        ///
        /// Codes are part of the API: they are added, never renamed. Each has a default
        /// [`severity`](DiagnosticCode::severity), a rule [`family`](DiagnosticCode::family) and a
        /// [`summary`](DiagnosticCode::summary), all listed in `docs/diagnostics.md` with an
        /// example. It prints, parses, serializes and appears in the JSON Schema as its snake_case
        /// [`as_str`](DiagnosticCode::as_str) word.
        ///
        /// ```
        /// use workplan::{DiagnosticCode, Severity};
        ///
        /// let code: DiagnosticCode = "due_outside_period".parse()?;
        /// assert_eq!(code, DiagnosticCode::DueOutsidePeriod);
        /// assert_eq!(code.severity(), Severity::Warning);
        /// assert_eq!((code.family(), code.to_string()), ("dates", "due_outside_period".to_owned()));
        /// assert!("due_outside_the_period".parse::<DiagnosticCode>().is_err());
        /// # Ok::<(), workplan::UnknownWord>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum DiagnosticCode {
            $(
                #[doc = $summary]
                ///
                #[doc = concat!(
                    "Code `", $code, "`, family ", $family, ", severity [`Severity::", stringify!($severity), "`]."
                )]
                $variant,
            )+
        }

        impl DiagnosticCode {
            /// Every code, by rule family in the order of `docs/diagnostics.md`.
            pub const ALL: &'static [DiagnosticCode] = &[$(DiagnosticCode::$variant),+];

            /// The code as written in reports and JSON: `due_outside_period`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(DiagnosticCode::$variant => $code,)+
                }
            }

            /// The severity findings with this code have. This is the only place a code's
            /// severity is set.
            pub const fn severity(self) -> Severity {
                match self {
                    $(DiagnosticCode::$variant => Severity::$severity,)+
                }
            }

            /// The rule family (a heading of `docs/diagnostics.md`): `structure`, `references`,
            /// `dates`, `numbers`, `consistency`, `numbering`, `coverage` (links across the plans
            /// of a workspace), `returns` (what reading a returns table did) or `governance`.
            pub const fn family(self) -> &'static str {
                match self {
                    $(DiagnosticCode::$variant => $family,)+
                }
            }

            /// What the code means, in a sentence.
            pub const fn summary(self) -> &'static str {
                match self {
                    $(DiagnosticCode::$variant => $summary,)+
                }
            }
        }

        impl FromStr for DiagnosticCode {
            type Err = UnknownWord;

            /// Reads a code as [`as_str`](DiagnosticCode::as_str) writes it (exactly: codes are
            /// lower case).
            fn from_str(word: &str) -> Result<DiagnosticCode, UnknownWord> {
                match word {
                    $($code => Ok(DiagnosticCode::$variant),)+
                    _ => Err(UnknownWord {
                        word: word.to_owned(),
                        what: "a diagnostic code",
                        expected: joined!($($code),+),
                    }),
                }
            }
        }
    };
}

diagnostic_codes! {
    BadSlug = "bad_slug", Error, "structure",
        "An id (of the plan, an item, a level, a theme or a member) is not a slug `[a-z0-9][a-z0-9._-]*`.";
    DuplicateId = "duplicate_id", Error, "structure",
        "Two items (or two levels, themes or members) share an id.";
    EmptyTitle = "empty_title", Error, "structure",
        "The plan, an item or a theme has an empty title.";
    DeeperThanLevels = "deeper_than_levels", Error, "structure",
        "An item sits deeper in the outline than the plan's declared levels.";
    ReservedMemberId = "reserved_member_id", Error, "structure",
        "A member has the id `all`, which means every member.";
    UnknownTheme = "unknown_theme", Error, "references",
        "An item is tagged with a theme the plan does not define.";
    UnknownMember = "unknown_member", Error, "references",
        "An item or a return names a member the plan does not have.";
    UnknownUpdateItem = "unknown_update_item", Error, "references",
        "A return is for an item that is not in the plan.";
    UnknownLinkTarget = "unknown_link_target", Error, "references",
        "A link points to an item that does not exist in a plan that is loaded.";
    UnresolvedLink = "unresolved_link", Info, "references",
        "A link points into a plan that is not loaded, so it is not checked.";
    UnknownEventItem = "unknown_event_item", Error, "references",
        "An event (a review) names an item that is not in the plan.";
    PeriodReversed = "period_reversed", Error, "dates",
        "The plan period ends before it starts.";
    StartAfterDue = "start_after_due", Error, "dates",
        "An item starts after it is due.";
    StartOutsidePeriod = "start_outside_period", Warning, "dates",
        "An item starts outside the plan period.";
    DueOutsidePeriod = "due_outside_period", Warning, "dates",
        "An item is due outside the plan period.";
    MilestonesNotAscending = "milestones_not_ascending", Error, "dates",
        "A measure's milestones are not in date order.";
    MilestoneOutsideDates = "milestone_outside_dates", Warning, "dates",
        "A milestone is dated outside its item's start and due dates.";
    UpdateAfterPeriod = "update_after_period", Warning, "dates",
        "A return is dated after the plan period ends.";
    UpdateBeforePeriod = "update_before_period", Warning, "dates",
        "A return is dated before the plan period begins.";
    NonFinite = "non_finite", Error, "numbers",
        "A number is not finite (NaN or infinity).";
    PercentOutOfRange = "percent_out_of_range", Error, "numbers",
        "A return's percent is outside 0 to 100.";
    PercentLooksFractional = "percent_looks_fractional", Warning, "numbers",
        "Every percent of a set of returns is between 0 and 1, as if fractions were typed for percents (0.55 for 55%).";
    NegativeWeight = "negative_weight", Error, "numbers",
        "An item's weight is below 0.";
    AllWeightsZero = "all_weights_zero", Warning, "numbers",
        "Every item in a group of siblings has weight 0, so their parent's progress cannot be computed.";
    TargetEqualsBaseline = "target_equals_baseline", Error, "numbers",
        "A measure's target equals its baseline, so progress cannot be measured.";
    MemberTargetWithoutMembers = "member_target_without_members", Warning, "numbers",
        "A measure has a per-member target but its item is not delivered by members.";
    UpdateForInactiveItem = "update_for_inactive_item", Warning, "consistency",
        "A return is for a cancelled or deferred item (or one under such an item).";
    UpdateForParent = "update_for_parent", Warning, "consistency",
        "A return reports progress on an item that has items under it; parents take their progress from their children.";
    DoneBelow100 = "done_below_100", Warning, "consistency",
        "A return says done but reports a percent below 100.";
    ValueWithoutMeasure = "value_without_measure", Warning, "consistency",
        "A return reports a value for an item without a measure.";
    MemberOnPlainItem = "member_on_plain_item", Error, "consistency",
        "A return names a member for an item that is not delivered by members.";
    MemberOutsideScope = "member_outside_scope", Error, "consistency",
        "A return is from a member outside the item's members.";
    MemberMissing = "member_missing", Warning, "consistency",
        "A return for an item delivered by members names no member.";
    SumWithMissingValues = "sum_with_missing_values", Info, "consistency",
        "A measure that adds up members' values has values from only some of its members.";
    LabelOutOfSequence = "label_out_of_sequence", Warning, "numbering",
        "The printed labels of siblings skip (a, b, d) or do not start at the first label.";
    LabelRepeated = "label_repeated", Warning, "numbering",
        "Two siblings in a row have the same label.";
    NotLinked = "not_linked", Info, "coverage",
        "In a workspace, an item of a plan that others link to is linked to by nothing (nor is any item above or below it).";
    DuplicatePlanId = "duplicate_plan_id", Error, "coverage",
        "Two plans loaded together in a workspace have the same id.";
    BlankRowsSkipped = "blank_rows_skipped", Info, "returns",
        "A returns table had blank rows, which were skipped.";
    SummaryRowSkipped = "summary_row_skipped", Warning, "returns",
        "A returns table had a total or summary row (no item, a word such as Total), which was skipped.";
    CellsTrimmed = "cells_trimmed", Info, "returns",
        "Cells of a returns table had spaces before or after their text, which were removed.";
    EventsOutOfOrder = "events_out_of_order", Warning, "governance",
        "The plan's events are not in date order.";
    ReviewWithoutItems = "review_without_items", Warning, "governance",
        "A `reviewed` event does not say which items were reviewed.";
    StatusMismatch = "status_mismatch", Warning, "governance",
        "The plan's status does not match its last approval or archiving event.";
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DiagnosticCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DiagnosticCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DiagnosticCode, D::Error> {
        struct CodeVisitor;
        impl Visitor<'_> for CodeVisitor {
            type Value = DiagnosticCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a diagnostic code such as `due_outside_period`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<DiagnosticCode, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(CodeVisitor)
    }
}

impl JsonSchema for DiagnosticCode {
    fn schema_name() -> Cow<'static, str> {
        "DiagnosticCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = DiagnosticCode::ALL.iter().map(|code| code.as_str()).collect();
        json_schema!({
            "type": "string",
            "enum": codes,
            "description": "The stable code of a finding (listed in docs/diagnostics.md)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::DiagnosticCode;

    #[test]
    fn every_code_prints_parses_and_serializes_as_its_word() {
        for &code in DiagnosticCode::ALL {
            let word = code.as_str();
            assert_eq!(code.to_string(), word);
            assert_eq!(word.parse::<DiagnosticCode>(), Ok(code), "{word}");
            assert_eq!(serde_json::to_value(code).ok(), Some(serde_json::json!(word)));
            assert_eq!(serde_json::from_value::<DiagnosticCode>(serde_json::json!(word)).ok(), Some(code));
            assert_eq!(serde_json::from_str::<DiagnosticCode>(&format!("\"{word}\"")).ok(), Some(code));
        }
    }

    #[test]
    fn codes_are_unique_snake_case_and_grouped_by_family() {
        let mut seen = std::collections::HashSet::new();
        let mut families: Vec<&str> = Vec::new();
        for &code in DiagnosticCode::ALL {
            let word = code.as_str();
            assert!(seen.insert(word), "{word} twice");
            assert!(word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'), "{word}");
            assert!(!code.summary().is_empty() && code.summary().ends_with('.'), "{word}: summary");
            if families.last() != Some(&code.family()) {
                assert!(!families.contains(&code.family()), "{word}: the family `{}` is split", code.family());
                families.push(code.family());
            }
        }
        assert_eq!(
            families,
            [
                "structure",
                "references",
                "dates",
                "numbers",
                "consistency",
                "numbering",
                "coverage",
                "returns",
                "governance"
            ]
        );
    }

    #[test]
    fn an_unknown_code_says_what_is_expected() {
        let error = "due_outside".parse::<DiagnosticCode>().expect_err("not a code");
        let message = error.to_string();
        assert!(message.starts_with("`due_outside` is not a diagnostic code: expected one of bad_slug, duplicate_id, "));
        assert!(message.ends_with(", status_mismatch"), "{message}");
        for &code in DiagnosticCode::ALL {
            assert!(message.contains(code.as_str()), "{code} is not named in {message}");
        }
        assert!("Due_Outside_Period".parse::<DiagnosticCode>().is_err(), "codes are exact");
        let json = serde_json::from_str::<DiagnosticCode>("\"nope\"").expect_err("not a code").to_string();
        assert!(json.contains("`nope` is not a diagnostic code"), "{json}");
        assert!(serde_json::from_str::<DiagnosticCode>("3").is_err());
    }

    #[test]
    fn the_schema_lists_every_code() {
        let schema = serde_json::to_value(schemars::schema_for!(DiagnosticCode)).expect("schema");
        let listed: Vec<&str> = schema["enum"].as_array().expect("enum").iter().filter_map(|v| v.as_str()).collect();
        let all: Vec<&str> = DiagnosticCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, all);
        assert_eq!(schema["type"], "string");
    }
}
