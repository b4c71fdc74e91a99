//! A workspace: several plans loaded together (a business plan and the pledges it serves), so
//! that links between them are checked and coverage can be seen (docs/workspaces.md).

use std::collections::{BTreeMap, HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::io::Pointer;
use crate::model::{LinkRel, Plan, Updates};
use crate::validate::{self, Diagnostic, DiagnosticCode, Document, OtherPlans, Report};

/// Plans loaded together, each with the returns given with it (in a separate file), if any.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// The plans, in the order given.
    plans: Vec<Plan>,
    /// The returns given with each plan, by its position in `plans` (an entry missing: none).
    updates: Vec<Option<Updates>>,
}

/// The findings for one plan of a workspace. As JSON, `{"plan": id, "diagnostics": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PlanReport {
    /// The plan's id.
    pub plan: String,
    /// Its findings.
    #[serde(flatten)]
    pub report: Report,
}

/// An item of another plan that links to an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LinkSource {
    /// The linking plan's id.
    pub plan: String,
    /// The linking item's id.
    pub item: String,
    /// How it relates.
    pub rel: LinkRel,
}

/// One item of a target plan with the items that link to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Coverage {
    /// The target plan's id.
    pub plan: String,
    /// Every item of the target plan, in document order.
    pub items: Vec<CoverageEntry>,
    /// The ids of the items nothing links to, nor to any item above or below them.
    pub unlinked: Vec<String>,
}

impl Workspace {
    /// A workspace of these plans (without separate returns: see [`add`](Workspace::add)).
    pub fn new(plans: Vec<Plan>) -> Self {
        Workspace { plans, updates: Vec::new() }
    }

    /// Adds a plan, with the returns given with it in a separate file, if any: validation checks
    /// them against that plan.
    ///
    /// ```
    /// use workplan::{Plan, Updates, Workspace};
    /// let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A}]\n").unwrap();
    /// let updates = Updates::from_csv("item,date,percent\nb,2020-06-30,10\n").unwrap();
    /// let mut workspace = Workspace::default();
    /// workspace.add(plan, Some(updates));
    /// let reports = workspace.validate();
    /// assert_eq!(reports[0].report.diagnostics[0].code.as_str(), "unknown_update_item");
    /// ```
    pub fn add(&mut self, plan: Plan, updates: Option<Updates>) -> &mut Self {
        self.updates.resize(self.plans.len(), None);
        self.plans.push(plan);
        self.updates.push(updates);
        self
    }

