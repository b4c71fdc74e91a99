"""What changed between two versions of a plan, from ``workplan.diff(old, new)``."""

from __future__ import annotations

from typing import Any, Dict, List, cast

from workplan._optional import pandas
from workplan._shapes import PlanDiffDict


class PlanDiff:
    """Items added, removed, moved, relabelled and changed (field by field), changes to the plan
    itself, and possible renames. ``str()`` gives the changelog as text."""

    def __init__(self, native: Any) -> None:
        self._native = native
        self._data: Dict[str, Any] = native.to_dict()

    def __getattr__(self, name: str) -> Any:
        if name in ("plan", "added", "removed", "moved", "relabelled", "changed", "possible_renames"):
            return self._data[name]
        raise AttributeError(name)

    def is_empty(self) -> bool:
        """Whether the two versions are the same."""
        return not any(self._data[k] for k in ("plan", "added", "removed", "moved", "relabelled", "changed"))

    def to_dict(self) -> PlanDiffDict:
        """The diff as plain data."""
        return cast(PlanDiffDict, dict(self._data))

    def to_markdown(self) -> str:
        """The changelog as Markdown, for a committee paper."""
        return str(self._native.to_markdown())

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per change: ``kind`` (added, removed, moved, relabelled, changed, plan),
        ``item``, ``field``, ``old``, ``new``, ``cosmetic``."""
        rows: List[Dict[str, Any]] = []
        for c in self._data["plan"]:
            rows.append({"kind": "plan", "item": None, "field": c["field"], "old": c["old"], "new": c["new"], "cosmetic": c["cosmetic"]})
        for i in self._data["added"]:
            rows.append({"kind": "added", "item": i["id"], "field": None, "old": None, "new": i["title"], "cosmetic": False})
        for i in self._data["removed"]:
            rows.append({"kind": "removed", "item": i["id"], "field": None, "old": i["title"], "new": None, "cosmetic": False})
        for m in self._data["moved"]:
            rows.append({"kind": "moved", "item": m["id"], "field": "parent", "old": m["from"], "new": m["to"], "cosmetic": False})
        for r in self._data["relabelled"]:
            rows.append({"kind": "relabelled", "item": r["id"], "field": "label", "old": r["from"], "new": r["to"], "cosmetic": False})
        for item in self._data["changed"]:
            for c in item["changes"]:
                rows.append({"kind": "changed", "item": item["id"], "field": c["field"], "old": c["old"], "new": c["new"], "cosmetic": c["cosmetic"]})
        return rows

    def to_pandas(self) -> Any:
        """The changes as a DataFrame, one row per change. Needs pandas (``pip install 'workplan[pandas]'``)."""
        return pandas().DataFrame.from_records(self.to_records(), columns=["kind", "item", "field", "old", "new", "cosmetic"])

    def __str__(self) -> str:
        return str(self._native.to_text())

    def __repr__(self) -> str:
        return f"<PlanDiff {self._data['old']} -> {self._data['new']}: {self._native.headline()}>"

    def _repr_markdown_(self) -> str:
        """The changelog as Markdown for Jupyter."""
        return self.to_markdown()
