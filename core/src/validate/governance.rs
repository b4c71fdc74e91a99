//! Governance: events in date order, reviews that name what they reviewed, and a plan status
//! that matches its last approval.

use super::context::{Findings, Index};
use super::DiagnosticCode;
use crate::io::Pointer;
use crate::model::{EventAction, PlanStatus};

/// Checks the plan's events.
pub(crate) fn check_events(index: &Index<'_>, findings: &mut Findings) {
    let plan = index.plan;
    let events = Pointer::root().join("events");
    for (i, pair) in plan.events.windows(2).enumerate() {
        let (before, event) = (&pair[0], &pair[1]);
        if event.date < before.date {
            findings
                .add(
                    DiagnosticCode::EventsOutOfOrder,
                    events.join(i + 1).join("date"),
                    None,
                    format!(
                        "The event of {} on {} is listed after the event of {} on {}: events are kept in date order.",
                        event.body, event.date, before.body, before.date
                    ),
                )
                .hint("list the events oldest first");
        }
    }
    for (i, event) in plan.events.iter().enumerate() {
        if event.action == EventAction::Reviewed && event.items.is_empty() {
            findings.add(
                DiagnosticCode::ReviewWithoutItems,
                events.join(i),
                None,
                format!("The review by {} on {} does not say which items were reviewed.", event.body, event.date),
            );
        }
    }
    let last_decision = plan
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.action, EventAction::Approved | EventAction::Archived))
        .max_by_key(|(i, e)| (e.date, *i));
    let status = plan.status();
    let status_word = match status {
        PlanStatus::Draft => "draft",
        PlanStatus::Consultation => "consultation",
        PlanStatus::Approved => "approved",
        PlanStatus::Archived => "archived",
    };
    let path = Pointer::parse("/status");
    match last_decision {
        None if status == PlanStatus::Approved => {
            findings
                .add(
                    DiagnosticCode::StatusMismatch,
                    path,
                    None,
                    "The plan is marked approved, but no approval is recorded in its events.".to_owned(),
                )
                .hint("add the approval as an event: date, body, action: approved");
        }
        Some((_, event))
            if event.action == EventAction::Approved
                && matches!(status, PlanStatus::Draft | PlanStatus::Consultation) =>
        {
            findings.add(
                DiagnosticCode::StatusMismatch,
                path,
                None,
                format!("{} approved the plan on {}, but its status is still `{status_word}`.", event.body, event.date),
            );
        }
        Some((_, event)) if event.action == EventAction::Archived && status != PlanStatus::Archived => {
            findings.add(
                DiagnosticCode::StatusMismatch,
                path,
                None,
                format!("{} archived the plan on {}, but its status is `{status_word}`.", event.body, event.date),
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{codes_at, plan};

    #[test]
    fn events_in_order_reviews_with_items_and_status() {
        let plan = plan(
            "status: draft\nevents:\n- {date: 2020-03-24, body: Leaders' Committee, action: approved}\n\
             - {date: 2020-03-03, body: Executive, action: discussed}\n- {date: 2020-06-09, body: Leaders' Committee, action: reviewed}\n",
        );
        assert_eq!(
            codes_at(&plan),
            vec![
                ("status_mismatch", "/status", Some(5)),
                ("events_out_of_order", "/events/1/date", Some(8)),
                ("review_without_items", "/events/2", Some(9)),
            ]
        );
        let approved_without_event = crate::validate::tests::plan("status: approved\n");
        assert_eq!(codes_at(&approved_without_event), vec![("status_mismatch", "/status", Some(5))]);
    }
}
