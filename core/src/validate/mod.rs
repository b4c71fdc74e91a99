//! Validation: every problem in a plan and its returns, each with a stable code, a severity, a
//! message for a committee officer, and its exact place (JSON Pointer path, item id, and line and
//! column when the plan came from text). Validation never stops at the first finding.
//!
//! One file per rule family: `structure`, `references`, `dates`, `numbers`, `consistency`,
//! `numbering`, `governance`; coverage across plans is in [`crate::Workspace`]. Every code is a
//! [`DiagnosticCode`] (its severity is set there and nowhere else), listed in
//! `docs/diagnostics.md`.

mod consistency;
mod context;
mod dates;
mod diagnostic;
mod governance;
mod numbering;
mod numbers;
mod references;
mod structure;

pub use crate::code::{DiagnosticCode, Severity};
pub use diagnostic::{Counts, Diagnostic, Document, Report};
pub(crate) use references::OtherPlans;

use context::{Findings, Index, UpdateRef};

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
    /// assert_eq!(finding.code, workplan::DiagnosticCode::DueOutsidePeriod);
    /// assert_eq!(finding.message, "Output `finance.1.c` is due on 2021-06-30, after the plan ends on 2021-03-31.");
    /// assert_eq!((finding.line, finding.column), (Some(10), Some(46)));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn validate(&self) -> Report {
        validate(self, None, None)
    }

    /// Validates the plan, the returns it carries, and a separate set of returns (whose findings
    /// have `document: updates` and point into that file).
    ///
    /// ```
    /// use workplan::{DiagnosticCode, Plan, Updates};
    /// let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A}]\n")?;
    /// let updates = Updates::from_csv("item,date,percent\na,2020-06-30,40\nb,2020-06-30,10\n")?;
    /// let report = plan.validate_with(&updates);
    /// let finding = report.with_code(DiagnosticCode::UnknownUpdateItem).next().expect("b is not an item");
    /// assert_eq!(finding.path.to_string(), "/1/item");
    /// assert_eq!((finding.line, finding.document.as_str()), (Some(3), "updates"));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
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
    let mut updates: Vec<UpdateRef<'_>> = Vec::with_capacity(plan.updates.len() + extra.map_or(0, |u| u.len()));
    updates.extend(embedded.chain(separate));
    numbers::check_percent_scale(
        updates.iter().filter(|u| u.document == Document::Plan),
        Default::default(),
        &mut findings,
    );
    if let Some(extra) = extra {
        check_reading(extra, updates.iter().filter(|u| u.document == Document::Updates), &mut findings);
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
    locate(findings.list, Some(plan), extra)
}

/// The findings about a separate set of returns that need no plan: whether their percents
/// (`refs`, the same returns) look like fractions, unless they were read with a declared scale,
/// and what reading them noted (rows skipped or set aside, cells trimmed).
fn check_reading<'u>(updates: &Updates, refs: impl Iterator<Item = &'u UpdateRef<'u>>, findings: &mut Findings) {
    numbers::check_percent_scale(refs, updates.read.percent_scale, findings);
    for note in &updates.read.notes {
        let finding =
            findings.add_in(Document::Updates, note.code, note.location.path.clone(), None, note.message.clone());
        finding.line = note.location.line();
        finding.column = note.location.column();
        finding.sheet = note.location.sheet.as_deref().map(str::to_owned);
        if let Some(hint) = &note.hint {
            finding.hint(hint.clone());
        }
    }
}

impl Updates {
    /// The findings about these returns that need no plan, as
    /// [`Plan::validate_with`] gives them among the rest: what reading them noted (rows skipped
    /// as blank or as a summary, cells trimmed, rows set aside) and whether their percents look
    /// like fractions typed for percents. For a tool that reports on how returns were read
    /// without validating their plan (`workplan report --updates`).
    ///
    /// ```
    /// use workplan::{DiagnosticCode, Updates};
    /// let updates = Updates::from_csv("item,date,percent\na,2020-06-30,0.4\nb,2020-06-30,0.55\n")?;
    /// let report = updates.reading_findings();
    /// let finding = report.with_code(DiagnosticCode::PercentLooksFractional).next().expect("fractions");
    /// assert_eq!((finding.path.to_string(), finding.line), ("/0/percent".to_owned(), Some(2)));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn reading_findings(&self) -> Report {
        let mut findings = Findings::default();
        let refs: Vec<UpdateRef<'_>> = self
            .iter()
            .enumerate()
            .map(|(index, update)| UpdateRef { update, index, document: Document::Updates })
            .collect();
        check_reading(self, refs.iter(), &mut findings);
        locate(findings.list, None, Some(self))
    }
}

/// Gives every finding its line and column, and puts them in document order.
fn locate(mut diagnostics: Vec<crate::Diagnostic>, plan: Option<&Plan>, extra: Option<&Updates>) -> Report {
    for document in [Document::Plan, Document::Updates] {
        if !diagnostics.iter().any(|d| d.document == document && d.line.is_none()) {
            continue;
        }
        // The source is looked up (its shape hashed) only for a document with findings to place.
        let source = match document {
            Document::Plan => plan.map(Plan::located_source),
            _ => extra.map(Updates::located_source),
        };
        if let Some(source) = source.filter(|s| s.is_text()) {
            place(&mut diagnostics, document, |pointers| source.positions(pointers), |pointer| source.sheet(pointer));
        }
    }
    in_document_order(&mut diagnostics);
    Report { diagnostics }
}

/// Gives the findings about `document` that have no line and column theirs: `positions` of
/// their paths, and the `sheet` of a path (returns read from a workbook).
pub(crate) fn place<'s>(
    diagnostics: &mut [crate::Diagnostic],
    document: Document,
    positions: impl FnOnce(&[Pointer]) -> Vec<Option<crate::Position>>,
    sheet: impl Fn(&Pointer) -> Option<&'s str>,
) {
    let found: Vec<&mut crate::Diagnostic> =
        diagnostics.iter_mut().filter(|d| d.document == document && d.line.is_none()).collect();
    if found.is_empty() {
        return;
    }
    let pointers: Vec<Pointer> = found.iter().map(|d| d.path.clone()).collect();
    for (diagnostic, position) in found.into_iter().zip(positions(&pointers)) {
        if let Some(position) = position {
            diagnostic.line = Some(position.line);
            diagnostic.column = Some(position.column);
            diagnostic.sheet = sheet(&diagnostic.path).map(str::to_owned);
        }
    }
}

/// Puts findings in document order. Stable: findings without positions keep the order of the
/// walk, which is document order.
pub(crate) fn in_document_order(diagnostics: &mut [crate::Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.document, d.line.unwrap_or(0), d.column.unwrap_or(0)));
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
    pub struct At(pub super::DiagnosticCode, pub String, pub Option<usize>);

    impl PartialEq<(&str, &str, Option<usize>)> for At {
        fn eq(&self, other: &(&str, &str, Option<usize>)) -> bool {
            self.0.as_str() == other.0 && self.1 == other.1 && self.2 == other.2
        }
    }

    /// The code, path and line of every finding.
    pub fn codes_at(plan: &Plan) -> Vec<At> {
        plan.validate().diagnostics.into_iter().map(|d| At(d.code, d.path.to_string(), d.line)).collect()
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
