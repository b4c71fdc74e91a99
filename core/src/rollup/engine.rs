//! The rollup engine (docs/rollup.md#the-incremental-engine): built from a plan and its
//! returns, it keeps every node's numbers; `apply(update)` recomputes only the item the update is for (or, for an adoption
//! event, the member items under it) and their ancestors, and returns the rows that changed.
//! A batch rollup is an engine built from scratch, so the two agree by construction.

use std::collections::BTreeSet;

use super::apply::ApplyError;
use super::compute::{compute_node, NodeResult, State};
use super::intake::Fields;
#[cfg(not(target_family = "wasm"))]
use super::intake::{CompactReturns, NO_MEMBER};
use super::latest::{Adoption, Key};
use super::parallel::Threads;
use super::row::{Cell, Excluded, ExclusionReason, Rollup, Row, StatusSource, Trend};
use super::settings::EffectiveSettings;
use super::tree::Tree;
use crate::model::{Date, ItemState, Missing, Plan, Settings, Timestamp, Update, Updates};

/// What a rollup is asked for (docs/rollup.md#inputs-and-options): the date, what was known
/// when, and settings that override the plan's. As JSON: `{"as_of": "2021-03-31", "known_at": "...", "settings": {...}}`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollupOptions {
    /// The date the numbers are for; the plan period's end when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Count only returns recorded by then ("what did we report at the March meeting");
    /// everything when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_at: Option<Timestamp>,
    /// Settings that override the plan's, field by field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
}

impl RollupOptions {
    /// Reads options from JSON data, with the same located errors as documents.
    pub fn from_json_value(value: serde_json::Value) -> Result<RollupOptions, crate::LoadError> {
        crate::io::from_json_value(value)
    }
}

/// How many returns [`RollupEngine::from_owned`] takes in before it gives back their memory: a
/// part of 10 MB or so (an [`Update`] is 152 bytes).
const RELEASE_EVERY: usize = 1 << 16;

/// The node an update is for and, for a member's return, the member's index.
pub(crate) type Target = (usize, Option<usize>);

/// What one [`RollupEngine::apply_changes`] changed, in document order.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Changes {
    /// The rows whose numbers changed.
    pub rows: Vec<Row>,
    /// The cells of the adoption matrix that changed (item by item, members in plan order).
    pub cells: Vec<Cell>,
}

/// The incremental rollup engine.
#[derive(Debug, Clone)]
pub struct RollupEngine {
    plan_id: String,
    pub(crate) tree: Tree,
    pub(crate) settings: EffectiveSettings,
    pub(crate) known_at: Option<Timestamp>,
    pub(crate) now: State,
    /// The same at `as_of - trend_days`, for the trend.
    pub(crate) then: State,
    /// How many updates were given (the next one's position, which breaks ties).
    received: usize,
    /// Whether the batch work may use more than the calling thread.
    threads: Threads,
    pub(crate) rows: Vec<Row>,
}

