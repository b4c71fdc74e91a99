"""Questions across plans with DuckDB (docs/portfolio.md, "Questions across plans with DuckDB"):
the three worked queries over the London Councils portfolio at 2020-12-31, asked of the Arrow
tables of ``workplan.portfolio(...)`` and of the Parquet files ``workplan portfolio`` writes, each
answer checked against the same answer computed from the one-plan API (``Plan.rollup``), so that a
wrong join or filter fails. The queries are the documented ones, word for word."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

import workplan
from conftest import EXAMPLES, REPO

duckdb = pytest.importorskip("duckdb")

AS_OF = datetime.date(2020, 12, 31)
PLEDGES = "pledges-2019-2022"

FURTHEST_BEHIND = """
SELECT c.member, c.item, r.title AS pledge, c.progress, c.expected, c.variance
FROM cells AS c
JOIN rows AS r ON r.plan = c.plan AND r.id = c.item
WHERE c.plan = 'pledges-2019-2022' AND c.variance IS NOT NULL
ORDER BY c.variance, c.member, c.item
LIMIT 10
"""

NO_RETURN_FOR_A_QUARTER = """
SELECT plan, id, title, last_update
FROM rows
WHERE is_leaf AND (last_update IS NULL OR as_of - last_update > 91)
ORDER BY plan, id
"""

ONE_PLEDGE_ACROSS_PLANS = """
SELECT l.plan, l.item, l.rel, r.progress, p.progress AS pledge_progress,
       r.progress - p.progress AS ahead_of_pledge
