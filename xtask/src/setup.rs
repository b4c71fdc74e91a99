//! Installing the pinned tools, each only when it is missing or at another version, and each once
//! per run: the Rust toolchain with its components and targets, wasm-bindgen-cli at the version in
//! Cargo.lock, the test venv `.venv` with the Python packages of pins.toml, the npm packages of
//! bindings-wasm, and Chromium. Every command calls the parts it needs; `setup` calls them all.

use std::path::Path;
use std::process::Stdio;

use crate::lockfile;
use crate::pins::FILE;
use crate::run::{is_executable, probe, run, step, Context, Outcome};

/// Everything, in order.
pub fn everything(ctx: &mut Context) -> Outcome {
    toolchain(ctx)?;
    wasm_bindgen_cli(ctx)?;
    python_venv(ctx)?;
    npm_packages(ctx)?;
    chromium(ctx)?;
    // The Spark venv (.venv-spark) holds the test wheel, so `cargo xtask test-spark` makes it.
    crate::spark::java(ctx)
}

/// The pinned toolchain (rustup, minimal profile), with its components and targets.
pub fn toolchain(ctx: &mut Context) -> Outcome {
    if !ctx.first_time("setup: toolchain") {
        return Ok(());
    }
    let rust = ctx.pins().rust.clone();
    step(&format!(
        "Rust toolchain {} with {} and {}",
        rust.toolchain,
        rust.components.join(", "),
        rust.targets.join(", ")
    ));
    // rustup itself runs without the pin in its environment: the toolchain may not be there yet.
    let rustup = || {
        let mut command = ctx.command("rustup");
        command.env_remove("RUSTUP_TOOLCHAIN");
        command
    };
    let installed = probe(rustup().args(["toolchain", "list"])).unwrap_or_default();
    let prefix = format!("{}-", rust.toolchain);
    if !installed.lines().any(|line| line.starts_with(&prefix) || line.split(' ').next() == Some(&rust.toolchain)) {
        run(ctx, rustup().args(["toolchain", "install", &rust.toolchain, "--profile", "minimal", "--no-self-update"]))?;
    }
    if !rust.components.is_empty() {
        run(
            ctx,
            rustup()
                .args(["component", "add"])
                .args(&rust.components)
                .args(["--toolchain", &rust.toolchain])
                .stdout(Stdio::null()),
        )?;
    }
    if !rust.targets.is_empty() {
        run(
            ctx,
            rustup()
                .args(["target", "add"])
                .args(&rust.targets)
                .args(["--toolchain", &rust.toolchain])
                .stdout(Stdio::null()),
        )?;
    }
    Ok(())
}

/// wasm-bindgen-cli at the version of the `wasm-bindgen` crate in Cargo.lock (`cargo install`).
pub fn wasm_bindgen_cli(ctx: &mut Context) -> Outcome {
    toolchain(ctx)?;
    if !ctx.first_time("setup: wasm-bindgen-cli") {
        return Ok(());
    }
    let locked = lockfile::locked_version(ctx.root(), "wasm-bindgen")?;
    step(&format!("wasm-bindgen-cli {locked} (the wasm-bindgen of Cargo.lock)"));
    let installed = probe(ctx.command("wasm-bindgen").arg("--version")).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(locked.as_str()) {
        run(ctx, ctx.command("cargo").args(["install", "wasm-bindgen-cli", "--version", &locked]))?;
    }
    Ok(())
}

/// The test venv `.venv`, with every group of Python packages of pins.toml at its pinned versions
/// (a group is installed again when any of its versions differs).
pub fn python_venv(ctx: &mut Context) -> Outcome {
    if !ctx.first_time("setup: python venv") {
        return Ok(());
    }
    if !is_executable(&ctx.venv("python")) {
        step("Python venv .venv");
        run(ctx, ctx.command("python3").args(["-m", "venv", ".venv"]))?;
    }
    for (group, packages) in &ctx.pins().python {
        let listed: Vec<String> = packages.iter().map(|(name, version)| format!("{name} {version}")).collect();
        step(&format!("Python venv, {group} ({FILE}): {}", listed.join(", ")));
        let wanted: Vec<&str> = packages.values().map(String::as_str).collect();
        let has = probe(
            ctx.command(ctx.venv("python"))
                .args(["-c", "import sys; from importlib.metadata import version as v; print(*map(v, sys.argv[1:]))"])
                .args(packages.keys()),
        );
        if has.as_deref().map(str::trim) != Some(wanted.join(" ").as_str()) {
            let specs: Vec<String> = packages.iter().map(|(name, version)| format!("{name}=={version}")).collect();
            run(
                ctx,
                ctx.command(ctx.venv("pip")).args(["install", "--quiet", "--disable-pip-version-check"]).args(specs),
            )?;
        }
    }
    Ok(())
}

/// The npm packages of bindings-wasm (`npm ci`), when node_modules is missing or older than
/// package-lock.json.
pub fn npm_packages(ctx: &mut Context) -> Outcome {
    if !ctx.first_time("setup: npm packages") {
        return Ok(());
    }
    step("npm packages (bindings-wasm, package-lock.json)");
    let wasm = ctx.root().join("bindings-wasm");
    let modified = |path: &Path| std::fs::metadata(path).and_then(|meta| meta.modified()).ok();
    let installed = modified(&wasm.join("node_modules/.package-lock.json"));
    let locked = modified(&wasm.join("package-lock.json"));
    if installed.is_none() || locked > installed {
        run(ctx, ctx.command("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(&wasm))?;
    }
    Ok(())
}

/// Chromium (with its driver and fonts) from the system's packages, only if /usr/bin/chromium is
/// missing.
pub fn chromium(ctx: &mut Context) -> Outcome {
    if !ctx.first_time("setup: chromium") {
        return Ok(());
    }
    step("Chromium for the browser tests");
    if !is_executable(Path::new("/usr/bin/chromium")) {
        run(ctx, ctx.command("apt-get").arg("update"))?;
        run(ctx, ctx.command("apt-get").args(["install", "-y", "chromium", "chromium-driver", "fonts-liberation"]))?;
    }
    Ok(())
}
