//! Structure: ids that are unique and well-formed, titles that are not empty, items no deeper
//! than the declared levels.

use std::collections::HashMap;

use super::context::{Findings, Index, ItemInfo};
use super::DiagnosticCode;
use crate::io::Pointer;
use crate::text::{shorten, slugify};

/// Whether `id` is a slug: `[a-z0-9][a-z0-9._-]*`.
pub(crate) fn is_slug(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'-'))
}

fn check_slug(findings: &mut Findings, what: &str, id: &str, path: impl FnOnce() -> Pointer, item: Option<&str>) {
    if is_slug(id) {
        return;
    }
    let diagnostic = findings.add(
        DiagnosticCode::BadSlug,
        path(),
        item,
        format!("The {what} id `{}` is not a valid id: ids use lower-case letters, digits, `.`, `_` and `-`, and start with a letter or digit.", shorten(id)),
    );
    let suggestion = slugify(id);
    if !suggestion.is_empty() {
        diagnostic.hint(format!("write it as `{}`", shorten(&suggestion)));
    }
}

fn check_title(
    findings: &mut Findings,
    title: &str,
    path: impl FnOnce() -> Pointer,
    item: Option<&str>,
    whose: impl FnOnce() -> String,
) {
    if title.trim().is_empty() {
        findings.add(DiagnosticCode::EmptyTitle, path(), item, format!("{} has no title.", whose()));
    }
}

/// Checks the plan's own fields and its lists of levels, themes and members.
pub(crate) fn check_plan(index: &Index<'_>, findings: &mut Findings) {
    let plan = index.plan;
    check_slug(findings, "plan", &plan.id, || Pointer::parse("/id"), None);
    check_title(findings, &plan.title, || Pointer::parse("/title"), None, || "The plan".to_owned());
    if let Some(levels) = &plan.levels {
        check_unique(findings, "level", levels.iter().map(|l| l.id.as_str()), "/levels");
        for (i, level) in levels.iter().enumerate() {
            check_slug(findings, "level", &level.id, || Pointer::parse(&format!("/levels/{i}/id")), None);
        }
    }
    check_unique(findings, "theme", plan.themes.iter().map(|t| t.id.as_str()), "/themes");
    for (i, theme) in plan.themes.iter().enumerate() {
        check_slug(findings, "theme", &theme.id, || Pointer::parse(&format!("/themes/{i}/id")), None);
        let path = || Pointer::parse(&format!("/themes/{i}/title"));
        check_title(findings, &theme.title, path, None, || format!("Theme `{}`", theme.id));
    }
    check_unique(findings, "member", plan.members.iter().map(|m| m.id.as_str()), "/members");
    for (i, member) in plan.members.iter().enumerate() {
        let path = || Pointer::parse(&format!("/members/{i}/id"));
        if member.id == "all" {
            findings
                .add(
                    DiagnosticCode::ReservedMemberId,
                    path(),
                    None,
                    "`all` cannot be a member id: it means every member.".to_owned(),
                )
                .hint("give the member another id");
        } else {
            check_slug(findings, "member", &member.id, path, None);
        }
    }
}

/// Reports the second and later uses of an id in one list.
fn check_unique<'a>(findings: &mut Findings, what: &str, ids: impl Iterator<Item = &'a str>, list: &str) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(&j) = first.get(id) {
            findings
                .add(
                    DiagnosticCode::DuplicateId,
                    Pointer::parse(&format!("{list}/{i}/id")),
                    None,
                    format!("The {what} id `{id}` is used twice: here and at {list}/{j}."),
                )
                .hint(format!("give each {what} its own id"));
        } else {
            first.insert(id, i);
        }
    }
}

/// Checks one item: its id, title, depth, and that its id is not taken.
pub(crate) fn check_item(index: &Index<'_>, position: usize, info: &ItemInfo<'_>, findings: &mut Findings) {
    let item = info.item;
    let id = Some(item.id.as_str());
    check_slug(findings, "item", &item.id, || index.path(info).join("id"), id);
    // `repeated_ids` is in document order, so a binary search finds this item's entry.
    if let Ok(found) = index.repeated_ids.binary_search_by_key(&position, |&(repeat, _)| repeat) {
        let first = index.repeated_ids[found].1;
        findings
            .add(
                DiagnosticCode::DuplicateId,
                index.path(info).join("id"),
                id,
                format!(
                    "The id `{}` is used by two items: this one and the one at {}.",
                    item.id,
                    index.path(&index.items[first])
                ),
            )
            .hint("give each item its own id: returns and links find items by id");
    }
    check_title(findings, &item.title, || index.path(info).join("title"), id, || index.name(info));
    let levels = index.level_names.len();
    if info.depth >= levels {
        let names = index.level_names.join(", ");
        findings
            .add(
                DiagnosticCode::DeeperThanLevels,
                index.path(info),
                id,
                format!(
                    "Item `{}` is at level {} of the outline, but the plan declares only {levels} levels ({names}).",
                    item.id,
                    info.depth + 1
                ),
            )
            .hint("add a level to `levels`, or move the item up the outline");
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{codes_at, plan};

    #[test]
    fn ids_titles_and_depth() {
        let plan = plan(
            "levels: [{id: area}, {id: output}]\nthemes: [{id: Green, title: ''}]\nmembers: [{id: all, name: All}]\n\
             items:\n- id: a\n  title: A\n  children:\n  - {id: a.1, title: ' ', children: [{id: a.1.x, title: X}]}\n- {id: a, title: Again}\n",
        );
        assert_eq!(
            codes_at(&plan),
            vec![
                ("bad_slug", "/themes/0/id", Some(6)),
                ("empty_title", "/themes/0/title", Some(6)),
                ("reserved_member_id", "/members/0/id", Some(7)),
                ("empty_title", "/items/0/children/0/title", Some(12)),
                ("deeper_than_levels", "/items/0/children/0/children/0", Some(12)),
                ("duplicate_id", "/items/1/id", Some(13)),
            ]
        );
    }

    #[test]
    fn slugs() {
        assert!(super::is_slug("finance.1.a"));
        assert!(super::is_slug("2020-21"));
        assert!(!super::is_slug("Finance"));
        assert!(!super::is_slug("-a"));
        assert!(!super::is_slug(""));
        assert_eq!(super::slugify("Finance 1/A"), "finance-1-a");
        assert_eq!(super::slugify("Café Société"), "cafe-societe");
        assert_eq!(super::slugify("住宅"), "");
    }
}
