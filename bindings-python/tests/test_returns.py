"""Returns from workbooks and data frames give exactly the numbers of the same returns in CSV,
or every problem with its place; fractions typed for percents are warned about."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, List

import pytest

import workplan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "london-councils"
PLAN = EXAMPLES / "business-plan-2020-21.yaml"
CSV = EXAMPLES / "business-plan-2020-21-updates.csv"
WORKBOOK = EXAMPLES / "business-plan-2020-21-returns.xlsx"
MAPPING = EXAMPLES / "business-plan-2020-21-returns-mapping.yaml"

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
openpyxl = pytest.importorskip("openpyxl")


def rolled(updates: Any, **options: Any) -> Any:
    return workplan.load(PLAN).rollup(updates, **options).to_dict()


def test_the_example_workbook_rolls_up_to_exactly_the_numbers_of_the_csv() -> None:
    workbook = workplan.load_updates(WORKBOOK, mapping=MAPPING)
    csv = workplan.load_updates(CSV)
    assert workbook.to_records() == csv.to_records()
    for options in (
        {"as_of": datetime.date(2020, 12, 31)},
        {"as_of": datetime.date(2020, 9, 30), "known_at": datetime.datetime(2020, 10, 5, 8, 0, tzinfo=datetime.timezone.utc)},
    ):
        assert rolled(workbook, **options) == rolled(csv, **options)
    # The blank row and the total row are findings at their cells.
    report = workplan.load(PLAN).validate(workbook)
    notes = [(d.code, d.sheet, d.line) for d in report if d.code in ("blank_rows_skipped", "summary_row_skipped")]
    assert notes == [("blank_rows_skipped", "Q2", 12), ("summary_row_skipped", "Q3", 124)]


def test_the_mapping_as_keywords_and_one_sheet() -> None:
    q1 = workplan.load_updates(
        WORKBOOK,
        sheet="Q1",
        columns={"Return date": "date", "RAG": "status", "% complete": "percent", "Comment": "note", "Entered": "recorded"},
        status="rag",
        percent_scale="fraction",
    )
    assert {r["date"] for r in q1.to_records()} == {"2020-06-30"}
    assert q1.to_records()[0]["percent"] == 10


def test_fractions_without_the_percent_scale_are_warned_about_not_rescaled() -> None:
    updates = workplan.load_updates(WORKBOOK, mapping=MAPPING, percent_scale="auto")
    report = workplan.load(PLAN).validate(updates)
    found = [d for d in report if d.code == "percent_looks_fractional"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert (found[0].sheet, found[0].line, found[0].column) == ("Q1", 2, 4)
    assert "0.55 for 55%" in found[0].message
    assert max(r.get("percent", 0) for r in updates.to_records()) <= 1


def write_messy(path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    rows = {
        "Q1": [["a.1", datetime.date(2020, 6, 30), "Green", 0.4], ["a.2", "30/06/2020", "Green", 0.5]],
        "Q2": [["a.1", datetime.date(2020, 9, 30), "Purple", 0.5], ["a.2", None, "Red", 0.1]],
    }
    for name, body in rows.items():
        sheet = book.create_sheet(name)
        sheet.append(["Item", "Date", "Status", "Percent"])
        for row in body:
            sheet.append(row)
    book.save(path)


def test_three_bad_rows_are_all_reported_with_their_cells(tmp_path: Path) -> None:
    path = tmp_path / "returns.xlsx"
    write_messy(path)
    with pytest.raises(workplan.ParseError) as caught:
        workplan.load_updates(path, status="rag", percent_scale="fraction")
    error = caught.value
    assert error.total == 3
    assert [(e.cell, e.code) for e in error.errors] == [
        ("Q1!B3", "invalid_value"),
        ("Q2!C2", "invalid_value"),
        ("Q2!A3", "missing_field"),
    ]
    assert error.errors[0] is error or error.errors[0].cell == error.cell
    kept = workplan.load_updates(path, status="rag", percent_scale="fraction", on_error="collect")
    assert len(kept) == 1
    assert [row["cell"] for row in kept.set_aside] == ["Q1!A3", "Q2!A2", "Q2!A3"]
    assert kept.set_aside[1]["cells"] == {"Item": "a.1", "Date": "2020-09-30 00:00:00", "Status": "Purple", "Percent": "0.5"}


def test_an_unknown_column_is_named_in_the_sheets_words(tmp_path: Path) -> None:
    path = tmp_path / "returns.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Q2"
    book.active.append(["Item ID", "Date", "Borough", "Precent"])
    book.save(path)
    with pytest.raises(workplan.ParseError) as caught:
        workplan.load_updates(path)
    assert [str(e) for e in caught.value.errors] == [
        "unknown column `Borough` in the header (sheet `Q2`, cell C1)",
        "unknown column `Precent` in the header (sheet `Q2`, cell D1), did you mean `percent`?",
    ]


@pytest.mark.parametrize("engine", ["odf", "xlwt"])
def test_ods_and_xls_workbooks_are_read_too(tmp_path: Path, engine: str) -> None:
    frame = pd.DataFrame({"item": ["finance.1.a"], "date": ["2020-06-30"], "percent": [40]})
    if engine == "odf":
        pytest.importorskip("odf")
        path = tmp_path / "returns.ods"
        frame.to_excel(path, index=False, engine="odf")
    else:
        xlwt = pytest.importorskip("xlwt")
        path = tmp_path / "returns.xls"
        book = xlwt.Workbook()
        sheet = book.add_sheet("Q1")
        for column, name in enumerate(frame.columns):
            sheet.write(0, column, name)
            sheet.write(1, column, frame[name][0].item() if hasattr(frame[name][0], "item") else frame[name][0])
        book.save(str(path))
    assert workplan.load_updates(path).to_records() == [{"item": "finance.1.a", "date": "2020-06-30", "percent": 40.0}]


def csv_frame() -> Any:
    frame = pd.read_csv(CSV, comment="#", dtype={"note": "string"})
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    frame["recorded"] = pd.to_datetime(frame["recorded"], utc=True)
    return frame


def test_a_pandas_frame_keeps_the_time_of_recorded_returns() -> None:
    known_at = datetime.datetime(2020, 10, 5, 8, 0, tzinfo=datetime.timezone.utc)
    as_of = datetime.date(2020, 9, 30)
    from_frame = rolled(csv_frame(), as_of=as_of, known_at=known_at)
    from_csv = rolled(workplan.load_updates(CSV), as_of=as_of, known_at=known_at)
    assert from_frame == from_csv
    row = next(r for r in from_frame["rows"] if r["id"] == "transport.2.a")
    assert row == next(r for r in from_csv["rows"] if r["id"] == "transport.2.a")


def test_polars_and_pyarrow_frames_and_validate_take_what_rollup_takes() -> None:
    pl = pytest.importorskip("polars")
    frame = csv_frame()
    table = pa.Table.from_pandas(frame, preserve_index=False)
    csv = workplan.load_updates(CSV)
    expected = csv.to_records()
    assert workplan.Updates.from_frame(frame).to_records() == expected
    assert workplan.Updates.from_frame(table).to_records() == expected
    assert workplan.Updates.from_frame(pl.from_arrow(table)).to_records() == expected
    plan = workplan.load(PLAN)
    assert [d.code for d in plan.validate(frame)] == [d.code for d in plan.validate(csv)]


def test_frame_problems_name_rows_and_all_are_reported() -> None:
    frame = pd.DataFrame({"item": ["a", "b", "c"], "date": ["2020-09-31", "2020-09-30", None], "Status": ["Green", "Green", None]})
    with pytest.raises(workplan.ParseError) as caught:
        workplan.Updates.from_frame(frame)
    paths: List[str] = [e.pointer for e in caught.value.errors]
    assert paths == ["/0/status", "/1/status", "/2"]  # a row whose cells cannot be read is reported by cell
    assert len(workplan.Updates.from_frame(frame, status="rag", on_error="collect")) == 1


def test_a_frame_index_written_as_a_column_is_named_not_read(tmp_path: Path) -> None:
    frame = pd.DataFrame({"Item ID": ["finance.1.a"], "Date": pd.to_datetime(["2020-06-30"]), "Percent": [40]})
    frame.to_excel(tmp_path / "with-index.xlsx")  # pandas writes its index as a column without a header
    with pytest.raises(workplan.ParseError) as caught:
        workplan.load_updates(tmp_path / "with-index.xlsx")
    assert caught.value.cell == "Sheet1!A2" and "index=False" in str(caught.value)
    frame.to_excel(tmp_path / "without.xlsx", index=False)
    assert workplan.load_updates(tmp_path / "without.xlsx").to_records() == [
        {"item": "finance.1.a", "date": "2020-06-30", "percent": 40.0}]
