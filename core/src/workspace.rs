//! A workspace: several plans loaded together (a business plan and the pledges it serves), so
//! that links between them are checked and coverage can be seen (DESIGN section 8).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::io::Pointer;
use crate::model::{LinkRel, Plan, Updates};
use crate::validate::{self, Diagnostic, Document, OtherPlans, Report, Severity};

/// Plans loaded together.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// The plans, in the order given.
    pub plans: Vec<Plan>,
}

/// The findings for one plan of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanReport {
    /// The plan's id.
    pub plan: String,
    /// Its findings.
    pub report: Report,
}

/// An item of another plan that links to an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkSource {
    /// The linking plan's id.
    pub plan: String,
    /// The linking item's id.
    pub item: String,
    /// How it relates.
    pub rel: LinkRel,
}

/// One item of a target plan with the items that link to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageEntry {
    /// The item's id.
    pub item: String,
    /// Its depth (0 for the top level).
    pub depth: usize,
    /// The items of other plans that link to it.
    pub linked_from: Vec<LinkSource>,
    /// Whether it, an item above it or an item below it is linked to.
    pub covered: bool,
}

/// Which items of a plan the other plans of a workspace link to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// The target plan's id.
    pub plan: String,
    /// Every item of the target plan, in document order.
    pub items: Vec<CoverageEntry>,
    /// The ids of the items nothing links to, nor to any item above or below them.
    pub unlinked: Vec<String>,
}

impl Workspace {
    /// A workspace of these plans.
    pub fn new(plans: Vec<Plan>) -> Self {
        Workspace { plans }
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|plan| plan.id == id)
    }

    /// Validates every plan, checking links between them; for each plan that another plan links
    /// to, notes the items nothing links to (`not_linked`, info).
    pub fn validate(&self) -> Vec<PlanReport> {
        self.validate_with(&[])
    }

    /// Like [`validate`](Workspace::validate), with separate returns for some plans:
    /// `updates[i]` goes with `plans[i]` (missing entries mean none).
    pub fn validate_with(&self, updates: &[Option<&Updates>]) -> Vec<PlanReport> {
        // The item ids of each plan, for links from the others (none when there are no others).
        let items: Vec<(&str, std::collections::BTreeSet<&str>)> = if self.plans.len() < 2 {
            Vec::new()
        } else {
            self.plans
                .iter()
                .map(|plan| {
                    (plan.id.as_str(), plan.items_in_order().into_iter().map(|(_, item)| item.id.as_str()).collect())
                })
                .collect()
        };
        let mut seen_ids: HashSet<&str> = HashSet::new();
        self.plans
            .iter()
            .enumerate()
            .map(|(position, plan)| {
                let others: OtherPlans<'_> =
                    items.iter().filter(|(id, _)| *id != plan.id).map(|(id, set)| (*id, set)).collect();
                let extra = updates.get(position).copied().flatten();
                let mut report = validate::validate(plan, extra, Some(&others));
                if !seen_ids.insert(plan.id.as_str()) {
                    report.diagnostics.insert(0, plain_finding(
                        "duplicate_plan_id",
                        Severity::Error,
                        Pointer::parse("/id"),
                        None,
                        format!("Two plans loaded together have the id `{}`: links to it are ambiguous.", plan.id),
                        plan,
                    ));
                }
                if self.plans.iter().any(|other| other.id != plan.id && links_into(other, &plan.id)) {
                    let coverage = self.coverage(&plan.id);
                    let levels = plan.levels();
                    let unlinked: HashSet<&str> = coverage.unlinked.iter().map(String::as_str).collect();
                    let outline = plan.outline();
                    let mut first: HashMap<&str, usize> = HashMap::new();
                    for (position, info) in outline.items.iter().enumerate() {
                        first.entry(info.item.id.as_str()).or_insert(position);
                    }
                    for entry in coverage.items.iter().filter(|e| unlinked.contains(e.item.as_str())) {
                        let path = first.get(entry.item.as_str()).map_or_else(Pointer::root, |&i| outline.path(i));
                        let level = levels
                            .get(entry.depth)
                            .map_or_else(|| "Item".to_owned(), |l| l.name.clone().unwrap_or_else(|| l.id.clone()));
                        report.diagnostics.push(plain_finding(
                            "not_linked",
                            Severity::Info,
                            path,
                            Some(&entry.item),
                            format!(
                                "{level} `{}` of `{}` is not delivered, supported or referred to by any item of the other plans loaded.",
                                entry.item, plan.id
                            ),
                            plan,
                        ));
                    }
                    report.diagnostics.sort_by_key(|d| (d.document, d.line.unwrap_or(0), d.column.unwrap_or(0)));
                }
                PlanReport { plan: plan.id.clone(), report }
            })
            .collect()
    }

    /// For each item of the plan `target`, the items of the other plans that link to it, and
    /// the items nothing links to (reported at the highest such level: an unlinked area's
    /// pledges are not listed again).
    pub fn coverage(&self, target: &str) -> Coverage {
        let mut linked: HashMap<&str, Vec<LinkSource>> = HashMap::new();
        for plan in self.plans.iter().filter(|p| p.id != target) {
            for (_, item) in plan.items_in_order() {
                for link in &item.links {
                    if let (Some(plan_id), item_id) = link.target() {
                        if plan_id == target {
                            linked.entry(item_id).or_default().push(LinkSource {
                                plan: plan.id.clone(),
                                item: item.id.clone(),
                                rel: link.rel(),
                            });
                        }
                    }
                }
            }
        }
        let Some(plan) = self.plan(target) else {
            return Coverage { plan: target.to_owned(), items: Vec::new(), unlinked: Vec::new() };
        };
        let ordered = plan.items_in_order();
        // An item is covered when it, an ancestor or a descendant is linked to.
        let mut covered = vec![false; ordered.len()];
        let mut ancestors: Vec<usize> = Vec::new();
        for (i, (depth, item)) in ordered.iter().enumerate() {
            ancestors.truncate(*depth);
            let direct = linked.contains_key(item.id.as_str());
            let inherited = ancestors.iter().any(|&a| linked.contains_key(ordered[a].1.id.as_str()));
            if direct {
                for &a in &ancestors {
                    covered[a] = true;
                }
            }
            covered[i] |= direct || inherited;
            ancestors.push(i);
        }
        let mut unlinked = Vec::new();
        let mut ancestors: Vec<usize> = Vec::new();
        for (i, (depth, item)) in ordered.iter().enumerate() {
            ancestors.truncate(*depth);
            if !covered[i] && ancestors.iter().all(|&a| covered[a]) {
                unlinked.push(item.id.clone());
            }
            ancestors.push(i);
        }
        let items = ordered
            .iter()
            .enumerate()
            .map(|(i, (depth, item))| CoverageEntry {
                item: item.id.clone(),
                depth: *depth,
                linked_from: linked.get(item.id.as_str()).cloned().unwrap_or_default(),
                covered: covered[i],
            })
            .collect();
        Coverage { plan: target.to_owned(), items, unlinked }
    }
}

