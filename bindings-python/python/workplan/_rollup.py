"""The result of ``Plan.rollup()``: rows with attributes, records, a pandas DataFrame, the adoption
matrix, the denominator audit, explanations, and a table for Jupyter. The numbers come from the
native engine; this module only presents them."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

COLUMNS = [
    "id", "parent", "depth", "level", "label", "title", "state", "included", "progress", "expected",
    "variance", "status", "reported_status", "derived_status", "status_source", "trend", "last_update",
    "stale", "coverage", "leaves", "status_counts", "value", "target", "unit", "members_in_scope",
    "members_adopted", "members_reported",
]
STATUSES = ["done", "on_track", "at_risk", "off_track", "not_started", "unknown"]
_RAG = {"done": "#1a7f37", "on_track": "#2da44e", "at_risk": "#bf8700", "off_track": "#cf222e",
        "not_started": "#6e7781", "unknown": "#8c959f"}


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return datetime.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class RollupRow:
    """One item's numbers (DESIGN 6.10). Progress, expected and coverage are fractions 0..1."""

    id: str
    parent: Optional[str]
    depth: int
    level: Optional[str]
    label: Optional[str]
    title: str
    state: str
    included: bool
    progress: Optional[float]
    expected: Optional[float]
    variance: Optional[float]
    status: str
    reported_status: Optional[str]
    derived_status: str
    status_source: str
    trend: Optional[str]
    last_update: Optional[datetime.date]
    stale: Optional[bool]
    coverage: Optional[float]
    leaves: int
    status_counts: Dict[str, int]
    value: Optional[float]
    target: Optional[float]
    unit: Optional[str]
    members_in_scope: Optional[int]
    members_adopted: Optional[int]
    members_reported: Optional[int]


class Explanation(Dict[str, Any]):
    """How one number was found (DESIGN 6.9): a dict of the derivation; ``str()`` gives the text."""

    @property
    def text(self) -> str:
        """The derivation as one paragraph."""
        return str(self["text"])

    def __str__(self) -> str:
        return self.text


