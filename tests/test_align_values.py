"""training.align on hand-made excerpts: each case names the print form the aligner must see through."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.ingest import normalise
from extractor.records import Envelope
from training.align import align_record


def _env(filing: dict[str, Any]) -> Envelope:
    return Envelope.from_dict({"document_id": "excerpt", "form_type": "4", "filing": filing})


def _texts(filing: dict[str, Any], text: str, path: str) -> list[str]:
    nt = normalise(text)
    res = align_record(_env(filing), nt)
    return [nt.text[sp.start : sp.end] for sp in res.spans if sp.path == path]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Amount 1,477 (A) or (D) D", 1477, "1,477"),  # thousands separator
        ("Price $ 1,477.00 per share", 1477, "1,477.00"),  # dollar sign and cents
        ("Price \\$ 0.05 D", 0.05, "0.05"),  # markdown-escaped dollar
        ("Owned 69,672(1) D", 69672, "69,672"),  # footnote marker glued on
        ("Amount 1,4 77 D", 1477, "1,4 77"),  # OCR split the number with a space
    ],
)
def test_align_number_print_forms(text: str, value: float, expected: str) -> None:
    """Trap: a number compared as text ("1477" vs "1,477") is never found."""
    filing = {"non_derivative_transactions": [{"transaction_shares": value}]}
    assert _texts(filing, text, "non_derivative_transactions[0].transaction_shares") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Date of Earliest Transaction 11/30/2006", "11/30/2006"),
        ("Date November 30, 2006", "November 30, 2006"),
        ("Date 30-Nov-2006", "30-Nov-2006"),
        ("Date 2006-11-30", "2006-11-30"),
    ],
)
def test_align_date_print_forms(text: str, expected: str) -> None:
    """Trap: gold dates are ISO, filings print them month-first, in words or day-first."""
    assert _texts({"period_of_report": "2006-11-30"}, text, "period_of_report") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pieces split at the line break, so no layout text is labelled
        ("Signatures\n\nGregory S.\n\nButterfield 12/04/2006", ["Gregory S", "Butterfield"]),
        ("Reporting Person: Gregory S. Butterfield", ["Gregory S. Butterfield"]),
        ("Name BUTTERFIELD GREGORY S\n(Last) (First)", ["BUTTERFIELD GREGORY S"]),
    ],
)
def test_align_name_any_order_across_lines(text: str, expected: list[str]) -> None:
    """Trap: names are recorded as printed in one place (``LAST FIRST M``) and printed otherwise elsewhere."""
    filing = {"reporting_owners": [{"name": "BUTTERFIELD GREGORY S"}]}
    assert _texts(filing, text, "reporting_owners[0].name") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Class B Common   06/20/2019   C    846,821    Class A   846,821\n"
            "Stock                                          Common\n"
            "                                               Stock\n",
            ["Class A", "Common", "Stock"],
        ),
    ],
)
def test_align_wrapped_cell_between_columns(text: str, expected: list[str]) -> None:
    """Trap: w3m/pdftotext wrap a cell over lines, with other columns' text between its words."""
    filing = {
        "derivative_transactions": [
            {"security_title": "Class B Common Stock", "underlying_security_title": "Class A Common Stock"}
        ]
    }
    got = _texts(filing, text, "derivative_transactions[0].underlying_security_title")
    assert got == expected


@pytest.mark.parametrize(
    ("text", "value", "expected", "method"),
    [
        ("Amount 1.477 D", 1477, "1.477", "number_fuzzy"),  # OCR read the comma as a point
        ("Owned 7.68\n", 7068, "7.68", "number_fuzzy"),  # OCR dropped a digit (seed 002)
    ],
)
def test_align_ocr_damaged_number_within_budget(text: str, value: float, expected: str, method: str) -> None:
    """Trap: OCR damage; one digit edit is in budget for a 4+ digit number and the span says so."""
    nt = normalise(text)
    res = align_record(_env({"non_derivative_holdings": [{"shares_owned_following_transaction": value}]}), nt)
    assert [(nt.text[s.start : s.end], s.method) for s in res.spans] == [(expected, method)]


@pytest.mark.parametrize(
    ("filing", "text", "missing"),
    [
        ({"non_derivative_transactions": [{"transaction_shares": 1477}]}, "Amount 9,999 D", "1477"),
        (
            {"non_derivative_transactions": [{"transaction_shares": 7}]},
            "Amount 1 D",
            "7",
        ),  # no fuzz < 4 digits
        ({"issuer": {"name": "ALTIRIS INC"}}, "Issuer: Symantec Corp", "ALTIRIS INC"),
        ({"period_of_report": "2006-11-30"}, "Date 12/04/2006", "2006-11-30"),
    ],
)
def test_align_value_not_in_text_is_missing(filing: dict[str, Any], text: str, missing: str) -> None:
    """Trap: a value that the text does not show must be reported, never silently dropped or forced."""
    res = align_record(_env(filing), normalise(text))
    assert res.spans == []
    assert [v for _, v in res.missing] == [missing]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "Common Stock\t11/30/2006\tM\t2,000\tA\t$ 0.05\t68,399\tD\n"
            "Common Stock\t11/30/2006\tS\t2,000\tD\t$ 25\t66,399\tD\n",
            [0, 1],
        ),
    ],
)
def test_align_rows_stay_on_their_lines(text: str, lines: list[int]) -> None:
    """Trap: identical values (title, date, 2,000) in two rows; each row's spans sit on its own line."""
    row = {"security_title": "Common Stock", "transaction_date": "2006-11-30", "transaction_shares": 2000}
    filing = {
        "non_derivative_transactions": [
            {**row, "transaction_code": "M", "shares_owned_following_transaction": 68399},
            {**row, "transaction_code": "S", "shares_owned_following_transaction": 66399},
        ]
    }
    nt = normalise(text)
    res = align_record(_env(filing), nt)
    for i, line in enumerate(lines):
        got = {
            nt.text.count("\n", 0, sp.start)
            for sp in res.spans
            if sp.path.startswith(f"non_derivative_transactions[{i}]")
        }
        assert got == {line}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Class A Common Stock 02/28/2019 jm 4,169,733 D $ 0", [("jm", "code_ocr")]),
        ("Class A Common Stock 02/28/2019 J 4,169,733 D $ 0", [("J", "exact")]),
        ("Code (J) explained\nClass A Common Stock 02/28/2019 4,169,733 D $ 0", []),
    ],
)
def test_align_transaction_code_ocr_and_headers(text: str, expected: list[tuple[str, str]]) -> None:
    """Trap: OCR glues "J(1)" into "jm"; a parenthesised "(J)" is header or prose, never the cell."""
    filing = {"non_derivative_transactions": [{"transaction_code": "J", "transaction_shares": 4169733}]}
    nt = normalise(text)
    res = align_record(_env(filing), nt)
    got = [(nt.text[s.start : s.end], s.method) for s in res.spans if s.label == "TX_CODE"]
    assert got == expected
