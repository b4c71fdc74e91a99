"""``workplan.portfolio(...)`` (docs/portfolio.md): every plan of a folder rolled up into one set of
tables with the plan's id as a column. Each plan's part equals that plan's own rollup, the tables
hold what the command line writes for the same folder, a plan that fails is left out with its file
and code while the others roll up, and a source that cannot be read is a ``PortfolioError``."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Dict, Iterator, Optional, Tuple

import pytest

import workplan
from conftest import EXAMPLES, REPO

pa = pytest.importorskip("pyarrow")
pc = pytest.importorskip("pyarrow.compute")

AS_OF = "2020-12-31"
TABLES = ("rows", "cells", "findings", "excluded", "links")


def plan_files(folder: Path) -> Dict[str, Tuple[Path, Optional[Path]]]:
    """The plans of a folder by id, each with its returns file, found here by the folder rule of
    docs/portfolio.md#sources (not by the library's own reading of the folder)."""
    found: Dict[str, Tuple[Path, Optional[Path]]] = {}
    for file in sorted(folder.iterdir()):
        if file.suffix in (".json", ".yaml", ".yml") and not file.stem.endswith(("-updates", "-mapping")):
            returns = [r for r in folder.iterdir() if r.stem == f"{file.stem}-updates"]
            assert len(returns) <= 1, returns
            found[workplan.load(file).id] = (file, returns[0] if returns else None)
    return found


def own_rollup(file: Path, returns: Optional[Path]) -> workplan.Rollup:
    """A plan's rollup on its own, through the one-plan API."""
    updates = workplan.load_updates(returns) if returns else None
    return workplan.load(file).rollup(updates, as_of=AS_OF)


@pytest.fixture(scope="module")
def london() -> workplan.Portfolio:
    return workplan.portfolio(EXAMPLES, as_of=AS_OF)


@pytest.fixture(scope="module")
def cli_tables() -> Iterator[Dict[str, object]]:
    """The tables `workplan portfolio examples/london-councils --as-of 2020-12-31 -o rows.parquet`
    writes, read with pyarrow. The CLI is the binary in ``WORKPLAN_CLI`` when it is set, else
    ``cargo run`` (as tests/test_fixtures.py runs it)."""
    cli = os.environ.get("WORKPLAN_CLI")
    command = [cli] if cli else ["cargo", "run", "--quiet", "--locked", "-p", "workplan-cli", "--"]
    pq = pytest.importorskip("pyarrow.parquet")
    with tempfile.TemporaryDirectory(prefix="workplan-portfolio-") as out:
        rows = Path(out) / "rows.parquet"
        run = subprocess.run(
            [*command, "portfolio", str(EXAMPLES), "--as-of", AS_OF, "-o", str(rows)],
            cwd=REPO, capture_output=True, text=True,
        )
        assert run.returncode == 0, f"workplan portfolio failed:\n{run.stderr}"
        suffix = {"rows": "", "cells": "-cells", "findings": "-findings", "excluded": "-excluded", "links": "-links"}
        yield {table: pq.read_table(Path(out) / f"rows{suffix[table]}.parquet") for table in TABLES}


def test_the_london_councils_folder_is_three_plans_in_name_order(london: workplan.Portfolio) -> None:
    by_name = sorted(plan_files(EXAMPLES).items(), key=lambda entry: entry[1][0].name)
    assert london.plans == [plan for plan, _ in by_name]
    assert len(london.plans) == 3 and london.failures == []
    rows = pa.table(london.to_arrow("rows"))
    assert repr(london) == f"<Portfolio: 3 plans, {rows.num_rows} rows, 0 failed>"
    # Plan after plan, each plan's rows together.
    plans = rows["plan"].to_pylist()
    assert [p for i, p in enumerate(plans) if i == 0 or plans[i - 1] != p] == london.plans


