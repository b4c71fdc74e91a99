"""Plots with matplotlib (optional: ``pip install 'workplan[plot]'``). Each function draws on the
Axes it is given, or on a new figure's, and returns the Axes. The numbers come from the rollup;
this module only draws them, in words a committee reads: the plan's title, not its id; "Progress
(%)", not a unit of the engine; how much data is behind each bar; colours that stay apart for
readers with a colour vision deficiency and stand out from the white page (WCAG 2.2 1.4.11)."""

from __future__ import annotations

import datetime
import importlib
import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

from workplan._display import format_percent, whole_percent
from workplan._enums import STATUS_COLOURS
from workplan._optional import pyplot

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#A87400", "#000000", "#6E7781")
"""The colours of many series (one per item in a trend): the Okabe-Ito qualitative palette, safe
for the common colour vision deficiencies, with its orange darkened and its sky blue and yellow
left out (replaced by grey) so that every colour has at least 3:1 contrast against white."""

MARKERS = ("o", "s", "^", "D", "v")
"""The markers cycled with ``PALETTE``: 7 colours and 5 markers (coprime) give 35 series that
differ in colour or marker before any pair repeats."""

INK = "#24292f"
"""Dark text and lines (14.6:1 against white)."""

FILLS = {
    "no_report": "#ffffff",
    "not_adopted": "#d0d7de",
    "out_of_scope": "#f6f8fa",
}
"""The fill of an adoption matrix cell without progress, by state."""

HATCHES = {
    "no_report": "..",
    "not_adopted": "///",
    "out_of_scope": "\\\\\\\\",
}
"""The hatch of an adoption matrix cell without progress, by state (each state its own)."""

HATCH_COLOURS = {
    "no_report": "#afb8c1",
    "not_adopted": "#8c959f",
    "out_of_scope": "#d0d7de",
}
"""The colour of each state's hatch lines."""

CELL_TEXT = {"no_report": "?", "not_adopted": "\u2013", "out_of_scope": ""}
"""The text in a matrix cell without progress: ``?`` no return yet, a dash not adopted."""

STATE_WORDS = {
    "reported": "reported (shade and number: progress %)",
    "no_report": "no return yet (?)",
    "not_adopted": "not adopted (\u2013)",
    "out_of_scope": "not in scope",
}
"""The legend text of each cell state of the adoption matrix."""

LOW_COVERAGE_HATCH = "///"
"""The hatch of a bar with low coverage; drawn in white (at least 3:1 on every status colour)."""


def series_style(index: int) -> Tuple[str, str]:
    """The colour and marker of the ``index``-th series (from 0)."""
    return PALETTE[index % len(PALETTE)], MARKERS[index % len(MARKERS)]


