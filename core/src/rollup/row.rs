//! The result of a rollup (docs/rollup.md#the-result): one row per item with the same columns in every
//! language, the adoption matrix, and the denominator audit.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::model::{Date, ItemState};

/// A status in the result: the five reported statuses, and `unknown` when there is no data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
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
    /// No data.
    Unknown,
}

impl Status {
    /// The status as written in documents: `on_track`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::Done => "done",
            Status::Unknown => "unknown",
        }
    }

    /// How bad, for the `worst` parent policy: off_track > at_risk > on_track > not_started >
    /// done; unknown lowest.
    pub(crate) fn badness(self) -> u8 {
        match self {
            Status::OffTrack => 5,
            Status::AtRisk => 4,
            Status::OnTrack => 3,
            Status::NotStarted => 2,
            Status::Done => 1,
            Status::Unknown => 0,
        }
    }
}

impl From<crate::model::UpdateStatus> for Status {
    fn from(status: crate::model::UpdateStatus) -> Self {
        use crate::model::UpdateStatus as U;
        match status {
            U::NotStarted => Status::NotStarted,
            U::OnTrack => Status::OnTrack,
            U::AtRisk => Status::AtRisk,
            U::OffTrack => Status::OffTrack,
            U::Done => Status::Done,
        }
    }
}

/// Where a row's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusSource {
    /// The latest reported status of a leaf.
    Reported,
    /// Computed from progress and expected progress (or the parent policy).
    Derived,
}

/// Progress now against progress `trend_days` ago.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Up by more than half a point.
    Improving,
    /// Within half a point.
    Steady,
    /// Down by more than half a point.
    Worsening,
}

/// How many included leaves (below and including an item) have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct StatusCounts {
    /// Not started.
    pub not_started: usize,
    /// On track.
    pub on_track: usize,
    /// At risk.
    pub at_risk: usize,
    /// Off track.
    pub off_track: usize,
    /// Done.
    pub done: usize,
    /// No data.
    pub unknown: usize,
}

impl StatusCounts {
    pub(crate) fn add_status(&mut self, status: Status) {
        match status {
            Status::NotStarted => self.not_started += 1,
            Status::OnTrack => self.on_track += 1,
            Status::AtRisk => self.at_risk += 1,
            Status::OffTrack => self.off_track += 1,
            Status::Done => self.done += 1,
            Status::Unknown => self.unknown += 1,
        }
    }

    /// Adds another set of counts to this one.
    pub fn add_counts(&mut self, other: &StatusCounts) {
        self.add(other);
    }

    pub(crate) fn add(&mut self, other: &StatusCounts) {
        self.not_started += other.not_started;
        self.on_track += other.on_track;
        self.at_risk += other.at_risk;
        self.off_track += other.off_track;
        self.done += other.done;
        self.unknown += other.unknown;
    }
}

/// One item's numbers (docs/rollup.md#rows). Progress, expected, coverage are fractions 0..1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Row {
    /// The item's id.
    pub id: SmolStr,
    /// The parent's id (`None` at the top level).
    pub parent: Option<SmolStr>,
    /// 0 at the top level.
    pub depth: usize,
    /// The id of the level at that depth.
    pub level: Option<SmolStr>,
    /// The printed label.
    pub label: Option<SmolStr>,
    /// The title.
    pub title: SmolStr,
    /// Whether the item has no children.
    pub is_leaf: bool,
    /// The full number: the labels from the top down joined by dots (`7.2.a`), as in the
    /// outline; `None` when the item or an item above it has no label.
    pub number: Option<SmolStr>,
    /// The id of the item's top-level ancestor (its own id at depth 0).
    pub top: SmolStr,
    /// The item's own state.
    pub state: ItemState,
    /// Whether it counts in its parent's numbers (not deferred or cancelled, nor under such an item).
    pub included: bool,
    /// Progress, 0..1; `None` when there is no data.
    pub progress: Option<f64>,
    /// Expected progress at `as_of`, 0..1.
    pub expected: Option<f64>,
    /// progress - expected.
    pub variance: Option<f64>,
    /// The status shown: a leaf's reported status if it has one, else derived (for parents, per
    /// the `status` setting).
    pub status: Status,
    /// The latest reported status (leaves without members only).
    pub reported_status: Option<Status>,
    /// The status derived from progress and expected progress.
    pub derived_status: Status,
    /// Where `status` comes from.
    pub status_source: StatusSource,
    /// Progress now against `trend_days` ago.
    pub trend: Option<Trend>,
    /// The date of the latest update counted.
    pub last_update: Option<Date>,
    /// Whether the latest update is older than `stale_after_days`.
    pub stale: Option<bool>,
    /// The share of data behind the number (see docs/rollup.md, "Time and trust").
    pub coverage: Option<f64>,
    /// Whether `coverage` is below the `coverage_threshold` setting: too little data is in for the
    /// number to be read as a judgement (a display draws it as low confidence, not as failure).
    pub low_coverage: bool,
    /// Included leaves below and including the item.
    pub leaves: usize,
    /// Those of `leaves` that have data (progress): "5 of 7 items" is `leaves_with_data` of `leaves`.
    pub leaves_with_data: usize,
    /// Statuses of the included leaves below and including the item.
    pub status_counts: StatusCounts,
    /// A measured leaf's value to date (for a member item, the members' values combined).
    pub value: Option<f64>,
    /// The measure's target.
    pub target: Option<f64>,
    /// The measure's unit.
    pub unit: Option<SmolStr>,
    /// Member items: the members in scope (all, or those listed).
    pub members_in_scope: Option<usize>,
    /// Member items: those of them that count (adopted, when adoption is required).
    pub members_adopted: Option<usize>,
    /// Member items: those that count and have data.
    pub members_reported: Option<usize>,
}

