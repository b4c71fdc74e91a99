//! `workplan diff OLD NEW`: what changed between two versions of a plan, as a changelog.

use std::path::Path;
use std::process::ExitCode;

use crate::report::load;

/// How the changelog is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Plain text.
    Text,
    /// The diff as JSON.
    Json,
    /// Markdown, for a committee paper.
    Markdown,
}

pub fn run(old: &Path, new: &Path, format: DiffFormat) -> ExitCode {
    let (old, _) = match load(old, None, &Default::default()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let (new, _) = match load(new, None, &Default::default()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let diff = workplan::diff(&old, &new);
    match format {
        DiffFormat::Text => print!("{}", diff.to_text()),
        DiffFormat::Markdown => print!("{}", diff.to_markdown()),
        DiffFormat::Json => println!("{}", serde_json::to_string_pretty(&diff).unwrap_or_default()),
    }
    ExitCode::SUCCESS
}
