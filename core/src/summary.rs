//! A plan at a glance: how many items at each level, measures, members, links, events.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Plan, Updates};

/// Counts that describe a plan's shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Summary {
    /// The plan's id.
    pub plan: String,
    /// The plan's title.
    pub title: String,
    /// Items at each declared level, top-down: `(level id, level name, count)`.
    pub levels: Vec<LevelCount>,
    /// All items.
    pub items: usize,
    /// Items without children.
    pub leaves: usize,
    /// Items with a measure.
    pub measures: usize,
    /// Members of the plan.
    pub members: usize,
    /// Themes of the plan.
    pub themes: usize,
    /// Links from items.
    pub links: usize,
    /// Governance events.
    pub events: usize,
    /// Items deeper than the declared levels (a validation error later).
    pub beyond_levels: usize,
}

/// How many items a level has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LevelCount {
    /// The level's id.
    pub id: String,
    /// The level's name, or its id when it has none.
    pub name: String,
    /// Items at that depth.
    pub items: usize,
}

/// What a set of progress returns covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UpdatesSummary {
    /// All rows.
    pub rows: usize,
    /// Adoption events among them.
    pub adoption_events: usize,
    /// Distinct items reported on.
    pub items: usize,
    /// Distinct members reporting.
    pub members: usize,
    /// The earliest date.
    pub first: Option<crate::Date>,
    /// The latest date.
    pub last: Option<crate::Date>,
}

impl Plan {
    /// The plan's shape in counts.
    pub fn summary(&self) -> Summary {
        let levels = self.levels();
        let mut per_level = vec![0; levels.len()];
        let (mut items, mut leaves, mut measures, mut links, mut beyond_levels) = (0, 0, 0, 0, 0);
        for (depth, item) in self.items_in_order() {
            items += 1;
            leaves += usize::from(item.is_leaf());
            measures += usize::from(item.measure.is_some());
            links += item.links.len();
            match per_level.get_mut(depth) {
                Some(count) => *count += 1,
                None => beyond_levels += 1,
            }
        }
        Summary {
            plan: self.id.clone(),
            title: self.title.clone(),
            levels: levels
                .iter()
                .zip(per_level)
                .map(|(level, items)| LevelCount {
                    id: level.id.clone(),
                    name: level.name.clone().unwrap_or_else(|| level.id.clone()),
                    items,
                })
                .collect(),
            items,
            leaves,
            measures,
            members: self.members.len(),
            themes: self.themes.len(),
            links,
            events: self.events.len(),
            beyond_levels,
        }
    }
}

impl Updates {
    /// What these returns cover.
    pub fn summary(&self) -> UpdatesSummary {
        let mut items: Vec<&str> = self.iter().map(|u| u.item.as_str()).collect();
        items.sort_unstable();
        items.dedup();
        let mut members: Vec<&str> = self.iter().filter_map(|u| u.member.as_deref()).collect();
        members.sort_unstable();
        members.dedup();
        UpdatesSummary {
            rows: self.len(),
            adoption_events: self.iter().filter(|u| u.adopted.is_some()).count(),
            items: items.len(),
            members: members.len(),
            first: self.iter().map(|u| u.date).min(),
            last: self.iter().map(|u| u.date).max(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Plan;

    #[test]
    fn counts_items_per_level() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-01-01, end: 2020-12-31}\n\
             items:\n- id: a\n  title: A\n  children:\n  - {id: a.1, title: A1, measure: {unit: u, target: 3}}\n  - {id: a.2, title: A2}\n",
        )
        .expect("valid");
        let summary = plan.summary();
        let counts: Vec<usize> = summary.levels.iter().map(|l| l.items).collect();
        assert_eq!(counts, vec![1, 2, 0]);
        assert_eq!((summary.items, summary.leaves, summary.measures), (3, 2, 1));
    }
}
