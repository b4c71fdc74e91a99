"""Every public name of workplan has a docstring of its own: each name in ``workplan.__all__``, and
each public method and property of its classes (the native ones' come from the Rust doc comments),
including those the classes inherit from the package's own base classes. A docstring borrowed from
a base class (what ``inspect.getdoc`` falls back to) does not count: ``UnknownItemError`` must say
more than ``WorkplanError`` does. The constants are documented by the string after their assignment,
and the stub (``__init__.pyi``, what editors show) documents every public class, function and method.
"""

from __future__ import annotations

import ast
import enum
import inspect
import re
from pathlib import Path
from typing import Any, Dict, List, Optional

import workplan

PACKAGE = Path(workplan.__file__).parent
STUB = PACKAGE / "__init__.pyi"
# A str whose meaning is its name; nothing to say, and no place to say it at runtime.
SELF_EXPLANATORY = {"__version__"}


def is_public(name: str) -> bool:
    """Public names, and the notebook hooks (``_repr_html_``) that Jupyter calls."""
    return not name.startswith("_") or bool(re.fullmatch(r"_repr_\w+_", name))


def own_doc(value: Any) -> Optional[str]:
    """The docstring the object carries itself, never one of a base class."""
    if isinstance(value, (classmethod, staticmethod)):
        value = value.__func__
    doc = value.__dict__.get("__doc__") if isinstance(value, type) else getattr(value, "__doc__", None)
    return doc if isinstance(doc, str) and doc.strip() else None


def is_method_or_property(value: Any) -> bool:
    """Methods, class and static methods, properties, and the native (pyo3) descriptors; not data."""
    return (
        inspect.isroutine(value)
        or isinstance(value, (classmethod, staticmethod, property))
        or inspect.isdatadescriptor(value)
        or inspect.ismethoddescriptor(value)
    )


def undocumented_members(cls: type) -> List[str]:
    """``Class.member`` for each public method or property without a docstring of its own, named
    by the class of the package (``cls`` or one of its bases) that defines it."""
    missing: Dict[str, None] = {}
    for klass in cls.__mro__:
        if not klass.__module__.startswith(cls.__module__.split(".")[0]):
            continue
        for name, value in vars(klass).items():
            if is_public(name) and not isinstance(value, enum.Enum) and is_method_or_property(value):
                if own_doc(value) is None:
                    missing[f"{klass.__name__}.{name}"] = None
    return list(missing)


def undocumented(module: Any) -> List[str]:
    """The names of ``module.__all__`` (and their members) without a docstring of their own."""
    missing: List[str] = []
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isclass(value):
            if own_doc(value) is None:
                missing.append(name)
            missing.extend(m for m in undocumented_members(value) if m not in missing)
        elif callable(value):
            if own_doc(value) is None:
                missing.append(name)
    return missing


def test_every_public_name_method_and_property_has_its_own_docstring() -> None:
    assert undocumented(workplan) == []
    classes = [n for n in workplan.__all__ if inspect.isclass(getattr(workplan, n))]
    assert {"Plan", "Updates", "Rollup", "WorkplanError", "ParseError", "Status"} <= set(classes)


def test_the_walk_rejects_missing_and_borrowed_docstrings() -> None:
    class Base:
        """A base with docs."""

        def run(self) -> None:
            """Runs."""

        @property
        def size(self) -> int:
            """The size."""
            return 0

    class Borrowing(Base):  # no docstring: inspect.getdoc would lend it Base's
        def run(self) -> None:  # an override without its own
            pass

        @property
        def size(self) -> int:
            return 1

        def extra(self) -> None:
            pass

        def _private(self) -> None:
            pass

        code = "data, not a method"

    def function() -> None:
        pass

    module = type("module", (), {"__all__": ["Borrowing", "function"], "Borrowing": Borrowing, "function": function})
    assert inspect.getdoc(Borrowing) == "A base with docs."
    assert undocumented(module) == ["Borrowing", "Borrowing.run", "Borrowing.size", "Borrowing.extra", "function"]


def attribute_docstrings() -> Dict[str, Optional[str]]:
    """For each module-level assignment in the package's sources, the string right after it."""
    found: Dict[str, Optional[str]] = {}
    for source in sorted(PACKAGE.glob("*.py")):
        body = ast.parse(source.read_text(encoding="utf-8")).body
        for node, after in zip(body, body[1:] + [None]):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                doc = None
                if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
                    doc = after.value.value if isinstance(after.value.value, str) else None
                for target in targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = doc
    return found


def test_every_public_constant_is_documented_after_its_assignment() -> None:
    constants = [
        n
        for n in workplan.__all__
        if not inspect.isclass(getattr(workplan, n)) and not callable(getattr(workplan, n))
    ]
    assert {"STATUSES", "STATUS_COLOURS"} <= set(constants)
    docs = attribute_docstrings()
    missing = [n for n in constants if n not in SELF_EXPLANATORY and not (docs.get(n) or "").strip()]
    assert missing == []


def test_the_stub_documents_every_public_class_function_and_method() -> None:
    missing: List[str] = []
    checked = 0
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and is_public(node.name):
            checked += 1
            if not ast.get_docstring(node):
                missing.append(node.name)
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, ast.FunctionDef) and is_public(member.name):
                        checked += 1
                        if not ast.get_docstring(member):
                            missing.append(f"{node.name}.{member.name}")
    assert missing == []
    assert checked >= 40, f"only {checked} definitions in {STUB}"
