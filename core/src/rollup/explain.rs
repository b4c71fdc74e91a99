//! Explain (docs/rollup.md#explain): how one number was found, as data and as text: the returns used, the
//! formula and its inputs, every child of a parent with its weight and why any is left out, the
//! expected progress, the status band, and the settings in force.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::compute::{leaf_source, term, LeafSource, LeftOut, State};
use super::engine::RollupEngine;
use super::latest::{Field, Key};
use super::plain::MemberSummary;
use super::row::{CellState, Status};
use super::settings::EffectiveSettings;
use crate::display::percent;
use crate::model::{Date, ItemState, Missing, Weighting};
use crate::outline_table::ItemKind;

/// The field of a return that a number was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReturnField {
    /// The reported status.
    Status,
    /// The percent complete.
    Percent,
    /// The measured value.
    Value,
}

impl ReturnField {
    /// The field as written in returns: `status`, `percent` or `value`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReturnField::Status => "status",
            ReturnField::Percent => "percent",
            ReturnField::Value => "value",
        }
    }
}

impl std::fmt::Display for ReturnField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which rule gave an item's progress (docs/rollup.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgressRule {
    /// A leaf whose latest status is done: 100%.
    Done,
    /// A leaf with a measure: its latest value against the baseline and target.
    Measure,
    /// A leaf's latest percent reported.
    Percent,
    /// A leaf whose latest status is not started: 0%.
    NotStarted,
    /// No return gives progress.
    NoData,
    /// A member item: the mean of the progress of the members that count.
    MembersMean,
    /// A member item with a measure: the members' values combined, against the target.
    MembersMeasure,
    /// A parent: the weighted mean of its children.
    WeightedMean,
    /// The item (or an item above it) is deferred or cancelled and left out.
    Excluded,
}

impl ProgressRule {
    /// The rule's name: `weighted_mean`, `measure`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            ProgressRule::Done => "done",
            ProgressRule::Measure => "measure",
            ProgressRule::Percent => "percent",
            ProgressRule::NotStarted => "not_started",
            ProgressRule::NoData => "no_data",
            ProgressRule::MembersMean => "members_mean",
            ProgressRule::MembersMeasure => "members_measure",
            ProgressRule::WeightedMean => "weighted_mean",
            ProgressRule::Excluded => "excluded",
        }
    }
}

impl std::fmt::Display for ProgressRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A return that a number was taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UsedUpdate {
    /// The field taken: `status`, `percent` or `value`.
    pub field: ReturnField,
    /// Its value, as text.
    pub value: String,
    /// The return's date.
    pub date: Date,
    /// The member who reported, for member items.
    pub member: Option<String>,
    /// When it was entered.
    pub recorded: String,
    /// Its position in the input (0-based), which breaks ties.
    pub position: usize,
}

/// One child's part in a parent's number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChildTerm {
    /// The child's id.
    pub item: String,
    /// Its progress.
    pub progress: Option<f64>,
    /// Its expected progress.
    pub expected: Option<f64>,
    /// Its weight under the settings in force.
    pub weight: f64,
    /// Whether it counts in the parent's progress.
    pub counted: bool,
    /// Why not, when it does not.
    pub reason: Option<String>,
}

/// How one item's numbers were found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Explanation {
    /// The item's id.
    pub item: String,
    /// The date of the numbers.
    pub as_of: Date,
    /// `leaf`, `member_item` or `parent`.
    pub kind: ItemKind,
    /// Whether the item counts in its parent.
    pub included: bool,
    /// Its progress.
    pub progress: Option<f64>,
    /// Its expected progress.
    pub expected: Option<f64>,
    /// progress - expected.
    pub variance: Option<f64>,
    /// The status shown.
    pub status: Status,
    /// Which rule gave the progress: `done`, `measure`, `percent`, `not_started`, `no_data`,
    /// `members_mean`, `members_measure`, `weighted_mean`, `excluded`.
    pub rule: ProgressRule,
    /// The arithmetic, in words and numbers.
    pub formula: String,
    /// The returns used (leaves and member items).
    pub updates: Vec<UsedUpdate>,
    /// The children and their weights (parents).
    pub children: Vec<ChildTerm>,
    /// How expected progress was found.
    pub expected_basis: String,
    /// How the status was found.
    pub status_basis: String,
    /// The settings in force.
    pub settings: EffectiveSettings,
    /// The plain-language lead: what the number is, how much data stands behind it and what it
    /// is compared with (dates in words).
    pub summary: String,
    /// For a member item: how many members count and reported, the spread, who is furthest behind.
    pub members: Option<MemberSummary>,
    /// The summary, then the arithmetic as one paragraph (on the next line).
    pub text: String,
}

