//! A loop for profilers: generates a plan of `ITEMS` items (argument 1, default 100000), then
//! rolls it up `TIMES` times (argument 2, default 10) and prints the mean time.
//!
//! `cargo build --release -p workplan --example profile_rollup` and
//! `perf record -g target/release/examples/profile_rollup 100000 20` (see BENCHMARKS.md).

use std::time::Instant;

use workplan::generate::Synthetic;
use workplan::{rollup, RollupOptions};

fn main() -> Result<(), workplan::LoadError> {
    let mut args = std::env::args().skip(1);
    let items = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let times: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let generated = Synthetic { items, ..Synthetic::default() }.generate()?;
    let options = RollupOptions { as_of: "2020-12-31".parse().ok(), ..Default::default() };
    let start = Instant::now();
    let mut rows = 0;
    for _ in 0..times {
        rows += rollup(&generated.plan, &generated.updates, &options).rows.len();
    }
    let each = start.elapsed() / times.max(1);
    println!("{items} items, {} returns: {rows} rows, {each:?} per rollup", generated.updates.len());
    Ok(())
}
