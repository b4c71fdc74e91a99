"""Plan.rollup_series: the rollup at many dates in one call, equal to a rollup at each date, as
long-form records and DataFrames and burn-up numbers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import workplan


def test_each_date_equals_a_separate_rollup(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    updates = workplan.load_updates(examples / "business-plan-2020-21-updates.csv")
    dates = [datetime.date(2020, 12, 31), "2020-06-30", datetime.date(2020, 9, 30), "2020-12-31"]
    series = plan.rollup_series(updates, dates, weighting="equal", trend_days=30)
    assert series.dates == [datetime.date(2020, 6, 30), datetime.date(2020, 9, 30), datetime.date(2020, 12, 31)]
    data = series.to_dict()
    assert data["plan"] == "business-plan-2020-21" and len(data["rollups"]) == 3
    for date, got in zip(series.dates, data["rollups"]):
        assert got == plan.rollup(updates, as_of=date, weighting="equal", trend_days=30).to_dict()
    assert repr(series) == "<RollupSeries business-plan-2020-21: 3 dates from 2020-06-30 to 2020-12-31>"
    assert len(series) == 3


def test_the_default_dates_are_the_month_ends_of_the_period(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    series = plan.rollup_series(examples / "business-plan-2020-21-updates.csv")
    assert len(series.dates) == 12
    assert (series.dates[0], series.dates[-1]) == (datetime.date(2020, 4, 30), datetime.date(2021, 3, 31))


def test_long_form_records_and_burn_up(examples: Path) -> None:
    plan = workplan.load(examples / "pledges-2019-2022.yaml")
    updates = workplan.load_updates(examples / "pledges-2019-2022-updates.csv")
    series = plan.rollup_series(updates, ["2020-03-31", "2021-03-31"])
    records = series.to_records()
    items = len(plan.outline())
    assert len(records) == 2 * items
    assert list(records[0].keys()) == ["as_of"] + workplan._rollup.COLUMNS
    later = plan.rollup(updates, as_of="2021-03-31")
    assert [r["progress"] for r in records[items:]] == [row.progress for row in later.rows]
    assert records[items]["as_of"] == datetime.date(2021, 3, 31)
    burn_up = series.burn_up()
    leaves = [r for r in later.to_records() if r["included"] and not any(o["parent"] == r["id"] for o in later.to_records())]
    assert burn_up[1]["scope"] == len(leaves)
    assert burn_up[1]["earned"] == pytest.approx(sum(r["progress"] or 0.0 for r in leaves), abs=1e-9)
    assert burn_up[1]["expected"] == pytest.approx(sum(r["expected"] or 0.0 for r in leaves), abs=1e-9)
    assert burn_up[1]["earned"] > burn_up[0]["earned"]
    assert sum(burn_up[1][s] for s in workplan.STATUSES) == len(leaves)
    assert "<table>" in series._repr_html_()


def test_to_pandas_is_long_form_with_dtypes(examples: Path) -> None:
    pd = pytest.importorskip("pandas")
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    updates = workplan.load_updates(examples / "business-plan-2020-21-updates.csv")
    series = plan.rollup_series(updates, pd.date_range("2020-04-01", "2021-03-31", freq="QE"))
    frame = series.to_pandas()
    assert list(frame.columns) == ["as_of"] + workplan._rollup.COLUMNS
    assert str(frame["as_of"].dtype).startswith("datetime64") and str(frame["progress"].dtype) == "Float64"
    assert frame["status"].cat.ordered
    wide = frame.pivot(index="as_of", columns="id", values="progress")
    assert wide.shape == (4, len(plan.outline()))
    at_end = plan.rollup(updates, as_of="2020-12-31").row("finance.1").progress
    assert wide.loc[pd.Timestamp("2020-12-31"), "finance.1"] == pytest.approx(at_end, abs=0)


def test_bad_dates_are_workplan_errors() -> None:
    plan = workplan.Plan.from_yaml("workplan: 1\nid: d\ntitle: D\nperiod: {start: 2020-01-01, end: 2020-12-31}\n")
    with pytest.raises(workplan.WorkplanError):
        plan.rollup_series(None, "2020-01-31")
    with pytest.raises(workplan.WorkplanError):
        plan.rollup_series(None, ["2020-02-30"])
    assert plan.rollup_series(None, []).dates == []
