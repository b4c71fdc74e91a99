//! The plan flattened for the rollup: every item in document order with its parent, children,
//! inherited dates and members, and what leaves it out.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;
use smol_str::SmolStr;

use super::parallel::Threads;
use crate::model::{Adoption, Aggregate, Date, Item, ItemState, Measure, Members, OutlineItem, Plan};

/// Which members deliver a member item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scope {
    /// Every member of the plan.
    All,
    /// These members (indexes into the plan's members; unknown ids are dropped).
    Only(Vec<usize>),
}

impl Scope {
    pub fn contains(&self, member: usize) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(list) => list.contains(&member),
        }
    }
}

/// One item, flattened.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub id: SmolStr,
    pub label: Option<SmolStr>,
    /// The full number (`7.2.a`), as in the outline table.
    pub number: Option<SmolStr>,
    pub title: SmolStr,
    pub state: ItemState,
    pub weight: f64,
    /// Boxed: most items have none, and every node is made for every rollup.
    pub measure: Option<Box<Measure>>,
    /// The measure's unit, as rows show it.
    pub unit: Option<SmolStr>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub depth: usize,
    /// The top-level ancestor (the node itself at depth 0).
    pub top: usize,
    pub start: Date,
    pub due: Date,
    /// For leaves delivered by members.
    pub scope: Option<Scope>,
    /// Whether an earlier node has the same id (a plan that repeats an id: the index finds
    /// the first).
    pub repeats_an_id: bool,
    /// For a member leaf, its first slot in a state's latest fields of members' returns
    /// ([`Tree::member_slot`]); 0 for other nodes.
    pub first_slot: usize,
    pub adoption_required: bool,
    /// The item (itself or an ancestor) whose state leaves this one out, and that state.
    pub excluded_by: Option<(usize, ItemState)>,
}

impl Node {
    /// The node of an outline entry (its children moved from it), with its full `number`, its
    /// `top` ancestor and the plan's `member_index` (member id -> index).
    /// With `texts` false the node's id, label, title and measure are left empty, for
    /// [`Tree::from_owned`] to move them from the plan.
    fn new(
        entry: OutlineItem<'_>,
        number: Option<String>,
        top: usize,
        member_index: &HashMap<String, usize>,
        texts: bool,
    ) -> Node {
        let item = entry.item;
        // Only leaves are member items; a parent's members are inherited by its leaves.
        let scope = match entry.members.filter(|_| entry.children.is_empty()) {
            Some(Members::All) => Some(Scope::All),
            Some(Members::Only(ids)) => {
                Some(Scope::Only(ids.iter().filter_map(|id| member_index.get(id).copied()).collect()))
            }
            None => None,
        };
        let (id, label, title, measure) = match texts {
            true => (
                SmolStr::new(&item.id),
                item.label.as_deref().map(SmolStr::new),
                SmolStr::new(&item.title),
                item.measure.clone().map(Box::new),
            ),
            false => (SmolStr::default(), None, SmolStr::default(), None),
        };
        let unit = measure.as_ref().map(|m| SmolStr::new(&m.unit));
        Node {
            id,
            label,
            number: number.map(SmolStr::from),
            title,
            state: item.state(),
            weight: item.weight(),
            measure,
            unit,
            parent: entry.parent,
            children: entry.children,
            depth: entry.depth,
            top,
            start: entry.start,
            due: entry.due,
            scope,
            first_slot: 0,
            repeats_an_id: false,
            adoption_required: entry.adoption == Some(Adoption::Required),
            excluded_by: entry.excluded_by,
        }
    }

    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    pub fn included(&self) -> bool {
        self.excluded_by.is_none()
    }

    /// Whether a member's figure is a share of a summed total: a measure whose members' values
    /// are added up (`aggregate: sum`) with no `member_target` to score each member against.
    pub fn shares_a_sum(&self) -> bool {
        self.measure.as_deref().is_some_and(|m| m.aggregate() == Aggregate::Sum && m.member_target.is_none())
    }
}

/// The plan's items and members, indexed.
#[derive(Debug, Clone)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    /// The first node with each item id ([`node_of`](Self::node_of)).
    ids: Ids,
    pub members: Vec<SmolStr>,
    /// The members' names, in the same order (for explanations).
    pub member_names: Vec<String>,
    pub member_index: HashMap<String, usize>,
    pub level_ids: Vec<SmolStr>,
    /// Level names for messages ("Priority"), or the ids capitalised.
    pub level_names: Vec<String>,
    /// How many slots the latest fields of members' returns take: one per member in the
    /// scope of each member leaf.
    pub member_slots: usize,
}

/// Item id -> the first node with it: a table of node indexes, each found by the hash of its
/// id and checked against the node's id, so that no id is copied into it. Keyed by text from
/// the document, so hashed with the standard library's seeded hasher: ids crafted to collide
/// cannot make lookups slow.
#[derive(Debug, Clone, Default)]
struct Ids {
    table: HashTable<usize>,
    hasher: RandomState,
}

