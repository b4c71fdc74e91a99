"""Many plans at once, from ``workplan.portfolio(...)``: every plan of a folder, glob or manifest
rolled up in parallel into one set of tables with the plan's id as a column (docs/portfolio.md).
The numbers come from the native engine; this module only presents them."""

from __future__ import annotations

import datetime
import importlib
import os
from typing import Any, Dict, List, Optional, Union, cast

from workplan._optional import polars
from workplan._rollup import arrow_frame

_native = importlib.import_module("workplan._native")

TABLES = ("rows", "cells", "findings", "excluded", "links")
"""The tables of a portfolio (docs/portfolio.md#the-tables)."""


class Portfolio:
    """A portfolio rolled up: the plans that could be, in order, and the ones left out
    (docs/portfolio.md). Its tables are ``to_arrow(table)``: ``"rows"`` (``plan``, then the columns
    of ``Rollup.to_arrow("rows")``), ``"cells"`` (the adoption matrices), ``"findings"`` (the
    validation findings), ``"excluded"`` (the denominator audits) and ``"links"`` (``plan``,
    ``item``, ``to_plan``, ``to_item``, ``rel``: what joins the plans' rows). The object itself is
    its rows as an Arrow stream: ``pyarrow.table(p)``, ``polars.DataFrame(p)`` and
    ``duckdb.sql("select * from p")`` take it."""

    def __init__(self, native: Any) -> None:
        self._native = native

    @property
    def plans(self) -> List[str]:
        """The ids of the plans rolled up, in the portfolio's order."""
        return list(self._native.plans)

    @property
    def failures(self) -> List[Dict[str, str]]:
        """The plans left out, in the portfolio's order: ``{"file", "code", "message"}`` each, the
        code one of ``plan_load``, ``returns_load``, ``ambiguous_returns``, ``duplicate_plan_id``
        (docs/portfolio.md#errors). Empty when every plan was rolled up."""
        return [cast(Dict[str, str], dict(failure)) for failure in self._native.failures]

    def to_arrow(self, table: str = "rows") -> Any:
        """A table of the portfolio as Arrow columns, plan after plan, through the Arrow PyCapsule
        interface (``__arrow_c_stream__``): ``pyarrow.table(x)``, ``polars.DataFrame(x)`` and DuckDB
        take it without a copy. ``table`` is ``"rows"``, ``"cells"``, ``"findings"``,
        ``"excluded"`` or ``"links"``; ``level`` and ``code`` are text (each plan has its own
        words). Any other name raises ``InvalidOptionError``. No optional dependency needed."""
        return self._native.to_arrow(table)

    def to_pandas(self, table: str = "rows") -> Any:
        """A DataFrame of ``to_arrow(table)`` (dates as datetime64, fractions as nullable floats, as
        ``Rollup.to_pandas``). Needs pandas and pyarrow (``pip install 'workplan[pandas]'``)."""
        return arrow_frame(self._native.to_arrow(table))

    def to_polars(self, table: str = "rows") -> Any:
        """A polars DataFrame of ``to_arrow(table)``. Needs polars (``pip install 'workplan[polars]'``)."""
        return polars().DataFrame(self._native.to_arrow(table))

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The rows as an Arrow C stream (the Arrow PyCapsule interface)."""
        return self._native.to_arrow("rows").__arrow_c_stream__(requested_schema)

    def __repr__(self) -> str:
        plans, rows, failed = self._native.counts()
        return f"<Portfolio: {plans} plan{'' if plans == 1 else 's'}, {rows} rows, {failed} failed>"


def portfolio(
    *sources: Union[str, "os.PathLike[str]"],
    as_of: Union[datetime.date, str, None] = None,
    known_at: Union[datetime.datetime, datetime.date, str, None] = None,
    sheet: Union[str, List[str], None] = None,
    mapping: Union[Dict[str, Any], str, "os.PathLike[str]", None] = None,
    on_error: str = "raise",
    fail_fast: bool = False,
    threads: Optional[int] = None,
    **entries: Any,
) -> Portfolio:
    """Rolls up every plan of the sources in parallel (docs/portfolio.md): each source a folder
    (its ``.json``, ``.yaml`` and ``.yml`` plans, each with the returns file named after it:
    ``plan-updates.csv`` for ``plan.yaml``), a glob pattern, a manifest or a plan file. ``as_of``:
    the date of every plan's numbers (each plan's period end when absent); ``known_at``: only
    returns recorded by then. Returns are read as ``load_updates`` reads them (``sheet``,
    ``mapping``, ``on_error`` and mapping entries as keywords). A plan that fails is left out and
    listed in ``Portfolio.failures``; with ``fail_fast=True`` it raises ``PortfolioError``, as a
    source that cannot be read does. ``threads``: how many plans at once (the number of cores
    when absent). For example ``workplan.portfolio("examples/london-councils", as_of="2020-12-31")``
    is ``<Portfolio: 3 plans, 466 rows, 0 failed>``."""
    native = _native.portfolio(
        *sources, as_of=as_of, known_at=known_at, sheet=sheet, mapping=mapping, on_error=on_error,
        fail_fast=fail_fast, threads=threads, **entries,
    )
    return Portfolio(native)


__all__ = ["Portfolio", "portfolio", "TABLES"]
