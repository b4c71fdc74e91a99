"""Replays the shared conformance corpus in tests/fixtures/ (see its README): the Python face must
give exactly the answers the Rust and JS faces give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import workplan
from conftest import FIXTURES


def cases() -> List[Path]:
    found = sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    assert len(found) >= 100, f"the corpus has only {len(found)} cases"
    return found


def named(case: Path, stem: str) -> Optional[Path]:
    found = [p for p in case.iterdir() if p.is_file() and p.stem == stem]
    assert len(found) <= 1, case
    return found[0] if found else None


def diagnostics_json(report: List[workplan.Diagnostic]) -> List[Dict[str, Any]]:
    return [
        {
            "code": d.code,
            "severity": d.severity,
            "message": d.message,
            "path": d.pointer,
            "item": d.item,
            "line": d.line,
            "column": d.column,
            "hint": d.hint,
            "document": d.document,
        }
        for d in report
    ]


def error_json(error: workplan.ParseError) -> Dict[str, Any]:
    return {"code": error.code, "message": str(error), "path": error.pointer, "line": error.line, "column": error.column}


def close(a: Any, b: Any) -> bool:
    """JSON equality with numbers within 1e-12."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-12
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    return bool(a == b)


def rollup_case(case: Path, spec: Dict[str, Any]) -> None:
    plan = workplan.load(case / "plan.yaml")
    updates = named(case, "updates")
    options = spec["options"]
    kwargs: Dict[str, Any] = dict(options.get("settings") or {})
    rollup = plan.rollup(
        str(updates) if updates else None,
        as_of=options.get("as_of"),
        known_at=options.get("known_at"),
        **kwargs,
    )
    data = rollup.to_dict()
    assert close(data, spec["rollup"]), json.dumps(data, indent=1)
    rows = {row.id: row for row in rollup.rows}
    for key, expected in spec["worked"].items():
        item, column = key.rsplit(".", 1)
        got = getattr(rows[item], column)
        if column == "last_update" and got is not None:
            got = got.isoformat()
        assert close(got, expected), f"{key}: worked {expected}, got {got}"


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_fixture_case(case: Path) -> None:
    spec: Dict[str, Any] = json.loads((case / "case.json").read_text())
    if "options" in spec:
        rollup_case(case, spec)
        return
    if (case / "workspace").is_dir():
        plans = [workplan.load(p) for p in sorted((case / "workspace").iterdir())]
        reports = workplan.Workspace(plans).validate()
        assert [{"plan": plan, "diagnostics": diagnostics_json(report)} for plan, report in reports] == spec["reports"]
        return
    plan_file, updates_file = named(case, "plan"), named(case, "updates")
    if plan_file is not None:
        if "error" in spec:
            with pytest.raises(workplan.ParseError) as caught:
                workplan.load(plan_file)
            assert error_json(caught.value) == spec["error"]
            return
        plan = workplan.load(plan_file)
        assert plan.to_json() == (case / spec["ok"]["canonical"]).read_text()
        assert plan.summary()["items"] == spec["ok"]["items"]
        updates = workplan.load_updates(updates_file) if updates_file else None
        report = plan.validate(updates)
        assert isinstance(report, list) and isinstance(report, workplan.Report)
        assert diagnostics_json(report) == spec["diagnostics"]
        if not any(d.code == "non_finite" for d in report):
            assert workplan.Plan.from_json(plan.to_json()) == plan
            assert workplan.Plan.from_yaml(plan.to_yaml()) == plan
            assert workplan.Plan.from_dict(plan.to_dict()) == plan
        return
    assert updates_file is not None, case
    if "error" in spec:
        with pytest.raises(workplan.ParseError) as caught:
            workplan.load_updates(updates_file)
        assert error_json(caught.value) == spec["error"]
        return
    loaded = workplan.load_updates(updates_file)
    assert len(loaded) == spec["ok"]["rows"]
    assert json.loads((case / spec["ok"]["canonical"]).read_text()) == loaded.to_records()
    assert workplan.Updates.from_csv(loaded.to_csv()) == loaded
    assert workplan.Updates.from_records(loaded.to_records()) == loaded
