//! Rollup settings (docs/rollup.md#settings): set in the plan, overridable per call.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{no_extensions, Extensions};

/// How progress rolls up. Every field is optional; absent fields take the defaults of docs/rollup.md#settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Settings {
    /// How children are weighted in a parent's mean; `weight` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weighting: Option<Weighting>,
    /// How a child without data counts; `zero` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Missing>,
    /// How a parent's status is found; `derived` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusPolicy>,
    /// Variance bands for `at_risk` and `off_track`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<Bands>,
    /// Days after which the latest update is stale; 92 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_after_days: Option<u32>,
    /// Days back to compare progress with for the trend; 91 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend_days: Option<u32>,
    /// A row whose coverage (the share of its data that is in) is below this fraction is drawn as
    /// low confidence rather than as a judgement; 0.5 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
    pub coverage_threshold: Option<f64>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

/// Variance bands, as fractions: how far behind expected an item may be before it is at risk or
/// off track.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Bands {
    /// Behind by more than this: at risk; 0.10 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
    pub at_risk: Option<f64>,
    /// Behind by more than this: off track; 0.25 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
    pub off_track: Option<f64>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

/// How children are weighted in a parent's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weighting {
    /// Each child's `weight` (default 1).
    Weight,
    /// 1 each.
    Equal,
    /// The number of included leaves under each child.
    Leaves,
}

/// How a child without data counts in its parent's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Missing {
    /// As 0 progress.
    Zero,
    /// Left out.
    Exclude,
}

/// How a parent's status is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatusPolicy {
    /// From its own progress and expected progress.
    Derived,
    /// The worst status of its included children.
    Worst,
}

super::flat::flat_extensions!(Settings, Bands);
