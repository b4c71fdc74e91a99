//! What can go wrong with a portfolio: its sources (a folder, a glob, a manifest) and each plan of
//! it (docs/portfolio.md#errors).

use std::path::PathBuf;

use crate::LoadError;

/// A portfolio could not be read: its folder, glob or manifest, or (with
/// [`fail_fast`](super::PortfolioOptions::fail_fast)) one of its plans.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum PortfolioError {
    /// A folder or a file named as a source could not be read.
    #[error("cannot read {}: {reason}", path.display())]
    Unreadable {
        /// The folder or file.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
    },
    /// A manifest does not load, or lists a plan in a way the manifest format does not allow.
    #[error("{}: {error}", place(file, error))]
    Manifest {
        /// The manifest file.
        file: PathBuf,
        /// Why, with the line and column.
        error: Box<LoadError>,
    },
    /// A glob pattern is not well formed.
    #[error("the pattern `{pattern}` is not a glob: {reason}")]
    Pattern {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A source names no plan at all.
    #[error("{source_name}: no plan files (.json, .yaml, .yml) found")]
    NoPlans {
        /// The folder, glob or manifest, as given.
        source_name: String,
    },
    /// The threads to roll the plans up could not be started.
    #[error("cannot start the threads of the rollup: {reason}")]
    Threads {
        /// What the thread pool said.
        reason: String,
    },
    /// A plan failed and the portfolio was rolled up with `fail_fast`.
    #[error(transparent)]
    Plan(#[from] PlanFailure),
}

impl PortfolioError {
    /// A stable code for the kind of error: `portfolio_unreadable`, `portfolio_manifest`,
    /// `portfolio_pattern`, `portfolio_no_plans`, `portfolio_threads`, or the [`PlanFailure`]'s code.
    pub fn code(&self) -> &'static str {
        match self {
            PortfolioError::Unreadable { .. } => "portfolio_unreadable",
            PortfolioError::Manifest { .. } => "portfolio_manifest",
            PortfolioError::Pattern { .. } => "portfolio_pattern",
            PortfolioError::NoPlans { .. } => "portfolio_no_plans",
            PortfolioError::Threads { .. } => "portfolio_threads",
            PortfolioError::Plan(failure) => failure.code(),
        }
    }
}

/// One plan of a portfolio that could not be rolled up; the others go on without it.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum PlanFailure {
    /// The plan file does not load.
    #[error("{}: {error}", place(file, error))]
    Plan {
        /// The plan file.
        file: PathBuf,
        /// Why, with the line and column.
        error: Box<LoadError>,
    },
    /// The plan's returns file (or the mapping they are read with) does not load.
    #[error("{}: {error} (the returns of {})", place(file, error), plan.display())]
    Returns {
        /// The plan file.
        plan: PathBuf,
        /// The returns or mapping file.
        file: PathBuf,
        /// Why, with the line and column.
        error: Box<LoadError>,
    },
    /// Two files in a folder are both named as this plan's returns.
    #[error(
        "{}: more than one returns file is named after it ({}); name the one to use in a manifest",
        plan.display(),
        files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    AmbiguousReturns {
        /// The plan file.
        plan: PathBuf,
        /// The candidates.
        files: Vec<PathBuf>,
    },
    /// Another plan of the portfolio, earlier in its order, has the same id: the `plan` column
    /// would not tell their rows apart.
    #[error("{}: the plan id `{id}` is also the id of {}, earlier in the portfolio", file.display(), first.display())]
    DuplicateId {
        /// The plan file left out.
        file: PathBuf,
        /// The id both have.
        id: String,
        /// The file of the plan kept.
        first: PathBuf,
    },
    /// Rolling the plan up failed in a way it never should: a bug in workplan, please report it.
    #[error("{}: internal error (a bug in workplan, please report it): {message}", file.display())]
    Internal {
        /// The plan file.
        file: PathBuf,
        /// What the library said.
        message: String,
    },
}

impl PlanFailure {
    /// A stable code: `plan_load`, `returns_load`, `ambiguous_returns`, `duplicate_plan_id` or
    /// `internal_error`.
    pub fn code(&self) -> &'static str {
        match self {
            PlanFailure::Plan { .. } => "plan_load",
            PlanFailure::Returns { .. } => "returns_load",
            PlanFailure::AmbiguousReturns { .. } => "ambiguous_returns",
            PlanFailure::DuplicateId { .. } => "duplicate_plan_id",
            PlanFailure::Internal { .. } => "internal_error",
        }
    }

    /// The plan file the failure is about.
    pub fn file(&self) -> &std::path::Path {
        match self {
            PlanFailure::Plan { file, .. }
            | PlanFailure::DuplicateId { file, .. }
            | PlanFailure::Internal { file, .. } => file,
            PlanFailure::Returns { plan, .. } | PlanFailure::AmbiguousReturns { plan, .. } => plan,
        }
    }
}

/// `file:line:column` where the error has a line and column, `file` otherwise (a workbook's cell
/// is named in the error's own words).
fn place(file: &std::path::Path, error: &LoadError) -> String {
    match error.location().and_then(|location| location.position.filter(|_| location.sheet.is_none())) {
        Some(position) => format!("{}:{}:{}", file.display(), position.line, position.column),
        None => file.display().to_string(),
    }
}

impl PlanFailure {
    /// The failure of a plan whose rollup panicked, with the panic's message.
    pub(super) fn internal(file: &std::path::Path, panic: &(dyn std::any::Any + Send)) -> PlanFailure {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        PlanFailure::Internal { file: file.to_owned(), message }
    }
}
