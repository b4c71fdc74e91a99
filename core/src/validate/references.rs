//! References: themes, members, items of returns, link targets and reviewed items must exist.

use std::collections::{BTreeSet, HashMap};

use super::context::{Findings, Index, ItemInfo, UpdateRef};
use super::DiagnosticCode;
use crate::io::nearest_of;
use crate::model::Members;

/// The items of the other plans loaded with this one (a workspace), by plan id.
pub(crate) type OtherPlans<'w> = HashMap<&'w str, &'w BTreeSet<&'w str>>;

fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    nearest_of(word, candidates).map(|s| format!("did you mean `{s}`?"))
}

/// Checks an item's themes, members and links.
pub(crate) fn check_item(
    index: &Index<'_>,
    info: &ItemInfo<'_>,
    others: Option<&OtherPlans<'_>>,
    findings: &mut Findings,
) {
    let item = info.item;
    let id = Some(item.id.as_str());
    for (i, theme) in item.themes.iter().enumerate() {
        if !index.plan.themes.iter().any(|t| t.id == *theme) {
            let diagnostic = findings.add(
                DiagnosticCode::UnknownTheme,
                index.path(info).join("themes").join(i),
                id,
                format!("{} is tagged with the theme `{theme}`, which the plan does not define.", index.name(info)),
            );
            if let Some(hint) = did_you_mean(theme, index.plan.themes.iter().map(|t| t.id.as_str())) {
                diagnostic.hint(hint);
            }
        }
    }
    if let Some(Members::Only(members)) = &item.members {
        for (i, member) in members.iter().enumerate() {
            if !index.member_ids().any(|m| m == member) {
                let diagnostic = findings.add(
                    DiagnosticCode::UnknownMember,
                    index.path(info).join("members").join(i),
                    id,
                    format!(
                        "{} names the member `{member}`, which is not one of the plan's members.",
                        index.name(info)
                    ),
                );
                if let Some(hint) = did_you_mean(member, index.member_ids()) {
                    diagnostic.hint(hint);
                }
            }
        }
    }
    for (i, link) in item.links.iter().enumerate() {
        let path = index.path(info).join("links").join(i).join("to");
        let (plan_id, target) = link.target();
        let own_plan = plan_id.is_none_or(|p| p == index.plan.id);
        if own_plan {
            if index.get(target).is_none() {
                let diagnostic = findings.add(
                    DiagnosticCode::UnknownLinkTarget,
                    path,
                    id,
                    format!("{} links to `{target}`, which is not an item of this plan.", index.name(info)),
                );
                if let Some(hint) = did_you_mean(target, index.ids()) {
                    diagnostic.hint(hint);
                }
            }
            continue;
        }
        let plan_id = plan_id.unwrap_or_default();
        match others.and_then(|others| others.get(plan_id)) {
            Some(items) if items.contains(target) => {}
            Some(items) => {
                let diagnostic = findings.add(
                    DiagnosticCode::UnknownLinkTarget,
                    path,
                    id,
                    format!("{} links to `{target}`, which is not an item of the plan `{plan_id}`.", index.name(info)),
                );
                if let Some(hint) = did_you_mean(target, items.iter().copied()) {
                    diagnostic.hint(hint);
                }
            }
            None => {
                findings
                    .add(
                        DiagnosticCode::UnresolvedLink,
                        path,
                        id,
                        format!(
                            "{} links to `{target}` in the plan `{plan_id}`, which is not loaded, so the link is not checked.",
                            index.name(info)
                        ),
                    )
                    .hint(format!("validate this plan together with `{plan_id}` in a workspace"));
            }
        }
    }
}

/// Checks that a return's item and member exist.
pub(crate) fn check_update(index: &Index<'_>, update: &UpdateRef<'_>, findings: &mut Findings) {
    let u = update.update;
    if index.get(&u.item).is_none() {
        let diagnostic = findings.add_in(
            update.document,
            DiagnosticCode::UnknownUpdateItem,
            update.path().join("item"),
            Some(&u.item),
            format!("{} is for the item `{}`, which is not in the plan.", update.name(), u.item),
        );
        if let Some(hint) = did_you_mean(&u.item, index.ids()) {
            diagnostic.hint(hint);
        }
    }
    if let Some(member) = &u.member {
        if !index.member_ids().any(|m| m == member) {
            let diagnostic = findings.add_in(
                update.document,
                DiagnosticCode::UnknownMember,
                update.path().join("member"),
                Some(&u.item),
                format!("{} is from `{member}`, which is not one of the plan's members.", update.name()),
            );
            if let Some(hint) = did_you_mean(member, index.member_ids()) {
                diagnostic.hint(hint);
            }
        }
    }
}

/// Checks that the items a review names exist.
pub(crate) fn check_events(index: &Index<'_>, findings: &mut Findings) {
    for (e, event) in index.plan.events.iter().enumerate() {
        for (i, id) in event.items.iter().enumerate() {
            if index.get(id).is_none() {
                let diagnostic = findings.add(
                    DiagnosticCode::UnknownEventItem,
                    crate::io::Pointer::root().join("events").join(e).join("items").join(i),
                    Some(id),
                    format!(
                        "The event of {} on {} names the item `{id}`, which is not in the plan.",
                        event.body, event.date
                    ),
                );
                if let Some(hint) = did_you_mean(id, index.ids()) {
                    diagnostic.hint(hint);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{codes_at, plan};

    #[test]
    fn themes_members_links_updates_and_reviewed_items_must_exist() {
        let plan = plan(
            "themes: [{id: green, title: Green}]\nmembers: [{id: camden, name: Camden}]\nitems:\n\
             - {id: a, title: A, themes: [gren], members: [camdn], links: [{to: b}, {to: other:x}]}\n\
             updates:\n- {item: aa, date: 2020-06-30, member: hackney}\n\
             events:\n- {date: 2020-06-01, body: Committee, action: reviewed, items: [z]}\n",
        );
        assert_eq!(
            codes_at(&plan),
            vec![
                ("unknown_theme", "/items/0/themes/0", Some(8)),
                ("unknown_member", "/items/0/members/0", Some(8)),
                ("unknown_link_target", "/items/0/links/0/to", Some(8)),
                ("unresolved_link", "/items/0/links/1/to", Some(8)),
                ("unknown_update_item", "/updates/0/item", Some(10)),
                ("unknown_member", "/updates/0/member", Some(10)),
                ("unknown_event_item", "/events/0/items/0", Some(12)),
            ]
        );
        let report = plan.validate();
        let theme = report.with_code(crate::DiagnosticCode::UnknownTheme).next().expect("finding");
        assert_eq!(theme.hint.as_deref(), Some("did you mean `green`?"));
        assert_eq!(theme.message, "Area `a` is tagged with the theme `gren`, which the plan does not define.");
    }
}
