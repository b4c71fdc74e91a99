//! Where a portfolio's plans come from: a folder, a glob or a manifest (docs/portfolio.md#sources).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{PlanFailure, Portfolio, PortfolioError, PortfolioPlan};
use crate::io::Format;

/// The extensions of returns files, lower case.
const RETURNS_EXTENSIONS: &[&str] = &["csv", "json", "yaml", "yml", "xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Whether a file is a plan by its name: `.json`, `.yaml` or `.yml`, and a stem that does not end
/// in `-updates` (returns) or `-mapping` (a mapping of returns' columns).
fn is_plan_file(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { return false };
    matches!(extension(path).as_deref(), Some("json" | "yaml" | "yml"))
        && !stem.ends_with("-updates")
        && !stem.ends_with("-mapping")
}

/// A file's extension, lower case.
fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

/// The returns files named after the plan `plan` among `files`: `<stem>-updates.<ext>`.
fn returns_of<'f>(plan: &Path, files: &'f [PathBuf]) -> Vec<&'f PathBuf> {
    let Some(stem) = plan.file_stem().and_then(|s| s.to_str()) else { return Vec::new() };
    let wanted = format!("{stem}-updates");
    files
        .iter()
        .filter(|file| file.parent() == plan.parent())
        .filter(|file| file.file_stem().and_then(|s| s.to_str()) == Some(wanted.as_str()))
        .filter(|file| extension(file).is_some_and(|e| RETURNS_EXTENSIONS.contains(&e.as_str())))
        .collect()
}

/// The plans among `files` (in name order), each with its returns file.
fn plans_among(files: &[PathBuf]) -> Vec<PortfolioPlan> {
    let mut plans: Vec<&PathBuf> = files.iter().filter(|f| is_plan_file(f)).collect();
    plans.sort();
    plans.into_iter().map(|plan| PortfolioPlan::with_returns(plan.clone(), returns_of(plan, files), files)).collect()
}

impl PortfolioPlan {
    /// A plan with the returns files found for it among `files`: none, one, or several (which
    /// [`Portfolio::rollup`](super::Portfolio) reports as [`PlanFailure::AmbiguousReturns`]); and
    /// the mapping named after its returns file, if `files` has one.
    fn with_returns(plan: PathBuf, returns: Vec<&PathBuf>, files: &[PathBuf]) -> Self {
        let ambiguous = (returns.len() > 1).then(|| PlanFailure::AmbiguousReturns {
            plan: plan.clone(),
            files: returns.iter().map(|f| (*f).clone()).collect(),
        });
        let updates = if ambiguous.is_none() { returns.first().map(|f| (*f).clone()) } else { None };
        let mapping = updates.as_deref().and_then(|returns| mapping_of(returns, files));
        PortfolioPlan { plan, updates, mapping, problem: ambiguous }
    }
}

/// The mapping named after a returns file among `files`: `<returns stem>-mapping.yaml` (or `.yml`,
/// `.json`) beside it, as `business-plan-updates-mapping.yaml` for `business-plan-updates.xlsx`.
fn mapping_of(returns: &Path, files: &[PathBuf]) -> Option<PathBuf> {
    let wanted = format!("{}-mapping", returns.file_stem()?.to_str()?);
    files
        .iter()
        .filter(|file| file.parent() == returns.parent())
        .filter(|file| file.file_stem().and_then(|s| s.to_str()) == Some(wanted.as_str()))
        .find(|file| matches!(extension(file).as_deref(), Some("yaml" | "yml" | "json")))
        .cloned()
}

/// A manifest: the plans of a portfolio, each with its returns (docs/portfolio.md#manifest).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    /// The version of the manifest format: 1.
    #[serde(rename = "workplan-portfolio")]
    version: u32,
    /// The plans, in order.
    plans: Vec<ManifestPlan>,
}

/// One plan of a manifest; paths are relative to the manifest's folder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestPlan {
    /// The plan file.
    plan: PathBuf,
    /// Its returns file, if any.
    #[serde(default)]
    updates: Option<PathBuf>,
    /// How its returns are read, if not as the options say (docs/returns.md#mapping).
    #[serde(default)]
    mapping: Option<PathBuf>,
}

