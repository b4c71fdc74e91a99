"""Returns in and columns out, in Python (BENCHMARKS.md, "Returns in, columns out"):

1. Reading a returns table of about 900k rows: `workplan.load_updates(path)` against pandas
   (`read_csv` / `read_excel`) followed by the path a DataFrame took before it went column by column
   (`to_csv` text, then `Updates.from_csv`), on a CSV file and on an .xlsx workbook of the same
   returns. Both must give the same returns.
2. `Rollup.to_pandas()` against the rollup itself: its time, and the peak memory it adds (VmHWM reset
   through /proc/self/clear_refs before it runs) against the frame's own size
   (`memory_usage(deep=True)`).

    python bench/returns_bench.py --items 100000          # ~940k returns
    python bench/returns_bench.py --smoke                 # tiny: checks, times nothing

The returns come from `workplan generate --updates-out` (CSV); the workbook is written from them with
xlsxwriter when it is installed, else openpyxl (write-only), once, and kept in --data."""

from __future__ import annotations

import argparse
import gc
import pathlib
import subprocess
import sys
import time
from typing import Any, Callable, List, Tuple

import workplan

REPO = pathlib.Path(__file__).resolve().parent.parent


def generated(data: pathlib.Path, items: int, cli: List[str]) -> Tuple[pathlib.Path, pathlib.Path]:
    """The generated plan and its returns CSV, made if missing."""
    plan, returns = data / f"returns-plan-{items}.json", data / f"returns-{items}.csv"
    if not plan.exists() or not returns.exists():
        data.mkdir(parents=True, exist_ok=True)
        made = subprocess.run([*cli, "generate", "--items", str(items), "-o", str(plan), "--updates-out", str(returns)],
                              cwd=REPO, capture_output=True, text=True)
        if made.returncode != 0:
            raise SystemExit(f"workplan generate failed:\n{made.stderr}")
    return plan, returns


def workbook_of(csv: pathlib.Path) -> pathlib.Path:
    """The returns of `csv` as one sheet of an .xlsx workbook (text cells as written)."""
    path = csv.with_suffix(".xlsx")
    if path.exists():
        return path
    import csv as csvlib
    rows = list(csvlib.reader(line for line in csv.read_text().splitlines() if not line.startswith("#")))
    try:
        import xlsxwriter  # type: ignore[import-not-found]
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
        sheet = book.add_worksheet("returns")
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell != "":
                    sheet.write_string(r, c, cell)
        book.close()
    except ImportError:
        import openpyxl
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("returns")
        for row in rows:
            sheet.append([cell if cell != "" else None for cell in row])
        book.save(path)
    return path


def best_of(repeat: int, run: Callable[[], Any]) -> Tuple[Any, float]:
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return result, best


def through_pandas_csv(frame: Any) -> Any:
    """The path a DataFrame took before: CSV text, then the CSV reader."""
    return workplan.Updates.from_csv(frame.to_csv(index=False))


def kib(n: float) -> str:
    return f"{n / 1048576:,.0f} MB"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def vm(field: str) -> int:
    """A VmXXX figure of this process, in bytes."""
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=pathlib.Path, default=REPO / "target" / "bench")
    parser.add_argument("--cli", help="the workplan binary (default: cargo run --release -p workplan-cli)")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--no-workbook", action="store_true", help="leave out the .xlsx reading (slow in pandas)")
    args = parser.parse_args()
    items = 100 if args.smoke else args.items
    repeat = 1 if args.smoke else max(1, args.repeat)
    cli = [args.cli] if args.cli else ["cargo", "run", "--quiet", "--release", "--locked", "-p", "workplan-cli", "--"]
    import pandas as pd

    plan_path, csv_path = generated(args.data, items, cli)
    print(f"workplan {workplan.__version__}, pandas {pd.__version__}, Python {sys.version.split()[0]}, best of {repeat}")
    print()
    print("| input | rows | workplan.load_updates | pandas + the CSV-text path | pandas / workplan |")
    print("|---|---:|---:|---:|---:|")
    ours, fast = best_of(repeat, lambda: workplan.load_updates(csv_path))
    theirs, slow = best_of(repeat, lambda: through_pandas_csv(pd.read_csv(csv_path, comment="#", dtype=str)))
    if ours != theirs:
        raise SystemExit("the CSV read by workplan and through pandas differ")
    print(f"| CSV | {len(ours):,} | {ms(fast)} | {ms(slow)} | {slow / fast:.1f}x |", flush=True)
    if not args.no_workbook:
        book = workbook_of(csv_path)
        ours_xlsx, fast = best_of(repeat, lambda: workplan.load_updates(book))
        theirs_xlsx, slow = best_of(1, lambda: through_pandas_csv(pd.read_excel(book, dtype=str)))
        if ours_xlsx != ours or theirs_xlsx != ours:
            raise SystemExit("the workbook read by workplan or through pandas differs from the CSV")
        print(f"| .xlsx | {len(ours_xlsx):,} | {ms(fast)} | {ms(slow)} (one run) | {slow / fast:.1f}x |", flush=True)
    del theirs

    plan = workplan.Plan.from_json(plan_path.read_text())
    rollup, rolled = best_of(repeat, lambda: plan.rollup(ours))
    gc.collect()
    frame, framed = best_of(repeat, rollup.to_pandas)
    del frame
    gc.collect()
    before = vm("VmRSS")
    pathlib.Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from now
    frame = rollup.to_pandas()
    added = vm("VmHWM") - before
    size = int(frame.memory_usage(deep=True).sum())
    print()
    print("| items | rollup | to_pandas | to_pandas / rollup | frame size | peak memory to_pandas adds | added / frame |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(frame):,} | {ms(rolled)} | {ms(framed)} | {framed / rolled:.2f}x | {kib(size)} | {kib(added)} "
          f"| {added / size:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
