//! Findings: a [`Diagnostic`] for each problem, gathered in a [`Report`].

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::code::{DiagnosticCode, Severity};
use crate::io::Pointer;

/// Which document a finding is in: the plan, or a separate file of progress returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Document {
    /// The plan document (its embedded `updates` included).
    Plan,
    /// The separate updates passed to [`Plan::validate_with`](crate::Plan::validate_with).
    Updates,
}

impl Document {
    /// The document as a word, as findings serialize it: `plan`, `updates`.
    pub fn as_str(self) -> &'static str {
        match self {
            Document::Plan => "plan",
            Document::Updates => "updates",
        }
    }
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: what is wrong, how serious, and exactly where.
///
/// It prints on one line (`{}`) or as `workplan validate` prints it, with the hint on a line of
/// its own (`{:#}`):
///
/// ```
/// let plan = workplan::Plan::from_yaml_str(
///     "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
///      items: [{id: a, title: A, due: 2021-06-30}]\n",
/// )?;
/// let finding = &plan.validate().diagnostics[0];
/// assert_eq!(
///     finding.to_string(),
///     "warning[due_outside_period] /items/0/due (line 5, column 32): Area `a` is due on 2021-06-30, \
///      after the plan ends on 2021-03-31. (hint: move the date inside the plan period, or carry the item \
///      into the next plan)"
/// );
/// assert_eq!(
///     format!("{finding:#}"),
///     "5:32: warning[due_outside_period]: Area `a` is due on 2021-06-30, after the plan ends on \
///      2021-03-31.\n  = hint: move the date inside the plan period, or carry the item into the next plan"
/// );
/// # Ok::<(), workplan::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable code of the rule, e.g. `due_outside_period` (listed in `docs/diagnostics.md`).
    pub code: DiagnosticCode,
    /// How serious it is: the code's [`severity`](DiagnosticCode::severity).
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl Diagnostic {
    /// A finding with this code, in `document` at `path`, with the code's severity and no item,
    /// position or hint yet.
    pub fn new(code: DiagnosticCode, document: Document, path: Pointer, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            path,
            item: None,
            line: None,
            column: None,
            hint: None,
            document,
            sheet: None,
        }
    }
}

/// The findings of a validation, in document order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Report {
    /// Every finding, in document order (the plan's, then the separate updates').
    pub diagnostics: Vec<Diagnostic>,
}

/// How many findings of each severity a report has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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

    /// Gives the findings about `document` that have no line and column theirs in `text`, the
    /// text in `format` that the document was read from, and puts the findings in document
    /// order again. For a plan read without its text ([`Plan::load_without_text`](crate::Plan::load_without_text)),
    /// whose findings have their path only: the text is needed only when there are findings,
    /// and can be read after the plan is let go of (`workplan validate` does so). Findings whose
    /// path the text does not have keep no position.
    ///
    /// ```
    /// use workplan::{Document, Format, Plan};
    ///
    /// let text = "{\"workplan\": 1, \"id\": \"p\", \"title\": \"P\",\n \"period\": {\"start\": \"2021-04-01\", \"end\": \"2020-03-31\"}}";
    /// let mut plan = Plan::from_json_str(text)?;
    /// plan.forget_text();
    /// let mut report = plan.validate();
    /// assert_eq!(report.diagnostics[0].line, None);
    /// report.place_in_text(Document::Plan, text, Format::Json);
    /// let finding = &report.diagnostics[0];
    /// assert_eq!((finding.path.to_string().as_str(), finding.line, finding.column), ("/period/end", Some(2), Some(43)));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn place_in_text(&mut self, document: Document, text: &str, format: crate::Format) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let positions = |pointers: &[crate::Pointer]| crate::io::positions_in_text(text, format, pointers);
        super::place(&mut self.diagnostics, document, positions, |_| None);
        super::in_document_order(&mut self.diagnostics);
    }

    /// Whether there are no findings at all.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The findings with this code.
    pub fn with_code(&self, code: DiagnosticCode) -> impl Iterator<Item = &Diagnostic> + '_ {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }

    /// The report as a `Result` for `?`: `Err` when any finding is an
    /// [error](Severity::Error), whose numbers cannot be trusted; warnings and infos do not
    /// fail it (they stay in the `Ok` report). Python's `validate(strict=True)` draws the same
    /// line; [`into_result_denying_warnings`](Report::into_result_denying_warnings) fails on
    /// warnings too.
    ///
    /// ```
    /// let plan = workplan::Plan::from_yaml_str(
    ///     "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
    ///      items: [{id: a, title: A, due: 2021-06-30}]\n",
    /// )?;
    /// // A date outside the period is a warning: the plan passes, with its warning.
    /// let report = plan.validate().into_result().expect("no errors");
    /// assert_eq!(report.counts().warnings, 1);
    /// assert!(plan.validate().into_result_denying_warnings().is_err());
    ///
    /// let broken = workplan::Plan::from_yaml_str(
    ///     "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
    ///      items: [{id: A, title: A}]\n",
    /// )?;
    /// let refused = broken.validate().into_result().expect_err("`A` is not a valid id");
    /// assert_eq!(refused.diagnostics[0].code, workplan::DiagnosticCode::BadSlug);
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn into_result(self) -> Result<Report, Report> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(self)
        }
    }

    /// Like [`into_result`](Report::into_result), but warnings fail it too: what
    /// `workplan validate --deny-warnings` does. Infos never do.
    pub fn into_result_denying_warnings(self) -> Result<Report, Report> {
        let counts = self.counts();
        if counts.errors > 0 || counts.warnings > 0 {
            Err(self)
        } else {
            Ok(self)
        }
    }
}

