"""What the Python face leaves to the library: the defaults of a review cadence and of a series'
dates, and pairing a workspace's plans with their returns."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import workplan

PLAN = (
    "workplan: 1\nid: {id}\ntitle: T\nperiod: {{start: 2020-04-01, end: 2021-03-31}}\n"
    "items: [{{id: {id}.a, title: A, children: [{{id: {id}.a.1, title: A1}}]}}, {{id: {id}.b, title: B}}]\n"
)


def plan(id: str) -> workplan.Plan:
    return workplan.Plan.from_yaml(PLAN.format(id=id))


def test_cadence_takes_the_librarys_defaults() -> None:
    dates = workplan.meetings("second tuesday", "2020-04-01", "2021-03-31")
    default = workplan.cadence(plan("p"), dates)
    assert (default["level"], default["window_months"], default["as_of"]) == (0, 12, None)
    assert default["clusters"] == ["p.a", "p.b"] and default["overdue"] == []
    given = workplan.cadence(plan("p"), dates, level=1, window_months=1, as_of=datetime.date(2021, 3, 31))
    assert (given["level"], given["window_months"], given["as_of"]) == (1, 1, "2021-03-31")
    assert given["clusters"] == ["p.a.1"] and [o["cluster"] for o in given["overdue"]] == ["p.a.1"]


def test_a_series_without_dates_is_at_the_month_ends(examples: Path) -> None:
    business = workplan.load(examples / "business-plan-2020-21.yaml")
    updates = examples / "business-plan-2020-21-updates.csv"
    default = business.rollup_series(updates)
    firsts = [datetime.date(2020 + (3 + m) // 12, (3 + m) % 12 + 1, 1) for m in range(13)]
    assert default.dates == [first - datetime.timedelta(days=1) for first in firsts[1:]]
    assert default.to_dict() == business.rollup_series(updates, dates=None).to_dict()
    assert business.rollup_series(updates, dates=[]).dates == []


def test_a_workspace_validates_each_plan_with_its_own_returns() -> None:
    # The returns of each plan name an item of the other: wrong for the plan they are given with.
    for_a = workplan.Updates.from_csv("item,date,percent\na.b,2020-06-30,10\n")
    for_b = workplan.Updates.from_csv("item,date,percent\na.b,2020-06-30,10\n")
    workspace = workplan.Workspace([plan("a"), plan("b")])
    reports = dict(workspace.validate(updates={"a": for_a, "b": for_b}))
    assert [d.code for d in reports["a"]] == []
    assert [d.code for d in reports["b"]] == ["unknown_update_item"]
    assert [d.code for d in dict(workspace.validate())["b"]] == []
    with pytest.raises(workplan.UnknownPlanError) as raised:
        workspace.validate(updates={"c": for_a})
    assert (raised.value.code, raised.value.plan, str(raised.value)) == ("unknown_plan", "c", "no plan `c` in the workspace")
    with pytest.raises(workplan.UnknownPlanError):
        workspace.coverage("c")