impl Row {
    /// How much of the row's data is in, in words (docs/rollup.md, "Time and trust"): a member
    /// item `12 of 33 members` (members that reported of those that count), a parent `5 of 7 items`
    /// (its leaves with data of its leaves, with the share of data when members below make it
    /// differ: `5 of 7 items, 10% of the data`), a plain leaf `return in`, `status only` (a status
    /// was reported but no progress) or `no return`, an item left out `left out`.
    pub fn coverage_words(&self) -> String {
        self.coverage_words_with(crate::display::percent)
    }

    /// [`coverage_words`](Row::coverage_words) with the share of the data written by `percent`
    /// (a paper's locale).
    pub fn coverage_words_with(&self, percent: impl Fn(Option<f64>) -> String) -> String {
        if !self.included {
            return "left out".to_owned();
        }
        if let (Some(reported), Some(adopted)) = (self.members_reported, self.members_adopted) {
            return format!("{reported} of {adopted} members");
        }
        if self.is_leaf {
            return match (self.leaves_with_data > 0, self.reported_status.is_some()) {
                (true, _) => "return in",
                (false, true) => "status only",
                (false, false) => "no return",
            }
            .to_owned();
        }
        let items = format!("{} of {} items", self.leaves_with_data, self.leaves);
        match self.coverage {
            Some(c) if self.leaves > 0 && (c - self.leaves_with_data as f64 / self.leaves as f64).abs() > 0.0005 => {
                format!("{items}, {} of the data", percent(Some(c)))
            }
            _ => items,
        }
    }
}

/// The state of one cell of the adoption matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    /// The item is not delivered by this member (it lists other members).
    OutOfScope,
    /// Adoption is required and the member has not adopted the item.
    NotAdopted,
    /// The member counts but has no data.
    NoReport,
    /// The member counts and has data.
    Reported,
}

/// One member x member item cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Cell {
    /// The item's id.
    pub item: SmolStr,
    /// The member's id.
    pub member: SmolStr,
    /// The cell's state.
    pub state: CellState,
    /// The member's progress on the item, 0..1.
    pub progress: Option<f64>,
    /// The item's expected progress at `as_of` (the `expected` of its row).
    pub expected: Option<f64>,
    /// progress - expected.
    pub variance: Option<f64>,
    /// Whether the member's figure is a share of a summed total: the item has a measure that
    /// sums the members' values (`aggregate: sum`, the default) and no `member_target`, so the
    /// member's progress is its value scored against the whole item's target.
    pub share_of_sum: bool,
    /// The member's latest value.
    pub value: Option<f64>,
    /// The date of the member's latest update.
    pub date: Option<Date>,
    /// The member's latest reported status.
    pub status: Option<Status>,
}

/// Why an item is left out of a denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    /// The item (or the item named in `because_of`) is cancelled.
    Cancelled,
    /// The item (or the item named in `because_of`) is deferred.
    Deferred,
    /// It has no data and `missing` is `exclude`.
    NoData,
}

/// An entry of the denominator audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Excluded {
    /// The item left out.
    pub item: SmolStr,
    /// Why.
    pub reason: ExclusionReason,
    /// The item whose state leaves it out: itself or an ancestor (`None` for `no_data`).
    pub because_of: Option<SmolStr>,
}

/// The result of a rollup (docs/rollup.md#the-result).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Rollup {
    /// The plan's id.
    pub plan: String,
    /// The date the numbers are for.
    pub as_of: Date,
    /// One row per item, in document order.
    pub rows: Vec<Row>,
    /// Every member x every member item.
    pub adoption: Vec<Cell>,
    /// Every item left out of a denominator, and why.
    pub excluded: Vec<Excluded>,
}

