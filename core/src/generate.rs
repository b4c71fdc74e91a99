//! Deterministic synthetic plans for benchmarks and load tests: N items in a tree of a given
//! depth and fan-out, 33 members, a share of member items (subtrees delivered by the members,
//! adoption required, with adoption events) and of measured items, and progress returns spread over the plan's period. The same
//! [`Synthetic`] settings (seed included) always give the same plan and returns, so the same
//! bytes once saved.
//!
//! ```
//! use workplan::generate::Synthetic;
//!
//! let generated = Synthetic { items: 1_000, ..Synthetic::default() }.generate()?;
//! assert_eq!(generated.plan.items_in_order().len(), 1_111);
//! assert!(generated.plan.validate_with(&generated.updates).is_empty());
//! let again = Synthetic { items: 1_000, ..Synthetic::default() }.generate()?;
//! assert_eq!(again.plan.to_json_string(), generated.plan.to_json_string());
//! # Ok::<(), workplan::LoadError>(())
//! ```
//!
//! Inputs too large to keep as files, like those of the hostile-input corpus, are written from
//! [`Recipes`] instead: text and numbered repetitions, the same bytes in every runner.

use std::fmt::Write;

mod portfolio;
mod recipe;

pub use portfolio::{SyntheticPortfolio, PLEDGES};
pub use recipe::{Recipe, RecipeError, Recipes};

use crate::model::{Plan, Updates};
use crate::LoadError;

/// How to generate a synthetic plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    /// About how many items: whole top-level areas are generated, as many as come closest
    /// (at least one).
    pub items: usize,
    /// Levels in the tree (at least 1).
    pub depth: usize,
    /// Children of each item above the leaves (at least 1). The top level has as many areas as
    /// `items` needs.
    pub fan_out: usize,
    /// Members of the plan.
    pub members: usize,
    /// The share of the second-level items (with everything below them) delivered by the members
    /// (`members: all`, adoption required), 0..1.
    pub member_share: f64,
    /// The share of leaves with a measure, 0..1.
    pub measure_share: f64,
    /// Progress returns per leaf (for member leaves, spread over random members).
    pub updates_per_leaf: usize,
    /// The seed of the pseudo-random choices.
    pub seed: u64,
}

impl Default for Synthetic {
    /// 10,000 items, depth 4, fan-out 10, 33 members, 10% member items, 20% measured items,
    /// 10 returns per leaf, seed 1.
    fn default() -> Self {
        Synthetic {
            items: 10_000,
            depth: 4,
            fan_out: 10,
            members: 33,
            member_share: 0.1,
            measure_share: 0.2,
            updates_per_leaf: 10,
            seed: 1,
        }
    }
}

/// A generated plan and its returns.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The plan (its `updates` are empty).
    pub plan: Plan,
    /// The returns: progress returns for the leaves, and adoption events for member items.
    pub updates: Updates,
}

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed on every platform.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A number in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The plan's period: the 2020/21 financial year (365 days from 1 April 2020).
const START: &str = "2020-04-01";
const END: &str = "2021-03-31";
const DAYS: u64 = 365;

impl Synthetic {
    /// The number of items one top-level area holds: `1 + f + f^2 + ...` down to the depth.
    pub fn items_per_area(&self) -> usize {
        let (depth, fan_out) = (self.depth.max(1), self.fan_out.max(1));
        (0..depth).fold((0usize, 1usize), |(sum, width), _| (sum + width, width.saturating_mul(fan_out))).0
    }

    /// The number of top-level areas generated.
    pub fn areas(&self) -> usize {
        let per_area = self.items_per_area().max(1);
        ((self.items + per_area / 2) / per_area).max(1)
    }

    /// Generates the plan and its returns, read back through the loaders (an error here would
    /// be a bug in this module, reported rather than hidden).
    pub fn generate(&self) -> Result<Generated, LoadError> {
        let (plan, updates) = self.generate_text();
        Ok(Generated { plan: Plan::from_json_str(&plan)?, updates: Updates::from_csv(&updates)? })
    }