def test_each_plans_rows_equal_its_own_rollup_column_by_column(london: workplan.Portfolio) -> None:
    rows = pa.table(london.to_arrow("rows"))
    assert rows.column_names[0] == "plan" and rows.schema.field("plan").type == pa.string()
    for plan, (file, returns) in plan_files(EXAMPLES).items():
        part = rows.filter(pc.equal(rows["plan"], plan)).drop_columns(["plan"])
        own = pa.table(own_rollup(file, returns).to_arrow("rows"))
        assert part.num_rows == own.num_rows > 0, plan
        assert part.column_names == own.column_names
        for name in own.column_names:
            # `level` is text in a portfolio (each plan has its own words); every other column
            # has the one-plan type.
            expected = pa.string() if name == "level" else own.schema.field(name).type
            assert part.schema.field(name).type == expected, (plan, name)
            assert part[name].to_pylist() == own[name].to_pylist(), (plan, name)


def test_cells_and_excluded_are_each_plans_own(london: workplan.Portfolio) -> None:
    cells, excluded = pa.table(london.to_arrow("cells")), pa.table(london.to_arrow("excluded"))
    for plan, (file, returns) in plan_files(EXAMPLES).items():
        rollup = own_rollup(file, returns)
        mine = cells.filter(pc.equal(cells["plan"], plan)).drop_columns(["plan"])
        own = pa.table(rollup.to_arrow("adoption"))
        assert mine.num_rows == own.num_rows == len(rollup.adoption), plan
        for name in own.column_names:
            assert mine[name].to_pylist() == own[name].to_pylist(), (plan, name)
        assert len(excluded.filter(pc.equal(excluded["plan"], plan))) == len(rollup.excluded), plan
    assert cells.num_rows > 0


def test_every_table_holds_what_the_command_line_writes(
    london: workplan.Portfolio, cli_tables: Dict[str, object]
) -> None:
    for table in TABLES:
        mine, written = pa.table(london.to_arrow(table)), cli_tables[table]
        assert mine.num_rows == written.num_rows, table  # type: ignore[attr-defined]
        assert mine.column_names == written.column_names, table  # type: ignore[attr-defined]
        by_plan = pc.value_counts(mine["plan"]).to_pylist()
        assert by_plan == pc.value_counts(written["plan"]).to_pylist(), table  # type: ignore[index]
    assert pa.table(london.to_arrow("findings")).num_rows > 0 and pa.table(london.to_arrow("links")).num_rows > 0


def test_links_are_every_link_of_every_plan(london: workplan.Portfolio) -> None:
    links = pa.table(london.to_arrow("links"))
    assert links.column_names == ["plan", "item", "to_plan", "to_item", "rel"]
    for plan, (file, _) in plan_files(EXAMPLES).items():
        expected = []
        stack = list(reversed(workplan.load(file).to_dict()["items"]))
        while stack:
            item = stack.pop()
            for link in item.get("links") or []:
                target = link["to"]
                to_plan, to_item = target.split(":", 1) if ":" in target else (plan, target)
                expected.append((item["id"], to_plan, to_item, link.get("rel", "relates")))
            stack.extend(reversed(item.get("children") or []))
        mine = links.filter(pc.equal(links["plan"], plan))
        found = list(zip(*(mine[c].to_pylist() for c in ("item", "to_plan", "to_item", "rel"))))
        assert found == expected, plan


def test_a_plan_that_does_not_load_is_left_out_with_its_file_and_the_others_roll_up() -> None:
    with tempfile.TemporaryDirectory(prefix="workplan-portfolio-") as folder:
        root = Path(folder)
        for name in ("pledges-2019-2022.yaml", "pledges-2019-2022-updates.csv"):
            shutil.copy(EXAMPLES / name, root / name)
        broken = root / "broken.yaml"
        broken.write_text("workplan: 1\nid: broken\ntitle: [\n", encoding="utf-8")

        rolled = workplan.portfolio(root, as_of=AS_OF)
        assert rolled.plans == ["pledges-2019-2022"]
        [failure] = rolled.failures
        assert failure["file"] == str(broken) and failure["code"] == "plan_load"
        assert str(broken) in failure["message"]
        assert repr(rolled).endswith(" 1 failed>")
        rows = pa.table(rolled.to_arrow("rows"))
        own = own_rollup(root / "pledges-2019-2022.yaml", root / "pledges-2019-2022-updates.csv")
        assert set(rows["plan"].to_pylist()) == {"pledges-2019-2022"}
        assert rows["progress"].to_pylist() == pa.table(own.to_arrow("rows"))["progress"].to_pylist()

        with pytest.raises(workplan.PortfolioError) as raised:
            workplan.portfolio(root, as_of=AS_OF, fail_fast=True)
        assert raised.value.code == "plan_load" and raised.value.file == str(broken)
        assert isinstance(raised.value, workplan.WorkplanError)


