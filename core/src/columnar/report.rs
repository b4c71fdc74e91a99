//! Validation findings as a record batch: one row per [`Diagnostic`](crate::Diagnostic), in the
//! report's order.

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, SchemaRef};

use super::{batch, category, counts, labels, schema, texts, words};
use crate::validate::{Document, Report, Severity};

/// The severities, worst first.
const SEVERITIES: &[(Severity, &str)] =
    &[(Severity::Error, "error"), (Severity::Warning, "warning"), (Severity::Info, "info")];

/// The documents a finding can point into.
const DOCUMENTS: &[(Document, &str)] = &[(Document::Plan, "plan"), (Document::Updates, "updates")];

/// The schema of [`Report::to_record_batch`]: `code` (dictionary of the codes present),
/// `severity` (dictionary: `error`, `warning`, `info`), `message`, `path` (the JSON Pointer as
/// text, `/items/0/due`), `item`, `line`, `column` (`UInt64`, from 1), `hint`, `document`
/// (dictionary: `plan`, `updates`) and `sheet` (the workbook sheet of a return read from one).
pub fn report_schema() -> SchemaRef {
    schema(vec![
        category("code", false, false),
        category("severity", false, false),
        Field::new("message", DataType::Utf8, false),
        Field::new("path", DataType::Utf8, false),
        Field::new("item", DataType::Utf8, true),
        Field::new("line", DataType::UInt64, true),
        Field::new("column", DataType::UInt64, true),
        Field::new("hint", DataType::Utf8, true),
        category("document", false, false),
        Field::new("sheet", DataType::Utf8, true),
    ])
}

impl Report {
    /// The findings as one record batch (schema: [`report_schema`]), in the report's order.
    pub fn to_record_batch(&self) -> RecordBatch {
        let findings = &self.diagnostics;
        let paths: Vec<String> = findings.iter().map(|d| d.path.to_string()).collect();
        batch(
            report_schema(),
            vec![
                labels(findings.iter().map(|d| Some(d.code.as_str()))),
                words(findings.iter().map(|d| Some(d.severity)), SEVERITIES),
                texts(findings.iter().map(|d| Some(d.message.as_str()))),
                texts(paths.iter().map(|p| Some(p.as_str()))),
                texts(findings.iter().map(|d| d.item.as_deref())),
                counts(findings.iter().map(|d| d.line)),
                counts(findings.iter().map(|d| d.column)),
                texts(findings.iter().map(|d| d.hint.as_deref())),
                words(findings.iter().map(|d| Some(d.document)), DOCUMENTS),
                texts(findings.iter().map(|d| d.sheet.as_deref())),
            ],
        )
    }
}
