//! Portfolios (docs/portfolio.md): every plan's rollup and findings equal those of the plan on its
//! own (links checked as in a workspace); sources read by folder, glob and manifest; a bad plan is
//! reported with its file and does not stop the others.

use std::path::{Path, PathBuf};

use workplan::portfolio::{Portfolio, PortfolioOptions, PortfolioPlan, PortfolioTable};
use workplan::{rollup, DiagnosticCode, Plan, RollupOptions, Updates, Workspace};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/london-councils")
}

/// A fresh folder under the system's temporary folder.
fn folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("workplan-portfolio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    folder
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn plan_text(id: &str, items: &str) -> String {
    format!("workplan: 1\nid: {id}\ntitle: Plan {id}\nperiod: {{start: 2021-01-01, end: 2021-12-31}}\nitems:\n{items}")
}

fn options(as_of: &str) -> PortfolioOptions {
    let mut options = PortfolioOptions::default();
    options.rollup =
        RollupOptions { as_of: Some(as_of.parse().unwrap_or_else(|e| panic!("{e}"))), ..Default::default() };
    options
}

#[test]
fn the_examples_folder_gives_each_plans_own_rollup_and_its_findings_as_in_a_workspace() {
    let portfolio = Portfolio::from_folder(examples()).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = portfolio
        .plans
        .iter()
        .map(|p| {
            let updates = p.updates.as_ref().map(|u| u.file_name().unwrap_or_default().to_string_lossy().into_owned());
            format!("{} {updates:?}", p.plan.file_name().unwrap_or_default().to_string_lossy())
        })
        .collect();
    assert_eq!(
        names,
        [
            "business-plan-2020-21-draft-2020-03-03.yaml None",
            "business-plan-2020-21.yaml Some(\"business-plan-2020-21-updates.csv\")",
            "pledges-2019-2022.yaml Some(\"pledges-2019-2022-updates.csv\")",
        ],
        "the mapping file is not a plan; the workbook is not named as returns",
    );
    let rolled = portfolio.rollup(&options("2020-12-31")).unwrap_or_else(|e| panic!("{e}"));
    assert!(rolled.failures.is_empty(), "{:?}", rolled.failures);
    assert_eq!(rolled.plans.len(), 3);

    // Each plan as `workplan report` and `workplan validate` (all three together) see it.
    let loaded: Vec<(Plan, Option<Updates>)> = portfolio
        .plans
        .iter()
        .map(|p| {
            let plan = Plan::load(&p.plan).unwrap_or_else(|e| panic!("{e}"));
            (plan, p.updates.as_ref().map(|u| Updates::load(u).unwrap_or_else(|e| panic!("{e}"))))
        })
        .collect();
    let mut workspace = Workspace::default();
    for (plan, updates) in &loaded {
        workspace.add(plan.clone(), updates.clone());
    }
    let reports = workspace.validate();
    for (((plan, updates), report), rolled) in loaded.iter().zip(&reports).zip(&rolled.plans) {
        assert_eq!(rolled.plan, plan.id);
        let alone = rollup(plan, updates.as_ref().unwrap_or(&Updates::default()), &options("2020-12-31").rollup);
        assert_eq!(rolled.rollup.to_json_value(), alone.to_json_value(), "{}", plan.id);
        // The portfolio leaves out the workspace's coverage notes (`not_linked`): docs/portfolio.md.
        let expected: Vec<_> =
            report.report.diagnostics.iter().filter(|d| d.code != DiagnosticCode::NotLinked).cloned().collect();
        assert_eq!(rolled.findings.diagnostics, expected, "{}", plan.id);
    }
    // The business plan links to the pledges: checked, not left unresolved.
    assert!(rolled.plans.iter().all(|p| p.findings.with_code(DiagnosticCode::UnresolvedLink).next().is_none()));
}

#[test]
fn links_between_the_plans_of_a_portfolio_are_checked() {
    let dir = folder("links");
    write(&dir.join("pledges.yaml"), &plan_text("pledges", "- {id: air, title: Clean air}\n"));
    write(
        &dir.join("borough.yaml"),
        &plan_text(
            "borough",
            "- {id: a, title: A, links: [{to: 'pledges:air', rel: delivers}]}\n\
             - {id: b, title: B, links: [{to: 'pledges:airr', rel: delivers}]}\n\
             - {id: c, title: C, links: [{to: 'elsewhere:x', rel: supports}]}\n",
        ),
    );
    let rolled =
        Portfolio::from_folder(&dir).and_then(|p| p.rollup(&options("2021-06-30"))).unwrap_or_else(|e| panic!("{e}"));
    let borough = &rolled.plans[0];
    assert_eq!(borough.plan, "borough");
    let codes: Vec<(&str, Option<&str>)> =
        borough.findings.diagnostics.iter().map(|d| (d.code.as_str(), d.item.as_deref())).collect();
    assert!(codes.contains(&("unknown_link_target", Some("b"))), "{codes:?}");
    assert!(codes.contains(&("unresolved_link", Some("c"))), "a plan outside the portfolio: {codes:?}");
    assert!(!codes.iter().any(|(_, item)| *item == Some("a")), "{codes:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_plan_is_reported_with_its_file_and_the_others_go_on_unless_fail_fast() {
    let dir = folder("bad");
    write(&dir.join("a.yaml"), &plan_text("a", "- {id: x, title: X}\n"));
    write(&dir.join("b.yaml"), "workplan: 1\nid: b\ntitle: [oops\n");
    write(&dir.join("c.yaml"), &plan_text("c", "- {id: x, title: X}\n"));
    write(&dir.join("c-updates.csv"), "item,date,percent\nx,2021-06-30,not a number\n");
    write(&dir.join("d.yaml"), &plan_text("a", "- {id: y, title: Y}\n"));
    write(&dir.join("e.yaml"), &plan_text("e", "- {id: x, title: X}\n"));
    write(&dir.join("e-updates.csv"), "item,date,percent\nx,2021-06-30,10\n");
    write(&dir.join("e-updates.json"), "[]");

    let portfolio = Portfolio::from_folder(&dir).unwrap_or_else(|e| panic!("{e}"));
    let rolled = portfolio.rollup(&options("2021-06-30")).unwrap_or_else(|e| panic!("{e}"));
    let kept: Vec<&str> = rolled.plans.iter().map(|p| p.plan.as_str()).collect();
    assert_eq!(kept, ["a"]);
    let failures: Vec<(&str, String)> = rolled
        .failures
        .iter()
        .map(|f| (f.code(), f.file().file_name().unwrap_or_default().to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        failures,
        [
            ("plan_load", "b.yaml".to_owned()),
            ("returns_load", "c.yaml".to_owned()),
            ("duplicate_plan_id", "d.yaml".to_owned()),
            ("ambiguous_returns", "e.yaml".to_owned()),
        ]
    );
    let messages: Vec<String> = rolled.failures.iter().map(ToString::to_string).collect();
    assert!(messages[0].contains("b.yaml") && messages[0].contains("YAML"), "{}", messages[0]);
    match &rolled.failures[0] {
        workplan::portfolio::PlanFailure::Plan { error, .. } => {
            let line = error.location().and_then(|l| l.position).map(|p| p.line);
            assert_eq!(line, Some(4), "the end of the text, where the `]` is missing: {error:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(messages[1].contains("c-updates.csv") && messages[1].contains("not a number"), "{}", messages[1]);
    assert!(messages[2].contains("a.yaml"), "names the plan kept: {}", messages[2]);
    assert!(messages[3].contains("e-updates.csv") && messages[3].contains("e-updates.json"), "{}", messages[3]);

    let mut fail_fast = options("2021-06-30");
    fail_fast.fail_fast = true;
    let mut handed = Vec::new();
    let stopped = portfolio.rollup_each(&fail_fast, |outcome| {
        handed.push(outcome.is_ok());
        Ok::<(), workplan::portfolio::PortfolioError>(())
    });
    let error = stopped.expect_err("b.yaml does not load");
    assert_eq!(error.code(), "plan_load");
    assert!(handed.is_empty(), "a plan that does not load is found before any is handed over");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_manifest_names_plans_returns_and_mappings_relative_to_itself() {
    let dir = folder("manifest");
    std::fs::create_dir_all(dir.join("plans")).unwrap_or_else(|e| panic!("{e}"));
    write(&dir.join("plans/north.yaml"), &plan_text("north", "- {id: x, title: X}\n"));
    write(&dir.join("plans/south.yaml"), &plan_text("south", "- {id: x, title: X}\n"));
    write(&dir.join("plans/north-returns.csv"), "Output,When,Done\nx,2021-06-30,30\n");
    write(&dir.join("plans/mapping.yaml"), "columns: {Output: item, When: date, Done: percent}\n");
    write(
        &dir.join("portfolio.yaml"),
        "workplan-portfolio: 1\nplans:\n- {plan: plans/north.yaml, updates: plans/north-returns.csv, mapping: plans/mapping.yaml}\n- plan: plans/south.yaml\n",
    );
    let portfolio = Portfolio::open(&[dir.join("portfolio.yaml")]).unwrap_or_else(|e| panic!("{e}"));
    let rolled = portfolio.rollup(&options("2021-06-30")).unwrap_or_else(|e| panic!("{e}"));
    let progress: Vec<(&str, Option<f64>)> =
        rolled.plans.iter().map(|p| (p.plan.as_str(), p.rollup.rows[0].progress)).collect();
    assert!(rolled.failures.is_empty(), "{:?}", rolled.failures);
    assert_eq!(progress, [("north", Some(0.3)), ("south", None)]);

    write(&dir.join("typo.yaml"), "workplan-portfolio: 1\nplans:\n- {plan: plans/north.yaml, update: x.csv}\n");
    let error = Portfolio::from_manifest(dir.join("typo.yaml")).expect_err("`update` is not a field");
    assert_eq!(error.code(), "portfolio_manifest");
    assert!(error.to_string().contains("update") && error.to_string().contains("typo.yaml:3:"), "{error}");
    write(&dir.join("v2.yaml"), "workplan-portfolio: 2\nplans: []\n");
    let error = Portfolio::open(&[dir.join("v2.yaml")]).expect_err("version 2");
    assert!(error.to_string().contains("version 1"), "{error}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_glob_and_plan_files_find_the_returns_beside_each_plan() {
    let dir = folder("glob");
    write(&dir.join("a.yaml"), &plan_text("a", "- {id: x, title: X}\n"));
    write(&dir.join("a-updates.csv"), "item,date,percent\nx,2021-06-30,50\n");
    write(
        &dir.join("b.json"),
        r#"{"workplan": 1, "id": "b", "title": "B", "period": {"start": "2021-01-01", "end": "2021-12-31"}, "items": [{"id": "x", "title": "X"}]}"#,
    );
    let pattern = format!("{}/*.yaml", dir.display());
    let by_glob = Portfolio::open(&[PathBuf::from(&pattern)]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(by_glob.plans.len(), 1);
    assert_eq!(by_glob.plans[0].updates.as_deref(), Some(dir.join("a-updates.csv").as_path()));
    let by_file = Portfolio::open(&[dir.join("b.json"), dir.join("a.yaml")]).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<String> = by_file
        .rollup(&options("2021-06-30"))
        .unwrap_or_else(|e| panic!("{e}"))
        .plans
        .iter()
        .map(|p| format!("{} {:?}", p.plan, p.rollup.rows[0].progress))
        .collect();
    assert_eq!(ids, ["b None", "a Some(0.5)"]);
    let error = Portfolio::open(&[dir.join("nothing-here")]).expect_err("no such file");
    assert_eq!(error.code(), "portfolio_unreadable");
    let error = Portfolio::open(&[format!("{}/*.csv", dir.display())]).expect_err("no plans");
    assert_eq!(error.code(), "portfolio_no_plans");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn one_thread_and_two_give_the_same_tables_with_the_plan_first() {
    let portfolio = Portfolio::from_folder(examples()).unwrap_or_else(|e| panic!("{e}"));
    let mut one = options("2020-12-31");
    one.threads = Some(1);
    let mut two = options("2020-12-31");
    two.threads = Some(2);
    let (one, two) = (portfolio.rollup(&one), portfolio.rollup(&two));
    let (one, two) = (one.unwrap_or_else(|e| panic!("{e}")), two.unwrap_or_else(|e| panic!("{e}")));
    for table in PortfolioTable::ALL {
        assert_eq!(one.record_batches(table), two.record_batches(table), "{}", table.name());
    }
    let rows = one.record_batches(PortfolioTable::Rows);
    for (batch, plan) in rows.iter().zip(&one.plans) {
        let alone = plan.rollup.to_record_batch();
        assert_eq!(batch.schema().field(0).name(), "plan");
        assert_eq!(batch.num_rows(), alone.num_rows());
        assert_eq!(batch.num_columns(), alone.num_columns() + 1);
        // The same columns after `plan`, the level as text.
        for (i, field) in alone.schema().fields().iter().enumerate() {
            if field.name() != "level" {
                assert_eq!(batch.column(i + 1), alone.column(i), "{}", field.name());
            }
        }
        let levels: Vec<Option<String>> =
            plan.rollup.rows.iter().map(|r| r.level.as_deref().map(str::to_owned)).collect();
        let written = batch.column_by_name("level").map(|c| {
            let text = arrow_array::cast::AsArray::as_string::<i32>(c);
            text.iter().map(|v| v.map(str::to_owned)).collect::<Vec<_>>()
        });
        assert_eq!(written, Some(levels));
    }
    let _ = PortfolioPlan::new("unused.yaml", None);
}

#[test]
fn a_workbook_of_returns_is_read_with_the_mapping_named_after_it() {
    // An officers' workbook, as a newcomer would drop it into a folder: the plan, its returns as
    // `-updates.xlsx`, and the mapping of the workbook's columns named after it.
    let dir = folder("workbook");
    let copy = |from: &str, to: &str| {
        std::fs::copy(examples().join(from), dir.join(to)).unwrap_or_else(|e| panic!("{from}: {e}"));
    };
    copy("business-plan-2020-21.yaml", "business-plan-2020-21.yaml");
    copy("business-plan-2020-21-returns.xlsx", "business-plan-2020-21-updates.xlsx");
    copy("business-plan-2020-21-returns-mapping.yaml", "business-plan-2020-21-updates-mapping.yaml");
    let portfolio = Portfolio::from_folder(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        portfolio.plans[0].mapping.as_deref(),
        Some(dir.join("business-plan-2020-21-updates-mapping.yaml").as_path())
    );
    let rolled = portfolio.rollup(&options("2020-12-31")).unwrap_or_else(|e| panic!("{e}"));
    assert!(rolled.failures.is_empty(), "{:?}", rolled.failures);
    // The same numbers as the CSV of the same returns.
    let plan = Plan::load(examples().join("business-plan-2020-21.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let updates = Updates::load(examples().join("business-plan-2020-21-updates.csv")).unwrap_or_else(|e| panic!("{e}"));
    let canonical = rollup(&plan, &updates, &options("2020-12-31").rollup);
    assert_eq!(rolled.plans[0].rollup.to_json_value(), canonical.to_json_value());

    // Without the mapping the workbook's columns are not known: the plan is left out, saying why.
    std::fs::remove_file(dir.join("business-plan-2020-21-updates-mapping.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let rolled =
        Portfolio::from_folder(&dir).and_then(|p| p.rollup(&options("2020-12-31"))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rolled.failures.iter().map(|f| f.code()).collect::<Vec<_>>(), ["returns_load"]);
    std::fs::remove_dir_all(&dir).ok();
}
