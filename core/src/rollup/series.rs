//! A rollup at several dates in one call, for burn-up charts and trends: the same numbers as a
//! separate [`rollup`](super::rollup) at each date, found by one engine that moves forward in
//! time. The plan is flattened once and each return is taken in once, when the dates reach it;
//! only the numbers of the nodes are computed again at each date.

use std::collections::HashSet;

use chrono::Datelike;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::columns::RowColumns;
use super::engine::{days_before, take, RollupEngine, RollupOptions};
use super::intake::Fields;
use super::latest::Key;
use super::row::{Rollup, StatusCounts};
use crate::model::{Date, Period, Plan, Update, Updates};

/// The rollup of a plan at several dates (ascending, each once). As JSON, with its burn-up
/// numbers: `{"plan": id, "rollups": [...], "burn_up": [...]}` (read back, `burn_up` is found
/// again from the rollups).
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(from = "SeriesJson")]
#[schemars(rename = "RollupSeries", into = "SeriesJson")]
#[non_exhaustive]
pub struct RollupSeries {
    /// The plan's id.
    pub plan: String,
    /// One rollup per date, in date order: each is exactly what [`rollup`](super::rollup)
    /// gives at that date.
    pub rollups: Vec<Rollup>,
}

impl RollupSeries {
    /// The dates, ascending.
    pub fn dates(&self) -> Vec<Date> {
        self.rollups.iter().map(|r| r.as_of).collect()
    }

    /// The rollup at `date`, if it is one of the dates.
    pub fn at(&self, date: Date) -> Option<&Rollup> {
        self.rollups.iter().find(|r| r.as_of == date)
    }

    /// Every row of every date in long form, one column per field: `as_of` then the row columns
    /// (docs/rollup.md#rows), date by date, each date's rows in document order.
    pub fn columns(&self) -> RowColumns {
        let mut columns = RowColumns::default();
        for rollup in &self.rollups {
            columns.extend(rollup.as_of, &rollup.rows);
        }
        columns
    }

    /// The burn-up numbers at each date: work done and expected against the scope, and the
    /// statuses of the leaves.
    pub fn burn_up(&self) -> Vec<BurnUp> {
        self.rollups.iter().map(Rollup::burn_up).collect()
    }

    /// The JSON form: `{"plan": id, "rollups": [...], "burn_up": [...]}`, each rollup in the
    /// form of docs/rollup.md#the-json-form, the burn-up numbers with `as_of`, `scope`, `earned`,
    /// `expected` and the status counts.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::json!({
            "plan": self.plan,
            "rollups": self.rollups.iter().map(Rollup::to_json_value).collect::<Vec<_>>(),
            "burn_up": serde_json::to_value(self.burn_up()).unwrap_or_default(),
        })
    }
}

impl Serialize for RollupSeries {
    /// The JSON form ([`to_json_value`](RollupSeries::to_json_value)): built once, so that the
    /// wasm has one way to write a series (its size budget counts every instantiation).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json_value().serialize(serializer)
    }
}

/// The JSON form of a [`RollupSeries`]: the rollups and the burn-up numbers found from them
/// (its schema, and what is read back).
#[derive(Deserialize, JsonSchema)]
struct SeriesJson {
    /// The plan's id.
    plan: String,
    /// One rollup per date, in date order.
    rollups: Vec<Rollup>,
    /// The burn-up numbers at each date (found from the rollups; ignored when read back).
    #[serde(default)]
    #[allow(dead_code, reason = "in the schema; recomputed from the rollups when read back")]
    burn_up: Vec<BurnUp>,
}

impl From<SeriesJson> for RollupSeries {
    fn from(json: SeriesJson) -> Self {
        RollupSeries { plan: json.plan, rollups: json.rollups }
    }
}

