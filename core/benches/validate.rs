//! Validation of synthetic plans of 1k, 10k and 100k items (depth 4, fan-out 10, two returns
//! per leaf, 1% of outputs due after the plan ends so that findings are located too).
//! Validation must be linear in the size of the plan: compare the time per item across sizes.
//!
//! Run: `cargo bench -p workplan --bench validate` (figures in BENCHMARKS.md).

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use workplan::{Plan, Updates};

/// A deterministic plan of about `items` items as JSON text, and returns for its leaves as CSV.
fn synthetic(items: usize) -> (String, String) {
    let per_area = 1 + 10 + 100 + 1000;
    let areas = (items / per_area).max(1);
    let mut plan = String::from(
        r#"{"workplan": 1, "id": "synthetic", "title": "Synthetic plan", "period": {"start": "2020-04-01", "end": "2021-03-31"},
"levels": [{"id": "area"}, {"id": "priority"}, {"id": "output"}, {"id": "sub-output"}], "items": ["#,
    );
    let mut updates = String::from("item,date,status,percent\n");
    let mut count = 0;
    for a in 0..areas {
        if a > 0 {
            plan.push(',');
        }
        let _ = write!(plan, r#"{{"id": "a{a}", "label": "{}", "title": "Area {a}", "children": ["#, a + 1);
        for p in 0..10 {
            if p > 0 {
                plan.push(',');
            }
            let _ = write!(plan, r#"{{"id": "a{a}.{p}", "label": "{}", "title": "Priority {p}", "children": ["#, p + 1);
            for o in 0..10 {
                if o > 0 {
                    plan.push(',');
                }
                count += 1;
                let due = if count % 100 == 0 { r#", "due": "2021-06-30""# } else { "" };
                let _ = write!(
                    plan,
                    r#"{{"id": "a{a}.{p}.{o}", "label": "{}", "title": "Output {o}"{due}, "children": ["#,
                    o + 1
                );
                for s in 0..10 {
                    if s > 0 {
                        plan.push(',');
                    }
                    let id = format!("a{a}.{p}.{o}.{s}");
                    let _ = write!(
                        plan,
                        r#"{{"id": "{id}", "label": "{}", "title": "Sub-output {s}", "weight": 1}}"#,
                        s + 1
                    );
                    let _ = writeln!(updates, "{id},2020-06-30,on_track,{}", (s * 7) % 100);
                    let _ = writeln!(updates, "{id},2020-09-30,at_risk,{}", (s * 9) % 100);
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

fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    for size in [1_111, 11_110, 111_100] {
        let (plan_text, updates_text) = synthetic(size);
        let plan = Plan::from_json_str(&plan_text).expect("synthetic plan loads");
        let updates = Updates::from_csv(&updates_text).expect("synthetic returns load");
        let items = plan.items_in_order().len();
        assert_eq!(plan.validate().counts().warnings, items / 1111, "1% of outputs are due late");
        group.throughput(Throughput::Elements(items as u64));
        group.bench_with_input(BenchmarkId::new("plan", items), &plan, |b, plan| b.iter(|| black_box(plan.validate())));
        group.bench_with_input(BenchmarkId::new("plan+returns", items), &(&plan, &updates), |b, (plan, updates)| {
            b.iter(|| black_box(plan.validate_with(updates)))
        });
    }
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
