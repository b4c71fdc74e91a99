"""Columns out: rollups, series, findings and the outline as Arrow tables through the PyCapsule
interface, taken by pyarrow, polars and DuckDB without copies, with the values of the JSON form."""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

import pytest

import workplan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "london-councils"
pa = pytest.importorskip("pyarrow")


def pledges() -> Any:
    plan = workplan.load(EXAMPLES / "pledges-2019-2022.yaml")
    return plan, plan.rollup(EXAMPLES / "pledges-2019-2022-updates.csv", as_of="2021-03-31")


def test_rows_cells_and_audit_are_arrow_tables_with_the_json_values() -> None:
    _, rollup = pledges()
    data = rollup.to_dict()
    rows = pa.table(rollup.to_arrow()).to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in data["rows"]]
    for arrow_row, json_row in zip(rows, data["rows"]):
        assert arrow_row["as_of"] == datetime.date(2021, 3, 31)
        for key, value in json_row.items():
            got = arrow_row[key]
            if isinstance(got, datetime.date):
                got = got.isoformat()
            if isinstance(value, float):
                assert math.isclose(got, value, rel_tol=0, abs_tol=0), key
            else:
                assert got == value, (json_row["id"], key)
    cells = pa.table(rollup.to_arrow("adoption"))
    assert cells.num_rows == len(data["adoption"]) == 33 * 52
    assert set(cells.column_names) >= {"item", "member", "state", "progress", "expected", "variance", "share_of_sum"}
    assert pa.table(rollup.to_arrow("excluded")).num_rows == len(data["excluded"])
    with pytest.raises(workplan.WorkplanError, match="rows"):
        rollup.to_arrow("cells")


def test_polars_and_duckdb_take_the_tables() -> None:
    pl = pytest.importorskip("polars")
    duckdb = pytest.importorskip("duckdb")
    _, rollup = pledges()
    frame = rollup.to_polars()
    assert frame.shape == (len(rollup.rows), 33)
    assert frame.filter(pl.col("depth") == 0)["id"].to_list() == [r.id for r in rollup.rows if r.depth == 0]
    rows = rollup.to_arrow()
    areas = duckdb.sql("select id, progress from rows where depth = 0 order by id").fetchall()
    assert areas == sorted((r.id, r.progress) for r in rollup.rows if r.depth == 0)
    cells = rollup.to_arrow("adoption")
    behind = duckdb.sql(
        "select member, count(*) from cells where state = 'reported' and variance < -0.25 group by member order by 2 desc, 1"
    ).fetchall()
    assert behind == sorted(
        ((m, n) for m, n in _count_behind(rollup).items()), key=lambda pair: (-pair[1], pair[0])
    )


def _count_behind(rollup: Any) -> Any:
    counts: dict = {}
    for cell in rollup.adoption:
        if cell["state"] == "reported" and cell["variance"] is not None and cell["variance"] < -0.25:
            counts[cell["member"]] = counts.get(cell["member"], 0) + 1
    return counts


def test_to_pandas_is_built_from_arrow_with_typed_columns() -> None:
    pd = pytest.importorskip("pandas")
    _, rollup = pledges()
    frame = rollup.to_pandas()
    assert list(frame.columns) == workplan._rollup.COLUMNS
    assert str(frame["last_update"].dtype) == "datetime64[ns]"
    assert frame["status"].cat.ordered and list(frame["status"].cat.categories) == [
        "done", "on_track", "at_risk", "off_track", "not_started", "unknown"]
    assert str(frame["progress"].dtype) == "Float64" and str(frame["members_in_scope"].dtype) == "Int64"
    assert frame["is_leaf"].dtype == bool and str(frame["stale"].dtype) == "boolean"
    cells = rollup.to_pandas("adoption")
    assert len(cells) == 33 * 52 and isinstance(cells, pd.DataFrame)


def test_series_findings_and_outline_as_columns() -> None:
    plan, _ = pledges()
    series = plan.rollup_series(EXAMPLES / "pledges-2019-2022-updates.csv", dates=["2020-03-31", "2021-03-31"])
    long = pa.table(series.to_arrow())
    assert long.num_rows == 2 * len(plan.outline())
    assert len(series.to_pandas()) == long.num_rows
    report = plan.validate()
    findings = pa.table(report.to_arrow())
    assert findings.column("code").to_pylist() == [d.code for d in report]
    empty = workplan.Plan.from_yaml("workplan: 1\nid: x\ntitle: X\nperiod: {start: 2020-01-01, end: 2020-12-31}\n")
    none = empty.validate().to_pandas()
    assert len(none) == 0 and list(none.columns)[:3] == ["code", "severity", "message"]
    outline = pa.table(plan.to_arrow())
    assert outline.column("id").to_pylist() == [row["id"] for row in plan.outline()]
