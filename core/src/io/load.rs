//! Loading and saving plans and updates: the public entry points of the `io` module.

use std::path::Path;

use super::format::{from_json_value, read_text_file, text_from_bytes};
use super::mapping::fraction_to_percent;
use super::returns::ReadOptions;
use super::{csv, save};
use crate::document::LoadError;
use crate::document::PercentScale;
use crate::document::Source;
use crate::document::{without_bom, Format};
use crate::document::{Location, Pointer};
use crate::model::{Plan, Updates};

/// Reads returns from a workbook's bytes.
#[cfg(feature = "spreadsheet")]
fn read_workbook(bytes: Vec<u8>, options: &ReadOptions) -> Result<Updates, LoadError> {
    super::sheet::read_workbook(bytes, options)
}

/// Without the `spreadsheet` feature, a workbook is refused with what to do instead.
#[cfg(not(feature = "spreadsheet"))]
fn read_workbook(_: Vec<u8>, _: &ReadOptions) -> Result<Updates, LoadError> {
    Err(LoadError::Encoding {
        message: "this is a workbook (Excel or OpenDocument), which this build of workplan does not read: save the sheet as CSV (UTF-8), or read it with the workplan CLI or Python package".to_owned(),
        location: Location::new(Pointer::root(), None),
    })
}

/// Reads a plan from JSON or YAML text and keeps the text as its source.
fn plan_from_text(text: &str, format: Format) -> Result<Plan, LoadError> {
    let text = without_bom(text);
    let mut plan: Plan = super::format::from_text(text, format)?;
    plan.source = Source::new(text, format).with_shape(crate::model::shape::plan_shape(&plan));
    Ok(plan)
}

/// Reads a plan from text it owns, which becomes the plan's source without a copy (for files:
/// a plan of 1 GB of JSON then needs 1 GB less memory).
fn plan_from_owned_text(mut text: String, format: Format) -> Result<Plan, LoadError> {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let mut plan: Plan = super::format::from_text(&text, format)?;
    plan.source = Source::from_string(text, format).with_shape(crate::model::shape::plan_shape(&plan));
    Ok(plan)
}

/// Reads updates from JSON or YAML text and keeps the text as their source.
fn updates_from_text(text: &str, format: Format) -> Result<Updates, LoadError> {
    let text = without_bom(text);
    let updates: Vec<crate::model::Update> = super::format::from_text(text, format)?;
    Ok(Updates::with_source(updates, Source::new(text, format)))
}

impl Plan {
    /// Reads a plan from JSON text.
    ///
    /// ```
    /// let plan = workplan::Plan::from_json_str(
    ///     r#"{"workplan": 1, "id": "demo", "title": "Demo",
    ///         "period": {"start": "2020-04-01", "end": "2021-03-31"}}"#,
    /// )?;
    /// assert_eq!(plan.id, "demo");
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Plan, LoadError> {
        plan_from_text(text, Format::Json)
    }

    /// Reads a plan from YAML text.
    ///
    /// ```
    /// let error = workplan::Plan::from_yaml_str(
    ///     "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
    ///      items:\n  - id: a\n    tittle: Typo\n",
    /// ).unwrap_err();
    /// assert_eq!(error.to_string(), "unknown field `tittle` at /items/0, did you mean `title`?");
    /// assert_eq!((error.line(), error.column()), (Some(7), Some(5)));
    /// ```
    pub fn from_yaml_str(text: &str) -> Result<Plan, LoadError> {
        plan_from_text(text, Format::Yaml)
    }

    /// Reads a plan from text in the given format (JSON or YAML).
    pub fn from_str_as(text: &str, format: Format) -> Result<Plan, LoadError> {
        plan_from_text(text, format)
    }

    /// Reads a plan from a `.json`, `.yaml` or `.yml` file (other names: JSON if the text starts
    /// with `{`, else YAML).
    pub fn load(path: impl AsRef<Path>) -> Result<Plan, LoadError> {
        let path = path.as_ref();
        let text = read_text_file(path)?;
        let format = match Format::from_path(path) {
            Some(Format::Csv) | None => Format::sniff(&text),
            Some(format) => format,
        };
        plan_from_owned_text(text, format)
    }

