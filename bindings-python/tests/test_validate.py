"""Validation in Python: Diagnostic objects, Report, strict mode, workspaces."""

from __future__ import annotations

from pathlib import Path

import pytest

import workplan

PLAN = (
    "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n"
    "levels: [{id: priority, name: Priority}, {id: output, name: Output}]\n"
    "items:\n  - id: finance.1\n    title: Fair funding\n    children:\n"
    "      - {id: finance.1.c, title: Lobby, due: 2021-06-30}\n      - {id: finance.1.c, title: Again}\n"
)


def test_validate_returns_a_list_of_diagnostics_in_document_order() -> None:
    report = workplan.Plan.from_yaml(PLAN).validate()
    assert isinstance(report, list)
    assert [d.code for d in report] == ["due_outside_period", "duplicate_id"]
    first = report[0]
    assert first.message == "Output `finance.1.c` is due on 2021-06-30, after the plan ends on 2021-03-31."
    assert (first.severity, first.path, first.item, first.line, first.column) == (
        "warning", ["items", 0, "children", 0, "due"], "finance.1.c", 10, 46)
    assert first.to_dict()["path"] == ["items", 0, "children", 0, "due"]
    assert repr(first).startswith("<Diagnostic warning[due_outside_period] at 10:46: Output")
    assert first == workplan.Plan.from_yaml(PLAN).validate()[0]
    assert first != report[1]
    assert report.counts == {"error": 1, "warning": 1, "info": 0}
    assert report.has_errors()
    html = report._repr_html_()
    assert "<table>" in html and "duplicate_id" in html and "&lt;" not in report[0].message


def test_strict_validation_raises_with_the_diagnostics() -> None:
    with pytest.raises(workplan.ValidationError) as caught:
        workplan.Plan.from_yaml(PLAN).validate(strict=True)
    assert [d.code for d in caught.value.diagnostics] == ["due_outside_period", "duplicate_id"]
    assert isinstance(caught.value, workplan.WorkplanError)
    clean = workplan.Plan.from_yaml(PLAN.replace(", due: 2021-06-30", "").replace("finance.1.c, title: Again", "finance.1.d, title: Again"))
    assert clean.validate(strict=True) == []


def test_the_london_councils_plans_validate_together(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    pledges = workplan.load(examples / "pledges-2019-2022.yaml")
    reports = dict(workplan.Workspace([plan, pledges]).validate(
        {"pledges-2019-2022": workplan.load_updates(examples / "pledges-2019-2022-updates.csv")}))
    assert not reports["business-plan-2020-21"].has_errors()
    assert [d.code for d in reports["pledges-2019-2022"] if d.severity != "info"] == ["status_mismatch"]
    coverage = workplan.Workspace([plan, pledges]).coverage("pledges-2019-2022")
    assert "transport.3" in coverage["unlinked"]
