//! Explain (DESIGN 6.9): how one number was found, as data and as text: the returns used, the
//! formula and its inputs, every child of a parent with its weight and why any is left out, the
//! expected progress, the status band, and the settings in force.

use serde::Serialize;

use super::compute::{weight, State};
use super::engine::RollupEngine;
use super::latest::{Field, Key};
use super::plain::MemberSummary;
use super::row::{CellState, Status};
use super::settings::EffectiveSettings;
use crate::display::percent;
use crate::model::{Date, ItemState, Missing, UpdateStatus, Weighting};

/// A return that a number was taken from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsedUpdate {
    /// The field taken: `status`, `percent` or `value`.
    pub field: &'static str,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The item's id.
    pub item: String,
    /// The date of the numbers.
    pub as_of: Date,
    /// `leaf`, `member_item` or `parent`.
    pub kind: &'static str,
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
    pub rule: &'static str,
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

impl RollupEngine {
    /// How the numbers of the item `id` were found; `None` if there is no such item.
    pub fn explain(&self, id: &str) -> Option<Explanation> {
        let n = *self.tree.by_id.get(id)?;
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
            kind = if node.is_leaf() { "leaf" } else { "parent" };
            rule = "excluded";
            formula = if by == n {
                format!("{name} is {why}, so it is left out of every parent's numbers")
            } else {
                format!(
                    "{name} is under {}, which is {why}, so it is left out of every parent's numbers",
                    self.tree.name(by)
                )
            };
        } else if !node.is_leaf() {
            kind = "parent";
            rule = "weighted_mean";
            let mut terms = Vec::new();
            let mut total = 0.0;
            let mut notes = Vec::new();
            for &c in &node.children {
                let child = &self.tree.nodes[c];
                let child_result = &state.results[c];
                let w = weight(&self.tree, state, c, settings);
                let (counted, reason) = match (child.excluded_by, child_result.progress) {
                    (Some((_, st)), _) => {
                        let why = if st == ItemState::Cancelled { "cancelled" } else { "deferred" };
                        notes.push(format!("{} is {why} and left out", self.tree.name(c)));
                        (false, Some(why.to_owned()))
                    }
                    (None, None) if settings.missing == Missing::Exclude => {
                        notes.push(format!("{} has no data and is left out", self.tree.name(c)));
                        (false, Some("no data (missing: exclude)".to_owned()))
                    }
                    (None, progress) => {
                        if progress.is_none() {
                            notes.push(format!("{} has no data and counts as 0", self.tree.name(c)));
                        }
                        terms.push(format!("{} x {}", trim_weight(w), percent(Some(progress.unwrap_or(0.0)))));
                        total += w;
                        (true, None)
                    }
                };
                children.push(ChildTerm {
                    item: child.id.clone(),
                    progress: child_result.progress,
                    expected: child_result.expected,
                    weight: w,
                    counted,
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
            kind = "member_item";
            let counted = result.members_adopted.unwrap_or(0);
            let reported = result.members_reported.unwrap_or(0);
            for (m, cell) in result.cells.iter().enumerate() {
                if cell.state == CellState::Reported {
                    if let Some(latest) = state.latest(n, Some(m)) {
                        self.used(&mut updates, latest, Some(&self.tree.members[m]));
                    }
                }
            }
            match (&node.measure, result.value) {
                (Some(measure), Some(value)) => {
                    rule = "members_measure";
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
                    rule = if result.progress.is_some() { "members_mean" } else { "no_data" };
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
            kind = "leaf";
            let latest = state.latest(n, None);
            if let Some(latest) = latest {
                self.used(&mut updates, latest, None);
            }
            let status = latest.and_then(|l| l.status).map(|s| s.value);
            (rule, formula) =
                match (status, &node.measure, latest.and_then(|l| l.value), latest.and_then(|l| l.percent)) {
                    (Some(UpdateStatus::Done), ..) => ("done", "100%: the latest status is done".to_owned()),
                    (_, Some(measure), Some(value), _) => (
                        "measure",
                        format!(
                            "{} = ({} - baseline {}) / (target {} - baseline {}) {}",
                            percent(result.progress),
                            trim_weight(value.value),
                            trim_weight(measure.baseline()),
                            trim_weight(measure.target),
                            trim_weight(measure.baseline()),
                            measure.unit
                        ),
                    ),
                    (_, _, _, Some(p)) => {
                        ("percent", format!("{}: the latest percent reported", percent(Some(p.value / 100.0))))
                    }
                    (Some(UpdateStatus::NotStarted), ..) => {
                        ("not_started", "0%: the latest status is not started".to_owned())
                    }
                    _ => ("no_data", "no data: no return gives progress".to_owned()),
                };
        }
        let expected_basis = self.expected_basis(n, state);
        let status_basis = self.status_basis(n, state, settings);
        let members = self.member_summary(n, result);
        let summary = self.plain_summary(n, row, members.as_ref());
        let mut text = format!("{summary}\n{}: {formula}", capitalise_first(&name));
        if !expected_basis.is_empty() {
            text.push_str(&format!("; {expected_basis}"));
        }
        text.push_str(&format!("; {status_basis}"));
        Some(Explanation {
            item: node.id.clone(),
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

    fn used(&self, out: &mut Vec<UsedUpdate>, latest: &super::latest::Latest, member: Option<&String>) {
        let mut push = |field: &'static str, value: String, key: Key| {
            // The key holds what is shown of the update: its date, when it was recorded and its position.
            let (date, recorded, position) = key;
            out.push(UsedUpdate {
                field,
                value,
                date,
                member: member.cloned(),
                recorded: recorded.to_string(),
                position,
            });
        };
        if let Some(Field { value, key }) = latest.status {
            push("status", Status::from(value).as_str().to_owned(), key);
        }
        if let Some(Field { value, key }) = latest.percent {
            push("percent", trim_weight(value), key);
        }
        if let Some(Field { value, key }) = latest.value {
            push("value", trim_weight(value), key);
        }
    }

    fn expected_basis(&self, n: usize, state: &State) -> String {
        let node = &self.tree.nodes[n];
        let Some(e) = state.results[n].expected else { return String::new() };
        let as_of = state.as_of;
        if !node.is_leaf() {
            return format!("expected {} on {as_of} (weighted mean of the items under it)", percent(Some(e)));
        }
        if node.measure.as_ref().is_some_and(|m| !m.milestones.is_empty()) {
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

fn capitalise_first(text: &str) -> String {
    crate::validate::capitalise(text)
}
