"""The adoption matrix of a rollup (docs/rollup.md#the-adoption-matrix): every member x every
member item, shown as a heat map in Jupyter, as a DataFrame, or as a matplotlib image."""

from __future__ import annotations

import datetime
import html
from typing import Any, Dict, List, Optional, Tuple

from workplan._display import format_percent, whole_percent
from workplan._optional import pandas

_VALUES = ("progress", "state", "value", "date", "status", "expected", "variance", "share_of_sum")


def _green(progress: float) -> str:
    """From pale (#e6f4ea at 0) to deep green (#1a7f37 at 1)."""
    low, high = (0xE6, 0xF4, 0xEA), (0x1A, 0x7F, 0x37)
    channels = (round(a + (b - a) * max(0.0, min(1.0, progress))) for a, b in zip(low, high))
    return "#" + "".join(f"{c:02x}" for c in channels)


class AdoptionMatrix:
    """Members down, member items across; each cell is ``out_of_scope``, ``not_adopted``,
    ``no_report`` or ``reported`` with the member's progress. From ``Rollup.adoption_heatmap()``."""

    def __init__(self, cells: List[Dict[str, Any]], titles: Dict[str, str], plan: str, as_of: datetime.date, *,
                 plan_title: Optional[str] = None, names: Optional[Dict[str, str]] = None,
                 columns: Optional[Dict[str, str]] = None) -> None:
        self.cells: List[Dict[str, Any]] = list(cells)
        """Every cell: ``item``, ``member``, ``state``, ``progress``, ``expected`` (the item's expected
        progress), ``variance`` (progress - expected), ``share_of_sum`` (the progress is the member's
        share of a summed target, docs/rollup.md), ``value``, ``date``, ``status``."""
        self.members: List[str] = list(dict.fromkeys(c["member"] for c in self.cells))
        """The member ids, in the plan's order."""
        self.items: List[str] = list(dict.fromkeys(c["item"] for c in self.cells))
        """The member item ids, in document order."""
        self.plan = plan
        """The plan's id."""
        self.as_of = as_of
        """The date of the numbers."""
        self.plan_title: str = plan_title or plan
        """The plan's title, for the chart's title (the id when none is given)."""
        self.names: Dict[str, str] = {m: (names or {}).get(m, m) for m in self.members}
        """Each member's name by id, for the chart's rows (the id when none is given)."""
        self.columns: Dict[str, str] = {i: (columns or {}).get(i, i) for i in self.items}
        """Each item's column heading by id: its number and a short title (the id when none is given)."""
        self._titles = titles
        self._at: Dict[Tuple[str, str], Dict[str, Any]] = {(c["member"], c["item"]): c for c in self.cells}

    def cell(self, member: str, item: str) -> Dict[str, Any]:
        """The cell of one member and item; ``KeyError`` when there is none."""
        return dict(self._at[(member, item)])

    def to_pandas(self, values: str = "progress") -> Any:
        """A member x item DataFrame of ``values``: ``progress`` (nullable floats, the default),
        ``state``, ``value``, ``date``, ``status``, ``expected``, ``variance`` or ``share_of_sum``
        (booleans). Needs pandas."""
        if values not in _VALUES:
            raise ValueError(f"values must be one of {', '.join(_VALUES)}, not {values!r}")
        pd = pandas()
        if not self.cells:
            return pd.DataFrame()
        frame = pd.DataFrame.from_dict(
            {item: [self._at[(m, item)][values] for m in self.members] for item in self.items},
            orient="columns",
        )
        frame.index = pd.Index(self.members, name="member")
        frame.columns = pd.Index(self.items, name="item")
        if values in ("progress", "value", "expected", "variance"):
            return frame.astype("Float64")
        if values == "share_of_sum":
            return frame.astype("boolean")
        if values == "date":
            return frame.apply(lambda column: pd.to_datetime(column, format="%Y-%m-%d"))
        return frame

    def counts(self) -> Dict[str, int]:
        """How many cells of each state."""
        counts = {"reported": 0, "no_report": 0, "not_adopted": 0, "out_of_scope": 0}
        for cell in self.cells:
            counts[cell["state"]] = counts.get(cell["state"], 0) + 1
        return counts

    def plot(self, ax: Any = None) -> Any:
        """The matrix as a chart titled with the plan's title: members down (full names), items
        across (number and short title). A reported cell is shaded by progress, with a colour bar,
        and shows it in percent; a cell with no return yet (``?``), not adopted (a dash) or not in
        scope has its own fill and hatch; a legend names the four. Returns the matplotlib Axes.
        Needs matplotlib (``pip install 'workplan[plot]'``)."""
        from workplan._plot import adoption_grid, long_date

        states = [[self._at[(m, i)]["state"] for i in self.items] for m in self.members]
        progress: List[List[Optional[float]]] = [
            [self._at[(m, i)]["progress"] for i in self.items] for m in self.members
        ]
        return adoption_grid(states, progress, [self.names[m] for m in self.members],
                             [self.columns[i] for i in self.items],
                             f"{self.plan_title}\nadoption at {long_date(self.as_of)}", ax)

    def __repr__(self) -> str:
        c = self.counts()
        return (f"<AdoptionMatrix {self.plan} as of {self.as_of}: {len(self.members)} members x {len(self.items)} items, "
                f"{c['reported']} reported, {c['no_report']} no report, {c['not_adopted']} not adopted>")

    def _repr_html_(self) -> str:
        """The matrix as an HTML heat map for Jupyter (members down, items across)."""
        if not self.cells:
            return f"<p>{html.escape(self.plan)}: no member items, so no adoption matrix.</p>"
        c = self.counts()
        head = "".join(
            f"<th title='{html.escape(self._titles.get(i, i))}' style='writing-mode:vertical-rl;"
            f"transform:rotate(180deg);font-weight:normal;padding:2px'>{html.escape(i)}</th>"
            for i in self.items)
        body = []
        for member in self.members:
            cells = []
            for item in self.items:
                cell = self._at[(member, item)]
                state, progress = cell["state"], cell["progress"]
                if state == "reported" and progress is not None:
                    colour, text = _green(progress), whole_percent(progress)
                    ink = "white" if progress > 0.55 else "#24292f"
                elif state == "not_adopted":
                    colour, text, ink = "#d0d7de", "&ndash;", "#57606a"
                elif state == "no_report":
                    colour, text, ink = "#ffffff", "?", "#8c959f"
                else:
                    colour, text, ink = "#f6f8fa", "", "#8c959f"
                tip = f"{member} / {item}: {state.replace('_', ' ')}"
                if progress is not None:
                    tip += f", {format_percent(progress)}"
                if cell["date"]:
                    tip += f" ({cell['date']})"
                cells.append(f"<td title='{html.escape(tip)}' style='background:{colour};color:{ink};"
                             f"text-align:center;padding:1px 3px;font-size:75%;border:1px solid #fff'>{text}</td>")
            body.append(f"<tr><th style='text-align:left;font-weight:normal'>{html.escape(self.names[member])}</th>"
                        f"{''.join(cells)}</tr>")
        legend = (
            f"<p><strong>{html.escape(self.plan_title)}</strong> adoption as of {self.as_of}: "
            f"{len(self.members)} members x {len(self.items)} items; {c['reported']} reported "
            f"(number: progress %, darker is further), {c['no_report']} no report (?), "
            f"{c['not_adopted']} not adopted (&ndash;), {c['out_of_scope']} out of scope (blank)</p>")
        return (legend + "<table style='border-collapse:collapse'><thead><tr><th></th>" + head + "</tr></thead><tbody>"
                + "".join(body) + "</tbody></table>")


__all__ = ["AdoptionMatrix"]
