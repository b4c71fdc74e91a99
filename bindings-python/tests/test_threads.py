"""One plan used from several threads at once gives the single-threaded results (the GIL is
released while the core works)."""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import workplan


def test_one_plan_from_many_threads(examples: Path) -> None:
    plan = workplan.load(examples / "pledges-2019-2022.yaml")
    updates = workplan.load_updates(examples / "pledges-2019-2022-updates.csv")
    dates = [datetime.date(2020, 3, 31), datetime.date(2020, 9, 30), datetime.date(2021, 3, 31), datetime.date(2021, 9, 30)]

    def work(i: int) -> tuple[str, int, object]:
        rollup = plan.rollup(updates, as_of=dates[i % len(dates)])
        series = plan.rollup_series(updates, dates[: 1 + i % len(dates)])
        return rollup.to_json(), len(plan.validate(updates)), series.to_dict()

    expected = [work(i) for i in range(len(dates))]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(32)))
    for i, result in enumerate(results):
        assert result == expected[i % len(dates)]
