"""Plots (matplotlib, optional) draw what the rollup says, the adoption heat map, and what happens
without the optional dependencies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator, List

import pytest

import workplan


@pytest.fixture
def plt() -> Iterator[Any]:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


def hex_colour(rgba: Any) -> str:
    import matplotlib.colors

    return str(matplotlib.colors.to_hex(rgba))


BUSINESS_PLAN = "business-plan-2020-21"
PLEDGES = "pledges-2019-2022"


def load(examples: Path, name: str, **rollup: Any) -> Any:
    """A London Councils example plan and its rollup (``as_of`` and settings as keywords)."""
    plan = workplan.load(examples / f"{name}.yaml")
    return plan, plan.rollup(examples / f"{name}-updates.csv", **rollup)


def luminance(colour: Any) -> float:
    """WCAG 2.2 relative luminance, computed here independently of workplan._plot."""
    import matplotlib.colors

    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in matplotlib.colors.to_rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: Any, second: Any) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legend_texts(ax: Any) -> List[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def bars(ax: Any) -> List[Any]:
    """The bars of a bar chart, top first (not the see-through hatched copies of low-coverage bars)."""
    return sorted((p for p in ax.patches if p.get_facecolor()[3] > 0), key=lambda b: -b.get_y())


def hatched(ax: Any) -> List[Any]:
    """The see-through hatched copies drawn over low-coverage bars, top first."""
    return sorted((p for p in ax.patches if p.get_facecolor()[3] == 0), key=lambda b: -b.get_y())


def notes(ax: Any) -> List[str]:
    """The words beside the bars, top first."""
    return [t.get_text() for t in sorted(ax.texts, key=lambda t: -t.xy[1])]


def pct(value: Any) -> str:
    """Progress as the CLI, the papers and the widget write it (the library's one formatter)."""
    return "no data" if value is None else workplan.format_percent(value)


def test_rollup_plot_is_titled_with_the_plan_and_says_how_much_data_is_behind_each_bar(examples: Path, plt: Any) -> None:
    plan, rollup = load(examples, BUSINESS_PLAN, as_of="2020-12-31")
    ax = rollup.plot()
    top = [r for r in rollup.to_records() if r["depth"] == 0 and r["included"]]
    assert len(top) == 11
    assert ax.get_title() == "London Councils Business Plan 2020/21\nprogress at 31 December 2020" == (
        f"{plan.title}\nprogress at 31 December 2020")
    assert plan.id not in ax.get_title()
    assert ax.get_xlabel() == "Progress (%)"
    drawn = bars(ax)
    assert len(drawn) == 11
    assert [b.get_width() for b in drawn] == pytest.approx([100 * (r["progress"] or 0) for r in top])
    assert [hex_colour(b.get_facecolor()) for b in drawn] == [workplan.STATUS_COLOURS[r["status"]] for r in top]
    # Beside each bar: its progress and "n of m items" (leaves with data of included leaves).
    expected_notes = [f"{pct(r['progress'])} \u00b7 {r['leaves_with_data']} of {r['leaves']} items" for r in top]
    assert notes(ax) == expected_notes
    # The text report's 49.9%, not a rounded 50%; finance: 4 of its 25 leaves have no return yet.
    assert notes(ax)[0] == "49.9% \u00b7 21 of 25 items"
    # Every area's status is derived from its leaves: every bar has a dashed outline, none is hatched.
    assert {b.get_linestyle() for b in drawn} == {"--"}
    assert all(not b.get_hatch() for b in drawn) and hatched(ax) == []
    marks = ax.collections[0].get_offsets()
    assert sorted(float(x) for x, _ in marks) == pytest.approx(sorted(100 * r["expected"] for r in top))
    top_label = max(ax.get_yticklabels(), key=lambda label: label.get_position()[1])
    assert top_label.get_text() == "1 Finance Performance & Improvement"
    assert legend_texts(ax) == ["at risk", "off track", "expected progress", "dashed outline: status derived from progress"]


def test_a_reported_status_has_a_solid_outline_and_a_legend_entry(examples: Path, plt: Any) -> None:
    _, rollup = load(examples, BUSINESS_PLAN, as_of="2020-12-31")
    records = rollup.to_records()
    depth = max(r["depth"] for r in records)
    rows = [r for r in records if r["depth"] == depth and r["included"]]
    sources = [r["status_source"] for r in rows]
    assert "reported" in sources and "derived" in sources  # leaves with and without a reported status
    ax = rollup.plot(depth=depth)
    assert [b.get_linestyle() for b in bars(ax)] == ["-" if s == "reported" else "--" for s in sources]
    assert {"solid outline: status as reported", "dashed outline: status derived from progress"} <= set(legend_texts(ax))


def test_low_coverage_bars_are_hatched_and_say_so_and_member_items_count_members(examples: Path, plt: Any) -> None:
    _, rollup = load(examples, PLEDGES, as_of="2021-03-31")
    rows = [r for r in rollup.to_records() if r["depth"] == 1 and r["included"]]
    low = [r["coverage"] is not None and r["coverage"] < 0.5 for r in rows]  # the default threshold is 0.5
    assert [r["low_coverage"] for r in rows] == low
    assert any(low) and not all(low)
    ax = rollup.plot(depth=1)
    drawn = bars(ax)
    hatches = hatched(ax)
    assert [h.get_hatch() for h in hatches] == ["///"] * sum(low)
    assert [(h.get_y(), h.get_width()) for h in hatches] == [(b.get_y(), b.get_width()) for b, lo in zip(drawn, low) if lo]
    assert all(hex_colour(h.get_edgecolor()) == "#ffffff" for h in hatches)  # the hatch lines: white
    words = notes(ax)
    assert [w.endswith(" \u00b7 low coverage") for w in words] == low
    members = [(w, r) for w, r in zip(words, rows) if r["members_adopted"] is not None]
    assert members and all(f" {r['members_reported']} of {r['members_adopted']} member" in w for w, r in members)
    assert "hatched: low coverage (too little data to judge)" in legend_texts(ax)
    # A white hatch shows on every status colour (WCAG 2.2 1.4.11: 3:1).
    assert min(contrast("#ffffff", colour) for colour in workplan.STATUS_COLOURS.values()) >= 3.0


def test_the_hatching_follows_the_coverage_threshold_setting(examples: Path, plt: Any) -> None:
    _, rollup = load(examples, PLEDGES, as_of="2021-03-31", coverage_threshold=0.0)
    ax = rollup.plot(depth=1)
    assert hatched(ax) == [] and len(bars(ax)) > 0
    assert not any(w.endswith("low coverage") for w in notes(ax))
    assert not any("hatched" in t for t in legend_texts(ax))


def test_rollup_plot_says_what_is_wrong_with_a_depth(examples: Path, plt: Any) -> None:
    _, rollup = load(examples, BUSINESS_PLAN, as_of="2020-12-31")
    with pytest.raises(ValueError, match="no included item at depth 9 to plot \\(the deepest is 3\\)"):
        rollup.plot(depth=9)
    with pytest.raises(ValueError, match="depth is 0 \\(the top level\\) or more, not -1"):
        rollup.plot(depth=-1)


MATRIX_PLAN = """workplan: 1
id: matrix-demo
title: Borough commitments
period: {start: 2021-01-01, end: 2021-12-31}
members: [{id: camden, name: London Borough of Camden}, {id: hackney, name: Hackney}, {id: sutton, name: Sutton}]
items:
  - id: m1
    label: "1"
    title: A commitment only two boroughs were asked to adopt
    members: [camden, hackney]
    adoption: required
  - {id: m2, label: "2", title: Everyone, members: all}
updates:
  - {item: m1, date: 2021-02-01, member: camden, adopted: true}
  - {item: m1, date: 2021-02-01, member: hackney, adopted: false}
  - {item: m1, date: 2021-03-01, member: camden, percent: 90}
  - {item: m2, date: 2021-03-01, member: hackney, percent: 10}
"""


def test_matrix_shows_four_states_with_names_numbers_a_colour_bar_and_a_legend(plt: Any) -> None:
    import matplotlib.collections

    rollup = workplan.Plan.from_yaml(MATRIX_PLAN).rollup(as_of="2021-06-30")
    matrix = rollup.adoption_heatmap()
    states = {(c["member"], c["item"]): c["state"] for c in matrix.cells}
    assert states == {("camden", "m1"): "reported", ("hackney", "m1"): "not_adopted", ("sutton", "m1"): "out_of_scope",
                      ("camden", "m2"): "no_report", ("hackney", "m2"): "reported", ("sutton", "m2"): "no_report"}
    ax = rollup.plot_matrix()
    assert ax.get_title() == "Borough commitments\nadoption at 30 June 2021"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["London Borough of Camden", "Hackney", "Sutton"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1 A commitment only two borough\u2026", "2 Everyone"]
    image = ax.images[0].get_array()
    assert image.shape == (3, 2)
    assert image[0, 0] == pytest.approx(90) and image[1, 1] == pytest.approx(10)
    assert image.mask.tolist() == [[False, True], [True, False], [True, True]]
    # One hatched collection per state without progress: as many cells as that state has.
    collections = [c for c in ax.collections if isinstance(c, matplotlib.collections.PatchCollection)]
    by_label = {c.get_label(): c for c in collections}
    assert sorted(by_label) == ["no return yet (?)", "not adopted (\u2013)", "not in scope"]
    assert [len(by_label[k].get_paths()) for k in sorted(by_label)] == [2, 1, 1]
    assert len({c.get_hatch() for c in collections}) == 3 and all(c.get_hatch() for c in collections)
    assert len({hex_colour(c.get_facecolor()[0]) for c in collections} | {"reported"}) == 4
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        "reported (shade and number: progress %)", "no return yet (?)", "not adopted (\u2013)", "not in scope"]
    hatches = {t.get_text(): h.get_hatch() for t, h in zip(legend.get_texts(), legend.legend_handles)}
    assert all(hatches[c.get_label()] == c.get_hatch() for c in collections)
    colour_bars = [a for a in ax.figure.axes if a is not ax]
    assert [a.get_ylabel() for a in colour_bars] == ["Progress of reported cells (%)"]
    texts = {(round(t.get_position()[1]), round(t.get_position()[0])): t for t in ax.texts}
    assert {k: t.get_text() for k, t in texts.items()} == {(0, 0): "90", (1, 0): "\u2013", (0, 1): "?", (1, 1): "10",
                                                           (2, 1): "?"}


def test_every_text_of_the_matrix_is_readable_on_its_cell(examples: Path, plt: Any) -> None:
    import matplotlib.collections

    plan, rollup = load(examples, PLEDGES, as_of="2021-03-31")
    matrix = rollup.adoption_heatmap()
    ax = rollup.plot_matrix()
    assert ax.get_title() == f"{plan.title}\nadoption at 31 March 2021" and plan.id not in ax.get_title()
    names = [m["name"] for m in plan.to_dict()["members"]]
    assert [t.get_text() for t in ax.get_yticklabels()] == names and len(names) == 33
    image = ax.images[0]
    fills = {}
    for collection in ax.collections:
        if isinstance(collection, matplotlib.collections.PatchCollection):
            for path in collection.get_paths():
                x, y = path.vertices.mean(axis=0)
                fills[(round(y), round(x))] = collection.get_facecolor()[0]
    counts = matrix.counts()
    assert len(fills) == counts["no_report"] + counts["not_adopted"] + counts["out_of_scope"]
    checked = 0
    for text in ax.texts:
        x, y = text.get_position()
        cell = (round(y), round(x))
        fill = fills.get(cell)
        if fill is None:
            fill = image.cmap(image.norm(image.get_array()[cell]))
        assert contrast(text.get_color(), fill) >= 4.5, (text.get_text(), cell)
        checked += 1
    assert checked == counts["reported"] + counts["no_report"] + counts["not_adopted"]
    # The darkest and palest greens both carry text: white on dark, black on pale.
    colours = {hex_colour(t.get_color()) for t in ax.texts}
    assert colours == {"#ffffff", "#000000"}


def test_plot_trend_draws_progress_and_expected_per_top_level_item(examples: Path, plt: Any) -> None:
    import matplotlib.dates

    plan = workplan.load(examples / f"{BUSINESS_PLAN}.yaml")
    series = plan.rollup_series(examples / f"{BUSINESS_PLAN}-updates.csv")
    records = series.to_records()
    top = list(dict.fromkeys(r["id"] for r in records if r["depth"] == 0))
    assert len(top) == 11
    ax = series.plot_trend()
    assert ax.get_title() == f"{plan.title}\nprogress against expected"
    assert ax.get_ylabel() == "Progress (%)" and ax.get_xlabel() == "Date"
    assert isinstance(ax.xaxis.get_major_formatter(), matplotlib.dates.DateFormatter)
    assert len(ax.lines) == 2 * len(top)
    styles = set()
    for index, item in enumerate(top):
        progress, expected = ax.lines[2 * index], ax.lines[2 * index + 1]
        assert progress.get_color() == expected.get_color()
        assert progress.get_linestyle() == "-" and expected.get_linestyle() == "--"
        assert list(progress.get_xdata()) == series.dates
        rows = {r["as_of"]: r for r in records if r["id"] == item}
        assert list(progress.get_ydata()) == pytest.approx(
            [float("nan") if rows[d]["progress"] is None else 100 * rows[d]["progress"] for d in series.dates], nan_ok=True)
        assert list(expected.get_ydata()) == pytest.approx([100 * rows[d]["expected"] for d in series.dates])
        styles.add((progress.get_color(), progress.get_marker()))
    assert len(styles) == 11  # no two items drawn alike
    names = [t for t in legend_texts(ax)]
    assert names[0] == "1 Finance Performance & Improvement" and len(names) == 13
    assert names[-2:] == ["solid: progress", "dashed: expected"]


def test_plot_trend_of_chosen_items_and_its_errors(examples: Path, plt: Any) -> None:
    plan = workplan.load(examples / f"{BUSINESS_PLAN}.yaml")
    series = plan.rollup_series(examples / f"{BUSINESS_PLAN}-updates.csv")
    ax = series.plot_trend(items=["finance.1", "skills"])
    assert len(ax.lines) == 4
    assert legend_texts(ax) == ["1.1 Delivering fair levels of funding for local\u2026", "2 Skills and Employment",
                                "solid: progress", "dashed: expected"]
    one = series.plot_trend(items=["finance.1"])
    title = one.get_title()
    assert title.startswith(f"{plan.title}\n1.1 ") and title.endswith(": progress against expected")
    with pytest.raises(KeyError, match="no item 'nope' in the plan business-plan-2020-21"):
        series.plot_trend(items=["finance.1", "nope"])
    with pytest.raises(TypeError, match="a list of item ids"):
        series.plot_trend(items="finance.1")
    with pytest.raises(ValueError, match="no items to draw"):
        series.plot_trend(items=[])


def test_the_palette_is_colour_blind_safe_and_stands_out_from_white() -> None:
    from workplan._plot import MARKERS, PALETTE, series_style

    assert min(contrast(colour, "#ffffff") for colour in PALETTE) >= 3.0
    assert len(set(PALETTE)) == len(PALETTE) == 7
    assert len({series_style(i) for i in range(len(PALETTE) * len(MARKERS))}) == 35


def test_cell_text_reaches_4_5_to_1_on_every_shade_and_fill(plt: Any) -> None:
    from workplan._plot import FILLS, ink_on

    shades = [plt.get_cmap("Greens")(i / 255) for i in range(256)] + [plt.get_cmap("viridis")(i / 255) for i in range(256)]
    assert min(contrast(ink_on(fill), fill) for fill in shades + list(FILLS.values())) >= 4.5


def test_series_burn_up_chart(examples: Path, plt: Any) -> None:
    plan = workplan.load(examples / f"{PLEDGES}.yaml")
    series = plan.rollup_series(examples / f"{PLEDGES}-updates.csv")
    ax = series.plot()
    assert ax.get_title() == f"{plan.title}\nburn-up: work done against work expected"
    assert ax.get_ylabel() == "Items (a finished item counts 1)"
    lines = {line.get_label(): line for line in ax.lines}
    burn_up = series.burn_up()
    assert list(lines["done"].get_ydata()) == [p["earned"] for p in burn_up]
    assert list(lines["expected by then"].get_ydata()) == [p["expected"] for p in burn_up]
    assert set(lines["all items (scope)"].get_ydata()) == {52}
    assert hex_colour(lines["done"].get_color()) == workplan.STATUS_COLOURS["done"]
    one = series.plot("housing.2.a")
    progress = [r["progress"] for r in series.to_records() if r["id"] == "housing.2.a"]
    drawn = list(one.lines[0].get_ydata())
    assert drawn == pytest.approx([float("nan") if p is None else 100 * p for p in progress], nan_ok=True)
    assert one.get_ylabel() == "Progress (%)" and one.get_title().startswith(f"{plan.title}\n")
    with pytest.raises(KeyError):
        series.plot("nope")


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_importing_workplan_imports_neither_pandas_nor_matplotlib() -> None:
    result = run("import sys, workplan; print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_missing_extra_is_named_in_the_error() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None; sys.modules['matplotlib'] = None; sys.modules['matplotlib.pyplot'] = None\n"
        "import workplan\n"
        "plan = workplan.Plan.from_yaml('workplan: 1\\nid: d\\ntitle: D\\nperiod: {start: 2020-01-01, end: 2020-12-31}\\n')\n"
        "rollup = plan.rollup()\n"
        "for call in (rollup.to_pandas, plan.to_pandas, rollup.plot):\n"
        "    try:\n"
        "        call()\n"
        "    except ImportError as error:\n"
        "        print(error)\n"
    )
    result = run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "this needs pandas, an optional dependency of workplan: pip install 'workplan[pandas]'",
        "this needs pandas, an optional dependency of workplan: pip install 'workplan[pandas]'",
        "plots need matplotlib, an optional dependency of workplan: pip install 'workplan[plot]'",
    ]
