//! A loop for profilers: generates a plan of `ITEMS` items (argument 1, default 100000), then
//! rolls it up `TIMES` times (argument 2, default 10) and prints the least and the median time
//! (the least is the figure to compare on a busy machine). With `one` as argument 3, each
//! rollup is `RollupEngine::from_owned` of a copy (made outside the timing), which keeps to one
//! thread, where `rollup` uses two for a plan with many returns (BENCHMARKS.md, "Rust at scale").
//!
//! `cargo build --release -p workplan --example profile_rollup` and
//! `perf record -g target/release/examples/profile_rollup 100000 20` (see BENCHMARKS.md).

use std::time::Instant;

use workplan::generate::Synthetic;
use workplan::{rollup, RollupEngine, RollupOptions};

fn main() -> Result<(), workplan::LoadError> {
    let mut args = std::env::args().skip(1);
    let items = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let times: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let one_thread = args.next().is_some_and(|a| a == "one");
    let generated = Synthetic { items, ..Synthetic::default() }.generate()?;
    let options = RollupOptions { as_of: "2020-12-31".parse().ok(), ..Default::default() };
    let mut rows = 0;
    let mut each = Vec::new();
    for _ in 0..times.max(1) {
        let copy = one_thread.then(|| (generated.plan.clone(), generated.updates.clone()));
        let start = Instant::now();
        let result = match copy {
            Some((plan, updates)) => RollupEngine::from_owned(plan, updates, &options).into_rollup(),
            None => rollup(&generated.plan, &generated.updates, &options),
        };
        rows = result.rows.len();
        drop(result);
        each.push(start.elapsed());
    }
    each.sort();
    let (least, median) = (each[0], each[each.len() / 2]);
    println!(
        "{items} items, {} returns: {rows} rows; a rollup took {least:.1?} at least, {median:.1?} the median of {times}{}",
        generated.updates.len(),
        if one_thread { " (one thread)" } else { "" }
    );
    Ok(())
}
