"""Type stubs of workplan."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union, final

from workplan._enums import STATUS_COLOURS as STATUS_COLOURS
from workplan._enums import STATUSES as STATUSES
from workplan._enums import CellState as CellState
from workplan._enums import ItemKind as ItemKind
from workplan._enums import ItemState as ItemState
from workplan._enums import Severity as Severity
from workplan._enums import Status as Status
from workplan._enums import Trend as Trend
from workplan._errors import ConversionError as ConversionError
from workplan._errors import InvalidOptionError as InvalidOptionError
from workplan._errors import InvalidRuleError as InvalidRuleError
from workplan._errors import PaperImportError as PaperImportError
from workplan._errors import ParseError as ParseError
from workplan._errors import PortfolioError as PortfolioError
from workplan._errors import RefusedReturnError as RefusedReturnError
from workplan._errors import UnknownItemError as UnknownItemError
from workplan._errors import UnknownLocaleError as UnknownLocaleError
from workplan._errors import UnknownMemberError as UnknownMemberError
from workplan._errors import UnknownPlanError as UnknownPlanError
from workplan._errors import UnknownWordError as UnknownWordError
from workplan._errors import ValidationError as ValidationError
from workplan._errors import WorkplanError as WorkplanError
from workplan._diff import PlanDiff as PlanDiff
from workplan._display import format_percent as format_percent
from workplan._import_paper import ImportedPaper as ImportedPaper
from workplan._import_paper import import_paper as import_paper
from workplan._matrix import AdoptionMatrix as AdoptionMatrix
from workplan._portfolio import Portfolio as Portfolio
from workplan._portfolio import portfolio as portfolio
from workplan._report import Report as Report
from workplan._rollup import Explanation as Explanation
from workplan._rollup import Rollup as Rollup
from workplan._rollup import RollupRow as RollupRow
from workplan._series import RollupSeries as RollupSeries
from workplan._shapes import AdoptionCellDict as AdoptionCellDict
from workplan._shapes import AdoptionCellRecord as AdoptionCellRecord
from workplan._shapes import ApprovalStateDict as ApprovalStateDict
from workplan._shapes import BurnUpDict as BurnUpDict
from workplan._shapes import BurnUpRecord as BurnUpRecord
from workplan._shapes import CadenceDict as CadenceDict
from workplan._shapes import CoverageDict as CoverageDict
from workplan._shapes import DiagnosticDict as DiagnosticDict
from workplan._shapes import ExcludedItemDict as ExcludedItemDict
from workplan._shapes import ImportSummaryDict as ImportSummaryDict
from workplan._shapes import ExplanationDict as ExplanationDict
from workplan._shapes import OutlineRowDict as OutlineRowDict
from workplan._shapes import PlanDiffDict as PlanDiffDict
from workplan._shapes import PlanSummaryDict as PlanSummaryDict
from workplan._shapes import RollupDict as RollupDict
from workplan._shapes import RollupRowDict as RollupRowDict
from workplan._shapes import RollupRowRecord as RollupRowRecord
from workplan._shapes import RollupSeriesDict as RollupSeriesDict
from workplan._shapes import RollupSeriesRecord as RollupSeriesRecord

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

__version__: str

_Path = Union[str, "os.PathLike[str]"]
_Date = Union[datetime.date, str]
_UpdatesArg = Union["Updates", _Path, List[Dict[str, Any]], Any, None]
_MappingArg = Union[Dict[str, Any], _Path, None]

@final
class Plan:
    """A plan: a tree of items with its members, themes, settings, returns and events."""

    @classmethod
    def from_json(cls, text: str) -> Plan:
        """Reads a plan from JSON text; raises ParseError with code, path, line, column."""
    @classmethod
    def from_yaml(cls, text: str) -> Plan:
        """Reads a plan from YAML text; raises ParseError with code, path, line, column."""
    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> Plan:
        """Reads a plan from a dict (dates may be datetime.date)."""
    @classmethod
    def load(cls, path: _Path) -> Plan:
        """Reads a plan from a .json, .yaml or .yml file."""
    def to_dict(self) -> Dict[str, Any]:
        """The plan as plain JSON data (dates as YYYY-MM-DD text), x- keys kept."""
    def to_json(self) -> str:
        """The plan as pretty JSON text (deterministic)."""
    def to_yaml(self) -> str:
        """The plan as YAML text (deterministic)."""
    def validate(self, updates: _UpdatesArg = None, *, strict: bool = False) -> Report:
        """Validates the plan (and returns passed separately: anything rollup takes): every finding,
        in document order.

        With strict=True, raises ValidationError (carrying the report) when there are errors."""
    def rollup(
        self,
        updates: _UpdatesArg = None,
        *,
        as_of: Union[datetime.date, str, None] = None,
        known_at: Union[datetime.datetime, str, None] = None,
        **settings: Any,
    ) -> Rollup:
        """Rolls up progress (docs/rollup.md): returns on top of the plan's own, at as_of (the period's end
        by default), counting only returns recorded by known_at; settings as keywords
        (weighting="equal", missing="exclude", status="worst", bands={...}, stale_after_days, trend_days, coverage_threshold)."""
    def rollup_series(
        self,
        updates: _UpdatesArg = None,
        dates: Optional[Iterable[_Date]] = None,
        *,
        known_at: Union[datetime.datetime, str, None] = None,
        **settings: Any,
    ) -> RollupSeries:
        """Rolls up progress at several dates in one call (each date exactly as rollup(as_of=date));
        dates sorted and deduplicated, by default the month ends of the plan's period."""
    def outline(self) -> List[OutlineRowDict]:
        """One dict per item in document order: id, parent, depth, level, label, number, pointer, title,
        outcome, owner, themes, start, due, weight, state, included, excluded_by, kind, members,
        adoption, unit, baseline, target, children, links."""
    def to_pandas(self) -> Any:
        """The outline as a pandas DataFrame, one row per item. Needs pandas."""
    def to_arrow(self) -> Any:
        """The outline as Arrow columns (__arrow_c_stream__), for pyarrow, polars and DuckDB."""
    def _repr_html_(self) -> str:
        """The plan as HTML for Jupyter: heading and a collapsible outline."""
    def approval_state(self) -> ApprovalStateDict:
        """The declared status, the stage the events give, the last approval, the path, whether they agree."""
    def summary(self) -> PlanSummaryDict:
        """Items per level, measures, members, links, events."""
    @property
    def id(self) -> str:
        """The plan's id."""
    @property
    def title(self) -> str:
        """The plan's title."""
    @property
    def status(self) -> str:
        """The plan's status: draft, consultation, approved or archived."""
    @property
    def period(self) -> Tuple[datetime.date, datetime.date]:
        """The plan's period as (start, end)."""
    def __eq__(self, other: object) -> bool: ...