fn points(value: f64) -> String {
    let p = value * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{:+}", p.round() as i64)
    } else {
        format!("{p:+.1}")
    }
}

/// An item id the plan does not have, asked to [`RollupEngine::explain`]. As an
/// [`ApiError`](crate::ApiError) it is [`ApiError::UnknownItem`](crate::ApiError::UnknownItem).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no item `{item}` in the plan")]
pub struct UnknownItem {
    /// The id as given.
    pub item: String,
}

impl UnknownItem {
    /// The API error code: `unknown_item` (docs/api.md, "Errors").
    pub fn code(&self) -> &'static str {
        "unknown_item"
    }
}

impl RollupEngine {
    /// How the numbers of the item `id` were found; [`UnknownItem`] if the plan has no such item
    /// (as an [`ApiError`](crate::ApiError), code `unknown_item`).
    ///
    /// ```
    /// use workplan::{Date, RollupEngine, RollupOptions, Update, Updates};
    /// # let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
    /// let date: Date = "2020-09-30".parse()?;
    /// let updates: Updates = [Update::percent("a.1", date, 50.0)].into_iter().collect();
    /// let engine = RollupEngine::new(&plan, &updates, &RollupOptions { as_of: Some(date), ..Default::default() });
    /// let explanation = engine.explain("a")?;
    /// assert_eq!(explanation.progress, Some(0.25));
    /// assert!(explanation.text.contains("a.2 has no data and counts as 0"), "{}", explanation.text);
    /// assert_eq!(engine.explain("nope").expect_err("no such item").code(), "unknown_item");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(&self, id: &str) -> Result<Explanation, UnknownItem> {
        let Some(n) = self.tree.node_of(id) else {
            return Err(UnknownItem { item: id.to_owned() });
        };
        let node = &self.tree.nodes[n];
        let state = &self.now;
        let result = &state.results[n];
        let row = &self.rows[n];
        let settings = &self.settings;
        let name = self.tree.name(n);
        let mut updates = Vec::new();
        let mut children = Vec::new();
        let (kind, rule, formula);
        if let Some((by, st)) = node.excluded_by {
            let why = if st == ItemState::Cancelled { "cancelled" } else { "deferred" };
            kind = if node.is_leaf() { ItemKind::Leaf } else { ItemKind::Parent };
            rule = ProgressRule::Excluded;
            formula = if by == n {
                format!("{name} is {why}, so it is left out of every parent's numbers")
            } else {
                format!(
                    "{name} is under {}, which is {why}, so it is left out of every parent's numbers",
                    self.tree.name(by)
                )
            };
        } else if !node.is_leaf() {
            kind = ItemKind::Parent;
            rule = ProgressRule::WeightedMean;
            let mut terms = Vec::new();
            let mut total = 0.0;
            let mut notes = Vec::new();
            // The terms the parent's numbers were computed from (`compute::term`).
            for &c in &node.children {
                let child = &self.tree.nodes[c];
                let child_result = &state.results[c];
                let term = term(&self.tree, state, c, settings);
                let reason = match term.counted {
                    Ok(p) => {
                        if child_result.progress.is_none() {
                            notes.push(format!("{} has no data and counts as 0", self.tree.name(c)));
                        }
                        terms.push(format!("{} x {}", trim_weight(term.weight), percent(Some(p))));
                        total += term.weight;
                        None
                    }
                    Err(LeftOut::State(st)) => {
                        let why = if st == ItemState::Cancelled { "cancelled" } else { "deferred" };
                        notes.push(format!("{} is {why} and left out", self.tree.name(c)));
                        Some(why.to_owned())
                    }
                    Err(LeftOut::NoData) => {
                        notes.push(format!("{} has no data and is left out", self.tree.name(c)));
                        Some("no data (missing: exclude)".to_owned())
                    }
                };
                children.push(ChildTerm {
                    item: child.id.to_string(),
                    progress: child_result.progress,
                    expected: child_result.expected,
                    weight: term.weight,
                    counted: reason.is_none(),
                    reason,
                });
            }
            let weighting = match settings.weighting {
                Weighting::Weight => "weights",
                Weighting::Equal => "equal weights",
                Weighting::Leaves => "weights = leaves under each child",
            };
            formula = match result.progress {
                Some(p) => {
                    let mut f = format!(
                        "{} = ({}) / {} ({weighting})",
                        percent(Some(p)),
                        terms.join(" + "),
                        trim_weight(total)
                    );
                    for note in notes {
                        f.push_str("; ");
                        f.push_str(&note);
                    }
                    f
                }
                None => "no data: none of the items under it has progress".to_owned(),
            };
        } else if node.scope.is_some() {
            kind = ItemKind::MemberItem;
            let counted = result.members_adopted.unwrap_or(0);
            let reported = result.members_reported.unwrap_or(0);
            for (m, cell) in result.cells.iter().enumerate() {
                if cell.state == CellState::Reported {
                    if let Some(latest) = state.latest(&self.tree, n, Some(m)) {
                        self.used(&mut updates, latest, Some(self.tree.members[m].as_str()));
                    }
                }
            }
            match (node.measure.as_deref(), result.value) {
                (Some(measure), Some(value)) => {
                    rule = ProgressRule::MembersMeasure;
                    formula = format!(
                        "{} = (the {:?} of {reported} members' values, {}, - baseline {}) / (target {} - baseline {})",
                        percent(result.progress),
                        measure.aggregate(),
                        trim_weight(value),
                        trim_weight(measure.baseline()),
                        trim_weight(measure.target),
                        trim_weight(measure.baseline())
                    )
                    .to_lowercase();
                }
                _ => {
                    rule = if result.progress.is_some() { ProgressRule::MembersMean } else { ProgressRule::NoData };
                    formula = match result.progress {
                        Some(p) => format!(
                            "{} = mean of the progress of {counted} members that count ({reported} reported{})",
                            percent(Some(p)),
                            if settings.missing == Missing::Zero {
                                ", the rest count as 0"
                            } else {
                                ", the rest are left out"
                            }
                        ),
                        None => format!("no data: none of the {counted} members that count has reported"),
                    };
                }
            }
        } else {
            kind = ItemKind::Leaf;
            let latest = state.latest(&self.tree, n, None);
            if let Some(latest) = latest {
                self.used(&mut updates, latest, None);
            }
            // The rule the leaf's progress was computed by (`compute::leaf_source`).
            (rule, formula) = match leaf_source(latest, node.measure.as_deref()) {
                LeafSource::Done => (ProgressRule::Done, "100%: the latest status is done".to_owned()),
                LeafSource::Measure(value, measure) => (
                    ProgressRule::Measure,
                    format!(
                        "{} = ({} - baseline {}) / (target {} - baseline {}) {}",
                        percent(result.progress),
                        trim_weight(value),
                        trim_weight(measure.baseline()),
                        trim_weight(measure.target),
                        trim_weight(measure.baseline()),
                        measure.unit
                    ),
                ),
                LeafSource::Percent(p) => {
                    (ProgressRule::Percent, format!("{}: the latest percent reported", percent(Some(p / 100.0))))
                }
                LeafSource::NotStarted => (ProgressRule::NotStarted, "0%: the latest status is not started".to_owned()),
                LeafSource::NoData => (ProgressRule::NoData, "no data: no return gives progress".to_owned()),
            };
        }
        let expected_basis = self.expected_basis(n, state);
        let status_basis = self.status_basis(n, state, settings);
        let members = self.member_summary(n, result);
        let summary = self.plain_summary(n, row, members.as_ref());
        let mut text = format!("{summary}\n{}: {formula}", crate::text::capitalise(&name));
        if !expected_basis.is_empty() {
            text.push_str(&format!("; {expected_basis}"));
        }
        text.push_str(&format!("; {status_basis}"));
        Ok(Explanation {
            item: node.id.to_string(),
            as_of: state.as_of,
            kind,
            included: node.included(),
            progress: row.progress,
            expected: row.expected,
            variance: row.variance,
            status: row.status,
            rule,
            formula,
            updates,
            children,
            expected_basis,
            status_basis,
            settings: *settings,
            summary,
            members,
            text,
        })
    }

    fn used(&self, out: &mut Vec<UsedUpdate>, latest: &super::latest::Latest, member: Option<&str>) {
        let mut push = |field: ReturnField, value: String, key: Key| {
            // The key holds what is shown of the update: its date, when it was recorded and its position.
            let (date, recorded, position) = key;
            out.push(UsedUpdate {
                field,
                value,
                date,
                member: member.map(str::to_owned),
                recorded: recorded.to_string(),
                position,
            });
        };
        if let Some(Field { value, key }) = latest.status {
            push(ReturnField::Status, Status::from(value).as_str().to_owned(), key);
        }
        if let Some(Field { value, key }) = latest.percent {
            push(ReturnField::Percent, trim_weight(value), key);
        }
        if let Some(Field { value, key }) = latest.value {
            push(ReturnField::Value, trim_weight(value), key);
        }
    }

    fn expected_basis(&self, n: usize, state: &State) -> String {
        let node = &self.tree.nodes[n];
        let Some(e) = state.results[n].expected else { return String::new() };
        let as_of = state.as_of;
        if !node.is_leaf() {
            return format!("expected {} on {as_of} (weighted mean of the items under it)", percent(Some(e)));
        }
        if node.measure.as_deref().is_some_and(|m| !m.milestones.is_empty()) {
            return format!("expected {} on {as_of} (from the milestones)", percent(Some(e)));
        }
        let elapsed = node.start.days_until(as_of).clamp(0, node.start.days_until(node.due).max(0));
        let total = node.start.days_until(node.due);
        format!(
            "expected {} on {as_of} ({elapsed} of {total} days from {} to {})",
            percent(Some(e)),
            node.start,
            node.due
        )
    }

    fn status_basis(&self, n: usize, state: &State, settings: &EffectiveSettings) -> String {
        let node = &self.tree.nodes[n];
        let row = &self.rows[n];
        let status = row.status.as_str().replace('_', " ");
        if row.status_source == super::row::StatusSource::Reported {
            return format!("status {status} (as reported)");
        }
        let bands = format!(
            "bands {}-{} points",
            points(settings.at_risk).trim_start_matches('+'),
            points(settings.off_track).trim_start_matches('+')
        );
        match (row.progress, row.variance) {
            (None, _) => "status unknown (no data)".to_owned(),
            (Some(p), _) if p >= 1.0 => "status done".to_owned(),
            (Some(p), _) if p == 0.0 && state.as_of < node.start => {
                format!("status not started (starts {})", node.start)
            }
            (Some(_), _) if state.as_of > node.due => format!("status off track (was due {})", node.due),
            (Some(_), Some(v)) => format!("variance {} points: {status} ({bands})", points(v)),
            _ => format!("status {status}"),
        }
    }
}

