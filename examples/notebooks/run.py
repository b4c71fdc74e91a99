"""Runs the notebooks in this folder top to bottom with nbclient, as a reader would, and fails on
any cell error. Also fails when a notebook was committed with outputs, or when the London
Councils notebook does not show what it promises (a DataFrame, the adoption heat map, at least
three charts). Used by `cargo xtask notebook`: `python examples/notebooks/run.py`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbclient
import nbformat

HERE = Path(__file__).resolve().parent


def run(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    committed = [c for c in notebook.cells if c.cell_type == "code" and (c.outputs or c.execution_count)]
    if committed:
        sys.exit(f"{path.name}: {len(committed)} code cells were committed with outputs; clear them first")
    # The kernel is this interpreter's (the venv with workplan installed).
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
    images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    if path.name == "london-councils.ipynb":
        expectations = {
            "a DataFrame": 'class="dataframe"' in html,
            "the plan's outline": "<details" in html,
            "the adoption heat map": "adoption as of 2021-03-31" in html,
            "at least three charts": images >= 3,
        }
        missing = [what for what, shown in expectations.items() if not shown]
        if missing:
            sys.exit(f"{path.name} ran but does not show: {', '.join(missing)}")
    print(f"{path.name}: {len(notebook.cells)} cells ran, {images} charts, no errors")


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted(HERE.glob("*.ipynb"))
    if not paths:
        sys.exit("no notebooks to run")
    for path in paths:
        run(path)


if __name__ == "__main__":
    main()
