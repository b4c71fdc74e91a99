//! `workplan portfolio`: many plans rolled up in parallel into four tables with the plan's id as a
//! column (docs/portfolio.md): the rows to `-o OUT`, the adoption cells, findings, denominator
//! audit and links beside it (`OUT` with `-cells`, `-findings`, `-excluded`, `-links` before the
//! extension), as Parquet, Arrow IPC, CSV or JSON, each plan written as it is done.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use workplan::portfolio::{PlanFailure, PlanRollup, Portfolio, PortfolioError, PortfolioOptions, PortfolioTable};
use workplan::{Date, RollupOptions, Timestamp};

use crate::returns::ReadArgs;

/// The file formats of a portfolio's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PortfolioFormat {
    /// Parquet, snappy-compressed.
    Parquet,
    /// An Arrow IPC file.
    Arrow,
    /// CSV with a header.
    Csv,
    /// A JSON array of objects.
    Json,
}

impl PortfolioFormat {
    /// The format a file's extension names.
    fn from_path(path: &Path) -> Option<PortfolioFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "parquet" => Some(PortfolioFormat::Parquet),
            "arrow" | "feather" | "ipc" => Some(PortfolioFormat::Arrow),
            "csv" => Some(PortfolioFormat::Csv),
            "json" => Some(PortfolioFormat::Json),
            _ => None,
        }
    }
}

/// The command's inputs.
pub struct Request<'a> {
    pub sources: &'a [PathBuf],
    pub as_of: Option<Date>,
    pub known_at: Option<Timestamp>,
    pub format: Option<PortfolioFormat>,
    pub out: &'a Path,
    pub fail_fast: bool,
    pub threads: Option<usize>,
    pub read: &'a ReadArgs,
}