impl Rollup {
    /// The row of the item with this id.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.id == id)
    }

    /// The JSON form (docs/rollup.md#the-json-form): dates as `YYYY-MM-DD`, absent values as `null`.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// The statuses of every included leaf of the plan: the `status_counts` of the included
    /// top-level items added up.
    pub fn status_totals(&self) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for row in self.rows.iter().filter(|r| r.depth == 0 && r.included) {
            counts.add(&row.status_counts);
        }
        counts
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = crate::words::UnknownWord;

    /// Reads `not_started`, `on_track`, `at_risk`, `off_track`, `done` or `unknown`.
    fn from_str(word: &str) -> Result<Status, crate::words::UnknownWord> {
        [Status::NotStarted, Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Done, Status::Unknown]
            .into_iter()
            .find(|s| s.as_str() == word)
            .ok_or_else(|| crate::words::UnknownWord {
                word: word.to_owned(),
                what: "a status",
                expected: "not_started, on_track, at_risk, off_track, done, unknown",
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::{rollup, Plan, RollupOptions, Updates};

    #[test]
    fn rows_carry_the_outline_number_the_top_and_whether_a_leaf_and_cells_their_expected() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2021-01-01, end: 2021-12-31}\n\
             members: [{id: m1, name: M1}, {id: m2, name: M2}]\n\
             items:\n- id: a\n  label: '7'\n  title: A\n  children:\n\
             \x20 - {id: a.1, label: '2', title: A1, children: [{id: a.1.x, label: a, title: X}]}\n\
             \x20 - {id: a.2, title: A2, children: [{id: a.2.y, label: b, title: Y}]}\n\
             - {id: shared, title: S, members: all, measure: {unit: points, target: 10}}\n\
             - {id: own, title: O, members: all, measure: {unit: points, target: 10, member_target: 5}}\n\
             - {id: mean, title: M, members: all, measure: {unit: points, target: 10, aggregate: mean}}\n\
             - {id: plain, title: N, members: all}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let updates = Updates::from_csv("item,date,member,value\nshared,2021-06-30,m1,4\nown,2021-06-30,m1,4\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let options = RollupOptions { as_of: "2021-07-01".parse().ok(), ..Default::default() };
        let rollup = rollup(&plan, &updates, &options);
        let rows: Vec<(&str, Option<&str>, &str, bool)> =
            rollup.rows.iter().map(|r| (r.id.as_str(), r.number.as_deref(), r.top.as_str(), r.is_leaf)).collect();
        assert_eq!(
            rows,
            [
                ("a", Some("7"), "a", false),
                ("a.1", Some("7.2"), "a", false),
                ("a.1.x", Some("7.2.a"), "a", true),
                ("a.2", None, "a", false),
                ("a.2.y", None, "a", true),
                ("shared", None, "shared", true),
                ("own", None, "own", true),
                ("mean", None, "mean", true),
                ("plain", None, "plain", true),
            ]
        );
        let numbers: Vec<Option<String>> = plan.outline_rows().into_iter().map(|r| r.number).collect();
        assert_eq!(rollup.rows.iter().map(|r| r.number.as_deref().map(str::to_owned)).collect::<Vec<_>>(), numbers);
        let expected = rollup.row("shared").and_then(|r| r.expected);
        assert!(expected.is_some_and(|e| e > 0.49 && e < 0.5), "{expected:?}");
        let shares: Vec<(&str, &str, bool)> =
            rollup.adoption.iter().map(|c| (c.item.as_str(), c.member.as_str(), c.share_of_sum)).collect();
        assert_eq!(
            shares.iter().filter(|s| s.2).map(|s| (s.0, s.1)).collect::<Vec<_>>(),
            [("shared", "m1"), ("shared", "m2")]
        );
        assert_eq!(shares.len(), 8, "two members x four member items");
        for cell in &rollup.adoption {
            assert_eq!(cell.expected, rollup.row(&cell.item).and_then(|r| r.expected), "{}", cell.item);
            assert_eq!(cell.variance, cell.progress.zip(cell.expected).map(|(p, e)| p - e));
        }
        let shared_m1 = &rollup.adoption[0];
        assert_eq!((shared_m1.progress, shared_m1.variance.is_some()), (Some(0.4), true));
        assert_eq!(rollup.adoption[2].progress, Some(0.8), "own: 4 of the member target 5");
        assert_eq!(rollup.adoption[1].variance, None, "no data, no variance");
    }
}
