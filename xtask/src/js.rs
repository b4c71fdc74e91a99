//! The JavaScript suites: the wasm package (and its separate test build with the panic probe) with
//! the node tests, the TypeScript declarations and the packed package's resolution; then the
//! `<workplan-progress>` widget, type-checked and run in headless Chromium.

use crate::count;
use crate::run::{run, run_logged, step, Context, Failure, Outcome};
use crate::setup;

/// The npm package (`scripts/build-wasm`: bindings-wasm/pkg/{web,node}), once per run.
pub fn wasm_package(ctx: &mut Context) -> Outcome {
    setup::wasm_bindgen_cli(ctx)?;
    setup::npm_packages(ctx)?;
    if !ctx.first_time("build: wasm package") {
        return Ok(());
    }
    step("wasm build (npm package)");
    run(ctx, &mut ctx.script("scripts/build-wasm"))
}

/// The separate small test build of the wasm with `panicProbe()` (feature panic-probe) for
/// tests/panic.test.mjs (`scripts/build-wasm --probe`); the npm package is built without it.
fn wasm_probe(ctx: &mut Context) -> Outcome {
    setup::wasm_bindgen_cli(ctx)?;
    if !ctx.first_time("build: wasm probe") {
        return Ok(());
    }
    step("wasm test build with the panic probe");
    run(ctx, ctx.script("scripts/build-wasm").arg("--probe"))
}

/// `node --test` over `paths` (relative to bindings-wasm) with the TAP reporter, against the
/// package's size build or, with `build` `Some("fast")`, its speed build (`tests/load.mjs`);
/// returns how many tests passed, failing when none did.
fn node_test(ctx: &Context, paths: &[String], build: Option<&str>) -> Outcome<u64> {
    let mut command = ctx.command("node");
    command.args(["--test", "--test-reporter=tap"]).args(paths).current_dir(ctx.root().join("bindings-wasm"));
    if let Some(build) = build {
        command.env("WORKPLAN_WASM_BUILD", build);
    }
    let log = run_logged(ctx, &mut command)?;
    count::node_test(&log)
}

/// `tsc --noEmit -p PROJECT` in bindings-wasm.
fn tsc(ctx: &Context, project: &str) -> Outcome {
    let wasm = ctx.root().join("bindings-wasm");
    run(ctx, ctx.command(wasm.join("node_modules/.bin/tsc")).args(["--noEmit", "-p", project]).current_dir(&wasm))
}

/// The wasm builds, the node tests against them (the size budget included), tsc over the
/// TypeScript declarations, and tsc over a typed use of the packed package as a consumer resolves
/// it (npm pack into a temporary node_modules; moduleResolution bundler, node16 and NodeNext).
pub fn test(ctx: &mut Context) -> Outcome {
    wasm_package(ctx)?;
    wasm_probe(ctx)?;

    step("node tests against the built wasm");
    let tests = test_files(ctx)?;
    let passed = node_test(ctx, &tests, None)?;
    ctx.record(passed, "node tests");

    step("node tests against the speed build (workplan/fast)");
    let passed = node_test(ctx, &tests, Some("fast"))?;
    ctx.record(passed, "node tests of the speed build");

    step("TypeScript declarations type-check");
    tsc(ctx, "tsconfig.json")?;

    step("npm package: TypeScript resolution (bundler, node16, NodeNext) of the packed package");
    let passed = node_test(ctx, &["typecheck/".to_owned()], None)?;
    ctx.record(passed, "TypeScript resolution tests");
    Ok(())
}

/// bindings-wasm/tests/*.test.mjs, in name order.
fn test_files(ctx: &Context) -> Outcome<Vec<String>> {
    let folder = ctx.root().join("bindings-wasm/tests");
    let entries =
        std::fs::read_dir(&folder).map_err(|e| Failure::new(format!("cannot list {}: {e}", folder.display())))?;
    let mut files: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("tests/{name}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Failure::new(format!("no *.test.mjs in {}", folder.display())));
    }
    Ok(files)
}

/// The widget: tsc over it (checkJs) and a typed use of its declarations, then the browser tests
/// in headless Chromium against examples/web/index.html (they fail if Chromium cannot start): the
/// widget, accessibility, locales, scale, the pages built with bundlers and the plain page with an
/// import map. (The widget's size budget runs with the node tests.)
pub fn browser(ctx: &mut Context) -> Outcome {
    wasm_package(ctx)?;
    step("widget: tsc --noEmit over the widget (checkJs) and a typed use of its declarations");
    tsc(ctx, "tsconfig.widget.json")?;
    setup::chromium(ctx)?;
    step("widget in headless Chromium against examples/web/index.html (fails if Chromium cannot start)");
    let passed = node_test(ctx, &["browser/".to_owned()], None)?;
    ctx.record(passed, "browser tests");
    Ok(())
}
