"""Whole-process CPU time and peak memory of the CLI on plans our generator did not write
(bench/foreign_plans.py) and on the generator's own, against the yardstick: a process that only
parses the same JSON into a `serde_json::Value` (core/examples/value_parse.rs). For a YAML plan the
yardstick parses the JSON of the same plan. All in one run, side by side (BENCHMARKS.md, "Foreign
documents").

    cargo build --release -p workplan-cli && cargo build --release -p workplan --example value_parse
    python3 bench/foreign_bench.py --items 100000 --repeat 3

Each figure is the least of `--repeat` runs: user + system CPU seconds and the peak resident set,
from GNU time.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

import foreign_plans

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "target/release/workplan"
VALUE_PARSE = ROOT / "target/release/examples/value_parse"


def measure(command: list[str], repeat: int) -> tuple[float, int]:
    """The least CPU seconds (user + system) and peak kilobytes of `repeat` runs of `command`."""
    best_cpu, best_kb = float("inf"), 1 << 62
    with tempfile.NamedTemporaryFile("r") as times:
        for _ in range(repeat):
            subprocess.run(["/usr/bin/time", "-o", times.name, "-f", "%U %S %M", *command],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            user, system, kb = Path(times.name).read_text().split()[-3:]
            best_cpu = min(best_cpu, float(user) + float(system))
            best_kb = min(best_kb, int(kb))
    return best_cpu, best_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT / "target/bench/foreign")
    parser.add_argument("--generated", type=Path, help="also measure this plan written by `workplan generate`")
    args = parser.parse_args()
    for need in (CLI, VALUE_PARSE):
        if not need.exists():
            raise SystemExit(f"missing {need}: cargo build --release -p workplan-cli && cargo build --release -p workplan --example value_parse")
    files = foreign_plans.write(args.items, args.data)
    if args.generated:
        files.insert(0, args.generated)
    print(f"| plan | MB | `Value` parse CPU s | validate CPU | report json CPU | validate peak / file | report peak / file |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in files:
        size = path.stat().st_size
        json_twin = path
        if path.suffix == ".yaml":
            json_twin = path.with_name(path.name.replace("-yaml-", "-pretty-")).with_suffix(".json")
        value_cpu, _ = measure([str(VALUE_PARSE), str(json_twin)], args.repeat)
        validate_cpu, validate_kb = measure([str(CLI), "validate", str(path)], args.repeat)
        report_cpu, report_kb = measure(
            [str(CLI), "report", str(path), "--as-of", "2020-12-31", "--format", "json"], args.repeat)
        mb = size / 1e6
        print(f"| {path.name} | {mb:.1f} | {value_cpu:.2f} | {validate_cpu:.2f} s ({validate_cpu / value_cpu:.2f}x) "
              f"| {report_cpu:.2f} s ({report_cpu / value_cpu:.2f}x) | {validate_kb * 1024 / size:.1f}x "
              f"| {report_kb * 1024 / size:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
