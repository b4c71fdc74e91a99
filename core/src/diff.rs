//! What changed between two versions of a plan (docs/governance.md#diff): items matched by id; added,
//! removed, moved (new parent), relabelled (renumbered) and changed items, field by field; changes
//! to the plan itself; and possible renames (a removed and an added item with near-identical
//! titles).

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Item, Plan};

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct FieldChange {
    /// The field, e.g. `title`, `due`, `measure`.
    pub field: String,
    /// Its old value (`null` when absent).
    pub old: Value,
    /// Its new value (`null` when absent).
    pub new: Value,
    /// Text that differs only in typography: dashes, quotes, spaces, a final full stop.
    pub cosmetic: bool,
}

/// An item added or removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ItemSummary {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: Option<String>,
    /// Its title.
    pub title: String,
    /// Its parent's id (`None` at the top level).
    pub parent: Option<String>,
}

/// An item whose parent changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Moved {
    /// Its id.
    pub id: String,
    /// The old parent.
    pub from: Option<String>,
    /// The new parent.
    pub to: Option<String>,
}

/// An item whose printed label changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Relabelled {
    /// Its id.
    pub id: String,
    /// The old label.
    pub from: Option<String>,
    /// The new label.
    pub to: Option<String>,
}

/// An item kept by id whose fields changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ItemChanges {
    /// Its id.
    pub id: String,
    /// The fields that differ.
    pub changes: Vec<FieldChange>,
}

/// A removed and an added item whose titles are nearly the same: perhaps one item renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PossibleRename {
    /// The removed item's id.
    pub removed: String,
    /// The added item's id.
    pub added: String,
    /// Title similarity, 0..1.
    pub similarity: f64,
}

/// Everything that differs between two versions of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PlanDiff {
    /// The old plan's id.
    pub old: String,
    /// The new plan's id.
    pub new: String,
    /// Fields of the plan itself that differ (items excluded).
    pub plan: Vec<FieldChange>,
    /// Items only in the new version, in its document order.
    pub added: Vec<ItemSummary>,
    /// Items only in the old version, in its document order.
    pub removed: Vec<ItemSummary>,
    /// Items under a different parent.
    pub moved: Vec<Moved>,
    /// Items with a different label.
    pub relabelled: Vec<Relabelled>,
    /// Items whose other fields differ, in the new version's order.
    pub changed: Vec<ItemChanges>,
    /// Removed and added items that look like one item renamed.
    pub possible_renames: Vec<PossibleRename>,
}

impl PlanDiff {
    /// Whether the two versions are the same.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.moved.is_empty()
            && self.relabelled.is_empty()
            && self.changed.is_empty()
    }
}

/// Item fields compared one by one.
const ITEM_FIELDS: [&str; 12] = [
    "title", "outcome", "owner", "start", "due", "weight", "state", "measure", "members", "adoption", "themes", "links",
];

/// Plan fields compared one by one.
const PLAN_FIELDS: [&str; 10] =
    ["id", "title", "organisation", "period", "status", "levels", "themes", "members", "settings", "events"];

/// Text with typography normalised: dashes, quotes, spaces, a final full stop.
fn plain(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches('.').to_owned()
}

fn compare<T>(fields: &[&str], old: &T, new: &T, value_of: fn(&T, &str) -> Value) -> Vec<FieldChange> {
    fields
        .iter()
        .filter_map(|field| {
            let (a, b) = (value_of(old, field), value_of(new, field));
            (a != b).then(|| {
                let cosmetic = matches!((&a, &b), (Value::String(x), Value::String(y)) if plain(x) == plain(y));
                FieldChange { field: (*field).to_owned(), old: a, new: b, cosmetic }
            })
        })
        .collect()
}

/// Every item with its parent id, in document order.
/// A field as its JSON value, as the document writes it: `null` when absent or empty.
fn json<T: serde::Serialize>(value: &T) -> Value {
    match serde_json::to_value(value).unwrap_or(Value::Null) {
        Value::Array(list) if list.is_empty() => Value::Null,
        value => value,
    }
}

/// One of [`ITEM_FIELDS`] of an item (its children are not looked at).
fn item_field(item: &Item, field: &str) -> Value {
    match field {
        "title" => json(&item.title),
        "outcome" => json(&item.outcome),
        "owner" => json(&item.owner),
        "start" => json(&item.start),
        "due" => json(&item.due),
        "weight" => json(&item.weight),
        "state" => json(&item.state),
        "measure" => json(&item.measure),
        "members" => json(&item.members),
        "adoption" => json(&item.adoption),
        "themes" => json(&item.themes),
        "links" => json(&item.links),
        _ => Value::Null,
    }
}

/// One of [`PLAN_FIELDS`] of a plan (its items and updates are not looked at).
fn plan_field(plan: &Plan, field: &str) -> Value {
    match field {
        "id" => json(&plan.id),
        "title" => json(&plan.title),
        "organisation" => json(&plan.organisation),
        "period" => json(&plan.period),
        "status" => json(&plan.status),
        "levels" => json(&plan.levels),
        "themes" => json(&plan.themes),
        "members" => json(&plan.members),
        "settings" => json(&plan.settings),
        "events" => json(&plan.events),
        _ => Value::Null,
    }
}