FROM links AS l
JOIN rows AS r ON r.plan = l.plan AND r.id = l.item
JOIN rows AS p ON p.plan = l.to_plan AND p.id = l.to_item
WHERE l.to_plan = 'pledges-2019-2022' AND l.to_item = 'crime.1'
ORDER BY l.plan, l.item
"""


# -- the answers from the one-plan API -------------------------------------------------------------


def plans() -> Dict[str, Tuple[workplan.Plan, workplan.Rollup]]:
    """Each plan of the folder by id, with its own rollup at AS_OF (the folder rule of
    docs/portfolio.md#sources, applied here by hand)."""
    found: Dict[str, Tuple[workplan.Plan, workplan.Rollup]] = {}
    for file in sorted(EXAMPLES.iterdir()):
        if file.suffix in (".json", ".yaml", ".yml") and not file.stem.endswith(("-updates", "-mapping")):
            returns = [r for r in EXAMPLES.iterdir() if r.stem == f"{file.stem}-updates"]
            plan = workplan.load(file)
            updates = workplan.load_updates(returns[0]) if returns else None
            found[plan.id] = (plan, plan.rollup(updates, as_of=AS_OF))
    return found


def furthest_behind(by_id: Dict[str, Tuple[workplan.Plan, workplan.Rollup]]) -> List[Tuple[Any, ...]]:
    rollup = by_id[PLEDGES][1]
    cells = [
        (c["member"], c["item"], rollup.row(c["item"]).title, c["progress"], c["expected"], c["variance"])
        for c in rollup.adoption
        if c["variance"] is not None
    ]
    return sorted(cells, key=lambda c: (c[5], c[0], c[1]))[:10]


def no_return_for_a_quarter(by_id: Dict[str, Tuple[workplan.Plan, workplan.Rollup]]) -> List[Tuple[Any, ...]]:
    found = [
        (plan, row.id, row.title, row.last_update)
        for plan, (_, rollup) in by_id.items()
        for row in rollup.rows
        if row.is_leaf and (row.last_update is None or (AS_OF - row.last_update).days > 91)
    ]
    return sorted(found, key=lambda r: (r[0], r[1]))


def links_to(plan: workplan.Plan, target: str) -> List[Tuple[str, str]]:
    """``(item, rel)`` for each link of the plan's items to ``target`` (``plan:item``)."""
    found, stack = [], list(plan.to_dict()["items"])
    while stack:
        item = stack.pop()
        found.extend((item["id"], link.get("rel", "relates")) for link in item.get("links") or [] if link["to"] == target)
        stack.extend(item.get("children") or [])
    return found


def one_pledge_across_plans(by_id: Dict[str, Tuple[workplan.Plan, workplan.Rollup]]) -> List[Tuple[Any, ...]]:
    pledge = by_id[PLEDGES][1].row("crime.1").progress
    found = []
    for plan_id, (plan, rollup) in by_id.items():
        for item, rel in links_to(plan, f"{PLEDGES}:crime.1"):
            progress = rollup.row(item).progress
            gap: Optional[float] = None if progress is None or pledge is None else progress - pledge
            found.append((plan_id, item, rel, progress, pledge, gap))
    return sorted(found, key=lambda r: (r[0], r[1]))


@pytest.fixture(scope="module")
def expected() -> Dict[str, List[Tuple[Any, ...]]]:
    by_id = plans()
    answers = {
        "furthest_behind": furthest_behind(by_id),
        "no_return": no_return_for_a_quarter(by_id),
        "one_pledge": one_pledge_across_plans(by_id),
    }
    # Each question has an answer worth checking: rows, from more than one plan where it can.
    assert len(answers["furthest_behind"]) == 10 and answers["furthest_behind"][0][5] < 0
    assert {r[0] for r in answers["no_return"]} == set(by_id)
    assert len({r[0] for r in answers["one_pledge"]}) == 2 and any(r[5] is not None for r in answers["one_pledge"])
    return answers


# -- the two routes ------------------------------------------------------------------------------


def test_the_questions_over_the_arrow_tables(expected: Dict[str, List[Tuple[Any, ...]]]) -> None:
    portfolio = workplan.portfolio(EXAMPLES, as_of="2020-12-31")
    # DuckDB finds the tables by their Python names.
    rows = portfolio.to_arrow("rows")  # noqa: F841
    cells = portfolio.to_arrow("cells")  # noqa: F841
    links = portfolio.to_arrow("links")  # noqa: F841
    assert duckdb.sql(FURTHEST_BEHIND).fetchall() == expected["furthest_behind"]
    assert duckdb.sql(NO_RETURN_FOR_A_QUARTER).fetchall() == expected["no_return"]
    assert duckdb.sql(ONE_PLEDGE_ACROSS_PLANS).fetchall() == expected["one_pledge"]


def test_the_portfolio_itself_is_its_rows_for_duckdb(expected: Dict[str, List[Tuple[Any, ...]]]) -> None:
    rows = workplan.portfolio(EXAMPLES, as_of=AS_OF)
    assert duckdb.sql(NO_RETURN_FOR_A_QUARTER).fetchall() == expected["no_return"]
    assert duckdb.sql("SELECT count(*) FROM rows").fetchall() == [(sum(len(r.rows) for _, r in plans().values()),)]


@pytest.fixture(scope="module")
def written() -> Iterator[Path]:
    """The folder of `workplan portfolio examples/london-councils --as-of 2020-12-31 -o rows.parquet`.
    The CLI is the binary in ``WORKPLAN_CLI`` when it is set, else ``cargo run`` (as
    tests/test_fixtures.py runs it)."""
    cli = os.environ.get("WORKPLAN_CLI")
    command = [cli] if cli else ["cargo", "run", "--quiet", "--locked", "-p", "workplan-cli", "--"]
    with tempfile.TemporaryDirectory(prefix="workplan-duckdb-") as out:
        run = subprocess.run(
            [*command, "portfolio", str(EXAMPLES), "--as-of", AS_OF.isoformat(), "-o", str(Path(out) / "rows.parquet")],
            cwd=REPO, capture_output=True, text=True,
        )
        assert run.returncode == 0, f"workplan portfolio failed:\n{run.stderr}"
        yield Path(out)


def test_the_questions_over_the_parquet_files_the_cli_writes(
    written: Path, expected: Dict[str, List[Tuple[Any, ...]]]
) -> None:
    con = duckdb.connect()
    for table, suffix in (("rows", ""), ("cells", "-cells"), ("links", "-links")):
        con.sql(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{written / f'rows{suffix}.parquet'}')")
    assert con.sql(FURTHEST_BEHIND).fetchall() == expected["furthest_behind"]
    assert con.sql(NO_RETURN_FOR_A_QUARTER).fetchall() == expected["no_return"]
    assert con.sql(ONE_PLEDGE_ACROSS_PLANS).fetchall() == expected["one_pledge"]


def test_the_documented_queries_are_the_tested_ones() -> None:
    """docs/portfolio.md shows each query word for word in a ```sql block."""
    text = (REPO / "docs" / "portfolio.md").read_text(encoding="utf-8")
    section = text.split("## Questions across plans with DuckDB", 1)[1].split("\n## ", 1)[0]
    blocks = [block.strip() for block in re.findall(r"```sql\n(.*?)```", section, flags=re.S)]
    assert blocks == [q.strip() for q in (FURTHEST_BEHIND, NO_RETURN_FOR_A_QUARTER, ONE_PLEDGE_ACROSS_PLANS)]
