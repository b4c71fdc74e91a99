//! `workplan report`: the plan at a glance. (The progress rollup will extend this report.)

use std::path::Path;
use std::process::ExitCode;

use workplan::{Plan, Updates};

use crate::validate::render;
use crate::OutputFormat;

pub fn run(plan_file: &Path, updates_file: Option<&Path>, format: OutputFormat) -> ExitCode {
    let plan = match Plan::load(plan_file) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("{}", render(plan_file, &error));
            return ExitCode::FAILURE;
        }
    };
    let updates = match updates_file.map(|file| (file, Updates::load(file))) {
        None => None,
        Some((_, Ok(updates))) => Some(updates),
        Some((file, Err(error))) => {
            eprintln!("{}", render(file, &error));
            return ExitCode::FAILURE;
        }
    };
    let summary = plan.summary();
    let updates_summary = updates.as_ref().map(Updates::summary);
    match format {
        OutputFormat::Json => {
            let json = serde_json::json!({ "plan": summary, "updates": updates_summary });
            println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        OutputFormat::Text => {
            println!("{} ({})", plan.title, plan.id);
            if let Some(organisation) = &plan.organisation {
                println!("{organisation}");
            }
            println!("period {} to {}, status {}", plan.period.start, plan.period.end, word(&plan.status()));
            println!();
            for level in &summary.levels {
                println!("  {:>4}  {}", level.items, level.name);
            }
            println!("  {:>4}  items in all ({} leaves)", summary.items, summary.leaves);
            println!("  {:>4}  measures", summary.measures);
            println!("  {:>4}  themes", summary.themes);
            println!("  {:>4}  members", summary.members);
            println!("  {:>4}  links", summary.links);
            println!("  {:>4}  events", summary.events);
            for event in &plan.events {
                println!("        {} {}: {}", event.date, event.body, word(&event.action));
            }
            if let Some(u) = updates_summary {
                println!();
                let range = match (u.first, u.last) {
                    (Some(first), Some(last)) => format!(", {first} to {last}"),
                    _ => String::new(),
                };
                println!(
                    "progress returns: {} rows ({} adoption events) on {} items from {} members{range}",
                    u.rows, u.adoption_events, u.items, u.members
                );
            }
        }
    }
    ExitCode::SUCCESS
}

/// An enum value as the document writes it (`approved`, `discussed`).
fn word<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
