//! The rules of docs/rollup.md as functions: leaf progress, member items, parents, expected
//! progress and status. The batch rollup and the incremental engine both call these, so they
//! give the same numbers by construction.

use super::latest::{Adoption, Latest};
use super::row::{CellState, Status, StatusCounts};
use super::settings::EffectiveSettings;
use super::tree::{Node, Tree};
use crate::model::{Aggregate, Date, ItemState, Measure, Missing, StatusPolicy, UpdateStatus, Weighting};

/// What the rollup knows at one `as_of`: the latest returns and adoptions, and every node's
/// numbers.
///
/// The latest fields are kept for each node (the returns without a member) and for each
/// member slot of a member leaf ([`Tree::member_slot`]; returns of a member to any other item,
/// or to a member leaf whose scope leaves the member out, are read by no rule, so they have no
/// slot). Each of these places holds the index of its [`Latest`] in a list made as returns are
/// taken in, so that places no return reaches cost one zeroed word and the list is written in
/// the order returns come.
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub as_of: Date,
    /// Place (node, then `nodes + member slot`) -> 1 + the index in `latests` of its latest
    /// fields; 0: no return counted.
    places: Vec<usize>,
    latests: Vec<Latest>,
    /// Member slot -> the latest adoption event of that member for that member item (made at
    /// the first such event, so a plan without any pays nothing).
    adoptions: Vec<Option<Adoption>>,
    /// The latest adoption events that have no member slot (a member's adoption of an item
    /// above its member items, or of one whose scope leaves the member out): node -> 1 + the
    /// index in `node_adoptions` of that node's events (0: none), made at the first such event.
    /// Read for every member of every member item below such a node: an index, not a hash.
    adoption_nodes: Vec<usize>,
    /// The events of each node in `adoption_nodes`, by member.
    node_adoptions: Vec<Box<[Option<Adoption>]>>,
    pub results: Vec<NodeResult>,
}

impl State {
    /// Nothing known yet, for `tree`.
    pub fn new(as_of: Date, tree: &Tree) -> State {
        let places = tree.nodes.len() + tree.member_slots;
        State {
            as_of,
            // Zeroed, so allocated without being written (its pages are touched when used).
            places: vec![0; places],
            // At most one for each place: reserved, not written, so never moved as it grows.
            latests: Vec::with_capacity(places),
            adoptions: Vec::new(),
            adoption_nodes: Vec::new(),
            node_adoptions: Vec::new(),
            // Made when the numbers are computed (`compute_state`), after the returns are taken
            // in, which a consuming rollup lets go of first.
            results: Vec::new(),
        }
    }

    /// The place of (node, member), if it has one.
    fn place(tree: &Tree, node: usize, member: Option<usize>) -> Option<usize> {
        match member {
            None => (node < tree.nodes.len()).then_some(node),
            Some(member) => tree.member_slot(node, member).map(|slot| tree.nodes.len() + slot),
        }
    }

    /// The latest fields for (node, member), if any return counted.
    pub fn latest(&self, tree: &Tree, node: usize, member: Option<usize>) -> Option<&Latest> {
        let index = *self.places.get(State::place(tree, node, member)?)?;
        index.checked_sub(1).map(|i| &self.latests[i])
    }

    /// The latest fields for (node, member), to add a return to; `None` for a member's return
    /// that no rule reads.
    pub fn latest_mut(&mut self, tree: &Tree, node: usize, member: Option<usize>) -> Option<&mut Latest> {
        let place = self.places.get_mut(State::place(tree, node, member)?)?;
        if *place == 0 {
            self.latests.push(Latest::default());
            *place = self.latests.len();
        }
        self.latests.get_mut(*place - 1)
    }

    /// The latest adoption event of `member` for node `n`, if any counted.
    pub fn adoption(&self, tree: &Tree, n: usize, member: usize) -> Option<&Adoption> {
        match tree.member_slot(n, member) {
            Some(slot) => self.adoptions.get(slot)?.as_ref(),
            None => {
                let index = self.adoption_nodes.get(n)?.checked_sub(1)?;
                self.node_adoptions.get(index)?.get(member)?.as_ref()
            }
        }
    }

