//! Validation (DESIGN section 5): every problem in a plan and its returns, each with a stable
//! code, a severity, a message for a committee officer, and its exact place (JSON Pointer path,
//! item id, and line and column when the plan came from text). Validation never stops at the
//! first finding.
//!
//! One file per rule family: [`structure`], [`references`], [`dates`], [`numbers`],
//! [`consistency`], [`numbering`], [`governance`]; coverage across plans is in
//! [`crate::Workspace`]. Every code is listed in `docs/diagnostics.md`.

mod consistency;
mod context;
mod dates;
mod diagnostic;
mod governance;
mod numbering;
mod numbers;
mod references;
mod structure;

pub use diagnostic::{Counts, Diagnostic, Document, Report, Severity};
pub(crate) use references::OtherPlans;

pub(crate) use context::capitalise;
use context::{Findings, Index, UpdateRef};

/// A finding code: its severity, its rule family, and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The code, e.g. `due_outside_period`.
    pub code: &'static str,
    /// The severity its findings have.
    pub severity: Severity,
    /// The rule family (`docs/diagnostics.md`): structure, references, dates, numbers,
    /// consistency, numbering, coverage, governance, returns (what reading a returns table did).
    pub family: &'static str,
    /// What it means, in a sentence.
    pub summary: &'static str,
}

const fn code(code: &'static str, severity: Severity, family: &'static str, summary: &'static str) -> CodeInfo {
    CodeInfo { code, severity, family, summary }
}

/// Every finding code. Part of the API: codes are added, never renamed or renumbered.
pub const CODES: &[CodeInfo] = &[
    code("bad_slug", Severity::Error, "structure", "An id (of the plan, an item, a level, a theme or a member) is not a slug `[a-z0-9][a-z0-9._-]*`."),
    code("duplicate_id", Severity::Error, "structure", "Two items (or two levels, themes or members) share an id."),
    code("empty_title", Severity::Error, "structure", "The plan, an item or a theme has an empty title."),
    code("deeper_than_levels", Severity::Error, "structure", "An item sits deeper in the outline than the plan's declared levels."),
    code("reserved_member_id", Severity::Error, "structure", "A member has the id `all`, which means every member."),
    code("unknown_theme", Severity::Error, "references", "An item is tagged with a theme the plan does not define."),
    code("unknown_member", Severity::Error, "references", "An item or a return names a member the plan does not have."),
    code("unknown_update_item", Severity::Error, "references", "A return is for an item that is not in the plan."),
    code("unknown_link_target", Severity::Error, "references", "A link points to an item that does not exist in a plan that is loaded."),
    code("unresolved_link", Severity::Info, "references", "A link points into a plan that is not loaded, so it is not checked."),
    code("unknown_event_item", Severity::Error, "references", "An event (a review) names an item that is not in the plan."),
    code("period_reversed", Severity::Error, "dates", "The plan period ends before it starts."),
    code("start_after_due", Severity::Error, "dates", "An item starts after it is due."),
    code("start_outside_period", Severity::Warning, "dates", "An item starts outside the plan period."),
    code("due_outside_period", Severity::Warning, "dates", "An item is due outside the plan period."),
    code("milestones_not_ascending", Severity::Error, "dates", "A measure's milestones are not in date order."),
    code("milestone_outside_dates", Severity::Warning, "dates", "A milestone is dated outside its item's start and due dates."),
    code("update_after_period", Severity::Warning, "dates", "A return is dated after the plan period ends."),
    code("update_before_period", Severity::Warning, "dates", "A return is dated before the plan period begins."),
    code("non_finite", Severity::Error, "numbers", "A number is not finite (NaN or infinity)."),
    code("percent_out_of_range", Severity::Error, "numbers", "A return's percent is outside 0 to 100."),
    code("percent_looks_fractional", Severity::Warning, "numbers", "Every percent of a set of returns is between 0 and 1, as if fractions were typed for percents (0.55 for 55%)."),
    code("negative_weight", Severity::Error, "numbers", "An item's weight is below 0."),
    code("all_weights_zero", Severity::Warning, "numbers", "Every item in a group of siblings has weight 0, so their parent's progress cannot be computed."),
    code("target_equals_baseline", Severity::Error, "numbers", "A measure's target equals its baseline, so progress cannot be measured."),
    code("member_target_without_members", Severity::Warning, "numbers", "A measure has a per-member target but its item is not delivered by members."),
    code("update_for_inactive_item", Severity::Warning, "consistency", "A return is for a cancelled or deferred item (or one under such an item)."),
    code("update_for_parent", Severity::Warning, "consistency", "A return reports progress on an item that has items under it; parents take their progress from their children."),
    code("done_below_100", Severity::Warning, "consistency", "A return says done but reports a percent below 100."),
    code("value_without_measure", Severity::Warning, "consistency", "A return reports a value for an item without a measure."),
    code("member_on_plain_item", Severity::Error, "consistency", "A return names a member for an item that is not delivered by members."),
    code("member_outside_scope", Severity::Error, "consistency", "A return is from a member outside the item's members."),
    code("member_missing", Severity::Warning, "consistency", "A return for an item delivered by members names no member."),
    code("sum_with_missing_values", Severity::Info, "consistency", "A measure that adds up members' values has values from only some of its members."),
    code("label_out_of_sequence", Severity::Warning, "numbering", "The printed labels of siblings skip (a, b, d) or do not start at the first label."),
    code("label_repeated", Severity::Warning, "numbering", "Two siblings in a row have the same label."),
    code("not_linked", Severity::Info, "coverage", "In a workspace, an item of a plan that others link to is linked to by nothing (nor is any item above or below it)."),
    code("duplicate_plan_id", Severity::Error, "coverage", "Two plans loaded together in a workspace have the same id."),
    code("blank_rows_skipped", Severity::Info, "returns", "A returns table had blank rows, which were skipped."),
    code("summary_row_skipped", Severity::Warning, "returns", "A returns table had a total or summary row (no item, a word such as Total), which was skipped."),
    code("cells_trimmed", Severity::Info, "returns", "Cells of a returns table had spaces before or after their text, which were removed."),
    code("events_out_of_order", Severity::Warning, "governance", "The plan's events are not in date order."),
    code("review_without_items", Severity::Warning, "governance", "A `reviewed` event does not say which items were reviewed."),
    code("status_mismatch", Severity::Warning, "governance", "The plan's status does not match its last approval or archiving event."),
];

