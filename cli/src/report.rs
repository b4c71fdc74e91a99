//! `workplan report`: the rollup of a plan as a terminal tree (fit for 100 columns), JSON
//! (docs/rollup.md#the-json-form), CSV (one row per item), a committee paper, or the rows as an Arrow IPC or
//! Parquet file.

use std::path::Path;
use std::process::ExitCode;

use workplan::rollup::{Row, Trend};
use workplan::{percent, Date, DiagnosticCode, Plan, RollupEngine, RollupOptions, RollupStream, Timestamp, Updates};

use crate::columns::Binary;
use crate::returns::ReadArgs;

use crate::validate::render;

/// How the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A tree for the terminal.
    Text,
    /// The rollup as JSON.
    Json,
    /// One row per item.
    Csv,
    /// A committee paper in Markdown.
    Markdown,
    /// A committee paper as one self-contained HTML page.
    Html,
    /// The rows as an Arrow IPC file (needs `-o FILE`).
    Arrow,
    /// The rows as a Parquet file (needs `-o FILE`).
    Parquet,
}

/// The report's inputs, from the command line.
pub struct Request<'a> {
    pub plan: &'a Path,
    pub updates: Option<&'a Path>,
    pub read: &'a crate::returns::ReadArgs,
    pub as_of: Option<Date>,
    pub known_at: Option<Timestamp>,
    pub format: ReportFormat,
    /// Where to write the report (standard output when absent; required for Arrow and Parquet).
    pub out: Option<&'a Path>,
    /// Settings that override the plan's (`--missing`, `--coverage-threshold`).
    pub settings: Option<workplan::model::Settings>,
    /// How the papers (markdown, html) write dates and numbers (`--locale`).
    pub locale: workplan::Locale,
}

/// Loads the plan and its returns, printing every load error compiler-style, and on standard
/// error the findings about how the returns were read (rows skipped, percents that look like
/// fractions), which change what the numbers mean.
pub fn load(plan_file: &Path, updates_file: Option<&Path>, read: &ReadArgs) -> Result<(Plan, Updates), ExitCode> {
    load_plan(plan_file, updates_file, read, |path| Plan::load(path))
}

/// Like [`load`], reading the plan with `read_plan` ([`Plan::load`], or
/// [`Plan::load_without_text`] where its findings need no line and column).
fn load_plan(
    plan_file: &Path,
    updates_file: Option<&Path>,
    read: &ReadArgs,
    read_plan: fn(&Path) -> Result<Plan, workplan::LoadError>,
) -> Result<(Plan, Updates), ExitCode> {
    let plan = read_plan(plan_file).map_err(|error| {
        eprintln!("{}", render(plan_file, &error));
        ExitCode::FAILURE
    })?;
    let updates = match updates_file {
        None => Updates::default(),
        Some(file) => crate::returns::load(file, read).ok_or(ExitCode::FAILURE)?,
    };
    if let Some(file) = updates_file {
        for finding in updates.reading_findings().diagnostics.iter().filter(|d| {
            matches!(
                d.code,
                DiagnosticCode::PercentLooksFractional
                    | DiagnosticCode::BlankRowsSkipped
                    | DiagnosticCode::SummaryRowSkipped
                    | DiagnosticCode::CellsTrimmed
            )
        }) {
            eprintln!("{}", crate::validate::render_finding(file, finding));
        }
    }
    Ok((plan, updates))
}

