"""Replays the shared conformance corpus in tests/fixtures/ and the hostile-input corpus in
tests/fixtures/hostile/ (see their READMEs): the Python face must give exactly the answers the Rust
and JS faces give."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

import workplan
from conftest import FIXTURES, REPO

HOSTILE = FIXTURES / "hostile"


def cases(folder: Path, at_least: int) -> List[Path]:
    found = sorted(p for p in folder.iterdir() if p.is_dir() and p != HOSTILE)
    assert len(found) >= at_least, f"the corpus has only {len(found)} cases"
    return found


@pytest.fixture(scope="session")
def generated() -> Iterator[Path]:
    """The inputs of the hostile cases' recipes (tests/fixtures/hostile/README.md), written once
    per session by `workplan generate --recipes`: the one expander, the Rust runner's too. The
    CLI is the binary in ``WORKPLAN_CLI`` when it is set, else ``cargo run``."""
    cli = os.environ.get("WORKPLAN_CLI")
    command = [cli] if cli else ["cargo", "run", "--quiet", "--locked", "-p", "workplan-cli", "--"]
    with tempfile.TemporaryDirectory(prefix="workplan-generated-") as out:
        run = subprocess.run(
            [*command, "generate", "--recipes", str(HOSTILE), "--out", out], cwd=REPO, capture_output=True, text=True
        )
        assert run.returncode == 0, f"workplan generate --recipes failed:\n{run.stderr}"
        yield Path(out)


class Inputs:
    """A case's input files: in its folder, or (from its recipe) in the folder ``generated``."""

    def __init__(self, case: Path, spec: Dict[str, Any], generated: Optional[Path]) -> None:
        self.case, self.spec, self.generated = case, spec, generated

    def named(self, stem: str) -> Optional[Path]:
        for name in self.spec.get("generate") or {}:
            if Path(name).stem == stem:
                assert self.generated is not None, f"{self.case}: recipes are written for hostile cases only"
                path = self.generated / self.case.name / name
                assert path.is_file(), f"{path}: not written by workplan generate --recipes"
                return path
        found = [p for p in self.case.iterdir() if p.is_file() and p.stem == stem]
        assert len(found) <= 1, self.case
        return found[0] if found else None


def findings_expectation(found: List[Dict[str, Any]]) -> Any:
    """More than 20 findings are expected as a summary: count, codes, the first three, the last."""
    if len(found) <= 20:
        return found
    codes = Counter(d["code"] for d in found)
    return {"count": len(found), "codes": dict(sorted(codes.items())), "first": found[:3], "last": found[-1:]}


def check_canonical(case: Path, expected: Any, text: str) -> None:
    """The saved JSON equals the case's canonical file, or (generated cases) its length and SHA-256."""
    if isinstance(expected, dict):
        data = text.encode()
        assert {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()} == expected
    else:
        assert text == (case / expected).read_text()


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


def rollup_case(inputs: Inputs, spec: Dict[str, Any]) -> None:
    plan_file = inputs.named("plan")
    assert plan_file is not None
    plan = workplan.load(plan_file)
    updates = inputs.named("updates")
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


def api_error_json(error: workplan.WorkplanError, expected: Dict[str, Any]) -> Dict[str, Any]:
    """The error as the case expects it: ``code``, ``name`` (the class), ``message``, and the
    ``path`` of a ``ParseError`` or the ``fields`` the case names, as attributes."""
    found: Dict[str, Any] = {"code": error.code, "name": type(error).__name__, "message": str(error)}
    if isinstance(error, workplan.ParseError):
        found["path"] = error.pointer
    found["fields"] = {key: getattr(error, key, None) for key in expected.get("fields", {})}
    return {key: found[key] for key in expected}


