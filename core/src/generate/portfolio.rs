//! Deterministic synthetic portfolios: N plans of the same shape (each a [`Synthetic`] plan with a
//! seed of its own), sharing their members and linking a share of their leaves to one shared plan
//! of pledges, [`PLEDGES`], delivered by the same members. Links go `pledges:<pledge>`
//! (docs/format.md#links), so they are checked when the plans are validated together as a
//! workspace (docs/workspaces.md).
//!
//! The plans are generated one at a time ([`SyntheticPortfolio::generate`] is an iterator), so a
//! portfolio of any size can be written plan by plan.
//!
//! ```
//! use workplan::generate::{Synthetic, SyntheticPortfolio};
//!
//! let portfolio = SyntheticPortfolio { plans: 3, plan: Synthetic { items: 200, ..Synthetic::default() }, ..SyntheticPortfolio::default() };
//! let generated = portfolio.generate().collect::<Result<Vec<_>, _>>()?;
//! let ids: Vec<&str> = generated.iter().map(|g| g.plan.id.as_str()).collect();
//! assert_eq!(ids, ["plan-0001", "plan-0002", "plan-0003", "pledges"]);
//! let workspace = generated.iter().fold(workplan::Workspace::default(), |mut workspace, g| {
//!     workspace.add(g.plan.clone(), Some(g.updates.clone()));
//!     workspace
//! });
//! assert!(workspace.validate().iter().all(|plan| !plan.report.has_errors()));
//! # Ok::<(), workplan::LoadError>(())
//! ```

use std::fmt::Write;

use super::{date, Generated, Random, Synthetic, DAYS, END, START};
use crate::model::{Item, Link, LinkRel, Plan, Updates};
use crate::LoadError;

/// The id of the shared plan of pledges.
pub const PLEDGES: &str = "pledges";

/// The pledges' areas and how many pledges each holds: 46 pledges in seven areas (the shape of
/// London Councils' pledges to Londoners in `examples/london-councils/`).
const AREAS: [(&str, &str, usize); 7] = [
    ("housing", "Housing", 4),
    ("crime", "Crime and public protection", 9),
    ("health", "Better health and care", 5),
    ("business", "Business and inclusive growth", 8),
    ("transport", "Transport and environment", 10),
    ("funding", "Funding", 6),
    ("working", "New ways of working", 4),
];

/// The quarter ends of the period, as days after its start, on which members report on pledges.
const QUARTER_ENDS: [u64; 4] = [90, 182, 274, DAYS - 1];

/// How to generate a synthetic portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticPortfolio {
    /// How many plans (besides the pledges).
    pub plans: usize,
    /// The settings of every plan; `items` is per plan, and `seed` the portfolio's seed, from
    /// which each plan's own is derived. `members` is the members of every plan and of the
    /// pledges.
    pub plan: Synthetic,
    /// The share of each plan's leaves that link to a pledge (`delivers` or `supports`), 0..1.
    pub link_share: f64,
}

impl Default for SyntheticPortfolio {
    /// 10 plans of the default [`Synthetic`] settings; one leaf in ten links to a pledge.
    fn default() -> Self {
        SyntheticPortfolio { plans: 10, plan: Synthetic::default(), link_share: 0.1 }
    }
}

/// The seed of the `k`th stream of `seed` (0 for the pledges, 1.. for the plans).
fn derived_seed(seed: u64, k: usize) -> u64 {
    Random(seed ^ (k as u64).wrapping_mul(0xD1B5_4A32_D192_ED03)).next()
}

impl SyntheticPortfolio {
    /// The number of pledges in [`PLEDGES`].
    pub fn pledge_count() -> usize {
        AREAS.iter().map(|(_, _, n)| n).sum()
    }

