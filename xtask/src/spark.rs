//! The Spark suite: the example job of examples/spark run for real, with a `local[2]` master, on a
//! generated portfolio, against the single-process `workplan portfolio` (examples/spark/
//! test_spark_job.py). It installs what it needs when missing: a Java runtime (Debian's
//! openjdk-17-jre-headless, with apt-get), and the venv `.venv-spark` with the pinned pyspark
//! (pins.toml `[spark]`), the test venv's pyarrow, pandas and pytest, and the test wheel.

use std::path::{Path, PathBuf};

use crate::count;
use crate::python;
use crate::run::{is_executable, probe, run, run_logged, step, venv_program, Context, Failure, Outcome};

/// The oldest Java that Spark 4 runs on.
const JAVA: u32 = 17;

/// The system package that gives that Java, on Debian and Ubuntu.
const JAVA_PACKAGE: &str = "openjdk-17-jre-headless";

/// The Spark venv, at the repository root.
const VENV: &str = ".venv-spark";

/// The packages of the test venv that go into the Spark venv too, at the same pins: the job's
/// Arrow (pyspark's Arrow functions need pandas as well) and the test runner.
const FROM_TEST_VENV: [&str; 3] = ["pyarrow", "pandas", "pytest"];

/// The job against `workplan portfolio`, with pytest in the Spark venv.
pub fn test(ctx: &mut Context) -> Outcome {
    python::wheel(ctx)?;
    java(ctx)?;
    let venv = spark_venv(ctx)?;
    step("the workplan command (debug build) for generating the portfolio and for the single-process rows");
    run(ctx, ctx.command("cargo").args(["build", "--quiet", "--locked", "-p", "workplan-cli"]))?;
    let cli = ctx.root().join("target/debug/workplan");

    step("the Spark job (local[2]) against `workplan portfolio`, row for row");
    let log = run_logged(
        ctx,
        ctx.command(venv_program(&venv, "pytest"))
            .args(["examples/spark", "-q", "-p", "no:cacheprovider"])
            .env("WORKPLAN_CLI", cli)
            .env("PYSPARK_PYTHON", venv_program(&venv, "python"))
            .env("SPARK_LOCAL_IP", "127.0.0.1"),
    )?;
    ctx.record(count::pytest(&log)?, "Spark tests");
    Ok(())
}

/// A Java runtime of at least [`JAVA`] on `PATH`: installed with apt-get when `java` is missing
/// (as root), else a failure that says what to install.
pub fn java(ctx: &mut Context) -> Outcome {
    if !ctx.first_time("setup: java") {
        return Ok(());
    }
    step(&format!("Java {JAVA} or later for Spark"));
    if java_version(ctx).is_none() {
        if probe(ctx.command("apt-get").arg("--version")).is_none() {
            return Err(Failure::new(format!(
                "no `java` on PATH, and no apt-get to install {JAVA_PACKAGE} with: install a Java {JAVA} runtime \
                 (your system's OpenJDK {JAVA} package, or Eclipse Temurin {JAVA}), put its `java` on PATH, \
                 and run again"
            )));
        }
        run(ctx, ctx.command("apt-get").arg("update"))?;
        run(
            ctx,
            ctx.command("apt-get").args(["install", "-y", JAVA_PACKAGE]).env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
    }
    match java_version(ctx) {
        Some(major) if major >= JAVA => Ok(()),
        Some(major) => Err(Failure::new(format!(
            "`java` on PATH is Java {major}; Spark 4 needs Java {JAVA} or later: install {JAVA_PACKAGE} and put it \
             first on PATH (update-alternatives --config java), or set JAVA_HOME"
        ))),
        None => Err(Failure::new(format!("`java -version` still fails after installing {JAVA_PACKAGE}"))),
    }
}

/// The major version of the `java` on `PATH` (`java -version` prints `version "17.0.15"`, or
/// `"1.8.0_402"` for Java 8), or `None` when it does not run.
fn java_version(ctx: &Context) -> Option<u32> {
    let output = ctx.command("java").arg("-version").output().ok()?;
    if !output.status.success() {
        return None;
    }
    // An output this cannot read is left for Spark to judge.
    Some(major_version(&String::from_utf8_lossy(&output.stderr)).unwrap_or(JAVA))
}

/// The major version in the output of `java -version`.
fn major_version(text: &str) -> Option<u32> {
    let quoted = text.split('"').nth(1)?;
    let mut parts = quoted.split(['.', '_', '-', '+']);
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 {
        parts.next()?.parse().ok()
    } else {
        Some(first)
    }
}

/// The Spark venv with pyspark at its pin and [`FROM_TEST_VENV`] at theirs (installed again when
/// any version differs), and the test wheel (once per run). Returns where it is.
fn spark_venv(ctx: &mut Context) -> Outcome<PathBuf> {
    let venv = ctx.root().join(VENV);
    if !ctx.first_time("setup: spark venv") {
        return Ok(venv);
    }
    let python = venv_program(&venv, "python");
    if !is_executable(&python) {
        step(&format!("Python venv {VENV}"));
        run(ctx, ctx.command("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let mut packages: Vec<(String, String)> = ctx.pins().spark.clone().into_iter().collect();
    for name in FROM_TEST_VENV {
        packages.push((name.to_owned(), ctx.pins().python_version(name)?.to_owned()));
    }
    let listed: Vec<String> = packages.iter().map(|(name, version)| format!("{name} {version}")).collect();
    step(&format!("Python venv {VENV}: {}", listed.join(", ")));
    if !has_versions(ctx, &python, &packages) {
        let specs = packages.iter().map(|(name, version)| format!("{name}=={version}"));
        run(
            ctx,
            ctx.command(venv_program(&venv, "pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .args(specs),
        )?;
    }
    step(&format!("the test wheel, installed into {VENV}"));
    run(
        ctx,
        ctx.command(venv_program(&venv, "pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "--force-reinstall", "--no-deps"])
            .arg(python::built_wheel(ctx)?),
    )?;
    Ok(venv)
}

/// Whether the venv of `python` has every package at its version.
fn has_versions(ctx: &Context, python: &Path, packages: &[(String, String)]) -> bool {
    let mut command = ctx.command(python);
    command
        .args(["-c", "import sys; from importlib.metadata import version as v; print(*map(v, sys.argv[1:]))"])
        .args(packages.iter().map(|(name, _)| name));
    let wanted: Vec<&str> = packages.iter().map(|(_, version)| version.as_str()).collect();
    probe(&mut command).as_deref().map(str::trim) == Some(wanted.join(" ").as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_major_version_of_java() {
        let openjdk = "openjdk version \"17.0.15\" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6)\n";
        assert_eq!(major_version(openjdk), Some(17));
        assert_eq!(major_version("java version \"1.8.0_402\"\n"), Some(8));
        assert_eq!(major_version("openjdk version \"21\" 2023-09-19\n"), Some(21));
        assert_eq!(major_version("openjdk version \"25-ea\" 2025-09-16\n"), Some(25));
        assert_eq!(major_version("no version here"), None);
    }
}
