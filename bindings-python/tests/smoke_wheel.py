"""Smoke test of the built wheel in a fresh venv (run by `cargo xtask test-python`, not collected by pytest):
`python smoke_wheel.py REPO extras` with `workplan[pandas,plot]` installed, or
`python smoke_wheel.py REPO bare` with the wheel alone."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import workplan

repo, mode = Path(sys.argv[1]), sys.argv[2]
examples = repo / "examples" / "london-councils"
plan = workplan.load(examples / "pledges-2019-2022.yaml")
updates = workplan.load_updates(examples / "pledges-2019-2022-updates.csv")
rollup = plan.rollup(updates, as_of="2021-03-31")
series = plan.rollup_series(updates)
assert len(series.dates) == 36 and "<table" in rollup.adoption_heatmap()._repr_html_()

meta = metadata.metadata("workplan")
# The licence as an SPDX expression (PEP 639), with both licence texts in the wheel.
assert meta["Summary"] and meta["License-Expression"] == "MIT OR Apache-2.0" and meta["Requires-Python"] == ">=3.9"
assert {"LICENSE-MIT", "LICENSE-APACHE"} <= set(meta.get_all("License-File") or []), meta.get_all("License-File")
assert {"pandas", "plot"} <= set(meta.get_all("Provides-Extra") or [])
assert len(meta.get_all("Classifier") or []) >= 10 and "Typing :: Typed" in (meta.get_all("Classifier") or [])
fields = [f"{key}: {value}" for key, value in meta.items()]
assert not any("example.invalid" in field for field in fields) and not meta.get_all("Project-URL")

if mode == "extras":
    import matplotlib

    matplotlib.use("Agg")
    frame = rollup.to_pandas()
    assert str(frame["progress"].dtype) == "Float64" and frame["status"].cat.ordered
    assert rollup.adoption_matrix().shape == (33, 52)
    assert len(series.plot().lines) == 3 and len(rollup.plot_matrix().images) == 1
    print(f"workplan {workplan.__version__} with pandas and matplotlib: DataFrame {frame.shape}, heat map, burn-up")
elif mode == "bare":
    assert "pandas" not in sys.modules and "matplotlib" not in sys.modules
    for call, extra in ((rollup.to_pandas, "pandas"), (plan.to_pandas, "pandas"), (series.plot, "plot")):
        try:
            call()
        except ImportError as error:
            assert f"pip install 'workplan[{extra}]'" in str(error), error
        else:
            raise AssertionError(f"{call.__name__} worked without the {extra} extra")
    print(f"workplan {workplan.__version__} without extras: loads, rolls up; to_pandas and plot name their extras")
else:
    raise SystemExit(f"unknown mode {mode}")