    /// The plans, in the order given.
    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    /// The plan with this id (the first, if several have it).
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|plan| plan.id == id)
    }

    /// The returns added with the plan `id` (the first plan with that id), if any.
    pub fn updates(&self, id: &str) -> Option<&Updates> {
        let position = self.plans.iter().position(|plan| plan.id == id)?;
        self.updates.get(position)?.as_ref()
    }

    /// Validates every plan with the returns added with it, checking links between plans; for each
    /// plan that another plan links to, notes the items nothing links to (`not_linked`, info).
    pub fn validate(&self) -> Vec<PlanReport> {
        let updates: Vec<Option<&Updates>> = self.updates.iter().map(Option::as_ref).collect();
        self.validate_with(&updates)
    }

    /// Like [`validate`](Workspace::validate), with returns given by plan id instead of those
    /// added: each goes with the first plan of that id. An id no plan has is
    /// [`ApiError::UnknownPlan`], and nothing is validated.
    pub fn validate_by_id(&self, updates: &BTreeMap<&str, &Updates>) -> Result<Vec<PlanReport>, ApiError> {
        let mut paired: Vec<Option<&Updates>> = vec![None; self.plans.len()];
        for (&id, &given) in updates {
            let position = self
                .plans
                .iter()
                .position(|plan| plan.id == id)
                .ok_or_else(|| ApiError::UnknownPlan { plan: id.to_owned() })?;
            paired[position] = Some(given);
        }
        Ok(self.validate_with(&paired))
    }

    /// Like [`validate`](Workspace::validate), with returns given by position instead of those
    /// added: `updates[i]` goes with the `i`th plan (missing entries mean none).
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
                        DiagnosticCode::DuplicatePlanId,
                        Pointer::parse("/id"),
                        None,
                        format!("Two plans loaded together have the id `{}`: links to it are ambiguous.", plan.id),
                        plan,
                    ));
                }
                if self.plans.iter().any(|other| other.id != plan.id && links_into(other, &plan.id)) {
                    // (the first plan with this id, as `coverage(&plan.id)` finds it)
                    let coverage = self.coverage_of(self.plan(&plan.id).unwrap_or(plan));
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
                            DiagnosticCode::NotLinked,
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
    /// pledges are not listed again). A `target` the workspace does not have is
    /// [`ApiError::UnknownPlan`].
    ///
    /// ```
    /// use workplan::{Plan, Workspace};
    /// let pledges = Plan::from_yaml_str("workplan: 1\nid: pledges\ntitle: Pledges\nperiod: {start: 2019-04-01, end: 2022-03-31}\nitems: [{id: air, title: Clean air}, {id: homes, title: Homes}]\n")?;
    /// let plan = Plan::from_yaml_str("workplan: 1\nid: bp\ntitle: Business plan\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, links: [{to: \"pledges:air\", rel: delivers}]}]\n")?;
    /// let workspace = Workspace::new(vec![pledges, plan]);
    /// assert!(workspace.validate().iter().all(|plan| !plan.report.has_errors()));
    /// assert_eq!(workspace.coverage("pledges")?.unlinked, ["homes"]);
    /// assert_eq!(workspace.coverage("nope").expect_err("no such plan").code(), "unknown_plan");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coverage(&self, target: &str) -> Result<Coverage, ApiError> {
        match self.plan(target) {
            Some(plan) => Ok(self.coverage_of(plan)),
            None => Err(ApiError::UnknownPlan { plan: target.to_owned() }),
        }
    }

    /// The coverage of `plan`, one of the workspace's plans.
    fn coverage_of(&self, plan: &Plan) -> Coverage {
        let target = plan.id.as_str();
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
fn plain_finding(code: DiagnosticCode, path: Pointer, item: Option<&str>, message: String, plan: &Plan) -> Diagnostic {
    let position = plan.located_source().position(&path);
    let mut finding = Diagnostic::new(code, Document::Plan, path, message);
    finding.item = item.map(str::to_owned);
    finding.line = position.map(|p| p.line);
    finding.column = position.map(|p| p.column);
    finding
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
            .flat_map(|r| {
                r.report.diagnostics.iter().map(move |d| (r.plan.as_str(), d.code.as_str(), d.path.to_string()))
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                ("bp", "unknown_link_target", "/items/0/links/1/to".to_owned()),
                ("pledges", "not_linked", "/items/0/children/1".to_owned()),
                ("pledges", "not_linked", "/items/1".to_owned()),
            ]
        );
        let coverage = workspace.coverage("pledges").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(coverage.unlinked, vec!["housing.2", "health"]);
        assert_eq!(coverage.items[1].linked_from[0].item, "a");
        assert!(coverage.items[0].covered, "an area is covered through its pledge");
        let unknown = workspace.coverage("nope").expect_err("no such plan");
        assert_eq!(
            (unknown.code(), unknown.to_string()),
            ("unknown_plan", "no plan `nope` in the workspace".to_owned())
        );
    }

    #[test]
    fn each_plan_is_validated_with_the_returns_added_with_it() {
        let text = |id: &str| {
            format!(
                "workplan: 1\nid: {id}\ntitle: T\nperiod: {{start: 2020-04-01, end: 2021-03-31}}\nitems: [{{id: {id}.a, title: A}}]\n"
            )
        };
        // Each file of returns names an item of the other plan: wrong for the plan it is given with.
        let for_b = Updates::from_csv("item,date,percent\nb.a,2020-06-30,10\n").unwrap_or_else(|e| panic!("{e}"));
        let for_a = Updates::from_csv("item,date,percent\na.a,2020-06-30,10\n").unwrap_or_else(|e| panic!("{e}"));
        let mut workspace = Workspace::default();
        workspace.add(plan(&text("a")), Some(for_b.clone())).add(plan(&text("b")), None);
        let findings = |reports: Vec<PlanReport>| -> Vec<(String, Vec<&'static str>)> {
            reports
                .into_iter()
                .map(|r| (r.plan, r.report.diagnostics.iter().map(|d| d.code.as_str()).collect()))
                .collect()
        };
        assert_eq!(
            findings(workspace.validate()),
            [("a".to_owned(), vec!["unknown_update_item"]), ("b".to_owned(), vec![])],
            "the returns go with the plan they were added with, and only with it"
        );
        assert_eq!(workspace.updates("a"), Some(&for_b));
        assert_eq!((workspace.updates("b"), workspace.updates("c")), (None, None));
        assert_eq!(workspace.plans().len(), 2);
        // Returns given by id replace those added: `a` now has its own, `b` the wrong ones.
        let given = BTreeMap::from([("a", &for_a), ("b", &for_a)]);
        assert_eq!(
            findings(workspace.validate_by_id(&given).unwrap_or_else(|e| panic!("{e}"))),
            [("a".to_owned(), vec![]), ("b".to_owned(), vec!["unknown_update_item"])]
        );
        let unknown = workspace.validate_by_id(&BTreeMap::from([("c", &for_a)])).expect_err("no plan c");
        assert_eq!((unknown.code(), unknown.to_string()), ("unknown_plan", "no plan `c` in the workspace".to_owned()));
        // A workspace made with `new` takes returns with the plans added after.
        let mut made = Workspace::new(vec![plan(&text("a"))]);
        made.add(plan(&text("b")), Some(for_a.clone()));
        assert_eq!(findings(made.validate())[1].1, vec!["unknown_update_item"]);
        assert_eq!(made.updates("a"), None);
    }
}