pub fn run(request: &Request<'_>) -> ExitCode {
    let Some(format) = request.format.or_else(|| PortfolioFormat::from_path(request.out)) else {
        eprintln!(
            "error: {}: name the format with --format parquet|arrow|csv|json (the extension does not say)",
            request.out.display()
        );
        return ExitCode::from(2);
    };
    let read = match request.read.options() {
        Ok(read) => read,
        Err(lines) => {
            eprintln!("{lines}");
            return ExitCode::FAILURE;
        }
    };
    let portfolio = match Portfolio::open(request.sources) {
        Ok(portfolio) => portfolio,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut options = PortfolioOptions::default();
    options.rollup = RollupOptions { as_of: request.as_of, known_at: request.known_at, settings: None };
    options.read = read;
    options.fail_fast = request.fail_fast;
    options.threads = request.threads;

    // The tables go into one folder, made if missing (like `generate --plans`'s).
    if let Some(folder) = request.out.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        if let Err(error) = std::fs::create_dir_all(folder) {
            eprintln!("error: {}: {error}", folder.display());
            return ExitCode::FAILURE;
        }
    }
    let mut writers = Vec::new();
    for table in PortfolioTable::ALL {
        let path = beside(request.out, table.suffix());
        match TableWriter::create(&path, table, format) {
            Ok(writer) => writers.push(writer),
            Err(error) => {
                eprintln!("error: {}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let (mut plans, mut rows, mut failures) = (0usize, 0usize, 0usize);
    let ran = portfolio.rollup_each(&options, |outcome| -> Result<(), Failure> {
        match outcome {
            Ok(plan) => {
                plans += 1;
                rows += plan.rollup.rows.len();
                for writer in &mut writers {
                    writer.write(&plan).map_err(|error| Failure::Write(writer.path.clone(), error))?;
                }
            }
            Err(failure) => {
                failures += 1;
                eprintln!("{}", render_failure(&failure));
            }
        }
        Ok(())
    });
    if let Err(failure) = ran {
        match failure {
            Failure::Portfolio(PortfolioError::Plan(failure)) => eprintln!("{}", render_failure(&failure)),
            Failure::Portfolio(error) => eprintln!("error: {error}"),
            Failure::Write(path, error) => eprintln!("error: {}: {error}", path.display()),
        }
        return ExitCode::FAILURE;
    }
    for writer in writers {
        let path = writer.path.clone();
        if let Err(error) = writer.finish() {
            eprintln!("error: {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "{}: {plans} plan{} rolled up, {rows} rows{}",
        request.out.display(),
        if plans == 1 { "" } else { "s" },
        if failures == 0 { String::new() } else { format!("; {failures} left out (above)") }
    );
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A plan that failed, compiler-style: each problem of a file that does not load on its own line
/// with its line and column.
fn render_failure(failure: &PlanFailure) -> String {
    match failure {
        PlanFailure::Plan { file, error } => crate::validate::render(file, error),
        PlanFailure::Returns { plan, file, error } => {
            format!("{}\n  = note: the returns of {}, left out", crate::validate::render(file, error), plan.display())
        }
        other => format!("error: {other}"),
    }
}

/// Why a run stopped.
enum Failure {
    /// The portfolio could not be read, or a plan failed with `--fail-fast`.
    Portfolio(PortfolioError),
    /// A table could not be written.
    Write(PathBuf, String),
}

impl From<PortfolioError> for Failure {
    fn from(error: PortfolioError) -> Self {
        Failure::Portfolio(error)
    }
}

/// `out` with `suffix` before its extension: `rows.parquet` + `-cells` is `rows-cells.parquet`.
fn beside(out: &Path, suffix: &str) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match out.extension() {
        Some(extension) => format!("{stem}{suffix}.{}", extension.to_string_lossy()),
        None => format!("{stem}{suffix}"),
    };
    out.with_file_name(name)
}

/// One table's file, written plan by plan.
struct TableWriter {
    path: PathBuf,
    table: PortfolioTable,
    sink: Sink,
}

/// The writer of each format.
enum Sink {
    Parquet(parquet::arrow::ArrowWriter<BufWriter<File>>),
    Arrow(arrow_ipc::writer::FileWriter<BufWriter<File>>),
    /// CSV: the columns after `plan`.
    Csv(BufWriter<File>, Vec<String>),
    /// JSON: whether an object has been written yet.
    Json(BufWriter<File>, bool),
}

impl TableWriter {
    fn create(path: &Path, table: PortfolioTable, format: PortfolioFormat) -> Result<TableWriter, String> {
        let file = BufWriter::new(File::create(path).map_err(|e| e.to_string())?);
        let schema = table.schema();
        let sink = match format {
            PortfolioFormat::Parquet => {
                let properties = parquet::file::properties::WriterProperties::builder()
                    .set_compression(parquet::basic::Compression::SNAPPY)
                    .build();
                Sink::Parquet(
                    parquet::arrow::ArrowWriter::try_new(file, schema, Some(properties)).map_err(|e| e.to_string())?,
                )
            }
            PortfolioFormat::Arrow => {
                Sink::Arrow(arrow_ipc::writer::FileWriter::try_new(file, &schema).map_err(|e| e.to_string())?)
            }
            PortfolioFormat::Csv => {
                let columns = csv_columns(table);
                let mut file = file;
                writeln!(file, "plan,{}", columns.join(",")).map_err(|e| e.to_string())?;
                Sink::Csv(file, columns)
            }
            PortfolioFormat::Json => {
                let mut file = file;
                file.write_all(b"[").map_err(|e| e.to_string())?;
                Sink::Json(file, false)
            }
        };
        Ok(TableWriter { path: path.to_owned(), table, sink })
    }

    /// Writes one plan's part of the table.
    fn write(&mut self, plan: &PlanRollup) -> Result<(), String> {
        let table = self.table;
        match &mut self.sink {
            Sink::Parquet(writer) => writer.write(&plan.record_batch(table)).map_err(|e| e.to_string()),
            Sink::Arrow(writer) => writer.write(&plan.record_batch(table)).map_err(|e| e.to_string()),
            Sink::Csv(writer, columns) => {
                for record in records(plan, table) {
                    write!(writer, "{}", csv_cell(&serde_json::Value::String(plan.plan.clone())))
                        .map_err(|e| e.to_string())?;
                    for column in columns.iter() {
                        write!(writer, ",{}", csv_cell(&record[column.as_str()])).map_err(|e| e.to_string())?;
                    }
                    writer.write_all(b"\n").map_err(|e| e.to_string())?;
                }
                Ok(())
            }
            Sink::Json(writer, started) => {
                for record in records(plan, table) {
                    let mut object = serde_json::Map::new();
                    object.insert("plan".to_owned(), plan.plan.clone().into());
                    if table == PortfolioTable::Rows {
                        object.insert("as_of".to_owned(), plan.rollup.as_of.to_string().into());
                    }
                    if let serde_json::Value::Object(fields) = record {
                        object.extend(fields);
                    }
                    writer.write_all(if *started { b",\n" } else { b"\n" }).map_err(|e| e.to_string())?;
                    serde_json::to_writer(&mut *writer, &object).map_err(|e| e.to_string())?;
                    *started = true;
                }
                Ok(())
            }
        }
    }

    /// Ends the file (Parquet's and Arrow's footers, JSON's closing bracket) and flushes it.
    fn finish(self) -> Result<(), String> {
        match self.sink {
            Sink::Parquet(writer) => writer.close().map(|_| ()).map_err(|e| e.to_string()),
            Sink::Arrow(mut writer) => writer.finish().map_err(|e| e.to_string()),
            Sink::Csv(mut writer, _) => writer.flush().map_err(|e| e.to_string()),
            Sink::Json(mut writer, _) => {
                writer.write_all(b"\n]\n").and_then(|()| writer.flush()).map_err(|e| e.to_string())
            }
        }
    }
}

/// One plan's part of a table as JSON objects, in their JSON forms (docs/rollup.md#the-json-form,
/// docs/diagnostics.md).
fn records(plan: &PlanRollup, table: PortfolioTable) -> Vec<serde_json::Value> {
    fn each<T: serde::Serialize>(values: &[T]) -> Vec<serde_json::Value> {
        values.iter().map(|v| serde_json::to_value(v).unwrap_or(serde_json::Value::Null)).collect()
    }
    match table {
        PortfolioTable::Rows => each(&plan.rollup.rows),
        PortfolioTable::Cells => each(&plan.rollup.adoption),
        // The path as a JSON Pointer's text (`/items/0/due`), as `workplan validate --format json`
        // and the Arrow column write it.
        PortfolioTable::Findings => plan
            .findings
            .diagnostics
            .iter()
            .zip(each(&plan.findings.diagnostics))
            .map(|(finding, mut record)| {
                record["path"] = finding.path.to_string().into();
                record
            })
            .collect(),
        PortfolioTable::Excluded => each(&plan.rollup.excluded),
        PortfolioTable::Links => each(&plan.links),
    }
}

/// The CSV columns of a table after `plan`: those of `report --format csv` for the rows, the
/// table's own fields for the others.
fn csv_columns(table: PortfolioTable) -> Vec<String> {
    match table {
        PortfolioTable::Rows => crate::report::CSV_COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
        _ => table.schema().fields().iter().skip(1).map(|field| field.name().clone()).collect(),
    }
}

/// A JSON value as one CSV cell: nothing for null, text quoted when it must be.
fn csv_cell(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => crate::report::csv_text(s).into_owned(),
        other => other.to_string(),
    }
}
