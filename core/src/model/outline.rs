//! A plan's items flattened in document order, with what each inherits (docs/format.md#inheritance): start
//! and due dates, members and adoption, and whether it, or an item above it, is deferred or
//! cancelled. Validation and the rollup both read plans through this.

use crate::document::{PathSegment, Pointer};
use crate::model::{Adoption, Date, Item, ItemState, Members, Plan};

/// An item in its plan.
#[derive(Debug, Clone)]
pub struct OutlineItem<'p> {
    /// The item.
    pub item: &'p Item,
    /// Index of its parent in [`Outline::items`].
    pub parent: Option<usize>,
    /// Its index among its siblings.
    pub slot: usize,
    /// 0 at the top level.
    pub depth: usize,
    /// Indexes of its children.
    pub children: Vec<usize>,
    /// Its start: its own, else its parent's, else the plan period's.
    pub start: Date,
    /// Its due date: its own, else its parent's, else the plan period's.
    pub due: Date,
    /// Its members: its own, else inherited.
    pub members: Option<&'p Members>,
    /// Its adoption rule: its own, else inherited.
    pub adoption: Option<Adoption>,
    /// The item (an ancestor first, else itself) whose `deferred` or `cancelled` state leaves
    /// this one out, and that state.
    pub excluded_by: Option<(usize, ItemState)>,
}

/// Every item of a plan in document order (parents before children).
#[derive(Debug, Clone)]
pub struct Outline<'p> {
    /// The items.
    pub items: Vec<OutlineItem<'p>>,
}

impl Plan {
    /// The plan's items flattened, with what each inherits.
    pub fn outline(&self) -> Outline<'_> {
        let mut count = 0;
        let mut lists: Vec<&[Item]> = vec![&self.items];
        while let Some(list) = lists.pop() {
            count += list.len();
            lists.extend(list.iter().filter(|item| !item.children.is_empty()).map(|item| item.children.as_slice()));
        }
        let mut items: Vec<OutlineItem<'_>> = Vec::with_capacity(count);
        let mut stack: Vec<(&Item, usize, Option<usize>)> =
            self.items.iter().enumerate().rev().map(|(slot, item)| (item, slot, None)).collect();
        while let Some((item, slot, parent)) = stack.pop() {
            let up = parent.map(|p| &items[p]);
            let index = items.len();
            let entry = OutlineItem {
                item,
                parent,
                slot,
                depth: up.map_or(0, |p| p.depth + 1),
                children: Vec::new(),
                start: item.start.or(up.map(|p| p.start)).unwrap_or(self.period.start),
                due: item.due.or(up.map(|p| p.due)).unwrap_or(self.period.end),
                members: item.members.as_ref().or(up.and_then(|p| p.members)),
                adoption: item.adoption.or(up.and_then(|p| p.adoption)),
                excluded_by: up.and_then(|p| p.excluded_by).or(match item.state() {
                    ItemState::Active => None,
                    state => Some((index, state)),
                }),
            };
            if let Some(p) = parent {
                items[p].children.push(index);
            }
            items.push(entry);
            stack.extend(item.children.iter().enumerate().rev().map(|(slot, child)| (child, slot, Some(index))));
        }
        Outline { items }
    }
}

impl Outline<'_> {
    /// The JSON Pointer of item `index`: `/items/0/children/2`.
    pub fn path(&self, index: usize) -> Pointer {
        path_of(&self.items, &self.items[index])
    }

    /// The ancestors of item `index`, nearest first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.items[index].parent, move |&p| self.items[p].parent)
    }
}

/// The JSON Pointer of `item`, one of `items`, built from its slots up the parent chain.
pub(crate) fn path_of(items: &[OutlineItem<'_>], item: &OutlineItem<'_>) -> Pointer {
    let mut slots = vec![item.slot];
    let mut parent = item.parent;
    while let Some(p) = parent {
        slots.push(items[p].slot);
        parent = items[p].parent;
    }
    let mut path = Pointer::root();
    for (i, slot) in slots.iter().rev().enumerate() {
        path.0.push(PathSegment::Key(if i == 0 { "items" } else { "children" }.to_owned()));
        path.0.push(PathSegment::Index(*slot));
    }
    path
}

#[cfg(test)]
mod tests {
    use crate::Plan;

    #[test]
    fn items_inherit_dates_members_and_exclusion() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
             items:\n- id: a\n  title: A\n  due: 2020-12-31\n  members: all\n  state: deferred\n  children:\n\
             \x20 - {id: a.1, title: A1, state: cancelled}\n- {id: b, title: B}\n",
        )
        .expect("valid");
        let outline = plan.outline();
        let a1 = &outline.items[1];
        assert_eq!((a1.depth, a1.parent, a1.due.to_string()), (1, Some(0), "2020-12-31".to_owned()));
        assert!(a1.members.is_some());
        assert_eq!(a1.excluded_by, Some((0, crate::ItemState::Deferred)), "the ancestor's state first");
        assert_eq!(outline.items[2].excluded_by, None);
        assert_eq!(outline.path(1).to_string(), "/items/0/children/0");
        assert_eq!(outline.ancestors(1).collect::<Vec<_>>(), vec![0]);
        assert_eq!(outline.items[0].children, vec![1]);
    }
}
