"""The optional dependencies, imported only when a feature needs them, with an error that names
the extra to install. ``import workplan`` imports neither pandas nor matplotlib."""

from __future__ import annotations

import importlib
from typing import Any


def pandas() -> Any:
    """The ``pandas`` module, or an ImportError naming the ``pandas`` extra."""
    try:
        return importlib.import_module("pandas")
    except ImportError as error:
        raise ImportError(
            "this needs pandas, an optional dependency of workplan: pip install 'workplan[pandas]'"
        ) from error


def pyplot() -> Any:
    """The ``matplotlib.pyplot`` module, or an ImportError naming the ``plot`` extra."""
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError as error:
        raise ImportError(
            "plots need matplotlib, an optional dependency of workplan: pip install 'workplan[plot]'"
        ) from error


def pyarrow() -> Any:
    """The ``pyarrow`` module, or an ImportError naming the ``pandas`` extra (which brings it)."""
    try:
        return importlib.import_module("pyarrow")
    except ImportError as error:
        raise ImportError(
            "DataFrames are built from Arrow with pyarrow, an optional dependency of workplan: "
            "pip install 'workplan[pandas]'"
        ) from error


def polars() -> Any:
    """The ``polars`` module, or an ImportError naming the ``polars`` extra."""
    try:
        return importlib.import_module("polars")
    except ImportError as error:
        raise ImportError(
            "this needs polars, an optional dependency of workplan: pip install 'workplan[polars]'"
        ) from error
