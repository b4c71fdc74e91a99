//! Dates: the period runs forwards, items start before they are due and inside the plan period,
//! milestones are in order and inside their item's dates, returns are dated inside the period.

use super::context::{Findings, Index, ItemInfo, UpdateRef};
use super::DiagnosticCode;
use crate::io::Pointer;

/// Checks the plan period.
pub(crate) fn check_plan(index: &Index<'_>, findings: &mut Findings) {
    let period = &index.plan.period;
    if period.start > period.end {
        findings.add(
            DiagnosticCode::PeriodReversed,
            Pointer::parse("/period/end"),
            None,
            format!("The plan period ends on {}, before it starts on {}.", period.end, period.start),
        );
    }
}

/// Checks an item's own dates and milestones.
pub(crate) fn check_item(index: &Index<'_>, info: &ItemInfo<'_>, findings: &mut Findings) {
    let item = info.item;
    let id = Some(item.id.as_str());
    let period = &index.plan.period;
    let name = || index.name(info);
    // A problem with inherited dates is reported where the dates are set, not on every descendant.
    if (item.start.is_some() || item.due.is_some()) && info.start > info.due {
        let field = if item.due.is_some() { "due" } else { "start" };
        findings.add(
            DiagnosticCode::StartAfterDue,
            index.path(info).join(field),
            id,
            format!("{} starts on {}, after it is due on {}.", name(), info.start, info.due),
        );
    }
    if let Some(start) = item.start {
        if start < period.start || start > period.end {
            let relation = if start < period.start {
                format!("before the plan begins on {}", period.start)
            } else {
                format!("after the plan ends on {}", period.end)
            };
            findings.add(
                DiagnosticCode::StartOutsidePeriod,
                index.path(info).join("start"),
                id,
                format!("{} starts on {start}, {relation}.", name()),
            );
        }
    }
    if let Some(due) = item.due {
        if due < period.start || due > period.end {
            let relation = if due > period.end {
                format!("after the plan ends on {}", period.end)
            } else {
                format!("before the plan begins on {}", period.start)
            };
            findings
                .add(
                    DiagnosticCode::DueOutsidePeriod,
                    index.path(info).join("due"),
                    id,
                    format!("{} is due on {due}, {relation}.", name()),
                )
                .hint("move the date inside the plan period, or carry the item into the next plan");
        }
    }
    let Some(measure) = &item.measure else { return };
    let mut previous: Option<(usize, crate::Date)> = None;
    for (i, milestone) in measure.milestones.iter().enumerate() {
        let path = index.path(info).join("measure").join("milestones").join(i).join("date");
        if let Some((p, date)) = previous {
            if milestone.date <= date {
                findings.add(
                    DiagnosticCode::MilestonesNotAscending,
                    path.clone(),
                    id,
                    format!(
                        "Milestone {} of {} ({}) is not after milestone {} ({date}): milestones must be in date order.",
                        i + 1,
                        name(),
                        milestone.date,
                        p + 1
                    ),
                );
            }
        }
        previous = Some((i, milestone.date));
        if milestone.date < info.start || milestone.date > info.due {
            findings.add(
                DiagnosticCode::MilestoneOutsideDates,
                path,
                id,
                format!(
                    "Milestone {} of {} is dated {}, outside the item's dates ({} to {}).",
                    i + 1,
                    name(),
                    milestone.date,
                    info.start,
                    info.due
                ),
            );
        }
    }
}

/// Checks that a return is dated inside the plan period.
pub(crate) fn check_update(index: &Index<'_>, update: &UpdateRef<'_>, findings: &mut Findings) {
    let period = &index.plan.period;
    let date = update.update.date;
    let (code, relation) = if date > period.end {
        (DiagnosticCode::UpdateAfterPeriod, format!("after the plan ends on {}", period.end))
    } else if date < period.start {
        (DiagnosticCode::UpdateBeforePeriod, format!("before the plan begins on {}", period.start))
    } else {
        return;
    };
    findings.add_in(
        update.document,
        code,
        update.path().join("date"),
        Some(&update.update.item),
        format!("{} is dated {date}, {relation}.", update.name()),
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{codes_at, plan_with_period};

    #[test]
    fn period_items_milestones_and_returns() {
        let plan = plan_with_period(
            "{start: 2020-04-01, end: 2021-03-31}",
            "items:\n\
             - {id: a, title: A, start: 2021-01-01, due: 2020-12-31}\n\
             - {id: b, title: B, start: 2020-01-01, due: 2021-06-30}\n\
             - id: c\n  title: C\n  measure: {unit: u, target: 10, milestones: [{date: 2020-09-30, target: 5}, {date: 2020-06-30, target: 2}, {date: 2021-09-30, target: 9}]}\n\
             updates:\n- {item: c, date: 2021-04-30, percent: 5}\n- {item: c, date: 2020-03-01, percent: 1}\n",
        );
        assert_eq!(
            codes_at(&plan),
            vec![
                ("start_after_due", "/items/0/due", Some(6)),
                ("start_outside_period", "/items/1/start", Some(7)),
                ("due_outside_period", "/items/1/due", Some(7)),
                ("milestones_not_ascending", "/items/2/measure/milestones/1/date", Some(10)),
                ("milestone_outside_dates", "/items/2/measure/milestones/2/date", Some(10)),
                ("update_after_period", "/updates/0/date", Some(12)),
                ("update_before_period", "/updates/1/date", Some(13)),
            ]
        );
        let due = plan.validate().with_code(crate::DiagnosticCode::DueOutsidePeriod).next().cloned().expect("finding");
        assert_eq!(due.message, "Area `b` is due on 2021-06-30, after the plan ends on 2021-03-31.");
    }

    #[test]
    fn a_reversed_period() {
        let plan = plan_with_period("{start: 2021-04-01, end: 2020-03-31}", "");
        assert_eq!(codes_at(&plan), vec![("period_reversed", "/period/end", Some(4))]);
    }
}
