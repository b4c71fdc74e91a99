"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "examples" / "london-councils"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
