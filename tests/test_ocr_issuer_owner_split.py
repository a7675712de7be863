"""Single-spaced OCR prints box 1 and box 2 on one line ("Avery Kathy F Metalmark Innovations, Inc. [ME]"):
the issuer's name is what follows the reporting owner's name, so the owner's name must be read right first.

Fixtures: tesseract (300 dpi) of EDGAR-shaped pages whose owners and issuers the generator drew (no dev
filer): in one the owners-table row carries the officer title after the name, in the other OCR glued the
middle initial in box 1 ("SMITH DEEDRAB") but not in the owners table ("SMITH DEEDRA B").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.ownership_header import _owner_prefix, extract_header
from extractor.ingest import normalise

FIXTURES = Path(__file__).parent / "fixtures" / "ocr_issuer"


@pytest.mark.parametrize(
    ("fixture", "owner", "issuer", "symbol"),
    [
        ("title_in_owner_row.txt", "Avery Kathy F", "Metalmark Innovations, Inc.", "ME"),
        ("initial_glued_in_box1.txt", "SMITH DEEDRA B", "Bucket List Studios Inc.", "BUC"),
    ],
)
def test_issuer_name_after_the_owner_on_one_ocr_line(
    fixture: str, owner: str, issuer: str, symbol: str
) -> None:
    nt = normalise((FIXTURES / fixture).read_text(encoding="utf-8"))
    res = extract_header(nt)
    assert res.reporting_owners[0].name == owner
    assert res.issuer.name == issuer
    assert res.issuer.trading_symbol == symbol
    start, end = res.spans["issuer.name"]
    assert nt.text[start:end] == issuer


@pytest.mark.parametrize(
    ("raw", "owner", "expected"),
    [
        ("BOTHA ROELOF Eventbrite, Inc. ", "BOTHA ROELOF", "Eventbrite, Inc. "),
        ("SMITH DEEDRAB Bucket List ", "SMITH DEEDRA B", "Bucket List "),
        ("SMITH DEEDRA B Kino ", "SMITHDEEDRAB", "Kino "),
        # the name goes on past the owner's: another person, nothing stripped
        ("SMITH DEEDRABC Kino ", "SMITH DEEDRA B", "SMITH DEEDRABC Kino "),
        # the line is the owner alone: nothing would be left of the issuer
        ("BOTHA ROELOF  ", "BOTHA ROELOF", "BOTHA ROELOF  "),
        ("Eventbrite, Inc. ", "BOTHA ROELOF", "Eventbrite, Inc. "),
    ],
)
def test_owner_prefix_ignores_spaces_only(raw: str, owner: str, expected: str) -> None:
    assert raw[_owner_prefix(raw, owner) :].lstrip() == expected.lstrip()
