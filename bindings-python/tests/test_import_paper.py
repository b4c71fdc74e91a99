"""``workplan.import_paper(...)`` (docs/import.md): a committee paper's text read into a draft plan.
The draft and its summary are the command line's for the same text; a text with no outline is a
``PaperImportError``, not an empty draft."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import workplan
from conftest import EXAMPLES, REPO

PAPERS = EXAMPLES / "papers"


def test_the_numbered_paper_is_read_into_a_draft_with_its_summary() -> None:
    imported = workplan.import_paper(PAPERS / "business-plan-2020-21.txt")
    assert isinstance(imported.plan, workplan.Plan)
    assert imported.plan.id == "business-plan-2020-21"
    summary = imported.summary
    assert summary["shape"] == "numbered"
    assert [(level["name"], level["items"]) for level in summary["levels"]] == [
        ("Portfolio", 11),
        ("Priority", 33),
        ("Output", 145),
        ("Sub-output", 13),
    ]
    assert summary["labels_inferred"] == 45 and summary["measures_proposed"] == 4
    # Every line of the text is used or listed as not used, with why.
    lines = (PAPERS / "business-plan-2020-21.txt").read_text(encoding="utf-8").splitlines()
    assert summary["lines_total"] == len(lines)
    assert summary["lines_used"] + len(summary["unused"]) == len(lines)
    first = summary["unused"][0]
    assert set(first) == {"line", "why", "text"} and first["text"] == lines[first["line"] - 1].strip()
    assert not imported.plan.validate().has_errors()
    assert "items: 11 Portfolio, 33 Priority, 145 Output, 13 Sub-output" in imported.summary_text()
    assert "Sub-output" in repr(imported)


def test_the_draft_is_the_command_lines(tmp_path: Path) -> None:
    paper = PAPERS / "pledges-to-londoners.txt"
    out = tmp_path / "draft.json"
    # The CLI is the binary in WORKPLAN_CLI when it is set, else built here by cargo.
    cli = os.environ.get("WORKPLAN_CLI")
    command = [cli] if cli else ["cargo", "run", "--quiet", "--locked", "-p", "workplan-cli", "--"]
    done = subprocess.run([*command, "import", str(paper), "--out", str(out)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    imported = workplan.import_paper(paper.read_text(encoding="utf-8"))
    assert json.loads(imported.plan.to_json()) == json.loads(out.read_text(encoding="utf-8"))
    assert imported.summary_text() in done.stderr


def test_a_paper_of_headings_and_bullets_names_its_levels_from_its_words() -> None:
    imported = workplan.import_paper(PAPERS / "pledges-to-londoners.txt")
    assert imported.summary["shape"] == "headed"
    levels = imported.summary["levels"]
    assert [level["name"] for level in levels] == ["Area", "Pledge", "Sub-pledge"]
    assert "46 specific pledges across seven key policy areas" in levels[0]["named_from"]
    assert [item["title"] for item in imported.plan.to_dict()["items"]][:2] == ["Housing", "Better Health & Care"]
    assert "level Area: named from" in imported.summary_text(verbose=True)
    given = workplan.import_paper(PAPERS / "pledges-to-londoners.txt", levels=["Policy area"])
    assert [level["name"] for level in given.summary["levels"]] == ["Policy area", "Pledge", "Sub-pledge"]
    assert given.summary["levels"][0]["named_from"] == "given by the caller"


def test_a_text_with_no_outline_is_an_error_that_says_so(tmp_path: Path) -> None:
    with pytest.raises(workplan.PaperImportError) as raised:
        workplan.import_paper("Minutes of the meeting\n\nMembers discussed the budget at length.\n")
    assert raised.value.code == "paper_nothing_read"
    assert raised.value.lines == 3
    assert isinstance(raised.value, workplan.WorkplanError)
    assert "no items read from the paper's 3 lines" in str(raised.value)
    latin1 = tmp_path / "paper.txt"
    latin1.write_bytes(b"1. Caf\xe9 services\n")
    with pytest.raises(UnicodeDecodeError):
        workplan.import_paper(latin1)


def test_the_draft_paper_keeps_the_ids_of_the_final_version() -> None:
    final = workplan.load(EXAMPLES / "business-plan-2020-21.yaml")
    example = workplan.load(EXAMPLES / "business-plan-2020-21-draft-2020-03-03.yaml")
    paper = PAPERS / "business-plan-2020-21-draft-2020-03-03.txt"
    kept = workplan.import_paper(paper, ids_from=final).plan
    alone = workplan.import_paper(paper).plan
    # The diff from the hand encoding (which keeps the final version's ids) finds fewer items
    # removed once the draft keeps those ids too.
    def removed(draft: workplan.Plan) -> int:
        return len(workplan.diff(example, draft).to_dict()["removed"])

    assert removed(kept) < removed(alone)
    ids = {row["id"] for row in kept.outline()}
    assert "employers.1.a" in ids and "regional.1.a" not in ids


def test_a_path_given_as_text_is_read_as_the_file() -> None:
    # As workplan.load takes a path as a str, so does import_paper when the str is one line that
    # names a file; any other str is the paper's text.
    by_str = workplan.import_paper(str(PAPERS / "pledges-to-londoners.txt"))
    by_path = workplan.import_paper(PAPERS / "pledges-to-londoners.txt")
    assert by_str.plan == by_path.plan
    with pytest.raises(FileNotFoundError):
        workplan.import_paper(str(PAPERS / "no-such-paper.txt"))
