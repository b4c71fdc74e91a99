//! The yardstick of the whole-process benchmarks (BENCHMARKS.md, "Foreign documents"): reads a
//! JSON file into a `serde_json::Value` and nothing else, as a process of its own, so that the
//! CPU time and peak memory of `workplan validate` and `workplan report` can be compared with it.
//! `cargo run --release -p workplan --example value_parse -- plan.json`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: value_parse FILE.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(value) => {
            let items = value.get("items").and_then(serde_json::Value::as_array).map_or(0, Vec::len);
            println!("{path}: {} bytes, {items} top-level items", text.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{path}: {error}");
            ExitCode::FAILURE
        }
    }
}
