"""Replays the shared conformance corpus in tests/fixtures/ (see its README): the Python face must
give exactly the answers the Rust and JS faces give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import workplan
from conftest import FIXTURES


def cases() -> List[Path]:
    found = sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    assert len(found) >= 30, f"the corpus has only {len(found)} cases"
    return found


def input_of(case: Path) -> Path:
    inputs = [p for p in case.iterdir() if p.stem in ("plan", "updates")]
    assert len(inputs) == 1, case
    return inputs[0]


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_fixture_case(case: Path) -> None:
    spec: Dict[str, Any] = json.loads((case / "case.json").read_text())
    source = input_of(case)
    is_plan = source.stem == "plan"
    loader = workplan.load if is_plan else workplan.load_updates
    if "error" in spec:
        expected = spec["error"]
        with pytest.raises(workplan.ParseError) as caught:
            loader(source)
        error = caught.value
        got = {
            "code": error.code,
            "message": str(error),
            "path": error.pointer,
            "line": error.line,
            "column": error.column,
        }
        assert got == expected
        return
    loaded = loader(source)
    canonical = (case / spec["ok"]["canonical"]).read_text()
    if isinstance(loaded, workplan.Plan):
        assert loaded.to_json() == canonical
        assert loaded.summary()["items"] == spec["ok"]["items"]
        assert workplan.Plan.from_json(loaded.to_json()) == loaded
        assert workplan.Plan.from_yaml(loaded.to_yaml()) == loaded
        assert workplan.Plan.from_dict(loaded.to_dict()) == loaded
    else:
        assert len(loaded) == spec["ok"]["rows"]
        assert json.loads(canonical) == loaded.to_records()
        assert workplan.Updates.from_csv(loaded.to_csv()) == loaded
        assert workplan.Updates.from_records(loaded.to_records()) == loaded
