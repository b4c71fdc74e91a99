//! `workplan generate --plans N`: a portfolio of plans, their returns as CSV and as Parquet
//! partitioned by plan, run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::RecordBatchReader;
use workplan::io::ReadOptions;
use workplan::{rollup, Plan, RollupOptions, Updates, Workspace};

fn workplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workplan")).args(args).output().expect("runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("workplan-generate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The returns of a Parquet file, read back through `Updates::from_record_batches`.
fn parquet_returns(path: &Path) -> Updates {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|builder| builder.build())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema = reader.schema();
    let batches: Vec<arrow_array::RecordBatch> =
        reader.collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Updates::from_record_batches(&schema, &batches, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn generate_plans_writes_every_plan_its_returns_and_their_partitions() {
    let dir = folder("plans");
    let out = dir.join("portfolio");
    let output =
        workplan(&["generate", "--plans", "3", "--items", "200", "--seed", "9", "--out", &out.to_string_lossy()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains(": 4 plans (3 and the pledges), ") && said.contains(" returns; returns as Parquet in "),
        "{said}"
    );

    let mut workspace = Workspace::default();
    for id in ["plan-0001", "plan-0002", "plan-0003", "pledges"] {
        let plan = Plan::from_json_str(&std::fs::read_to_string(out.join(format!("{id}.json"))).expect("plan written"))
            .expect("the plan loads");
        assert_eq!(plan.id, id);
        let csv =
            Updates::from_csv(&std::fs::read_to_string(out.join(format!("{id}-updates.csv"))).expect("CSV written"))
                .expect("the CSV loads");
        let parquet = parquet_returns(&out.join("returns").join(format!("plan={id}")).join("part-0.parquet"));
        assert!(!csv.is_empty(), "{id} has returns");
        assert_eq!(parquet.updates, csv.updates, "{id}: the Parquet returns are the CSV returns");
        for as_of in [None, "2020-12-31".parse().ok()] {
            let options = RollupOptions { as_of, ..RollupOptions::default() };
            assert_eq!(
                rollup(&plan, &parquet, &options).to_json_value(),
                rollup(&plan, &csv, &options).to_json_value(),
                "{id}: the same rollup from either"
            );
        }
        workspace.add(plan, Some(csv));
    }
    for plan in workspace.validate() {
        assert!(!plan.report.has_errors(), "{}: {:?}", plan.plan, plan.report.diagnostics.first());
    }
    let partitions = std::fs::read_dir(out.join("returns")).expect("partitions").count();
    assert_eq!(partitions, 4, "one partition per plan");
    for id in ["plan-0001", "plan-0002", "plan-0003", "pledges"] {
        let path = out.join("returns").join(format!("plan={id}")).join("part-0.parquet");
        let file = std::fs::File::open(&path).expect("written");
        let builder =
            parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).expect("a Parquet file");
        let columns: Vec<String> =
            builder.schema().fields().iter().map(|f| format!("{}: {}", f.name(), f.data_type())).collect();
        assert_eq!(
            columns,
            [
                "item: Utf8",
                "date: Date32",
                "member: Utf8",
                "status: Utf8",
                "percent: Float64",
                "value: Float64",
                "adopted: Boolean"
            ],
            "{id}: every partition has the same schema"
        );
        assert_eq!(builder.metadata().row_group(0).column(0).compression(), parquet::basic::Compression::SNAPPY);
    }

    // The same seed gives the same bytes; another seed other plans.
    let again = dir.join("again");
    let other = dir.join("other");
    assert!(workplan(&["generate", "--plans", "3", "--items", "200", "--seed", "9", "-o", &again.to_string_lossy()])
        .status
        .success());
    assert!(workplan(&["generate", "--plans", "3", "--items", "200", "--seed", "10", "-o", &other.to_string_lossy()])
        .status
        .success());
    let read = |dir: &Path, name: &str| std::fs::read(dir.join(name)).expect("written");
    for name in
        ["plan-0002.json", "plan-0002-updates.csv", "pledges-updates.csv", "returns/plan=plan-0003/part-0.parquet"]
    {
        assert_eq!(read(&out, name), read(&again, name), "{name}: the same seed gives the same bytes");
        assert_ne!(read(&out, name), read(&other, name), "{name}: another seed gives other bytes");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generate_plans_refuses_what_it_cannot_do() {
    let dir = folder("refused");
    let out = dir.to_string_lossy();
    let zero = workplan(&["generate", "--plans", "0", "-o", &out]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(stderr(&zero).contains("--plans is the number of plans to generate, at least 1"), "{}", stderr(&zero));
    let share = workplan(&["generate", "--plans", "2", "--link-share", "1.5", "-o", &out]);
    assert_eq!(share.status.code(), Some(2));
    assert!(stderr(&share).contains("--link-share is a share from 0 to 1, not 1.5"), "{}", stderr(&share));
    for args in [
        ["generate", "--plans", "2", "-o", "x", "--updates-out", "u.csv"],
        ["generate", "--plans", "2", "-o", "x", "--recipes", "cases"],
        ["generate", "--link-share", "0.2", "-o", "x.json", "--items", "5"],
    ] {
        let refused = workplan(&args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
    }
    assert!(!dir.exists(), "nothing written");
}
