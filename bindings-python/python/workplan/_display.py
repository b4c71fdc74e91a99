"""Numbers written as the library writes them (``workplan::display``): one formatter for every
face, so that Python shows the same text as the CLI, the committee papers and the JS widget."""

from __future__ import annotations

import importlib
import math
from typing import Optional

_native = importlib.import_module("workplan._native")


def format_percent(value: Optional[float], /) -> str:
    """A fraction as a percentage, as every face of workplan writes it: ``"62.5%"``, ``"100%"``,
    ``"-"`` for ``None`` (at most one decimal, no ``.0``).

    >>> format_percent(0.625), format_percent(0.5), format_percent(None)
    ('62.5%', '50%', '-')
    """
    return str(_native.format_percent(value))


def whole_percent(value: float, /) -> str:
    """A fraction as a whole number of percent, as the heat maps of every face label their cells:
    halves round up (``0.125`` is ``"13"``), as the widget's ``Math.round`` does, not to even.

    >>> whole_percent(0.125), whole_percent(0.5), whole_percent(0.994)
    ('13', '50', '99')
    """
    scaled = value * 100
    floor = math.floor(scaled)
    return str(int(floor + 1 if scaled - floor >= 0.5 else floor))
