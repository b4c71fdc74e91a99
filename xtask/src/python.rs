//! The Python suites: the test wheel (with the panic probe) installed into `.venv` and tested with
//! pytest, its types checked (mypy --strict, stubtest), the wheel in fresh venvs; and the example
//! notebook, executed.

use std::path::PathBuf;

use crate::count;
use crate::run::{run, run_logged, step, venv_program, Context, Failure, Outcome};
use crate::scratch::Scratch;
use crate::setup;

/// The test wheel: built by maturin into dist/ with the features extension-module and panic-probe
/// (tests/test_panic.py needs the probe; a published wheel is built without it), and installed into
/// `.venv`. Once per run.
pub fn wheel(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    setup::python_venv(ctx)?;
    if !ctx.first_time("build: wheel") {
        return Ok(());
    }
    step("Python wheel (maturin, with the panic probe), installed into .venv");
    let dist = ctx.root().join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| Failure::new(format!("cannot remove {}: {e}", dist.display())))?;
    }
    run(
        ctx,
        ctx.command(ctx.venv("maturin"))
            .args(["build", "--release", "-m", "bindings-python/Cargo.toml", "-o", "dist", "--interpreter"])
            .arg(ctx.venv("python"))
            .args(["--features", "extension-module,panic-probe"]),
    )?;
    let wheel = built_wheel(ctx)?;
    run(
        ctx,
        ctx.command(ctx.venv("pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "--force-reinstall", "--no-deps"])
            .arg(wheel),
    )
}

/// The one wheel in dist/.
pub fn built_wheel(ctx: &Context) -> Outcome<PathBuf> {
    let dist = ctx.root().join("dist");
    let entries = std::fs::read_dir(&dist).map_err(|e| Failure::new(format!("cannot list {}: {e}", dist.display())))?;
    let wheels: Vec<PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("workplan-")))
        .filter(|path| path.extension().is_some_and(|e| e == "whl"))
        .collect();
    match wheels.as_slice() {
        [wheel] => Ok(wheel.clone()),
        _ => Err(Failure::new(format!("expected one workplan-*.whl in {}, found {}", dist.display(), wheels.len()))),
    }
}

/// pytest against the installed wheel (this README's Python blocks included), mypy --strict on the
/// package and on a typed use of it, stubtest of the package against its stub, and the wheel in
/// two fresh venvs.
pub fn test(ctx: &mut Context) -> Outcome {
    wheel(ctx)?;
    step("pytest against the installed wheel");
    let log = run_logged(
        ctx,
        ctx.command(ctx.venv("pytest")).args(["bindings-python/tests", "-q", "-p", "no:cacheprovider"]),
    )?;
    ctx.record(count::pytest(&log)?, "Python tests");

    // mypy and stubtest run outside the repository, so that they check the installed package, not
    // the source folder.
    let elsewhere = std::env::temp_dir();
    step("Python types: mypy --strict on the installed package and on typed use of it");
    run(
        ctx,
        ctx.command(ctx.venv("mypy")).args(["--strict", "--no-incremental", "-p", "workplan"]).current_dir(&elsewhere),
    )?;
    run(
        ctx,
        ctx.command(ctx.venv("mypy")).args(["--strict", "--no-incremental", "bindings-python/typecheck/usage.py"]),
    )?;

    step("Python types: stubtest of the installed package against its stub");
    run(
        ctx,
        ctx.command(ctx.venv("python"))
            .args(["-m", "mypy.stubtest", "workplan", "--mypy-config-file"])
            .arg(ctx.root().join("bindings-python/pyproject.toml"))
            .arg("--allowlist")
            .arg(ctx.root().join("bindings-python/stubtest-allowlist.txt"))
            .current_dir(&elsewhere),
    )?;
    fresh_venvs(ctx)
}

/// The wheel in fresh venvs: with the pandas and plot extras (from PyPI, at the pinned versions
/// through a constraints file), and alone (no index), each with bindings-python/tests/smoke_wheel.py.
fn fresh_venvs(ctx: &Context) -> Outcome {
    step("the wheel in fresh venvs: with the pandas and plot extras (from PyPI, pinned by constraints), and alone");
    let fresh = Scratch::new("fresh-venvs")?;
    let wheel = built_wheel(ctx)?;
    let pins = ctx.pins();
    let constraints = fresh.path().join("constraints.txt");
    let text = ["pandas", "matplotlib", "pyarrow"]
        .iter()
        .map(|name| Ok(format!("{name}=={}\n", pins.python_version(name)?)))
        .collect::<Outcome<String>>()?;
    std::fs::write(&constraints, text)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", constraints.display())))?;
    let smoke = ctx.root().join("bindings-python/tests/smoke_wheel.py");
    let pip_install = ["install", "--quiet", "--disable-pip-version-check"];

    let extras = fresh.path().join("extras");
    run(ctx, ctx.command("python3").args(["-m", "venv"]).arg(&extras))?;
    let mut with_extras = wheel.clone().into_os_string();
    with_extras.push("[pandas,plot]");
    run(ctx, ctx.command(venv_program(&extras, "pip")).args(pip_install).arg("-c").arg(&constraints).arg(with_extras))?;
    run(
        ctx,
        ctx.command(venv_program(&extras, "python"))
            .arg(&smoke)
            .arg(ctx.root())
            .arg("extras")
            .env("MPLBACKEND", "Agg")
            .current_dir(fresh.path()),
    )?;

    let bare = fresh.path().join("bare");
    run(ctx, ctx.command("python3").args(["-m", "venv"]).arg(&bare))?;
    run(ctx, ctx.command(venv_program(&bare, "pip")).args(pip_install).arg("--no-index").arg(&wheel))?;
    run(
        ctx,
        ctx.command(venv_program(&bare, "python")).arg(&smoke).arg(ctx.root()).arg("bare").current_dir(fresh.path()),
    )
}

/// The example notebook executed with nbclient (examples/notebooks/run.py; the kernel draws
/// inline, headless), against the installed wheel: fails on any cell error.
pub fn notebook(ctx: &mut Context) -> Outcome {
    wheel(ctx)?;
    step("the example notebook, executed with nbclient (fails on any cell error)");
    run(ctx, ctx.command(ctx.venv("python")).arg("examples/notebooks/run.py"))
}
