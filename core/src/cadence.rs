//! Review cadence (docs/governance.md#review-cadence): a committee's meeting calendar, the rotation of clusters of
//! items (e.g. the 7 areas of the pledges) over its meetings, the check that every cluster is
//! reviewed within every window (12 months by default), and which clusters are overdue by the
//! `reviewed` events recorded.

use chrono::{Datelike, Months, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Date, EventAction, Plan};

/// When a committee meets: the nth weekday of each month (or the last, with `nth = 5`), except in
/// some months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRule {
    /// 1 to 4 for the first to fourth, 5 for the last.
    pub nth: u8,
    /// The weekday.
    #[serde(serialize_with = "weekday_name")]
    pub weekday: Weekday,
    /// Months (1-12) without a meeting.
    pub except_months: Vec<u32>,
}

fn weekday_name<S: serde::Serializer>(weekday: &Weekday, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(weekday)
}

/// Why a meeting rule could not be read (as an [`ApiError`](crate::ApiError), code
/// `invalid_rule`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{why}")]
pub struct RuleError {
    /// The rule as given.
    rule: String,
    /// What is wrong with it.
    why: String,
}

impl RuleError {
    fn new(rule: &str, why: String) -> RuleError {
        RuleError { rule: rule.to_owned(), why }
    }

    /// The rule as given.
    pub fn rule(&self) -> &str {
        &self.rule
    }
}

impl std::str::FromStr for MeetingRule {
    type Err = RuleError;

    /// Reads "second tuesday", "last thursday", "2nd tue", optionally followed by
    /// "except january, august" (or "except jan aug").
    fn from_str(text: &str) -> Result<Self, RuleError> {
        let lower = text.to_lowercase();
        let (rule, except) = match lower.split_once("except") {
            Some((rule, except)) => (rule.to_owned(), except.to_owned()),
            None => (lower.clone(), String::new()),
        };
        let words: Vec<&str> = rule.split_whitespace().collect();
        let [nth, day] = words.as_slice() else {
            return Err(RuleError::new(text, format!("expected a rule like `second tuesday`, found `{text}`")));
        };
        let nth = match *nth {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            "last" => 5,
            other => {
                return Err(RuleError::new(text, format!("`{other}` is not first, second, third, fourth or last")))
            }
        };
        let weekday: Weekday =
            day.parse().map_err(|_| RuleError::new(text, format!("`{day}` is not a day of the week")))?;
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        let mut except_months = Vec::new();
        for word in except.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty() && *w != "and") {
            let month = months
                .iter()
                .position(|m| word.starts_with(m))
                .ok_or_else(|| RuleError::new(text, format!("`{word}` is not a month")))?;
            except_months.push(month as u32 + 1);
        }
        Ok(MeetingRule { nth, weekday, except_months })
    }
}

/// The meeting dates from `from` to `to` (both included) under `rule`.
///
/// ```
/// use workplan::{meetings, Date, MeetingRule};
/// let rule: MeetingRule = "second tuesday except august".parse()?;
/// let dates = meetings(&rule, "2020-07-01".parse::<Date>()?, "2020-09-30".parse::<Date>()?);
/// assert_eq!(dates.iter().map(Date::to_string).collect::<Vec<_>>(), ["2020-07-14", "2020-09-08"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn meetings(rule: &MeetingRule, from: Date, to: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(from.0.year(), from.0.month(), 1);
    while let Some(first) = month {
        if first > to.0 {
            break;
        }
        if !rule.except_months.contains(&first.month()) {
            let day = if rule.nth == 5 {
                let next = first.checked_add_months(Months::new(1)).unwrap_or(first);
                next.pred_opt().and_then(|last| {
                    (0..7).map(|back| last - chrono::Duration::days(back)).find(|d| d.weekday() == rule.weekday)
                })
            } else {
                NaiveDate::from_weekday_of_month_opt(first.year(), first.month(), rule.weekday, rule.nth)
            };
            if let Some(day) = day.filter(|d| *d >= from.0 && *d <= to.0) {
                out.push(Date(day));
            }
        }
        month = first.checked_add_months(Months::new(1));
    }
    out
}

/// A meeting and the cluster it reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Slot {
    /// The meeting.
    pub date: Date,
    /// The id of the cluster reviewed.
    pub cluster: String,
}

