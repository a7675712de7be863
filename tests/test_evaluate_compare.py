"""Value equality traps of the evaluator: numbers as numbers, dates as dates, no state mapping."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.evaluate.compare import normalize_text, values_equal
from extractor.evaluate.flatten import flatten_row
from extractor.evaluate.schema import Kind, group_of, kind_of


@pytest.mark.parametrize(
    ("kind", "gold", "pred", "equal"),
    [
        ("number", 1477, "1,477", True),  # a number written as a string still counts
        ("number", "1,477", 1477.0, True),
        ("number", 0.05, "$0.05", True),
        ("number", 1477, 1478, False),
        ("number", 1, True, False),  # bool is an int in Python; must not read as 1
        ("date", "2019-08-20", "08/20/2019", True),
        ("date", "2019-08-20", "August 20, 2019", True),
        ("date", "2019-08-20", "2019-08-21", False),
        ("bool", True, True, True),
        ("bool", True, False, False),
        ("bool", False, None, False),
        ("text", "UT", "Utah", False),  # no state normalisation in the evaluator
        ("text", "Levinthal, Michael H.", "LEVINTHAL  MICHAEL H", True),
        ("text", "Class A Common Stock", "Class A Common", False),
        ("set", ["Director", "Promoter"], ["promoter", "director"], True),
        ("set", ["Director"], ["Director", "Promoter"], False),
        ("cik", "0001539853", "1539853", True),
    ],
)
def test_evaluate_values_equal(kind: Kind, gold: Any, pred: Any, equal: bool) -> None:
    assert values_equal(kind, gold, pred) is equal


@pytest.mark.parametrize(
    ("gold_row", "pred_row"),
    [
        (
            {"street1": "2800 SAND HILL ROAD", "street2": "SUITE 101"},
            {"street1": "2800 Sand Hill Road, Suite 101"},
        ),
        ({"street1": "1 Main St"}, {"street1": "1 Main", "street2": "St"}),
    ],
)
def test_evaluate_street_split_differently_is_equal(
    gold_row: dict[str, Any], pred_row: dict[str, Any]
) -> None:
    """Trap: converters break address lines in different places; street1+street2 is one street."""
    g, p = flatten_row(gold_row), flatten_row(pred_row)
    assert set(g) == {"street"}
    assert values_equal(kind_of("reporting_owners[].street"), g["street"], p["street"])


@pytest.mark.parametrize(
    ("path", "kind", "group"),
    [
        ("reporting_owners[].transaction_shares", None, "reporting_owners"),
        ("non_derivative_transactions[].transaction_shares", "number", "non_derivative_transactions"),
        ("period_of_report", "date", "document"),
        ("issuer.cik", "cik", "issuer"),
        ("reporting_owners[].is_director", "bool", "reporting_owners"),
        ("related_persons[].relationships", "set", "related_persons"),
        ("form_type", "text", "document"),
    ],
)
def test_evaluate_schema_kinds(path: str, kind: str | None, group: str) -> None:
    assert kind_of(path) == kind
    assert group_of(path) == group


def test_evaluate_normalize_text() -> None:
    assert normalize_text(" Eventbrite,  Inc. ") == "eventbrite inc"