    /// Takes an adoption event of `member` for node `n` into account (the latest by `key`
    /// counts; of two with the same key, the one taken last).
    pub fn adopt(&mut self, tree: &Tree, n: usize, member: usize, event: Adoption) {
        let latest = match tree.member_slot(n, member) {
            Some(slot) => {
                if self.adoptions.is_empty() {
                    self.adoptions = vec![None; tree.member_slots];
                }
                self.adoptions.get_mut(slot)
            }
            None => {
                if self.adoption_nodes.is_empty() {
                    self.adoption_nodes = vec![0; tree.nodes.len()];
                }
                let Some(index) = self.adoption_nodes.get_mut(n) else { return };
                if *index == 0 {
                    self.node_adoptions.push(vec![None; tree.members.len()].into_boxed_slice());
                    *index = self.node_adoptions.len();
                }
                let index = *index - 1;
                self.node_adoptions.get_mut(index).and_then(|events| events.get_mut(member))
            }
        };
        if let Some(latest) = latest {
            if latest.is_none_or(|latest| event.key >= latest.key) {
                *latest = Some(event);
            }
        }
    }
}

/// A member's cell of a member item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellResult {
    pub state: CellState,
    pub progress: Option<f64>,
    pub value: Option<f64>,
    pub date: Option<Date>,
    pub status: Option<Status>,
}

/// One node's numbers at one `as_of`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NodeResult {
    pub progress: Option<f64>,
    pub expected: Option<f64>,
    pub status: Option<Status>,
    pub reported_status: Option<Status>,
    pub derived_status: Option<Status>,
    pub last_update: Option<Date>,
    pub coverage: Option<f64>,
    /// Sum and count of the coverage of the included leaves below (for parents' means).
    pub coverage_sum: f64,
    pub coverage_count: usize,
    pub leaves: usize,
    /// Included leaves at or below the node that have data (progress).
    pub leaves_with_data: usize,
    pub status_counts: StatusCounts,
    pub value: Option<f64>,
    pub members_in_scope: Option<usize>,
    pub members_adopted: Option<usize>,
    pub members_reported: Option<usize>,
    pub cells: Vec<CellResult>,
}

/// `(value - baseline) / (target - baseline)`, clamped to 0..1; `None` when target == baseline
/// or when any of the three is not a finite number (NaN or infinite, which validation reports).
pub(crate) fn score(value: f64, baseline: f64, target: f64) -> Option<f64> {
    let span = target - baseline;
    (span != 0.0 && span.is_finite() && value.is_finite() && baseline.is_finite())
        .then(|| ((value - baseline) / span).clamp(0.0, 1.0))
}

/// Which of a leaf's latest returns gives its progress (docs/rollup.md#leaf-progress), by the
/// first rule that applies: done, then the measure's value, then percent, then not started.
/// [`leaf_progress`] computes with it and `explain` names it, so the two cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum LeafSource<'a> {
    /// The latest status is done: 100%.
    Done,
    /// The latest value (the first field) of the item's measure (the second).
    Measure(f64, &'a Measure),
    /// The latest percent complete.
    Percent(f64),
    /// The latest status is not started: 0%.
    NotStarted,
    /// No return gives progress.
    NoData,
}

/// The rule that gives a leaf's progress from its latest returns (`None`: no return counted).
pub(crate) fn leaf_source<'a>(latest: Option<&Latest>, measure: Option<&'a Measure>) -> LeafSource<'a> {
    let Some(latest) = latest else { return LeafSource::NoData };
    let status = latest.status.map(|s| s.value);
    if status == Some(UpdateStatus::Done) {
        return LeafSource::Done;
    }
    if let (Some(measure), Some(value)) = (measure, latest.value) {
        return LeafSource::Measure(value.value, measure);
    }
    if let Some(percent) = latest.percent {
        return LeafSource::Percent(percent.value);
    }
    if status == Some(UpdateStatus::NotStarted) {
        return LeafSource::NotStarted;
    }
    LeafSource::NoData
}