impl Ids {
    /// The index of `ids` (in node order), the first of each id kept, and the indexes of the
    /// others.
    fn new(all: &[&str]) -> (Ids, Vec<usize>) {
        let hasher = RandomState::new();
        let mut table = HashTable::with_capacity(all.len());
        let mut repeated = Vec::new();
        for (index, id) in all.iter().enumerate() {
            let hash = hasher.hash_one(id);
            match table.entry(hash, |&n: &usize| all[n] == *id, |&n: &usize| hasher.hash_one(all[n])) {
                hashbrown::hash_table::Entry::Vacant(slot) => {
                    slot.insert(index);
                }
                hashbrown::hash_table::Entry::Occupied(_) => repeated.push(index),
            }
        }
        (Ids { table, hasher }, repeated)
    }

    /// The first of `nodes` whose id is `id`.
    fn get(&self, nodes: &[Node], id: &str) -> Option<usize> {
        self.table.find(self.hasher.hash_one(id), |&n| nodes[n].id == id).copied()
    }
}

impl Tree {
    /// The tree of `plan`, its nodes built on every thread `threads` allows.
    pub fn new(plan: &Plan, threads: Threads) -> Tree {
        Tree::build(plan, threads, true)
    }

    /// The tree of a plan that is let go of next, on one thread: the items' ids, labels, titles
    /// and measures are moved into the nodes rather than copied, so that the tree and the plan
    /// do not both hold them.
    pub fn from_owned(plan: &mut Plan) -> Tree {
        let mut tree = Tree::build(plan, Threads::One, false);
        // Document order, parents before children: the order of the outline and of the nodes.
        let mut stack: Vec<&mut Item> = plan.items.iter_mut().rev().collect();
        let mut nodes = tree.nodes.iter_mut();
        while let (Some(item), Some(node)) = (stack.pop(), nodes.next()) {
            node.id = SmolStr::from(std::mem::take(&mut item.id));
            node.label = item.label.take().map(SmolStr::from);
            node.title = SmolStr::from(std::mem::take(&mut item.title));
            node.measure = item.measure.take().map(Box::new);
            node.unit = node.measure.as_ref().map(|m| SmolStr::new(&m.unit));
            stack.extend(item.children.iter_mut().rev());
        }
        tree
    }

    /// The tree, the nodes' texts copied from the plan or (`texts` false) left empty.
    fn build(plan: &Plan, threads: Threads, texts: bool) -> Tree {
        let members: Vec<SmolStr> = plan.members.iter().map(|m| SmolStr::new(&m.id)).collect();
        let member_names: Vec<String> = plan.members.iter().map(|m| m.name.clone()).collect();
        let member_index: HashMap<String, usize> =
            members.iter().enumerate().map(|(i, m)| (m.to_string(), i)).collect();
        let outline = plan.outline();
        let numbers = outline.numbers();
        // Parents come before their children, so a parent's top is known before its children's.
        let mut tops: Vec<usize> = Vec::with_capacity(outline.items.len());
        for (index, entry) in outline.items.iter().enumerate() {
            let top = entry.parent.map_or(index, |p| tops[p]);
            tops.push(top);
        }
        // The index of ids and the nodes, at once where threads are allowed; the nodes take
        // their entries and numbers.
        let item_ids: Vec<&str> = outline.items.iter().map(|entry| entry.item.id.as_str()).collect();
        let entries: Vec<_> = outline.items.into_iter().zip(numbers).collect();
        let ((ids, repeated), mut nodes) = threads.join(
            || Ids::new(&item_ids),
            || threads.map_owned(entries, |n, (entry, number)| Node::new(entry, number, tops[n], &member_index, texts)),
        );
        for n in repeated {
            nodes[n].repeats_an_id = true;
        }
        let mut member_slots = 0;
        for node in &mut nodes {
            let slots = match &node.scope {
                Some(Scope::All) => members.len(),
                Some(Scope::Only(list)) => list.len(),
                None => continue,
            };
            node.first_slot = member_slots;
            member_slots += slots;
        }
        let levels = plan.levels();
        let level_ids = levels.iter().map(|l| SmolStr::new(&l.id)).collect();
        let level_names =
            levels.iter().map(|l| l.name.clone().unwrap_or_else(|| crate::text::capitalise(&l.id))).collect();
        Tree { nodes, ids, members, member_names, member_index, level_ids, level_names, member_slots }
    }

    /// The first node whose item id is `id`.
    pub fn node_of(&self, id: &str) -> Option<usize> {
        self.ids.get(&self.nodes, id)
    }

    /// The slot of the latest fields of `member`'s returns to node `n`: `None` unless `n` is a
    /// member leaf with `member` in its scope (for a member listed twice, the first).
    pub fn member_slot(&self, n: usize, member: usize) -> Option<usize> {
        let node = &self.nodes[n];
        match node.scope.as_ref()? {
            Scope::All => (member < self.members.len()).then_some(node.first_slot + member),
            Scope::Only(list) => list.iter().position(|&m| m == member).map(|i| node.first_slot + i),
        }
    }

    /// How a node is named in explanations: "priority `finance.1`".
    pub fn name(&self, n: usize) -> String {
        let node = &self.nodes[n];
        let level = self.level_names.get(node.depth).map_or("item".to_owned(), |l| l.to_lowercase());
        format!("{level} {}", node.id)
    }

    /// The ancestors of a node, nearest first.
    pub fn ancestors(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[node].parent, move |&p| self.nodes[p].parent)
    }

    /// The node and every node below it, in document order.
    pub fn subtree(&self, node: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }
}
