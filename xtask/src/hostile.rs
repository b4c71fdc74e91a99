//! Measuring the hostile-input corpus (tests/fixtures/hostile/) with the release CLI: `workplan
//! validate` on each case's inputs, with the wall time and the peak memory of each run (GNU time).
//! Not a test: the numbers go into RELIABILITY.md.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::run::{run, step, Context, Failure, Outcome};
use crate::scratch::Scratch;
use crate::setup;

/// The corpus, from the repository root.
const CORPUS: &str = "tests/fixtures/hostile";

/// The release CLI, from the repository root.
const CLI: &str = "target/release/workplan";

/// Builds the release CLI, writes every case's inputs into a scratch folder (the generated ones
/// by the CLI's one recipe expander, `workplan generate --recipes`), then times `workplan validate`
/// on each case and prints a table: case, seconds, peak MB, exit code.
pub fn hostile_times(ctx: &mut Context) -> Outcome {
    setup::toolchain(ctx)?;
    step("the release CLI");
    run(ctx, ctx.command("cargo").args(["build", "--quiet", "--release", "--locked", "-p", "workplan-cli"]))?;

    step("every case's inputs: generated from its recipe (workplan generate --recipes), or copied");
    let scratch = Scratch::new("hostile")?;
    let cli = ctx.root().join(CLI);
    run(ctx, ctx.command(&cli).args(["generate", "--recipes", CORPUS, "--out"]).arg(scratch.path()))?;
    let cases = folders_in(&ctx.root().join(CORPUS))?;
    for case in &cases {
        copy_inputs(case, &scratch.path().join(file_name(case)))?;
    }

    step("workplan validate on each case: wall time and peak memory");
    let times = scratch.path().join("time");
    println!("{:<40} {:>8} {:>10}  exit code", "case", "seconds", "peak MB");
    for case in &cases {
        let name = file_name(case);
        let inputs = inputs_of(&scratch.path().join(&name))?;
        // The run's own exit code is part of the table, not a failure of this task.
        let _ = ctx
            .command("/usr/bin/time")
            .arg("-o")
            .arg(&times)
            .args(["-f", "%e %M %x"])
            .arg(&cli)
            .arg("validate")
            .args(&inputs)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| Failure::new(format!("could not start /usr/bin/time (GNU time): {e}")))?;
        let report = std::fs::read_to_string(&times)
            .map_err(|e| Failure::new(format!("no time for {name}: cannot read {}: {e}", times.display())))?;
        let (seconds, kilobytes, code) =
            parse_time(&report).ok_or_else(|| Failure::new(format!("cannot read the time of {name} in {report:?}")))?;
        println!("{name:<40} {seconds:>8} {:>10}  {code}", kilobytes / 1024);
    }
    Ok(())
}

/// The last line of GNU time's `%e %M %x` report (a line before it says when the command failed):
/// seconds, peak kilobytes, exit code.
fn parse_time(report: &str) -> Option<(String, u64, String)> {
    let mut words = report.lines().last()?.split_whitespace();
    let seconds = words.next()?.to_owned();
    let kilobytes = words.next()?.parse().ok()?;
    let code = words.next()?.to_owned();
    Some((seconds, kilobytes, code))
}

/// A path's last part, as text.
fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The folders in `folder`, in name order.
fn folders_in(folder: &Path) -> Outcome<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = entries(folder)?.into_iter().filter(|path| path.is_dir()).collect();
    found.sort();
    Ok(found)
}

/// Everything in `folder`, in name order.
fn entries(folder: &Path) -> Outcome<Vec<PathBuf>> {
    let listing =
        std::fs::read_dir(folder).map_err(|e| Failure::new(format!("cannot list {}: {e}", folder.display())))?;
    let mut paths: Vec<PathBuf> = listing.filter_map(|entry| Some(entry.ok()?.path())).collect();
    paths.sort();
    Ok(paths)
}

/// Copies a case's stored inputs into `out` (made if missing): its `plan.*` and `updates.*` files
/// that no recipe generated, and its `workspace/` folder.
fn copy_inputs(case: &Path, out: &Path) -> Outcome {
    let failed = |what: &Path, e: std::io::Error| Failure::new(format!("cannot copy {}: {e}", what.display()));
    std::fs::create_dir_all(out).map_err(|e| failed(out, e))?;
    for path in entries(case)? {
        let name = file_name(&path);
        let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_file() && (stem == "plan" || stem == "updates") && !out.join(&name).exists() {
            std::fs::copy(&path, out.join(&name)).map_err(|e| failed(&path, e))?;
        } else if path.is_dir() && name == "workspace" {
            copy_folder(&path, &out.join("workspace"))?;
        }
    }
    Ok(())
}

/// Copies the folder `from` to `to`, with everything in it.
fn copy_folder(from: &Path, to: &Path) -> Outcome {
    std::fs::create_dir_all(to).map_err(|e| Failure::new(format!("cannot make {}: {e}", to.display())))?;
    for path in entries(from)? {
        let target = to.join(file_name(&path));
        if path.is_dir() {
            copy_folder(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| Failure::new(format!("cannot copy {}: {e}", path.display())))?;
        }
    }
    Ok(())
}

/// The inputs of a case's folder, as `workplan validate` takes them: its `plan.*` files, its
/// `updates.*` files, then the files of its `workspace/`.
fn inputs_of(folder: &Path) -> Outcome<Vec<PathBuf>> {
    let here = entries(folder)?;
    let named = |prefix: &str| -> Vec<PathBuf> {
        here.iter().filter(|path| path.is_file() && file_name(path).starts_with(prefix)).cloned().collect()
    };
    let mut inputs = named("plan.");
    inputs.extend(named("updates."));
    let workspace = folder.join("workspace");
    if workspace.is_dir() {
        inputs.extend(entries(&workspace)?.into_iter().filter(|path| path.is_file()));
    }
    Ok(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scratch::Scratch;

    #[test]
    fn reads_the_last_line_of_gnu_time() {
        assert_eq!(parse_time("0.72 51200 0\n"), Some(("0.72".to_owned(), 51200, "0".to_owned())));
        assert_eq!(
            parse_time("Command exited with non-zero status 1\n1.05 204800 1\n"),
            Some(("1.05".to_owned(), 204800, "1".to_owned()))
        );
        assert_eq!(parse_time(""), None);
    }

    #[test]
    fn copies_stored_inputs_without_overwriting_generated_ones() -> Outcome {
        let io = |e: std::io::Error| Failure::new(e.to_string());
        let scratch = Scratch::new("hostile-test")?;
        let case = scratch.path().join("case");
        std::fs::create_dir_all(case.join("workspace")).map_err(io)?;
        std::fs::write(case.join("case.json"), "{}").map_err(io)?;
        std::fs::write(case.join("plan.json"), "stored").map_err(io)?;
        std::fs::write(case.join("updates.csv"), "stored").map_err(io)?;
        std::fs::write(case.join("workspace/a.yaml"), "a").map_err(io)?;
        let out = scratch.path().join("out");
        std::fs::create_dir_all(&out).map_err(io)?;
        std::fs::write(out.join("plan.json"), "generated").map_err(io)?;

        copy_inputs(&case, &out)?;
        assert_eq!(std::fs::read_to_string(out.join("plan.json")).map_err(io)?, "generated");
        assert!(!out.join("case.json").exists());
        let shown: Vec<String> = inputs_of(&out)?
            .iter()
            .map(|path| path.strip_prefix(&out).unwrap_or(path).to_string_lossy().into_owned())
            .collect();
        assert_eq!(shown, ["plan.json", "updates.csv", "workspace/a.yaml"]);
        Ok(())
    }
}
