//! `workplan schedule`: the review rotation of a plan's clusters over a committee's meetings, the
//! 12-month check, and which clusters are overdue.

use std::path::Path;
use std::process::ExitCode;

use workplan::{Date, MeetingRule};

use crate::report::load;
use crate::OutputFormat;

/// The schedule's inputs, from the command line.
pub struct Request<'a> {
    pub plan: &'a Path,
    pub rule: &'a str,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub level: usize,
    pub window_months: u32,
    pub as_of: Option<Date>,
    pub format: OutputFormat,
}

pub fn run(request: &Request<'_>) -> ExitCode {
    let (plan, _) = match load(request.plan, None, &Default::default()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let rule: MeetingRule = match request.rule.parse() {
        Ok(rule) => rule,
        Err(error) => {
            eprintln!("error: --rule: {error}");
            return ExitCode::from(2);
        }
    };
    let from = request.from.unwrap_or(plan.period.start);
    let to = request.to.unwrap_or(plan.period.end);
    let dates = workplan::meetings(&rule, from, to);
    let options =
        workplan::CadenceOptions { level: request.level, window_months: request.window_months, as_of: request.as_of };
    let cadence = workplan::cadence(&plan, &dates, &options);
    if request.format == OutputFormat::Json {
        println!("{}", serde_json::to_string_pretty(&cadence).unwrap_or_default());
        return if cadence.is_complete() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    let titles: std::collections::HashMap<String, String> =
        plan.items_in_order().into_iter().map(|(_, item)| (item.id.clone(), item.title.clone())).collect();
    println!(
        "{} ({}): {} meetings from {from} to {to}, {} clusters",
        plan.title,
        plan.id,
        dates.len(),
        cadence.clusters.len()
    );
    for slot in &cadence.schedule {
        println!("  {}  {:<12} {}", slot.date, slot.cluster, titles.get(&slot.cluster).map_or("", String::as_str));
    }
    if cadence.is_complete() {
        println!("every cluster is reviewed within every {} months", cadence.window_months);
    } else {
        for gap in &cadence.gaps {
            println!(
                "gap: {} is not reviewed from {} to {} (more than {} months)",
                gap.cluster, gap.from, gap.to, cadence.window_months
            );
        }
    }
    if let Some(as_of) = cadence.as_of {
        if cadence.overdue.is_empty() {
            println!("no cluster is overdue at {as_of}");
        }
        for overdue in &cadence.overdue {
            let last = overdue.last_reviewed.map_or("never reviewed".to_owned(), |d| format!("last reviewed {d}"));
            println!("overdue at {as_of}: {} ({last}; due by {})", overdue.cluster, overdue.due);
        }
    }
    if cadence.is_complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
