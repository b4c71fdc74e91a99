//! Numbers as the library keeps them (`docs/format.md`): negative zero is zero. JavaScript
//! objects and `JSON.stringify` lose the sign of zero, so keeping it would make the faces disagree
//! on what a plan saves to. Every reader gives the model the same numbers: the located readers
//! read a negative zero as zero, and the model's number fields (below) and its extension data
//! (`flat.rs`) turn one that any other deserializer gives (`serde_json` keeps the sign) into zero.

use serde::{Deserialize, Deserializer};

/// `value`, with negative zero made zero.
pub(crate) fn number(value: f64) -> f64 {
    if value == 0.0 {
        0.0
    } else {
        value
    }
}

/// Whether `value` is a negative zero (which the readers and extension data keep as the integer 0).
pub(crate) fn is_negative_zero(value: f64) -> bool {
    value == 0.0 && value.is_sign_negative()
}

/// Reads a number field (`#[serde(deserialize_with = ...)]`).
pub(crate) fn plain<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    f64::deserialize(deserializer).map(number)
}

/// Reads an optional number field (`#[serde(default, deserialize_with = ...)]`).
pub(crate) fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(deserializer).map(|value| value.map(number))
}
