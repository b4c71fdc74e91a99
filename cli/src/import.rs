//! `workplan import PAPER --out plan.yaml`: a committee paper's text read into a draft plan; the
//! summary (items per level, labels inferred, measures proposed, lines not used) on standard error
//! (docs/import.md).

use std::path::Path;
use std::process::ExitCode;

use workplan::import::{import_paper, ImportOptions};

/// What `workplan import` was asked.
pub struct Request<'a> {
    /// The paper's text file.
    pub paper: &'a Path,
    /// Where the draft goes (standard output when absent).
    pub out: Option<&'a Path>,
    /// List every line not used.
    pub verbose: bool,
    /// Another version of the plan whose ids are kept.
    pub ids_from: Option<&'a Path>,
    /// The levels' names, top down.
    pub levels: Vec<String>,
}

pub fn run(request: &Request<'_>) -> ExitCode {
    let Request { paper, out, verbose, ids_from, .. } = *request;
    let text = match std::fs::read(paper).map_err(|e| e.to_string()).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|e| {
            format!("not UTF-8 text (byte {} is not): save the paper's text as UTF-8", e.utf8_error().valid_up_to() + 1)
        })
    }) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {}: {error}", paper.display());
            return ExitCode::FAILURE;
        }
    };
    let mut options = ImportOptions { levels: request.levels.clone(), ..ImportOptions::default() };
    if let Some(path) = ids_from {
        match crate::report::load(path, None, &Default::default()) {
            Ok((plan, _)) => options.ids_from = Some(plan),
            Err(code) => return code,
        }
    }
    let imported = match import_paper(&text, &options) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("error: {}: {error} [{}]", paper.display(), error.code());
            return ExitCode::FAILURE;
        }
    };
    let json = out.and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let written = if json { imported.plan.to_json_string() } else { imported.plan.to_yaml_string() };
    match out {
        Some(path) => {
            if let Err(error) = std::fs::write(path, written) {
                eprintln!("error: {}: {error}", path.display());
                return ExitCode::FAILURE;
            }
            eprintln!("{}: draft written to {}", paper.display(), path.display());
        }
        None => print!("{written}"),
    }
    eprint!("{}", imported.summary.to_text(verbose));
    let report = imported.plan.validate();
    let warnings = report.diagnostics.len();
    if warnings > 0 {
        eprintln!("validation: {warnings} finding(s) to review (`workplan validate` lists them)");
    }
    ExitCode::SUCCESS
}
