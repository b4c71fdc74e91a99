//! `workplan validate`: load every file, validate the plans together (links across them are
//! checked), and print every finding compiler-style.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use workplan::{Diagnostic, Document, Format, LoadError, Plan, Severity, Updates, Workspace};

use crate::returns::ReadArgs;
use crate::OutputFormat;

/// One line per load error (every problem of a returns table): `file:line:col: error[code]:
/// message`, or `file[sheet]!C14: ...` for a workbook's cell, then the hint.
pub fn render(file: &Path, error: &LoadError) -> String {
    crate::returns::render(file, error)
}

/// A finding about `file`, as a line (and a hint line).
pub fn render_finding(file: &Path, diagnostic: &Diagnostic) -> String {
    let place = match (&diagnostic.sheet, diagnostic.line, diagnostic.column) {
        (Some(sheet), Some(row), Some(column)) => {
            format!("{}[{sheet}]!{}", file.display(), workplan::io::cell_name(row, column))
        }
        (None, Some(line), Some(column)) => format!("{}:{line}:{column}", file.display()),
        _ => format!("{} {}", file.display(), diagnostic.path),
    };
    let mut text = format!("{place}: {}[{}]: {}", diagnostic.severity, diagnostic.code, diagnostic.message);
    if let Some(hint) = &diagnostic.hint {
        text.push_str(&format!("\n  = hint: {hint}"));
    }
    text
}

/// One entry of the JSON output.
fn finding_json(file: &Path, diagnostic: &Diagnostic) -> serde_json::Value {
    serde_json::json!({
        "file": file.display().to_string(),
        "code": diagnostic.code,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "path": diagnostic.path.to_string(),
        "item": diagnostic.item,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "sheet": diagnostic.sheet,
        "hint": diagnostic.hint,
    })
}

fn load_error_json(file: &Path, error: &LoadError) -> serde_json::Value {
    let first = error.errors().first().unwrap_or(error);
    serde_json::json!({
        "file": file.display().to_string(),
        "code": error.code(),
        "severity": "error",
        "message": first.to_string(),
        "path": first.path().to_string(),
        "item": null,
        "line": first.line(),
        "column": first.column(),
        "sheet": first.sheet(),
        "hint": first.hint(),
    })
}

/// A plan's file and the returns file listed after it (the plans themselves go to the workspace).
struct Entry {
    file: PathBuf,
    /// The file's length and time of change when the plan was read: its text is read again
    /// for the positions of findings only if these are the same then.
    read_as: Option<(u64, std::time::SystemTime)>,
    updates: Option<(PathBuf, Updates)>,
}

/// A file's length and time of change.
fn stamp(file: &Path) -> Option<(u64, std::time::SystemTime)> {
    let metadata = std::fs::metadata(file).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

/// Gives the plan's findings their line and column from its file's text, read again now that
/// the plans are let go of (they are read without their text, so that the peak memory is the
/// plans' or the text's, not both). The text is not read when no finding needs it, nor when the
/// file has changed since (the findings then keep their paths).
fn place_findings(entry: &Entry, report: &mut workplan::Report) {
    let needs_text = report.diagnostics.iter().any(|d| d.document == Document::Plan && d.line.is_none());
    if !needs_text || entry.read_as.is_none() || stamp(&entry.file) != entry.read_as {
        return;
    }
    let Ok(text) = std::fs::read_to_string(&entry.file) else { return };
    let format = match Format::from_path(&entry.file) {
        Some(Format::Csv) | None => Format::sniff(&text),
        Some(format) => format,
    };
    report.place_in_text(Document::Plan, &text, format);
}

pub fn run(files: &[PathBuf], deny_warnings: bool, format: OutputFormat, read: &ReadArgs) -> ExitCode {
    let options = match read.options() {
        Ok(options) => options,
        Err(lines) => {
            eprintln!("{lines}");
            return ExitCode::FAILURE;
        }
    };
    let mut entries: Vec<Entry> = Vec::new();
    let mut plans: Vec<Plan> = Vec::new();
    let mut load_errors: Vec<(&PathBuf, LoadError)> = Vec::new();
    for file in files {
        if crate::returns::is_returns_file(file) || is_updates_json(file) {
            match Updates::load_with(file, &options) {
                Ok(updates) => match entries.last_mut() {
                    Some(entry) if entry.updates.is_none() => {
                        crate::returns::print_set_aside(file, &updates);
                        entry.updates = Some((file.clone(), updates));
                    }
                    _ => {
                        eprintln!(
                            "{}: checked on its own: name it right after its plan (one returns file per plan)",
                            file.display()
                        );
                    }
                },
                Err(error) => load_errors.push((file, error)),
            }
        } else {
            let read_as = stamp(file);
            match Plan::load_without_text(file) {
                Ok(plan) => {
                    entries.push(Entry { file: file.clone(), read_as, updates: None });
                    plans.push(plan);
                }
                Err(error) => load_errors.push((file, error)),
            }
        }
    }
    // Validate the plans together, then each plan's separate returns.
    let workspace = Workspace::new(plans);
    let updates: Vec<Option<&Updates>> = entries.iter().map(|e| e.updates.as_ref().map(|(_, u)| u)).collect();
    let reports = workspace.validate_with(&updates);
    drop(updates);
    drop(workspace);
    let mut findings: Vec<(PathBuf, Diagnostic)> = Vec::new();
    for (entry, mut report) in entries.iter().zip(reports) {
        place_findings(entry, &mut report.report);
        for diagnostic in report.report.diagnostics {
            let file = match (&diagnostic.document, &entry.updates) {
                (Document::Updates, Some((file, _))) => file.clone(),
                _ => entry.file.clone(),
            };
            findings.push((file, diagnostic));
        }
    }
    let count = |severity| findings.iter().filter(|(_, d)| d.severity == severity).count();
    let (errors, warnings, infos) =
        (count(Severity::Error) + load_errors.len(), count(Severity::Warning), count(Severity::Info));
    match format {
        OutputFormat::Text => {
            for (file, error) in &load_errors {
                println!("{}", render(file, error));
            }
            for (file, diagnostic) in &findings {
                println!("{}", render_finding(file, diagnostic));
            }
            let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
            println!(
                "{} checked: {}, {}, {}",
                plural(files.len(), "file"),
                plural(errors, "error"),
                plural(warnings, "warning"),
                plural(infos, "note")
            );
        }
        OutputFormat::Json => {
            let list: Vec<serde_json::Value> = load_errors
                .iter()
                .map(|(file, error)| load_error_json(file, error))
                .chain(findings.iter().map(|(file, d)| finding_json(file, d)))
                .collect();
            println!("{}", serde_json::to_string_pretty(&list).unwrap_or_default());
        }
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A `.json` or `.yaml` file whose text is a list is a file of returns, not a plan. The file is
/// read only up to its first two bytes after a byte-order mark and white space.
fn is_updates_json(file: &Path) -> bool {
    use std::io::{BufReader, Read};
    if !matches!(Format::from_path(file), Some(Format::Json | Format::Yaml)) {
        return false;
    }
    let Ok(opened) = std::fs::File::open(file) else { return false };
    let mut bytes = BufReader::new(opened).bytes().map_while(Result::ok).peekable();
    for mark in [0xEF, 0xBB, 0xBF] {
        if bytes.next_if_eq(&mark).is_none() {
            break;
        }
    }
    let mut body = bytes.skip_while(u8::is_ascii_whitespace);
    matches!((body.next(), body.next()), (Some(b'['), _) | (Some(b'-'), Some(b' ')))
}
