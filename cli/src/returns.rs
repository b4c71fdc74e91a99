//! Reading progress returns on the command line: `--updates FILE` (CSV, JSON, YAML or a workbook),
//! `--sheet NAME`, `--mapping FILE` and `--keep-going`, shared by every command that takes returns.

use std::path::{Path, PathBuf};

use clap::Args;
use workplan::{LoadError, Mapping, OnError, ReadOptions, Updates};

/// How the returns are read.
#[derive(Debug, Clone, Default, Args)]
pub struct ReadArgs {
    /// Read only this sheet of a workbook (repeat for several; every sheet by default).
    #[arg(long = "sheet", value_name = "NAME")]
    pub sheets: Vec<String>,
    /// A mapping of the returns' columns, status words and percent scale (.yaml or .json;
    /// docs/returns.md).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Load the rows that can be read and list the others (set aside, never dropped silently),
    /// instead of failing.
    #[arg(long)]
    pub keep_going: bool,
}

impl ReadArgs {
    /// The read options, or the mapping file's load error rendered as lines.
    pub fn options(&self) -> Result<ReadOptions, String> {
        let mut mapping = match &self.mapping {
            Some(file) => Mapping::load(file).map_err(|error| render(file, &error))?,
            None => Mapping::default(),
        };
        if !self.sheets.is_empty() {
            mapping.sheets = self.sheets.clone();
        }
        let on_error = if self.keep_going { OnError::Collect } else { OnError::Raise };
        Ok(ReadOptions { mapping, on_error })
    }
}

/// Whether a file is read as returns by its name: `.csv` or a workbook.
pub fn is_returns_file(file: &Path) -> bool {
    let extension = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(extension.as_deref(), Some("csv" | "xlsx" | "xlsm" | "xlsb" | "xls" | "ods"))
}

/// Loads returns, printing every load error compiler-style (one line each) and every row set
/// aside; `None` when they could not be loaded.
pub fn load(file: &Path, args: &ReadArgs) -> Option<Updates> {
    let options = match args.options() {
        Ok(options) => options,
        Err(lines) => {
            eprintln!("{lines}");
            return None;
        }
    };
    match Updates::load_with(file, &options) {
        Ok(updates) => {
            print_set_aside(file, &updates);
            Some(updates)
        }
        Err(error) => {
            eprintln!("{}", render(file, &error));
            None
        }
    }
}

/// The rows set aside by `--keep-going`, one line each on standard error.
pub fn print_set_aside(file: &Path, updates: &Updates) {
    let set_aside = &updates.read.set_aside;
    for row in set_aside {
        let reasons: Vec<String> = row.errors.iter().map(ToString::to_string).collect();
        eprintln!("{}: set aside: {}", place(file, &row.location), reasons.join("; "));
    }
    if !set_aside.is_empty() {
        eprintln!(
            "{}: {} row{} set aside, {} return{} loaded",
            file.display(),
            set_aside.len(),
            if set_aside.len() == 1 { "" } else { "s" },
            updates.len(),
            if updates.len() == 1 { "" } else { "s" }
        );
    }
}

/// Where a problem is, for a line: `file:line:col` for text, `file[Q2]!C14` for a workbook's
/// cell, else the file.
pub fn place(file: &Path, location: &workplan::Location) -> String {
    match (location.cell_reference(), location.line(), location.column()) {
        (Some(cell), _, _) => match cell.split_once('!') {
            Some((sheet, cell)) => format!("{}[{}]!{cell}", file.display(), sheet.trim_matches('\'')),
            None => format!("{}!{cell}", file.display()),
        },
        (None, Some(line), Some(column)) => format!("{}:{line}:{column}", file.display()),
        _ => file.display().to_string(),
    }
}

/// Every problem of a load error, one line each (`place: error[code]: message`, then the hint),
/// and a count when there were more than could be listed.
pub fn render(file: &Path, error: &LoadError) -> String {
    let mut lines = Vec::new();
    let mut hints = Vec::new();
    for problem in error.errors() {
        let place = problem.location().map_or_else(|| file.display().to_string(), |l| place(file, l));
        lines.push(format!("{place}: error[{}]: {problem}", problem.code()));
        // A hint once, after the first problem it helps with.
        if let Some(hint) = problem.hint().filter(|hint| !hints.contains(hint)) {
            lines.push(format!("  = hint: {hint}"));
            hints.push(hint);
        }
    }
    if let LoadError::Several { errors, total } = error {
        if *total > errors.len() {
            lines.push(format!("{}: {total} problems, the first {} listed", file.display(), errors.len()));
        } else {
            lines.push(format!("{}: {total} problems", file.display()));
        }
    }
    lines.join("\n")
}
