"""A portfolio's rollup on Spark: every plan rolled up by `workplan`, one group per plan.

    python portfolio_job.py --plans DIR --returns DIR/returns --as-of 2021-03-31 --out OUT

The plans are the plan files of one folder (``*.json``, ``*.yaml``, ``*.yml`` whose name does
not end in ``-updates`` or ``-mapping``, as ``workplan portfolio`` takes a folder). The returns
are Parquet partitioned by plan id, Hive style: ``RETURNS/plan=<id>/*.parquet``, with the
columns of a returns file (``item``, ``date``, ``status``, ``percent``, ...; docs/returns.md),
as ``workplan generate --plans N`` writes them.

The driver reads the plan files (plans are small) and broadcasts them; the returns are grouped
by plan and each group is rolled up with Arrow in and Arrow out (``applyInArrow``). The output,
Parquet in OUT, holds the rows of ``workplan portfolio --format parquet`` (the column ``plan``,
then the columns of ``workplan report --format parquet``; docs/rollup.md), each plan's rows in
document order within one file, the plans in no particular order. Spark has no unsigned integers
and no dictionary columns: counts are written as 64-bit integers and statuses as plain strings.

Every plan gets its rows, with returns or without: one marker row per plan is added to the
returns before the grouping (all its return columns null), so a plan with no partition still
forms a group, and the marker is dropped before the rollup.

The returns keep their input order (it breaks ties between returns of the same date:
docs/rollup.md): each row carries its file and its row number in the file (Spark's ``_metadata``
column), and each group is sorted by them before the rollup.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Dict, Iterator, Optional, Sequence, Tuple

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

import workplan

PLAN_SUFFIXES = (".json", ".yaml", ".yml")
"""The plan files of a folder: these suffixes, with a stem not ending in -updates or -mapping."""

FILE, ROW = "_returns_file", "_returns_row"
"""Where each return came from: its file and its row number there (null on a marker row)."""


def plan_files(folder: Path) -> Iterator[Path]:
    """The plan files of `folder`, in file-name order (not recursive)."""
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in PLAN_SUFFIXES and not path.stem.endswith(("-updates", "-mapping")):
            yield path


def parse_plan(suffix: str, text: str) -> workplan.Plan:
    """A plan from the text of a .json, .yaml or .yml file."""
    return workplan.Plan.from_json(text) if suffix == ".json" else workplan.Plan.from_yaml(text)


def read_plans(folder: Path) -> Dict[str, Tuple[str, str]]:
    """Plan id -> (suffix, text) of every plan file in `folder`, each parsed once here so that a bad
    file or a repeated id fails on the driver, naming the file."""
    plans: Dict[str, Tuple[str, str]] = {}
    seen: Dict[str, Path] = {}
    for path in plan_files(folder):
        text = path.read_text(encoding="utf-8")
        try:
            plan_id = parse_plan(path.suffix, text).id
        except workplan.WorkplanError as error:
            raise SystemExit(f"{path}: {error}") from error
        if plan_id in seen:
            raise SystemExit(f"{path}: plan id {plan_id!r} is also the id of {seen[plan_id]}")
        seen[plan_id] = path
        plans[plan_id] = (path.suffix, text)
    if not plans:
        raise SystemExit(f"{folder}: no plan files (*.json, *.yaml, *.yml)")
    return plans


def spark_type(arrow: pa.DataType) -> pa.DataType:
    """The Arrow type Spark can take for `arrow`: dictionaries decoded, unsigned integers as int64."""
    if pa.types.is_dictionary(arrow):
        return spark_type(arrow.value_type)
    if pa.types.is_unsigned_integer(arrow):
        return pa.int64()
    if pa.types.is_struct(arrow):
        return pa.struct([field.with_type(spark_type(field.type)) for field in arrow])
    return arrow


def rows_schema(suffix: str, text: str, as_of: str) -> pa.Schema:
    """The output's Arrow schema: ``plan``, then the rollup rows' columns (from a rollup of one
    plan without returns), in types Spark can take."""
    rows = pa.table(parse_plan(suffix, text).rollup(as_of=as_of).to_arrow("rows"))
    fields = [pa.field("plan", pa.string(), nullable=False), *rows.schema]
    return pa.schema([field.with_type(spark_type(field.type)) for field in fields])


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=Path, required=True, help="the folder of plan files")
    parser.add_argument("--returns", required=True, help="the returns: Parquet partitioned by plan (plan=<id>/)")
    parser.add_argument("--as-of", required=True, help="the date of the numbers, YYYY-MM-DD")
    parser.add_argument("--out", required=True, help="the folder to write the rows into, as Parquet")
    parser.add_argument("--master", help="the Spark master (default: spark-submit's, else local[2])")
    args = parser.parse_args(argv)

    builder = (
        SparkSession.builder.appName("workplan portfolio")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # Plan ids are text: a partition `plan=0001` must not be read as the number 1.
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
    )
    # spark-submit starts the driver with a gateway (and its --master); a plain `python` run does not,
    # and its workers then run this same Python (which has workplan and pyarrow) unless told otherwise.
    if args.master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master(args.master or "local[2]")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()

    plans = read_plans(args.plans)
    schema = rows_schema(*next(iter(plans.values())), args.as_of)
    shared = spark.sparkContext.broadcast(plans)
    as_of = args.as_of

    def rollup_plan(group: pa.Table) -> pa.Table:
        """The rows of one plan's rollup, from its returns (and its marker row)."""
        plan_id = group.column("plan")[0].as_py()
        if plan_id not in shared.value:
            raise ValueError(f"returns for plan {plan_id!r}, but no plan file in the folder has that id")
        returns = group.filter(pc.is_valid(group[ROW])).sort_by([(FILE, "ascending"), (ROW, "ascending")])
        updates = workplan.Updates.from_frame(returns.drop_columns(["plan", FILE, ROW])) if len(returns) else None
        rollup = parse_plan(*shared.value[plan_id]).rollup(updates, as_of=as_of)
        rows = pa.table(rollup.to_arrow("rows"))
        rows = rows.add_column(0, "plan", pa.array([plan_id] * len(rows), pa.string()))
        return rows.cast(schema)

    # mergeSchema: a column that only some plans' returns have (`value`, `member`, ...) is read
    # as null in the others.
    returns = spark.read.option("mergeSchema", "true").parquet(args.returns).select(
        "*", F.col("_metadata.file_path").alias(FILE), F.col("_metadata.row_index").alias(ROW)
    )
    markers = spark.createDataFrame([(plan_id,) for plan_id in plans], "plan string")
    every_plan = returns.unionByName(markers, allowMissingColumns=True)
    rows = every_plan.groupBy("plan").applyInArrow(rollup_plan, from_arrow_schema(schema))
    rows.write.mode("overwrite").parquet(args.out)
    spark.stop()


if __name__ == "__main__":
    main()
