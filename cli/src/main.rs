//! The `workplan` command line: validate plans, print their summary, print the JSON Schema.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use workplan::model::Missing;

mod columns;
mod diff;
mod explain;
mod generate;
mod import;
mod portfolio;
mod recipes;
mod report;
mod returns;
mod schedule;
mod validate;

/// Organisational plans: validate them, roll up progress, explain the numbers.
#[derive(Debug, Parser)]
#[command(name = "workplan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check plans (.json, .yaml) and progress returns (.csv, or a workbook: .xlsx, .xls, .ods):
    /// print each problem as
    /// `file:line:col: severity[code]: message`; exit 1 when there are errors. Plans given
    /// together are checked as a workspace (links between them resolve); a returns file is
    /// checked against the plan named before it.
    Validate {
        /// Plan files, each optionally followed by its returns files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        #[command(flatten)]
        read: returns::ReadArgs,
    },
    /// Roll up a plan's progress: a tree with progress bars, expected progress, status and trend
    /// (or the rollup as JSON, CSV, a committee paper, or the rows as an Arrow IPC or Parquet file).
    Report {
        /// The plan file.
        plan: PathBuf,
        /// A file of progress returns (.csv, .json, .yaml, or a workbook: .xlsx, .xls, .ods).
        #[arg(long)]
        updates: Option<PathBuf>,
        #[command(flatten)]
        read: returns::ReadArgs,
        /// The date the numbers are for (YYYY-MM-DD); the plan period's end by default.
        #[arg(long)]
        as_of: Option<workplan::Date>,
        /// Count only returns recorded by then (e.g. 2021-03-10T00:00:00Z): what was known at a meeting.
        #[arg(long)]
        known_at: Option<workplan::Timestamp>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = report::ReportFormat::Text)]
        format: report::ReportFormat,
        /// Write the report to this file instead of standard output (required for arrow and parquet).
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// How a missing return counts, overriding the plan's setting: `zero` (as 0%) or `exclude`
        /// (left out of its parent's figure).
        #[arg(long, value_parser = ["zero", "exclude"])]
        missing: Option<String>,
        /// Below this share of its data (0 to 1) a number is marked low coverage; the plan's
        /// setting, else 0.5.
        #[arg(long)]
        coverage_threshold: Option<f64>,
        /// The language and region of the papers' dates and numbers (markdown, html): en-GB by
        /// default; fr-FR writes `31 décembre 2020` and `45,7%` (the words stay English).
        #[arg(long, default_value = "en-GB", value_parser = |tag: &str| workplan::Locale::parse(tag).map_err(|e| e.to_string()))]
        locale: workplan::Locale,
    },
    /// Explain one number of the rollup: how an item's progress, expected progress and status
    /// were found.
    Explain {
        /// The plan file.
        plan: PathBuf,
        /// The item's id.
        item: String,
        /// A file of progress returns (.csv, .json, .yaml, or a workbook: .xlsx, .xls, .ods).
        #[arg(long)]
        updates: Option<PathBuf>,
        #[command(flatten)]
        read: returns::ReadArgs,
        /// The date the numbers are for (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<workplan::Date>,
        /// Count only returns recorded by then.
        #[arg(long)]
        known_at: Option<workplan::Timestamp>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// For an item delivered by members: list every member's return (the text gives only the
        /// summary: how many reported, the spread and who is furthest behind).
        #[arg(long)]
        members: bool,
    },
    /// Roll up many plans at once, in parallel: a folder (each plan with the returns file named
    /// after it, `PLAN-updates.csv`), a glob, a manifest (`workplan-portfolio: 1`) or plan files.
    /// Writes the rows to OUT and the adoption cells, findings, denominator audit and links beside
    /// it (`OUT-cells`, `OUT-findings`, `OUT-excluded`, `OUT-links`), each with the column `plan`
    /// first. A plan that
    /// fails is reported with its file and left out (exit 1), unless --fail-fast stops at it.
    Portfolio {
        /// Folders, manifests, glob patterns or plan files.
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// The date the numbers are for (YYYY-MM-DD); each plan's period end by default.
        #[arg(long)]
        as_of: Option<workplan::Date>,
        /// Count only returns recorded by then (e.g. 2021-03-10T00:00:00Z).
        #[arg(long)]
        known_at: Option<workplan::Timestamp>,
        /// The tables' file format (by default, OUT's extension: .parquet, .arrow, .csv, .json).
        #[arg(long, value_enum)]
        format: Option<portfolio::PortfolioFormat>,
        /// The rows file; the other tables are written beside it.
        #[arg(long, short, required = true)]
        out: PathBuf,
        /// Stop at the first plan that fails, writing nothing more.
        #[arg(long)]
        fail_fast: bool,
        /// How many plans are rolled up at once (the number of cores by default).
        #[arg(long)]
        threads: Option<std::num::NonZeroUsize>,
        #[command(flatten)]
        read: returns::ReadArgs,
    },
    /// Read a committee paper's text (as extracted from a PDF) into a draft plan: the hierarchy
    /// from its numbering and headings, lost labels inferred, numeric targets proposed as
    /// measures, every judgement in an `x-import` note; the summary (items per level, labels
    /// inferred, measures proposed, lines not used) on standard error (docs/import.md).
    Import {
        /// The paper's text (.txt).
        paper: PathBuf,
        /// Where the draft is written (.yaml, or .json); standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
        /// List each line of the text not used, with its number and why.
        #[arg(long)]
        verbose: bool,
        /// Another version of the plan: items with the same title keep its ids (so returns and
        /// `workplan diff` follow them).
        #[arg(long, value_name = "PLAN")]
        ids_from: Option<PathBuf>,
        /// The levels' names, top down, comma-separated (before the paper's own words).
        #[arg(long, value_delimiter = ',')]
        levels: Vec<String>,
    },
    /// What changed between two versions of a plan: items added, removed, moved, relabelled and
    /// changed field by field, and possible renames.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
    },
    /// The review rotation: each meeting of the committee (by `--rule`) reviews the next cluster
    /// (the items at `--level`); checks that every cluster is reviewed within every window, and
    /// with `--as-of`, which clusters are overdue by the plan's `reviewed` events. Exit 1 on gaps.
    Schedule {
        /// The plan file.
        plan: PathBuf,
        /// When the committee meets, e.g. "second tuesday except january, august".
        #[arg(long, default_value = "second tuesday except january, august")]
        rule: String,
        /// First day of the calendar (the plan period's start by default).
        #[arg(long)]
        from: Option<workplan::Date>,
        /// Last day of the calendar (the plan period's end by default).
        #[arg(long)]
        to: Option<workplan::Date>,
        /// The level whose items are the clusters (0: the top level).
        #[arg(long, default_value_t = workplan::CadenceOptions::default().level)]
        level: usize,
        /// Every cluster must be reviewed within this many months.
        #[arg(long, default_value_t = workplan::CadenceOptions::DEFAULT_WINDOW_MONTHS)]
        window_months: u32,
        /// Report the clusters overdue at this date, by the recorded reviews.
        #[arg(long)]
        as_of: Option<workplan::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Write a deterministic synthetic plan (and its returns) for benchmarks and load tests:
    /// about `--items` items in a tree of `--depth` levels, `--members` members, a share of member
    /// items (adoption required) and of measured items, `--updates-per-leaf` returns per leaf.
    /// The same options give the same bytes. Or, with `--recipes` or `--recipe`, the inputs of
    /// test cases written from their recipes.
    ///
    /// A recipe is the `generate` block of a case's `case.json` (tests/fixtures/hostile/README.md):
    /// inputs too large to keep as files, written the same way for every runner.
    ///
    /// With `--plans N`, a portfolio: N such plans (`--items` each) sharing their members, and a
    /// plan of pledges (`pledges`) that a share of their leaves link to, each written to
    /// OUT/<id>.json with its returns in OUT/<id>-updates.csv and in
    /// OUT/returns/plan=<id>/part-0.parquet.
    Generate {
        /// The plan file to write (.json or .yaml); with `--recipes` or `--recipe`, the folder to
        /// write the inputs into; with `--plans`, the folder to write the portfolio into.
        #[arg(long, short)]
        out: PathBuf,
        /// Write a portfolio of this many plans (and the pledges) into the folder OUT.
        #[arg(long, value_name = "N", conflicts_with_all = ["recipes", "recipe", "updates_out", "embed_updates"])]
        plans: Option<usize>,
        /// With `--plans`, the share of each plan's leaves that link to a pledge (0..1).
        #[arg(long, default_value_t = 0.1, requires = "plans")]
        link_share: f64,
        /// Write the inputs of every case folder in DIR whose `case.json` has a `generate` recipe,
        /// each to OUT/<case>/<file name>, instead of a synthetic plan.
        #[arg(long, value_name = "DIR", conflicts_with_all = SYNTHETIC)]
        recipes: Option<PathBuf>,
        /// Write the inputs of this `case.json`'s `generate` recipe, each to OUT/<file name>,
        /// instead of a synthetic plan.
        #[arg(long, value_name = "CASE_JSON", conflicts_with_all = SYNTHETIC, conflicts_with = "recipes")]
        recipe: Option<PathBuf>,
        /// Also write the returns to this file (.csv or .json).
        #[arg(long)]
        updates_out: Option<PathBuf>,
        /// Put the returns in the plan's own `updates`.
        #[arg(long)]
        embed_updates: bool,
        /// About how many items (whole top-level areas are generated).
        #[arg(long, default_value_t = 10_000)]
        items: usize,
        /// Levels in the tree.
        #[arg(long, default_value_t = 4)]
        depth: usize,
        /// Children of each item above the leaves.
        #[arg(long, default_value_t = 10)]
        fan_out: usize,
        /// Members of the plan.
        #[arg(long, default_value_t = 33)]
        members: usize,
        /// The share of the second-level items (with everything below them) delivered by the
        /// members (0..1).
        #[arg(long, default_value_t = 0.1)]
        member_share: f64,
        /// The share of leaves with a measure (0..1).
        #[arg(long, default_value_t = 0.2)]
        measure_share: f64,
        /// Progress returns per leaf.
        #[arg(long, default_value_t = 10)]
        updates_per_leaf: usize,
        /// The seed of the pseudo-random choices.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print the JSON Schema of the plan format (or of an updates file with --updates).
    Schema {
        /// The schema of an updates file instead of a plan.
        #[arg(long)]
        updates: bool,
    },
}

/// The options of a synthetic plan, which `generate --recipes` and `--recipe` do not take.
const SYNTHETIC: [&str; 10] = [
    "updates_out",
    "embed_updates",
    "items",
    "depth",
    "fan_out",
    "members",
    "member_share",
    "measure_share",
    "updates_per_leaf",
    "seed",
];

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { files, deny_warnings, format, read } => validate::run(&files, deny_warnings, format, &read),
        Command::Report { plan, updates, read, as_of, known_at, format, out, missing, coverage_threshold, locale } => {
            let missing = missing.map(|m| if m == "exclude" { Missing::Exclude } else { Missing::Zero });
            let settings = (missing.is_some() || coverage_threshold.is_some()).then(|| workplan::model::Settings {
                missing,
                coverage_threshold,
                ..Default::default()
            });
            report::run(&report::Request {
                plan: &plan,
                updates: updates.as_deref(),
                read: &read,
                as_of,
                known_at,
                format,
                out: out.as_deref(),
                settings,
                locale,
            })
        }
        Command::Explain { plan, item, updates, read, as_of, known_at, format, members } => {
            explain::run(&plan, &item, (updates.as_deref(), &read), (as_of, known_at), format, members)
        }
        Command::Portfolio { sources, as_of, known_at, format, out, fail_fast, threads, read } => {
            portfolio::run(&portfolio::Request {
                sources: &sources,
                as_of,
                known_at,
                format,
                out: &out,
                fail_fast,
                threads: threads.map(std::num::NonZeroUsize::get),
                read: &read,
            })
        }
        Command::Import { paper, out, verbose, ids_from, levels } => import::run(&import::Request {
            paper: &paper,
            out: out.as_deref(),
            verbose,
            ids_from: ids_from.as_deref(),
            levels,
        }),
        Command::Diff { old, new, format } => diff::run(&old, &new, format),
        Command::Schedule { plan, rule, from, to, level, window_months, as_of, format } => {
            schedule::run(&schedule::Request {
                plan: &plan,
                rule: &rule,
                from,
                to,
                level,
                window_months,
                as_of,
                format,
            })
        }
        Command::Generate { out, recipes: Some(dir), .. } => recipes::run_folder(&dir, &out),
        Command::Generate { out, recipe: Some(case), .. } => recipes::run_case(&case, &out),
        Command::Generate {
            out,
            plans: Some(plans),
            link_share,
            items,
            depth,
            fan_out,
            members,
            member_share,
            measure_share,
            updates_per_leaf,
            seed,
            ..
        } => generate::run_portfolio(
            workplan::generate::SyntheticPortfolio {
                plans,
                plan: workplan::generate::Synthetic {
                    items,
                    depth,
                    fan_out,
                    members,
                    member_share,
                    measure_share,
                    updates_per_leaf,
                    seed,
                },
                link_share,
            },
            &out,
        ),
        Command::Generate {
            out,
            plans: _,
            link_share: _,
            recipes: _,
            recipe: _,
            updates_out,
            embed_updates,
            items,
            depth,
            fan_out,
            members,
            member_share,
            measure_share,
            updates_per_leaf,
            seed,
        } => generate::run(generate::Request {
            settings: workplan::generate::Synthetic {
                items,
                depth,
                fan_out,
                members,
                member_share,
                measure_share,
                updates_per_leaf,
                seed,
            },
            out: &out,
            updates_out: updates_out.as_deref(),
            embed_updates,
        }),
        Command::Schema { updates } => {
            let schema = if updates { workplan::updates_schema() } else { workplan::schema() };
            println!("{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
            ExitCode::SUCCESS
        }
    }
}