use crate::io::Pointer;
use crate::model::{Plan, Updates};

impl Plan {
    /// Validates the plan and the returns it carries.
    ///
    /// ```
    /// let plan = workplan::Plan::from_yaml_str(
    ///     "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
    ///      levels: [{id: priority}, {id: output}]\n\
    ///      items:\n  - id: finance.1\n    title: Fair funding\n    children:\n\
    ///      \x20     - {id: finance.1.c, title: Lobby, due: 2021-06-30}\n",
    /// )?;
    /// let report = plan.validate();
    /// let finding = &report.diagnostics[0];
    /// assert_eq!(finding.code, "due_outside_period");
    /// assert_eq!(finding.message, "Output `finance.1.c` is due on 2021-06-30, after the plan ends on 2021-03-31.");
    /// assert_eq!((finding.line, finding.column), (Some(10), Some(46)));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn validate(&self) -> Report {
        validate(self, None, None)
    }

    /// Validates the plan, the returns it carries, and a separate set of returns (whose findings
    /// have `document: updates` and point into that file).
    pub fn validate_with(&self, updates: &Updates) -> Report {
        validate(self, Some(updates), None)
    }
}

/// Runs every rule family over the plan (and the returns), in document order.
pub(crate) fn validate(plan: &Plan, extra: Option<&Updates>, others: Option<&OtherPlans<'_>>) -> Report {
    let index = Index::new(plan);
    let mut findings = Findings::default();
    structure::check_plan(&index, &mut findings);
    dates::check_plan(&index, &mut findings);
    numbers::check_plan(&index, &mut findings);
    numbers::check_siblings(&index, None, &plan.items, &mut findings);
    numbering::check_siblings(&index, None, &plan.items, &mut findings);
    for (position, info) in index.items.iter().enumerate() {
        structure::check_item(&index, position, info, &mut findings);
        references::check_item(&index, info, others, &mut findings);
        dates::check_item(&index, info, &mut findings);
        numbers::check_item(&index, info, &mut findings);
        numbers::check_siblings(&index, Some(info), &info.item.children, &mut findings);
        numbering::check_siblings(&index, Some(info), &info.item.children, &mut findings);
    }
    let embedded =
        plan.updates.iter().enumerate().map(|(index, update)| UpdateRef { update, index, document: Document::Plan });
    let separate = extra.into_iter().flat_map(|updates| {
        updates.iter().enumerate().map(|(index, update)| UpdateRef { update, index, document: Document::Updates })
    });
    let updates: Vec<UpdateRef<'_>> = embedded.chain(separate).collect();
    let scale = extra.map(|u| u.read.percent_scale).unwrap_or_default();
    numbers::check_percent_scale(
        updates.iter().filter(|u| u.document == Document::Plan),
        Default::default(),
        &mut findings,
    );
    numbers::check_percent_scale(updates.iter().filter(|u| u.document == Document::Updates), scale, &mut findings);
    if let Some(extra) = extra {
        for note in &extra.read.notes {
            let severity = CODES.iter().find(|c| c.code == note.code).map_or(Severity::Info, |c| c.severity);
            let finding = findings.add_in(
                Document::Updates,
                note.code,
                severity,
                note.location.path.clone(),
                None,
                note.message.clone(),
            );
            finding.line = note.location.line();
            finding.column = note.location.column();
            finding.sheet = note.location.sheet.as_deref().map(str::to_owned);
            if let Some(hint) = &note.hint {
                finding.hint(hint.clone());
            }
        }
    }
    consistency::check_sums(&index, updates.iter(), &mut findings);
    for update in &updates {
        references::check_update(&index, update, &mut findings);
        dates::check_update(&index, update, &mut findings);
        numbers::check_update(update, &mut findings);
        consistency::check_update(&index, update, &mut findings);
    }
    references::check_events(&index, &mut findings);
    governance::check_events(&index, &mut findings);
    locate(findings.list, plan, extra)
}

