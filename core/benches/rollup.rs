//! The rollup of synthetic plans of 1k, 10k and 100k items (depth 4, fan-out 10, two returns per
//! leaf), and one incremental `apply` on the largest.
//!
//! Run: `cargo bench -p workplan --bench rollup` (figures in BENCHMARKS.md).

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use workplan::{rollup, Plan, RollupEngine, RollupOptions, Update, Updates};

/// A deterministic plan of about `items` items (JSON) and returns for its leaves (CSV).
fn synthetic(items: usize) -> (String, String) {
    let areas = (items / 1111).max(1);
    let mut plan = String::from(
        r#"{"workplan": 1, "id": "synthetic", "title": "Synthetic", "period": {"start": "2020-04-01", "end": "2021-03-31"},
"levels": [{"id": "area"}, {"id": "priority"}, {"id": "output"}, {"id": "sub-output"}], "items": ["#,
    );
    let mut updates = String::from("item,date,status,percent\n");
    for a in 0..areas {
        let _ = write!(plan, r#"{}{{"id": "a{a}", "title": "Area", "children": ["#, if a > 0 { "," } else { "" });
        for p in 0..10 {
            let _ = write!(
                plan,
                r#"{}{{"id": "a{a}.{p}", "title": "Priority", "weight": {}, "children": ["#,
                if p > 0 { "," } else { "" },
                1 + p % 3
            );
            for o in 0..10 {
                let _ = write!(
                    plan,
                    r#"{}{{"id": "a{a}.{p}.{o}", "title": "Output", "children": ["#,
                    if o > 0 { "," } else { "" }
                );
                for s in 0..10 {
                    let id = format!("a{a}.{p}.{o}.{s}");
                    let _ = write!(plan, r#"{}{{"id": "{id}", "title": "Sub-output"}}"#, if s > 0 { "," } else { "" });
                    let _ = writeln!(updates, "{id},2020-06-30,on_track,{}", (s * 7) % 100);
                    let _ = writeln!(updates, "{id},2020-09-30,,{}", (s * 9) % 100);
                }
                plan.push_str("]}");
            }
            plan.push_str("]}");
        }
        plan.push_str("]}");
    }
    plan.push_str("]}");
    (plan, updates)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("rollup");
    group.sample_size(10);
    let options = RollupOptions { as_of: Some("2020-12-31".parse().expect("date")), ..Default::default() };
    for size in [1_111, 11_110, 111_100] {
        let (plan_text, updates_text) = synthetic(size);
        let plan = Plan::from_json_str(&plan_text).expect("loads");
        let updates = Updates::from_csv(&updates_text).expect("loads");
        let items = plan.items_in_order().len();
        group.throughput(Throughput::Elements(items as u64));
        group.bench_with_input(BenchmarkId::new("batch", items), &(&plan, &updates), |b, (plan, updates)| {
            b.iter(|| black_box(rollup(plan, updates, &options)))
        });
        if size == 111_100 {
            let mut engine = RollupEngine::new(&plan, &updates, &options);
            let returns = Updates::from_csv("item,date,percent\na7.3.4.5,2020-12-01,77\na7.3.4.5,2020-12-01,33\n")
                .expect("loads");
            let pair: Vec<Update> = returns.updates;
            let mut flip = 0;
            group.throughput(Throughput::Elements(1));
            group.bench_function(BenchmarkId::new("apply-one-update", items), |b| {
                b.iter(|| {
                    flip ^= 1;
                    black_box(engine.apply(pair[flip].clone()).expect("a return of the plan"))
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
