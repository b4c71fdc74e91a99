"""The result of ``Plan.rollup()``: rows with attributes, records, a pandas DataFrame, the adoption
matrix, the denominator audit, explanations, plots, and a table for Jupyter. The numbers come from
the native engine; this module only presents them."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from workplan._enums import STATUS_COLOURS, STATUSES, ItemState, Status, Trend
from workplan._matrix import AdoptionMatrix
from workplan._optional import pandas

COLUMNS = [
    "id", "parent", "depth", "level", "label", "title", "state", "included", "progress", "expected",
    "variance", "status", "reported_status", "derived_status", "status_source", "trend", "last_update",
    "stale", "coverage", "leaves", "status_counts", "value", "target", "unit", "members_in_scope",
    "members_adopted", "members_reported",
]
"""The columns of a rollup row (DESIGN 6.10), in order."""


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return datetime.date.fromisoformat(text) if text else None


_FLOATS = ("progress", "expected", "variance", "coverage", "value", "target")
_COUNTS = ("members_in_scope", "members_adopted", "members_reported")
_CATEGORIES = {
    "status": (STATUSES, True),
    "reported_status": (STATUSES, True),
    "derived_status": (STATUSES, True),
    "state": ([s.value for s in ItemState], False),
    "trend": (["worsening", "steady", "improving"], True),
    "status_source": (["reported", "derived"], False),
}


def typed_frame(columns: Dict[str, List[Any]], names: List[str]) -> Any:
    """A DataFrame of rollup rows built column by column from ``columns`` (a dict of lists, as the
    native side gives), each column made once with its dtype: dates as datetime64, statuses and
    states as categoricals (statuses ordered), fractions and values as nullable floats, member
    counts as nullable integers, ``stale`` as nullable booleans."""
    pd = pandas()
    typed: Dict[str, Any] = {}
    for name in names:
        values = columns[name]
        if name in ("as_of", "last_update"):
            typed[name] = pd.to_datetime(values, format="%Y-%m-%d")
        elif name in _CATEGORIES:
            categories, ordered = _CATEGORIES[name]
            typed[name] = pd.Categorical(values, categories=categories, ordered=ordered)
        elif name in _FLOATS:
            typed[name] = pd.array(values, dtype="Float64")
        elif name in _COUNTS:
            typed[name] = pd.array(values, dtype="Int64")
        elif name == "stale":
            typed[name] = pd.array(values, dtype="boolean")
        else:
            typed[name] = values
    return pd.DataFrame(typed, columns=names)


@dataclass(frozen=True, repr=False)
class RollupRow:
    """One item's numbers (DESIGN 6.10). Progress, expected and coverage are fractions 0..1;
    statuses are ``Status`` members (equal to their text)."""

    id: str
    parent: Optional[str]
    depth: int
    level: Optional[str]
    label: Optional[str]
    title: str
    state: ItemState
    included: bool
    progress: Optional[float]
    expected: Optional[float]
    variance: Optional[float]
    status: Status
    reported_status: Optional[Status]
    derived_status: Status
    status_source: str
    trend: Optional[Trend]
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

    @classmethod
    def from_record(cls, record: Dict[str, Any]) -> "RollupRow":
        """A row from one of ``Rollup.to_records()``."""
        fields = dict(record)
        fields["state"] = ItemState(fields["state"])
        fields["status"] = Status(fields["status"])
        fields["derived_status"] = Status(fields["derived_status"])
        if fields["reported_status"] is not None:
            fields["reported_status"] = Status(fields["reported_status"])
        if fields["trend"] is not None:
            fields["trend"] = Trend(fields["trend"])
        return cls(**fields)

    def __repr__(self) -> str:
        def pct(value: Optional[float]) -> str:
            return "no data" if value is None else f"{value * 100:.1f}%"

        return f"<RollupRow {self.id}: {pct(self.progress)} (expected {pct(self.expected)}), {self.status}>"


class Explanation(Dict[str, Any]):
    """How one number was found (DESIGN 6.9): a dict of the derivation; ``str()`` gives the text."""

    @property
    def text(self) -> str:
        """The derivation as one paragraph."""
        return str(self["text"])

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<Explanation {self.get('item', '')}: {self.text[:80]}>"


class Rollup:
    """The rollup of a plan at one date (DESIGN 6.10), from ``Plan.rollup()``."""

    def __init__(self, native: Any) -> None:
        self._native = native
        self._cache: Optional[Dict[str, Any]] = None

    @property
    def _data(self) -> Dict[str, Any]:
        if self._cache is None:
            self._cache = dict(self._native.to_dict())
        return self._cache

    @property
    def plan(self) -> str:
        """The plan's id."""
        return str(self._native.plan)

    @property
    def as_of(self) -> datetime.date:
        """The date the numbers are for."""
        return datetime.date.fromisoformat(self._native.as_of)

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
        return [RollupRow.from_record(record) for record in self.to_records()]

    def row(self, item: str) -> RollupRow:
        """The row of one item; ``KeyError`` when the plan has no such item."""
        for record in self._data["rows"]:
            if record["id"] == item:
                return RollupRow.from_record(dict(record, last_update=_date(record["last_update"])))
        raise KeyError(item)

    @property
    def adoption(self) -> List[Dict[str, Any]]:
        """Every member x every member item: ``state``, ``progress``, ``value``, ``date``, ``status``."""
        return [dict(cell, date=_date(cell["date"])) for cell in self._native.adoption()]

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
        """A DataFrame, one row per item, the DESIGN 6.10 columns: dates as datetime64, statuses as
        ordered categoricals, fractions as nullable floats. Built column by column. Needs pandas
        (``pip install 'workplan[pandas]'``)."""
        return typed_frame(self._native.columns(), COLUMNS)

    def adoption_matrix(self) -> Any:
        """The adoption matrix as a member x item DataFrame of progress (NaN: no data; cell states in
        ``rollup.adoption``). Needs pandas. ``adoption_heatmap()`` shows it as a heat map."""
        return self.adoption_heatmap().to_pandas()

    def adoption_heatmap(self) -> AdoptionMatrix:
        """The adoption matrix as an ``AdoptionMatrix``: a heat map in Jupyter (no pandas needed),
        ``to_pandas()`` for a DataFrame and ``plot()`` for matplotlib."""
        titles = {row["id"]: row["title"] for row in self._data["rows"]}
        return AdoptionMatrix(self._native.adoption(), titles, self.plan, self.as_of)

    def plot(self, depth: int = 0, ax: Any = None) -> Any:
        """A bar chart of progress per item at ``depth`` (0: the top level, such as areas or
        portfolios), coloured by status, with a black mark at expected progress. Returns the
        matplotlib Axes. Needs matplotlib (``pip install 'workplan[plot]'``)."""
        from workplan._plot import rollup_bars

        rows = [r for r in self._data["rows"] if r["depth"] == depth and r["included"]]
        return rollup_bars(rows, f"{self.plan} as of {self.as_of}", ax)

    def plot_matrix(self, ax: Any = None) -> Any:
        """The adoption matrix as a heat map (members down, items across, progress as colour,
        grey where there is no data). Returns the matplotlib Axes. Needs matplotlib."""
        return self.adoption_heatmap().plot(ax)

    def __repr__(self) -> str:
        items, top = self._native.counts()
        return f"<Rollup {self.plan} as of {self.as_of}: {items} items, {top} at the top>"

    def _repr_html_(self) -> str:
        """The rows as an HTML tree table for Jupyter: bars, an expected marker, status chips."""
        def pct(value: Optional[float]) -> str:
            return "&ndash;" if value is None else f"{value * 100:.1f}%"

        lines = [f"<p><strong>{html.escape(self.plan)}</strong> as of {self.as_of}</p>",
                 "<table><thead><tr><th style='text-align:left'>item</th><th>progress</th><th></th>"
                 "<th>expected</th><th>status</th><th>trend</th></tr></thead><tbody>"]
        for row in self._data["rows"]:
            indent = row["depth"] * 1.2
            label = f"{html.escape(row['label'])} " if row["label"] else ""
            progress = row["progress"] or 0.0
            expected = row["expected"]
            marker = "" if expected is None else (
                f"<div style='position:absolute;left:{expected * 100:.1f}%;top:-2px;width:2px;height:12px;background:#24292f'></div>")
            colour = STATUS_COLOURS.get(row["status"], "#8c959f")
            bar = (f"<div style='position:relative;width:120px;height:8px;background:#eaeef2'>"
                   f"<div style='width:{progress * 100:.1f}%;height:8px;background:{colour}'></div>{marker}</div>")
            status = row["status"].replace("_", " ") if row["included"] else row["state"]
            lines.append(
                f"<tr><td style='text-align:left;padding-left:{indent}em'>{label}{html.escape(row['title'][:80])}</td>"
                f"<td>{pct(row['progress'])}</td><td>{bar}</td><td>{pct(expected)}</td>"
                f"<td><span style='color:white;background:{colour};padding:0 .4em;border-radius:.6em'>{status}</span></td>"
                f"<td>{row['trend'] or ''}</td></tr>")
        lines.append("</tbody></table>")
        return "".join(lines)


__all__ = ["Rollup", "RollupRow", "Explanation", "COLUMNS", "STATUSES", "typed_frame"]