def test_a_missing_folder_is_a_portfolio_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(workplan.PortfolioError) as raised:
        workplan.portfolio(missing)
    assert raised.value.code == "portfolio_unreadable" and raised.value.file == str(missing)
    assert str(missing) in str(raised.value)


def test_a_folder_without_plans_and_bad_options_are_errors(tmp_path: Path) -> None:
    with pytest.raises(workplan.PortfolioError) as raised:
        workplan.portfolio(tmp_path)
    assert raised.value.code == "portfolio_no_plans" and raised.value.file == str(tmp_path)
    with pytest.raises(workplan.InvalidOptionError) as option:
        workplan.portfolio(EXAMPLES, as_of=AS_OF).to_arrow("members")
    assert option.value.option == "table" and option.value.value == "members"
    with pytest.raises(workplan.InvalidOptionError):
        workplan.portfolio()
    with pytest.raises(workplan.InvalidOptionError):
        workplan.portfolio(EXAMPLES, threads=0)
    with pytest.raises(workplan.InvalidOptionError):
        workplan.portfolio(EXAMPLES, on_error="ignore")


def test_the_date_and_threads_change_nothing_but_the_date(london: workplan.Portfolio) -> None:
    one_thread = workplan.portfolio(EXAMPLES, as_of=AS_OF, threads=1)
    assert pa.table(one_thread.to_arrow("rows")).equals(pa.table(london.to_arrow("rows")))
    later = pa.table(workplan.portfolio(EXAMPLES, as_of="2021-03-31").to_arrow("rows"))
    assert set(pc.cast(later["as_of"], pa.string()).to_pylist()) == {"2021-03-31"}


def test_the_object_is_its_rows_for_pyarrow_pandas_and_polars(london: workplan.Portfolio) -> None:
    rows = pa.table(london.to_arrow("rows"))
    assert pa.table(london).equals(rows)
    pytest.importorskip("pandas")
    frame = london.to_pandas()
    assert list(frame.columns) == rows.column_names and len(frame) == rows.num_rows
    assert str(frame["progress"].dtype) == "Float64"
    assert list(frame["plan"].unique()) == london.plans
    cells = london.to_pandas("cells")
    assert len(cells) == pa.table(london.to_arrow("cells")).num_rows


def test_polars_takes_the_portfolio(london: workplan.Portfolio) -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(london)
    assert frame.columns == pa.table(london.to_arrow("rows")).column_names
    assert frame["plan"].unique(maintain_order=True).to_list() == london.plans
    links = london.to_polars("links")
    assert links.height == pa.table(london.to_arrow("links")).num_rows


def test_the_python_in_docs_portfolio_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python blocks of docs/portfolio.md run from the repository root, and what the comments
    say of the first one holds."""
    import re

    pytest.importorskip("pandas")
    pytest.importorskip("duckdb")
    text = (REPO / "docs" / "portfolio.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 2
    monkeypatch.chdir(REPO)
    for block in blocks:
        namespace: Dict[str, object] = {}
        exec(compile(block, "docs/portfolio.md", "exec"), namespace)
        portfolio = namespace["portfolio"]
        for line in block.splitlines():
            said = re.fullmatch(r"portfolio(\.\w+)?\s+# (.*?)( ;.*)?", line)
            if said:
                shown = repr(eval(f"portfolio{said.group(1) or ''}", {"portfolio": portfolio}))
                assert shown == said.group(2), line
