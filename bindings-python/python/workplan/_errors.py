"""The exception classes of workplan. The native module constructs them with their attributes."""

from __future__ import annotations

from typing import Any, List, Optional, Union


class WorkplanError(ValueError):
    """Base class of every error workplan raises."""


class ParseError(WorkplanError):
    """A document could not be loaded.

    Attributes:
        code: stable error code, e.g. ``"unknown_field"``.
        path: JSON Pointer path as a list of keys and indexes, e.g. ``["items", 2]``.
        line: 1-based line in the source text, or ``None`` when the input was not text.
        column: 1-based column (in characters), or ``None``.
        sheet: for a workbook, the sheet of the cell (``line`` and ``column`` are its row and
            column), else ``None``.
        cell: for a workbook, the cell as a spreadsheet names it (``"Q2!C14"``), else ``None``.
        hint: a suggestion of how to fix it, or ``None``.
        errors: every problem of the file as its own ``ParseError`` (up to 100; this error is
            the first), so all bad rows of a returns table can be fixed together.
        total: how many problems there are in all (more than ``len(errors)`` past the cap).
    """

    code: str
    path: List[Union[str, int]]
    line: Optional[int]
    column: Optional[int]
    sheet: Optional[str]
    cell: Optional[str]
    hint: Optional[str]
    errors: List["ParseError"]
    total: int

    def __init__(self, message: str, *args: Any) -> None:
        super().__init__(message, *args)
        self.code = "syntax_error"
        self.path = []
        self.line = None
        self.column = None
        self.sheet = None
        self.cell = None
        self.hint = None
        self.errors = [self]
        self.total = 1

    @property
    def pointer(self) -> str:
        """The path as an RFC 6901 JSON Pointer string, e.g. ``/items/2``."""
        return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in self.path)


class ValidationError(WorkplanError):
    """A plan has validation errors (raised by strict validation).

    Attributes:
        diagnostics: the findings.
    """

    diagnostics: List[Any]

    def __init__(self, message: str, diagnostics: Optional[List[Any]] = None) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics or [])