/// The numbers of a burn-up chart at one date, over the included leaves of the whole plan
/// (each leaf counts as one unit of work, whatever its weight).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BurnUp {
    /// The date.
    pub as_of: Date,
    /// The scope: how many included leaves.
    pub scope: usize,
    /// The work done: the sum of their progress (a leaf without data counts 0).
    pub earned: f64,
    /// The work expected by then: the sum of their expected progress.
    pub expected: f64,
    /// Their statuses. As JSON, side by side with the numbers above.
    #[serde(flatten)]
    pub counts: StatusCounts,
}

impl Rollup {
    /// The burn-up numbers of this rollup.
    pub fn burn_up(&self) -> BurnUp {
        let parents: HashSet<&str> = self.rows.iter().filter_map(|r| r.parent.as_deref()).collect();
        let mut point =
            BurnUp { as_of: self.as_of, scope: 0, earned: 0.0, expected: 0.0, counts: self.status_totals() };
        for row in self.rows.iter().filter(|r| r.included && !parents.contains(r.id.as_str())) {
            point.scope += 1;
            point.earned += row.progress.unwrap_or(0.0);
            point.expected += row.expected.unwrap_or(0.0);
        }
        point
    }
}

/// The rollup of `plan` and `updates` at each of `dates` (sorted, duplicates dropped; `None`: the
/// month ends of the plan's period, [`Period::month_ends`]), with `options.known_at` and
/// `options.settings` as in [`rollup`](super::rollup); `options.as_of` is not used (the dates
/// are). Every rollup equals a separate `rollup` at its date (docs/rollup.md, "Series over dates").
///
/// ```
/// use workplan::{rollup_series, Plan, RollupOptions, Updates};
/// let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2020-06-15}\nitems: [{id: a, title: A}]\n").unwrap();
/// let series = rollup_series(&plan, &Updates::default(), &RollupOptions::default(), None);
/// let dates: Vec<String> = series.dates().iter().map(|d| d.to_string()).collect();
/// assert_eq!(dates, ["2020-04-30", "2020-05-31", "2020-06-15"]);
/// ```
pub fn rollup_series(plan: &Plan, updates: &Updates, options: &RollupOptions, dates: Option<&[Date]>) -> RollupSeries {
    let mut dates = dates.map_or_else(|| plan.period.month_ends(), <[Date]>::to_vec);
    dates.sort();
    dates.dedup();
    let mut rollups = Vec::with_capacity(dates.len());
    let Some(&first) = dates.first() else { return RollupSeries { plan: plan.id.clone(), rollups } };
    let mut engine = RollupEngine::new(plan, updates, &RollupOptions { as_of: Some(first), ..options.clone() });
    rollups.push(engine.rollup());
    // The returns by date (ties in input order), and how far each state has taken them in.
    let all: Vec<&Update> = plan.updates.iter().chain(updates.iter()).collect();
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all[i].date);
    let upto = |order: &[usize], date: Date| order.partition_point(|&i| all[i].date <= date);
    let mut now_taken = upto(&order, engine.now.as_of);
    let mut then_taken = upto(&order, engine.then.as_of);
    for &date in &dates[1..] {
        engine.now.as_of = date;
        engine.then.as_of = days_before(date, engine.settings.trend_days);
        let now_upto = upto(&order, engine.now.as_of);
        let then_upto = upto(&order, engine.then.as_of);
        engine.take_in(&all, &order[now_taken..now_upto], true);
        engine.take_in(&all, &order[then_taken..then_upto], false);
        (now_taken, then_taken) = (now_upto, then_upto);
        engine.compute_all();
        rollups.push(engine.rollup());
    }
    RollupSeries { plan: plan.id.clone(), rollups }
}

