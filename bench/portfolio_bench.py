"""The portfolio's figures in BENCHMARKS.md ("Portfolio"): `workplan portfolio` on a generated
portfolio at 1 and 2 threads (wall time, CPU time, peak memory: least of --repeat runs), the three
DuckDB questions of docs/portfolio.md over the Parquet it writes, and, with --spark, the Spark job
of examples/spark/ at local[1] and local[2] against the single process on a smaller portfolio.

    cargo build --release -p workplan-cli
    target/release/workplan generate --plans 400 --items 2500 --depth 3 --updates-per-leaf 11 \\
        --out target/bench/portfolio-400
    .venv/bin/python bench/portfolio_bench.py target/bench/portfolio-400 --as-of 2021-06-30
    target/release/workplan generate --plans 40 --items 2500 --out target/bench/portfolio-40
    .venv/bin/python bench/portfolio_bench.py target/bench/portfolio-40 --as-of 2021-06-30 --spark

Run from the repository root. Spark needs .venv-spark (`cargo xtask test-spark` makes it).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "target" / "release" / "workplan"


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, children included) and peak memory (MB) of a
    command, through GNU time's -v."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", done.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", done.stderr).group(1))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    return wall, user + system, peak


def size_mb(folder: Path, pattern: str) -> float:
    return sum(p.stat().st_size for p in folder.glob(pattern)) / 1e6


def docs_queries() -> list[str]:
    """The three `sql` blocks of docs/portfolio.md, as the tests run them."""
    text = (ROOT / "docs" / "portfolio.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("portfolio", type=Path, help="a folder written by `workplan generate --plans N`")
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--spark", action="store_true", help="also the Spark job at local[1] and local[2]")
    args = parser.parse_args()

    plans = len([p for p in args.portfolio.glob("*.json")])
    print(f"{args.portfolio}: {plans} plans, plans {size_mb(args.portfolio, '*.json'):.0f} MB, "
          f"returns {size_mb(args.portfolio, '*-updates.csv'):.0f} MB of CSV")
    out = Path(tempfile.mkdtemp(prefix="workplan-portfolio-bench-"))
    try:
        single = {}
        for threads in (1, 2):
            runs = [timed([str(CLI), "portfolio", str(args.portfolio), "--as-of", args.as_of,
                           "--threads", str(threads), "-o", str(out / "rows.parquet")])
                    for _ in range(args.repeat)]
            wall, cpu, peak = (min(r[i] for r in runs) for i in range(3))
            single[threads] = wall
            print(f"workplan portfolio --threads {threads}: wall {wall:.2f} s (runs: "
                  f"{', '.join(f'{r[0]:.2f}' for r in runs)}), CPU {cpu:.2f} s, peak {peak:.0f} MB")
        print(f"1 -> 2 threads: {single[1] / single[2]:.2f}x")

        import duckdb

        connection = duckdb.connect()
        for table, suffix in (("rows", ""), ("cells", "-cells"), ("links", "-links")):
            connection.execute(
                f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{out / f'rows{suffix}.parquet'}')")
        count = connection.execute("SELECT count(*), count(DISTINCT plan) FROM rows").fetchone()
        print(f"DuckDB over the Parquet: {count[0]} rows of {count[1]} plans")
        for number, query in enumerate(docs_queries(), start=1):
            # The pledge plan of the generator is `pledges`, the London Councils' `pledges-2019-2022`.
            query = query.replace("'pledges-2019-2022'", "'pledges'")
            best = None
            for _ in range(args.repeat):
                started = time.perf_counter()
                answer = connection.execute(query).fetchall()
                elapsed = time.perf_counter() - started
                best = elapsed if best is None else min(best, elapsed)
            print(f"question {number}: {len(answer)} rows in {best * 1000:.0f} ms")

        if args.spark:
            python = ROOT / ".venv-spark" / "bin" / "python"
            env = dict(os.environ, PYSPARK_PYTHON=str(python), SPARK_LOCAL_IP="127.0.0.1")
            for master in ("local[1]", "local[2]"):
                runs = []
                for _ in range(args.repeat):
                    target = out / f"spark-{master[6]}"
                    shutil.rmtree(target, ignore_errors=True)
                    runs.append(timed([str(python), str(ROOT / "examples" / "spark" / "portfolio_job.py"),
                                       "--plans", str(args.portfolio), "--returns", str(args.portfolio / "returns"),
                                       "--as-of", args.as_of, "--out", str(target), "--master", master], env=env))
                wall = min(r[0] for r in runs)
                print(f"Spark {master}: wall {wall:.1f} s (runs: {', '.join(f'{r[0]:.1f}' for r in runs)}), "
                      f"{wall / single[2]:.0f}x the single process at 2 threads")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
