//! The release suite: the crates and the Python sdist as they are published, each built from its
//! package alone.

use std::path::{Path, PathBuf};

use crate::run::{probe, run, search_path, step, Context, Failure, Outcome};
use crate::scratch::Scratch;
use crate::setup;

/// The files every published crate ships.
const CRATE_FILES: [&str; 4] = ["Cargo.toml", "README.md", "LICENSE-MIT", "LICENSE-APACHE"];

/// The crates' packages, then the Python sdist.
pub fn release(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    setup::python_venv(ctx)?;
    crates(ctx)?;
    sdist(ctx)
}

/// The library's package, verified; the CLI's, built against the library's package.
///
/// The CLI depends on the library by path and version. Packaged alone, cargo looks the library up
/// on crates.io to write the CLI's Cargo.lock, and fails until the library is published; packaged
/// together (`-p workplan -p workplan-cli`), cargo resolves it in a local registry of the packages
/// being made. Cargo's own check of that pair (no `--no-verify`) builds the CLI against the
/// library's package, but keeps the unpacked source (~/.cargo/registry/src) and its build by
/// version, as for a published crate: a later run with a changed library of the same version
/// builds against the old one. So the library's package is verified on its own, and the CLI's is
/// built here against the library's package, both freshly unpacked.
fn crates(ctx: &Context) -> Outcome {
    step("cargo package: the library (verified), and the CLI built from its package against the library's");
    let pkgid = probe(ctx.command("cargo").args(["pkgid", "-p", "workplan"]))
        .ok_or_else(|| Failure::new("`cargo pkgid -p workplan` failed"))?;
    let version = version_of_pkgid(&pkgid)?;
    run(ctx, ctx.command("cargo").args(["package", "--locked", "--allow-dirty", "-p", "workplan"]))?;
    run(
        ctx,
        ctx.command("cargo").args([
            "package",
            "--locked",
            "--allow-dirty",
            "--no-verify",
            "-p",
            "workplan",
            "-p",
            "workplan-cli",
        ]),
    )?;
    let unpacked = Scratch::new("crates")?;
    for krate in ["workplan", "workplan-cli"] {
        let package = ctx.root().join(format!("target/package/{krate}-{version}.crate"));
        run(ctx, ctx.command("tar").arg("-xzf").arg(&package).arg("-C").arg(unpacked.path()))?;
        for file in CRATE_FILES {
            if !unpacked.path().join(format!("{krate}-{version}")).join(file).is_file() {
                return Err(Failure::new(format!("the {krate} crate does not ship {file}")));
            }
        }
    }
    let library = unpacked.path().join(format!("workplan-{version}"));
    let library = library.to_str().ok_or_else(|| Failure::new(format!("{} is not UTF-8", library.display())))?;
    run(
        ctx,
        ctx.command("cargo")
            .arg("build")
            .arg("--manifest-path")
            .arg(unpacked.path().join(format!("workplan-cli-{version}/Cargo.toml")))
            .arg("--target-dir")
            .arg(ctx.root().join("target"))
            .arg("--config")
            .arg(format!("patch.crates-io.workplan.path='{library}'")),
    )
}

/// The version at the end of a package id (`path+file:///repo/core#workplan@0.1.0`, or the older
/// `file:///repo/core#0.1.0`).
fn version_of_pkgid(pkgid: &str) -> Outcome<String> {
    let pkgid = pkgid.trim();
    let version = pkgid.rsplit(['@', '#']).next().unwrap_or_default();
    if version.is_empty() || !version.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(Failure::new(format!("no version at the end of the package id {pkgid:?}")));
    }
    Ok(version.to_owned())
}

/// The sdist holds the workspace parts the extension needs (core/ and bindings-python/, with a
/// trimmed workspace Cargo.toml and Cargo.lock); a wheel is built from it alone, offline but for
/// crates.io (no build isolation: maturin from the venv), and carries both licence texts
/// (xtask/src/sdist_check.py checks the files).
fn sdist(ctx: &Context) -> Outcome {
    step("Python sdist: built, then a wheel built from the sdist alone");
    let sdist = Scratch::new("sdist")?;
    run(
        ctx,
        ctx.command(ctx.venv("maturin")).args(["sdist", "-m", "bindings-python/Cargo.toml", "-o"]).arg(sdist.path()),
    )?;
    let archive = only_file(sdist.path(), "workplan-", ".tar.gz")?;
    let venv_bin = ctx.venv("python").parent().map(Path::to_path_buf).unwrap_or_default();
    let mut wheel = ctx.command(ctx.venv("pip"));
    wheel
        .args(["wheel", "--quiet", "--disable-pip-version-check", "--no-build-isolation", "--no-deps", "--no-index"])
        .arg("-w")
        .arg(sdist.path().join("wheel"))
        .arg(archive)
        .env("CARGO_TARGET_DIR", ctx.root().join("target"))
        .current_dir(sdist.path());
    if let Some(path) = search_path(&[venv_bin]) {
        wheel.env("PATH", path);
    }
    run(ctx, &mut wheel)?;
    run(ctx, ctx.command(ctx.venv("python")).arg(ctx.root().join("xtask/src/sdist_check.py")).arg(sdist.path()))
}

/// The one file in `folder` named `prefix...suffix`.
fn only_file(folder: &Path, prefix: &str, suffix: &str) -> Outcome<PathBuf> {
    let entries =
        std::fs::read_dir(folder).map_err(|e| Failure::new(format!("cannot list {}: {e}", folder.display())))?;
    let found: Vec<PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix))
        })
        .collect();
    match found.as_slice() {
        [file] => Ok(file.clone()),
        _ => {
            Err(Failure::new(format!("expected one {prefix}*{suffix} in {}, found {}", folder.display(), found.len())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_ends_the_package_id() {
        assert_eq!(version_of_pkgid("path+file:///work/main/core#workplan@0.1.0\n"), Ok("0.1.0".to_owned()));
        assert_eq!(version_of_pkgid("file:///work/main/core#0.2.3"), Ok("0.2.3".to_owned()));
        assert!(version_of_pkgid("path+file:///work/main/core#workplan").is_err());
    }
}
