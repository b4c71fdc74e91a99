"""Rollup.to_pandas() is built column by column from the native side (no dict per row), and gives
exactly the values of the row objects."""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

import pytest

import workplan


def same(frame_value: Any, row_value: Any) -> bool:
    pd = pytest.importorskip("pandas")
    if row_value is None:
        return bool(pd.isna(frame_value))
    if isinstance(row_value, datetime.date):
        return bool(frame_value.date() == row_value)
    if isinstance(row_value, float):
        return math.isclose(float(frame_value), row_value, rel_tol=0, abs_tol=0)
    return bool(frame_value == row_value)


@pytest.mark.parametrize("name", ["business-plan-2020-21", "pledges-2019-2022"])
def test_frame_values_equal_the_rows(examples: Path, name: str) -> None:
    pytest.importorskip("pandas")
    plan = workplan.load(examples / f"{name}.yaml")
    rollup = plan.rollup(examples / f"{name}-updates.csv", as_of="2020-12-31")
    frame = rollup.to_pandas()
    rows = rollup.rows
    assert len(frame) == len(rows)
    for position, row in enumerate(rows):
        for column in workplan._rollup.COLUMNS:
            assert same(frame[column].iloc[position], getattr(row, column)), (row.id, column)


def test_a_large_plan_converts_by_columns() -> None:
    pytest.importorskip("pandas")
    items = [{"id": f"a{a}", "title": f"A{a}", "children": [{"id": f"a{a}.{b}", "title": "x"} for b in range(200)]}
             for a in range(50)]
    plan = workplan.Plan.from_dict({"workplan": 1, "id": "big", "title": "Big",
                                    "period": {"start": "2021-01-01", "end": "2021-12-31"}, "items": items})
    returns = [{"item": f"a{a}.{b}", "date": "2021-06-30", "percent": b % 100} for a in range(50) for b in range(0, 200, 2)]
    rollup = plan.rollup(returns, as_of="2021-07-01")
    columns = rollup._native.columns()
    assert isinstance(columns, dict) and len(columns["id"]) == 10050
    frame = rollup.to_pandas()
    assert frame["progress"].sum() == pytest.approx(sum(r.progress or 0.0 for r in rollup.rows))
    assert frame["status"].value_counts().to_dict() == {
        s: sum(1 for r in rollup.rows if r.status == s) for s in workplan.STATUSES}
