"""Plots with matplotlib (optional: ``pip install 'workplan[plot]'``). Each function draws on the
Axes it is given, or on a new figure's, and returns the Axes. The numbers come from the rollup;
this module only draws them."""

from __future__ import annotations

import importlib
import math
from typing import Any, Dict, List, Optional, Sequence

from workplan._enums import STATUS_COLOURS
from workplan._optional import pyplot


def _axes(ax: Any, width: float, height: float) -> Any:
    if ax is not None:
        return ax
    _, made = pyplot().subplots(figsize=(width, height))
    return made


def _name(row: Dict[str, Any], width: int = 40) -> str:
    text = f"{row['label']} {row['title']}" if row["label"] else str(row["title"])
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def rollup_bars(rows: List[Dict[str, Any]], title: str, ax: Any = None) -> Any:
    """One horizontal bar per row: progress in percent, coloured by status; a black mark at
    expected progress. The first row at the top."""
    ax = _axes(ax, 8.0, 0.45 * len(rows) + 1.2)
    positions = list(range(len(rows)))[::-1]
    progress = [100 * (r["progress"] or 0.0) for r in rows]
    colours = [STATUS_COLOURS.get(r["status"], STATUS_COLOURS["unknown"]) for r in rows]
    ax.barh(positions, progress, color=colours, height=0.6)
    marked = [(p, r["expected"]) for p, r in zip(positions, rows) if r["expected"] is not None]
    if marked:
        ax.scatter([100 * e for _, e in marked], [p for p, _ in marked], marker="|", s=400, color="#24292f",
                   linewidths=2, zorder=3, label="expected")
    ax.set_yticks(positions)
    ax.set_yticklabels([_name(r) for r in rows])
    ax.set_xlim(0, 100)
    ax.set_xlabel("progress (%)")
    ax.set_title(title)
    handles = [_patch(status) for status in STATUS_COLOURS if any(r["status"] == status for r in rows)]
    ax.legend(handles=handles + ax.get_legend_handles_labels()[0], loc="upper left", bbox_to_anchor=(1.01, 1.0),
              fontsize="small", markerscale=0.4, frameon=False)
    return ax


def _patch(status: str) -> Any:
    patches = importlib.import_module("matplotlib.patches")
    return patches.Patch(color=STATUS_COLOURS[status], label=status.replace("_", " "))


def heatmap(grid: List[List[Optional[float]]], members: Sequence[str], items: Sequence[str], title: str,
            ax: Any = None) -> Any:
    """Members down, items across, progress 0..1 from pale to deep green; grey without data."""
    plt = pyplot()
    ax = _axes(ax, max(6.0, 0.22 * len(items) + 2.5), max(4.0, 0.22 * len(members) + 1.5))
    values = [[math.nan if v is None else v for v in row] for row in grid]
    colours = plt.get_cmap("Greens").with_extremes(bad="#d0d7de")
    image = ax.imshow(values, cmap=colours, vmin=0.0, vmax=1.0, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(items)))
    ax.set_xticklabels(items, rotation=90, fontsize="x-small")
    ax.set_yticks(range(len(members)))
    ax.set_yticklabels(members, fontsize="x-small")
    ax.set_title(title)
    ax.figure.colorbar(image, ax=ax, label="progress (grey: no data)", fraction=0.03)
    return ax


def burn_up(points: List[Dict[str, Any]], title: str, ax: Any = None) -> Any:
    """Work done (the sum of the included leaves' progress) and work expected against the scope
    (the number of included leaves), date by date."""
    ax = _axes(ax, 8.0, 4.5)
    dates = [p["as_of"] for p in points]
    ax.plot(dates, [p["scope"] for p in points], color="#57606a", linestyle=":", label="scope (leaves)")
    ax.plot(dates, [p["expected"] for p in points], color="#24292f", linestyle="--", label="expected")
    ax.plot(dates, [p["earned"] for p in points], color=STATUS_COLOURS["done"], marker="o", label="done")
    ax.fill_between(dates, [p["earned"] for p in points], color=STATUS_COLOURS["done"], alpha=0.15)
    ax.set_ylim(0, max([p["scope"] for p in points] + [1]) * 1.05)
    ax.set_ylabel("leaves (each counts 1)")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small")
    ax.figure.autofmt_xdate()
    return ax


def progress_lines(dates: List[Any], progress: List[Optional[float]], expected: List[Optional[float]], title: str,
                   ax: Any = None) -> Any:
    """One item's progress and expected progress in percent over time."""
    ax = _axes(ax, 8.0, 4.5)
    pct = [math.nan if v is None else 100 * v for v in progress]
    ax.plot(dates, [math.nan if v is None else 100 * v for v in expected], color="#24292f", linestyle="--",
            label="expected")
    ax.plot(dates, pct, color=STATUS_COLOURS["done"], marker="o", label="progress")
    ax.set_ylim(0, 105)
    ax.set_ylabel("%")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small")
    ax.figure.autofmt_xdate()
    return ax
