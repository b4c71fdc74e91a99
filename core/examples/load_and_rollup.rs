//! Loads a plan file, validates it and rolls it up: the whole job of `workplan report` without
//! the printing, for measuring time and peak memory of a process, e.g.
//! `/usr/bin/time -v target/release/examples/load_and_rollup plan.json` (see BENCHMARKS.md).

use std::process::ExitCode;

use workplan::{rollup, Plan, RollupOptions, Updates};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load_and_rollup PLAN.json|yaml [AS_OF]");
        return ExitCode::from(2);
    };
    let as_of = std::env::args().nth(2).and_then(|a| a.parse().ok());
    let plan = match Plan::load(&path) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let report = plan.validate();
    let result = rollup(&plan, &Updates::default(), &RollupOptions { as_of, ..Default::default() });
    println!(
        "{} items, {} returns, {} findings, {} rows",
        plan.items_in_order().len(),
        plan.updates.len(),
        report.diagnostics.len(),
        result.rows.len()
    );
    ExitCode::SUCCESS
}
