"""The result of ``Plan.rollup_series()``: the rollup at several dates, computed in one call by the
native engine, as long-form records and DataFrames, burn-up numbers, and a burn-up chart."""

from __future__ import annotations

import datetime
import html
from typing import Any, Dict, List, Optional, Sequence, cast

from workplan._optional import polars
from workplan._rollup import COLUMNS, arrow_frame
from workplan._shapes import BurnUpRecord, RollupSeriesDict, RollupSeriesRecord


class RollupSeries:
    """The rollup of a plan at several dates (ascending), from ``Plan.rollup_series()``. Each date
    has exactly the numbers of ``Plan.rollup(as_of=date)``."""

    def __init__(self, native: Any) -> None:
        self._native = native

    @property
    def plan(self) -> str:
        """The plan's id."""
        return str(self._native.plan)

    @property
    def dates(self) -> List[datetime.date]:
        """The dates, ascending."""
        return [datetime.date.fromisoformat(d) for d in self._native.dates()]

    def to_dict(self) -> RollupSeriesDict:
        """The JSON form: ``{"plan": id, "rollups": [...], "burn_up": [...]}``, each rollup as
        ``Rollup.to_dict()``, the burn-up numbers as ``burn_up()`` gives them (dates as text)."""
        return cast(RollupSeriesDict, dict(self._native.to_dict()))

    def to_records(self) -> List[RollupSeriesRecord]:
        """Long form: one dict per item per date, ``as_of`` then the columns of docs/rollup.md#rows, dates as
        ``datetime.date``."""
        return cast(List[RollupSeriesRecord], self._records())

    def _records(self) -> List[Dict[str, Any]]:
        columns = self._native.columns()
        names = ["as_of"] + COLUMNS
        records = [dict(zip(names, values)) for values in zip(*(columns[n] for n in names))]
        for record in records:
            record["as_of"] = datetime.date.fromisoformat(record["as_of"])
            if record["last_update"]:
                record["last_update"] = datetime.date.fromisoformat(record["last_update"])
        return records

    def to_pandas(self) -> Any:
        """Long form DataFrame: one row per item per date, ``as_of`` then the columns of docs/rollup.md#rows,
        with the dtypes of ``Rollup.to_pandas()``. Needs pandas (``pip install 'workplan[pandas]'``).
        For one column per item: ``frame.pivot(index="as_of", columns="id", values="progress")``."""
        return arrow_frame(self._native.to_arrow())

    def to_arrow(self) -> Any:
        """Every row at every date in long form as Arrow columns (``__arrow_c_stream__``), for
        ``pyarrow.table(x)``, ``polars.DataFrame(x)`` and DuckDB."""
        return self._native.to_arrow()

    def to_polars(self) -> Any:
        """The long form as a polars DataFrame. Needs polars."""
        return polars().DataFrame(self._native.to_arrow())

    def burn_up(self) -> List[BurnUpRecord]:
        """At each date, over the included leaves of the whole plan: ``scope`` (how many),
        ``earned`` (the sum of their progress, no data counting 0), ``expected`` (the sum of their
        expected progress) and the count of each status."""
        return cast(List[BurnUpRecord], self._burn_up())

    def _burn_up(self) -> List[Dict[str, Any]]:
        return [dict(p, as_of=datetime.date.fromisoformat(p["as_of"])) for p in self._native.burn_up()]

    @property
    def title(self) -> str:
        """The plan's title."""
        return str(self._native.title)

    def plot(self, item: Optional[str] = None, ax: Any = None) -> Any:
        """A chart titled with the plan's title. Without ``item``: a burn-up chart, work done
        (the included leaves' progress added up, a finished item counting 1) and work expected
        against the scope (how many items), date by date. With ``item`` (an id): that item's
        progress (solid) and expected progress (dashed) in percent. Returns the matplotlib Axes.
        Needs matplotlib (``pip install 'workplan[plot]'``)."""
        from workplan._optional import pyplot
        from workplan._plot import burn_up

        pyplot()  # first: without matplotlib, say which extra to install
        if item is None:
            return burn_up(self._burn_up(), f"{self.title}\nburn-up: work done against work expected", ax)
        return self.plot_trend(ax, [item])

    def plot_trend(self, ax: Any = None, items: Optional[Sequence[str]] = None) -> Any:
        """Progress against expected progress over time, in percent, one pair of lines per item
        in one colour: solid with markers for progress, dashed for expected. ``items``: the ids
        to draw (by default every top-level item that is included at some date), in the order
        given. Titled with the plan's title (and the item's, for one item), dates across,
        "Progress (%)" up; a date where an item has no data (or is excluded) leaves a gap. Draws
        on one Axes (``ax``, or a new figure's) and returns it. ``KeyError`` for an id the plan
        does not have. Needs matplotlib (``pip install 'workplan[plot]'``)."""
        from workplan._optional import pyplot
        from workplan._plot import item_name, trend_lines

        pyplot()  # first: without matplotlib, say which extra to install
        if isinstance(items, str):
            raise TypeError("items is a list of item ids, not one id: plot_trend(items=[...])")
        records = self._records()
        by_item: Dict[str, List[Dict[str, Any]]] = {}
        for record in records:
            by_item.setdefault(record["id"], []).append(record)
        if items is None:
            chosen = [i for i, rows in by_item.items() if rows[0]["depth"] == 0 and any(r["included"] for r in rows)]
        else:
            chosen = list(dict.fromkeys(items))
            unknown = [i for i in chosen if i not in by_item]
            if unknown:
                raise KeyError(f"no item {', '.join(map(repr, unknown))} in the plan {self.plan}")
        if not chosen:
            raise ValueError("no items to draw: items is empty, or no top-level item is included at any date")
        dates = self.dates
        lines = []
        for item in chosen:
            at = {r["as_of"]: r for r in by_item[item]}
            lines.append((item_name(by_item[item][-1], 48), [at[d]["progress"] if d in at else None for d in dates],
                          [at[d]["expected"] if d in at else None for d in dates]))
        title = (f"{self.title}\n{item_name(by_item[chosen[0]][-1], 90)}: progress against expected" if len(lines) == 1
                 else f"{self.title}\nprogress against expected")
        return trend_lines(dates, lines, title, ax)

    def __len__(self) -> int:
        return len(self._native.dates())

    def __repr__(self) -> str:
        dates = self._native.dates()
        span = f"from {dates[0]} to {dates[-1]}" if dates else "no dates"
        return f"<RollupSeries {self.plan}: {len(dates)} dates {span}>"

    def _repr_html_(self) -> str:
        """The burn-up numbers as an HTML table for Jupyter, with a bar per date."""
        rows = []
        for p in self._burn_up():
            scope = p["scope"] or 1
            rows.append(
                f"<tr><td>{p['as_of']}</td><td>{p['scope']}</td><td>{p['earned']:.1f}</td><td>{p['expected']:.1f}</td>"
                f"<td><div style='position:relative;width:160px;height:8px;background:#eaeef2'>"
                f"<div style='width:{100 * p['earned'] / scope:.1f}%;height:8px;background:#1a7f37'></div>"
                f"<div style='position:absolute;left:{100 * p['expected'] / scope:.1f}%;top:-2px;width:2px;height:12px;"
                f"background:#24292f'></div></div></td>"
                f"<td>{p['done']}</td><td>{p['on_track']}</td><td>{p['at_risk']}</td><td>{p['off_track']}</td>"
                f"<td>{p['not_started']}</td><td>{p['unknown']}</td></tr>")
        return (f"<p><strong>{html.escape(self.plan)}</strong>: burn-up over {len(rows)} dates (leaves of the whole plan)</p>"
                "<table><thead><tr><th>as of</th><th>leaves</th><th>work done</th><th>expected</th><th></th><th>done</th>"
                "<th>on track</th><th>at risk</th><th>off track</th><th>not started</th><th>no data</th></tr></thead>"
                "<tbody>" + "".join(rows) + "</tbody></table>")


__all__ = ["RollupSeries"]
