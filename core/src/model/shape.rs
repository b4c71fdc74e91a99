//! The shape of a loaded value: what the position of a finding in its source text depends on.
//!
//! A finding's position is found by walking its path (keys and list indexes) through the source
//! text. That walk stays right while every list of the value keeps its length and its members
//! keep their ids; a plan changed in code so that they do not (an item inserted, returns
//! reordered) would get positions of other values. So each loaded value records its shape, and
//! positions are given only while the value still has that shape: a changed plan reports paths
//! without line and column, never a wrong line (`docs/api.md#positions`).

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::model::{Item, Members, Plan, Update};

/// The shape of a plan: the ids and the length of every list in it, in document order.
pub(crate) fn plan_shape(plan: &Plan) -> u64 {
    let mut hasher = DefaultHasher::new();
    match &plan.levels {
        Some(levels) => levels.iter().map(|level| &level.id).collect::<Vec<_>>().hash(&mut hasher),
        None => hasher.write_u8(0),
    }
    plan.themes.iter().map(|theme| &theme.id).collect::<Vec<_>>().hash(&mut hasher);
    plan.members.iter().map(|member| &member.id).collect::<Vec<_>>().hash(&mut hasher);
    items_shape(&plan.items, &mut hasher);
    updates_shape_into(&plan.updates, &mut hasher);
    hasher.write_usize(plan.events.len());
    for event in &plan.events {
        event.items.hash(&mut hasher);
    }
    hasher.finish()
}

/// The shape of a list of returns.
pub(crate) fn updates_shape(updates: &[Update]) -> u64 {
    let mut hasher = DefaultHasher::new();
    updates_shape_into(updates, &mut hasher);
    hasher.finish()
}

fn items_shape(items: &[Item], hasher: &mut DefaultHasher) {
    hasher.write_usize(items.len());
    for item in items {
        item.id.hash(hasher);
        item.themes.hash(hasher);
        match &item.members {
            None => hasher.write_u8(0),
            Some(Members::All) => hasher.write_u8(1),
            Some(Members::Only(ids)) => {
                hasher.write_u8(2);
                ids.hash(hasher);
            }
        }
        match &item.measure {
            None => hasher.write_u8(0),
            Some(measure) => {
                hasher.write_u8(1);
                hasher.write_usize(measure.milestones.len());
            }
        }
        hasher.write_usize(item.links.len());
        for link in &item.links {
            link.to.hash(hasher);
        }
        items_shape(&item.children, hasher);
    }
}

fn updates_shape_into(updates: &[Update], hasher: &mut DefaultHasher) {
    hasher.write_usize(updates.len());
    for update in updates {
        update.item.hash(hasher);
        update.member.hash(hasher);
        update.date.hash(hasher);
    }
}