    /// Reads a plan from a file as [`load`](Self::load) does, without keeping its text: findings
    /// about it have their path but no line or column, as after
    /// [`forget_text`](Self::forget_text). A `.json` file is read as a stream into the model, so
    /// that the peak memory is the plan's rather than the plan's and its text's (`workplan
    /// report` in its row formats, whose findings are known before it rolls up); when that
    /// fails in any way, the file is read whole as `load` reads it, which gives the same plan or
    /// the error with its line and column. Files of other formats are read whole.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("workplan-doc-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("plan.json");
    /// std::fs::write(&path, r#"{"workplan": 1, "id": "demo", "title": "Demo",
    ///     "period": {"start": "2020-04-01", "end": "2021-03-31"}}"#)?;
    /// assert_eq!(workplan::Plan::load_without_text(&path)?, workplan::Plan::load(&path)?);
    /// std::fs::write(&path, "{\"workplan\": 1,\n \"id\": 7}")?;
    /// let error = workplan::Plan::load_without_text(&path).unwrap_err();
    /// assert_eq!((error.line(), error.column()), (Some(2), Some(8)));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load_without_text(path: impl AsRef<Path>) -> Result<Plan, LoadError> {
        let path = path.as_ref();
        #[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
        if Format::from_path(path) == Some(Format::Json) {
            if let Some(plan) = super::format::straight_from_json_file(path) {
                return Ok(plan);
            }
            // The text whole, straight to the located reader: `serde_json` would fail on it again
            // as it failed on the stream (a million keys, the last repeated: 2.1 s against 1.5 s).
            let text = read_text_file(path)?;
            return super::format::located_from_json(&text);
        }
        let mut plan = Plan::load(path)?;
        plan.forget_text();
        Ok(plan)
    }

    /// Reads a plan from bytes of UTF-8 text in the given format (`None`: JSON if the text
    /// starts with `{`, else YAML). Invalid UTF-8 is an `encoding_error` with its position.
    pub fn from_bytes(bytes: &[u8], format: Option<Format>) -> Result<Plan, LoadError> {
        let text = text_from_bytes(bytes.to_vec())?;
        let format = match format {
            Some(Format::Csv) | None => Format::sniff(&text),
            Some(format) => format,
        };
        plan_from_owned_text(text, format)
    }

    /// Reads a plan from a JSON value (no line and column in errors).
    pub fn from_json_value(value: serde_json::Value) -> Result<Plan, LoadError> {
        from_json_value(value)
    }

    /// The plan as a JSON value, keys in the format's order, `x-` keys kept.
    pub fn to_json_value(&self) -> serde_json::Value {
        save::to_json_value(self)
    }

    /// The plan as pretty JSON text.
    pub fn to_json_string(&self) -> String {
        save::to_json_string(self)
    }

    /// The plan as YAML text.
    pub fn to_yaml_string(&self) -> String {
        save::to_yaml_string(self)
    }
}

