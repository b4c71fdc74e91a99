"""Checks that two rollups give the same numbers: per item, in document order, the same id, progress,
expected and coverage (within 1e-9, null only where the other is null) and the same status."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence

FIELDS = ("progress", "expected", "coverage")


class Mismatch(AssertionError):
    """The two rollups disagree; the message names the first items that differ."""


def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=0.0, abs_tol=1e-9)


def same_numbers(reference: Sequence[Dict[str, Any]], plain: Sequence[Dict[str, Any]], what: str) -> int:
    """Raises Mismatch unless the rows agree; returns the number of rows compared."""
    if len(reference) != len(plain):
        raise Mismatch(f"{what}: {len(reference)} rows from workplan, {len(plain)} from the plain rollup")
    problems: List[str] = []
    for ours, theirs in zip(reference, plain):
        if ours["id"] != theirs["id"]:
            problems.append(f"row order: {ours['id']} vs {theirs['id']}")
        for field in FIELDS:
            if not _close(ours[field], theirs[field]):
                problems.append(f"{ours['id']}.{field}: workplan {ours[field]!r}, plain {theirs[field]!r}")
        if ours["status"] != theirs["status"]:
            problems.append(f"{ours['id']}.status: workplan {ours['status']!r}, plain {theirs['status']!r}")
        if len(problems) >= 10:
            break
    if problems:
        raise Mismatch(f"{what}: the plain rollup disagrees with workplan:\n  " + "\n  ".join(problems))
    return len(reference)
