"""Typed use of the public API, checked with mypy --strict in the test run: the stubs and the
facade's annotations are complete enough to write real code against."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional

import workplan


def main() -> None:
    plan: workplan.Plan = workplan.load("examples/london-councils/business-plan-2020-21.yaml")
    updates: workplan.Updates = workplan.load_updates("examples/london-councils/business-plan-2020-21-updates.csv")
    report: workplan.Report = plan.validate(updates)
    first: Optional[workplan.Diagnostic] = report[0] if report else None
    line: Optional[int] = first.line if first else None
    counts: Dict[str, int] = report.counts
    rollup: workplan.Rollup = plan.rollup(updates, as_of=datetime.date(2020, 12, 31), weighting="equal")
    rows: List[workplan.RollupRow] = rollup.rows
    progress: Optional[float] = rows[0].progress
    explanation: workplan.Explanation = rollup.explain("finance.1")
    text: str = explanation.text
    series: workplan.RollupSeries = plan.rollup_series(updates, [datetime.date(2020, 9, 30), "2020-12-31"], weighting="equal")
    when: List[datetime.date] = series.dates
    burn_up: List[workplan.BurnUpRecord] = series.burn_up()
    earned: float = burn_up[0]["earned"] if burn_up else 0.0
    matrix: workplan.AdoptionMatrix = rollup.adoption_heatmap()
    members: List[str] = matrix.members
    outline: List[workplan.OutlineRowDict] = plan.outline()
    kind: str = outline[0]["kind"]
    cells: List[workplan.AdoptionCellRecord] = rollup.adoption
    when_reported: Optional[datetime.date] = cells[0]["date"] if cells else None
    data: workplan.RollupDict = rollup.to_dict()
    as_text: Optional[str] = data["rows"][0]["last_update"]
    start, end = plan.period
    status: workplan.Status = rows[0].status
    behind: bool = status in (workplan.Status.AT_RISK, workplan.Status.OFF_TRACK)
    print(len(when), len(burn_up), members, len(outline), end - start, behind, earned, kind, when_reported, as_text)
    draft = workplan.load("examples/london-councils/business-plan-2020-21-draft-2020-03-03.yaml")
    changes: workplan.PlanDiff = workplan.diff(draft, plan)
    dates: List[datetime.date] = workplan.meetings("second tuesday except january, august", "2019-06-01", "2022-03-31")
    try:
        workplan.Plan.from_json("{")
    except workplan.ParseError as error:
        where: List[object] = [error.code, error.path, error.line, error.column]
        print(where)
    print(line, counts, progress, text, changes.is_empty(), len(dates))
    portfolio: workplan.Portfolio = workplan.portfolio("examples/london-councils", as_of="2020-12-31", threads=2)
    plans: List[str] = portfolio.plans
    links: Any = portfolio.to_arrow("links")
    try:
        workplan.portfolio("no/such/folder")
    except workplan.PortfolioError as error:
        failed: List[Optional[str]] = [error.code, error.file]
        print(failed)
    print(plans, links, [f["code"] for f in portfolio.failures])
    imported: workplan.ImportedPaper = workplan.import_paper("1. Finance\n\n1 Funding\n\nOutputs\n\na. Do it.\n")
    imported_plan: workplan.Plan = imported.plan
    summary: workplan.ImportSummaryDict = imported.summary
    named: List[str] = [level["name"] for level in summary["levels"]]
    try:
        workplan.import_paper("Minutes\n\nMembers met.\n", levels=["Area"])
    except workplan.PaperImportError as error:
        lines: Optional[int] = error.lines
        print(lines)
    print(imported_plan.id, summary["shape"], named, imported.summary_text(verbose=True))


if __name__ == "__main__":
    main()