/// A leaf's progress from one set of returns, by [`leaf_source`]; `target` overrides the
/// measure's target (a member target).
pub(crate) fn leaf_progress(latest: Option<&Latest>, measure: Option<&Measure>, target: Option<f64>) -> Option<f64> {
    match leaf_source(latest, measure) {
        LeafSource::Done => Some(1.0),
        LeafSource::Measure(value, measure) => score(value, measure.baseline(), target.unwrap_or(measure.target)),
        LeafSource::Percent(percent) => Some((percent / 100.0).clamp(0.0, 1.0)),
        LeafSource::NotStarted => Some(0.0),
        LeafSource::NoData => None,
    }
}

/// docs/rollup.md#expected-progress: the share of the time from `start` to `due` that has
/// passed at `as_of`, or with milestones, the milestone target at `as_of` scored like a value.
pub(crate) fn expected(node: &Node, as_of: Date) -> Option<f64> {
    let (s, d) = (node.start, node.due);
    if let Some(measure) = node.measure.as_deref().filter(|m| !m.milestones.is_empty()) {
        let mut points: Vec<(Date, f64)> = vec![(s, measure.baseline())];
        points.extend(measure.milestones.iter().map(|m| (m.date, m.target)));
        points.push((d, measure.target));
        points.sort_by_key(|p| p.0);
        let value = interpolate(&points, as_of);
        return score(value, measure.baseline(), measure.target);
    }
    if d <= s {
        return Some(if as_of >= d { 1.0 } else { 0.0 });
    }
    let elapsed = s.days_until(as_of) as f64;
    let total = s.days_until(d) as f64;
    Some((elapsed / total).clamp(0.0, 1.0))
}

/// The value of a piecewise-linear line through `points` (sorted by date) at `at`.
fn interpolate(points: &[(Date, f64)], at: Date) -> f64 {
    let first = points[0];
    let last = points[points.len() - 1];
    if at <= first.0 {
        return first.1;
    }
    if at >= last.0 {
        return last.1;
    }
    for pair in points.windows(2) {
        let ((d0, v0), (d1, v1)) = (pair[0], pair[1]);
        if at >= d0 && at <= d1 {
            let span = d0.days_until(d1) as f64;
            if span == 0.0 {
                return v1;
            }
            return v0 + (v1 - v0) * (d0.days_until(at) as f64 / span);
        }
    }
    last.1
}

