//! Numbers: finite everywhere, percents within 0 to 100, weights not negative and not all zero
//! among siblings, targets that differ from baselines, per-member targets only with members.

use super::context::{Findings, Index, ItemInfo, UpdateRef};
use super::diagnostic::Document;
use super::DiagnosticCode;
use crate::io::Pointer;
use crate::model::Item;

fn check_finite(
    findings: &mut Findings,
    document: Document,
    value: Option<f64>,
    path: impl FnOnce() -> Pointer,
    item: Option<&str>,
    what: impl FnOnce() -> String,
) -> bool {
    match value {
        Some(v) if !v.is_finite() => {
            findings.add_in(
                document,
                DiagnosticCode::NonFinite,
                path(),
                item,
                format!("{} is not a finite number ({v}).", what()),
            );
            false
        }
        _ => true,
    }
}

/// Checks the settings' numbers.
pub(crate) fn check_plan(index: &Index<'_>, findings: &mut Findings) {
    check_finite(
        findings,
        Document::Plan,
        index.plan.settings.as_ref().and_then(|s| s.coverage_threshold),
        || Pointer::parse("/settings/coverage_threshold"),
        None,
        || "The coverage threshold".to_owned(),
    );
    let Some(bands) = index.plan.settings.as_ref().and_then(|s| s.bands.as_ref()) else { return };
    let path = Pointer::parse("/settings/bands");
    check_finite(
        findings,
        Document::Plan,
        bands.at_risk,
        || path.join("at_risk"),
        None,
        || "The at-risk band".to_owned(),
    );
    check_finite(
        findings,
        Document::Plan,
        bands.off_track,
        || path.join("off_track"),
        None,
        || "The off-track band".to_owned(),
    );
}

/// Checks an item's weight and measure.
pub(crate) fn check_item(index: &Index<'_>, info: &ItemInfo<'_>, findings: &mut Findings) {
    let item = info.item;
    let id = Some(item.id.as_str());
    let name = || index.name(info);
    let weight_path = || index.path(info).join("weight");
    if check_finite(findings, Document::Plan, item.weight, weight_path, id, || format!("The weight of {}", name())) {
        if let Some(weight) = item.weight.filter(|w| *w < 0.0) {
            let message = format!("{} has a negative weight ({weight}); weights are 0 or more.", name());
            findings
                .add(DiagnosticCode::NegativeWeight, weight_path(), id, message)
                .hint("use 0 to leave an item out of its parent's progress");
        }
    }
    let Some(measure) = &item.measure else { return };
    let path = || index.path(info).join("measure");
    let plan = Document::Plan;
    let ok_baseline = check_finite(
        findings,
        plan,
        measure.baseline,
        || path().join("baseline"),
        id,
        || format!("The baseline of {}", name()),
    );
    let ok_target = check_finite(
        findings,
        plan,
        Some(measure.target),
        || path().join("target"),
        id,
        || format!("The target of {}", name()),
    );
    check_finite(
        findings,
        plan,
        measure.member_target,
        || path().join("member_target"),
        id,
        || format!("The per-member target of {}", name()),
    );
    for (i, milestone) in measure.milestones.iter().enumerate() {
        let what = || format!("The target of milestone {} of {}", i + 1, name());
        check_finite(
            findings,
            plan,
            Some(milestone.target),
            || path().join("milestones").join(i).join("target"),
            id,
            what,
        );
    }
    if ok_baseline && ok_target && measure.target == measure.baseline() {
        let message = format!(
            "The target of {} equals its baseline ({}), so progress towards it cannot be measured.",
            name(),
            measure.target
        );
        findings
            .add(DiagnosticCode::TargetEqualsBaseline, path().join("target"), id, message)
            .hint("set the baseline to where the measure stood at the start");
    }
    if measure.member_target.is_some() && info.members.is_none() {
        let message = format!(
            "{} has a target for each member, but it is not delivered by members, so the per-member target is not used.",
            name()
        );
        findings.add(DiagnosticCode::MemberTargetWithoutMembers, path().join("member_target"), id, message);
    }
}

/// Checks that not every one of a group of siblings has weight 0 (`parent` is `None` for the top
/// level).
pub(crate) fn check_siblings(
    index: &Index<'_>,
    parent: Option<&ItemInfo<'_>>,
    children: &[Item],
    findings: &mut Findings,
) {
    if children.is_empty() || !children.iter().all(|c| c.weight() == 0.0) {
        return;
    }
    let (path, id, whose) = match parent {
        Some(info) => {
            (index.path(info).join("children"), Some(info.item.id.as_str()), format!("under {}", index.name(info)))
        }
        None => (Pointer::root().join("items"), None, "at the top of the plan".to_owned()),
    };
    findings
        .add(
            DiagnosticCode::AllWeightsZero,
            path,
            id,
            format!("Every item {whose} has weight 0, so progress there cannot be computed."),
        )
        .hint("give at least one of them a weight above 0");
}

