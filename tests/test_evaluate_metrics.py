"""Field scoring: TP/FP/FN rules, row matching, missing documents, the whole dev gold as prediction."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from extractor.evaluate.load import read_gold
from extractor.evaluate.metrics import ErrorItem, EvalResult, score, source_style, worst_errors
from tests.conftest import DEV_GOLD

OWNER_A = {"name": "BOTHA ROELOF", "city": "MENLO PARK", "state": "CA", "is_director": True}
OWNER_B = {"name": "THIEL PETER", "city": "LOS ANGELES", "state": "CA", "is_director": False}


def _env(doc: str = "d1_w3m", **filing: Any) -> dict[str, Any]:
    return {"document_id": doc, "form_type": "4", "filing": filing}


def _gold() -> dict[str, dict[str, Any]]:
    return {
        "d1_w3m": _env(
            period_of_report="2019-08-20",
            issuer={"name": "Eventbrite, Inc.", "trading_symbol": "EB"},
            reporting_owners=[dict(OWNER_A), dict(OWNER_B)],
            non_derivative_transactions=[{"transaction_shares": 1477, "transaction_code": "S"}],
        )
    }


def _run(pred_filing_change: Any = None, **pred_overrides: Any) -> EvalResult:
    gold = _gold()
    pred = copy.deepcopy(gold)
    if pred_filing_change is not None:
        pred_filing_change(pred["d1_w3m"]["filing"])
    pred["d1_w3m"].update(pred_overrides)
    return score(gold, pred)


# form_type + period + 2 issuer + 4+4 owner keys + 2 transaction keys
N_GOLD = 1 + 1 + 2 + 8 + 2


def _reverse(f: dict[str, Any]) -> None:
    f["reporting_owners"].reverse()


def _number_as_string(f: dict[str, Any]) -> None:
    f["non_derivative_transactions"][0]["transaction_shares"] = "1,477"


def _extra_key_pred(f: dict[str, Any]) -> None:
    f["remarks"] = "not in gold, ignored"


@pytest.mark.parametrize("change", [None, _reverse, _number_as_string, _extra_key_pred])
def test_evaluate_perfect_prediction(change: Any) -> None:
    r = _run(change)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (N_GOLD, 0, 0)
    assert r.overall.f1 == 1.0 and r.macro_f1 == 1.0


def _wrong_state(f: dict[str, Any]) -> None:
    f["reporting_owners"][0]["state"] = "California"


def _drop_row(f: dict[str, Any]) -> None:
    del f["reporting_owners"][1]


def _extra_row(f: dict[str, Any]) -> None:
    f["reporting_owners"].append({"name": "SOMEONE ELSE", "city": "NOWHERE", "person_id": "p9"})


def _missing_value(f: dict[str, Any]) -> None:
    del f["issuer"]["trading_symbol"]


@pytest.mark.parametrize(
    ("change", "tp", "fp", "fn", "path"),
    [
        (_wrong_state, N_GOLD - 1, 1, 1, "reporting_owners[].state"),  # wrong value: 1 FP + 1 FN
        (_drop_row, N_GOLD - 4, 0, 4, "reporting_owners[].city"),  # missing row: its 4 keys FN
        (
            _extra_row,
            N_GOLD,
            2,
            0,
            "reporting_owners[].city",
        ),  # extra row: its 2 schema keys FP (not person_id)
        (_missing_value, N_GOLD - 1, 0, 1, "issuer.trading_symbol"),  # missing value: 1 FN
    ],
)
def test_evaluate_counts(change: Any, tp: int, fp: int, fn: int, path: str) -> None:
    r = _run(change)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (tp, fp, fn)
    assert r.by_field[path].f1 < 1.0
    assert len(r.errors) == fp + fn - min(fp, fn)  # a wrong value is one error item, not two


@pytest.mark.parametrize(
    ("pred", "missing", "errored"),
    [
        ({}, 1, 0),
        ({"d1_w3m": {"document_id": "d1_w3m", "form_type": "4", "filing": {}, "error": "E600"}}, 0, 1),
    ],
)
def test_evaluate_missing_or_error_document_is_all_fn(
    pred: dict[str, Any], missing: int, errored: int
) -> None:
    r = score(_gold(), pred)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (0, 0, N_GOLD)
    assert r.overall.recall == 0.0
    assert (len(r.missing_docs), len(r.error_docs)) == (missing, errored)


def test_evaluate_form_type_scored_as_field() -> None:
    r = _run(form_type="4/A")
    assert r.by_field["form_type"].fp == 1 and r.by_field["form_type"].fn == 1
    assert r.by_group["document"].tp == 1  # period_of_report still right


def test_evaluate_groups_and_source() -> None:
    r = _run(_wrong_state)
    assert r.by_group["reporting_owners"].fp == 1
    assert r.by_group["issuer"].f1 == 1.0
    assert set(r.by_source) == {"w3m"} and set(r.by_form_type) == {"4"}


@pytest.mark.parametrize(
    ("doc", "env", "style"),
    [
        ("dev_0140af8cbe_ocr300", {}, "ocr300"),
        ("dev_0261950a26_pdf_layout", {}, "pdf_layout"),
        ("x_w3m", {}, "w3m"),
        ("abc", {"converter": "html2text"}, "html2text"),
        ("000_5efcf6bf3a65d836", {}, "seed"),
        ("abc", {}, "other"),
    ],
)
def test_evaluate_source_style(doc: str, env: dict[str, Any], style: str) -> None:
    assert source_style(doc, env) == style


def test_evaluate_dev_gold_against_itself_and_empty() -> None:
    gold = read_gold(DEV_GOLD)
    assert len(gold) == 217
    perfect = score(gold, gold)
    assert perfect.overall.f1 == 1.0 and perfect.macro_f1 == 1.0 and perfect.overall.fp == 0
    assert set(perfect.by_source) == {"w3m", "pdf_layout", "ocr300"}
    empty = score(gold, {})
    assert empty.overall.recall == 0.0 and empty.overall.fn == perfect.overall.tp


@pytest.mark.parametrize(("limit", "expected_paths"), [(2, ["a", "b"]), (4, ["a", "b", "c", "a"])])
def test_evaluate_worst_errors_round_robin(limit: int, expected_paths: list[str]) -> None:
    """Trap: one systematic error must not fill the whole list; most frequent field goes first."""
    r = EvalResult()
    r.errors = [ErrorItem("d", "a", "wrong", 0, 1, severity=1.0 + i / 10) for i in range(5)]
    r.errors += [ErrorItem("d", "b", "missing", 5, None, severity=0.9) for _ in range(3)]
    r.errors += [ErrorItem("d", "c", "extra", None, 5, severity=0.8)]
    worst = worst_errors(r, limit=limit)
    assert [e.path for e in worst] == expected_paths
    assert worst[0].severity == 1.4  # the most severe of the path first