fn flatten(plan: &Plan) -> Vec<(&Item, Option<&str>)> {
    let outline = plan.outline();
    outline.items.iter().map(|entry| (entry.item, entry.parent.map(|p| outline.items[p].item.id.as_str()))).collect()
}

/// What matches an item across versions: its id, and which of the items with that id it is (0 for
/// the first in document order). Ids should be unique (validation says so when they are not), but
/// a plan with a repeated id still diffs as empty against itself.
fn keys<'a>(items: &[(&'a Item, Option<&str>)]) -> Vec<(&'a str, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    items
        .iter()
        .map(|(item, _)| {
            let count = seen.entry(item.id.as_str()).or_default();
            *count += 1;
            (item.id.as_str(), *count - 1)
        })
        .collect()
}

fn summary(item: &Item, parent: Option<&str>) -> ItemSummary {
    ItemSummary {
        id: item.id.clone(),
        label: item.label.clone(),
        title: item.title.clone(),
        parent: parent.map(str::to_owned),
    }
}

/// Titles are compared on at most this many characters: enough to spot a rename, and the edit
/// distance takes time in the product of the lengths.
const COMPARED_CHARS: usize = 1000;

/// The most character comparisons the search for possible renames makes (about half a second):
/// two versions with thousands of removed and added items of near-identical titles would
/// otherwise take hours. Past it, pairs are no longer compared and fewer renames are suggested.
const RENAME_BUDGET: u64 = 500_000_000;

/// A title as it is compared: normalised, lower case, cut to [`COMPARED_CHARS`], with its
/// character counts in 64 buckets.
struct Title {
    text: String,
    length: usize,
    counts: [u32; 64],
}

impl Title {
    fn new(title: &str) -> Title {
        let text: String = plain(title).to_lowercase().chars().take(COMPARED_CHARS).collect();
        let mut counts = [0u32; 64];
        let mut length = 0;
        for c in text.chars() {
            counts[(u32::from(c) % 64) as usize] += 1;
            length += 1;
        }
        Title { text, length, counts }
    }
}

/// How alike two titles are, 0..1 (1 - edit distance / longer length, after normalising). Below
/// [`RENAME_SIMILARITY`] the answer may be an upper bound: the distance is at least half the
/// difference of the character counts, and pairs that this rules out are not compared by edit
/// distance. A pair that would overrun the `budget` is not compared either (similarity 0).
fn similarity(a: &Title, b: &Title, budget: &mut u64) -> f64 {
    let longest = a.length.max(b.length);
    if longest == 0 {
        return 1.0;
    }
    let apart: u32 = a.counts.iter().zip(&b.counts).map(|(x, y)| x.abs_diff(*y)).sum();
    let at_most = 1.0 - f64::from(apart.div_ceil(2)) / longest as f64;
    if at_most < RENAME_SIMILARITY {
        return at_most;
    }
    let cost = (a.length * b.length) as u64;
    if cost > *budget {
        return 0.0;
    }
    *budget -= cost;
    1.0 - crate::text::edit_distance(&a.text, &b.text) as f64 / longest as f64
}

/// Titles at least this alike make a removed and an added item a possible rename.
pub const RENAME_SIMILARITY: f64 = 0.8;