/// A stretch longer than the window in which a cluster is not reviewed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Gap {
    /// The cluster.
    pub cluster: String,
    /// The last review before the gap (or the first meeting).
    pub from: Date,
    /// The next review (or the last meeting).
    pub to: Date,
}

/// A cluster whose last recorded review is older than the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Overdue {
    /// The cluster.
    pub cluster: String,
    /// Its last `reviewed` event, if any.
    pub last_reviewed: Option<Date>,
    /// When the next review fell due.
    pub due: Date,
}

/// The rotation of clusters over meetings and its checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Cadence {
    /// The level whose items are the clusters (0: the top level).
    pub level: usize,
    /// The window every cluster must be reviewed in, in months.
    pub window_months: u32,
    /// The clusters, in document order.
    pub clusters: Vec<String>,
    /// Each meeting with the cluster it reviews, in rotation.
    pub schedule: Vec<Slot>,
    /// Stretches where the rotation leaves a cluster unreviewed for longer than the window.
    pub gaps: Vec<Gap>,
    /// Clusters overdue at `as_of` by the recorded `reviewed` events.
    pub overdue: Vec<Overdue>,
    /// The date overdue reviews are judged at.
    pub as_of: Option<Date>,
}

impl Cadence {
    /// Whether every cluster is reviewed within every window.
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty()
    }
}

/// `months` after `date`; past the last representable date, that date (a window that long never
/// ends).
fn add_months(date: Date, months: u32) -> Date {
    Date(date.0.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX))
}

/// What a review cadence is checked for (docs/governance.md#cadence): the level whose items are
/// the clusters, the window every cluster must be reviewed in, and the date overdue reviews are
/// judged at. The defaults (`CadenceOptions::default()`) are those of every face: the
/// top level, 12 months, and no overdue check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CadenceOptions {
    /// The level whose items are the clusters (0: the top level).
    pub level: usize,
    /// The window every cluster must be reviewed in, in months.
    pub window_months: u32,
    /// The date overdue reviews are judged at; none: no overdue check.
    pub as_of: Option<Date>,
}

impl CadenceOptions {
    /// The window when none is given: every cluster reviewed at least once a year.
    pub const DEFAULT_WINDOW_MONTHS: u32 = 12;
}

impl Default for CadenceOptions {
    /// The top level, a 12-month window, no overdue check.
    fn default() -> Self {
        CadenceOptions { level: 0, window_months: Self::DEFAULT_WINDOW_MONTHS, as_of: None }
    }
}

