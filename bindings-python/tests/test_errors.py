"""Misuse of the API raises the class of its kind (docs/api.md, "Errors"): a ``WorkplanError`` with the
library's ``code`` and message, its fields as attributes, and the builtin base that fits (the
fixtures in tests/fixtures/api-* hold the three faces to the same codes)."""

from __future__ import annotations

import datetime

import pytest

import workplan
from workplan import _native

PLAN = workplan.Plan.from_yaml(
    "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A}]\n"
)


def test_an_unknown_id_is_a_key_error_with_the_message_unquoted() -> None:
    with pytest.raises(KeyError) as caught:
        PLAN.rollup().explain("nope")
    error = caught.value
    assert isinstance(error, workplan.UnknownItemError) and isinstance(error, ValueError)
    assert (error.code, error.item, str(error)) == ("unknown_item", "nope", "no item `nope` in the plan")
    with pytest.raises(workplan.UnknownPlanError) as plan:
        workplan.Workspace([PLAN]).coverage("nope")
    assert (plan.value.code, plan.value.plan, str(plan.value)) == ("unknown_plan", "nope", "no plan `nope` in the workspace")
    with pytest.raises(workplan.UnknownPlanError):
        workplan.Workspace([PLAN]).validate({"nope": workplan.Updates.from_csv("item,date,percent\n")})


def test_a_bad_option_names_the_option_the_value_and_what_it_must_be() -> None:
    with pytest.raises(workplan.InvalidOptionError) as caught:
        PLAN.rollup().to_arrow("cells")
    error = caught.value
    assert (error.code, error.option, error.value, error.expected) == (
        "invalid_option", "table", "cells", "rows, adoption or excluded")
    assert str(error) == "invalid `table`: `cells` is not rows, adoption or excluded"
    with pytest.raises(workplan.InvalidOptionError, match="invalid `dates`: `2020-12-31` is not a list of dates"):
        PLAN.rollup_series(None, "2020-12-31")
    with pytest.raises(workplan.InvalidOptionError, match="invalid `as_of`") as as_of:
        workplan.cadence(PLAN, [datetime.date(2020, 5, 12)], as_of=3)  # type: ignore[arg-type]
    assert as_of.value.value == "3"


def test_rollup_options_are_located_like_a_document_in_every_face() -> None:
    with pytest.raises(workplan.ParseError) as caught:
        PLAN.rollup(as_of="2021-02-30")
    assert (caught.value.code, caught.value.pointer) == ("invalid_value", "/as_of")
    with pytest.raises(workplan.ParseError) as known:
        PLAN.rollup(known_at=5)  # type: ignore[arg-type]
    assert (known.value.code, known.value.pointer) == ("wrong_type", "/known_at")
    # Dates and date-times still work, as they did.
    assert PLAN.rollup(as_of=datetime.datetime(2020, 12, 31, 18, 0)).as_of == datetime.date(2020, 12, 31)
    assert PLAN.rollup(known_at=datetime.datetime(2020, 12, 31, 18, 0)).as_of == datetime.date(2021, 3, 31)


def test_rules_locales_and_data_that_is_not_json() -> None:
    with pytest.raises(workplan.InvalidRuleError) as rule:
        workplan.meetings("every day", "2020-01-01", "2020-12-31")
    assert (rule.value.code, rule.value.rule) == ("invalid_rule", "every day")
    with pytest.raises(workplan.UnknownLocaleError) as locale:
        PLAN.rollup().to_markdown(locale="12")
    assert (locale.value.code, locale.value.tag) == ("unknown_locale", "12")
    with pytest.raises(TypeError) as data:
        workplan.Plan.from_dict({"workplan": 1, "when": object()})
    assert isinstance(data.value, workplan.ConversionError) and data.value.code == "conversion_error"


def test_strict_validation_and_panics_have_codes_too() -> None:
    bad = workplan.Plan.from_yaml(
        "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A}, {id: a, title: B}]\n"
    )
    with pytest.raises(workplan.ValidationError) as caught:
        bad.validate(strict=True)
    assert (caught.value.code, str(caught.value)) == ("validation_failed", "the plan has 1 validation error")
    probe = getattr(_native, "_panic_probe", None)
    if probe is not None:
        with pytest.raises(workplan.WorkplanError) as panic:
            probe("boom")
        assert panic.value.code == "internal_error"
    assert workplan.WorkplanError("made by hand").code == "internal_error"