impl From<Vec<Diagnostic>> for Report {
    /// The findings as a report, in the order given.
    fn from(diagnostics: Vec<Diagnostic>) -> Report {
        Report { diagnostics }
    }
}

impl FromIterator<Diagnostic> for Report {
    /// The findings as a report, in the order given.
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(diagnostics: I) -> Report {
        Report { diagnostics: diagnostics.into_iter().collect() }
    }
}

impl fmt::Display for Diagnostic {
    /// On one line: `severity[code] path (place): message (hint: hint)`, where the place is the
    /// document when it is the separate returns, and the line and column (or the workbook cell)
    /// when known; line breaks inside the texts are written `\n`.
    ///
    /// With `{:#}`, as `workplan validate` prints it (without a file name): `line:column:
    /// severity[code]: message` (the cell, `Q3!A124: ...`, for a workbook), then the hint on a
    /// line of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return self.fmt_block(f);
        }
        use fmt::Write as _;
        let mut out = OneLine(f);
        write!(out, "{}[{}]", self.severity, self.code)?;
        if !self.path.is_root() {
            write!(out, " {}", self.path)?;
        }
        let mut place: Vec<String> = Vec::new();
        if self.document != Document::Plan {
            place.push(self.document.to_string());
        }
        match (&self.sheet, self.line, self.column) {
            (Some(sheet), Some(row), Some(column)) => {
                let cell = crate::Location::cell(self.path.clone(), sheet, row, column);
                place.push(format!("cell {}", cell.cell_reference().unwrap_or_default()));
            }
            (None, Some(line), Some(column)) => place.push(format!("line {line}, column {column}")),
            _ => {}
        }
        if !place.is_empty() {
            write!(out, " ({})", place.join(", "))?;
        }
        write!(out, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(out, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// The form `workplan validate` prints (see [`Display`](fmt::Display), `{:#}`).
    fn fmt_block(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

/// Writes through to a formatter with line breaks written as `\n` and `\r`, to keep a finding
/// on one line whatever its texts hold.
struct OneLine<'a, 'f>(&'a mut fmt::Formatter<'f>);

impl fmt::Write for OneLine<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(['\n', '\r']) {
            self.0.write_str(&rest[..at])?;
            self.0.write_str(if rest.as_bytes()[at] == b'\n' { "\\n" } else { "\\r" })?;
            rest = &rest[at + 1..];
        }
        self.0.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::{Diagnostic, Document, Report, Severity};
    use crate::io::Pointer;
    use crate::DiagnosticCode;

    fn finding(code: DiagnosticCode, document: Document, path: &str, message: &str) -> Diagnostic {
        Diagnostic::new(code, document, Pointer::parse(path), message)
    }

    #[test]
    fn a_new_finding_has_its_code_s_severity() {
        for &code in DiagnosticCode::ALL {
            let made = finding(code, Document::Plan, "/id", "m");
            assert_eq!((made.code, made.severity), (code, code.severity()));
        }
    }

    #[test]
    fn a_finding_prints_on_one_line_and_as_the_cli_prints_it_with_the_alternate_flag() {
        let mut due = finding(DiagnosticCode::DueOutsidePeriod, Document::Plan, "/items/2/due", "Late.");
        (due.line, due.column) = (Some(14), Some(12));
        due.hint("move it");
        assert_eq!(
            due.to_string(),
            "warning[due_outside_period] /items/2/due (line 14, column 12): Late. (hint: move it)"
        );
        assert_eq!(format!("{due:#}"), "14:12: warning[due_outside_period]: Late.\n  = hint: move it");

        let mut note = finding(DiagnosticCode::SummaryRowSkipped, Document::Updates, "", "A total.");
        (note.line, note.column, note.sheet) = (Some(124), Some(1), Some("Q3".to_owned()));
        assert_eq!(note.to_string(), "warning[summary_row_skipped] (updates, cell Q3!A124): A total.");
        assert_eq!(format!("{note:#}"), "Q3!A124: warning[summary_row_skipped]: A total.");

        let nowhere = finding(DiagnosticCode::UnknownUpdateItem, Document::Updates, "/3/item", "No item.");
        assert_eq!(nowhere.to_string(), "error[unknown_update_item] /3/item (updates): No item.");
        assert_eq!(format!("{nowhere:#}"), "error[unknown_update_item]: No item.");

        let mut broken = finding(DiagnosticCode::BadSlug, Document::Plan, "/id", "The id `a\nb` is bad.\r");
        broken.hint("one\ntwo");
        let line = broken.to_string();
        assert_eq!(line, "error[bad_slug] /id: The id `a\\nb` is bad.\\r (hint: one\\ntwo)");
        assert_eq!(line.lines().count(), 1);
    }

    #[test]
    fn every_finding_of_a_plan_prints_on_one_line() {
        let plan = crate::validate::tests::plan(
            "items:\n- {id: \"Bad\\nId\", title: '', due: 2022-01-01}\n- {id: \"Bad\\nId\", title: B}\n",
        );
        let report = plan.validate();
        assert!(report.counts().errors >= 3, "{report:#?}");
        for finding in &report.diagnostics {
            let line = finding.to_string();
            assert_eq!(line.lines().count(), 1, "{line}");
            let head = format!("{}[{}] {} (line ", finding.severity, finding.code, finding.path);
            assert!(line.starts_with(&head), "{line}");
        }
    }

    #[test]
    fn into_result_fails_on_errors_and_denying_warnings_on_warnings_too() {
        let report = |codes: &[DiagnosticCode]| -> Report {
            codes.iter().map(|&c| finding(c, Document::Plan, "/id", "m")).collect()
        };
        let info = report(&[DiagnosticCode::UnresolvedLink]);
        let warning = report(&[DiagnosticCode::UnresolvedLink, DiagnosticCode::DueOutsidePeriod]);
        let error = report(&[DiagnosticCode::DueOutsidePeriod, DiagnosticCode::BadSlug]);
        assert_eq!(Report::default().into_result(), Ok(Report::default()));
        assert_eq!(info.clone().into_result(), Ok(info.clone()));
        assert_eq!(info.clone().into_result_denying_warnings(), Ok(info));
        assert_eq!(warning.clone().into_result(), Ok(warning.clone()));
        assert_eq!(warning.clone().into_result_denying_warnings(), Err(warning));
        assert_eq!(error.clone().into_result(), Err(error.clone()));
        assert_eq!(error.clone().into_result_denying_warnings(), Err(error));
    }

    #[test]
    fn a_report_reads_back_from_its_json() {
        let plan = crate::validate::tests::plan(
            "items:\n- {id: A, title: '', due: 2022-01-01, links: [{to: 'other:x'}]}\nupdates:\n- {item: b, date: 2020-06-30}\n",
        );
        let updates = crate::Updates::from_csv("item,date,percent\n\nAb,2020-06-30, 40 \n").expect("returns");
        let report = plan.validate_with(&updates);
        let severities: std::collections::BTreeSet<Severity> = report.diagnostics.iter().map(|d| d.severity).collect();
        assert_eq!(severities.len(), 3, "{report:#?}");
        assert!(report.diagnostics.iter().any(|d| d.document == Document::Updates && d.hint.is_some()), "{report:#?}");
        let json = serde_json::to_value(&report).expect("serializes");
        assert_eq!(json["diagnostics"][0]["code"], "bad_slug");
        assert_eq!(serde_json::from_value::<Report>(json).ok(), Some(report.clone()));
        let counts = serde_json::to_value(report.counts()).expect("serializes");
        assert_eq!(serde_json::from_value::<super::Counts>(counts).ok(), Some(report.counts()));
        let unknown = serde_json::json!({"diagnostics": [{"code": "bad_slugs", "severity": "error"}]});
        let error = serde_json::from_value::<Report>(unknown).expect_err("not a code").to_string();
        assert!(error.contains("`bad_slugs` is not a diagnostic code"), "{error}");
    }
}
