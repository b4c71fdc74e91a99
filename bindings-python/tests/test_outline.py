"""Plan.outline(), Plan.to_pandas() and the plan's HTML for Jupyter."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

import workplan


def test_outline_rows_follow_the_document(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    rows = plan.outline()
    assert len(rows) == plan.summary()["items"] == 202
    by_id = {r["id"]: r for r in rows}
    a = by_id["finance.1.a"]
    assert (a["parent"], a["depth"], a["level"], a["kind"]) == ("finance.1", 2, "output", "leaf")
    assert a["number"] == "1.1.a" and a["pointer"] == "/items/0/children/0/children/0"
    assert by_id["finance"]["kind"] == "parent" and by_id["finance"]["children"] == 4
    assert plan.period == (datetime.date(2020, 4, 1), datetime.date(2021, 3, 31))
    assert plan.status == "approved"


def test_to_pandas_has_one_row_per_item_with_dtypes(examples: Path) -> None:
    pytest.importorskip("pandas")
    plan = workplan.load(examples / "pledges-2019-2022.yaml")
    frame = plan.to_pandas()
    rows = plan.outline()
    assert list(frame.columns) == list(rows[0].keys())
    assert list(frame["id"]) == [r["id"] for r in rows]
    assert str(frame["due"].dtype).startswith("datetime64")
    assert str(frame["kind"].dtype) == "category" and str(frame["target"].dtype) == "Float64"
    member_items = frame[frame["kind"] == "member_item"]
    assert len(member_items) == 52 and all(len(m) == 33 for m in member_items["members"])


def test_plan_html_is_a_collapsible_outline(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    page = plan._repr_html_()
    parents = sum(1 for r in plan.outline() if r["kind"] == "parent")
    assert page.count("<details") == parents == page.count("</details>")
    assert page.count("<details open") == 11
    assert "London Councils Business Plan 2020/21" in page and "2020-04-01 to 2021-03-31, approved" in page
    assert not re.search(r"<(?!/?(details|summary|div|span|strong|code|p|br)\b)", page)