def api_call(plan: workplan.Plan, updates: Optional[Path], call: Dict[str, Any]) -> None:
    """Makes one call of an ``api`` case as the Python face makes it."""
    kind = call["call"]
    returns = str(updates) if updates else None
    if kind == "explain":
        plan.rollup(returns).explain(call["item"])
    elif kind == "coverage":
        workplan.Workspace([plan]).coverage(call["plan"])
    elif kind == "meetings":
        workplan.meetings(call["rule"], call["start"], call["end"])
    elif kind == "rollup":
        plan.rollup(returns, as_of=call.get("as_of"), known_at=call.get("known_at"), **(call.get("settings") or {}))
    elif kind == "rollup_series":
        plan.rollup_series(returns, call["dates"])
    elif kind == "paper":
        plan.rollup(returns).to_html(locale=call["locale"])
    elif kind == "read_updates":
        workplan.Updates.from_csv(call["csv"], on_error=call["on_error"])
    else:
        raise AssertionError(f"no API call {kind!r} in the Python face")


def api_case(inputs: Inputs, spec: Dict[str, Any]) -> None:
    """Each call gives the error the case expects (the calls Python has: see ``faces``)."""
    plan_file = inputs.named("plan")
    assert plan_file is not None
    plan = workplan.load(plan_file)
    updates = inputs.named("updates")
    made = 0
    for call in spec["api"]:
        if "python" not in call.get("faces", ["python"]):
            continue
        with pytest.raises(workplan.WorkplanError) as caught:
            api_call(plan, updates, call)
        assert api_error_json(caught.value, call["error"]) == call["error"], call
        made += 1
    assert made > 0


@pytest.mark.parametrize("case", cases(FIXTURES, 100), ids=lambda p: p.name)
def test_fixture_case(case: Path) -> None:
    replay(case, None)


@pytest.mark.parametrize("case", cases(HOSTILE, 40), ids=lambda p: p.name)
def test_hostile_case(case: Path, generated: Path) -> None:
    replay(case, generated)


def replay(case: Path, generated: Optional[Path]) -> None:
    spec: Dict[str, Any] = json.loads((case / "case.json").read_text())
    inputs = Inputs(case, spec, generated)
    if "api" in spec:
        api_case(inputs, spec)
        return
    if "options" in spec:
        rollup_case(inputs, spec)
        return
    paper = case / "paper.txt"
    if paper.is_file():
        if "error" in spec:
            with pytest.raises(workplan.PaperImportError) as caught:
                workplan.import_paper(paper)
            assert {"code": caught.value.code, "message": str(caught.value)} == spec["error"]
            return
        imported = workplan.import_paper(paper)
        check_canonical(case, spec["import"]["draft"], imported.plan.to_json())
        assert imported.summary == spec["import"]["summary"]
        return
    if (case / "workspace").is_dir():
        plans = [workplan.load(p) for p in sorted((case / "workspace").iterdir())]
        reports = workplan.Workspace(plans).validate()
        assert [{"plan": plan, "diagnostics": diagnostics_json(report)} for plan, report in reports] == spec["reports"]
        return
    plan_file, updates_file = inputs.named("plan"), inputs.named("updates")
    if plan_file is not None:
        if "error" in spec:
            with pytest.raises(workplan.ParseError) as caught:
                workplan.load(plan_file)
            assert error_json(caught.value) == spec["error"]
            return
        plan = workplan.load(plan_file)
        check_canonical(case, spec["ok"]["canonical"], plan.to_json())
        assert plan.summary()["items"] == spec["ok"]["items"]
        updates = workplan.load_updates(updates_file) if updates_file else None
        report = plan.validate(updates)
        assert isinstance(report, list) and isinstance(report, workplan.Report)
        assert findings_expectation(diagnostics_json(report)) == spec["diagnostics"]
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
    if "csv" in spec["ok"]:
        check_canonical(case, spec["ok"]["csv"], loaded.to_csv())
    else:
        assert json.loads((case / spec["ok"]["canonical"]).read_text()) == loaded.to_records()
    assert workplan.Updates.from_csv(loaded.to_csv()) == loaded
    assert workplan.Updates.from_records(loaded.to_records()) == loaded
