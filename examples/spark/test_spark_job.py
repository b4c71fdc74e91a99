"""The Spark job against the single process: on a generated portfolio, the job's rows (Spark,
master local[2]) equal ``workplan portfolio --format parquet``'s row for row, every column, floats
to the bit. Run by ``cargo xtask test-spark``, which installs Java and pyspark and sets
``WORKPLAN_CLI`` (the workplan command to use) and ``PYSPARK_PYTHON``.
"""

from __future__ import annotations

import datetime
import math
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import workplan

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from portfolio_job import spark_type  # noqa: E402

CLI = os.environ.get("WORKPLAN_CLI", "workplan")
WITHOUT_RETURNS = "plan-0002"
"""A plan whose returns the test removes (its partition and its files): it must get its rows all
the same."""


def cli(*args: object) -> None:
    subprocess.run([CLI, *map(str, args)], check=True)


def as_of_of(folder: Path) -> str:
    """A date two thirds into the first plan's period, so that some returns are after it."""
    start, end = workplan.load(folder / "plan-0001.json").period
    return (start + (end - start) * 2 / 3).isoformat()


def exact(value: Any) -> Any:
    """`value` with every float as its bits (so -0.0, 0.0 and NaN are told apart)."""
    if isinstance(value, float):
        return struct.pack("<d", value)
    if isinstance(value, dict):
        return {key: exact(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [exact(inner) for inner in value]
    return value


def by_plan(table: pa.Table) -> pa.Table:
    """The rows grouped by plan, in plan order, each plan's rows in the order they came (a stable
    sort): the portfolio's order, whatever order Spark wrote the plans in."""
    return table.take(pc.sort_indices(table, [("plan", "ascending")]))


def differences(job: pa.Table, single: pa.Table) -> List[str]:
    """How the job's rows differ from the single process's: columns, types, then values (at most a
    few lines per column); empty when they are the same."""
    if job.schema.names != single.schema.names:
        return [f"columns {job.schema.names} != {single.schema.names}"]
    found = [
        f"column {field.name}: {job.schema.field(field.name).type} is not Spark's {spark_type(field.type)}"
        for field in single.schema
        if job.schema.field(field.name).type != spark_type(field.type)
    ]
    if job.num_rows != single.num_rows:
        return [*found, f"{job.num_rows} rows != {single.num_rows}"]
    job, single = by_plan(job), by_plan(single)
    keys = list(zip(single["plan"].to_pylist(), single["id"].to_pylist()))
    for name in single.schema.names:
        mine, theirs = job[name].to_pylist(), single[name].to_pylist()
        wrong = [i for i, (a, b) in enumerate(zip(mine, theirs)) if exact(a) != exact(b)]
        found += [f"{name} at {keys[i]}: {mine[i]!r} != {theirs[i]!r}" for i in wrong[:3]]
    return found


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Any]:
    """A generated portfolio (one plan's returns removed), the job's rows and the single process's."""
    folder = tmp_path_factory.mktemp("portfolio")
    cli("generate", "--plans", 4, "--items", 300, "--out", folder)
    shutil.rmtree(folder / "returns" / f"plan={WITHOUT_RETURNS}")
    for returns in folder.glob(f"{WITHOUT_RETURNS}-updates*"):
        returns.unlink()
    as_of = as_of_of(folder)
    out = folder.parent / "job-rows"
    subprocess.run(
        [sys.executable, HERE / "portfolio_job.py", "--plans", folder, "--returns", folder / "returns",
         "--as-of", as_of, "--out", out, "--master", "local[2]"],
        check=True,
    )
    cli("portfolio", folder, "--as-of", as_of, "--format", "parquet", "-o", folder.parent / "rows.parquet")
    return {
        "folder": folder,
        "as_of": as_of,
        "job": pq.read_table(out),
        "single": pq.read_table(folder.parent / "rows.parquet"),
    }


def test_the_job_gives_the_single_process_rows(portfolio: Dict[str, Any]) -> None:
    job, single = portfolio["job"], portfolio["single"]
    found = differences(job, single)
    assert not found, "the job's rows differ from workplan portfolio's:\n" + "\n".join(found)
    plans = set(single["plan"].to_pylist())
    assert WITHOUT_RETURNS in plans and len(plans) >= 4, plans
    assert set(job["as_of"].to_pylist()) == {datetime.date.fromisoformat(portfolio["as_of"])}
    assert pc.max(single["leaves_with_data"]).as_py() > 0, "the portfolio's returns were not counted"


def test_the_comparison_sees_another_date_and_one_float_off(portfolio: Dict[str, Any], tmp_path: Path) -> None:
    job, single = portfolio["job"], portfolio["single"]
    earlier = (datetime.date.fromisoformat(portfolio["as_of"]) - datetime.timedelta(days=40)).isoformat()
    cli("portfolio", portfolio["folder"], "--as-of", earlier, "--format", "parquet", "-o", tmp_path / "rows.parquet")
    assert any(line.startswith("progress at ") for line in differences(job, pq.read_table(tmp_path / "rows.parquet")))

    ordered = by_plan(single)
    progress = ordered["progress"].to_pylist()
    at = next(i for i, value in enumerate(progress) if value)
    progress[at] = math.nextafter(progress[at], math.inf)
    nudged = ordered.set_column(ordered.schema.get_field_index("progress"), "progress",
                                pa.array(progress, pa.float64()))
    assert [line.split(":")[0] for line in differences(job, nudged)] == [
        f"progress at {(ordered['plan'][at].as_py(), ordered['id'][at].as_py())}"
    ]