/// Gives every finding its line and column, and puts them in document order.
fn locate(mut diagnostics: Vec<crate::Diagnostic>, plan: &Plan, extra: Option<&Updates>) -> Report {
    for (document, source) in [(Document::Plan, Some(&plan.source)), (Document::Updates, extra.map(|u| &u.source))] {
        let Some(source) = source.filter(|s| s.is_text()) else { continue };
        let found: Vec<&mut crate::Diagnostic> =
            diagnostics.iter_mut().filter(|d| d.document == document && d.line.is_none()).collect();
        let pointers: Vec<Pointer> = found.iter().map(|d| d.path.clone()).collect();
        for (diagnostic, position) in found.into_iter().zip(source.positions(&pointers)) {
            if let Some(position) = position {
                diagnostic.line = Some(position.line);
                diagnostic.column = Some(position.column);
                diagnostic.sheet = source.sheet(&diagnostic.path).map(str::to_owned);
            }
        }
    }
    // Stable: findings without positions keep the order of the walk, which is document order.
    diagnostics.sort_by_key(|d| (d.document, d.line.unwrap_or(0), d.column.unwrap_or(0)));
    Report { diagnostics }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::Plan;

    /// A plan with the standard four-line header, period 2020-04-01 to 2021-03-31, and `body`.
    pub fn plan(body: &str) -> Plan {
        plan_with_period("{start: 2020-04-01, end: 2021-03-31}", body)
    }

    pub fn plan_with_period(period: &str, body: &str) -> Plan {
        let text = format!("workplan: 1\nid: test\ntitle: Test\nperiod: {period}\n{body}");
        Plan::from_yaml_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    /// A finding's code, path and line, comparable with a `(code, path, line)` tuple.
    #[derive(Debug)]
    pub struct At(pub &'static str, pub String, pub Option<usize>);

    impl PartialEq<(&str, &str, Option<usize>)> for At {
        fn eq(&self, other: &(&str, &str, Option<usize>)) -> bool {
            self.0 == other.0 && self.1 == other.1 && self.2 == other.2
        }
    }

    /// The code, path and line of every finding.
    pub fn codes_at(plan: &Plan) -> Vec<At> {
        plan.validate().diagnostics.into_iter().map(|d| At(d.code, d.path.to_string(), d.line)).collect()
    }

    #[test]
    fn codes_are_unique_snake_case_and_in_family_order() {
        let mut seen = std::collections::HashSet::new();
        for info in super::CODES {
            assert!(seen.insert(info.code), "{} twice", info.code);
            assert!(
                info.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{}",
                info.code
            );
        }
    }

    #[test]
    fn a_clean_plan_has_no_findings() {
        let plan = plan("items:\n- {id: a, label: '1', title: A, children: [{id: a.1, label: a, title: A1}]}\n");
        assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    }

    #[test]
    fn validation_does_not_stop_at_the_first_finding() {
        let plan = plan("items:\n- {id: A, title: ''}\n- {id: A, title: ''}\n");
        let report = plan.validate();
        assert_eq!(report.counts().errors, 5, "{report:#?}");
        assert!(report.has_errors());
    }
}