/// The text with its first letter in lower case ("The return..." inside a sentence).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// Checks a return's numbers.
pub(crate) fn check_update(update: &UpdateRef<'_>, findings: &mut Findings) {
    let u = update.update;
    let item = Some(u.item.as_str());
    let name = || update.name();
    let percent_path = || update.path().join("percent");
    let what = || format!("The percent of {}", lower_first(&name()));
    if check_finite(findings, update.document, u.percent, percent_path, item, what) {
        if let Some(percent) = u.percent.filter(|p| !(0.0..=100.0).contains(p)) {
            let message = format!("{} reports {percent}%; a percent is between 0 and 100.", name());
            findings.add_in(update.document, DiagnosticCode::PercentOutOfRange, percent_path(), item, message);
        }
    }
    check_finite(
        findings,
        update.document,
        u.value,
        || update.path().join("value"),
        item,
        || format!("The value of {}", lower_first(&name())),
    );
}

/// Checks the percents of one document's returns together: when every percent lies between 0
/// and 1 and either a return marked done carries one, or at least two lie strictly between 0
/// and 1, they look like fractions typed for percents (`0.55` for 55%), which would count as
/// under 1% each. Not when the returns were read with a declared scale (`docs/returns.md`).
pub(crate) fn check_percent_scale<'u>(
    updates: impl Iterator<Item = &'u UpdateRef<'u>>,
    scale: crate::PercentScale,
    findings: &mut Findings,
) {
    if scale != crate::PercentScale::Auto {
        return;
    }
    // One pass that keeps counts, not a list of the returns (a million returns at 100k items).
    let (mut with_percent, mut done, mut between) = (0, 0, 0);
    let mut first = None;
    for u in updates {
        let Some(p) = u.update.percent.filter(|p| p.is_finite()) else { continue };
        if !(0.0..=1.0).contains(&p) {
            return;
        }
        with_percent += 1;
        if p > 0.0 && first.is_none() {
            first = Some((u, p));
        }
        done += usize::from(u.update.status == Some(crate::UpdateStatus::Done));
        between += usize::from(p > 0.0 && p < 1.0);
    }
    let Some((first, first_percent)) = first else { return };
    if done == 0 && between < 2 {
        return;
    }
    let done_words = match done {
        0 => String::new(),
        1 => ", and the 1 return marked done reports at most 1%".to_owned(),
        n => format!(", and the {n} returns marked done report at most 1%"),
    };
    let message = format!(
        "All {} percents of these returns are between 0 and 1 (the first above 0: {first_percent} in {}){done_words}: \
         they look like fractions typed for percents (0.55 for 55%), and each counts as under 1% complete.",
        with_percent,
        lower_first(&first.name()),
    );
    findings
        .add_in(
            first.document,
            DiagnosticCode::PercentLooksFractional,
            first.path().join("percent"),
            Some(first.update.item.as_str()),
            message,
        )
        .hint("multiply them by 100, or read the returns with the mapping `percent_scale: fraction` (`percent` if they really are under 1%)");
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{codes_at, plan};

    #[test]
    fn percents_that_look_like_fractions() {
        let looks = |updates: &str| {
            let plan = plan(&format!("items: [{{id: a, title: A}}, {{id: b, title: B}}]\nupdates:\n{updates}"));
            plan.validate()
                .with_code(crate::DiagnosticCode::PercentLooksFractional)
                .map(|d| d.path.to_string())
                .collect::<Vec<_>>()
        };
        let done =
            "- {item: a, date: 2020-06-30, percent: 0}\n- {item: b, date: 2020-06-30, status: done, percent: 1}\n";
        assert_eq!(looks(done), ["/updates/1/percent"]);
        let two = "- {item: a, date: 2020-06-30, percent: 0.55}\n- {item: b, date: 2020-06-30, percent: 0.2}\n";
        assert_eq!(looks(two), ["/updates/0/percent"]);
        let one = "- {item: a, date: 2020-06-30, percent: 0.5}\n- {item: b, date: 2020-06-30, percent: 0}\n";
        assert!(looks(one).is_empty(), "a single half percent is not enough to say");
        let mixed = "- {item: a, date: 2020-06-30, percent: 0.55}\n- {item: b, date: 2020-06-30, percent: 0.2}\n- {item: b, date: 2020-09-30, percent: 40}\n";
        assert!(looks(mixed).is_empty());
    }

    #[test]
    fn weights_measures_and_percents() {
        let plan = plan(
            "settings: {bands: {at_risk: .nan}}\nitems:\n\
             - {id: a, title: A, weight: -1, measure: {unit: u, baseline: 5, target: 5, member_target: 2}}\n\
             - id: b\n  title: B\n  children: [{id: b.1, title: B1, weight: 0}, {id: b.2, title: B2, weight: 0, measure: {unit: u, target: .inf}}]\n\
             updates:\n- {item: a, date: 2020-06-30, percent: 120}\n- {item: a, date: 2020-06-30, value: .nan}\n",
        );
        assert_eq!(
            codes_at(&plan),
            vec![
                ("non_finite", "/settings/bands/at_risk", Some(5)),
                ("negative_weight", "/items/0/weight", Some(7)),
                ("target_equals_baseline", "/items/0/measure/target", Some(7)),
                ("member_target_without_members", "/items/0/measure/member_target", Some(7)),
                ("all_weights_zero", "/items/1/children", Some(10)),
                ("non_finite", "/items/1/children/1/measure/target", Some(10)),
                ("percent_out_of_range", "/updates/0/percent", Some(12)),
                ("non_finite", "/updates/1/value", Some(13)),
            ]
        );
    }
}