/// Whether any item of `plan` links into the plan `target`.
fn links_into(plan: &Plan, target: &str) -> bool {
    plan.items_in_order().into_iter().any(|(_, item)| item.links.iter().any(|l| l.target().0 == Some(target)))
}

/// A finding about `plan`, located in its source.
fn plain_finding(
    code: &'static str,
    severity: Severity,
    path: Pointer,
    item: Option<&str>,
    message: String,
    plan: &Plan,
) -> Diagnostic {
    let position = plan.source.position(&path);
    Diagnostic {
        code,
        severity,
        message,
        path,
        item: item.map(str::to_owned),
        line: position.map(|p| p.line),
        column: position.map(|p| p.column),
        hint: None,
        document: Document::Plan,
        sheet: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(text: &str) -> Plan {
        Plan::from_yaml_str(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn links_are_checked_across_plans_and_coverage_is_reported() {
        let pledges = plan(
            "workplan: 1\nid: pledges\ntitle: P\nperiod: {start: 2019-04-01, end: 2022-03-31}\nitems:\n\
             - {id: housing, title: H, children: [{id: housing.1, title: H1}, {id: housing.2, title: H2}]}\n\
             - {id: health, title: He, children: [{id: health.1, title: He1}]}\n",
        );
        let business = plan(
            "workplan: 1\nid: bp\ntitle: B\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems:\n\
             - {id: a, title: A, links: [{to: 'pledges:housing.1', rel: delivers}, {to: 'pledges:housing.9'}]}\n",
        );
        let workspace = Workspace::new(vec![business, pledges]);
        let reports = workspace.validate();
        let codes: Vec<(&str, &str, String)> = reports
            .iter()
            .flat_map(|r| r.report.diagnostics.iter().map(move |d| (r.plan.as_str(), d.code, d.path.to_string())))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("bp", "unknown_link_target", "/items/0/links/1/to".to_owned()),
                ("pledges", "not_linked", "/items/0/children/1".to_owned()),
                ("pledges", "not_linked", "/items/1".to_owned()),
            ]
        );
        let coverage = workspace.coverage("pledges");
        assert_eq!(coverage.unlinked, vec!["housing.2", "health"]);
        assert_eq!(coverage.items[1].linked_from[0].item, "a");
        assert!(coverage.items[0].covered, "an area is covered through its pledge");
    }
}