pub fn run(request: &Request<'_>) -> ExitCode {
    let binary = match request.format {
        ReportFormat::Arrow => Some(Binary::Arrow),
        ReportFormat::Parquet => Some(Binary::Parquet),
        _ => None,
    };
    if binary.is_some() && request.out.is_none() {
        eprintln!("error: --format arrow and --format parquet write a binary file: name it with -o FILE");
        return ExitCode::from(2);
    }
    let rows_only =
        matches!(request.format, ReportFormat::Json | ReportFormat::Csv | ReportFormat::Arrow | ReportFormat::Parquet);
    let options =
        RollupOptions { as_of: request.as_of, known_at: request.known_at, settings: request.settings.clone() };
    // Each row is made as it is written (Arrow and Parquet are written by columns, from every row).
    let write_rows = |rollup: RollupStream| match (binary, request.out, request.format) {
        (Some(binary), Some(out), _) => crate::columns::write(&rollup.into_rollup(), binary, out),
        (_, out, ReportFormat::Csv) => write_to(out, |writer| csv_to(writer, rollup.rows())),
        (_, out, _) => write_to(out, |writer| json_to(writer, &rollup)),
    };
    if rows_only && request.updates.is_none() {
        // The rows alone are written and no finding is printed: the plan is read keeping only
        // what the rollup needs (a JSON plan as a stream, its returns compactly).
        return match RollupStream::load(request.plan, Updates::new(), &options) {
            Ok(rollup) => write_rows(rollup),
            Err(error) => {
                eprintln!("{}", render(request.plan, &error));
                ExitCode::FAILURE
            }
        };
    }
    // The rows alone are written, and no finding of the plan is printed: its text is not kept
    // (a JSON plan is read as a stream).
    let read_plan: fn(&Path) -> Result<Plan, workplan::LoadError> =
        if rows_only { |path| Plan::load_without_text(path) } else { |path| Plan::load(path) };
    let (plan, mut updates) = match load_plan(request.plan, request.updates, request.read, read_plan) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if rows_only {
        // The findings of the returns that need a line and column are printed, so their text
        // goes now; the engine lets go of the plan and the returns as soon as it has what it
        // needs from them; its rows become the result's. So peak memory is the largest of
        // reading, rolling up and writing, not their sum.
        updates.forget_text();
        return write_rows(RollupStream::from_owned(plan, updates, &options));
    }
    let engine = RollupEngine::new(&plan, &updates, &options);
    let settings = *engine.settings();
    let rollup = engine.into_rollup();
    let report = match request.format {
        ReportFormat::Markdown => rollup.to_markdown_with(&plan, &settings, &request.locale),
        ReportFormat::Html => rollup.to_html_with(&plan, &settings, &request.locale),
        // Text (the row formats were written above).
        _ => text(&plan, &rollup, &settings),
    };
    match request.out {
        None => print!("{report}"),
        Some(out) => {
            if let Err(error) = std::fs::write(out, report) {
                eprintln!("error: {}: {error}", out.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// Writes a report to `out` (standard output when `None`) with `write`, as it is made, buffered:
/// the output of a large plan is larger than the plan, so it is never built whole.
fn write_to(out: Option<&Path>, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> ExitCode {
    let written = match out {
        None => buffered(std::io::stdout().lock(), write),
        Some(path) => std::fs::File::create(path).and_then(|file| buffered(file, write)),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let place = out.map_or_else(|| "standard output".to_owned(), |path| path.display().to_string());
            eprintln!("error: {place}: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `write` into `writer` through a buffer, flushed at the end.
fn buffered(
    writer: impl std::io::Write,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut writer = std::io::BufWriter::new(writer);
    write(&mut writer)?;
    writer.flush()
}

/// The rollup as pretty JSON and a newline, into `writer`, as it is serialized.
fn json_to(writer: &mut dyn std::io::Write, rollup: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *writer, rollup)?;
    writer.write_all(b"\n")
}

/// A bar of `width` cells: filled to `progress`, with `|` at `expected`.
fn bar(progress: Option<f64>, expected: Option<f64>, width: usize) -> String {
    let filled = progress.map_or(0, |p| (p * width as f64).round() as usize).min(width);
    let marker = expected.map(|e| ((e * width as f64).round() as usize).min(width - 1));
    (0..width)
        .map(|i| match (Some(i) == marker, i < filled) {
            (true, _) => '|',
            (false, true) => '#',
            (false, false) => {
                if progress.is_some() {
                    '.'
                } else {
                    ' '
                }
            }
        })
        .collect()
}

fn trend_arrow(trend: Option<Trend>) -> &'static str {
    match trend {
        Some(Trend::Improving) => "up",
        Some(Trend::Worsening) => "down",
        Some(Trend::Steady) => "=",
        None => "",
    }
}

/// How much of a row's data is in, compact for a terminal column: `12/33 members`, `5/7 items`,
/// `return in`, `no return` (the words of `Row::coverage_words`, shortened).
fn data_in(row: &Row) -> String {
    if !row.included {
        return String::new();
    }
    if let (Some(reported), Some(adopted)) = (row.members_reported, row.members_adopted) {
        return format!("{reported}/{adopted} members");
    }
    if row.is_leaf {
        return row.coverage_words();
    }
    let items = format!("{}/{} items", row.leaves_with_data, row.leaves);
    match row.coverage {
        Some(c) if row.leaves > 0 && (c - row.leaves_with_data as f64 / row.leaves as f64).abs() > 0.0005 => {
            format!("{items}, {}", percent(Some(c)))
        }
        _ => items,
    }
}

fn truncate(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= width {
        format!("{text:<width$}")
    } else {
        let cut: String = chars[..width.saturating_sub(3)].iter().collect();
        format!("{cut}...")
    }
}

fn text(plan: &Plan, rollup: &workplan::Rollup, settings: &workplan::rollup::EffectiveSettings) -> String {
    let mut out = String::new();
    out.push_str(&format!("{} ({})\n", plan.title, plan.id));
    out.push_str(
        &format!(
            "as of {} | period {} to {} | weighting {:?}, missing {:?}, bands {}/{}\n",
            rollup.as_of,
            plan.period.start,
            plan.period.end,
            settings.weighting,
            settings.missing,
            settings.at_risk * 100.0,
            settings.off_track * 100.0
        )
        .to_lowercase(),
    );
    out.push_str(&format!(
        "{:<31} {:<14} {:>6} {:>6} {:<13} {:<5} {}\n",
        "item", "progress |=exp.", "prog.", "exp.", "status", "trend", "data in"
    ));
    for row in &rollup.rows {
        let indent = "  ".repeat(row.depth);
        let label = row.label.as_deref().map(|l| format!("{l} ")).unwrap_or_default();
        let name = truncate(&format!("{indent}{label}{}", row.title), 31);
        let status = if !row.included {
            format!("{:?}", row.state).to_lowercase()
        } else if row.status_source == workplan::rollup::StatusSource::Reported {
            format!("{} (r)", row.status.as_str().replace('_', " "))
        } else {
            row.status.as_str().replace('_', " ")
        };
        let stale = if row.stale == Some(true) { " stale" } else { "" };
        let low = if row.low_coverage { "! " } else { "" };
        out.push_str(&format!(
            "{name} {} {:>6} {:>6} {:<13} {:<5} {low}{}{stale}\n",
            bar(row.progress, row.expected, 14),
            percent(row.progress),
            percent(row.expected),
            status,
            trend_arrow(row.trend),
            data_in(row),
        ));
    }
    let counts = rollup.rows.iter().filter(|r| r.depth == 0 && r.included).fold(
        workplan::rollup::StatusCounts::default(),
        |mut acc, r| {
            acc.add_counts(&r.status_counts);
            acc
        },
    );
    out.push_str(&format!(
        "\nstatus: (r) as reported by the officer, else derived from progress against the schedule\n\
         data in: the returns behind each number; ! low coverage: under {} of the data, too little to judge\n",
        percent(Some(settings.coverage_threshold))
    ));
    out.push_str(&format!(
        "leaves: {} done, {} on track, {} at risk, {} off track, {} not started, {} no data; {} left out\n",
        counts.done,
        counts.on_track,
        counts.at_risk,
        counts.off_track,
        counts.not_started,
        counts.unknown,
        rollup.excluded.len()
    ));
    out
}

/// The columns of `report --format csv`, in order.
pub(crate) const CSV_COLUMNS: [&str; 28] = [
    "id",
    "parent",
    "depth",
    "level",
    "label",
    "title",
    "state",
    "included",
    "progress",
    "expected",
    "variance",
    "status",
    "reported_status",
    "derived_status",
    "status_source",
    "trend",
    "last_update",
    "stale",
    "coverage",
    "low_coverage",
    "leaves",
    "leaves_with_data",
    "value",
    "target",
    "unit",
    "members_in_scope",
    "members_adopted",
    "members_reported",
];

/// The rows as CSV into `writer`, one row at a time: each cell as the row's JSON has it (numbers
/// as JSON writes them, empty for null), quoted when it holds a comma, a quote or a line break.
/// Text as a CSV cell: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
pub(crate) fn csv_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

fn csv_to<R: std::borrow::Borrow<Row>>(
    writer: &mut dyn std::io::Write,
    rows: impl IntoIterator<Item = R>,
) -> std::io::Result<()> {
    writeln!(writer, "{}", CSV_COLUMNS.join(","))?;
    for row in rows {
        let value = serde_json::to_value(row.borrow())?;
        for (i, column) in CSV_COLUMNS.iter().enumerate() {
            if i > 0 {
                writer.write_all(b",")?;
            }
            match &value[*column] {
                serde_json::Value::Null => {}
                serde_json::Value::String(s) => writer.write_all(csv_text(s).as_bytes())?,
                other => write!(writer, "{other}")?,
            }
        }
        writer.write_all(b"\n")?;
    }
    Ok(())
}
