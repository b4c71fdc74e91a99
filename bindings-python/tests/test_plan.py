"""The Python face: loading, saving, errors as structured exceptions."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import workplan

HEADER = "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n"


def test_the_examples_load_and_round_trip(examples: Path) -> None:
    for name in ["business-plan-2020-21.yaml", "business-plan-2020-21-draft-2020-03-03.yaml", "pledges-2019-2022.yaml"]:
        plan = workplan.load(examples / name)
        assert workplan.Plan.from_yaml(plan.to_yaml()) == plan
        assert workplan.Plan.from_json(plan.to_json()) == plan
        assert workplan.Plan.load(str(examples / name)) == plan
    plan = workplan.load(examples / "business-plan-2020-21.yaml")
    summary = plan.summary()
    assert [level["items"] for level in summary["levels"]] == [11, 33, 145, 13]
    assert plan.id == "business-plan-2020-21"
    assert repr(plan) == "<Plan business-plan-2020-21 \"London Councils Business Plan 2020/21\": 202 items>"


def test_updates_load_from_csv_and_records(examples: Path) -> None:
    updates = workplan.load_updates(examples / "pledges-2019-2022-updates.csv")
    assert len(updates) > 200
    records = [{"item": "a", "date": datetime.date(2020, 6, 30), "percent": 40},
               {"item": "a", "date": "2020-09-30", "recorded": datetime.datetime(2020, 10, 1, 9, 30, tzinfo=datetime.timezone.utc)}]
    from_records = workplan.Updates.from_records(records)
    assert from_records.to_records()[0] == {"item": "a", "date": "2020-06-30", "percent": 40.0}
    assert from_records.to_records()[1]["recorded"] == "2020-10-01T09:30:00Z"


def test_a_wrong_key_names_the_key_the_place_and_the_nearest_key() -> None:
    with pytest.raises(workplan.ParseError) as caught:
        workplan.Plan.from_yaml(HEADER + "items:\n  - id: a\n    tittle: Typo\n")
    error = caught.value
    assert str(error) == "unknown field `tittle` at /items/0, did you mean `title`?"
    assert (error.code, error.path, error.line, error.column) == ("unknown_field", ["items", 0], 7, 5)
    assert isinstance(error, workplan.WorkplanError) and isinstance(error, ValueError)


def test_a_bad_date_gives_its_path_and_position() -> None:
    with pytest.raises(workplan.ParseError) as caught:
        workplan.Plan.from_yaml(HEADER + "items:\n  - {id: a, title: A, due: 2021-02-30}\n")
    error = caught.value
    assert error.code == "invalid_value"
    assert error.pointer == "/items/0/due"
    assert (error.line, error.column) == (6, 28)


def test_a_string_where_a_number_belongs_is_a_wrong_type() -> None:
    text = '{"workplan": 1, "id": "d", "title": "D", "period": {"start": "2020-01-01", "end": "2020-12-31"},\n' \
           ' "items": [{"id": "a", "title": "A", "weight": "heavy"}]}'
    with pytest.raises(workplan.ParseError) as caught:
        workplan.Plan.from_json(text)
    error = caught.value
    assert (error.code, error.path, error.line, error.column) == ("wrong_type", ["items", 0, "weight"], 2, 48)
    assert "expected a number, found the text `heavy`" in str(error)


def test_a_syntax_error_has_a_line_and_column() -> None:
    with pytest.raises(workplan.ParseError) as caught:
        workplan.Plan.from_json('{"workplan": 1,\n "id": "x"\n "title": "X"}')
    assert (caught.value.code, caught.value.line, caught.value.column) == ("syntax_error", 3, 2)


def test_from_dict_reports_paths_without_positions() -> None:
    data = {"workplan": 1, "id": "d", "title": "D", "period": {"start": datetime.date(2020, 1, 1), "end": "2020-12-31"},
            "items": [{"id": "a", "title": "A", "weight": "heavy"}]}
    with pytest.raises(workplan.ParseError) as caught:
        workplan.Plan.from_dict(data)
    assert (caught.value.path, caught.value.line, caught.value.column) == (["items", 0, "weight"], None, None)
    with pytest.raises(workplan.WorkplanError):
        workplan.Plan.from_dict({"workplan": 1, "when": object()})


def test_extension_keys_survive_a_round_trip() -> None:
    plan = workplan.Plan.from_yaml(HEADER + "x-owner: {team: policy, ids: [1, 2]}\nitems:\n  - {id: a, title: A, x-rag: amber}\n")
    data = plan.to_dict()
    assert data["x-owner"] == {"team": "policy", "ids": [1, 2]}
    assert data["items"][0]["x-rag"] == "amber"
    assert workplan.Plan.from_dict(data) == plan


def test_a_missing_file_is_a_workplan_error(tmp_path: Path) -> None:
    with pytest.raises(workplan.ParseError) as caught:
        workplan.load(tmp_path / "nope.yaml")
    assert caught.value.code == "io_error"


def test_the_package_is_typed_and_versioned() -> None:
    package = Path(workplan.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()
    cargo = (Path(__file__).resolve().parents[2] / "Cargo.toml").read_text()
    assert f'version = "{workplan.__version__}"' in cargo
    assert workplan.schema()["title"] == "Plan"
