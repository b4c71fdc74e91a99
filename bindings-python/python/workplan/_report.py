"""The result of validation: a list of findings that renders as a table in Jupyter."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Dict, Iterable, List

from workplan._shapes import DiagnosticDict

if TYPE_CHECKING:
    from workplan import Diagnostic

_COLOURS = {"error": "#b42318", "warning": "#b54708", "info": "#175cd3"}


class Report(List["Diagnostic"]):
    """The findings of ``Plan.validate()``, in document order. A ``list`` of ``Diagnostic``."""

    def __init__(self, diagnostics: Iterable["Diagnostic"] = ()) -> None:
        super().__init__(diagnostics)

    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(d.severity == "error" for d in self)

    @property
    def counts(self) -> Dict[str, int]:
        """How many findings of each severity: ``{"error": 1, "warning": 2, "info": 0}``."""
        counts = {"error": 0, "warning": 0, "info": 0}
        for d in self:
            counts[d.severity] += 1
        return counts

    def to_arrow(self) -> Any:
        """The findings as Arrow columns (``__arrow_c_stream__``): code, severity, message, path,
        item, line, column, hint, document, sheet."""
        import importlib

        return importlib.import_module("workplan._native")._report_arrow(list(self))

    def to_pandas(self) -> Any:
        """The findings as a DataFrame, with its columns even when there are none. Needs pandas."""
        from workplan._rollup import arrow_frame

        return arrow_frame(self.to_arrow())

    def to_polars(self) -> Any:
        """The findings as a polars DataFrame. Needs polars."""
        from workplan._optional import polars

        return polars().DataFrame(self.to_arrow())

    def to_records(self) -> List[DiagnosticDict]:
        """Every finding as a dict (for ``pandas.DataFrame(report.to_records())``)."""
        return [d.to_dict() for d in self]

    def __repr__(self) -> str:
        c = self.counts
        return f"<Report: {c['error']} errors, {c['warning']} warnings, {c['info']} notes>"

    def _repr_html_(self) -> str:
        """The findings as an HTML table for Jupyter, severities in colour."""
        c = self.counts
        head = (
            f"<p><strong>{c['error']}</strong> errors, <strong>{c['warning']}</strong> warnings, "
            f"<strong>{c['info']}</strong> notes</p>"
        )
        if not self:
            return head
        rows = []
        for d in self:
            colour = _COLOURS.get(d.severity, "inherit")
            where = f"{d.line}:{d.column}" if d.line is not None else html.escape(d.pointer)
            hint = f"<br><em>{html.escape(d.hint)}</em>" if d.hint else ""
            rows.append(
                "<tr>"
                f"<td style='color:{colour};font-weight:bold'>{d.severity}</td>"
                f"<td><code>{html.escape(d.code)}</code></td>"
                f"<td>{where}</td>"
                f"<td>{html.escape(d.item or '')}</td>"
                f"<td style='text-align:left'>{html.escape(d.message)}{hint}</td>"
                "</tr>"
            )
        return (
            head
            + "<table><thead><tr><th>severity</th><th>code</th><th>where</th><th>item</th><th>message</th></tr></thead>"
            + "<tbody>" + "".join(rows) + "</tbody></table>"
        )