/// Whether a pattern is a glob rather than a path.
fn is_glob(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

impl Portfolio {
    /// The plans of a folder (not its subfolders): every `.json`, `.yaml` and `.yml` file whose
    /// name does not end in `-updates` or `-mapping`, in name order, each with the returns file
    /// named after it (`business-plan-updates.csv` for `business-plan.yaml`) and the mapping named
    /// after that (`business-plan-updates-mapping.yaml`), if there are.
    pub fn from_folder(folder: impl AsRef<Path>) -> Result<Portfolio, PortfolioError> {
        let folder = folder.as_ref();
        let unreadable =
            |e: std::io::Error| PortfolioError::Unreadable { path: folder.to_owned(), reason: e.to_string() };
        let mut files = Vec::new();
        for entry in std::fs::read_dir(folder).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            if entry.file_type().map_err(unreadable)?.is_file() {
                files.push(entry.path());
            }
        }
        let plans = plans_among(&files);
        if plans.is_empty() {
            return Err(PortfolioError::NoPlans { source_name: folder.display().to_string() });
        }
        Ok(Portfolio { plans })
    }

    /// The plans among the files a glob pattern matches (`plans/*.yaml`), taken as
    /// [`from_folder`](Portfolio::from_folder) takes a folder's files: returns files are found
    /// beside each plan whether the pattern matches them or not.
    pub fn from_glob(pattern: &str) -> Result<Portfolio, PortfolioError> {
        let bad = |reason: String| PortfolioError::Pattern { pattern: pattern.to_owned(), reason };
        let mut matched = Vec::new();
        for path in glob::glob(pattern).map_err(|e| bad(e.to_string()))? {
            let path = path.map_err(|e| bad(e.to_string()))?;
            if path.is_file() && is_plan_file(&path) {
                matched.push(path);
            }
        }
        matched.sort();
        let mut plans = Vec::new();
        for plan in matched {
            let folder = plan.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let siblings: Vec<PathBuf> = std::fs::read_dir(folder)
                .map_err(|e| PortfolioError::Unreadable { path: folder.to_owned(), reason: e.to_string() })?
                .filter_map(|entry| Some(entry.ok()?.path()))
                .map(|path| if plan.parent() == Some(Path::new("")) { strip_dot(path) } else { path })
                .collect();
            plans.push(PortfolioPlan::with_returns(plan.clone(), returns_of(&plan, &siblings), &siblings));
        }
        if plans.is_empty() {
            return Err(PortfolioError::NoPlans { source_name: pattern.to_owned() });
        }
        Ok(Portfolio { plans })
    }

    /// The plans a manifest lists (docs/portfolio.md#manifest):
    ///
    /// ```yaml
    /// workplan-portfolio: 1
    /// plans:
    ///   - plan: business-plan-2020-21.yaml
    ///     updates: business-plan-2020-21-updates.csv
    ///   - plan: pledges-2019-2022.yaml
    ///     updates: pledges-2019-2022-updates.xlsx
    ///     mapping: pledges-mapping.yaml
    /// ```
    ///
    /// Paths are relative to the manifest's folder.
    pub fn from_manifest(file: impl AsRef<Path>) -> Result<Portfolio, PortfolioError> {
        let file = file.as_ref();
        let manifest = read_manifest(file)?;
        if manifest.version != 1 {
            return Err(PortfolioError::Manifest {
                file: file.to_owned(),
                error: Box::new(crate::LoadError::InvalidValue {
                    message: format!(
                        "`workplan-portfolio: {}`: this version of workplan reads version 1",
                        manifest.version
                    ),
                    location: crate::document::Location::new(
                        crate::document::Pointer::parse("/workplan-portfolio"),
                        None,
                    ),
                }),
            });
        }
        let folder = file.parent().unwrap_or(Path::new(""));
        let plans: Vec<PortfolioPlan> = manifest
            .plans
            .into_iter()
            .map(|entry| PortfolioPlan {
                plan: folder.join(entry.plan),
                updates: entry.updates.map(|f| folder.join(f)),
                mapping: entry.mapping.map(|f| folder.join(f)),
                problem: None,
            })
            .collect();
        if plans.is_empty() {
            return Err(PortfolioError::NoPlans { source_name: file.display().to_string() });
        }
        Ok(Portfolio { plans })
    }

    /// The plans of every source in order: each a folder, a manifest (a `.json`, `.yaml` or
    /// `.yml` file with the key `workplan-portfolio`), a glob pattern, or one plan file (with the
    /// returns file named after it beside it).
    pub fn open<P: AsRef<Path>>(sources: &[P]) -> Result<Portfolio, PortfolioError> {
        let mut portfolio = Portfolio::default();
        for source in sources {
            let source = source.as_ref();
            let part = if source.is_dir() {
                Portfolio::from_folder(source)?
            } else if source.is_file() {
                if is_manifest(source)? {
                    Portfolio::from_manifest(source)?
                } else {
                    Portfolio::from_glob(&glob::Pattern::escape(&source.to_string_lossy()))?
                }
            } else if is_glob(&source.to_string_lossy()) {
                Portfolio::from_glob(&source.to_string_lossy())?
            } else {
                return Err(PortfolioError::Unreadable {
                    path: source.to_owned(),
                    reason: "no such file or folder".to_owned(),
                });
            };
            portfolio.plans.extend(part.plans);
        }
        Ok(portfolio)
    }
}

/// `./x` as `x` (a glob in the current folder matches `x`; its siblings are listed as `./x`).
fn strip_dot(path: PathBuf) -> PathBuf {
    path.strip_prefix(".").map(Path::to_path_buf).unwrap_or(path)
}

/// Whether a file is a manifest: a `.json`, `.yaml` or `.yml` file whose top-level mapping has the
/// key `workplan-portfolio`.
fn is_manifest(file: &Path) -> Result<bool, PortfolioError> {
    if !matches!(extension(file).as_deref(), Some("json" | "yaml" | "yml")) {
        return Ok(false);
    }
    let text = crate::io::format::read_text_file(file)
        .map_err(|error| PortfolioError::Unreadable { path: file.to_owned(), reason: error.to_string() })?;
    let format = Format::from_path(file).unwrap_or(Format::Yaml);
    // A document that is not a mapping, or does not parse, is not a manifest: it is read as a
    // plan, whose loader says what is wrong with it.
    let document = crate::io::format::from_text::<serde_json::Value>(&text, format);
    Ok(document.is_ok_and(|document| document.get("workplan-portfolio").is_some()))
}

/// Reads a manifest file.
fn read_manifest(file: &Path) -> Result<Manifest, PortfolioError> {
    let as_manifest = |error| PortfolioError::Manifest { file: file.to_owned(), error: Box::new(error) };
    let text = crate::io::format::read_text_file(file).map_err(as_manifest)?;
    let format = Format::from_path(file).unwrap_or(Format::Yaml);
    crate::io::format::from_text(&text, format).map_err(as_manifest)
}
