//! Times each phase of the library's work on one file, in one process: load, validate and (for a
//! plan) roll up; a `.csv` file is loaded as progress returns and validated against an empty plan.
//! For finding where the time goes on a large or hostile input, e.g.
//! `cargo run --release -p workplan --example phases -- plan.json` (see RELIABILITY.md).

use std::process::ExitCode;
use std::time::Instant;

use workplan::{rollup, Format, Plan, RollupOptions, Updates};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: phases FILE.json|yaml|csv");
        return ExitCode::from(2);
    };
    let clock = Instant::now();
    let lap = |what: &str, since: &mut Instant| {
        eprintln!("{what:>10}: {:>8.1} ms", since.elapsed().as_secs_f64() * 1000.0);
        *since = Instant::now();
    };
    let mut since = clock;
    if Format::from_path(std::path::Path::new(&path)) == Some(Format::Csv) {
        let updates = match Updates::load(&path) {
            Ok(updates) => updates,
            Err(error) => {
                eprintln!("{path}: {error}");
                return ExitCode::FAILURE;
            }
        };
        lap("load", &mut since);
        let plan =
            match Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2021-01-01, end: 2021-12-31}\n") {
                Ok(plan) => plan,
                Err(error) => {
                    eprintln!("{error}");
                    return ExitCode::FAILURE;
                }
            };
        let report = plan.validate_with(&updates);
        lap("validate", &mut since);
        println!("{} returns, {} findings", updates.len(), report.diagnostics.len());
    } else {
        let plan = match Plan::load(&path) {
            Ok(plan) => plan,
            Err(error) => {
                lap("load", &mut since);
                eprintln!("{path}: {error}");
                return ExitCode::FAILURE;
            }
        };
        lap("load", &mut since);
        let report = plan.validate();
        lap("validate", &mut since);
        let result = rollup(&plan, &Updates::default(), &RollupOptions::default());
        lap("rollup", &mut since);
        println!("{} findings, {} rows", report.diagnostics.len(), result.rows.len());
    }
    eprintln!("{:>10}: {:>8.1} ms", "total", clock.elapsed().as_secs_f64() * 1000.0);
    ExitCode::SUCCESS
}
