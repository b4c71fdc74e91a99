//! Consistency: returns that fit the item they are for (active, a leaf, with a measure for a
//! value, from a member in scope), statuses that agree with percents, sums that count everyone.

use std::collections::{HashMap, HashSet};

use super::context::{Findings, Index, UpdateRef};
use super::DiagnosticCode;
use crate::model::{Aggregate, ItemState, Members, UpdateStatus};

/// Checks one return against its item.
pub(crate) fn check_update(index: &Index<'_>, update: &UpdateRef<'_>, findings: &mut Findings) {
    let u = update.update;
    let Some(info) = index.get(&u.item) else { return };
    let item = Some(u.item.as_str());
    let name = || update.name();
    let doc = update.document;
    let progress = u.status.is_some() || u.percent.is_some() || u.value.is_some();
    if let Some((_, state)) = info.excluded_by {
        let state = if state == ItemState::Cancelled { "cancelled" } else { "deferred" };
        findings
            .add_in(
                doc,
                DiagnosticCode::UpdateForInactiveItem,
                update.path().join("item"),
                item,
                format!(
                    "{} is for {}, which is {state}: it is left out of progress, so this return is not used.",
                    name(),
                    index.name(info)
                ),
            )
            .hint("set the item's state back to `active` if the work goes on");
    }
    if progress && !info.item.is_leaf() {
        findings.add_in(
            doc,
            DiagnosticCode::UpdateForParent,
            update.path().join("item"),
            item,
            format!(
                "{} reports progress on {}, which has items under it; its progress comes from those items, so this return is not used.",
                name(),
                index.name(info)
            ),
        );
    }
    if u.status == Some(UpdateStatus::Done) {
        if let Some(percent) = u.percent.filter(|p| *p < 100.0) {
            findings.add_in(
                doc,
                DiagnosticCode::DoneBelow100,
                update.path().join("percent"),
                item,
                format!("{} says the work is done but reports {percent}% complete.", name()),
            );
        }
    }
    if let Some(value) = u.value {
        if info.item.measure.is_none() {
            findings.add_in(
                doc,
                DiagnosticCode::ValueWithoutMeasure,
                update.path().join("value"),
                item,
                format!(
                    "{} reports a value ({value}), but {} has no measure, so the value is not used.",
                    name(),
                    index.name(info)
                ),
            );
        }
    }
    match (&u.member, info.members) {
        (Some(member), None) => {
            findings.add_in(
                doc,
                DiagnosticCode::MemberOnPlainItem,
                update.path().join("member"),
                item,
                format!("{} is from `{member}`, but {} is not delivered by members.", name(), index.name(info)),
            );
        }
        (Some(member), Some(Members::Only(scope))) if !scope.iter().any(|s| s == member) => {
            let known = index.member_ids().any(|m| m == member);
            if known {
                findings.add_in(
                    doc,
                    DiagnosticCode::MemberOutsideScope,
                    update.path().join("member"),
                    item,
                    format!(
                        "{} is from `{member}`, which is not one of the members of {} ({}).",
                        name(),
                        index.name(info),
                        scope.join(", ")
                    ),
                );
            }
        }
        (None, Some(_)) => {
            findings
                .add_in(
                    doc,
                    DiagnosticCode::MemberMissing,
                    update.path(),
                    item,
                    format!(
                        "{} names no member, but {} is delivered by members, so the return counts for none of them.",
                        name(),
                        index.name(info)
                    ),
                )
                .hint("add the member that reports");
        }
        _ => {}
    }
}

/// For member items whose measure adds up members' values: notes when only some in-scope members
/// have reported a value, since the sum then counts only those.
pub(crate) fn check_sums<'u>(
    index: &Index<'_>,
    updates: impl Iterator<Item = &'u UpdateRef<'u>>,
    findings: &mut Findings,
) {
    let mut reported: HashMap<&str, HashSet<&str>> = HashMap::new();
    for update in updates {
        if let (Some(member), Some(_)) = (&update.update.member, update.update.value) {
            reported.entry(update.update.item.as_str()).or_default().insert(member.as_str());
        }
    }
    for info in &index.items {
        let Some(measure) = &info.item.measure else { continue };
        let Some(members) = info.members else { continue };
        if measure.aggregate() != Aggregate::Sum || !info.item.is_leaf() || info.excluded_by.is_some() {
            continue;
        }
        let Some(with_value) = reported.get(info.item.id.as_str()) else { continue };
        let in_scope = |member: &str| match members {
            Members::All => index.member_ids().any(|m| m == member),
            Members::Only(list) => list.iter().any(|m| m == member),
        };
        let scope = match members {
            Members::All => index.plan.members.len(),
            Members::Only(list) => list.len(),
        };
        let reporting = with_value.iter().filter(|m| in_scope(m)).count();
        if reporting < scope {
            findings
                .add(
                    DiagnosticCode::SumWithMissingValues,
                    index.path(info).join("measure"),
                    Some(&info.item.id),
                    format!(
                        "The measure of {} adds up members' values, but only {reporting} of its {scope} members {} reported a value, so the total counts only theirs.",
                        index.name(info),
                        if reporting == 1 { "has" } else { "have" }
                    ),
                )
                .hint("use `aggregate: mean` to compare like with like, or collect the missing returns");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{codes_at, plan};

    #[test]
    fn returns_fit_their_items() {
        let plan = plan(
            "members: [{id: camden, name: Camden}, {id: hackney, name: Hackney}, {id: islington, name: Islington}]\nitems:\n\
             - {id: a, title: A, state: cancelled}\n\
             - {id: b, title: B, children: [{id: b.1, title: B1}]}\n\
             - {id: c, title: C, members: [camden, hackney], measure: {unit: homes, target: 10}}\n\
             updates:\n\
             - {item: a, date: 2020-06-30, percent: 10}\n\
             - {item: b, date: 2020-06-30, status: done, percent: 60, value: 3}\n\
             - {item: b.1, date: 2020-06-30, member: camden}\n\
             - {item: c, date: 2020-06-30, member: islington, value: 4}\n\
             - {item: c, date: 2020-06-30, value: 4}\n\
             - {item: c, date: 2020-06-30, member: camden, value: 4}\n",
        );
        assert_eq!(
            codes_at(&plan),
            vec![
                ("sum_with_missing_values", "/items/2/measure", Some(9)),
                ("update_for_inactive_item", "/updates/0/item", Some(11)),
                ("update_for_parent", "/updates/1/item", Some(12)),
                ("done_below_100", "/updates/1/percent", Some(12)),
                ("value_without_measure", "/updates/1/value", Some(12)),
                ("member_on_plain_item", "/updates/2/member", Some(13)),
                ("member_outside_scope", "/updates/3/member", Some(14)),
                ("member_missing", "/updates/4", Some(15)),
            ]
        );
    }
}
