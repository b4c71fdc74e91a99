//! The plain-language lead of an explanation (docs/rollup.md, "Explain"): one sentence a
//! councillor reads before the arithmetic: what the number is, how much data stands behind it and
//! what it is compared with; for a member item, how many members reported, the spread and who is
//! furthest behind.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::compute::NodeResult;
use super::engine::RollupEngine;
use super::row::{CellState, Row, StatusSource};
use crate::display::{date_in_words, percent};
use crate::model::ItemState;

/// How far behind (or ahead) in points, in words: `29.6 points behind`.
fn points_words(variance: f64) -> String {
    let p = (variance * 1000.0).round() / 10.0;
    let n = if p.fract() == 0.0 { format!("{}", p.abs() as i64) } else { format!("{:.1}", p.abs()) };
    match p {
        p if p < 0.0 => format!("{n} points behind"),
        p if p > 0.0 => format!("{n} points ahead"),
        _ => "exactly as expected".to_owned(),
    }
}

/// One member's progress, for the members furthest behind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MemberProgress {
    /// The member's id.
    pub member: String,
    /// The member's name.
    pub name: String,
    /// The member's progress, 0..1.
    pub progress: f64,
}

/// How the members of a member item stand: how many count, how many reported, the spread of
/// their progress and who is furthest behind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MemberSummary {
    /// The members that count (in scope and, when adoption is required, adopted).
    pub count: usize,
    /// Those of them that reported progress.
    pub reported: usize,
    /// The lowest progress reported.
    pub lowest: Option<f64>,
    /// The highest progress reported.
    pub highest: Option<f64>,
    /// Up to three members furthest behind, lowest progress first (ties in plan order).
    pub behind: Vec<MemberProgress>,
}

impl RollupEngine {
    /// The member summary of node `n` (member items only).
    pub(crate) fn member_summary(&self, n: usize, result: &NodeResult) -> Option<MemberSummary> {
        self.tree.nodes[n].scope.as_ref()?;
        let mut reported: Vec<(usize, f64)> = result
            .cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| cell.state == CellState::Reported)
            .filter_map(|(m, cell)| cell.progress.map(|p| (m, p)))
            .collect();
        reported.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        Some(MemberSummary {
            count: result.members_adopted.unwrap_or(0),
            reported: reported.len(),
            lowest: reported.first().map(|r| r.1),
            highest: reported.last().map(|r| r.1),
            behind: reported
                .iter()
                .take(3)
                .map(|&(m, progress)| MemberProgress {
                    member: self.tree.members[m].to_string(),
                    name: self.tree.member_names[m].clone(),
                    progress,
                })
                .collect(),
        })
    }

    /// The plain sentence(s) that lead the explanation of node `n`.
    pub(crate) fn plain_summary(&self, n: usize, row: &Row, members: Option<&MemberSummary>) -> String {
        let node = &self.tree.nodes[n];
        let level = self.tree.level_names.get(node.depth).map_or("Item", String::as_str);
        let name = match &node.label {
            Some(label) => format!("{level} {label}, \u{201c}{}\u{201d},", node.title),
            None => format!("{level} \u{201c}{}\u{201d}", node.title),
        };
        if let Some((by, state)) = node.excluded_by {
            let why = if state == ItemState::Cancelled { "cancelled" } else { "deferred" };
            return if by == n {
                format!("{name} is {why}, so it is left out of the figures.")
            } else {
                format!("{name} is left out of the figures: {} is {why}.", self.tree.name(by))
            };
        }
        let as_of = date_in_words(self.now.as_of);
        let compared = match (row.expected, row.variance) {
            (Some(e), Some(v)) => format!(" against {} expected by {as_of} ({})", percent(Some(e)), points_words(v)),
            (Some(e), None) => format!(" against {} expected by {as_of}", percent(Some(e)),),
            _ => format!(" on {as_of}"),
        };
        let status = row.status.as_str().replace('_', " ");
        let how = if row.status_source == StatusSource::Reported { "as reported" } else { "derived from the schedule" };
        let mut text = match (row.progress, members) {
            (None, _) => format!("{name} has no data yet, so it cannot be judged{compared}."),
            (Some(p), Some(_)) => format!("{name} is {} done on average{compared}: {status}, {how}.", percent(Some(p))),
            (Some(p), None) => format!("{name} is {} done{compared}: {status}, {how}.", percent(Some(p))),
        };
        match members {
            Some(m) => {
                text.push_str(&format!(" {} of {} members have reported", m.reported, m.count));
                if let (Some(lo), Some(hi)) = (m.lowest, m.highest) {
                    if m.reported > 1 {
                        text.push_str(&format!(
                            "; their progress runs from {} to {}",
                            percent(Some(lo)),
                            percent(Some(hi))
                        ));
                    }
                }
                if !m.behind.is_empty() && m.reported > 1 {
                    let behind: Vec<String> =
                        m.behind.iter().map(|b| format!("{} ({})", b.name, percent(Some(b.progress)))).collect();
                    text.push_str(&format!("; furthest behind: {}", behind.join(", ")));
                }
                text.push('.');
            }
            None if node.is_leaf() => match row.last_update {
                Some(date) => text.push_str(&format!(" The latest return is of {}.", date_in_words(date))),
                None => text.push_str(" No return has come in."),
            },
            None => text.push_str(&format!(" Data is in for {}.", row.coverage_words())),
        }
        if row.low_coverage {
            text.push_str(&format!(
                " Too little data is in to read this as a judgement: coverage {} is below {}.",
                percent(row.coverage),
                percent(Some(self.settings.coverage_threshold))
            ));
        }
        text
    }
}
