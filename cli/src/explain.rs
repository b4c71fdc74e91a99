//! `workplan explain PLAN ID`: how one item's numbers were found.

use std::path::Path;
use std::process::ExitCode;

use workplan::{Date, RollupEngine, RollupOptions, Timestamp};

use crate::report::load;
use crate::OutputFormat;

pub fn run(
    plan_file: &Path,
    item: &str,
    (updates_file, read): (Option<&Path>, &crate::returns::ReadArgs),
    (as_of, known_at): (Option<Date>, Option<Timestamp>),
    format: OutputFormat,
    members: bool,
) -> ExitCode {
    let (plan, updates) = match load(plan_file, updates_file, read) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let engine = RollupEngine::new(&plan, &updates, &RollupOptions { as_of, known_at, settings: None });
    let Ok(explanation) = engine.explain(item) else {
        let hint = workplan::io::nearest_of(item, plan.items_in_order().into_iter().map(|(_, i)| i.id.as_str()))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        eprintln!("{}: error: no item `{item}` in the plan{hint}", plan_file.display());
        return ExitCode::FAILURE;
    };
    match format {
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&explanation).unwrap_or_default()),
        OutputFormat::Text => {
            println!("{}", explanation.text);
            let from_members = explanation.members.is_some();
            if from_members && !members && !explanation.updates.is_empty() {
                let returns = explanation.updates.iter().filter_map(|u| u.member.as_deref());
                let count = returns.collect::<std::collections::BTreeSet<_>>().len();
                println!("  ({count} members' returns used: --members lists them)");
            }
            for used in explanation.updates.iter().filter(|_| members || !from_members) {
                let member = used.member.as_deref().map(|m| format!(" from {m}")).unwrap_or_default();
                println!(
                    "  {} {} (return of {}{member}, entered {}, #{})",
                    used.field,
                    used.value,
                    used.date,
                    used.recorded,
                    used.position + 1
                );
            }
            for child in &explanation.children {
                let reason = child.reason.as_deref().map(|r| format!(" - left out: {r}")).unwrap_or_default();
                println!(
                    "  {:<24} {:>7} weight {}{reason}",
                    child.item,
                    workplan::percent(child.progress),
                    child.weight
                );
            }
        }
    }
    ExitCode::SUCCESS
}
