//! `workplan validate`: load every file and print its problems compiler-style.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use workplan::{Format, LoadError, Plan, Updates};

use crate::OutputFormat;

/// Loads a plan or an updates file, by its name.
fn check(file: &Path) -> Result<(), LoadError> {
    match Format::from_path(file) {
        Some(Format::Csv) => Updates::load(file).map(drop),
        _ => Plan::load(file).map(drop),
    }
}

/// One line per problem: `file:line:col: error[code]: message`, then the hint.
pub fn render(file: &Path, error: &LoadError) -> String {
    let place = match (error.line(), error.column()) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", file.display()),
        _ => file.display().to_string(),
    };
    let mut text = format!("{place}: error[{}]: {error}", error.code());
    if let Some(hint) = error.hint() {
        text.push_str(&format!("\n  = hint: {hint}"));
    }
    text
}

/// The JSON form of a problem.
pub fn to_json(file: &Path, error: &LoadError) -> serde_json::Value {
    serde_json::json!({
        "file": file.display().to_string(),
        "code": error.code(),
        "severity": "error",
        "message": error.to_string(),
        "path": error.path().to_string(),
        "line": error.line(),
        "column": error.column(),
        "hint": error.hint(),
    })
}

pub fn run(files: &[PathBuf], format: OutputFormat) -> ExitCode {
    let problems: Vec<(&PathBuf, LoadError)> =
        files.iter().filter_map(|file| check(file).err().map(|error| (file, error))).collect();
    match format {
        OutputFormat::Text => {
            for (file, error) in &problems {
                println!("{}", render(file, error));
            }
            let files_word = if files.len() == 1 { "file" } else { "files" };
            let errors_word = if problems.len() == 1 { "error" } else { "errors" };
            println!("{} {files_word} checked: {} {errors_word}", files.len(), problems.len());
        }
        OutputFormat::Json => {
            let list: Vec<serde_json::Value> = problems.iter().map(|(file, error)| to_json(file, error)).collect();
            println!("{}", serde_json::to_string_pretty(&list).unwrap_or_default());
        }
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
