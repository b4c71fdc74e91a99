"""A Rust panic inside the binding reaches Python as `workplan.WorkplanError` (an `Exception`), not
as pyo3's `PanicException` (a `BaseException` that `except Exception` does not catch), and the
module keeps working. The probe exists only in the test wheel (`--features panic-probe`, which
`cargo xtask test-python` builds)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import pytest

import workplan
from workplan import _native

PLAN = '{"workplan": 1, "id": "p", "title": "P", "period": {"start": "2021-01-01", "end": "2021-12-31"}}'


def probe() -> Callable[[str], None]:
    found = getattr(_native, "_panic_probe", None)
    assert found is not None, "build the test wheel with --features extension-module,panic-probe (cargo xtask test-python does)"
    return found  # type: ignore[no-any-return]


def test_a_panic_is_a_workplan_error() -> None:
    with pytest.raises(workplan.WorkplanError) as caught:
        probe()("probe: something impossible")
    error = caught.value
    assert type(error) is workplan.WorkplanError
    assert isinstance(error, ValueError) and isinstance(error, Exception)
    assert str(error) == "internal error in workplan (please report it): probe: something impossible"
    # The module still works.
    assert workplan.Plan.from_json(PLAN).id == "p"


def test_except_exception_catches_panics_from_many_threads() -> None:
    def call(i: int) -> str:
        try:
            probe()(f"panic {i}")
        except Exception as error:  # what user code writes; a BaseException would escape it
            return type(error).__name__
        return "no error"

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(call, range(16))) == ["WorkplanError"] * 16
    assert workplan.Plan.from_json(PLAN).validate() == []
