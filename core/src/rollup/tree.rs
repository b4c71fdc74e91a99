//! The plan flattened for the rollup: every item in document order with its parent, children,
//! inherited dates and members, and what leaves it out.

use std::collections::HashMap;

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
    pub id: String,
    pub label: Option<String>,
    /// The full number (`7.2.a`), as in the outline table.
    pub number: Option<String>,
    pub title: String,
    pub state: ItemState,
    pub weight: f64,
    pub measure: Option<Measure>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub depth: usize,
    /// The top-level ancestor (the node itself at depth 0).
    pub top: usize,
    pub start: Date,
    pub due: Date,
    /// For leaves delivered by members.
    pub scope: Option<Scope>,
    pub adoption_required: bool,
    /// The item (itself or an ancestor) whose state leaves this one out, and that state.
    pub excluded_by: Option<(usize, ItemState)>,
}

impl Node {
    /// The node of an outline entry, with its full `number`, its `top` ancestor and the plan's
    /// `member_index` (member id -> index).
    /// With `texts` false the node's id, label, title and measure are left empty, for
    /// [`Tree::from_owned`] to move them from the plan.
    fn new(
        entry: &OutlineItem<'_>,
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
            true => (item.id.clone(), item.label.clone(), item.title.clone(), item.measure.clone()),
            false => (String::new(), None, String::new(), None),
        };
        Node {
            id,
            label,
            number,
            title,
            state: item.state(),
            weight: item.weight(),
            measure,
            parent: entry.parent,
            children: entry.children.clone(),
            depth: entry.depth,
            top,
            start: entry.start,
            due: entry.due,
            scope,
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
        self.measure.as_ref().is_some_and(|m| m.aggregate() == Aggregate::Sum && m.member_target.is_none())
    }
}

/// The plan's items and members, indexed.
#[derive(Debug, Clone)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    /// The first node with each item id. Keyed by text from the document, so hashed with the
    /// standard library's seeded hasher: ids crafted to collide cannot make lookups slow.
    pub by_id: HashMap<String, usize>,
    pub members: Vec<String>,
    /// The members' names, in the same order (for explanations).
    pub member_names: Vec<String>,
    pub member_index: HashMap<String, usize>,
    pub level_ids: Vec<String>,
    /// Level names for messages ("Priority"), or the ids capitalised.
    pub level_names: Vec<String>,
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
            node.id = std::mem::take(&mut item.id);
            node.label = item.label.take();
            node.title = std::mem::take(&mut item.title);
            node.measure = item.measure.take();
            stack.extend(item.children.iter_mut().rev());
        }
        tree
    }

    /// The tree, the nodes' texts copied from the plan or (`texts` false) left empty.
    fn build(plan: &Plan, threads: Threads, texts: bool) -> Tree {
        let members: Vec<String> = plan.members.iter().map(|m| m.id.clone()).collect();
        let member_names: Vec<String> = plan.members.iter().map(|m| m.name.clone()).collect();
        let member_index: HashMap<String, usize> = members.iter().enumerate().map(|(i, m)| (m.clone(), i)).collect();
        let outline = plan.outline();
        let numbers = outline.numbers();
        // Parents come before their children, so a parent's top is known before its children's.
        let mut tops: Vec<usize> = Vec::with_capacity(outline.items.len());
        for (index, entry) in outline.items.iter().enumerate() {
            let top = entry.parent.map_or(index, |p| tops[p]);
            tops.push(top);
        }
        // The nodes and the index of ids, at once where threads are allowed.
        let items = &outline.items;
        let (nodes, by_id) = threads.join(
            || threads.map(items.len(), |n| Node::new(&items[n], numbers[n].clone(), tops[n], &member_index, texts)),
            || {
                let mut by_id = HashMap::with_capacity(items.len());
                for (index, entry) in items.iter().enumerate() {
                    by_id.entry(entry.item.id.clone()).or_insert(index);
                }
                by_id
            },
        );
        let levels = plan.levels();
        let level_ids = levels.iter().map(|l| l.id.clone()).collect();
        let level_names =
            levels.iter().map(|l| l.name.clone().unwrap_or_else(|| crate::text::capitalise(&l.id))).collect();
        Tree { nodes, by_id, members, member_names, member_index, level_ids, level_names }
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
