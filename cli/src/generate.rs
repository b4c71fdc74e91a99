//! `workplan generate`: a deterministic synthetic plan and its returns, for benchmarks and load
//! tests (see `workplan::generate`); with `--plans N`, a portfolio of plans written plan by plan
//! (see `workplan::generate::SyntheticPortfolio`).

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::process::ExitCode;

use workplan::generate::{Synthetic, SyntheticPortfolio};
use workplan::{Format, Updates};

/// Where the generated documents go.
pub struct Request<'a> {
    pub settings: Synthetic,
    pub out: &'a Path,
    pub updates_out: Option<&'a Path>,
    pub embed_updates: bool,
}

pub fn run(request: Request<'_>) -> ExitCode {
    let generated = match request.settings.generate() {
        Ok(generated) => generated,
        Err(error) => {
            eprintln!("error: the generated plan does not load (a bug in the generator): {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut plan = generated.plan;
    if request.embed_updates {
        plan.updates = generated.updates.updates.clone();
    }
    let plan_text = match Format::from_path(request.out) {
        Some(Format::Json) => plan.to_json_string(),
        Some(Format::Yaml) => plan.to_yaml_string(),
        _ => {
            eprintln!("error: {}: the plan is written as .json or .yaml", request.out.display());
            return ExitCode::from(2);
        }
    };
    if let Err(code) = write(request.out, &plan_text) {
        return code;
    }
    let items = plan.items_in_order().len();
    let mut summary = format!("{}: {items} items, {} returns", request.out.display(), generated.updates.len());
    if request.embed_updates {
        summary.push_str(" (in the plan)");
    }
    if let Some(path) = request.updates_out {
        let text = match Format::from_path(path) {
            Some(Format::Csv) => generated.updates.to_csv_string(),
            Some(Format::Json) => generated.updates.to_json_string(),
            _ => {
                eprintln!("error: {}: the returns are written as .csv or .json", path.display());
                return ExitCode::from(2);
            }
        };
        if let Err(code) = write(path, &text) {
            return code;
        }
        summary.push_str(&format!("; returns in {}", path.display()));
    }
    eprintln!("{summary}");
    ExitCode::SUCCESS
}

fn write(path: &Path, text: &str) -> Result<(), ExitCode> {
    std::fs::write(path, text).map_err(|error| {
        eprintln!("error: {}: {error}", path.display());
        ExitCode::FAILURE
    })
}

/// Writes the portfolio into the folder `out` (created if missing), plan by plan (only one plan is
/// held at a time): for each plan, `<id>.json`, `<id>-updates.csv` and the same returns as
/// `returns/plan=<id>/part-0.parquet` (snappy; the columns of the CSV header, typed, and the
/// same in every partition: see `Updates::to_record_batch_with`).
pub fn run_portfolio(settings: SyntheticPortfolio, out: &Path) -> ExitCode {
    if settings.plans == 0 {
        eprintln!("error: --plans is the number of plans to generate, at least 1");
        return ExitCode::from(2);
    }
    if !(0.0..=1.0).contains(&settings.link_share) {
        eprintln!("error: --link-share is a share from 0 to 1, not {}", settings.link_share);
        return ExitCode::from(2);
    }
    if let Err(error) = std::fs::create_dir_all(out) {
        eprintln!("error: {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    let (mut plans, mut items, mut returns) = (0usize, 0usize, 0usize);
    for generated in settings.generate() {
        let generated = match generated {
            Ok(generated) => generated,
            Err(error) => {
                eprintln!("error: a generated plan does not load (a bug in the generator): {error}");
                return ExitCode::FAILURE;
            }
        };
        let id = &generated.plan.id;
        if let Err(code) = write(&out.join(format!("{id}.json")), &generated.plan.to_json_string()) {
            return code;
        }
        if let Err(code) = write(&out.join(format!("{id}-updates.csv")), &generated.updates.to_csv_string()) {
            return code;
        }
        let partition = out.join("returns").join(format!("plan={id}"));
        let parquet = partition.join("part-0.parquet");
        if let Err(error) = std::fs::create_dir_all(&partition)
            .map_err(|e| e.to_string())
            .and_then(|()| write_parquet(&generated.updates, &parquet))
        {
            eprintln!("error: {}: {error}", parquet.display());
            return ExitCode::FAILURE;
        }
        plans += 1;
        items += generated.plan.items_in_order().len();
        returns += generated.updates.len();
    }
    eprintln!(
        "{}: {plans} plans ({} and the pledges), {items} items, {returns} returns; returns as Parquet in {}",
        out.display(),
        plans - 1,
        out.join("returns").display()
    );
    ExitCode::SUCCESS
}

/// Writes the returns as one snappy Parquet file, with every column the generator can fill (so
/// that every partition has the same schema).
fn write_parquet(updates: &Updates, path: &Path) -> Result<(), String> {
    let batch = updates.to_record_batch_with(SyntheticPortfolio::return_columns());
    let file = File::create(path).map_err(|e| e.to_string())?;
    let properties = parquet::file::properties::WriterProperties::builder()
        .set_compression(parquet::basic::Compression::SNAPPY)
        .build();
    let mut writer = parquet::arrow::ArrowWriter::try_new(BufWriter::new(file), batch.schema(), Some(properties))
        .map_err(|e| e.to_string())?;
    writer.write(&batch).map_err(|e| e.to_string())?;
    writer.close().map(|_| ()).map_err(|e| e.to_string())
}
