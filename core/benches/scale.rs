//! Issue 8's side-by-side benchmarks at every size, on plans from `workplan::generate` (depth 4,
//! fan-out 10, 33 members, 10% member items, 20% measured items, 10 returns per leaf, the
//! returns inside the plan document):
//!
//! - `value-parse`: the yardstick, `serde_json::from_str::<serde_json::Value>` of the document;
//! - `load`, `validate`, `rollup`, and `load+validate+rollup` of the same document;
//! - `explain`: one item's explanation from a built engine;
//! - `apply`: one more return into a built engine, on a plan of depth 5;
//! - `diff`: two versions of the plan, one in a hundred items retitled and one area removed.
//!
//! Sizes come from `WORKPLAN_BENCH_SIZES` (comma-separated item counts; default
//! `1000,10000,100000`; add `1000000` for the largest). `scripts/bench` runs them all; CI runs
//! `cargo bench -p workplan --bench scale -- --test` at a tiny size (each benchmark once).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use workplan::generate::Synthetic;
use workplan::{diff, rollup, Plan, RollupEngine, RollupOptions, Updates};

/// The item counts to run, from `WORKPLAN_BENCH_SIZES`.
fn sizes() -> Vec<usize> {
    std::env::var("WORKPLAN_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().replace('_', "").parse().ok())
        .collect()
}

/// The generated plan with its returns inside, as canonical JSON text.
fn document(settings: &Synthetic) -> String {
    let generated = settings.generate().expect("generated plans load");
    let mut plan = generated.plan;
    plan.updates = generated.updates.updates;
    plan.to_json_string()
}

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    let options = RollupOptions { as_of: Some("2020-12-31".parse().expect("date")), ..Default::default() };
    let none = Updates::default();
    // A plan of depth 5 has whole areas of 11,111 items, so small sizes give the same plan.
    let mut deep_sizes = std::collections::HashSet::new();
    for size in sizes() {
        let settings = Synthetic { items: size, ..Synthetic::default() };
        let text = document(&settings);
        let plan = Plan::from_json_str(&text).expect("loads");
        let items = plan.items_in_order().len() as u64;
        let id = |name: &str| BenchmarkId::new(name, items);
        eprintln!("{items} items, {} returns, {} bytes of JSON", plan.updates.len(), text.len());
        group.throughput(Throughput::Elements(items));
        group.bench_function(id("value-parse"), |b| {
            b.iter(|| black_box(serde_json::from_str::<serde_json::Value>(&text).expect("parses")))
        });
        group.bench_function(id("load"), |b| b.iter(|| black_box(Plan::from_json_str(&text).expect("loads"))));
        group.bench_function(id("validate"), |b| b.iter(|| black_box(plan.validate())));
        group.bench_function(id("rollup"), |b| b.iter(|| black_box(rollup(&plan, &none, &options))));
        group.bench_function(id("load+validate+rollup"), |b| {
            b.iter(|| {
                let plan = Plan::from_json_str(&text).expect("loads");
                black_box(plan.validate());
                black_box(rollup(&plan, &none, &options))
            })
        });
        let engine = RollupEngine::new(&plan, &none, &options);
        let leaf = plan.items_in_order().last().map(|(_, item)| item.id.clone()).expect("items");
        group.throughput(Throughput::Elements(1));
        group.bench_function(id("explain"), |b| b.iter(|| black_box(engine.explain(&leaf))));
        drop(engine);

        let mut old = plan.clone();
        old.items.pop();
        let mut n = 0;
        retitle(&mut old.items, &mut n);
        group.throughput(Throughput::Elements(items));
        group.bench_function(id("diff"), |b| b.iter(|| black_box(diff(&old, &plan))));
        drop(old);
        drop(plan);

        // One more return on the last leaf of a plan of depth 5 (the leaf and its 4 ancestors
        // are recomputed); two returns alternate so that every apply changes the numbers.
        let deep = Synthetic { items: size, depth: 5, ..Synthetic::default() };
        if !deep_sizes.insert(deep.areas()) {
            continue;
        }
        let deep = deep.generate().expect("loads");
        let mut engine = RollupEngine::new(&deep.plan, &deep.updates, &options);
        let leaf = deep.plan.items_in_order().last().map(|(_, item)| item.id.clone()).expect("items");
        let text = format!("item,date,percent\n{leaf},2020-12-01,77\n{leaf},2020-12-01,33\n");
        let pair = Updates::from_csv(&text).expect("loads").updates;
        let mut flip = 0;
        group.throughput(Throughput::Elements(1));
        group.bench_function(BenchmarkId::new("apply-depth-5", deep.plan.items_in_order().len()), |b| {
            b.iter(|| {
                flip ^= 1;
                black_box(engine.apply(pair[flip].clone()).expect("a return of the plan"))
            })
        });
    }
    group.finish();
}

/// Retitles one item in a hundred, in document order.
fn retitle(items: &mut [workplan::Item], n: &mut usize) {
    for item in items {
        *n += 1;
        if *n % 100 == 0 {
            item.title.push_str(" (revised)");
        }
        retitle(&mut item.children, n);
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
