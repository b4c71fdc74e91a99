//! What a reader noted beside the returns it read from a table: rows skipped or set aside, cells
//! trimmed, the declared percent scale (`docs/returns.md`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{LoadError, Location};

/// How percents are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PercentScale {
    /// 0 to 100; returns that look like fractions give the warning `percent_looks_fractional`.
    #[default]
    Auto,
    /// 0 to 100, as declared: no warning.
    Percent,
    /// 0 to 1 (`0.55` for 55%, as a cell formatted as a percentage holds it): multiplied by 100
    /// when read, digit for digit (`0.55` becomes exactly `55`).
    Fraction,
}

/// A row that could not be read, set aside with its problems ([`OnError::Collect`](crate::io::OnError::Collect)).
#[derive(Debug, Clone, Serialize)]
pub struct SetAside {
    /// Where the row is (its first cell).
    pub location: Location,
    /// The row's cells as text, by header, as written.
    pub cells: Vec<(String, String)>,
    /// Why it could not be read.
    #[serde(serialize_with = "messages")]
    pub errors: Vec<LoadError>,
}

fn messages<S: serde::Serializer>(errors: &[LoadError], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(errors.iter().map(ToString::to_string))
}

/// Something a reader noticed and acted on, reported as a finding when the returns are
/// validated (its code is in `docs/diagnostics.md`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadNote {
    /// The finding's code: `blank_rows_skipped`, `summary_row_skipped`, `cells_trimmed`.
    pub code: crate::DiagnosticCode,
    /// What was done, in words.
    pub message: String,
    /// Where (the first place, for a count).
    pub location: Location,
    /// What to do about it.
    pub hint: Option<String>,
}

/// What reading a returns table noted beside the returns.
///
/// It never makes two sets of returns different: `==` on [`Updates`](crate::Updates) ignores it.
#[derive(Debug, Clone, Default)]
pub struct ReadNotes {
    /// The percent scale the mapping declared (`Auto` when none was).
    pub percent_scale: PercentScale,
    /// Rows skipped and cells trimmed.
    pub notes: Vec<ReadNote>,
    /// Rows set aside ([`OnError::Collect`](crate::io::OnError::Collect)).
    pub set_aside: Vec<SetAside>,
}

impl PartialEq for ReadNotes {
    /// How returns were read does not make them different returns.
    fn eq(&self, _: &ReadNotes) -> bool {
        true
    }
}