class Rollup:
    """The rollup of a plan at one date (DESIGN 6.10), from ``Plan.rollup()``."""

    def __init__(self, native: Any) -> None:
        self._native = native
        self._data: Dict[str, Any] = native.to_dict()

    @property
    def plan(self) -> str:
        """The plan's id."""
        return str(self._data["plan"])

    @property
    def as_of(self) -> datetime.date:
        """The date the numbers are for."""
        return datetime.date.fromisoformat(self._data["as_of"])

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per item, the DESIGN 6.10 columns in order, dates as ``datetime.date``."""
        records = []
        for row in self._data["rows"]:
            record = dict(row)
            record["last_update"] = _date(record["last_update"])
            records.append(record)
        return records

    @property
    def rows(self) -> List[RollupRow]:
        """One ``RollupRow`` per item, in document order."""
        return [RollupRow(**record) for record in self.to_records()]

    def row(self, item: str) -> RollupRow:
        """The row of one item."""
        for row in self.rows:
            if row.id == item:
                return row
        raise KeyError(item)

    @property
    def adoption(self) -> List[Dict[str, Any]]:
        """Every member x every member item: ``state``, ``progress``, ``value``, ``date``, ``status``."""
        return [dict(cell, date=_date(cell["date"])) for cell in self._data["adoption"]]

    @property
    def excluded(self) -> List[Dict[str, Any]]:
        """Every item left out of a denominator: ``item``, ``reason``, ``because_of``."""
        return [dict(entry) for entry in self._data["excluded"]]

    def explain(self, item: str) -> Explanation:
        """How the numbers of ``item`` were found; ``str()`` of it is a paragraph."""
        return Explanation(self._native.explain(item))

    def to_markdown(self) -> str:
        """The plan with its rollup as a committee paper in Markdown."""
        return str(self._native.to_markdown())

    def to_html(self) -> str:
        """The plan with its rollup as one self-contained, printable HTML page."""
        return str(self._native.to_html())

    def to_dict(self) -> Dict[str, Any]:
        """The JSON form of DESIGN 6.10 (dates as text)."""
        return dict(self._native.to_dict())

    def to_json(self) -> str:
        """The JSON form as text."""
        return str(self._native.to_json())

    def to_pandas(self) -> Any:
        """A DataFrame, one row per item: dates as datetime64, statuses as ordered categoricals,
        fractions as nullable floats. Needs pandas (``pip install workplan[pandas]``)."""
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        frame = pd.DataFrame.from_records(self._data["rows"], columns=COLUMNS)
        frame["last_update"] = pd.to_datetime(frame["last_update"])
        for column in ["status", "reported_status", "derived_status"]:
            frame[column] = pd.Categorical(frame[column], categories=STATUSES, ordered=True)
        for column in ["progress", "expected", "variance", "coverage", "value", "target"]:
            frame[column] = frame[column].astype("Float64")
        for column in ["members_in_scope", "members_adopted", "members_reported"]:
            frame[column] = frame[column].astype("Int64")
        frame["stale"] = frame["stale"].astype("boolean")
        return frame

    def adoption_matrix(self) -> Any:
        """The adoption matrix as a member x item DataFrame of progress (NaN: no data; cell states in
        ``rollup.adoption``). Needs pandas."""
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        cells = pd.DataFrame.from_records(self._data["adoption"], columns=["item", "member", "state", "progress", "value", "date", "status"])
        if cells.empty:
            return pd.DataFrame()
        items = list(dict.fromkeys(cells["item"]))
        members = list(dict.fromkeys(cells["member"]))
        matrix = cells.pivot(index="member", columns="item", values="progress").astype("Float64")
        return matrix.reindex(index=members, columns=items)

    def __repr__(self) -> str:
        top = [r for r in self._data["rows"] if r["depth"] == 0]
        return f"<Rollup {self.plan} as of {self._data['as_of']}: {len(self._data['rows'])} items, {len(top)} at the top>"

    def _repr_html_(self) -> str:
        def pct(value: Optional[float]) -> str:
            return "&ndash;" if value is None else f"{value * 100:.1f}%"

        lines = [f"<p><strong>{html.escape(self.plan)}</strong> as of {self._data['as_of']}</p>",
                 "<table><thead><tr><th style='text-align:left'>item</th><th>progress</th><th></th>"
                 "<th>expected</th><th>status</th><th>trend</th></tr></thead><tbody>"]
        for row in self._data["rows"]:
            indent = row["depth"] * 1.2
            label = f"{html.escape(row['label'])} " if row["label"] else ""
            progress = row["progress"] or 0.0
            expected = row["expected"]
            marker = "" if expected is None else (
                f"<div style='position:absolute;left:{expected * 100:.1f}%;top:-2px;width:2px;height:12px;background:#24292f'></div>")
            bar = (f"<div style='position:relative;width:120px;height:8px;background:#eaeef2'>"
                   f"<div style='width:{progress * 100:.1f}%;height:8px;background:{_RAG.get(row['status'], '#8c959f')}'></div>{marker}</div>")
            colour = _RAG.get(row["status"], "#8c959f")
            status = row["status"].replace("_", " ") if row["included"] else row["state"]
            lines.append(
                f"<tr><td style='text-align:left;padding-left:{indent}em'>{label}{html.escape(row['title'][:80])}</td>"
                f"<td>{pct(row['progress'])}</td><td>{bar}</td><td>{pct(expected)}</td>"
                f"<td><span style='color:white;background:{colour};padding:0 .4em;border-radius:.6em'>{status}</span></td>"
                f"<td>{row['trend'] or ''}</td></tr>")
        lines.append("</tbody></table>")
        return "".join(lines)


__all__ = ["Rollup", "RollupRow", "Explanation", "COLUMNS", "STATUSES"]