def luminance(colour: Any) -> float:
    """The relative luminance of a colour (WCAG 2.2), from anything matplotlib reads as a colour."""
    colors = importlib.import_module("matplotlib.colors")
    channels: Tuple[float, float, float] = colors.to_rgb(colour)
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in map(float, channels)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: Any, second: Any) -> float:
    """The contrast ratio of two colours (WCAG 2.2), from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(fill: Any) -> str:
    """Black or white text, whichever contrasts more with ``fill``: one of the two reaches 4.5:1
    on any fill (WCAG 2.2 1.4.3), which a softer dark such as ``INK`` does not on mid tones."""
    return "#000000" if contrast("#000000", fill) >= contrast("#ffffff", fill) else "#ffffff"


def long_date(date: datetime.date) -> str:
    """A date as a committee writes it: ``31 December 2020``."""
    return f"{date.day} {date:%B %Y}"


def _axes(ax: Any, width: float, height: float) -> Any:
    if ax is not None:
        return ax
    _, made = pyplot().subplots(figsize=(width, height), layout="constrained")
    return made


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def item_name(row: Dict[str, Any], width: int = 40) -> str:
    """An item as a reader knows it: its number (or label) and title, cut to ``width``."""
    number = row.get("number") or row.get("label")
    return _short(f"{number} {row['title']}" if number else str(row["title"]), width)


def _count(number: int, total: int, noun: str) -> str:
    return f"{number} of {total} {noun}{'' if total == 1 else 's'}"


def data_in(row: Dict[str, Any]) -> str:
    """How much data is behind a row's number: ``12 of 33 members`` for a member item (members
    that reported of those that count), ``5 of 7 items`` otherwise (included leaves with data of
    all included leaves at or below it)."""
    if row["members_adopted"] is not None:
        return _count(row["members_reported"] or 0, row["members_adopted"], "member")
    return _count(row["leaves_with_data"], row["leaves"], "item")


def bar_note(row: Dict[str, Any]) -> str:
    """The words beside a bar: progress, how much data is in, and ``low coverage`` when so."""
    progress = "no data" if row["progress"] is None else format_percent(row["progress"])
    words = f"{progress} \u00b7 {data_in(row)}"
    return words + " \u00b7 low coverage" if row["low_coverage"] else words


def _patch(**style: Any) -> Any:
    patches = importlib.import_module("matplotlib.patches")
    return patches.Patch(**style)


def rollup_bars(rows: List[Dict[str, Any]], title: str, ax: Any = None) -> Any:
    """One horizontal bar per row: progress in percent, coloured by status, with a dark mark at
    expected progress; the first row at the top. Beside each bar: its progress and how much data
    is behind it (``bar_note``). A bar with low coverage is hatched; a status as reported has a
    solid outline, a status derived from progress a dashed one. The legend says all of it."""
    ax = _axes(ax, 10.0, 0.5 * len(rows) + 2.4)
    positions = list(range(len(rows)))[::-1]
    for position, row in zip(positions, rows):
        reported = row["status_source"] == "reported"
        width = 100 * (row["progress"] or 0.0)
        ax.barh(position, width, height=0.6, color=STATUS_COLOURS.get(row["status"], STATUS_COLOURS["unknown"]),
                edgecolor=INK, linewidth=1.2, linestyle="-" if reported else "--")
        if row["low_coverage"]:
            # The hatch on a see-through copy of the bar: its lines take the edge colour in every
            # matplotlib from 3.5 (a separate hatch colour needs 3.10).
            ax.barh(position, width, height=0.6, color="none", edgecolor="#ffffff", linewidth=0,
                    hatch=LOW_COVERAGE_HATCH)
        ax.annotate(bar_note(row), xy=(1.0, position), xycoords=("axes fraction", "data"), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize="small", color=INK, annotation_clip=False)
    marked = [(p, r["expected"]) for p, r in zip(positions, rows) if r["expected"] is not None]
    if marked:
        ax.scatter([100 * e for _, e in marked], [p for p, _ in marked], marker="|", s=400, color=INK,
                   linewidths=2, zorder=3, label="expected progress")
    ax.set_yticks(positions)
    ax.set_yticklabels([item_name(r) for r in rows])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Progress (%)")
    ax.set_title(title)
    handles = [_patch(color=STATUS_COLOURS[s], label=s.replace("_", " ").replace("unknown", "no data"))
               for s in STATUS_COLOURS if any(r["status"] == s for r in rows)]
    handles += ax.get_legend_handles_labels()[0]
    sources = {r["status_source"] for r in rows}
    if "reported" in sources:
        handles.append(_patch(facecolor="#ffffff", edgecolor=INK, linewidth=1.2, label="solid outline: status as reported"))
    if "derived" in sources:
        handles.append(_patch(facecolor="#ffffff", edgecolor=INK, linewidth=1.2, linestyle="--",
                              label="dashed outline: status derived from progress"))
    if any(r["low_coverage"] for r in rows):
        handles.append(_patch(facecolor=STATUS_COLOURS["unknown"], edgecolor="#ffffff", hatch=LOW_COVERAGE_HATCH,
                              label="hatched: low coverage (too little data to judge)"))
    # Below the axis label, whatever the height of the axes: 40 points under the axes.
    under = importlib.import_module("matplotlib.transforms").offset_copy(ax.transAxes, fig=ax.figure, y=-40,
                                                                         units="points")
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=under, ncol=3,
              fontsize="small", markerscale=0.4, frameon=False)
    return ax


def adoption_grid(states: List[List[str]], progress: List[List[Optional[float]]], members: Sequence[str],
                  items: Sequence[str], title: str, ax: Any = None) -> Any:
    """The adoption matrix: members down, items across. A reported cell is shaded by progress
    (pale to deep green, with a colour bar) and shows its progress in percent; a cell with no
    return yet, not adopted or not in scope has its own fill and hatch, and a legend names all
    four. Every text has the colour (dark or white) that contrasts most with its cell."""
    plt = pyplot()
    np = importlib.import_module("numpy")
    colors = importlib.import_module("matplotlib.colors")
    patches = importlib.import_module("matplotlib.patches")
    collections = importlib.import_module("matplotlib.collections")
    ax = _axes(ax, 0.3 * len(items) + 5.0, 0.25 * len(members) + 4.5)
    # Greens from its pale fifth on, so that 0% reported is not white like "no return yet".
    greens = colors.ListedColormap(plt.get_cmap("Greens")(np.linspace(0.2, 1.0, 256)), name="workplan-progress")
    shade = greens.with_extremes(bad=(0.0, 0.0, 0.0, 0.0))
    values = [[math.nan if p is None or s != "reported" else 100 * p for s, p in zip(srow, prow)]
              for srow, prow in zip(states, progress)]
    image = ax.imshow(np.ma.masked_invalid(np.array(values, dtype=float)), cmap=shade, vmin=0.0, vmax=100.0,
                      aspect="auto", interpolation="nearest")
    for state in ("no_report", "not_adopted", "out_of_scope"):
        cells = [patches.Rectangle((j - 0.5, i - 0.5), 1.0, 1.0)
                 for i, srow in enumerate(states) for j, s in enumerate(srow) if s == state]
        if cells:
            ax.add_collection(collections.PatchCollection(
                cells, facecolor=FILLS[state], edgecolor=HATCH_COLOURS[state], linewidth=0, hatch=HATCHES[state],
                label=STATE_WORDS[state], zorder=1.5))
    for i, srow in enumerate(states):
        for j, state in enumerate(srow):
            value, fraction = values[i][j], progress[i][j]
            if state == "reported" and fraction is not None and not math.isnan(value):
                text, fill = whole_percent(fraction), greens(value / 100.0)
            else:
                text, fill = CELL_TEXT.get(state, ""), FILLS.get(state, "#ffffff")
            if text:
                ax.text(j, i, text, ha="center", va="center", fontsize=6, color=ink_on(fill), zorder=3)
    ax.set_xticks(range(len(items)))
    ax.set_xticklabels(items, rotation=90, fontsize="x-small")
    ax.set_yticks(range(len(members)))
    ax.set_yticklabels(members, fontsize="x-small")
    ax.set_xticks([j - 0.5 for j in range(1, len(items))], minor=True)
    ax.set_yticks([i - 0.5 for i in range(1, len(members))], minor=True)
    ax.grid(which="minor", color="#ffffff", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    ax.set_xlim(-0.5, len(items) - 0.5)
    ax.set_ylim(len(members) - 0.5, -0.5)
    ax.set_title(title, pad=30)
    ax.figure.colorbar(image, ax=ax, label="Progress of reported cells (%)", fraction=0.03)
    legend = [_patch(facecolor=greens(0.6), edgecolor="#ffffff", label=STATE_WORDS["reported"])]
    legend += [_patch(facecolor=FILLS[s], edgecolor=HATCH_COLOURS[s], linewidth=0.8, hatch=HATCHES[s],
                      label=STATE_WORDS[s]) for s in ("no_report", "not_adopted", "out_of_scope")]
    ax.legend(handles=legend, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=4, fontsize="small", frameon=False,
              borderaxespad=0.2)
    return ax


def _month_dates(ax: Any) -> None:
    dates = importlib.import_module("matplotlib.dates")
    ax.xaxis.set_major_formatter(dates.DateFormatter("%b %Y"))
    ax.set_xlabel("Date")
    ax.figure.autofmt_xdate()


def burn_up(points: List[Dict[str, Any]], title: str, ax: Any = None) -> Any:
    """Work done (the sum of the included leaves' progress) and work expected against the scope
    (how many included leaves), date by date; each finished item counts 1."""
    ax = _axes(ax, 8.0, 4.5)
    dates = [p["as_of"] for p in points]
    ax.plot(dates, [p["scope"] for p in points], color="#57606a", linestyle=":", label="all items (scope)")
    ax.plot(dates, [p["expected"] for p in points], color=INK, linestyle="--", label="expected by then")
    ax.plot(dates, [p["earned"] for p in points], color=STATUS_COLOURS["done"], marker="o", label="done")
    ax.fill_between(dates, [p["earned"] for p in points], color=STATUS_COLOURS["done"], alpha=0.15)
    ax.set_ylim(0, max([p["scope"] for p in points] + [1]) * 1.05)
    ax.set_ylabel("Items (a finished item counts 1)")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small")
    _month_dates(ax)
    return ax


def trend_lines(dates: List[datetime.date], lines: List[Tuple[str, List[Optional[float]], List[Optional[float]]]],
                title: str, ax: Any = None) -> Any:
    """Progress (solid, with markers) and expected progress (dashed, no markers) in percent over
    time, one pair of lines in one colour per ``(name, progress, expected)``. A date without
    data leaves a gap. The legend names each item once, then what solid and dashed mean."""
    lines2d = importlib.import_module("matplotlib.lines")
    ax = _axes(ax, 10.0, 5.0)
    for index, (name, progress, expected) in enumerate(lines):
        colour, marker = series_style(index)
        ax.plot(dates, [math.nan if v is None else 100 * v for v in progress], color=colour, marker=marker,
                markersize=4, linestyle="-", label=name)
        ax.plot(dates, [math.nan if v is None else 100 * v for v in expected], color=colour, linestyle="--",
                linewidth=1.0, label=f"_{name} (expected)")
    ax.set_ylim(0, 105)
    ax.set_ylabel("Progress (%)")
    ax.set_title(title)
    keys = [lines2d.Line2D([], [], color=INK, linestyle="-", label="solid: progress"),
            lines2d.Line2D([], [], color=INK, linestyle="--", label="dashed: expected")]
    ax.legend(handles=ax.get_legend_handles_labels()[0] + keys, loc="upper left", bbox_to_anchor=(1.01, 1.0),
              fontsize="small", frameon=False)
    _month_dates(ax)
    return ax
