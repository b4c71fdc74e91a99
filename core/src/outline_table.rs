//! A plan's outline as a table: one row per item in document order, with where the item is
//! (parent, depth, level, full number, JSON Pointer), what it says, and what it inherits (dates,
//! members, adoption, whether it counts). Read from [`Plan::outline`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Adoption, Date, ItemState, Members, Outline, Plan};

/// What kind of item a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An item with children: its numbers come from them.
    Parent,
    /// An item without children, reported on as a whole.
    Leaf,
    /// An item without children delivered by members (a pledge): reported on member by member.
    MemberItem,
}

/// One item of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct OutlineRow {
    /// The item's id.
    pub id: String,
    /// The parent's id (`None` at the top level).
    pub parent: Option<String>,
    /// 0 at the top level.
    pub depth: usize,
    /// The id of the level at that depth (`None` deeper than the declared levels).
    pub level: Option<String>,
    /// The printed label.
    pub label: Option<String>,
    /// The labels from the top down joined by dots (`7.2.a`), when every one of them has a label.
    pub number: Option<String>,
    /// The item's place in the document as a JSON Pointer (`/items/6/children/1/children/0`).
    pub pointer: String,
    /// The title.
    pub title: String,
    /// What success looks like.
    pub outcome: Option<String>,
    /// Who owns it.
    pub owner: Option<String>,
    /// Its theme ids.
    pub themes: Vec<String>,
    /// Its start: its own, else inherited.
    pub start: Date,
    /// Its due date: its own, else inherited.
    pub due: Date,
    /// Its weight (default 1).
    pub weight: f64,
    /// Its own state.
    pub state: ItemState,
    /// Whether it counts (neither it nor an item above it is deferred or cancelled).
    pub included: bool,
    /// The item whose state leaves it out: itself or an ancestor.
    pub excluded_by: Option<String>,
    /// Parent, leaf or member item.
    pub kind: ItemKind,
    /// The members that deliver it, own or inherited (`all` written out as every member).
    pub members: Option<Vec<String>>,
    /// Its adoption rule, own or inherited.
    pub adoption: Option<Adoption>,
    /// The measure's unit.
    pub unit: Option<String>,
    /// The measure's baseline (default 0).
    pub baseline: Option<f64>,
    /// The measure's target.
    pub target: Option<f64>,
    /// How many children it has.
    pub children: usize,
    /// How many links it has to other items.
    pub links: usize,
}

impl Outline<'_> {
    /// The full number of every item, in outline order: the labels from the top down joined by
    /// dots (`7.2.a`); `None` when the item or an item above it has no label. The outline table
    /// and the rollup rows both take their `number` from here.
    pub(crate) fn numbers(&self) -> Vec<Option<String>> {
        let mut numbers: Vec<Option<String>> = Vec::with_capacity(self.items.len());
        for entry in &self.items {
            let label = entry.item.label.as_ref();
            let number = match entry.parent {
                None => label.cloned(),
                Some(p) => numbers[p].as_ref().zip(label).map(|(up, label)| format!("{up}.{label}")),
            };
            numbers.push(number);
        }
        numbers
    }
}

impl Plan {
    /// The outline as a table: one row per item, in document order.
    pub fn outline_rows(&self) -> Vec<OutlineRow> {
        let outline = self.outline();
        let levels = self.levels();
        let numbers = outline.numbers();
        let mut rows = Vec::with_capacity(outline.items.len());
        for ((index, entry), number) in outline.items.iter().enumerate().zip(numbers) {
            let item = entry.item;
            let members = entry.members.map(|members| match members {
                Members::All => self.members.iter().map(|m| m.id.clone()).collect(),
                Members::Only(ids) => ids.clone(),
            });
            let leaf = entry.children.is_empty();
            rows.push(OutlineRow {
                id: item.id.clone(),
                parent: entry.parent.map(|p| outline.items[p].item.id.clone()),
                depth: entry.depth,
                level: levels.get(entry.depth).map(|l| l.id.clone()),
                label: item.label.clone(),
                number,
                pointer: outline.path(index).to_string(),
                title: item.title.clone(),
                outcome: item.outcome.clone(),
                owner: item.owner.clone(),
                themes: item.themes.clone(),
                start: entry.start,
                due: entry.due,
                weight: item.weight(),
                state: item.state(),
                included: entry.excluded_by.is_none(),
                excluded_by: entry.excluded_by.map(|(by, _)| outline.items[by].item.id.clone()),
                kind: match (leaf, entry.members.is_some()) {
                    (false, _) => ItemKind::Parent,
                    (true, false) => ItemKind::Leaf,
                    (true, true) => ItemKind::MemberItem,
                },
                members,
                adoption: entry.adoption,
                unit: item.measure.as_ref().map(|m| m.unit.clone()),
                baseline: item.measure.as_ref().map(|m| m.baseline()),
                target: item.measure.as_ref().map(|m| m.target),
                children: entry.children.len(),
                links: item.links.len(),
            });
        }
        rows
    }

    /// The outline as columns (column name -> list of values, in row order), for data frames.
    pub fn outline_columns(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut columns = serde_json::Map::new();
        for row in self.outline_rows() {
            let serde_json::Value::Object(fields) = serde_json::to_value(row).unwrap_or_default() else { continue };
            for (name, value) in fields {
                if let serde_json::Value::Array(column) =
                    columns.entry(name).or_insert_with(|| serde_json::Value::Array(Vec::new()))
                {
                    column.push(value);
                }
            }
        }
        columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_numbers_inheritance_and_kinds() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
             members: [{id: m1, name: M1}, {id: m2, name: M2}]\n\
             items:\n- id: a\n  label: '7'\n  title: A\n  due: 2020-12-31\n  children:\n\
             \x20 - {id: a.1, label: a, title: A1, members: all, adoption: required, state: deferred}\n\
             \x20 - {id: a.2, title: A2, measure: {unit: points, target: 10}}\n- {id: b, title: B}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let rows = plan.outline_rows();
        assert_eq!(rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["a", "a.1", "a.2", "b"]);
        let a1 = &rows[1];
        assert_eq!(a1.number.as_deref(), Some("7.a"));
        assert_eq!(a1.pointer, "/items/0/children/0");
        assert_eq!((a1.kind, a1.due.to_string()), (ItemKind::MemberItem, "2020-12-31".to_owned()));
        assert_eq!(a1.members, Some(vec!["m1".to_owned(), "m2".to_owned()]));
        assert_eq!((a1.included, a1.excluded_by.as_deref()), (false, Some("a.1")));
        assert_eq!((rows[0].kind, rows[0].children), (ItemKind::Parent, 2));
        assert_eq!((rows[2].number.as_deref(), rows[2].target, rows[2].baseline), (None, Some(10.0), Some(0.0)));
        assert_eq!(rows[3].level.as_deref(), Some("area"));
        let columns = plan.outline_columns();
        assert_eq!(columns["id"], serde_json::json!(["a", "a.1", "a.2", "b"]));
        assert_eq!(columns["kind"], serde_json::json!(["parent", "member_item", "leaf", "leaf"]));
        assert_eq!(columns.len(), 25);
    }
}