@final
class Updates:
    """Progress returns and adoption events, in input order."""

    @classmethod
    def from_csv(
        cls, text: str, *, mapping: _MappingArg = None, on_error: str = "raise", **entries: Any
    ) -> Updates:
        """Reads progress returns from CSV text (header row required), with a mapping as load_updates."""
    @classmethod
    def from_frame(
        cls, data: Any, *, mapping: _MappingArg = None, on_error: str = "raise", **entries: Any
    ) -> Updates:
        """Reads progress returns from a pandas or polars DataFrame, a pyarrow Table or any object with
        __arrow_c_stream__, column by column (date-times keep their time and zone)."""
    @classmethod
    def from_json(cls, text: str) -> Updates:
        """Reads progress returns from a JSON list of update objects."""
    @classmethod
    def from_records(cls, records: List[Dict[str, Any]]) -> Updates:
        """Reads progress returns from a list of dicts (dates may be datetime.date)."""
    def to_records(self) -> List[Dict[str, Any]]:
        """The returns as a list of dicts of plain JSON data."""
    def to_csv(self) -> str:
        """The returns as CSV text."""
    @property
    def set_aside(self) -> List[Dict[str, Any]]:
        """Rows set aside by on_error="collect": sheet, cell, line, column, path, cells, errors."""
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

@final
class Diagnostic:
    """One finding of validation: what is wrong, where, and how to fix it."""

    @property
    def code(self) -> str:
        """The stable code of the rule, e.g. "due_outside_period"."""
    @property
    def severity(self) -> str:
        """"error", "warning" or "info"."""
    @property
    def message(self) -> str:
        """What is wrong, in words for a committee officer."""
    @property
    def path(self) -> List[Union[str, int]]:
        """The JSON Pointer path as keys and indexes, e.g. ["items", 0, "due"]."""
    @property
    def pointer(self) -> str:
        """The path as a JSON Pointer string, e.g. "/items/0/due"."""
    @property
    def item(self) -> Optional[str]:
        """The id of the item concerned."""
    @property
    def line(self) -> Optional[int]:
        """The line (from 1) of the offending value, when the plan came from text."""
    @property
    def column(self) -> Optional[int]:
        """The column (from 1, in characters)."""
    @property
    def sheet(self) -> Optional[str]:
        """For returns read from a workbook, the sheet (line and column are the cell's row and column)."""
    @property
    def hint(self) -> Optional[str]:
        """How to fix it."""
    @property
    def document(self) -> str:
        """"plan", or "updates" for findings in returns passed separately."""
    def to_dict(self) -> DiagnosticDict:
        """The finding as plain data (without ``sheet``)."""
    def __eq__(self, other: object) -> bool: ...

@final
class Workspace:
    """Plans loaded together, so that links between them are checked."""

    def __new__(cls, plans: List[Plan]) -> Workspace: ...
    def validate(self, updates: Optional[Dict[str, Updates]] = None) -> List[Tuple[str, Report]]:
        """Validates every plan, checking links across them: (plan id, Report) in plan order."""
    def coverage(self, plan_id: str) -> CoverageDict:
        """For each item of the plan: the items of other plans that link to it; and the unlinked."""
    @property
    def plans(self) -> List[str]:
        """The ids of the plans, in order."""

def diff(old: Plan, new: Plan) -> PlanDiff:
    """What changed from old to new: items added, removed, moved, relabelled, changed; possible renames."""

def meetings(rule: str, start: Union[datetime.date, str], end: Union[datetime.date, str]) -> List[datetime.date]:
    """Meeting dates under a rule such as "second tuesday except january, august"."""

def cadence(
    plan: Plan,
    meetings: List[Union[datetime.date, str]],
    level: Optional[int] = None,
    window_months: Optional[int] = None,
    as_of: Union[datetime.date, str, None] = None,
) -> CadenceDict:
    """The review rotation of the items at level over meetings, its gaps, and overdue clusters."""

def load(path: _Path) -> Plan:
    """Reads a plan from a .json, .yaml or .yml file."""

def load_updates(
    path: _Path,
    sheet: Union[str, List[str], None] = None,
    mapping: _MappingArg = None,
    *,
    on_error: str = "raise",
    **entries: Any,
) -> Updates:
    """Reads progress returns from a .csv, .json, .yaml or .yml file or a workbook (.xlsx, .xls, .ods):
    every sheet, or the ones named; mapping (a dict or a YAML/JSON file) and its entries as keywords
    (columns, ignore, status="rag", percent_scale="fraction"); on_error="collect" sets bad rows aside."""

def schema() -> Dict[str, Any]:
    """The JSON Schema of the plan format."""
