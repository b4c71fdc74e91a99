"""Plots (matplotlib, optional) draw what the rollup says, the adoption heat map, and what happens
without the optional dependencies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

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


def test_rollup_plot_draws_one_bar_per_area_in_its_status_colour(examples: Path, plt: Any) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    rollup = plan.rollup(examples / "business-plan-2020-21-updates.csv", as_of="2020-12-31")
    ax = rollup.plot()
    top = [r for r in rollup.rows if r.depth == 0 and r.included]
    bars = ax.patches
    assert len(bars) == len(top) == 11
    # The first area is drawn at the top.
    ordered = sorted(bars, key=lambda b: -b.get_y())
    assert [b.get_width() for b in ordered] == pytest.approx([100 * (r.progress or 0) for r in top])
    assert [hex_colour(b.get_facecolor()) for b in ordered] == [workplan.STATUS_COLOURS[r.status] for r in top]
    marks = ax.collections[0].get_offsets()
    assert sorted(float(x) for x, _ in marks) == pytest.approx(sorted(100 * (r.expected or 0) for r in top))
    top_label = max(ax.get_yticklabels(), key=lambda label: label.get_position()[1])
    assert top_label.get_text().startswith("1 Finance")
    deeper = rollup.plot(depth=1)
    assert len(deeper.patches) == sum(1 for r in rollup.rows if r.depth == 1 and r.included)


def test_matrix_heat_map(examples: Path, plt: Any) -> None:
    pd = pytest.importorskip("pandas")
    plan = workplan.load(examples / "pledges-2019-2022.yaml")
    rollup = plan.rollup(examples / "pledges-2019-2022-updates.csv", as_of="2021-03-31")
    matrix = rollup.adoption_heatmap()
    ax = rollup.plot_matrix()
    image = ax.images[0].get_array()
    assert image.shape == (33, 52) == (len(matrix.members), len(matrix.items))
    frame = rollup.adoption_matrix()
    expected = frame.astype("float64").to_numpy()
    assert ((image.filled(-1) == pd.DataFrame(expected).fillna(-1).to_numpy())).all()
    assert [t.get_text() for t in ax.get_xticklabels()] == list(frame.columns)


def test_matrix_html_is_a_heat_map(examples: Path) -> None:
    plan = workplan.load(examples / "pledges-2019-2022.yaml")
    rollup = plan.rollup(examples / "pledges-2019-2022-updates.csv", as_of="2021-03-31")
    matrix = rollup.adoption_heatmap()
    page = matrix._repr_html_()
    counts = matrix.counts()
    assert page.count("<td ") == 33 * 52 == sum(counts.values())
    assert page.count("background:#ffffff") == counts["no_report"]
    assert page.count("background:#d0d7de") == counts["not_adopted"]
    reported = [c for c in matrix.cells if c["state"] == "reported"]
    assert reported and all(f"{c['progress'] * 100:.0f}</td>" in page for c in reported)
    assert repr(matrix).startswith("<AdoptionMatrix pledges-2019-2022 as of 2021-03-31: 33 members x 52 items")


def test_series_burn_up_chart(examples: Path, plt: Any) -> None:
    plan = workplan.load(examples / "pledges-2019-2022.yaml")
    series = plan.rollup_series(examples / "pledges-2019-2022-updates.csv")
    ax = series.plot()
    lines = {line.get_label(): line for line in ax.lines}
    burn_up = series.burn_up()
    assert list(lines["done"].get_ydata()) == [p["earned"] for p in burn_up]
    assert list(lines["expected"].get_ydata()) == [p["expected"] for p in burn_up]
    assert set(lines["scope (leaves)"].get_ydata()) == {52}
    assert hex_colour(lines["done"].get_color()) == workplan.STATUS_COLOURS["done"]
    one = series.plot("housing.2.a")
    progress = [r["progress"] for r in series.to_records() if r["id"] == "housing.2.a"]
    drawn = list(one.lines[1].get_ydata())
    assert drawn == pytest.approx([float("nan") if p is None else 100 * p for p in progress], nan_ok=True)
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
