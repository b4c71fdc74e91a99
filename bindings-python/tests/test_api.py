"""The public API is documented and typed: every public name and every public method or property
has a docstring (native ones come from the Rust doc comments), help() shows signatures, and the
names in the stub (__init__.pyi) are exactly the runtime names, both ways."""

from __future__ import annotations

import ast
import enum
import inspect
import pydoc
import re
from pathlib import Path
from typing import Any, Dict, Set

import workplan

STUB = Path(workplan.__file__).with_name("__init__.pyi")
CONSTANTS = {"__version__", "STATUSES", "STATUS_COLOURS"}
BASES = (object, dict, list, str, int, Exception, ValueError, enum.Enum)


def is_public(name: str) -> bool:
    return not name.startswith("_") or bool(re.fullmatch(r"_repr_\w+_", name))


def own_members(cls: type) -> Dict[str, Any]:
    """Public attributes the class or its workplan bases define (not those of builtins)."""
    members: Dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        if klass in BASES or klass.__module__ in ("builtins", "enum", "typing"):
            continue
        for name, value in vars(klass).items():
            if is_public(name) and not isinstance(value, enum.Enum):
                members[name] = value
    return members


def test_every_public_name_and_member_has_a_docstring() -> None:
    missing = []
    for name in workplan.__all__:
        if name in CONSTANTS:
            continue
        obj = getattr(workplan, name)
        if not (inspect.getdoc(obj) or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            for member, value in own_members(obj).items():
                doc = value.__doc__ if isinstance(value, property) else inspect.getdoc(getattr(obj, member))
                if not (doc or "").strip():
                    missing.append(f"{name}.{member}")
    assert missing == []
    assert len(workplan.__all__) >= 29


def test_help_shows_signatures_and_the_rust_doc_comments() -> None:
    text = pydoc.render_doc(workplan.Plan.rollup, renderer=pydoc.plaintext)
    assert "rollup(self, /, updates=None, *, as_of=None, known_at=None, **settings)" in text
    assert "Rolls up progress (docs/rollup.md)" in text
    assert list(inspect.signature(workplan.Plan.rollup_series).parameters) == [
        "self", "updates", "dates", "known_at", "settings"]
    assert "month ends" in (workplan.Plan.rollup_series.__doc__ or "")
    assert list(inspect.signature(workplan.load).parameters) == ["path"]


def stub() -> ast.Module:
    return ast.parse(STUB.read_text())


def test_stub_names_are_the_runtime_names() -> None:
    names: Set[str] = set()
    for node in stub().body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname for alias in node.names if alias.asname and alias.asname == alias.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    public = {n for n in names if not n.startswith("_") or n == "__version__"}
    assert public == set(workplan.__all__)
    assert all(hasattr(workplan, n) for n in public)


def test_stub_classes_have_the_runtime_members() -> None:
    classes = [node for node in stub().body if isinstance(node, ast.ClassDef)]
    assert {c.name for c in classes} == {"Plan", "Updates", "Diagnostic", "Workspace"}
    for node in classes:
        in_stub = {f.name for f in node.body if isinstance(f, ast.FunctionDef) and is_public(f.name)}
        runtime = {n for n in vars(getattr(workplan, node.name)) if is_public(n)}
        assert in_stub == runtime, node.name


def test_reprs_are_short_and_informative(examples: Path) -> None:
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    updates = workplan.load_updates(examples / "business-plan-2020-21-updates.csv")
    rollup = plan.rollup(updates, as_of="2020-12-31")
    values = [plan, updates, rollup, rollup.row("finance.1"), rollup.explain("finance.1"), plan.validate(updates),
              workplan.Workspace([plan]), plan.rollup_series(updates, ["2020-12-31"]), rollup.adoption_heatmap(),
              workplan.diff(plan, plan), workplan.Status.ON_TRACK]
    for value in values:
        text = repr(value)
        assert len(text) <= 160 and text.startswith("<"), text
    assert repr(rollup.row("finance.1")) == "<RollupRow finance.1: 45.7% (expected 75.3%), off_track>"
    assert str(workplan.Status.ON_TRACK) == "on_track" and workplan.Status.ON_TRACK == "on_track"
