//! Findings: a [`Diagnostic`] for each problem, gathered in a [`Report`].

use std::fmt;

use serde::Serialize;

use crate::io::Pointer;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan is wrong: numbers computed from it cannot be trusted.
    Error,
    /// Probably a mistake; the numbers can still be computed.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The severity as a word: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which document a finding is in: the plan, or a separate file of progress returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Document {
    /// The plan document (its embedded `updates` included).
    Plan,
    /// The separate updates passed to [`Plan::validate_with`](crate::Plan::validate_with).
    Updates,
}

/// One finding: what is wrong, how serious, and exactly where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The stable code of the rule, e.g. `due_outside_period` (listed in `docs/diagnostics.md`).
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in words for a committee officer.
    pub message: String,
    /// JSON Pointer to the offending value in its document.
    pub path: Pointer,
    /// The id of the item concerned, where there is one.
    pub item: Option<String>,
    /// Line of the offending value (from 1), when the document came from text.
    pub line: Option<usize>,
    /// Column of the offending value (from 1, in characters), when the document came from text.
    pub column: Option<usize>,
    /// How to fix it, where there is a suggestion.
    pub hint: Option<String>,
    /// The document the path points into.
    pub document: Document,
    /// For returns read from a workbook: the sheet (`line` and `column` are then the cell's row
    /// and column).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// The findings of a validation, in document order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Every finding, in document order (the plan's, then the separate updates').
    pub diagnostics: Vec<Diagnostic>,
}

/// How many findings of each severity a report has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Report {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// Counts by severity.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for diagnostic in &self.diagnostics {
            match diagnostic.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }

    /// Whether there are no findings at all.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The findings with this code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }
}

impl fmt::Display for Diagnostic {
    /// `line:column: severity[code]: message` (without a file name), then the hint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.sheet, self.line, self.column) {
            (Some(sheet), Some(row), Some(column)) => {
                let place = crate::Location::cell(self.path.clone(), sheet, row, column);
                write!(f, "{}: ", place.cell_reference().unwrap_or_default())?;
            }
            (None, Some(line), Some(column)) => write!(f, "{line}:{column}: ")?,
            _ => {}
        }
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}
