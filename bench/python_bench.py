"""Python side by side: workplan (JSON text -> Plan.from_json -> rollup -> to_arrow, and -> to_pandas) against the
plain Python rollup of bench/rollup_plain.py (json.loads -> rollup), on generated plans (the returns
inside the document). Both must give the same progress, expected, status and coverage for every item
(floats within 1e-9); the script fails loudly if not. Times are the best of --repeat runs
(time.perf_counter, garbage collector on, as in real use).

    python bench/python_bench.py --sizes 1000,10000,100000
    python bench/python_bench.py --smoke          # one tiny plan, one run: checks, times nothing

Plans are read from --data (plan-<items>.json) and generated there with `workplan generate` when
missing (--cli names the binary; by default `cargo run --release -p workplan-cli`)."""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Tuple

import workplan

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from compare import same_numbers  # noqa: E402
from rollup_plain import rollup as plain_rollup  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parent.parent
GOAL = 20.0  # issue 8: workplan at least 20x faster than plain Python at 100k items


def plan_file(data: pathlib.Path, items: int, cli: List[str]) -> pathlib.Path:
    """The generated plan of about `items` items, made if it is not there yet."""
    path = data / f"plan-{items}.json"
    if not path.exists():
        data.mkdir(parents=True, exist_ok=True)
        made = subprocess.run([*cli, "generate", "--items", str(items), "--embed-updates", "-o", str(path)],
                              cwd=REPO, capture_output=True, text=True)
        if made.returncode != 0:
            raise SystemExit(f"workplan generate failed:\n{made.stderr}")
    return path


def best_of(repeat: int, run: Callable[[], Tuple[Any, Dict[str, float]]]) -> Tuple[Any, float, Dict[str, float]]:
    """Runs `run` `repeat` times; the result, the best total time and that run's phases."""
    best, phases, result = float("inf"), {}, None
    for _ in range(repeat):
        result = None  # free the previous result before the next run
        start = time.perf_counter()
        result, split = run()
        total = time.perf_counter() - start
        if total < best:
            best, phases = total, split
    return result, best, phases


def with_workplan(text: str, as_of: str) -> Tuple[Any, Dict[str, float]]:
    t0 = time.perf_counter()
    plan = workplan.Plan.from_json(text)
    t1 = time.perf_counter()
    rollup = plan.rollup(as_of=as_of)
    t2 = time.perf_counter()
    frame = rollup.to_pandas()
    t3 = time.perf_counter()
    return frame, {"load": t1 - t0, "rollup": t2 - t1, "to_pandas": t3 - t2}


def with_workplan_arrow(text: str, as_of: str) -> Tuple[Any, Dict[str, float]]:
    """Columns out without pandas: the Arrow table (what pyarrow, polars and DuckDB take)."""
    t0 = time.perf_counter()
    plan = workplan.Plan.from_json(text)
    t1 = time.perf_counter()
    rollup = plan.rollup(as_of=as_of)
    t2 = time.perf_counter()
    table = rollup.to_arrow()
    t3 = time.perf_counter()
    return table, {"load": t1 - t0, "rollup": t2 - t1, "to_arrow": t3 - t2}


def with_plain(text: str, as_of: str) -> Tuple[Any, Dict[str, float]]:
    t0 = time.perf_counter()
    document = json.loads(text)
    t1 = time.perf_counter()
    rows = plain_rollup(document, as_of=as_of)
    t2 = time.perf_counter()
    return rows, {"json.loads": t1 - t0, "rollup": t2 - t1}


def frame_rows(frame: Any) -> List[Dict[str, Any]]:
    """The DataFrame's rows as plain dicts (pandas' missing values as None)."""
    import pandas as pd

    def column(name: str) -> List[Any]:
        return [None if pd.isna(x) else x for x in frame[name].tolist()]

    names = ["id", "progress", "expected", "status", "coverage"]
    return [dict(zip(names, values)) for values in zip(*(column(n) for n in names))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="item counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--as-of", default="2020-12-31")
    parser.add_argument("--data", type=pathlib.Path, default=REPO / "target" / "bench", help="where the plans are")
    parser.add_argument("--cli", help="the workplan binary (default: cargo run --release -p workplan-cli)")
    parser.add_argument("--smoke", action="store_true", help="one tiny plan, one run: a check, not a measurement")
    args = parser.parse_args()
    sizes = [100] if args.smoke else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    repeat = 1 if args.smoke else max(1, args.repeat)
    cli = [args.cli] if args.cli else ["cargo", "run", "--quiet", "--release", "--locked", "-p", "workplan-cli", "--"]
    import pandas  # noqa: F401  (imported once up front, as in real use, not inside the first timed run)

    print(f"workplan {workplan.__version__}, Python {sys.version.split()[0]}, as_of {args.as_of}, best of {repeat}")
    print()
    print("| items | workplan: load + rollup + to_arrow | (load / rollup / to_arrow) "
          "| workplan: load + rollup + to_pandas | (load / rollup / to_pandas) "
          "| plain: json.loads + rollup | (json.loads / rollup) | plain / workplan (arrow) | plain / workplan (pandas) |")
    print("|---:|---:|---|---:|---|---:|---|---:|---:|")
    ratios = {}
    for size in sizes:
        text = plan_file(args.data, size, cli).read_text()
        _, arrow, arrow_phases = best_of(repeat, lambda: with_workplan_arrow(text, args.as_of))
        frame, fast, fast_phases = best_of(repeat, lambda: with_workplan(text, args.as_of))
        rows, slow, slow_phases = best_of(repeat, lambda: with_plain(text, args.as_of))
        items = same_numbers(frame_rows(frame), rows, f"plan-{size}.json")
        ratios[items] = slow / arrow
        print(f"| {items:,} | {ms(arrow)} | {' / '.join(ms(v) for v in arrow_phases.values())} "
              f"| {ms(fast)} | {' / '.join(ms(v) for v in fast_phases.values())} "
              f"| {ms(slow)} | {' / '.join(ms(v) for v in slow_phases.values())} | {slow / arrow:.1f}x "
              f"| {slow / fast:.1f}x |", flush=True)
        del frame, rows, text
    print()
    print("every item: the same progress, expected, status and coverage from both")
    largest = max(ratios)
    if not args.smoke and largest >= 90_000:
        verdict = "met" if ratios[largest] >= GOAL else "MISSED"
        print(f"goal (load + rollup + to_arrow >= {GOAL:.0f}x plain Python at 100k items): {verdict} "
              f"({ratios[largest]:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
