"""Percentages as every face writes them: the shared cases of tests/display/percent.json, replayed
through ``workplan.format_percent`` (the library's formatter), and the places Python shows one."""

from __future__ import annotations

import json

import workplan
from conftest import REPO

CASES = json.loads((REPO / "tests" / "display" / "percent.json").read_text(encoding="utf-8"))["cases"]


def test_the_shared_cases() -> None:
    assert len(CASES) > 20
    for value, text in CASES:
        assert workplan.format_percent(value) == text, value


def test_python_shows_the_librarys_text() -> None:
    plan = workplan.Plan.from_yaml(
        "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n"
        "items: [{id: a, title: A}, {id: b, title: B}]\n"
    )
    # 31.25% is a tie: the library writes 31.2% (Python's own f"{x:.1f}" agrees here, JS's Intl would not).
    rollup = plan.rollup([{"item": "a", "date": "2020-06-30", "percent": 31.25}], as_of="2020-12-31")
    row = rollup.row("a")
    assert row.progress == 0.3125
    assert "31.2%" in repr(row)
    assert f"<td>{workplan.format_percent(row.progress)}</td>" in rollup._repr_html_()
    # A whole number has no ".0" (Python's f"{x:.1f}" would write 50.0%).
    half = plan.rollup([{"item": "a", "date": "2020-06-30", "percent": 50}], as_of="2020-12-31").row("a")
    assert repr(half).startswith("<RollupRow a: 50% (expected ")


def test_heat_map_cells_round_halves_up_as_the_widget_does() -> None:
    from workplan._display import whole_percent

    # The widget labels a cell with Math.round(p * 100): halves up, where Python's f"{x:.0f}" and
    # round() go to even (12.5 -> "12", 0.5 -> "0", 2.5 -> "2").
    for fraction, text in [(0.125, "13"), (0.005, "1"), (0.025, "3"), (0.145, "14"), (0.994, "99"), (0.0, "0"),
                           (1.0, "100"), (0.335, "34")]:
        assert whole_percent(fraction) == text, fraction
    plan = workplan.Plan.from_yaml(
        "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n"
        "members: [{id: m, name: M}]\nitems: [{id: a, title: A, members: all}]\n"
    )
    rollup = plan.rollup([{"item": "a", "member": "m", "date": "2020-06-30", "percent": 12.5}], as_of="2020-12-31")
    assert ">13<" in rollup.adoption_heatmap()._repr_html_()
