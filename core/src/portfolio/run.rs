//! Rolling a portfolio up: plan by plan, in parallel (rayon), handed over in the portfolio's order
//! (docs/portfolio.md#how-it-runs).
//!
//! Two passes. The first loads every plan for its id and item ids only, so that links between
//! the portfolio's plans are checked as in a workspace (docs/workspaces.md) and plans with the
//! same id are caught before any is written. The second loads each plan again with its returns,
//! validates, rolls up and lets go of the plan: at most a few plans per thread are in memory at
//! once, not the portfolio.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{PlanFailure, Portfolio, PortfolioError, PortfolioOptions, PortfolioPlan};
use crate::model::LinkRel;
use crate::validate::{self, OtherPlans};
use crate::{Mapping, Plan, ReadOptions, Report, Rollup, RollupEngine, Updates};

/// One plan of a portfolio, rolled up.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PlanRollup {
    /// The plan file.
    pub file: PathBuf,
    /// The returns file, if any.
    pub updates: Option<PathBuf>,
    /// The plan's id: the `plan` column of the portfolio's tables.
    pub plan: String,
    /// The rollup: rows, adoption cells and the denominator audit.
    pub rollup: Rollup,
    /// The plan validated with its returns, links to the portfolio's other plans checked.
    pub findings: Report,
    /// Every link of the plan's items, in document order: what joins the plans of a portfolio.
    pub links: Vec<ItemLink>,
}

/// One link of an item of a portfolio's plan (docs/format.md#links), with its target resolved to a
/// plan and an item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct ItemLink {
    /// The item the link is on.
    pub item: String,
    /// The plan of the target: the plan's own id for a link inside it.
    pub to_plan: String,
    /// The target item's id.
    pub to_item: String,
    /// How the items relate (`relates` when the plan does not say).
    pub rel: LinkRel,
}

/// What became of one plan: its rollup, or why it has none.
pub type PlanOutcome = Result<PlanRollup, PlanFailure>;

/// A whole portfolio rolled up: the plans that could be, in order, and the failures.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PortfolioRollup {
    /// The plans rolled up, in the portfolio's order.
    pub plans: Vec<PlanRollup>,
    /// The plans that could not be, in the portfolio's order.
    pub failures: Vec<PlanFailure>,
}

/// What the first pass keeps of a plan.
struct Identity {
    /// The plan's id.
    id: String,
    /// Its item ids (kept only for plans other plans link to).
    items: Vec<String>,
    /// The ids of the other plans it links to.
    targets: BTreeSet<String>,
}

impl Portfolio {
    /// Rolls every plan up and collects the results (for a large portfolio, prefer
    /// [`rollup_each`](Portfolio::rollup_each), which hands each plan over as it is done).
    pub fn rollup(&self, options: &PortfolioOptions) -> Result<PortfolioRollup, PortfolioError> {
        let mut collected = PortfolioRollup::default();
        self.rollup_each(options, |outcome| {
            match outcome {
                Ok(plan) => collected.plans.push(plan),
                Err(failure) => collected.failures.push(failure),
            }
            Ok::<(), PortfolioError>(())
        })?;
        Ok(collected)
    }

