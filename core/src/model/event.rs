//! Governance events: the plan's path through its committees (docs/format.md#events).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{no_extensions, Date, Extensions};

/// Something a body did with the plan on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Event {
    /// When.
    pub date: Date,
    /// Who, e.g. `Leaders' Committee`.
    pub body: String,
    /// What.
    pub action: EventAction,
    /// A note, e.g. the decision in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For `reviewed`: the ids of the items (the cluster) reviewed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

/// What a body did with a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventAction {
    /// A draft was written.
    Drafted,
    /// The plan was discussed.
    Discussed,
    /// Comments were made.
    Commented,
    /// The plan was changed.
    Amended,
    /// The plan was approved.
    Approved,
    /// The plan was published.
    Published,
    /// The plan was archived.
    Archived,
    /// Progress on a cluster of items was reviewed.
    Reviewed,
}

super::flat::flat_extensions!(Event);