/// docs/rollup.md#status: the status derived from progress `p` and expected `e`.
pub(crate) fn derive_status(
    p: Option<f64>,
    e: Option<f64>,
    as_of: Date,
    node: &Node,
    settings: &EffectiveSettings,
) -> Status {
    let Some(p) = p else { return Status::Unknown };
    if p >= 1.0 {
        return Status::Done;
    }
    if p == 0.0 && as_of < node.start {
        return Status::NotStarted;
    }
    if as_of > node.due {
        return Status::OffTrack;
    }
    let Some(e) = e else { return Status::Unknown };
    let v = p - e;
    if v >= -settings.at_risk {
        Status::OnTrack
    } else if v >= -settings.off_track {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

/// Whether `member` counts for the member leaf `node`: in scope and, when adoption is required,
/// adopted by the latest event on the nearest item (the leaf, else its closest ancestor) that
/// has any event for that member.
pub(crate) fn adopted(tree: &Tree, state: &State, node: usize, member: usize) -> bool {
    if !tree.nodes[node].adoption_required {
        return true;
    }
    std::iter::once(node)
        .chain(tree.ancestors(node))
        .find_map(|n| state.adoption(tree, n, member))
        .is_some_and(|event| event.adopted)
}

/// Computes one node from the returns (a leaf) or from its children's results (a parent).
pub(crate) fn compute_node(tree: &Tree, state: &State, n: usize, settings: &EffectiveSettings) -> NodeResult {
    let node = &tree.nodes[n];
    let mut result = if node.is_leaf() {
        match &node.scope {
            Some(_) => member_leaf(tree, state, n, settings),
            None => plain_leaf(tree, state, n, node),
        }
    } else {
        parent(tree, state, n, settings)
    };
    let as_of = state.as_of;
    if !node.included() {
        // Left out: no numbers, the last reported status if there is one.
        result.progress = None;
        result.expected = None;
        result.coverage = None;
        result.coverage_sum = 0.0;
        result.coverage_count = 0;
        result.leaves = 0;
        result.leaves_with_data = 0;
        result.status_counts = StatusCounts::default();
        result.derived_status = Some(Status::Unknown);
        result.status = Some(result.reported_status.unwrap_or(Status::Unknown));
        return result;
    }
    if node.is_leaf() {
        result.expected = expected(node, as_of);
        let derived = derive_status(result.progress, result.expected, as_of, node, settings);
        result.derived_status = Some(derived);
        result.status = Some(result.reported_status.unwrap_or(derived));
        result.leaves = 1;
        result.leaves_with_data = usize::from(result.progress.is_some());
        result.status_counts = StatusCounts::default();
        result.status_counts.add_status(result.status.unwrap_or(Status::Unknown));
        if let Some(coverage) = result.coverage {
            result.coverage_sum = coverage;
            result.coverage_count = 1;
        }
    }
    result
}

fn plain_leaf(tree: &Tree, state: &State, n: usize, node: &Node) -> NodeResult {
    let latest = state.latest(tree, n, None);
    let progress = leaf_progress(latest, node.measure.as_deref(), None);
    NodeResult {
        progress,
        reported_status: latest.and_then(|l| l.status).map(|s| Status::from(s.value)),
        last_update: latest.and_then(Latest::last_date),
        coverage: Some(if progress.is_some() { 1.0 } else { 0.0 }),
        value: node.measure.as_deref().and(latest.and_then(|l| l.value).map(|v| v.value)),
        ..NodeResult::default()
    }
}

fn member_leaf(tree: &Tree, state: &State, n: usize, settings: &EffectiveSettings) -> NodeResult {
    let node = &tree.nodes[n];
    let Some(scope) = node.scope.as_ref() else { return NodeResult::default() };
    let measure = node.measure.as_deref();
    let member_target = measure.and_then(|m| m.member_target);
    let mut cells = Vec::with_capacity(tree.members.len());
    let (mut in_scope, mut counted, mut reported) = (0, 0, 0);
    let mut values: Vec<f64> = Vec::new();
    let (mut sum, mut count, mut any_progress) = (0.0, 0usize, false);
    let mut last_update: Option<Date> = None;
    for member in 0..tree.members.len() {
        if !scope.contains(member) {
            cells.push(CellResult {
                state: CellState::OutOfScope,
                progress: None,
                value: None,
                date: None,
                status: None,
            });
            continue;
        }
        in_scope += 1;
        let latest = state.latest(tree, n, Some(member));
        let progress = leaf_progress(latest, measure, member_target);
        let value = latest.and_then(|l| l.value).map(|v| v.value);
        let date = latest.and_then(Latest::last_date);
        let status = latest.and_then(|l| l.status).map(|s| Status::from(s.value));
        if !adopted(tree, state, n, member) {
            cells.push(CellResult { state: CellState::NotAdopted, progress, value, date, status });
            continue;
        }
        counted += 1;
        let has_data = progress.is_some() || value.is_some();
        if has_data {
            reported += 1;
        }
        last_update = last_update.max(date);
        if let Some(value) = value {
            values.push(value);
        }
        match progress {
            Some(p) => {
                sum += p;
                count += 1;
                any_progress = true;
            }
            None if settings.missing == Missing::Zero => count += 1,
            None => {}
        }
        let state = if has_data { CellState::Reported } else { CellState::NoReport };
        cells.push(CellResult { state, progress, value, date, status });
    }
    let (progress, value) = match measure {
        Some(measure) if !values.is_empty() => {
            let combined = match measure.aggregate() {
                Aggregate::Sum => values.iter().sum::<f64>(),
                Aggregate::Mean => values.iter().sum::<f64>() / values.len() as f64,
                Aggregate::Min => values.iter().copied().fold(f64::INFINITY, f64::min),
                Aggregate::Max => values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            };
            (score(combined, measure.baseline(), measure.target), Some(combined))
        }
        Some(_) => (None, None),
        None => (any_progress.then(|| sum / count as f64), None),
    };
    NodeResult {
        progress,
        last_update,
        coverage: (counted > 0).then(|| reported as f64 / counted as f64),
        value,
        members_in_scope: Some(in_scope),
        members_adopted: Some(counted),
        members_reported: Some(reported),
        cells,
        ..NodeResult::default()
    }
}

/// The weight of child `c` in its parent (docs/rollup.md#parent-progress).
pub(crate) fn weight(tree: &Tree, state: &State, c: usize, settings: &EffectiveSettings) -> f64 {
    match settings.weighting {
        Weighting::Weight => tree.nodes[c].weight,
        Weighting::Equal => 1.0,
        Weighting::Leaves => state.results[c].leaves as f64,
    }
}

/// Why a child is left out of its parent's weighted mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeftOut {
    /// The child is deferred or cancelled (this state): none of its numbers count.
    State(ItemState),
    /// The child has no data and missing returns are left out (`missing: exclude`).
    NoData,
}

/// One child's term in its parent's weighted mean (docs/rollup.md#parent-progress): its weight,
/// and the progress it adds (its own, or 0 for a child without data under `missing: zero`) or
/// why it is left out. The parent's numbers are computed from these terms and `explain` shows
/// them, so the two cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Term {
    /// The child's weight under the settings in force.
    pub weight: f64,
    /// The progress counted for it, or why it is left out.
    pub counted: Result<f64, LeftOut>,
}