impl RollupEngine {
    /// Builds the engine and computes every row: the plan's own returns, then `updates`.
    ///
    /// ```
    /// use workplan::{Date, RollupEngine, RollupOptions, Update, Updates};
    /// # let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
    /// let date: Date = "2020-09-30".parse()?;
    /// let updates: Updates = [Update::percent("a.1", date, 50.0)].into_iter().collect();
    /// let options = RollupOptions { as_of: Some(date), ..RollupOptions::default() };
    /// let engine = RollupEngine::new(&plan, &updates, &options);
    /// assert_eq!(engine.rollup().row("a").and_then(|row| row.progress), Some(0.25));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(plan: &Plan, updates: &Updates, options: &RollupOptions) -> RollupEngine {
        let threads = Threads::for_returns(plan.updates.len() + updates.len());
        let mut engine = RollupEngine::without_returns(plan, options, threads);
        engine.record_all(plan.updates.iter().chain(updates.iter()));
        engine.compute_all();
        engine
    }

    /// Builds the engine as [`new`](Self::new) does, with the same numbers, from a plan and
    /// returns it may consume: each is let go as soon as the engine has what it needs from it
    /// (the items' ids, labels, titles and measures are moved into the engine rather than
    /// copied, the rest of the plan goes once it is flattened, the returns a part at a time as
    /// they are taken in; the nodes' numbers are made after that), so that the peak memory of
    /// a large rollup is not the plan, its returns and the engine together. On one thread. For
    /// a plan that is rolled up and then not needed (`workplan report` in its row formats).
    ///
    /// ```
    /// use workplan::{Date, RollupEngine, RollupOptions, Update, Updates};
    /// # let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
    /// let date: Date = "2020-09-30".parse()?;
    /// let updates: Updates = [Update::percent("a.1", date, 50.0)].into_iter().collect();
    /// let options = RollupOptions { as_of: Some(date), ..RollupOptions::default() };
    /// let batch = workplan::rollup(&plan, &updates, &options);
    /// assert_eq!(RollupEngine::from_owned(plan, updates, &options).into_rollup(), batch);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_owned(plan: Plan, updates: Updates, options: &RollupOptions) -> RollupEngine {
        RollupEngine::from_owned_numbers(plan, updates, options).with_rows()
    }

    /// Reads the plan at `path` and builds its engine with `updates`, as
    /// [`from_owned`](Self::from_owned) builds it from the plan [`Plan::load`] reads, with the
    /// same numbers, keeping of the plan only what the rollup needs: a `.json` plan is read as a
    /// stream, its returns straight into a compact list (item and member ids as indexes, no
    /// notes' texts, no `x-` keys: 64 bytes a return), its items' texts moved into the engine.
    /// For the lowest peak memory of a large rollup whose plan is not needed after it
    /// (`workplan report` in its row formats). The text is not kept, so nothing about the plan is
    /// reported with a line and column; an error is `Plan::load`'s, with its line and column.
    /// Other formats, or a JSON file the stream cannot read, are read as `Plan::load` reads
    /// them.
    ///
    /// ```
    /// use workplan::{RollupEngine, RollupOptions, Plan, Updates};
    /// # let dir = std::env::temp_dir().join(format!("workplan-engine-load-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("plan.json");
    /// std::fs::write(&path, r#"{"workplan": 1, "id": "p", "title": "P",
    ///     "period": {"start": "2020-04-01", "end": "2021-03-31"},
    ///     "items": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
    ///     "updates": [{"item": "a", "date": "2020-06-30", "percent": 50, "note": "halfway"}]}"#)?;
    /// let options = RollupOptions::default();
    /// let loaded = RollupEngine::load(&path, Updates::new(), &options)?.into_rollup();
    /// assert_eq!(loaded, workplan::rollup(&Plan::load(&path)?, &Updates::new(), &options));
    /// assert_eq!(loaded.rows[0].progress, Some(0.5));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load(
        path: impl AsRef<std::path::Path>,
        updates: Updates,
        options: &RollupOptions,
    ) -> Result<RollupEngine, crate::LoadError> {
        Ok(RollupEngine::load_numbers(path.as_ref(), updates, options)?.with_rows())
    }

    /// [`load`](Self::load) with every node's numbers computed and no row made.
    pub(crate) fn load_numbers(
        path: &std::path::Path,
        updates: Updates,
        options: &RollupOptions,
    ) -> Result<RollupEngine, crate::LoadError> {
        #[cfg(not(target_family = "wasm"))]
        {
            use super::intake::read_compactly;
            if crate::document::Format::from_path(path) == Some(crate::document::Format::Json) {
                let (plan, own) = read_compactly(|| crate::io::format::straight_from_json_file::<Plan>(path));
                if let Some(plan) = plan {
                    return Ok(RollupEngine::from_compact(plan, own, updates, options));
                }
            }
            // Other formats, and JSON the stream cannot read: the text read whole, the returns
            // still compactly (a second reading of the list, where `Plan::load` tries two
            // readers, replaces the first's).
            let (plan, own) = read_compactly(|| Plan::load(path));
            let mut plan = plan?;
            plan.forget_text();
            Ok(RollupEngine::from_compact(plan, own, updates, options))
        }
        #[cfg(target_family = "wasm")]
        {
            let mut plan = Plan::load(path)?;
            plan.forget_text();
            Ok(RollupEngine::from_owned_in_parts(plan, updates, options, RELEASE_EVERY))
        }
    }

    /// [`from_owned`](Self::from_owned) of a plan whose own returns are `own`, compactly (its
    /// `updates` are empty), with every node's numbers computed and no row made.
    #[cfg(not(target_family = "wasm"))]
    fn from_compact(mut plan: Plan, own: CompactReturns, updates: Updates, options: &RollupOptions) -> RollupEngine {
        let tree = Tree::from_owned(&mut plan);
        let mut engine = RollupEngine::with_tree(tree, &plan, options, Threads::One);
        drop(plan);
        let tree = &engine.tree;
        let nodes: Vec<Option<usize>> = own.items.iter().map(|id| tree.node_of(id)).collect();
        let members: Vec<Option<usize>> = own.members.iter().map(|id| tree.member_index.get(id).copied()).collect();
        for state in [&mut engine.now, &mut engine.then] {
            record_compact(tree, state, engine.known_at, &own, (&nodes, &members));
        }
        let (first, count) = (own.len(), own.len() + updates.len());
        drop(own);
        engine.record_releasing(updates.updates, first, RELEASE_EVERY);
        engine.received = count;
        engine.compute_states();
        engine
    }

    /// [`from_owned`](Self::from_owned) with every node's numbers computed and no row made.
    pub(crate) fn from_owned_numbers(plan: Plan, updates: Updates, options: &RollupOptions) -> RollupEngine {
        RollupEngine::from_owned_in_parts(plan, updates, options, RELEASE_EVERY)
    }

    /// [`from_owned`](Self::from_owned), letting go of the returns `every` at a time, with
    /// every node's numbers computed and no row made.
    fn from_owned_in_parts(mut plan: Plan, updates: Updates, options: &RollupOptions, every: usize) -> RollupEngine {
        let own = std::mem::take(&mut plan.updates);
        let tree = Tree::from_owned(&mut plan);
        let mut engine = RollupEngine::with_tree(tree, &plan, options, Threads::One);
        drop(plan);
        let (first, count) = (own.len(), own.len() + updates.len());
        engine.record_releasing(updates.updates, first, every);
        engine.record_releasing(own, 0, every);
        engine.received = count;
        engine.compute_states();
        engine
    }

    /// Takes in `returns`, the first at position `first`, and lets go of each part of them as
    /// soon as it is taken in: `every` returns at a time, from the last, after which the list
    /// is cut and shrunk (its memory given back). So the engine's states grow while the returns
    /// shrink, and the peak is not the two together. Positions break ties, not the order
    /// returns are taken in, so the numbers are those of taking them in input order.
    fn record_releasing(&mut self, mut returns: Vec<Update>, first: usize, every: usize) {
        while !returns.is_empty() {
            let start = returns.len().saturating_sub(every.max(1));
            let part = &returns[start..];
            record_state(&self.tree, &mut self.now, self.known_at, first + start, part.iter());
            record_state(&self.tree, &mut self.then, self.known_at, first + start, part.iter());
            returns.truncate(start);
            returns.shrink_to_fit();
        }
    }

    /// The engine of `plan` with no return taken in and nothing computed.
    fn without_returns(plan: &Plan, options: &RollupOptions, threads: Threads) -> RollupEngine {
        RollupEngine::with_tree(Tree::new(plan, threads), plan, options, threads)
    }

    /// The engine of `plan`, whose tree is `tree`, with no return taken in and nothing computed.
    fn with_tree(tree: Tree, plan: &Plan, options: &RollupOptions, threads: Threads) -> RollupEngine {
        let settings = EffectiveSettings::resolve(plan.settings.as_ref(), options.settings.as_ref());
        let as_of = options.as_of.unwrap_or(plan.period.end);
        let then_date = days_before(as_of, settings.trend_days);
        let state = |as_of| State::new(as_of, &tree);
        RollupEngine {
            plan_id: plan.id.clone(),
            now: state(as_of),
            then: state(then_date),
            tree,
            settings,
            known_at: options.known_at,
            received: 0,
            threads,
            rows: Vec::new(),
        }
    }

    /// Takes in `updates`, in order (their positions break ties): each state on a thread of its
    /// own where the build has threads.
    fn record_all<'u>(&mut self, updates: impl Iterator<Item = &'u Update> + Clone + Send) {
        let (tree, known_at) = (&self.tree, self.known_at);
        let first = self.received;
        let again = updates.clone();
        let (taken, _) = self.threads.join(
            || record_state(tree, &mut self.now, known_at, first, updates),
            || record_state(tree, &mut self.then, known_at, first, again),
        );
        self.received += taken;
    }

    /// Computes every node's numbers, in both states (each on a thread of its own where the
    /// build has threads), and every row.
    pub(crate) fn compute_all(&mut self) {
        self.compute_states();
        self.make_rows();
    }

    /// The engine with its rows made (its numbers computed).
    fn with_rows(mut self) -> RollupEngine {
        self.make_rows();
        self
    }

    /// Makes every row from the computed numbers.
    fn make_rows(&mut self) {
        self.rows = self.threads.map(self.row_count(), |n| self.row(n));
    }

    /// Computes every node's numbers, in both states, and no row.
    fn compute_states(&mut self) {
        let (tree, settings) = (&self.tree, &self.settings);
        self.threads
            .join(|| compute_state(tree, &mut self.now, settings), || compute_state(tree, &mut self.then, settings));
    }

    /// How many rows there are: one per item.
    pub(crate) fn row_count(&self) -> usize {
        self.tree.nodes.len()
    }

    /// The node and member an update is for: `None` when the plan has no such item, or the
    /// update names a member the plan does not have.
    pub(crate) fn target(&self, update: &Update) -> Option<Target> {
        target_in(&self.tree, update)
    }

    /// Takes a return into the states it counts for; adds the nodes it touches to `touched`.
    fn record(&mut self, update: &Update, touched: &mut Vec<usize>) {
        let target = self.target(update);
        let position = self.received;
        self.received += 1;
        let fields = Fields::of(update);
        let key: Key = (fields.date, fields.recorded, position);
        if let Some(target) = target {
            for state in [&mut self.now, &mut self.then] {
                if fields.counts(state.as_of, self.known_at) {
                    take(&self.tree, state, target, &fields, key).add_to(&self.tree, touched);
                }
            }
        }
    }

    /// Applies one more return and recomputes what it affects: the item (for an adoption event,
    /// the member items under it) and their ancestors. Returns the rows that changed, in
    /// document order; a return that cannot count is refused and changes nothing
    /// ([`check`](Self::check)).
    ///
    /// ```
    /// use workplan::{Date, RollupEngine, RollupOptions, Update, Updates};
    /// # let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
    /// let date: Date = "2020-09-30".parse()?;
    /// let options = RollupOptions { as_of: Some(date), ..RollupOptions::default() };
    /// let mut engine = RollupEngine::new(&plan, &Updates::new(), &options);
    /// let changed = engine.apply(Update::percent("a.2", date, 100.0))?;
    /// assert_eq!(changed.iter().map(|row| row.id.as_str()).collect::<Vec<_>>(), ["a", "a.2"]);
    /// let refused = engine.apply(Update::percent("nope", date, 10.0)).expect_err("no such item");
    /// assert_eq!(refused.code(), "unknown_item");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, update: Update) -> Result<Vec<Row>, ApplyError> {
        Ok(self.apply_changes(update)?.rows)
    }

    /// Like [`apply`](Self::apply), and also returns the cells of the adoption matrix that
    /// changed (a cell can change while its item's row does not, e.g. a return that repeats a
    /// member's progress on a later date).
    pub fn apply_changes(&mut self, update: Update) -> Result<Changes, ApplyError> {
        self.check(&update)?;
        Ok(self.apply_checked(&update))
    }

    /// Applies a return that [`check`](Self::check) accepted.
    pub(crate) fn apply_checked(&mut self, update: &Update) -> Changes {
        let mut touched = Vec::new();
        self.record(update, &mut touched);
        let mut affected: BTreeSet<usize> = BTreeSet::new();
        for n in touched {
            affected.insert(n);
            affected.extend(self.tree.ancestors(n));
        }
        let mut changed_cells: BTreeSet<(usize, usize)> = BTreeSet::new();
        // Children come after their parents in document order: recompute from the last.
        for &n in affected.iter().rev() {
            let before = std::mem::take(&mut self.now.results[n].cells);
            self.now.results[n] = compute_node(&self.tree, &self.now, n, &self.settings);
            self.then.results[n] = compute_node(&self.tree, &self.then, n, &self.settings);
            let after = &self.now.results[n].cells;
            let members = after.len().max(before.len());
            changed_cells.extend((0..members).filter(|&m| before.get(m) != after.get(m)).map(|m| (n, m)));
        }
        let cells = changed_cells
            .into_iter()
            .filter(|&(n, m)| m < self.now.results[n].cells.len())
            .map(|(n, m)| self.cell(n, m))
            .collect();
        let mut rows = Vec::new();
        for &n in &affected {
            let row = self.row(n);
            if row != self.rows[n] {
                self.rows[n] = row.clone();
                rows.push(row);
            }
        }
        Changes { rows, cells }
    }

    /// The rows, in document order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The settings in force.
    pub fn settings(&self) -> &EffectiveSettings {
        &self.settings
    }

    /// The cells of the adoption matrix for one member item, in the order of the plan's members
    /// (empty for an item without members, or an unknown id).
    pub fn cells(&self, id: &str) -> Vec<Cell> {
        match self.tree.node_of(id) {
            Some(n) => (0..self.now.results[n].cells.len()).map(|member| self.cell(n, member)).collect(),
            None => Vec::new(),
        }
    }

    /// The cell of node `n` and member index `member`, from the computed results.
    fn cell(&self, n: usize, member: usize) -> Cell {
        let node = &self.tree.nodes[n];
        let result = &self.now.results[n];
        let cell = &result.cells[member];
        Cell {
            item: node.id.clone(),
            member: self.tree.members[member].clone(),
            state: cell.state,
            progress: cell.progress,
            expected: result.expected,
            variance: cell.progress.zip(result.expected).map(|(p, e)| p - e),
            share_of_sum: node.shares_a_sum(),
            value: cell.value,
            date: cell.date,
            status: cell.status,
        }
    }

    /// The whole result (docs/rollup.md#the-result).
    pub fn rollup(&self) -> Rollup {
        self.result(self.rows.clone())
    }

    /// The whole result, taking the engine's rows rather than copying them.
    pub fn into_rollup(mut self) -> Rollup {
        let rows = std::mem::take(&mut self.rows);
        self.result(rows)
    }

    /// The result with these rows: the adoption matrix and the denominator audit.
    pub(crate) fn result(&self, rows: Vec<Row>) -> Rollup {
        let nodes = self.tree.nodes.len();
        let (adoption, excluded) =
            self.threads.join(|| self.adoption(), || (0..nodes).filter_map(|n| self.exclusion(n)).collect());
        Rollup { plan: self.plan_id.clone(), as_of: self.now.as_of, rows, adoption, excluded }
    }

    /// Every cell of the adoption matrix, item by item, members in plan order: each made
    /// straight into its place in the list (on every thread allowed), found from where its
    /// item's cells start.
    fn adoption(&self) -> Vec<Cell> {
        let mut owners: Vec<(usize, usize)> = Vec::new();
        let mut count = 0;
        for (n, result) in self.now.results.iter().enumerate() {
            if !result.cells.is_empty() {
                owners.push((count, n));
                count += result.cells.len();
            }
        }
        self.threads.map(count, |i| {
            let (start, n) = owners[owners.partition_point(|&(start, _)| start <= i).saturating_sub(1)];
            self.cell(n, i - start)
        })
    }

    /// Why node `n` is left out of its parent's numbers, if it is (docs/rollup.md#the-result).
    fn exclusion(&self, n: usize) -> Option<Excluded> {
        let node = &self.tree.nodes[n];
        match node.excluded_by {
            Some((by, state)) => Some(Excluded {
                item: node.id.clone(),
                reason: if state == ItemState::Cancelled {
                    ExclusionReason::Cancelled
                } else {
                    ExclusionReason::Deferred
                },
                because_of: Some(self.tree.nodes[by].id.clone()),
            }),
            None if self.settings.missing == Missing::Exclude
                && node.parent.is_some()
                && self.now.results[n].progress.is_none() =>
            {
                Some(Excluded { item: node.id.clone(), reason: ExclusionReason::NoData, because_of: None })
            }
            None => None,
        }
    }

    /// The row of node `n` from the computed results.
    pub(crate) fn row(&self, n: usize) -> Row {
        let node = &self.tree.nodes[n];
        let now = &self.now.results[n];
        let then = &self.then.results[n];
        let trend = match (now.progress, then.progress) {
            (Some(p), Some(q)) if p - q > 0.005 => Some(Trend::Improving),
            (Some(p), Some(q)) if p - q < -0.005 => Some(Trend::Worsening),
            (Some(_), Some(_)) => Some(Trend::Steady),
            _ => None,
        };
        let status = now.status.unwrap_or(super::row::Status::Unknown);
        let source = if now.reported_status.is_some() && now.reported_status == Some(status) && node.is_leaf() {
            StatusSource::Reported
        } else {
            StatusSource::Derived
        };
        let stale = match (node.included(), now.last_update) {
            (true, Some(last)) => Some(last.days_until(self.now.as_of) > i64::from(self.settings.stale_after_days)),
            _ => None,
        };
        Row {
            id: node.id.clone(),
            parent: node.parent.map(|p| self.tree.nodes[p].id.clone()),
            depth: node.depth,
            level: self.tree.level_ids.get(node.depth).cloned(),
            label: node.label.clone(),
            title: node.title.clone(),
            is_leaf: node.is_leaf(),
            number: node.number.clone(),
            top: self.tree.nodes[node.top].id.clone(),
            state: node.state,
            included: node.included(),
            progress: now.progress,
            expected: now.expected,
            variance: now.progress.zip(now.expected).map(|(p, e)| p - e),
            status,
            reported_status: now.reported_status,
            derived_status: now.derived_status.unwrap_or(super::row::Status::Unknown),
            status_source: source,
            trend,
            last_update: now.last_update,
            stale,
            coverage: now.coverage,
            low_coverage: now.coverage.is_some_and(|c| c < self.settings.coverage_threshold),
            leaves: now.leaves,
            leaves_with_data: now.leaves_with_data,
            status_counts: now.status_counts,
            value: now.value,
            target: node.measure.as_deref().map(|m| m.target),
            unit: node.unit.clone(),
            members_in_scope: now.members_in_scope,
            members_adopted: now.members_adopted,
            members_reported: now.members_reported,
        }
    }
}

