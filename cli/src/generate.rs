//! `workplan generate`: a deterministic synthetic plan and its returns, for benchmarks and load
//! tests (see `workplan::generate`).

use std::path::Path;
use std::process::ExitCode;

use workplan::generate::Synthetic;
use workplan::Format;

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
