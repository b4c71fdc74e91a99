"""Replays every rollup fixture (tests/fixtures/rollup-*) through the plain Python rollup and checks it
gives the blessed numbers: the yardstick of bench/python_bench.py must follow docs/rollup.md on the edge
cases too, not only on generated plans. Needs workplan installed (it reads the YAML plans)."""

from __future__ import annotations

import json
import pathlib
import sys

import workplan

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from compare import same_numbers  # noqa: E402
from rollup_plain import rollup  # noqa: E402

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main() -> int:
    cases = sorted(p for p in FIXTURES.glob("rollup-*") if (p / "case.json").exists())
    if not cases:
        print(f"no rollup fixtures under {FIXTURES}", file=sys.stderr)
        return 1
    rows = 0
    for case_dir in cases:
        case = json.loads((case_dir / "case.json").read_text())
        plan_file = next(case_dir.glob("plan.*"))
        plan = workplan.load(plan_file).to_dict()
        updates_file = case_dir / "updates.csv"
        updates = workplan.load_updates(updates_file).to_records() if updates_file.exists() else None
        options = case.get("options") or {}
        plain = rollup(plan, updates, as_of=options.get("as_of"), known_at=options.get("known_at"),
                       settings=options.get("settings"))
        rows += same_numbers(case["rollup"]["rows"], plain, case_dir.name)
    print(f"plain Python rollup: {len(cases)} rollup fixtures, {rows} rows agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