/// A number without a needless `.0`.
fn trim_weight(w: f64) -> String {
    if w.fract() == 0.0 && w.abs() < 1e15 {
        format!("{}", w as i64)
    } else {
        format!("{w}")
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Missing, Settings, Weighting};
    use crate::{Plan, RollupEngine, RollupOptions, Updates};

    /// A parent's explanation lists the terms its number was computed from: every counted child's
    /// weight and progress give the parent's progress again, and each child left out says why, under
    /// every `missing` and `weighting`.
    #[test]
    fn a_parents_terms_give_its_number_again() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems:\n\
             - id: top\n  title: Top\n  children:\n\
             \x20 - {id: done, title: Done, weight: 3}\n\
             \x20 - {id: half, title: Half, children: [{id: h1, title: H1}, {id: h2, title: H2}]}\n\
             \x20 - {id: silent, title: Silent}\n\
             \x20 - {id: later, title: Later, state: deferred, weight: 5}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let updates = Updates::from_csv(
            "item,date,percent,status\ndone,2020-06-30,,done\nh1,2020-06-30,50,\nh2,2020-06-30,20,\nlater,2020-06-30,90,\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for missing in [Missing::Zero, Missing::Exclude] {
            for weighting in [Weighting::Weight, Weighting::Equal, Weighting::Leaves] {
                let settings = Settings { missing: Some(missing), weighting: Some(weighting), ..Settings::default() };
                let options = RollupOptions { settings: Some(settings), ..RollupOptions::default() };
                let engine = RollupEngine::new(&plan, &updates, &options);
                let explanation = engine.explain("top").unwrap_or_else(|e| panic!("{e}"));
                let row = engine.rows()[0].clone();
                let counted: Vec<_> = explanation.children.iter().filter(|c| c.counted).collect();
                let sum: f64 = counted.iter().map(|c| c.weight * c.progress.unwrap_or(0.0)).sum();
                let weights: f64 = counted.iter().map(|c| c.weight).sum();
                let again = sum / weights;
                let progress = row.progress.unwrap_or_else(|| panic!("top has progress"));
                assert!((again - progress).abs() < 1e-12, "{missing:?} {weighting:?}: {again} vs {progress}");
                let left_out: Vec<(&str, Option<&str>)> = explanation
                    .children
                    .iter()
                    .filter(|c| !c.counted)
                    .map(|c| (c.item.as_str(), c.reason.as_deref()))
                    .collect();
                let mut expected = vec![("later", Some("deferred"))];
                if missing == Missing::Exclude {
                    expected.insert(0, ("silent", Some("no data (missing: exclude)")));
                }
                assert_eq!(left_out, expected, "{missing:?} {weighting:?}");
                assert_eq!(explanation.rule.as_str(), "weighted_mean");
            }
        }
    }
}