/// Assigns the active items at `options.level` to `meetings` in rotation, checks that each is
/// reviewed within every `options.window_months`, and, at `options.as_of`, which are overdue by
/// the plan's `reviewed` events (a review of an item counts for the cluster it is in).
///
/// ```
/// use workplan::{cadence, CadenceOptions, Plan};
/// let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A}, {id: b, title: B}]\n").unwrap();
/// let dates = ["2020-05-12".parse().unwrap(), "2020-06-09".parse().unwrap()];
/// let result = cadence(&plan, &dates, &CadenceOptions::default());
/// assert_eq!((result.level, result.window_months, result.clusters.len()), (0, 12, 2));
/// ```
pub fn cadence(plan: &Plan, meetings: &[Date], options: &CadenceOptions) -> Cadence {
    let CadenceOptions { level, window_months, as_of } = *options;
    let ordered = plan.items_in_order();
    let clusters: Vec<String> = ordered
        .iter()
        .filter(|(depth, item)| *depth == level && item.state() == crate::ItemState::Active)
        .map(|(_, item)| item.id.clone())
        .collect();
    let schedule: Vec<Slot> = if clusters.is_empty() {
        Vec::new()
    } else {
        meetings
            .iter()
            .enumerate()
            .map(|(i, date)| Slot { date: *date, cluster: clusters[i % clusters.len()].clone() })
            .collect()
    };
    let mut gaps = Vec::new();
    if let (Some(first), Some(last)) = (meetings.first(), meetings.last()) {
        for cluster in &clusters {
            let mut previous = *first;
            let reviews = schedule.iter().filter(|s| &s.cluster == cluster).map(|s| s.date);
            for date in reviews.chain(std::iter::once(*last)) {
                if date > add_months(previous, window_months) {
                    gaps.push(Gap { cluster: cluster.clone(), from: previous, to: date });
                }
                previous = previous.max(date);
            }
        }
    }
    // Which cluster an item is in: its ancestor (or itself) at `level`.
    let mut cluster_of = std::collections::HashMap::new();
    let mut stack: Vec<&str> = Vec::new();
    for (depth, item) in &ordered {
        stack.truncate(*depth);
        stack.push(item.id.as_str());
        if let Some(cluster) = stack.get(level) {
            cluster_of.insert(item.id.as_str(), *cluster);
        }
    }
    let mut overdue = Vec::new();
    if let Some(as_of) = as_of {
        for cluster in &clusters {
            let last_reviewed = plan
                .events
                .iter()
                .filter(|e| e.action == EventAction::Reviewed && e.date <= as_of)
                .filter(|e| e.items.iter().any(|id| cluster_of.get(id.as_str()) == Some(&cluster.as_str())))
                .map(|e| e.date)
                .max();
            let since = last_reviewed.unwrap_or(plan.period.start);
            let due = add_months(since, window_months);
            if as_of > due {
                overdue.push(Overdue { cluster: cluster.clone(), last_reviewed, due });
            }
        }
    }
    Cadence { level, window_months, clusters, schedule, gaps, overdue, as_of }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_rules_and_calendars() {
        let rule: MeetingRule = "second tuesday except january, august".parse().expect("rule");
        assert_eq!(rule.except_months, vec![1, 8]);
        let from: Date = "2019-06-01".parse().expect("date");
        let to: Date = "2020-05-31".parse().expect("date");
        let dates = meetings(&rule, from, to);
        assert_eq!(dates.len(), 10, "twelve months less January and August");
        assert_eq!(dates[0].to_string(), "2019-06-11");
        let last: MeetingRule = "last friday".parse().expect("rule");
        assert_eq!(meetings(&last, from, "2019-06-30".parse().expect("date"))[0].to_string(), "2019-06-28");
        assert!("every tuesday".parse::<MeetingRule>().is_err());
    }

    #[test]
    fn rotation_gaps_and_overdue_reviews() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2019-04-01, end: 2022-03-31}\n\
             items: [{id: a, title: A, children: [{id: a.1, title: A1}]}, {id: b, title: B}, {id: c, title: C}]\n\
             events: [{date: 2019-07-09, body: Leaders' Committee, action: reviewed, items: [a.1]}]\n",
        )
        .expect("valid");
        let rule: MeetingRule = "second tuesday except jan aug".parse().expect("rule");
        let dates = meetings(&rule, "2019-06-01".parse().expect("d"), "2022-03-31".parse().expect("d"));
        let as_of = Some("2020-09-01".parse().expect("d"));
        let fine = cadence(&plan, &dates, &CadenceOptions { as_of, ..CadenceOptions::default() });
        assert!(fine.is_complete());
        assert_eq!(fine.schedule[0].cluster, "a");
        assert_eq!(fine.schedule[3].cluster, "a");
        // a was reviewed in July 2019 (through a.1); b and c never: overdue a year after the start.
        let overdue: Vec<&str> = fine.overdue.iter().map(|o| o.cluster.as_str()).collect();
        assert_eq!(overdue, vec!["a", "b", "c"]);
        assert_eq!(fine.overdue[0].last_reviewed.map(|d| d.to_string()).as_deref(), Some("2019-07-09"));
        // Two meetings a year cannot review three clusters every twelve months.
        let sparse = meetings(
            &"first monday except feb mar apr may jun aug sep oct nov dec".parse().expect("rule"),
            dates[0],
            dates[dates.len() - 1],
        );
        let thin = cadence(&plan, &sparse, &CadenceOptions::default());
        assert!(!thin.is_complete());
        // The defaults: the top level, a 12-month window, no overdue check.
        assert_eq!((thin.level, thin.window_months, thin.as_of), (0, 12, None));
        assert!(thin.overdue.is_empty());
        // A window past the last representable date never closes: no gap, nothing overdue.
        let endless = CadenceOptions { window_months: u32::MAX, as_of: Some(dates[dates.len() - 1]), level: 0 };
        let endless = cadence(&plan, &sparse, &endless);
        assert!(endless.is_complete() && endless.overdue.is_empty(), "{endless:?}");
    }
}
