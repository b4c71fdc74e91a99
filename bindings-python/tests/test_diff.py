"""workplan.diff in Python: the real 2020/21 drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

import workplan


def test_diff_of_the_two_drafts(examples: Path) -> None:
    draft = workplan.load(examples / "business-plan-2020-21-draft-2020-03-03.yaml")
    final = workplan.load(examples / "business-plan-2020-21.yaml")
    d = workplan.diff(draft, final)
    assert [i["id"] for i in d.added] == ["schools.2.d"]
    assert [i["id"] for i in d.removed] == ["schools.2.childrens-workforce"]
    assert d.moved == [{"id": "schools.1.c", "from": "schools.2", "to": "schools.1"}]
    assert str(d).startswith("business-plan-2020-21-draft-2020-03-03 -> business-plan-2020-21: 1 added, 1 removed")
    assert "## Changed" in d.to_markdown()
    assert workplan.diff(final, final).is_empty()
    kinds = {r["kind"] for r in d.to_records()}
    assert kinds == {"plan", "added", "removed", "moved", "relabelled", "changed"}
    pd = pytest.importorskip("pandas")
    frame = d.to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(d.to_records())
