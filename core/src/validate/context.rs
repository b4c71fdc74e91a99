//! What every rule family needs: the plan's items in document order with their paths, inherited
//! dates, members and states, and a place to put findings.

use super::diagnostic::{Diagnostic, Document};
use super::DiagnosticCode;
use crate::io::Pointer;
use crate::model::{OutlineItem, Plan, Update};

/// An item with what it inherits.
pub(crate) type ItemInfo<'p> = OutlineItem<'p>;

/// The plan, indexed for the rules.
#[derive(Debug)]
pub(crate) struct Index<'p> {
    pub plan: &'p Plan,
    /// Every item in document order.
    pub items: Vec<ItemInfo<'p>>,
    /// The first item with each id.
    pub by_id: std::collections::HashMap<&'p str, usize>,
    /// For each item whose id an earlier item has: its position, and that earlier item's.
    pub repeated_ids: Vec<(usize, usize)>,
    /// Level names, top-down.
    pub level_names: Vec<String>,
}

impl<'p> Index<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        let level_names = plan
            .levels()
            .into_iter()
            .map(|level| level.name.unwrap_or_else(|| crate::text::capitalise(&level.id)))
            .collect();
        let items = plan.outline().items;
        let mut by_id = std::collections::HashMap::with_capacity(items.len());
        let mut repeated_ids = Vec::new();
        for (position, info) in items.iter().enumerate() {
            match by_id.entry(info.item.id.as_str()) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(position);
                }
                std::collections::hash_map::Entry::Occupied(first) => repeated_ids.push((position, *first.get())),
            }
        }
        Index { plan, items, by_id, repeated_ids, level_names }
    }

    /// The JSON Pointer of an item: `/items/0/children/2`.
    pub fn path(&self, info: &ItemInfo<'_>) -> Pointer {
        crate::model::path_of(&self.items, info)
    }

    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<&ItemInfo<'p>> {
        self.by_id.get(id).map(|&i| &self.items[i])
    }

    /// How an item is named in messages: its level and id, e.g. "Output `finance.1.c`".
    pub fn name(&self, info: &ItemInfo<'_>) -> String {
        let level = self.level_names.get(info.depth).map_or("Item", String::as_str);
        format!("{level} `{}`", info.item.id)
    }

    /// The ids of every item (for suggestions).
    pub fn ids(&self) -> impl Iterator<Item = &'p str> + '_ {
        self.items.iter().map(|info| info.item.id.as_str())
    }

    /// The member ids of the plan.
    pub fn member_ids(&self) -> impl Iterator<Item = &'p str> + '_ {
        self.plan.members.iter().map(|m| m.id.as_str())
    }
}

/// A progress return being checked, with where it is.
#[derive(Debug)]
pub(crate) struct UpdateRef<'u> {
    pub update: &'u Update,
    /// Its index in its list (the plan's `updates`, or the separate file).
    pub index: usize,
    pub document: Document,
}

impl UpdateRef<'_> {
    /// Its JSON Pointer: `/updates/3` in the plan, `/3` in a separate file.
    pub fn path(&self) -> Pointer {
        match self.document {
            Document::Plan => Pointer::root().join("updates").join(self.index),
            Document::Updates => Pointer::root().join(self.index),
        }
    }

    /// How the return is named in messages: "The return #3 for `finance.1.a`" (counting from 1
    /// in its list or file).
    pub fn name(&self) -> String {
        format!("The return #{} for `{}`", self.index + 1, self.update.item)
    }
}

/// Collects findings.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    pub list: Vec<Diagnostic>,
}

impl Findings {
    /// Records a finding in the plan document (its severity is the code's).
    pub fn add(&mut self, code: DiagnosticCode, path: Pointer, item: Option<&str>, message: String) -> &mut Diagnostic {
        self.add_in(Document::Plan, code, path, item, message)
    }

    /// Records a finding in the given document (its severity is the code's).
    pub fn add_in(
        &mut self,
        document: Document,
        code: DiagnosticCode,
        path: Pointer,
        item: Option<&str>,
        message: String,
    ) -> &mut Diagnostic {
        let mut finding = Diagnostic::new(code, document, path, message);
        finding.item = item.map(str::to_owned);
        self.list.push(finding);
        let last = self.list.len() - 1;
        &mut self.list[last]
    }
}

impl Diagnostic {
    /// Adds a hint.
    pub(crate) fn hint(&mut self, hint: impl Into<String>) {
        self.hint = Some(hint.into());
    }
}
