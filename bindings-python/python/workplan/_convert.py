"""Conversions of Python values into JSON data for the native module."""

from __future__ import annotations

import datetime
from typing import Any


def json_default(value: Any) -> Any:
    """``json.dumps`` fallback: dates and date-times as ISO 8601 text."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot put a {type(value).__name__} into a plan document")
