//! The settings in force for a rollup (docs/rollup.md#settings): the plan's settings with the call's
//! overrides on top, and the defaults for whatever neither sets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Missing, Settings, StatusPolicy, Weighting};

/// Every rollup setting, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct EffectiveSettings {
    /// How children are weighted.
    pub weighting: Weighting,
    /// How a child without data counts.
    pub missing: Missing,
    /// How a parent's status is found.
    pub status: StatusPolicy,
    /// Behind expected by more than this (a fraction): at risk.
    pub at_risk: f64,
    /// Behind expected by more than this: off track.
    pub off_track: f64,
    /// Days after which the latest update is stale.
    pub stale_after_days: u32,
    /// Days back for the trend.
    pub trend_days: u32,
    /// A row whose coverage is below this fraction is low coverage (`Row::low_coverage`).
    pub coverage_threshold: f64,
}

impl EffectiveSettings {
    /// The plan's settings, then `overrides`, then the defaults.
    pub fn resolve(plan: Option<&Settings>, overrides: Option<&Settings>) -> Self {
        let pick = |f: &dyn Fn(&Settings) -> Option<f64>| overrides.and_then(f).or_else(|| plan.and_then(f));
        EffectiveSettings {
            weighting: overrides
                .and_then(|s| s.weighting)
                .or(plan.and_then(|s| s.weighting))
                .unwrap_or(Weighting::Weight),
            missing: overrides.and_then(|s| s.missing).or(plan.and_then(|s| s.missing)).unwrap_or(Missing::Zero),
            status: overrides.and_then(|s| s.status).or(plan.and_then(|s| s.status)).unwrap_or(StatusPolicy::Derived),
            at_risk: pick(&|s| s.bands.as_ref().and_then(|b| b.at_risk)).unwrap_or(0.10),
            off_track: pick(&|s| s.bands.as_ref().and_then(|b| b.off_track)).unwrap_or(0.25),
            stale_after_days: overrides
                .and_then(|s| s.stale_after_days)
                .or(plan.and_then(|s| s.stale_after_days))
                .unwrap_or(92),
            trend_days: overrides.and_then(|s| s.trend_days).or(plan.and_then(|s| s.trend_days)).unwrap_or(91),
            coverage_threshold: pick(&|s| s.coverage_threshold).unwrap_or(0.5),
        }
    }
}
