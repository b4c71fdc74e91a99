"""Type stubs of workplan."""

import os
from typing import Any, Dict, List, Optional, Union

from workplan._errors import ParseError as ParseError
from workplan._errors import ValidationError as ValidationError
from workplan._errors import WorkplanError as WorkplanError

__version__: str

_Path = Union[str, "os.PathLike[str]"]

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
    def summary(self) -> Dict[str, Any]:
        """Items per level, measures, members, links, events."""
    @property
    def id(self) -> str:
        """The plan's id."""
    @property
    def title(self) -> str:
        """The plan's title."""
    def __eq__(self, other: object) -> bool: ...

class Updates:
    """Progress returns and adoption events, in input order."""

    @classmethod
    def from_csv(cls, text: str) -> Updates:
        """Reads progress returns from CSV text (header row required)."""
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
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

def load(path: _Path) -> Plan:
    """Reads a plan from a .json, .yaml or .yml file."""

def load_updates(path: _Path) -> Updates:
    """Reads progress returns from a .csv, .json, .yaml or .yml file."""

def schema() -> Dict[str, Any]:
    """The JSON Schema of the plan format."""