/// How many nodes after the last return's node [`record_state`] compares with the next
/// return's item before it asks the index: enough to pass the parents between two leaves.
const NEAR: usize = 4;

/// Takes `updates` into `state`, the first at position `first` (positions break ties), and
/// returns how many there were. Returns come grouped by item (a file lists an item's returns
/// together): the previous return's node is reused when the next names the same item, and
/// its member's index when it names the same member, which saves a hash lookup (and, for the
/// items, its cache misses) for most returns of a large plan.
fn record_state<'u>(
    tree: &Tree,
    state: &mut State,
    known_at: Option<Timestamp>,
    first: usize,
    updates: impl Iterator<Item = &'u Update>,
) -> usize {
    let mut item: Option<(&str, Option<usize>)> = None;
    let mut member: Option<(&str, Option<usize>)> = None;
    let mut count = 0;
    for update in updates {
        let n = match item {
            Some((id, n)) if id == update.item => n,
            _ => {
                // Files list items in document order more often than not: the next item is
                // looked for among the few nodes after the last before the index is asked (a
                // node whose id an earlier node has is left to the index, which finds the
                // first).
                let after = item.and_then(|(_, n)| n).map_or(0, |n| n + 1);
                let mut near = tree.nodes.get(after..).unwrap_or_default().iter().take(NEAR);
                let n = match near.position(|node| node.id == update.item && !node.repeats_an_id) {
                    Some(i) => Some(after + i),
                    None => tree.node_of(&update.item),
                };
                item.insert((&update.item, n)).1
            }
        };
        let target = n.and_then(|n| match update.member.as_deref() {
            None => Some((n, None)),
            Some(id) => match member {
                Some((last, m)) if last == id => m,
                _ => member.insert((id, tree.member_index.get(id).copied())).1,
            }
            .map(|m| (n, Some(m))),
        });
        if let Some(target) = target {
            let fields = Fields::of(update);
            if fields.counts(state.as_of, known_at) {
                let key: Key = (fields.date, fields.recorded, first + count);
                take(tree, state, target, &fields, key);
            }
        }
        count += 1;
    }
    count
}

