//! Measures: numeric targets with baselines and time-phased milestones.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{no_extensions, Date, Extensions};

/// A numeric target for an item, e.g. 1,000 charging points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Measure {
    /// What is counted, e.g. `charging points`.
    pub unit: String,
    /// The starting value; 0 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
    pub baseline: Option<f64>,
    /// The target value; below the baseline means lower is better.
    #[serde(deserialize_with = "super::number::plain")]
    #[schemars(with = "f64")]
    pub target: f64,
    /// How members' values combine; `sum` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregate: Option<Aggregate>,
    /// A target for each member (e.g. 20 charge points in each borough).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
    pub member_target: Option<f64>,
    /// Time-phased targets, dates ascending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

impl Measure {
    /// The baseline in force (0 when absent).
    pub fn baseline(&self) -> f64 {
        self.baseline.unwrap_or(0.0)
    }

    /// The aggregate in force (`sum` when absent).
    pub fn aggregate(&self) -> Aggregate {
        self.aggregate.unwrap_or(Aggregate::Sum)
    }
}

/// How members' values of a measure combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Aggregate {
    /// Add them up.
    Sum,
    /// Their mean.
    Mean,
    /// The smallest.
    Min,
    /// The largest.
    Max,
}

/// A time-phased target: the value the measure should reach by `date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Milestone {
    /// When.
    pub date: Date,
    /// The value due by then.
    #[serde(deserialize_with = "super::number::plain")]
    #[schemars(with = "f64")]
    pub target: f64,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

super::flat::flat_extensions!(Measure, Milestone);
