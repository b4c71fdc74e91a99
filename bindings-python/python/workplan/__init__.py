"""workplan: organisational plans as typed data.

Load business plans and pledges from JSON or YAML, read progress returns from CSV, and get errors
that say exactly where a problem is (``code``, ``path``, ``line``, ``column``). Validate, roll
progress up at one date (``Plan.rollup``) or many (``Plan.rollup_series``), and get DataFrames
(``pip install 'workplan[pandas]'``), plots (``'workplan[plot]'``) and tables in Jupyter.

>>> import workplan
>>> plan = workplan.Plan.from_json('{"workplan": 1, "id": "demo", "title": "Demo",'
...     ' "period": {"start": "2020-04-01", "end": "2021-03-31"}}')
>>> plan.id
'demo'
"""

from __future__ import annotations

from workplan._diff import PlanDiff
from workplan._display import format_percent
from workplan._enums import STATUS_COLOURS, STATUSES, CellState, ItemKind, ItemState, Severity, Status, Trend
from workplan._errors import (
    ConversionError,
    InvalidOptionError,
    InvalidRuleError,
    PaperImportError,
    ParseError,
    PortfolioError,
    RefusedReturnError,
    UnknownItemError,
    UnknownLocaleError,
    UnknownMemberError,
    UnknownPlanError,
    UnknownWordError,
    ValidationError,
    WorkplanError,
)
from workplan._import_paper import ImportedPaper, import_paper
from workplan._matrix import AdoptionMatrix
from workplan._native import (
    Diagnostic,
    Plan,
    Updates,
    Workspace,
    __version__,
    cadence,
    diff,
    load,
    load_updates,
    meetings,
    schema,
)
from workplan._portfolio import Portfolio, portfolio
from workplan._report import Report
from workplan._rollup import Explanation, Rollup, RollupRow
from workplan._series import RollupSeries
from workplan._shapes import (
    AdoptionCellDict,
    AdoptionCellRecord,
    ApprovalStateDict,
    BurnUpDict,
    BurnUpRecord,
    CadenceDict,
    CoverageDict,
    DiagnosticDict,
    ExcludedItemDict,
    ImportSummaryDict,
    ExplanationDict,
    OutlineRowDict,
    PlanDiffDict,
    PlanSummaryDict,
    RollupDict,
    RollupRowDict,
    RollupRowRecord,
    RollupSeriesDict,
    RollupSeriesRecord,
)

__all__ = [
    "Plan",
    "Updates",
    "Workspace",
    "Diagnostic",
    "Report",
    "Rollup",
    "RollupRow",
    "Explanation",
    "RollupSeries",
    "Portfolio",
    "AdoptionMatrix",
    "Status",
    "Severity",
    "Trend",
    "ItemState",
    "CellState",
    "ItemKind",
    "STATUSES",
    "STATUS_COLOURS",
    "load",
    "diff",
    "meetings",
    "cadence",
    "format_percent",
    "PlanDiff",
    "load_updates",
    "portfolio",
    "import_paper",
    "ImportedPaper",
    "schema",
    "WorkplanError",
    "ParseError",
    "PortfolioError",
    "PaperImportError",
    "ValidationError",
    "UnknownItemError",
    "UnknownPlanError",
    "UnknownMemberError",
    "RefusedReturnError",
    "InvalidOptionError",
    "InvalidRuleError",
    "UnknownWordError",
    "UnknownLocaleError",
    "ConversionError",
    "AdoptionCellDict",
    "AdoptionCellRecord",
    "ApprovalStateDict",
    "BurnUpDict",
    "BurnUpRecord",
    "CadenceDict",
    "CoverageDict",
    "DiagnosticDict",
    "ExcludedItemDict",
    "ImportSummaryDict",
    "ExplanationDict",
    "OutlineRowDict",
    "PlanDiffDict",
    "PlanSummaryDict",
    "RollupDict",
    "RollupRowDict",
    "RollupRowRecord",
    "RollupSeriesDict",
    "RollupSeriesRecord",
    "__version__",
]
