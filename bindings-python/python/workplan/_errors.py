"""The exception classes of workplan. The native module constructs them with their attributes.

Every error has a stable ``code``; misuse of the API raises the class of its kind, with the code
and message the library gives in every language (docs/api.md, "Errors"). A document that cannot be
loaded raises ``ParseError``, whose codes are those of docs/format.md.
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple, Union


class WorkplanError(ValueError):
    """Base class of every error workplan raises.

    Attributes:
        code: stable error code (docs/api.md, "Errors"; a ``ParseError``'s are in docs/format.md).
            ``"internal_error"`` for this class itself: a bug in workplan, please report it.
    """

    code: str
    _CODE = "internal_error"
    _FIELDS: Tuple[str, ...] = ()

    def __init__(self, message: str, *args: Any) -> None:
        super().__init__(message, *args)
        self.code = self._CODE
        for name in self._FIELDS:
            setattr(self, name, None)

    def __str__(self) -> str:
        # The message as given, also for the subclasses that are ``KeyError``s (which would quote it).
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class UnknownItemError(WorkplanError, KeyError):
    """An item id the plan does not have (``Rollup.explain``). Code ``unknown_item``.

    Attributes:
        item: the id as given.
    """

    _CODE = "unknown_item"
    _FIELDS = ("item",)
    item: Optional[str]


class UnknownPlanError(WorkplanError, KeyError):
    """A plan id the workspace does not have (``Workspace.coverage``, ``Workspace.validate``).
    Code ``unknown_plan``.

    Attributes:
        plan: the id as given.
    """

    _CODE = "unknown_plan"
    _FIELDS = ("plan",)
    plan: Optional[str]


class UnknownMemberError(WorkplanError, KeyError):
    """A return from a member the plan does not have, refused by the live engine. Code
    ``unknown_member``.

    Attributes:
        item: the item the return is for.
        member: the member it names.
        index: for a batch, the index of the refused return, else ``None``.
    """

    _CODE = "unknown_member"
    _FIELDS = ("item", "member", "index")
    item: Optional[str]
    member: Optional[str]
    index: Optional[int]


class RefusedReturnError(WorkplanError):
    """A return the live engine refuses because of its member: ``member_on_plain_item``,
    ``member_outside_scope`` or ``member_missing``.

    Attributes:
        item: the item the return is for.
        member: the member it names, or ``None``.
        index: for a batch, the index of the refused return, else ``None``.
    """

    item: Optional[str]
    member: Optional[str]
    index: Optional[int]
    _FIELDS = ("item", "member", "index")


class InvalidOptionError(WorkplanError):
    """An option or argument with a value it cannot have. Code ``invalid_option``.

    Attributes:
        option: the option, e.g. ``"on_error"``.
        value: the value as given, as text.
        expected: what it must be, e.g. ``"raise or collect"``.
    """

    _CODE = "invalid_option"
    _FIELDS = ("option", "value", "expected")
    option: Optional[str]
    value: Optional[str]
    expected: Optional[str]


class InvalidRuleError(WorkplanError):
    """A meeting rule that cannot be read (``meetings``). Code ``invalid_rule``.

    Attributes:
        rule: the rule as given.
    """

    _CODE = "invalid_rule"
    _FIELDS = ("rule",)
    rule: Optional[str]


class UnknownWordError(WorkplanError):
    """A word that is not one of its kind's words (a status, a document format). Code
    ``unknown_word``.

    Attributes:
        word: the word as given.
        expected: the words that are.
    """

    _CODE = "unknown_word"
    _FIELDS = ("word", "expected")
    word: Optional[str]
    expected: Optional[str]


class UnknownLocaleError(WorkplanError):
    """A locale papers cannot be written in (``Rollup.to_html(locale=...)``). Code
    ``unknown_locale``.

    Attributes:
        tag: the tag as given.
    """

    _CODE = "unknown_locale"
    _FIELDS = ("tag",)
    tag: Optional[str]


class PortfolioError(WorkplanError):
    """A portfolio could not be rolled up (docs/portfolio.md#errors): a source (folder, glob,
    manifest) that cannot be read, or, with ``fail_fast=True``, a plan that fails.

    Attributes:
        code: ``portfolio_unreadable``, ``portfolio_manifest``, ``portfolio_pattern``,
            ``portfolio_no_plans``, ``portfolio_threads``, or the failing plan's code
            (``plan_load``, ``returns_load``, ``ambiguous_returns``, ``duplicate_plan_id``).
        file: the failing plan's file for a plan that fails, else the source as given (``None``
            when there is none).
    """

    _CODE = "portfolio_unreadable"
    _FIELDS = ("file",)
    file: Optional[str]


class PaperImportError(WorkplanError):
    """No item could be read from a paper's text (docs/import.md#when-nothing-is-read): it has
    neither numbered headings nor headings with bullet lists. Code ``paper_nothing_read``.

    Attributes:
        lines: the lines in the text.
    """

    _CODE = "paper_nothing_read"
    _FIELDS = ("lines",)
    lines: Optional[int]


class ConversionError(WorkplanError, TypeError):
    """A Python value that is not JSON data (or a result Python cannot hold). Code
    ``conversion_error``."""

    _CODE = "conversion_error"


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
    """A plan has validation errors (raised by strict validation). Code ``validation_failed``.

    Attributes:
        diagnostics: the findings.
    """

    _CODE = "validation_failed"
    diagnostics: List[Any]

    def __init__(self, message: str, diagnostics: Optional[List[Any]] = None) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics or [])
