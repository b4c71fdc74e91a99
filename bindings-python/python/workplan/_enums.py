"""The vocabularies of workplan as string enums. Every value workplan returns is the plain text
(``"on_track"``); each member equals its text, so ``row.status == Status.ON_TRACK`` and
``row.status == "on_track"`` are the same test."""

from __future__ import annotations

from enum import Enum


class _Text(str, Enum):
    """A string enum whose ``str()`` is its value."""

    def __str__(self) -> str:
        return str(self.value)


class Status(_Text):
    """A status in a rollup: the five reported statuses, and ``unknown`` when there is no data.
    In the order of ``STATUSES`` (done first, unknown last)."""

    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NOT_STARTED = "not_started"
    UNKNOWN = "unknown"


class Severity(_Text):
    """How bad a validation finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Trend(_Text):
    """Progress now against progress ``trend_days`` ago."""

    IMPROVING = "improving"
    STEADY = "steady"
    WORSENING = "worsening"


class ItemState(_Text):
    """An item's own state; deferred and cancelled items leave the denominator."""

    ACTIVE = "active"
    DEFERRED = "deferred"
    CANCELLED = "cancelled"


class CellState(_Text):
    """The state of one member x member item cell of the adoption matrix."""

    OUT_OF_SCOPE = "out_of_scope"
    NOT_ADOPTED = "not_adopted"
    NO_REPORT = "no_report"
    REPORTED = "reported"


class ItemKind(_Text):
    """What kind of item a row of the outline is."""

    PARENT = "parent"
    LEAF = "leaf"
    MEMBER_ITEM = "member_item"


STATUSES = [s.value for s in Status]
"""The statuses in display order: done, on track, at risk, off track, not started, unknown."""

STATUS_COLOURS = {
    "done": "#1a7f37",
    "on_track": "#2da44e",
    "at_risk": "#bf8700",
    "off_track": "#cf222e",
    "not_started": "#6e7781",
    "unknown": "#8c959f",
}
"""The red-amber-green colour of each status, used by the HTML tables and the plots."""

__all__ = ["Status", "Severity", "Trend", "ItemState", "CellState", "ItemKind", "STATUSES", "STATUS_COLOURS"]
