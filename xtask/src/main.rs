//! The project's task runner: `cargo xtask <command>` (the alias is in .cargo/config.toml). One
//! command per suite, each runnable alone and installing only what it needs (idempotently); `ci`
//! runs them all in order, as `scripts/test` and CI do. Every pin is in pins.toml.
//!
//! Why an xtask: it needs nothing but the Rust toolchain the project already requires (no `just`
//! or `nox` binary to pin and install), it is plain Rust a maintainer can read and test, and it
//! runs the same on every OS.

mod bench;
mod count;
mod fuzz;
mod hostile;
mod js;
mod lockfile;
mod pins;
mod python;
mod release;
mod run;
mod rust;
mod scratch;
mod setup;
mod spark;

use std::process::ExitCode;

use run::{Context, Failure, Outcome};

/// A command of `cargo xtask`: its name, its arguments, what it does, and how it runs.
struct Task {
    name: &'static str,
    args: &'static str,
    about: &'static str,
    run: fn(&mut Context, &[String]) -> Outcome,
}

/// Every command, in the order `cargo xtask` lists them.
const TASKS: &[Task] = &[
    Task {
        name: "setup",
        args: "",
        about:
            "install every pinned tool that is missing (pins.toml): toolchain, wasm-bindgen-cli, .venv, npm, Chromium, Java",
        run: |ctx, _| setup::everything(ctx),
    },
    Task { name: "fmt", args: "", about: "cargo fmt --check", run: |ctx, _| rust::fmt(ctx) },
    Task {
        name: "lint",
        args: "",
        about: "clippy, warnings are errors, for the host and for wasm",
        run: |ctx, _| rust::lint(ctx),
    },
    Task {
        name: "test-rust",
        args: "",
        about: "cargo test --workspace (fails if it runs no tests)",
        run: |ctx, _| rust::test(ctx),
    },
    Task {
        name: "doc",
        args: "",
        about: "the library's documentation, warnings are errors (default features, and all)",
        run: |ctx, _| rust::doc(ctx),
    },
    Task {
        name: "test-js",
        args: "",
        about: "the wasm builds, the node tests, tsc on the declarations, the packed package's TypeScript resolution",
        run: |ctx, _| js::test(ctx),
    },
    Task {
        name: "test-browser",
        args: "",
        about: "the <workplan-progress> widget: tsc, then its tests in headless Chromium",
        run: |ctx, _| js::browser(ctx),
    },
    Task {
        name: "test-python",
        args: "",
        about: "the test wheel: pytest, mypy --strict, stubtest, then the wheel in fresh venvs",
        run: |ctx, _| python::test(ctx),
    },
    Task {
        name: "test-spark",
        args: "",
        about: "the Spark example job (local[2], Java and pyspark installed if missing) against `workplan portfolio`",
        run: |ctx, _| spark::test(ctx),
    },
    Task {
        name: "notebook",
        args: "",
        about: "the example notebook, executed with nbclient",
        run: |ctx, _| python::notebook(ctx),
    },
    Task {
        name: "release",
        args: "",
        about: "the crates and the Python sdist as they are published, each built from its package",
        run: |ctx, _| release::release(ctx),
    },
    Task { name: "readme", args: "", about: "the README's main command", run: |ctx, _| rust::readme(ctx) },
    Task {
        name: "bench-smoke",
        args: "",
        about: "every benchmark once at a tiny size, nothing timed (scripts/bench --smoke)",
        run: |ctx, _| bench::smoke(ctx),
    },
    Task {
        name: "bench",
        args: "",
        about: "the benchmarks of BENCHMARKS.md (scripts/bench; WORKPLAN_BENCH_* variables)",
        run: |ctx, _| bench::full(ctx),
    },
    Task {
        name: "fuzz",
        args: "[SECONDS] [TARGET...]",
        about: "the cargo-fuzz targets (nightly), SECONDS each (60), all or those named (scripts/fuzz)",
        run: fuzz::fuzz,
    },
    Task {
        name: "hostile-times",
        args: "",
        about: "time and peak memory of the release CLI on each hostile case (for RELIABILITY.md)",
        run: |ctx, _| hostile::hostile_times(ctx),
    },
    Task {
        name: "ci",
        args: "",
        about: "every suite, in order: fmt, lint, test-rust, doc, test-js, test-browser, test-python, test-spark, \
                notebook, release, readme, bench-smoke",
        run: |ctx, _| ci(ctx),
    },
];

/// The suites `ci` runs, in order.
const CI: [&str; 12] = [
    "fmt",
    "lint",
    "test-rust",
    "doc",
    "test-js",
    "test-browser",
    "test-python",
    "test-spark",
    "notebook",
    "release",
    "readme",
    "bench-smoke",
];

/// Every suite of [`CI`] in order, then the tests counted.
fn ci(ctx: &mut Context) -> Outcome {
    for name in CI {
        let task = find(name).ok_or_else(|| Failure::new(format!("ci names an unknown suite {name}")))?;
        (task.run)(ctx, &[])?;
    }
    let counted: Vec<String> = ctx.totals().iter().map(|(count, what)| format!("{count} {what}")).collect();
    println!("\nall suites passed: {}", counted.join(", "));
    Ok(())
}

/// The command called `name`.
fn find(name: &str) -> Option<&'static Task> {
    TASKS.iter().find(|task| task.name == name)
}

/// The list of commands, one line each.
fn usage() -> String {
    let mut text = String::from("usage: cargo xtask <command>\n\ncommands:\n");
    for task in TASKS {
        let call = if task.args.is_empty() { task.name.to_owned() } else { format!("{} {}", task.name, task.args) };
        text.push_str(&format!("  {call:<30} {}\n", task.about));
    }
    text
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((name, rest)) = args.split_first() else {
        print!("{}", usage());
        return ExitCode::SUCCESS;
    };
    if matches!(name.as_str(), "help" | "-h" | "--help") {
        print!("{}", usage());
        return ExitCode::SUCCESS;
    }
    let Some(task) = find(name) else {
        eprint!("unknown command {name:?}\n\n{}", usage());
        return ExitCode::from(2);
    };
    if task.args.is_empty() && !rest.is_empty() {
        eprint!("{name} takes no arguments (got {rest:?})\n\n{}", usage());
        return ExitCode::from(2);
    }
    let outcome = Context::new().and_then(|mut ctx| (task.run)(&mut ctx, rest));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("\nerror: cargo xtask {name}: {failure}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ci_runs_known_suites_once_each_and_every_suite_is_listed() {
        for name in CI {
            assert!(find(name).is_some(), "{name}");
            assert_eq!(CI.iter().filter(|other| **other == name).count(), 1, "{name}");
        }
        let ci_task = find("ci").map(|task| task.about.to_owned()).unwrap_or_default();
        assert!(ci_task.ends_with(&CI.join(", ")), "the ci line does not list the suites in order: {ci_task}");
        let listed = usage();
        assert_eq!(listed.lines().filter(|line| line.starts_with("  ")).count(), TASKS.len());
        for task in TASKS {
            assert!(listed.contains(&format!("  {} ", task.name)), "{}", task.name);
        }
    }
}
