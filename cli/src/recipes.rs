//! `workplan generate --recipes DIR --out OUT` and `--recipe CASE_JSON --out OUT`: the inputs of
//! test cases written from the `generate` recipes of their `case.json` (see
//! `workplan::generate::Recipes` and tests/fixtures/hostile/README.md). The Python and JS runners
//! of the hostile-input corpus read the files this writes; the Rust runner uses the same expander.
//!
//! Every recipe is read and checked before anything is written: a malformed or too large recipe
//! is reported with its file and place (exit 2), and nothing is written. A file that cannot be
//! written exits 1.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use workplan::generate::Recipes;

/// Writes the inputs of every case folder in `dir` whose `case.json` has a recipe, each to
/// `out/<case>/<file name>`.
pub fn run_folder(dir: &Path, out: &Path) -> ExitCode {
    let folders = match case_folders(dir) {
        Ok(folders) => folders,
        Err(message) => return refuse(&message),
    };
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for folder in folders {
        let case_file = folder.join("case.json");
        if !case_file.is_file() {
            continue;
        }
        match read(&case_file) {
            Ok(recipes) if recipes.is_empty() => {}
            Ok(recipes) => cases.push((folder, recipes)),
            Err(message) => errors.push(message),
        }
    }
    if !errors.is_empty() {
        for message in &errors {
            eprintln!("error: {message}");
        }
        eprintln!("nothing written: {} case files with errors", errors.len());
        return ExitCode::from(2);
    }
    if cases.is_empty() {
        return refuse(&format!("{}: no case folder has a `case.json` with a `generate` recipe", dir.display()));
    }
    let (mut files, mut bytes) = (0, 0);
    for (folder, recipes) in &cases {
        let name = folder.file_name().unwrap_or(folder.as_os_str());
        match write(recipes, &out.join(name)) {
            Ok(written) => (files, bytes) = (files + recipes.len(), bytes + written),
            Err(code) => return code,
        }
    }
    eprintln!("{}: {} cases, {files} files, {bytes} bytes", out.display(), cases.len());
    ExitCode::SUCCESS
}

/// Writes the inputs of one `case.json`'s recipe, each to `out/<file name>`.
pub fn run_case(case_file: &Path, out: &Path) -> ExitCode {
    let recipes = match read(case_file) {
        Ok(recipes) if recipes.is_empty() => {
            return refuse(&format!("{}: the case has no `generate` recipe", case_file.display()))
        }
        Ok(recipes) => recipes,
        Err(message) => return refuse(&message),
    };
    match write(&recipes, out) {
        Ok(bytes) => {
            eprintln!("{}: {} files, {bytes} bytes", out.display(), recipes.len());
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// The folders in `dir`, sorted by name.
fn case_folders(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    let mut folders = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| format!("{}: {error}", dir.display()))?.path();
        if path.is_dir() {
            folders.push(path);
        }
    }
    folders.sort();
    Ok(folders)
}

/// The recipes of a case file, or what is wrong with it and where.
fn read(case_file: &Path) -> Result<Recipes, String> {
    let text = fs::read_to_string(case_file).map_err(|error| format!("{}: {error}", case_file.display()))?;
    Recipes::from_case_json(&text).map_err(|error| format!("{}: {error}", case_file.display()))
}

/// Writes each recipe's bytes to `folder/<file name>`: how many bytes in all.
fn write(recipes: &Recipes, folder: &Path) -> Result<u64, ExitCode> {
    let failed = |path: &Path, error: std::io::Error| {
        eprintln!("error: {}: {error}", path.display());
        ExitCode::FAILURE
    };
    fs::create_dir_all(folder).map_err(|error| failed(folder, error))?;
    let mut bytes = 0;
    for (name, recipe) in recipes.iter() {
        let path = folder.join(name);
        let file = File::create(&path).map_err(|error| failed(&path, error))?;
        let mut writer = BufWriter::with_capacity(1 << 16, file);
        recipe.write_to(&mut writer).and_then(|()| writer.flush()).map_err(|error| failed(&path, error))?;
        bytes += recipe.len();
    }
    Ok(bytes)
}

/// Reports bad input: exit 2, nothing written.
fn refuse(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
