"""The Python code in the README runs as written (from the repository root), the blocks one after
another in one namespace, as a reader would type them into one session."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import REPO


def test_readme_python_blocks_run() -> None:
    text = (REPO / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "the README has Python examples"
    here = Path.cwd()
    os.chdir(REPO)
    namespace: dict[str, object] = {}
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    finally:
        os.chdir(here)
