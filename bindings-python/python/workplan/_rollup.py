"""The result of ``Plan.rollup()``: rows with attributes, records, a pandas DataFrame, the adoption
matrix, the denominator audit, explanations, plots, and a table for Jupyter. The numbers come from
the native engine; this module only presents them."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, cast

from workplan._enums import STATUS_COLOURS, STATUSES, ItemState, Status, Trend
from workplan._matrix import AdoptionMatrix
from workplan._display import format_percent
from workplan._optional import pandas, polars, pyarrow
from workplan._shapes import ROLLUP_ROW_COLUMNS, AdoptionCellRecord, ExcludedItemDict, RollupDict, RollupRowRecord

COLUMNS = list(ROLLUP_ROW_COLUMNS)
"""The columns of a rollup row, in order (docs/rollup.md#rows)."""


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return datetime.date.fromisoformat(text) if text else None


def arrow_frame(table: Any) -> Any:
    """A DataFrame from an Arrow table (any object with ``__arrow_c_stream__``), converted by
    pyarrow without a copy of each column into Python objects: dates as datetime64[ns],
    vocabularies (statuses, states, trends) as categoricals in the order of the format (statuses and
    trends ordered), fractions and values as nullable floats, counts as nullable integers, booleans
    that may be absent as nullable booleans. The Arrow buffers are freed as they are converted."""
    pd, pa = pandas(), pyarrow()
    arrow = pa.table(table)
    absent_booleans = [f.name for f in arrow.schema if pa.types.is_boolean(f.type) and f.nullable]
    nullable = {pa.float64(): pd.Float64Dtype(), pa.uint64(): pd.Int64Dtype(), pa.uint32(): pd.Int64Dtype()}
    frame = arrow.to_pandas(
        types_mapper=nullable.get, date_as_object=False, coerce_temporal_nanoseconds=True,
        split_blocks=True, self_destruct=True,
    )
    del arrow  # emptied by self_destruct: never used again
    for name in absent_booleans:
        frame[name] = frame[name].astype("boolean")
    return frame


@dataclass(frozen=True, repr=False)
class RollupRow:
    """One item's numbers (docs/rollup.md#rows). Progress, expected and coverage are fractions 0..1;
    statuses are ``Status`` members (equal to their text). ``is_leaf``: the item has no children;
    ``number``: the labels from the top joined by dots (``7.2.a``, ``None`` when one is missing);
    ``top``: the id of its top-level ancestor (its own at depth 0)."""

    id: str
    parent: Optional[str]
    depth: int
    level: Optional[str]
    label: Optional[str]
    title: str
    is_leaf: bool
    number: Optional[str]
    top: str
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
    low_coverage: bool
    leaves: int
    leaves_with_data: int
    status_counts: Dict[str, int]
    value: Optional[float]
    target: Optional[float]
    unit: Optional[str]
    members_in_scope: Optional[int]
    members_adopted: Optional[int]
    members_reported: Optional[int]

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> "RollupRow":
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
            return "no data" if value is None else format_percent(value)

        return f"<RollupRow {self.id}: {pct(self.progress)} (expected {pct(self.expected)}), {self.status}>"


class Explanation(Dict[str, Any]):
    """How one number was found (docs/rollup.md#explain): a dict of the derivation; ``str()`` gives the text."""

    @property
    def text(self) -> str:
        """The derivation as one paragraph."""
        return str(self["text"])

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<Explanation {self.get('item', '')}: {self.text[:80]}>"


class Rollup:
    """The rollup of a plan at one date (docs/rollup.md#the-result), from ``Plan.rollup()``."""

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

    def to_records(self) -> List[RollupRowRecord]:
        """One dict per item, the columns of docs/rollup.md#rows in order, dates as ``datetime.date``."""
        records: List[RollupRowRecord] = []
        for row in self._data["rows"]:
            record = dict(row)
            record["last_update"] = _date(record["last_update"])
            records.append(cast(RollupRowRecord, record))
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
    def adoption(self) -> List[AdoptionCellRecord]:
        """Every member x every member item: ``item``, ``member``, ``state``, ``progress``, ``expected``
        (the item's), ``variance``, ``share_of_sum``, ``value``, ``date``, ``status``."""
        return [cast(AdoptionCellRecord, dict(cell, date=_date(cell["date"]))) for cell in self._native.adoption()]

    @property
    def excluded(self) -> List[ExcludedItemDict]:
        """Every item left out of a denominator: ``item``, ``reason``, ``because_of``."""
        return [cast(ExcludedItemDict, dict(entry)) for entry in self._data["excluded"]]

    def explain(self, item: str) -> Explanation:
        """How the numbers of ``item`` were found; ``str()`` of it is a paragraph."""
        return Explanation(self._native.explain(item))

    def to_markdown(self, locale: Optional[str] = None) -> str:
        """The plan with its rollup as a committee paper in Markdown: every number with how much
        data stands behind it, and a key. ``locale`` (``"fr-FR"``, ``"cy"``; ``en-GB`` by default)
        sets how dates and numbers are written; the words stay English. An unknown locale raises
        ``WorkplanError``."""
        return str(self._native.to_markdown(locale))

    def to_html(self, locale: Optional[str] = None) -> str:
        """The plan with its rollup as one self-contained, printable HTML page (each top-level item
        starts a printed page); ``locale`` as for ``to_markdown``."""
        return str(self._native.to_html(locale))

    def to_dict(self) -> RollupDict:
        """The JSON form of docs/rollup.md#the-json-form (dates as text)."""
        return cast(RollupDict, dict(self._native.to_dict()))

    def to_json(self) -> str:
        """The JSON form as text."""
        return str(self._native.to_json())

    def to_arrow(self, table: str = "rows") -> Any:
        """A table of the result as Arrow columns, through the Arrow PyCapsule interface
        (``__arrow_c_stream__``): ``pyarrow.table(x)``, ``polars.DataFrame(x)`` and DuckDB
        (``duckdb.sql("select ... from x")``) take it without a copy. ``table`` is ``"rows"``
        (``as_of`` then the row columns), ``"adoption"`` (the adoption matrix's cells) or
        ``"excluded"`` (the denominator audit). No optional dependency needed."""
        return self._native.to_arrow(table)

    def to_pandas(self, table: str = "rows") -> Any:
        """A DataFrame of ``to_arrow(table)``: for the rows, one row per item with ``as_of`` and
        the row columns; dates as datetime64, statuses as ordered categoricals, fractions as
        nullable floats. Needs pandas and pyarrow (``pip install 'workplan[pandas]'``)."""
        frame = arrow_frame(self._native.to_arrow(table))
        return frame.drop(columns="as_of") if table == "rows" else frame

    def to_polars(self, table: str = "rows") -> Any:
        """A polars DataFrame of ``to_arrow(table)``. Needs polars (``pip install 'workplan[polars]'``)."""
        return polars().DataFrame(self._native.to_arrow(table))

    def adoption_matrix(self) -> Any:
        """The adoption matrix as a member x item DataFrame of progress (NaN: no data; cell states in
        ``rollup.adoption``). Needs pandas. ``adoption_heatmap()`` shows it as a heat map."""
        return self.adoption_heatmap().to_pandas()

    def adoption_heatmap(self) -> AdoptionMatrix:
        """The adoption matrix as an ``AdoptionMatrix``: a heat map in Jupyter (no pandas needed),
        ``to_pandas()`` for a DataFrame and ``plot()`` for matplotlib."""
        from workplan._plot import item_name

        titles = {row["id"]: row["title"] for row in self._data["rows"]}
        columns = {row["id"]: item_name(row, 32) for row in self._data["rows"]}
        return AdoptionMatrix(self._native.adoption(), titles, self.plan, self.as_of, plan_title=self._native.title,
                              names=dict(self._native.members()), columns=columns)

    def plot(self, depth: int = 0, ax: Any = None) -> Any:
        """A bar chart of progress per included item at ``depth`` (0: the top level, such as areas
        or portfolios), titled with the plan's title and the date: each bar coloured by status,
        with a dark mark at expected progress, and beside it its progress and how much data is
        in (``12 of 33 members`` for a member item, ``5 of 7 items`` otherwise). A bar with low
        coverage (below the ``coverage_threshold`` setting) is hatched and says ``low coverage``;
        a status as reported has a solid outline, one derived from progress a dashed outline.
        Returns the matplotlib Axes. Needs matplotlib (``pip install 'workplan[plot]'``)."""
        from workplan._optional import pyplot
        from workplan._plot import long_date, rollup_bars

        pyplot()  # first: without matplotlib, say which extra to install
        if depth < 0:
            raise ValueError(f"depth is 0 (the top level) or more, not {depth}")
        rows = [r for r in self._data["rows"] if r["depth"] == depth and r["included"]]
        if not rows:
            deepest = max((r["depth"] for r in self._data["rows"]), default=None)
            raise ValueError(f"no included item at depth {depth} to plot"
                             + ("" if deepest is None else f" (the deepest is {deepest})"))
        return rollup_bars(rows, f"{self._native.title}\nprogress at {long_date(self.as_of)}", ax)

    def plot_matrix(self, ax: Any = None) -> Any:
        """The adoption matrix as a chart (``AdoptionMatrix.plot``): members down by name, items
        across by number and short title; reported cells shaded by progress with a colour bar;
        no return yet, not adopted and not in scope each with its own fill, hatch and legend
        entry. Returns the matplotlib Axes. Needs matplotlib."""
        return self.adoption_heatmap().plot(ax)

    def __repr__(self) -> str:
        items, top = self._native.counts()
        return f"<Rollup {self.plan} as of {self.as_of}: {items} items, {top} at the top>"

    def _repr_html_(self) -> str:
        """The rows as an HTML tree table for Jupyter, titled with the plan's title: bars with an
        expected marker, the status (solid when reported by the officer, dashed when derived from
        the schedule), how much data is in (``12 of 33 members``, ``5 of 7 items``) and ``low
        coverage`` where too little is in to judge; a key says what each mark means. The figures
        are written by the library's one formatter (as in the committee papers)."""
        shown = self._native.shown()
        lines = [f"<p><strong>{html.escape(self._native.title)}</strong> &middot; progress at {self.as_of}</p>",
                 "<p style='font-size:.9em;color:#57606a'>Status: solid, as reported by the officer; dashed outline, "
                 "derived from progress against the schedule. <em>Data in</em>: the returns behind each number; "
                 "<strong style='color:#7d4e00'>low coverage</strong>: too little data to read the number as a "
                 "judgement.</p>",
                 "<table><thead><tr><th style='text-align:left'>item</th><th>progress</th><th></th>"
                 "<th>expected</th><th>status</th><th>trend</th><th>data in</th></tr></thead><tbody>"]
        for row, (progress_text, expected_text, data_in) in zip(self._data["rows"], shown):
            indent = row["depth"] * 1.2
            label = f"{html.escape(row['label'])} " if row["label"] else ""
            progress = row["progress"] or 0.0
            expected = row["expected"]
            marker = "" if expected is None else (
                f"<div style='position:absolute;left:{expected * 100:.1f}%;top:-2px;width:2px;height:12px;background:#24292f'></div>")
            colour = CHIP_COLOURS.get(row["status"], "#6e7781")
            hatch = ("background-image:repeating-linear-gradient(45deg,rgba(255,255,255,.7) 0 3px,transparent 3px 6px);"
                     if row["low_coverage"] else "")
            bar = (f"<div style='position:relative;width:120px;height:8px;background:#eaeef2'>"
                   f"<div style='width:{progress * 100:.1f}%;height:8px;background:{colour};{hatch}'></div>{marker}</div>")
            if not row["included"]:
                status, style = row["state"], "color:#57606a;border:1px solid #57606a"
            elif row["status_source"] == "reported":
                status, style = row["status"].replace("_", " "), f"color:white;background:{colour};border:1px solid {colour}"
            else:
                status, style = row["status"].replace("_", " "), f"color:{colour};border:1px dashed {colour}"
            low = " <strong style='color:#7d4e00'>low coverage</strong>" if row["low_coverage"] else ""
            lines.append(
                f"<tr><td style='text-align:left;padding-left:{indent}em'>{label}{html.escape(row['title'][:80])}</td>"
                f"<td>{progress_text}</td><td>{bar}</td><td>{expected_text}</td>"
                f"<td><span style='{style};padding:0 .4em;border-radius:.6em'>{status}</span></td>"
                f"<td>{row['trend'] or ''}</td><td style='text-align:left'>{html.escape(data_in)}{low}</td></tr>")
        lines.append("</tbody></table>")
        return "".join(lines)


CHIP_COLOURS = {
    "done": "#116329",
    "on_track": "#1a7f37",
    "at_risk": "#7d4e00",
    "off_track": "#a40e26",
    "not_started": "#57606a",
    "unknown": "#6e7781",
}
"""Status colours with text on or in them at WCAG AA contrast (4.5:1 with white), for the Jupyter table."""


__all__ = ["Rollup", "RollupRow", "Explanation", "COLUMNS", "STATUSES", "arrow_frame"]
