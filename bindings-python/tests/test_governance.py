"""Approval path and review cadence in Python."""

from __future__ import annotations

import datetime
from pathlib import Path

import workplan


def test_approval_state_of_the_2020_21_plan(examples: Path) -> None:
    state = workplan.load(examples / "business-plan-2020-21.yaml").approval_state()
    assert state["consistent"] and state["stage"] == "approved"
    assert state["approved"]["body"] == "Leaders' Committee"
    assert [s["date"] for s in state["path"]] == ["2020-03-03", "2020-03-24", "2020-05-19"]


def test_pledge_cadence(examples: Path) -> None:
    dates = workplan.meetings("second tuesday except january, august", datetime.date(2019, 6, 1), "2022-03-31")
    assert len(dates) == 28 and dates[0] == datetime.date(2019, 6, 11)
    result = workplan.cadence(workplan.load(examples / "pledges-2019-2022.yaml"), dates, as_of=datetime.date(2021, 6, 30))
    assert len(result["clusters"]) == 7 and result["gaps"] == []
    assert result["schedule"][7]["cluster"] == result["clusters"][0]
    assert len(result["overdue"]) == 7