impl RollupEngine {
    /// Takes the returns of `all` (every return the engine was built from, in input order) at
    /// these positions into the current state (`now`) or the one of the trend (`then`), where
    /// they count at its date.
    fn take_in(&mut self, all: &[&Update], positions: &[usize], now: bool) {
        for &i in positions {
            let update = all[i];
            let Some(target) = self.target(update) else { continue };
            let state = if now { &mut self.now } else { &mut self.then };
            let fields = Fields::of(update);
            if fields.counts(state.as_of, self.known_at) {
                let key: Key = (fields.date, fields.recorded, i);
                take(&self.tree, state, target, &fields, key);
            }
        }
    }
}

impl Period {
    /// The last day of every month from `start` to `end`, and `end` itself when it is not a
    /// month's last day: the default dates of a monthly series.
    pub fn month_ends(&self) -> Vec<Date> {
        let mut out = Vec::new();
        let mut month = self.start.0.with_day0(0);
        while let Some(first) = month {
            let Some(next) = first.checked_add_months(chrono::Months::new(1)) else { break };
            let Some(last) = next.pred_opt() else { break };
            if last > self.end.0 {
                break;
            }
            out.push(Date(last));
            month = Some(next);
        }
        if out.last() != Some(&self.end) && self.start <= self.end {
            out.push(self.end);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollup::rollup;

    fn date(text: &str) -> Date {
        text.parse().unwrap_or_else(|_| panic!("bad test date {text}"))
    }

    const PLAN: &str = "workplan: 1\nid: s\ntitle: S\nperiod: {start: 2021-01-01, end: 2021-06-15}\n\
        members: [{id: m1, name: M1}, {id: m2, name: M2}]\n\
        items:\n- id: p\n  title: P\n  children:\n  - {id: a, title: A, weight: 2}\n  - {id: b, title: B}\n\
        - {id: m, title: M, members: all, adoption: required}\n";
    const RETURNS: &str = "item,date,member,status,percent,adopted,recorded\n\
        a,2021-02-10,,,20,,\nb,2021-03-05,,on_track,,,\na,2021-04-20,,,60,,\n\
        a,2021-04-20,,,55,,2021-04-19T00:00:00Z\nm,2021-01-20,m1,,,true,\nm,2021-03-01,m1,,50,,\n\
        m,2021-05-01,m2,,,true,\nm,2021-05-02,m2,done,,,\nm,2021-05-20,m1,,,false,\n";

    #[test]
    fn each_date_equals_a_separate_rollup() {
        let plan = Plan::from_yaml_str(PLAN).unwrap_or_else(|e| panic!("{e}"));
        let updates = Updates::from_csv(RETURNS).unwrap_or_else(|e| panic!("{e}"));
        let dates: Vec<Date> = ["2021-05-31", "2021-01-31", "2021-02-28", "2021-02-28", "2021-04-20", "2021-06-15"]
            .iter()
            .map(|d| date(d))
            .collect();
        for trend_days in [0, 30, 91] {
            let options = RollupOptions {
                settings: Some(crate::model::Settings { trend_days: Some(trend_days), ..Default::default() }),
                ..Default::default()
            };
            let series = rollup_series(&plan, &updates, &options, Some(&dates));
            let sorted: Vec<String> = series.dates().iter().map(|d| d.to_string()).collect();
            assert_eq!(sorted, ["2021-01-31", "2021-02-28", "2021-04-20", "2021-05-31", "2021-06-15"]);
            for got in &series.rollups {
                let alone = rollup(&plan, &updates, &RollupOptions { as_of: Some(got.as_of), ..options.clone() });
                assert_eq!(got, &alone, "at {}", got.as_of);
            }
        }
        let series = rollup_series(&plan, &updates, &RollupOptions::default(), Some(&dates));
        let progress: Vec<Option<f64>> =
            series.rollups.iter().map(|r| r.row("a").and_then(|row| row.progress)).collect();
        assert_eq!(progress, [None, Some(0.2), Some(0.6), Some(0.6), Some(0.6)]);
    }

    #[test]
    fn burn_up_counts_the_included_leaves() {
        let plan = Plan::from_yaml_str(PLAN).unwrap_or_else(|e| panic!("{e}"));
        let updates = Updates::from_csv(RETURNS).unwrap_or_else(|e| panic!("{e}"));
        let series = rollup_series(&plan, &updates, &RollupOptions::default(), Some(&[date("2021-04-20")]));
        let point = series.burn_up()[0];
        let rows = &series.rollups[0].rows;
        assert_eq!(point.scope, 3, "a, b and m");
        let sum = |f: fn(&crate::rollup::Row) -> Option<f64>| rows[1..].iter().filter_map(f).sum::<f64>();
        assert_eq!((point.earned, point.expected), (sum(|r| r.progress), sum(|r| r.expected)));
        assert_eq!(
            (point.counts.on_track
                + point.counts.at_risk
                + point.counts.off_track
                + point.counts.unknown
                + point.counts.done
                + point.counts.not_started),
            3
        );
    }

    #[test]
    fn columns_are_the_rows_in_long_form() {
        let plan = Plan::from_yaml_str(PLAN).unwrap_or_else(|e| panic!("{e}"));
        let updates = Updates::from_csv(RETURNS).unwrap_or_else(|e| panic!("{e}"));
        let series = rollup_series(&plan, &updates, &RollupOptions::default(), None);
        let columns = series.columns();
        assert_eq!(columns.as_of.len(), 6 * 4);
        assert_eq!(columns.as_of[4].to_string(), "2021-02-28");
        assert_eq!(columns.id[..4], ["p", "a", "b", "m"]);
        assert_eq!(columns.progress[9], series.rollups[2].rows[1].progress);
    }

    #[test]
    fn no_dates_no_rollups() {
        let plan = Plan::from_yaml_str(PLAN).unwrap_or_else(|e| panic!("{e}"));
        let series = rollup_series(&plan, &Updates::default(), &RollupOptions::default(), Some(&[]));
        assert!(series.rollups.is_empty());
        assert_eq!(series.to_json_value(), serde_json::json!({"plan": "s", "rollups": [], "burn_up": []}));
    }

    #[test]
    fn without_dates_the_month_ends_of_the_period() {
        let plan = Plan::from_yaml_str(PLAN).unwrap_or_else(|e| panic!("{e}"));
        let updates = Updates::from_csv(RETURNS).unwrap_or_else(|e| panic!("{e}"));
        let options = RollupOptions::default();
        let default = rollup_series(&plan, &updates, &options, None);
        let dates: Vec<String> = default.dates().iter().map(|d| d.to_string()).collect();
        assert_eq!(dates, ["2021-01-31", "2021-02-28", "2021-03-31", "2021-04-30", "2021-05-31", "2021-06-15"]);
        assert_eq!(default, rollup_series(&plan, &updates, &options, Some(&plan.period.month_ends())));
        // Given dates are taken as given (sorted, each once), never mixed with the month ends.
        let given = rollup_series(&plan, &updates, &options, Some(&[date("2021-03-15"), date("2021-03-15")]));
        assert_eq!(given.dates(), [date("2021-03-15")]);
    }

    #[test]
    fn month_ends_cover_the_period() {
        let period = |s: &str, e: &str| Period { start: date(s), end: date(e), extensions: Default::default() };
        let ends: Vec<String> = period("2020-04-01", "2021-03-31").month_ends().iter().map(|d| d.to_string()).collect();
        assert_eq!(ends.len(), 12);
        assert_eq!((ends[0].as_str(), ends[10].as_str()), ("2020-04-30", "2021-02-28"));
        let ends: Vec<String> = period("2020-01-15", "2020-03-10").month_ends().iter().map(|d| d.to_string()).collect();
        assert_eq!(ends, ["2020-01-31", "2020-02-29", "2020-03-10"]);
        assert_eq!(period("2020-01-15", "2020-01-15").month_ends(), vec![date("2020-01-15")]);
    }
}
