"""Writes examples/london-councils/business-plan-2020-21-returns.xlsx: the illustrative returns of
business-plan-2020-21-updates.csv as an officer's workbook would hold them, one sheet per quarter,
with Title-Case headers, RAG status words, percents in cells formatted as percentages (so 55% is
stored as 0.55), Excel dates and date-times, a blank row and a total row. Read it with the mapping
business-plan-2020-21-returns-mapping.yaml beside it; it rolls up to exactly the numbers of the CSV
(tested in Rust, Python and the CLI).

Run: .venv/bin/python scripts/example-workbook.py  (needs openpyxl)
"""

from __future__ import annotations

import csv
import datetime
import pathlib

import openpyxl
from openpyxl.styles import Font

HERE = pathlib.Path(__file__).resolve().parent.parent / "examples" / "london-councils"
RAG = {"on_track": "Green", "at_risk": "Amber", "off_track": "Red", "done": "Complete", "not_started": "Not started"}
HEADERS = ["Item ID", "Return date", "RAG", "% complete", "Value", "Comment", "Entered"]
QUARTERS = {"2020-06-30": "Q1", "2020-09-30": "Q2", "2020-12-31": "Q3", "2021-03-31": "Q4"}


def main() -> None:
    lines = [line for line in (HERE / "business-plan-2020-21-updates.csv").read_text().splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    book = openpyxl.Workbook()
    book.remove(book.active)
    for date, quarter in QUARTERS.items():
        sheet = book.create_sheet(quarter)
        sheet.append(HEADERS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        ours = [row for row in rows if row["date"] == date]
        for number, row in enumerate(ours):
            if quarter == "Q2" and number == 10:
                sheet.append([])  # a blank row, as officers leave them
            recorded = row["recorded"]
            sheet.append(
                [
                    row["item"],
                    datetime.date.fromisoformat(row["date"]),
                    RAG[row["status"]] if row["status"] else None,
                    float(row["percent"]) / 100 if row["percent"] else None,
                    float(row["value"]) if row["value"] else None,
                    row["note"] or None,
                    datetime.datetime.fromisoformat(recorded.replace("Z", "")) if recorded else None,
                ]
            )
            last = sheet.max_row
            sheet.cell(last, 2).number_format = "dd/mm/yyyy"
            sheet.cell(last, 4).number_format = "0%"
            sheet.cell(last, 7).number_format = "dd/mm/yyyy hh:mm"
        if quarter == "Q3":
            total = sheet.max_row + 1
            sheet.append(["Total", None, None, f"=AVERAGE(D2:D{total - 1})"])
            sheet.cell(total, 4).number_format = "0%"
        sheet.column_dimensions["A"].width = 16
        sheet.column_dimensions["F"].width = 40
    book.save(HERE / "business-plan-2020-21-returns.xlsx")


if __name__ == "__main__":
    main()