    /// Rolls every plan up, `options.threads` at a time, and hands each outcome to `each` in the
    /// portfolio's order. With `fail_fast`, the first failure ends the run as
    /// [`PortfolioError::Plan`] instead; an error from `each` ends it too.
    pub fn rollup_each<E: From<PortfolioError>>(
        &self,
        options: &PortfolioOptions,
        mut each: impl FnMut(PlanOutcome) -> Result<(), E>,
    ) -> Result<(), E> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.unwrap_or(0))
            .build()
            .map_err(|e| PortfolioError::Threads { reason: e.to_string() })?;
        let window = pool.current_num_threads().max(1) * 4;

        // The first pass: ids.
        let mut identities: Vec<Result<Identity, PlanFailure>> =
            pool.install(|| self.plans.par_iter().map(identify).collect());
        let mut first_of: HashMap<String, &Path> = HashMap::new();
        for (plan, identity) in self.plans.iter().zip(identities.iter_mut()) {
            let Ok(found) = identity else { continue };
            match first_of.get(found.id.as_str()) {
                Some(first) => {
                    let id = found.id.clone();
                    *identity =
                        Err(PlanFailure::DuplicateId { file: plan.plan.clone(), id, first: first.to_path_buf() });
                }
                None => {
                    first_of.insert(found.id.clone(), &plan.plan);
                }
            }
        }
        if options.fail_fast {
            if let Some(Err(failure)) = identities.iter().find(|identity| identity.is_err()) {
                return Err(PortfolioError::Plan(failure.clone()).into());
            }
        }
        // Only the plans other plans link to keep their item ids.
        let targets: HashSet<String> =
            identities.iter().flatten().flat_map(|identity| identity.targets.iter().cloned()).collect();
        for identity in identities.iter_mut().flatten() {
            if !targets.contains(&identity.id) {
                identity.items = Vec::new();
            }
        }
        let items: Vec<(&str, BTreeSet<&str>)> = identities
            .iter()
            .flatten()
            .filter(|identity| targets.contains(&identity.id))
            .map(|identity| (identity.id.as_str(), identity.items.iter().map(String::as_str).collect()))
            .collect();

        // The second pass: validation and rollup on the pool's threads, while this thread hands
        // each plan over in order as soon as it and those before it are done. At most `window`
        // plans are under way or waiting, so memory holds a few plans, not the portfolio.
        let count = self.plans.len();
        let (sender, receiver) = std::sync::mpsc::channel::<(usize, PlanOutcome)>();
        let (items, identities) = (&items, &identities);
        pool.in_place_scope(|scope| {
            let start = |index: usize| {
                let sender = sender.clone();
                scope.spawn(move |_| {
                    let plan = &self.plans[index];
                    let outcome = match &identities[index] {
                        Err(failure) => Err(failure.clone()),
                        Ok(identity) => {
                            let others: OtherPlans<'_> =
                                items.iter().filter(|(id, _)| *id != identity.id).map(|(id, set)| (*id, set)).collect();
                            // A bug must not leave this plan's place in the order empty, which
                            // would stop the run waiting for it.
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| roll_up(plan, options, &others)))
                                .unwrap_or_else(|panic| Err(PlanFailure::internal(&plan.plan, panic.as_ref())))
                        }
                    };
                    // The receiver is gone only when the run has stopped early.
                    let _ = sender.send((index, outcome));
                });
            };
            let mut started = window.min(count);
            (0..started).for_each(start);
            let mut waiting: BTreeMap<usize, PlanOutcome> = BTreeMap::new();
            let mut next = 0;
            while next < count {
                let Ok((index, outcome)) = receiver.recv() else { break };
                waiting.insert(index, outcome);
                while let Some(outcome) = waiting.remove(&next) {
                    next += 1;
                    if started < count {
                        start(started);
                        started += 1;
                    }
                    if let (true, Err(failure)) = (options.fail_fast, &outcome) {
                        return Err(PortfolioError::Plan(failure.clone()).into());
                    }
                    each(outcome)?;
                }
            }
            Ok(())
        })
    }
}

/// The first pass over one plan: it loads, and its id, item ids and link targets.
fn identify(plan: &PortfolioPlan) -> Result<Identity, PlanFailure> {
    if let Some(problem) = &plan.problem {
        return Err(problem.clone());
    }
    let loaded = load_plan(&plan.plan)?;
    let mut items = Vec::new();
    let mut targets = BTreeSet::new();
    for (_, item) in loaded.items_in_order() {
        items.push(item.id.clone());
        for link in &item.links {
            if let (Some(target), _) = link.target() {
                if target != loaded.id {
                    targets.insert(target.to_owned());
                }
            }
        }
    }
    Ok(Identity { id: loaded.id, items, targets })
}

/// The second pass over one plan: load it with its returns, validate, roll up.
fn roll_up(plan: &PortfolioPlan, options: &PortfolioOptions, others: &OtherPlans<'_>) -> PlanOutcome {
    let mut loaded = load_plan(&plan.plan)?;
    let mut updates = match &plan.updates {
        None => Updates::default(),
        Some(file) => {
            let returns_failure =
                |error| PlanFailure::Returns { plan: plan.plan.clone(), file: file.clone(), error: Box::new(error) };
            let read = match &plan.mapping {
                None => std::borrow::Cow::Borrowed(&options.read),
                Some(mapping) => {
                    let mapping = Mapping::load(mapping).map_err(|error| PlanFailure::Returns {
                        plan: plan.plan.clone(),
                        file: mapping.clone(),
                        error: Box::new(error),
                    })?;
                    std::borrow::Cow::Owned(ReadOptions { mapping, on_error: options.read.on_error })
                }
            };
            Updates::load_with(file, &read).map_err(returns_failure)?
        }
    };
    let findings = validate::validate(&loaded, Some(&updates), Some(others));
    let mut links = Vec::new();
    for (_, item) in loaded.items_in_order() {
        for link in &item.links {
            let (to_plan, to_item) = link.target();
            links.push(ItemLink {
                item: item.id.clone(),
                to_plan: to_plan.unwrap_or(&loaded.id).to_owned(),
                to_item: to_item.to_owned(),
                rel: link.rel(),
            });
        }
    }
    loaded.forget_text();
    updates.forget_text();
    let id = loaded.id.clone();
    let rollup = RollupEngine::from_owned(loaded, updates, &options.rollup).into_rollup();
    Ok(PlanRollup { file: plan.plan.clone(), updates: plan.updates.clone(), plan: id, rollup, findings, links })
}

/// Loads a plan file, or says why not.
fn load_plan(file: &Path) -> Result<Plan, PlanFailure> {
    Plan::load(file).map_err(|error| PlanFailure::Plan { file: file.to_owned(), error: Box::new(error) })
}
