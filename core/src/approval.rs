//! The approval path (docs/governance.md#approval-path): where the plan is by its recorded events, against the
//! status it declares.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Date, EventAction, Plan, PlanStatus};

/// One step of the approval path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Step {
    /// When.
    pub date: Date,
    /// Who.
    pub body: String,
    /// What.
    pub action: EventAction,
}

/// Where a plan is in its approval path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ApprovalState {
    /// The status the plan declares.
    pub status: PlanStatus,
    /// The status its events give: approved after an approval (amendments after it keep it
    /// approved), archived after archiving, in consultation after comments, else draft.
    pub stage: PlanStatus,
    /// The last approval, if any.
    pub approved: Option<Step>,
    /// The latest event.
    pub last: Option<Step>,
    /// Every event, in date order (the order given for the same date).
    pub path: Vec<Step>,
    /// Whether the declared status matches the events and the events are listed in date order.
    pub consistent: bool,
}

impl Plan {
    /// Where the plan is in its approval path.
    ///
    /// ```
    /// let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nstatus: approved\n\
    ///     period: {start: 2020-04-01, end: 2021-03-31}\nevents:\n\
    ///     - {date: 2020-03-03, body: Executive, action: discussed}\n\
    ///     - {date: 2020-03-24, body: Leaders' Committee, action: approved}\n")?;
    /// let state = plan.approval_state();
    /// assert!(state.consistent);
    /// assert_eq!(state.approved.map(|s| s.body), Some("Leaders' Committee".to_owned()));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn approval_state(&self) -> ApprovalState {
        let mut path: Vec<Step> =
            self.events.iter().map(|e| Step { date: e.date, body: e.body.clone(), action: e.action }).collect();
        let in_order = path.windows(2).all(|pair| pair[0].date <= pair[1].date);
        path.sort_by_key(|step| step.date);
        let mut stage = PlanStatus::Draft;
        let mut approved = None;
        for step in &path {
            match step.action {
                EventAction::Approved => {
                    stage = PlanStatus::Approved;
                    approved = Some(step.clone());
                }
                EventAction::Archived => stage = PlanStatus::Archived,
                EventAction::Commented if stage == PlanStatus::Draft => stage = PlanStatus::Consultation,
                _ => {}
            }
        }
        let status = self.status();
        let matches = status == stage
            || (status == PlanStatus::Consultation && stage == PlanStatus::Draft)
            || (status == PlanStatus::Draft && stage == PlanStatus::Consultation);
        ApprovalState { status, stage, approved, last: path.last().cloned(), path, consistent: matches && in_order }
    }
}