    /// Every column the generated returns can fill, in the order of their CSV header. Some plans'
    /// returns leave some of them empty (a plan with no member items has no `member`): write
    /// every plan's returns with these columns (`Updates::to_record_batch_with`, feature `arrow`)
    /// for one schema across the portfolio.
    pub fn return_columns() -> &'static [&'static str] {
        &["item", "date", "member", "status", "percent", "value", "adopted"]
    }

    /// The id of plan `k` (from 1): `plan-` and `k` zero-padded to the width of
    /// [`plans`](SyntheticPortfolio::plans), at least 4 digits.
    pub fn plan_id(&self, k: usize) -> String {
        let width = self.plans.to_string().len().max(4);
        format!("plan-{k:0width$}")
    }

    /// The ids of every plan, in the order [`generate`](SyntheticPortfolio::generate) yields
    /// them (the plans, then [`PLEDGES`]: file-name order).
    pub fn ids(&self) -> impl Iterator<Item = String> + '_ {
        (1..=self.plans).map(|k| self.plan_id(k)).chain(std::iter::once(PLEDGES.to_owned()))
    }

    /// Every plan with its returns, one at a time: plan 1 to [`plans`](SyntheticPortfolio::plans),
    /// then the pledges. An error would be a bug in this module, reported rather than hidden.
    pub fn generate(&self) -> impl Iterator<Item = Result<Generated, LoadError>> + '_ {
        (1..=self.plans).map(|k| self.plan(k)).chain(std::iter::once_with(|| self.pledges()))
    }

    /// Plan `k` (from 1) and its returns: a [`Synthetic`] plan of the seed derived from the
    /// portfolio's seed and `k`, with id [`plan_id`](SyntheticPortfolio::plan_id), and a share of
    /// its leaves linked to pledges.
    pub fn plan(&self, k: usize) -> Result<Generated, LoadError> {
        let seed = derived_seed(self.plan.seed, k);
        let mut generated = Synthetic { seed, ..self.plan.clone() }.generate()?;
        // The plan is changed below: the text it was read from no longer matches it.
        generated.plan.forget_text();
        generated.updates.forget_text();
        let plan = &mut generated.plan;
        plan.id = self.plan_id(k);
        plan.title = format!("Synthetic plan {k} of {}", self.plans);
        let mut random = Random(seed ^ 0x6C69_6E6B); // "link"
        let pledges: Vec<String> = pledge_ids().collect();
        for item in &mut plan.items {
            self.link(item, &mut random, &pledges);
        }
        Ok(generated)
    }

    /// Links a share of the leaves under `item` (and `item` itself, if a leaf) to pledges.
    fn link(&self, item: &mut Item, random: &mut Random, pledges: &[String]) {
        if item.children.is_empty() {
            if random.unit() < self.link_share {
                let pledge = &pledges[random.below(pledges.len() as u64) as usize];
                let rel = if random.below(2) == 0 { LinkRel::Delivers } else { LinkRel::Supports };
                item.links.push(Link {
                    to: format!("{PLEDGES}:{pledge}"),
                    rel: Some(rel),
                    extensions: Default::default(),
                });
            }
            return;
        }
        for child in &mut item.children {
            self.link(child, random, pledges);
        }
    }

    /// The shared plan of pledges and its returns: seven areas of 46 pledges in all, delivered
    /// by the members (`members: all`, adoption required), one in five measured; adoption
    /// events on the areas and quarterly returns from most members on each pledge.
    pub fn pledges(&self) -> Result<Generated, LoadError> {
        let (plan, updates) = self.pledges_text();
        let mut generated = Generated { plan: Plan::from_json_str(&plan)?, updates: Updates::from_csv(&updates)? };
        generated.plan.forget_text();
        generated.updates.forget_text();
        Ok(generated)
    }

    /// The plan of pledges as JSON text and its returns as CSV text, as generated.
    pub fn pledges_text(&self) -> (String, String) {
        let members = self.plan.members;
        let mut random = Random(derived_seed(self.plan.seed, 0));
        let mut plan = format!(
            r#"{{"workplan": 1, "id": "{PLEDGES}", "title": "Shared pledges", "period": {{"start": "{START}", "end": "{END}"}}, "levels": [{{"id": "area"}}, {{"id": "pledge"}}], "members": ["#
        );
        for m in 0..members {
            let _ = write!(plan, r#"{}{{"id": "m{m:02}", "name": "Member {m}"}}"#, if m > 0 { ", " } else { "" });
        }
        plan.push_str(r#"], "items": ["#);
        let mut updates = String::from("item,date,member,status,percent,value,adopted\n");
        for (a, (area, title, count)) in AREAS.iter().enumerate() {
            let delivered = members > 0;
            let _ = write!(plan, r#"{}{{"id": "{area}", "title": "{title}""#, if a > 0 { ", " } else { "" });
            if delivered {
                plan.push_str(r#", "members": "all", "adoption": "required""#);
            }
            plan.push_str(r#", "children": ["#);
            // Most members adopt the area early in the year; one in ten of those declines it later.
            let mut adopted = vec![false; members];
            for (m, adopted) in adopted.iter_mut().enumerate() {
                if random.unit() < 0.8 {
                    *adopted = true;
                    let _ = writeln!(updates, "{area},{},m{m:02},,,,true", date(random.below(60)));
                    if random.unit() < 0.1 {
                        let _ = writeln!(updates, "{area},{},m{m:02},,,,false", date(180 + random.below(60)));
                    }
                }
            }
            for p in 1..=*count {
                let id = format!("{area}.{p}");
                let _ = write!(plan, r#"{}{{"id": "{id}", "title": "Pledge {id}""#, if p > 1 { ", " } else { "" });
                let measured = random.below(5) == 0;
                if measured {
                    let target = 10 * (1 + random.below(100));
                    let aggregate = if delivered { r#", "aggregate": "mean""# } else { "" };
                    let _ = write!(plan, r#", "measure": {{"unit": "count", "target": {target}{aggregate}}}"#);
                }
                plan.push('}');
                // Quarterly returns from the members who adopted the area (all but one in ten
                // of them), with progress that only grows; one return a quarter when there are
                // no members.
                let reporters: Vec<String> = if delivered {
                    (0..members).filter(|&m| adopted[m] && random.unit() < 0.9).map(|m| format!("m{m:02}")).collect()
                } else {
                    vec![String::new()]
                };
                for member in reporters {
                    let mut percent = 0u64;
                    for day in QUARTER_ENDS {
                        percent = (percent + random.below(35)).min(100);
                        let status = match percent {
                            0 => "not_started",
                            100 => "done",
                            _ => super::STATUSES[random.below(super::STATUSES.len() as u64) as usize],
                        };
                        let (percent_cell, value_cell) = if measured {
                            (String::new(), (percent * 10).to_string())
                        } else {
                            (percent.to_string(), String::new())
                        };
                        let _ = writeln!(updates, "{id},{},{member},{status},{percent_cell},{value_cell},", date(day));
                    }
                }
            }
            plan.push_str("]}");
        }
        plan.push_str("]}");
        (plan, updates)
    }
}

/// The ids of the pledges, area by area: `housing.1` to `working.4`.
fn pledge_ids() -> impl Iterator<Item = String> {
    AREAS.iter().flat_map(|(area, _, count)| (1..=*count).map(move |p| format!("{area}.{p}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;

    fn small(plans: usize, seed: u64) -> SyntheticPortfolio {
        SyntheticPortfolio { plans, plan: Synthetic { items: 300, seed, ..Synthetic::default() }, link_share: 0.1 }
    }

    #[test]
    fn ids_are_zero_padded_to_the_width_of_the_count_and_at_least_four() {
        assert_eq!(small(3, 1).plan_id(3), "plan-0003");
        assert_eq!(small(12_345, 1).plan_id(7), "plan-00007");
        assert_eq!(small(2, 1).ids().collect::<Vec<_>>(), ["plan-0001", "plan-0002", "pledges"]);
        assert_eq!(SyntheticPortfolio::pledge_count(), 46);
        assert_eq!(pledge_ids().count(), 46);
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_plans_differ() {
        let texts = |portfolio: &SyntheticPortfolio| -> Vec<(String, String)> {
            portfolio
                .generate()
                .map(|g| g.map(|g| (g.plan.to_json_string(), g.updates.to_csv_string())))
                .collect::<Result<_, _>>()
                .expect("generated plans load")
        };
        let a = texts(&small(3, 5));
        assert_eq!(a, texts(&small(3, 5)));
        assert_eq!(a.len(), 4);
        for (i, x) in a.iter().enumerate() {
            for y in &a[i + 1..] {
                assert_ne!(x.0, y.0, "plans differ");
                assert_ne!(x.1, y.1, "returns differ");
            }
        }
        let other = texts(&small(3, 6));
        assert!(a.iter().zip(&other).all(|(x, y)| x != y), "another seed gives other plans and pledges");
        // Plan k is the same whatever the number of plans (but for its title).
        let alone = small(1, 5).plan(1).expect("loads");
        assert_eq!(alone.updates.to_csv_string(), a[0].1);
    }

    #[test]
    fn plans_share_members_and_link_to_the_pledges() {
        let portfolio = small(2, 1);
        let plans: Vec<Generated> = portfolio.generate().collect::<Result<_, _>>().expect("generated plans load");
        let members: Vec<Vec<&str>> =
            plans.iter().map(|g| g.plan.members.iter().map(|m| m.id.as_str()).collect()).collect();
        assert_eq!(members[0].len(), 33);
        assert!(members.iter().all(|m| *m == members[0]), "every plan has the same members");
        let pledges = &plans[2];
        assert_eq!(pledges.plan.id, PLEDGES);
        let leaves: Vec<_> =
            pledges.plan.items_in_order().into_iter().filter(|(_, i)| i.children.is_empty()).map(|(_, i)| i).collect();
        assert_eq!(leaves.len(), 46);
        assert!(pledges.updates.iter().any(|u| u.adopted == Some(true)));
        assert!(pledges.updates.iter().filter(|u| u.adopted.is_none()).count() > 46 * 20);
        for generated in &plans {
            let csv = generated.updates.to_csv_string();
            let header = csv.lines().next().unwrap_or_default();
            assert!(header.split(',').all(|c| SyntheticPortfolio::return_columns().contains(&c)), "{header}");
        }
        for generated in &plans[..2] {
            let items = generated.plan.items_in_order();
            let leaves = items.iter().filter(|(_, i)| i.children.is_empty()).count();
            let links: Vec<&Link> = items.iter().flat_map(|(_, i)| &i.links).collect();
            assert!(links.len() * 20 > leaves && links.len() * 6 < leaves, "{} links for {leaves} leaves", links.len());
            assert!(links
                .iter()
                .all(|l| l.to.strip_prefix("pledges:").is_some_and(|p| pledge_ids().any(|id| id == p))));
        }
    }

    #[test]
    fn every_plan_validates_alone_and_together_without_errors() {
        let plans: Vec<Generated> = small(3, 2).generate().collect::<Result<_, _>>().expect("generated plans load");
        let mut workspace = Workspace::default();
        for generated in &plans {
            let report = generated.plan.validate_with(&generated.updates);
            assert!(!report.has_errors(), "{}: {:?}", generated.plan.id, report.diagnostics.first());
            // Alone, the links into the pledges cannot be checked: noted, and nothing else.
            assert!(
                report.diagnostics.iter().all(|d| d.code.as_str() == "unresolved_link"),
                "{}: {:?}",
                generated.plan.id,
                report.diagnostics.iter().find(|d| d.code.as_str() != "unresolved_link")
            );
            workspace.add(generated.plan.clone(), Some(generated.updates.clone()));
        }
        for plan in workspace.validate() {
            let other = plan.report.diagnostics.iter().find(|d| d.code.as_str() != "not_linked");
            assert!(other.is_none(), "{}: {other:?}", plan.plan);
        }
    }
}