/// Takes compact `returns` into `state`, the first at position 0, as [`record_state`] takes
/// the same returns: `nodes` and `members` are the node and member index of each of their
/// distinct item and member ids (`None`: not in the plan, so the return is not taken in).
#[cfg(not(target_family = "wasm"))]
fn record_compact(
    tree: &Tree,
    state: &mut State,
    known_at: Option<Timestamp>,
    returns: &CompactReturns,
    (nodes, members): (&[Option<usize>], &[Option<usize>]),
) {
    for (position, compact) in returns.returns.iter().enumerate() {
        let Some(n) = nodes[compact.item as usize] else { continue };
        let target = match compact.member {
            NO_MEMBER => (n, None),
            member => match members[member as usize] {
                Some(member) => (n, Some(member)),
                None => continue,
            },
        };
        let fields = &compact.fields;
        if fields.counts(state.as_of, known_at) {
            take(tree, state, target, fields, (fields.date, fields.recorded, position));
        }
    }
}

/// Computes every node's numbers in `state`, children before their parents.
fn compute_state(tree: &Tree, state: &mut State, settings: &EffectiveSettings) {
    state.results.resize_with(tree.nodes.len(), NodeResult::default);
    for n in (0..tree.nodes.len()).rev() {
        state.results[n] = compute_node(tree, state, n, settings);
    }
}