    /// The plan as JSON text and its returns as CSV text, as generated (not canonical: save
    /// [`Generated::plan`] for the canonical form).
    pub fn generate_text(&self) -> (String, String) {
        let mut random = Random(self.seed);
        let mut plan = String::with_capacity(self.areas() * self.items_per_area() * 96);
        let _ = write!(
            plan,
            r#"{{"workplan": 1, "id": "synthetic", "title": "Synthetic plan", "period": {{"start": "{START}", "end": "{END}"}}, "levels": ["#
        );
        for level in 0..self.depth.max(1) {
            let _ = write!(plan, r#"{}{{"id": "level-{}"}}"#, if level > 0 { ", " } else { "" }, level + 1);
        }
        plan.push_str(r#"], "members": ["#);
        for m in 0..self.members {
            let _ = write!(plan, r#"{}{{"id": "m{m:02}", "name": "Member {m}"}}"#, if m > 0 { ", " } else { "" });
        }
        plan.push_str(r#"], "items": ["#);
        let mut updates = String::from("item,date,member,status,percent,value,adopted\n");
        let mut writer = Writer { settings: self, random: &mut random, plan: &mut plan, updates: &mut updates };
        for area in 0..self.areas() {
            if area > 0 {
                writer.plan.push_str(", ");
            }
            writer.item(&format!("a{area}"), 1, false);
        }
        plan.push_str("]}");
        (plan, updates)
    }
}

/// Writes items and their returns.
struct Writer<'a> {
    settings: &'a Synthetic,
    random: &'a mut Random,
    plan: &'a mut String,
    updates: &'a mut String,
}

/// The statuses of work under way.
const STATUSES: [&str; 3] = ["on_track", "at_risk", "off_track"];

impl Writer<'_> {
    /// Adoption events on the member item `id` (they count for the leaves below it): most
    /// members adopt it early in the year, and one in ten of those declines it later.
    fn adoptions(&mut self, id: &str) {
        for m in 0..self.settings.members {
            if self.random.unit() < 0.8 {
                let day = self.random.below(60);
                let _ = writeln!(self.updates, "{id},{},m{m:02},,,,true", date(day));
                if self.random.unit() < 0.1 {
                    let day = 180 + self.random.below(60);
                    let _ = writeln!(self.updates, "{id},{},m{m:02},,,,false", date(day));
                }
            }
        }
    }

    /// Writes the item `id` at `level` (1 = top) and everything below it; `member_item` when
    /// an ancestor is delivered by the members. Whether a subtree is delivered by the members is
    /// decided at the second level (the top one for plans of one level).
    fn item(&mut self, id: &str, level: usize, member_item: bool) {
        let depth = self.settings.depth.max(1);
        let weight = 1 + self.random.below(3);
        let _ = write!(self.plan, r#"{{"id": "{id}", "title": "Item {id}", "weight": {weight}"#);
        let chosen =
            level == depth.min(2) && self.settings.members > 0 && self.random.unit() < self.settings.member_share;
        if chosen {
            self.plan.push_str(r#", "members": "all", "adoption": "required""#);
            self.adoptions(id);
        }
        let member_item = member_item || chosen;
        if level < depth {
            self.plan.push_str(r#", "children": ["#);
            for c in 0..self.settings.fan_out.max(1) {
                if c > 0 {
                    self.plan.push_str(", ");
                }
                self.item(&format!("{id}.{c}"), level + 1, member_item);
            }
            self.plan.push_str("]}");
            return;
        }
        let measured = self.random.unit() < self.settings.measure_share;
        if measured {
            let target = 10 * (1 + self.random.below(100));
            // Members' values are averaged: a sum over the members who reported is a finding.
            let aggregate = if member_item { r#", "aggregate": "mean""# } else { "" };
            let _ = write!(self.plan, r#", "measure": {{"unit": "count", "target": {target}{aggregate}}}"#);
        }
        self.plan.push('}');
        // Returns come in date order, with progress that only grows.
        let mut days: Vec<u64> = (0..self.settings.updates_per_leaf).map(|_| self.random.below(DAYS)).collect();
        days.sort_unstable();
        let mut percent = 0u64;
        for day in days {
            percent = (percent + self.random.below(25)).min(100);
            let member = if member_item {
                format!("m{:02}", self.random.below(self.settings.members as u64))
            } else {
                String::new()
            };
            let status = match percent {
                0 => "not_started",
                100 => "done",
                _ => STATUSES[self.random.below(STATUSES.len() as u64) as usize],
            };
            let (percent_cell, value_cell) = if measured {
                (String::new(), (percent * 10).to_string())
            } else {
                (percent.to_string(), String::new())
            };
            let _ = writeln!(self.updates, "{id},{},{member},{status},{percent_cell},{value_cell},", date(day));
        }
    }
}

/// The date `day` days after the start of the period, as `YYYY-MM-DD`.
fn date(day: u64) -> String {
    const MONTHS: [u64; 12] = [30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28, 31]; // April 2020 to March 2021
    let mut rest = day.min(DAYS - 1);
    for (i, length) in MONTHS.iter().enumerate() {
        if rest < *length {
            let (year, month) = if i < 9 { (2020, i + 4) } else { (2021, i - 8) };
            return format!("{year}-{month:02}-{:02}", rest + 1);
        }
        rest -= length;
    }
    END.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_cover_the_period() {
        assert_eq!(date(0), "2020-04-01");
        assert_eq!(date(29), "2020-04-30");
        assert_eq!(date(30), "2020-05-01");
        assert_eq!(date(274), "2020-12-31");
        assert_eq!(date(275), "2021-01-01");
        assert_eq!(date(364), "2021-03-31");
        assert_eq!(date(1000), "2021-03-31");
    }

    #[test]
    fn sizes_follow_depth_and_fan_out() {
        let s = Synthetic { items: 100_000, ..Synthetic::default() };
        assert_eq!(s.items_per_area(), 1_111);
        assert_eq!(s.areas(), 90);
        let s = Synthetic { items: 10, depth: 1, fan_out: 7, ..Synthetic::default() };
        assert_eq!((s.items_per_area(), s.areas()), (1, 10));
        let s = Synthetic { items: 0, depth: 0, fan_out: 0, ..Synthetic::default() };
        assert_eq!((s.items_per_area(), s.areas()), (1, 1));
    }

    #[test]
    fn generates_a_valid_plan_with_member_and_measured_items() {
        let settings = Synthetic { items: 20_000, seed: 7, ..Synthetic::default() };
        let generated = settings.generate().expect("generated plans load");
        let items: Vec<_> = generated.plan.items_in_order().into_iter().map(|(_, item)| item).collect();
        assert_eq!(items.len(), 18 * 1_111);
        assert_eq!(generated.plan.members.len(), 33);
        let leaves: Vec<_> = items.iter().filter(|i| i.children.is_empty()).collect();
        assert_eq!(leaves.len(), 18_000);
        // About 10% of the 180 second-level items are delivered by the members, and only those.
        let member_items: Vec<_> = items.iter().filter(|i| i.members.is_some()).collect();
        assert!((8..30).contains(&member_items.len()), "{} member items", member_items.len());
        assert!(member_items.iter().all(|i| i.id.matches('.').count() == 1));
        let measured = leaves.iter().filter(|i| i.measure.is_some()).count();
        assert!((3_300..4_700).contains(&measured), "{measured} measured leaves");
        let progress = generated.updates.iter().filter(|u| u.adopted.is_none()).count();
        assert_eq!(progress, 18_000 * 10);
        let adoptions = generated.updates.iter().filter(|u| u.adopted.is_some()).count();
        assert!(adoptions >= member_items.len() * 20, "{adoptions} adoption events");
        let report = generated.plan.validate_with(&generated.updates);
        assert!(report.is_empty(), "{:?}", report.diagnostics.iter().take(3).collect::<Vec<_>>());
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
        let a = Synthetic { items: 500, ..Synthetic::default() }.generate_text();
        let b = Synthetic { items: 500, ..Synthetic::default() }.generate_text();
        let c = Synthetic { items: 500, seed: 2, ..Synthetic::default() }.generate_text();
        assert_eq!(a, b);
        assert_ne!(a.1, c.1);
    }
}
