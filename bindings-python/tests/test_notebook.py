"""The example notebook is committed without outputs and covers the analyst's path (`cargo xtask notebook`
executes it with nbclient: examples/notebooks/run.py)."""

from __future__ import annotations

import json

from conftest import REPO

NOTEBOOK = REPO / "examples" / "notebooks" / "london-councils.ipynb"


def test_the_notebook_is_committed_without_outputs_and_does_what_the_issue_asks() -> None:
    notebook = json.loads(NOTEBOOK.read_text())
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    source = "\n".join("".join(cell["source"]) for cell in code)
    for step in ["wp.Workspace(", ".validate(", "as_of=datetime.date(2020, 9, 30)", "as_of=datetime.date(2020, 12, 31)",
                 ".explain(", ".adoption_heatmap()", ".rollup_series(", "series.plot()", ".to_pandas()",
                 "returns.xlsx", "mapping=", "error.errors", 'on_error="collect"', ".to_arrow()", "duckdb.sql("]:
        assert step in source, step