/// The node and member an update is for: `None` when the plan has no such item, or the update
/// names a member the plan does not have.
fn target_in(tree: &Tree, update: &Update) -> Option<Target> {
    let n = tree.node_of(&update.item)?;
    match &update.member {
        None => Some((n, None)),
        Some(m) => tree.member_index.get(m.as_str()).map(|&member| (n, Some(member))),
    }
}

/// `days` days before `date` (the first representable date when that is earlier).
pub(crate) fn days_before(date: Date, days: u32) -> Date {
    Date(date.0.checked_sub_signed(chrono::Duration::days(i64::from(days))).unwrap_or(chrono::NaiveDate::MIN))
}

/// What taking a return into a state may have changed the numbers of (before their ancestors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Touched {
    /// Nothing: the return carries nothing a rule reads.
    Nothing,
    /// The return's item.
    Node(usize),
    /// The return's item and every item under it (an adoption event).
    Subtree(usize),
}

impl Touched {
    /// Adds the nodes touched to `touched`.
    pub fn add_to(self, tree: &Tree, touched: &mut Vec<usize>) {
        match self {
            Touched::Nothing => {}
            Touched::Node(n) => touched.push(n),
            Touched::Subtree(n) => touched.extend(tree.subtree(n)),
        }
    }
}

/// Takes a return that counts at `state.as_of` into `state`: an adoption event into the
/// adoptions (touching the member items under its item), anything else into the latest
/// fields of its (item, member). Says what it touched, for the incremental engine.
pub(crate) fn take(
    tree: &Tree,
    state: &mut State,
    (n, member): (usize, Option<usize>),
    update: &Fields,
    key: Key,
) -> Touched {
    let mut touched = Touched::Nothing;
    if let (Some(adopted), Some(member)) = (update.adopted, member) {
        state.adopt(tree, n, member, Adoption { adopted, key });
        touched = Touched::Subtree(n);
    }
    let has_progress = update.status.is_some() || update.percent.is_some() || update.value.is_some() || update.note;
    if has_progress || update.adopted.is_none() {
        if let Some(latest) = state.latest_mut(tree, n, member) {
            latest.add(update, key);
        }
        if touched == Touched::Nothing {
            touched = Touched::Node(n);
        }
    }
    touched
}

