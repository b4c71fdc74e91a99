"""Rollup in Python: rows with attributes, dates as datetime.date, pandas, explain, updates in
every accepted form."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import workplan

PLAN = """workplan: 1
id: demo
title: Demo
period: {start: 2021-01-01, end: 2021-01-11}
members: [{id: camden, name: Camden}, {id: hackney, name: Hackney}]
items:
  - id: p
    title: P
    children:
      - {id: a, title: A, weight: 2}
      - {id: b, title: B}
      - {id: c, title: C, state: cancelled}
  - {id: m, title: M, members: all, measure: {unit: points, target: 100}}
"""
RETURNS = [
    {"item": "a", "date": datetime.date(2021, 1, 5), "percent": 50},
    {"item": "b", "date": "2021-01-05", "status": "done"},
    {"item": "m", "date": "2021-01-05", "member": "camden", "value": 30},
]


def test_rows_have_attributes_and_dates() -> None:
    rollup = workplan.Plan.from_yaml(PLAN).rollup(RETURNS, as_of=datetime.date(2021, 1, 6))
    assert rollup.as_of == datetime.date(2021, 1, 6)
    p = rollup.row("p")
    assert p.progress == pytest.approx((2 * 0.5 + 1.0) / 3, abs=1e-12)
    assert p.expected == pytest.approx(0.5, abs=1e-12)
    assert p.last_update == datetime.date(2021, 1, 5)
    assert [r.id for r in rollup.rows] == ["p", "a", "b", "c", "m"]
    assert rollup.excluded == [{"item": "c", "reason": "cancelled", "because_of": "c"}]
    assert [cell["state"] for cell in rollup.adoption] == ["reported", "no_report"]
    assert list(rollup.to_records()[0].keys()) == workplan._rollup.COLUMNS
    assert "<table>" in rollup._repr_html_() and repr(rollup).startswith("<Rollup demo as of 2021-01-06")


def test_updates_from_a_path_a_list_a_dataframe_and_updates_agree(tmp_path: Path) -> None:
    plan = workplan.Plan.from_yaml(PLAN)
    as_of = datetime.date(2021, 1, 6)
    from_list = plan.rollup(RETURNS, as_of=as_of).to_dict()
    updates = workplan.Updates.from_records(RETURNS)
    csv = tmp_path / "returns.csv"
    csv.write_text(updates.to_csv())
    assert plan.rollup(updates, as_of=as_of).to_dict() == from_list
    assert plan.rollup(str(csv), as_of=as_of).to_dict() == from_list
    assert plan.rollup(csv, as_of="2021-01-06").to_dict() == from_list
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(updates.to_records())
    frame["date"] = pd.to_datetime(frame["date"])
    assert plan.rollup(frame, as_of=as_of).to_dict() == from_list


def test_settings_are_keywords_and_known_at_is_a_datetime() -> None:
    plan = workplan.Plan.from_yaml(PLAN)
    equal = plan.rollup(RETURNS, as_of=datetime.date(2021, 1, 6), weighting="equal")
    assert equal.row("p").progress == pytest.approx(0.75, abs=1e-12)
    before = plan.rollup(RETURNS, as_of=datetime.date(2021, 1, 6),
                         known_at=datetime.datetime(2021, 1, 4, tzinfo=datetime.timezone.utc))
    assert before.row("p").progress is None
    with pytest.raises(workplan.ParseError) as caught:
        plan.rollup(weighting="heavy")
    assert caught.value.path == ["settings", "weighting"]


def test_to_pandas_has_proper_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    frame = workplan.Plan.from_yaml(PLAN).rollup(RETURNS, as_of=datetime.date(2021, 1, 6)).to_pandas()
    assert list(frame.columns) == workplan._rollup.COLUMNS
    assert str(frame["progress"].dtype) == "Float64"
    assert str(frame["last_update"].dtype).startswith("datetime64")
    assert frame["status"].cat.ordered
    assert pd.isna(frame.loc[frame["id"] == "c", "progress"]).all()


def test_adoption_matrix_is_member_by_item() -> None:
    pytest.importorskip("pandas")
    matrix = workplan.Plan.from_yaml(PLAN).rollup(RETURNS, as_of=datetime.date(2021, 1, 6)).adoption_matrix()
    assert list(matrix.index) == ["camden", "hackney"]
    assert list(matrix.columns) == ["m"]
    assert matrix.loc["camden", "m"] == pytest.approx(0.3)


def test_explain_reproduces_the_number(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    rollup = plan.rollup(examples / "business-plan-2020-21-updates.csv", as_of=datetime.date(2020, 12, 31))
    explanation = rollup.explain("finance.1")
    assert str(explanation).startswith(explanation["summary"] + "\nPriority finance.1: 45.7% = (1 x 55% + 1 x 100%")
    assert explanation["summary"].endswith("against 75.3% expected by 31 December 2020 (29.6 points behind): off track, "
                                           "derived from the schedule. Data is in for 6 of 7 items.")
    counted = [c for c in explanation["children"] if c["counted"]]
    weighted = sum(c["weight"] * (c["progress"] or 0.0) for c in counted) / sum(c["weight"] for c in counted)
    assert weighted == pytest.approx(rollup.row("finance.1").progress, abs=1e-12)
    with pytest.raises(workplan.WorkplanError):
        rollup.explain("nope")


def test_committee_papers_match_the_snapshots(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    rollup = plan.rollup(examples / "business-plan-2020-21-updates.csv", as_of=datetime.date(2020, 12, 31))
    snapshots = Path(__file__).resolve().parents[2] / "tests" / "snapshots"
    assert rollup.to_markdown() == (snapshots / "business-plan-2020-21.md").read_text()
    assert rollup.to_html() == (snapshots / "business-plan-2020-21.html").read_text()


def test_the_jupyter_table_says_how_much_data_is_in_and_where_a_status_comes_from(examples: Path) -> None:
    plan = workplan.load(examples / "pledges-2019-2022.yaml")
    updates = workplan.load_updates(examples / "pledges-2019-2022-updates.csv")
    rollup = plan.rollup(updates, as_of=datetime.date(2021, 3, 31))
    page = rollup._repr_html_()
    assert page.startswith("<p><strong>Our Pledges to Londoners</strong>"), "the plan's title, not its id"
    rows = page.split("<tr>")[2:]
    assert len(rows) == len(rollup.rows)
    for row, html_row in zip(rollup.rows, rows):
        if row.members_adopted is not None:
            assert f"{row.members_reported} of {row.members_adopted} members" in html_row, html_row
        assert ("low coverage" in html_row) == row.low_coverage, html_row
        if row.included:
            assert ("dashed" in html_row) == (row.status_source == "derived"), html_row
    assert sum(r.low_coverage for r in rollup.rows) > 0
    business = workplan.load(examples / "business-plan-2020-21.yaml").rollup(
        workplan.load_updates(examples / "business-plan-2020-21-updates.csv"), as_of=datetime.date(2020, 12, 31))
    assert "6 of 7 items" in business._repr_html_() and "45.7%" in business._repr_html_()


def test_papers_take_a_locale(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    rollup = plan.rollup(examples / "business-plan-2020-21-updates.csv", as_of=datetime.date(2020, 12, 31))
    assert "progress at 31 December 2020" in rollup.to_markdown()
    french = rollup.to_html(locale="fr-FR")
    assert french.startswith('<!doctype html>\n<html lang="fr-FR">')
    assert "progress at <strong>31 décembre 2020</strong>" in french and "45,7%" in french
    with pytest.raises(workplan.WorkplanError, match="unknown locale `xx-YY`"):
        rollup.to_markdown(locale="xx-YY")
