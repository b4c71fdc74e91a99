//! The Rust suites: formatting, clippy, the workspace's tests, the library's documentation, and
//! the README's main command.

use crate::count;
use crate::run::{run, run_logged, step, Context, Outcome};
use crate::setup;

/// `cargo fmt --check` over the workspace.
pub fn fmt(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    step("cargo fmt --check");
    run(ctx, ctx.command("cargo").args(["fmt", "--all", "--", "--check"]))
}

/// Clippy with warnings as errors, for the host (every target of the workspace) and for wasm, as
/// the npm package's size build and speed build (feature `fast`) compile it.
pub fn lint(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    step("clippy (host and wasm), warnings are errors");
    run(
        ctx,
        ctx.command("cargo").args(["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"]),
    )?;
    for features in [&[][..], &["--features", "fast"][..]] {
        run(
            ctx,
            ctx.command("cargo")
                .args(["clippy", "-p", "workplan-wasm", "--target", "wasm32-unknown-unknown", "--locked"])
                .args(features)
                .args(["--", "-D", "warnings"]),
        )?;
    }
    Ok(())
}

/// `cargo test --workspace`, which must run at least one test.
pub fn test(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    step("cargo test --workspace");
    let log = run_logged(ctx, ctx.command("cargo").args(["test", "--workspace", "--locked"]))?;
    ctx.record(count::cargo_test(&log)?, "Rust tests");
    Ok(())
}

/// The library's documentation without warnings (broken or private links): with the default
/// features, and with all of them as docs.rs builds it.
pub fn doc(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    step("cargo doc of the library, warnings are errors (default features, and all as docs.rs builds it)");
    for features in [&[][..], &["--all-features"][..]] {
        run(
            ctx,
            ctx.command("cargo")
                .args(["doc", "--no-deps", "--locked", "-p", "workplan"])
                .args(features)
                .env("RUSTDOCFLAGS", "-D warnings"),
        )?;
    }
    Ok(())
}

/// The README's main command: the London Councils plan reported at the end of December 2020.
pub fn readme(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    step("the README's main command");
    run(
        ctx,
        ctx.command("cargo").args([
            "run",
            "--quiet",
            "--locked",
            "-p",
            "workplan-cli",
            "--",
            "report",
            "examples/london-councils/business-plan-2020-21.yaml",
            "--updates",
            "examples/london-councils/business-plan-2020-21-updates.csv",
            "--as-of",
            "2020-12-31",
        ]),
    )
}