/// The rollup of a plan and its returns (docs/rollup.md): a pure function of its inputs.
///
/// ```
/// use workplan::{rollup, Date, RollupOptions, Status, Update, Updates};
/// # let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
/// let date: Date = "2020-09-30".parse()?;
/// let updates: Updates = [Update::percent("a.1", date, 100.0), Update::percent("a.2", date, 20.0)]
///     .into_iter()
///     .collect();
/// let result = rollup(&plan, &updates, &RollupOptions { as_of: Some(date), ..RollupOptions::default() });
/// let row = result.row("a").expect("a row per item");
/// assert_eq!((row.progress, row.leaves_with_data), (Some(0.6), 2));
/// assert_eq!(result.row("a.1").map(|row| row.status), Some(Status::Done));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rollup(plan: &Plan, updates: &Updates, options: &RollupOptions) -> Rollup {
    RollupEngine::new(plan, updates, options).into_rollup()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::Synthetic;
    use crate::model::UpdateStatus;

    #[test]
    fn a_repeated_id_is_the_first_item_with_it_when_returns_come_in_document_order() {
        // Nodes: x (0), a (1), x again (2). After a return to `a`, the next item is looked for
        // among the nodes after `a` first: the second `x` is there, but the index's answer,
        // the first `x`, is the one the returns are for.
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
             items: [{id: x, title: X1}, {id: a, title: A}, {id: x, title: X2}]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let date: Date = "2020-09-30".parse().unwrap_or_else(|e| panic!("{e}"));
        let updates: Updates =
            [Update::percent("a", date, 10.0), Update::percent("x", date, 50.0)].into_iter().collect();
        let options = RollupOptions { as_of: Some(date), ..RollupOptions::default() };
        let progress = |rollup: Rollup| rollup.rows.iter().map(|row| row.progress).collect::<Vec<_>>();
        let expected = vec![Some(0.5), Some(0.1), None];
        assert_eq!(progress(rollup(&plan, &updates, &options)), expected);
        assert_eq!(progress(RollupEngine::from_owned(plan, updates, &options).into_rollup()), expected);
    }

    #[test]
    fn returns_let_go_of_in_parts_give_the_numbers_of_input_order() {
        let generated = Synthetic { items: 400, member_share: 0.3, ..Synthetic::default() }
            .generate()
            .unwrap_or_else(|e| panic!("{e}"));
        let (mut plan, mut updates) = (generated.plan, generated.updates);
        // Ties that only positions break: after every third return another of the same item,
        // member, date and recording time with other numbers, which counts because it is later.
        let mut tied = Vec::new();
        for (n, update) in updates.updates.drain(..).enumerate() {
            let again = (n % 3 == 0 && update.adopted.is_none()).then(|| Update {
                percent: update.percent.map(|p| (p + 37.0) % 100.0),
                status: Some(UpdateStatus::AtRisk),
                ..update.clone()
            });
            tied.push(update);
            tied.extend(again);
        }
        // Returns both in the plan and beside it, as `workplan report --updates` has them.
        plan.updates = tied.split_off(tied.len() / 2);
        updates.updates = tied;
        let options = RollupOptions { as_of: "2020-10-31".parse().ok(), ..RollupOptions::default() };
        let expected = rollup(&plan, &updates, &options);
        assert!(!expected.adoption.is_empty() && expected.rows.iter().any(|r| r.status == crate::Status::AtRisk));
        for every in [1, 7, 1_000, RELEASE_EVERY] {
            let engine = RollupEngine::from_owned_in_parts(plan.clone(), updates.clone(), &options, every).with_rows();
            assert_eq!(engine.received, plan.updates.len() + updates.len());
            assert_eq!(engine.into_rollup(), expected, "parts of {every}");
        }
    }
}