/// The term of child `c` in its parent's weighted mean.
pub(crate) fn term(tree: &Tree, state: &State, c: usize, settings: &EffectiveSettings) -> Term {
    let counted = match (tree.nodes[c].excluded_by, state.results[c].progress) {
        (Some((_, item_state)), _) => Err(LeftOut::State(item_state)),
        (None, Some(progress)) => Ok(progress),
        (None, None) => match settings.missing {
            Missing::Zero => Ok(0.0),
            Missing::Exclude => Err(LeftOut::NoData),
        },
    };
    Term { weight: weight(tree, state, c, settings), counted }
}

fn parent(tree: &Tree, state: &State, n: usize, settings: &EffectiveSettings) -> NodeResult {
    let node = &tree.nodes[n];
    let (mut sum_wp, mut sum_w, mut sum_we, mut sum_we_w) = (0.0, 0.0, 0.0, 0.0);
    let mut any_progress = false;
    let mut result = NodeResult::default();
    for &c in &node.children {
        let term = term(tree, state, c, settings);
        let w = term.weight;
        match term.counted {
            // Deferred or cancelled: nothing of it counts (expected, leaves, statuses, coverage).
            Err(LeftOut::State(_)) => continue,
            Err(LeftOut::NoData) => {}
            Ok(p) => {
                sum_wp += w * p;
                sum_w += w;
            }
        }
        let child = &state.results[c];
        any_progress |= child.progress.is_some();
        if let Some(e) = child.expected {
            sum_we += w * e;
            sum_we_w += w;
        }
        result.last_update = result.last_update.max(child.last_update);
        result.leaves += child.leaves;
        result.leaves_with_data += child.leaves_with_data;
        result.status_counts.add(&child.status_counts);
        result.coverage_sum += child.coverage_sum;
        result.coverage_count += child.coverage_count;
    }
    result.progress = (any_progress && sum_w > 0.0).then(|| sum_wp / sum_w);
    result.expected = (sum_we_w > 0.0).then(|| sum_we / sum_we_w);
    result.coverage = (result.coverage_count > 0).then(|| result.coverage_sum / result.coverage_count as f64);
    let derived = derive_status(result.progress, result.expected, state.as_of, node, settings);
    result.derived_status = Some(derived);
    result.status = Some(match settings.status {
        StatusPolicy::Derived => derived,
        StatusPolicy::Worst => {
            let included = node.children.iter().filter(|&&c| tree.nodes[c].included());
            included.filter_map(|&c| state.results[c].status).max_by_key(|s| s.badness()).unwrap_or(Status::Unknown)
        }
    });
    result
}