impl Updates {
    /// Reads progress returns from CSV text (header row required).
    ///
    /// ```
    /// let updates = workplan::Updates::from_csv("item,date,percent\nfinance.1.a,2020-06-30,40\n")?;
    /// assert_eq!(updates[0].percent, Some(40.0));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn from_csv(text: &str) -> Result<Updates, LoadError> {
        csv::read_updates(text, &ReadOptions::default())
    }

    /// Reads progress returns from CSV text with a mapping of its columns and words, failing on
    /// every bad row at once or setting bad rows aside (`docs/returns.md`).
    ///
    /// ```
    /// use workplan::{Mapping, ReadOptions, Updates};
    /// let mapping: Mapping = serde_json::from_str(r#"{"columns": {"Output": "item"}, "status": "rag"}"#).unwrap();
    /// let text = "Output,Date,Status,% done\nfinance.1.a,2020-06-30,Amber,40\n";
    /// let error = Updates::from_csv_with(text, &ReadOptions::with_mapping(mapping.clone())).unwrap_err();
    /// assert_eq!(error.to_string(), "unknown column `% done` in the header (line 1, column 20)");
    /// let mut mapping = mapping;
    /// mapping.columns.insert("% done".into(), "percent".into());
    /// let updates = Updates::from_csv_with(text, &ReadOptions::with_mapping(mapping))?;
    /// assert_eq!(updates[0].status, Some(workplan::UpdateStatus::AtRisk));
    /// # Ok::<(), workplan::LoadError>(())
    /// ```
    pub fn from_csv_with(text: &str, options: &ReadOptions) -> Result<Updates, LoadError> {
        csv::read_updates(text, options)
    }

    /// Reads progress returns from a JSON list of updates.
    pub fn from_json_str(text: &str) -> Result<Updates, LoadError> {
        updates_from_text(text, Format::Json)
    }

    /// Reads progress returns from a YAML list of updates.
    pub fn from_yaml_str(text: &str) -> Result<Updates, LoadError> {
        updates_from_text(text, Format::Yaml)
    }

    /// Reads progress returns from a `.csv`, `.json`, `.yaml` or `.yml` file, or a workbook
    /// (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) when built with the `spreadsheet` feature.
    pub fn load(path: impl AsRef<Path>) -> Result<Updates, LoadError> {
        Updates::load_with(path, &ReadOptions::default())
    }

    /// Reads progress returns from a file with a mapping (see [`Updates::from_csv_with`]).
    pub fn load_with(path: impl AsRef<Path>, options: &ReadOptions) -> Result<Updates, LoadError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|reason| LoadError::Io { file: path.to_path_buf(), reason })?;
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let workbook = matches!(extension.as_deref(), Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods"));
        Updates::from_bytes_as(bytes, if workbook { None } else { Format::from_path(path) }, options, workbook)
    }

    /// Reads progress returns from bytes: a workbook (recognised by its first bytes, with the
    /// `spreadsheet` feature), or UTF-8 text in the given format (`None`: JSON if the text
    /// starts with `[` or `{`, else CSV).
    pub fn from_bytes(bytes: &[u8], format: Option<Format>) -> Result<Updates, LoadError> {
        Updates::from_bytes_as(bytes.to_vec(), format, &ReadOptions::default(), false)
    }

    /// Reads progress returns from bytes with a mapping (see [`Updates::from_bytes`]).
    pub fn from_bytes_with(bytes: &[u8], format: Option<Format>, options: &ReadOptions) -> Result<Updates, LoadError> {
        Updates::from_bytes_as(bytes.to_vec(), format, options, false)
    }

    fn from_bytes_as(
        bytes: Vec<u8>,
        format: Option<Format>,
        options: &ReadOptions,
        workbook: bool,
    ) -> Result<Updates, LoadError> {
        if workbook || super::is_workbook(&bytes) {
            return read_workbook(bytes, options);
        }
        let text = text_from_bytes(bytes)?;
        Updates::from_text(&text, format, options)
    }

    fn from_text(text: &str, format: Option<Format>, options: &ReadOptions) -> Result<Updates, LoadError> {
        match format.unwrap_or_else(|| match Format::sniff(text) {
            Format::Json => Format::Json,
            _ => Format::Csv,
        }) {
            Format::Csv => csv::read_updates(text, options),
            format => {
                let mapping = &options.mapping;
                if !mapping.columns.is_empty() || !mapping.ignore.is_empty() || mapping.status.is_some() {
                    return Err(LoadError::InvalidValue {
                        message: "a mapping's `columns`, `ignore` and `status` apply to tables (CSV, workbooks, data frames), not to JSON or YAML returns".to_owned(),
                        location: Location::new(Pointer::root(), None),
                    });
                }
                let mut updates = updates_from_text(text, format)?;
                updates.read.percent_scale = mapping.percent_scale;
                if mapping.percent_scale == PercentScale::Fraction {
                    for update in &mut updates.updates {
                        update.percent = update.percent.map(fraction_to_percent);
                    }
                }
                Ok(updates)
            }
        }
    }

    /// Reads progress returns from a JSON value (a list of update objects).
    pub fn from_json_value(value: serde_json::Value) -> Result<Updates, LoadError> {
        from_json_value(value)
    }

    /// The updates as a JSON value.
    pub fn to_json_value(&self) -> serde_json::Value {
        save::to_json_value(self)
    }

    /// The updates as pretty JSON text.
    pub fn to_json_string(&self) -> String {
        save::to_json_string(self)
    }

    /// The updates as CSV text.
    pub fn to_csv_string(&self) -> String {
        csv::write_updates(self)
    }
}
