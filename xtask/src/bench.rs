//! The benchmarks (scripts/bench; BENCHMARKS.md): in full, or in smoke mode, where every
//! benchmark script runs once at a tiny size with its checks that workplan and the plain
//! implementations agree, and nothing is timed or compared.

use crate::run::{run, step, Context, Outcome};
use crate::setup;

/// What scripts/bench needs installed: the venv with maturin and pandas, bindings-wasm's npm
/// packages (playwright-core), Chromium; and, when it builds the wheel and the wasm itself,
/// wasm-bindgen-cli.
fn provision(ctx: &mut Context, builds: bool) -> Outcome {
    setup::toolchain(ctx)?;
    if builds {
        setup::wasm_bindgen_cli(ctx)?;
    }
    setup::python_venv(ctx)?;
    setup::npm_packages(ctx)?;
    setup::chromium(ctx)
}

/// Every benchmark script once at a tiny size (`scripts/bench --smoke`). When this run has built
/// the wheel and the wasm package already (as `ci` has), the script is told not to build them again
/// (WORKPLAN_BENCH_SKIP_BUILD=1).
pub fn smoke(ctx: &mut Context) -> Outcome {
    let built = ctx.has_done("build: wheel") && ctx.has_done("build: wasm package");
    provision(ctx, !built)?;
    step("benchmarks in smoke mode (scripts/bench --smoke)");
    let mut bench = ctx.script("scripts/bench");
    bench.arg("--smoke");
    if built {
        bench.env("WORKPLAN_BENCH_SKIP_BUILD", "1");
    }
    run(ctx, &mut bench)
}

/// The full benchmarks (`scripts/bench`, with its WORKPLAN_BENCH_* variables: sizes, repeats, what
/// to skip).
pub fn full(ctx: &mut Context) -> Outcome {
    provision(ctx, true)?;
    step("benchmarks (scripts/bench)");
    run(ctx, &mut ctx.script("scripts/bench"))
}