/// What changed from `old` to `new`.
///
/// ```
/// let old = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
///     items: [{id: a, label: a, title: Lobby government}, {id: b, title: Old}]\n")?;
/// let new = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
///     items: [{id: a, label: b, title: Lobby the government}, {id: c, title: New}]\n")?;
/// let diff = workplan::diff(&old, &new);
/// assert_eq!(diff.relabelled[0].to.as_deref(), Some("b"));
/// assert_eq!(diff.changed[0].changes[0].field, "title");
/// assert_eq!((diff.removed[0].id.as_str(), diff.added[0].id.as_str()), ("b", "c"));
/// # Ok::<(), workplan::LoadError>(())
/// ```
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let plan = compare(&PLAN_FIELDS, old, new, plan_field);
    let old_items = flatten(old);
    let new_items = flatten(new);
    let (old_keys, new_keys) = (keys(&old_items), keys(&new_items));
    let old_by_key: HashMap<(&str, usize), (&Item, Option<&str>)> =
        old_keys.iter().zip(&old_items).map(|(key, (i, p))| (*key, (*i, *p))).collect();
    let new_key_set: std::collections::HashSet<(&str, usize)> = new_keys.iter().copied().collect();
    let removed: Vec<ItemSummary> = old_keys
        .iter()
        .zip(&old_items)
        .filter(|(key, _)| !new_key_set.contains(*key))
        .map(|(_, (i, p))| summary(i, *p))
        .collect();
    let mut added = Vec::new();
    let (mut moved, mut relabelled, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    for (key, (item, parent)) in new_keys.iter().zip(&new_items) {
        let Some((before, old_parent)) = old_by_key.get(key) else {
            added.push(summary(item, *parent));
            continue;
        };
        if old_parent != parent {
            moved.push(Moved {
                id: item.id.clone(),
                from: old_parent.map(str::to_owned),
                to: parent.map(str::to_owned),
            });
        }
        if before.label != item.label {
            relabelled.push(Relabelled { id: item.id.clone(), from: before.label.clone(), to: item.label.clone() });
        }
        let changes = compare(&ITEM_FIELDS, *before, *item, item_field);
        if !changes.is_empty() {
            changed.push(ItemChanges { id: item.id.clone(), changes });
        }
    }
    let mut possible_renames = Vec::new();
    let added_titles: Vec<Title> = added.iter().map(|new: &ItemSummary| Title::new(&new.title)).collect();
    let mut budget = RENAME_BUDGET;
    for gone in &removed {
        let title = Title::new(&gone.title);
        let best = added
            .iter()
            .zip(&added_titles)
            .map(|(new, new_title)| (new, similarity(&title, new_title, &mut budget)))
            .filter(|(_, s)| *s >= RENAME_SIMILARITY)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((new, similarity)) = best {
            possible_renames.push(PossibleRename { removed: gone.id.clone(), added: new.id.clone(), similarity });
        }
    }
    PlanDiff {
        old: old.id.clone(),
        new: new.id.clone(),
        plan,
        added,
        removed,
        moved,
        relabelled,
        changed,
        possible_renames,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(items: &str) -> Plan {
        Plan::from_yaml_str(&format!(
            "workplan: 1\nid: p\ntitle: P\nperiod: {{start: 2020-04-01, end: 2021-03-31}}\n{items}"
        ))
        .expect("valid")
    }

    #[test]
    fn moves_field_changes_cosmetic_text_and_renames() {
        let old = plan(
            "items:\n- {id: a, title: A, children: [{id: a.1, title: 'Work – with partners', due: 2020-12-31}]}\n\
             - {id: b, title: B}\n- {id: old, title: Support the mental health of children}\n",
        );
        let new = plan(
            "items:\n- {id: a, title: A}\n- {id: b, title: B, children: [{id: a.1, title: 'Work — with partners.', due: 2021-01-31}]}\n\
             - {id: new, title: Support the mental health of all children}\n",
        );
        let d = diff(&old, &new);
        assert_eq!(d.moved, vec![Moved { id: "a.1".into(), from: Some("a".into()), to: Some("b".into()) }]);
        let changes = &d.changed[0].changes;
        assert_eq!(
            changes.iter().map(|c| (c.field.as_str(), c.cosmetic)).collect::<Vec<_>>(),
            vec![("title", true), ("due", false)]
        );
        assert_eq!(d.possible_renames.len(), 1);
        assert!(d.possible_renames[0].similarity > 0.85);
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn renames_among_thousands_of_items_and_long_titles_stay_fast() {
        // Found by the `diff` fuzz target (a slow unit): every removed item was compared with every
        // added one by edit distance.
        let many = |prefix: &str| {
            let items: String = (0..3000)
                .map(|i| format!("- {{id: {prefix}{i}, title: '{prefix} {} {i}'}}\n", "long words ".repeat(8)))
                .collect();
            plan(&format!("items:\n{items}"))
        };
        let started = std::time::Instant::now();
        let d = diff(&many("old"), &many("new"));
        assert_eq!((d.removed.len(), d.added.len()), (3000, 3000));
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        let long = "x".repeat(1_000_000);
        let (a, b) = (Title::new(&format!("{long}a")), Title::new(&format!("{long}b")));
        let budget = &mut RENAME_BUDGET.clone();
        assert_eq!(similarity(&a, &b, budget), 1.0);
        assert!(similarity(&Title::new("Lobby the government"), &Title::new("Lobby government"), budget) >= 0.8);
        assert!(similarity(&Title::new("abcdefghij"), &Title::new("klmnopqrst"), budget) < 0.8);
        assert_eq!(similarity(&Title::new("Lobby the government"), &Title::new("Lobby government"), &mut 10), 0.0);
    }

    #[test]
    fn repeated_ids_match_in_document_order() {
        // Found by the `diff` fuzz target: with a repeated id, every copy was compared with the
        // last one, so a plan differed from itself.
        let twice =
            plan("items:\n- {id: a, title: A, children: [{id: a.1, title: Funding}, {id: a.1, title: Reform}]}\n");
        assert!(diff(&twice, &twice).is_empty());
        let once = plan("items:\n- {id: a, title: A, children: [{id: a.1, title: Funding}]}\n");
        let d = diff(&once, &twice);
        assert_eq!(d.added.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Reform"]);
        assert!(d.removed.is_empty() && d.changed.is_empty());
        assert_eq!(diff(&twice, &once).removed.len(), 1);
    }
}
