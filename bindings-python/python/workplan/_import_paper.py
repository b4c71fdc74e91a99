"""A committee paper's text read into a draft plan, from ``workplan.import_paper(...)``
(docs/import.md). The reading is the native importer's; this module only presents it."""

from __future__ import annotations

import errno
import importlib
import os
from typing import TYPE_CHECKING, Any, List, Optional, Union, cast

from workplan._shapes import ImportSummaryDict

if TYPE_CHECKING:
    from workplan import Plan

_native = importlib.import_module("workplan._native")


class ImportedPaper:
    """The draft plan read from a paper and what the import did (docs/import.md).

    ``plan`` is a ``workplan.Plan`` (status ``draft``; every item's ``x-import`` says which lines
    it came from and each judgement made); ``summary`` is plain data: ``shape`` (``"numbered"`` or
    ``"headed"``), ``levels`` (``name``, ``items``, ``named_from`` each), ``labels_inferred``,
    ``measures_proposed``, ``lines_total``, ``lines_used`` and ``unused`` (every line not used:
    ``line``, ``why``, ``text``)."""

    def __init__(self, native: Any) -> None:
        self._native = native
        self.plan = native.plan
        self.summary: ImportSummaryDict = cast(ImportSummaryDict, native.summary())

    def summary_text(self, verbose: bool = False) -> str:
        """The summary as ``workplan import`` prints it; with ``verbose``, where each level's name
        came from and every line not used, with its number and why."""
        return cast(str, self._native.summary_text(verbose))

    def __repr__(self) -> str:
        levels = ", ".join(f"{level['items']} {level['name']}" for level in self.summary["levels"])
        return f"<ImportedPaper {self.plan.id!r}: {levels}>"


def import_paper(
    paper: Union[str, "os.PathLike[str]"],
    *,
    levels: Optional[List[str]] = None,
    ids_from: Optional["Plan"] = None,
) -> ImportedPaper:
    """Reads a committee paper's text (as extracted from its PDF) into a draft plan: the hierarchy
    from its numbering or its headings and bullet lists, labels the text lost inferred, outcome
    statements, numeric targets proposed as measures (docs/import.md).

    ``paper`` is the text itself (a ``str``) or the path of a UTF-8 text file (a ``pathlib.Path``
    or any ``os.PathLike``; also a ``str`` of one line that names an existing file, as
    ``workplan.load`` takes one; one line ending ``.txt`` that names no file raises
    ``FileNotFoundError``). ``levels`` names the levels, top down, before the paper's own words
    do. ``ids_from``, another version of the plan, gives its ids to the draft's items with the
    same title, so that returns keyed by id and ``workplan.diff`` follow them (docs/import.md#ids).
    A text from which no item is read raises ``PaperImportError`` (code ``paper_nothing_read``); a
    file that is not UTF-8 raises ``UnicodeDecodeError``."""
    one_line = isinstance(paper, str) and "\n" not in paper
    if one_line and not os.path.isfile(paper) and str(paper).strip().endswith((".txt", ".text")):
        # One line naming a text file that is not there: a path with a typo, not a paper.
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), paper)
    if isinstance(paper, str) and not (one_line and os.path.isfile(paper)):
        text = paper
    else:
        with open(os.fspath(paper), encoding="utf-8") as file:
            text = file.read()
    return ImportedPaper(_native.import_paper(text, levels, ids_from))
