"""Header boxes printed side by side (w3m / pdf_layout) or merged in reading order (OCR)."""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

W3M_FORM4 = """\
1. Name and Address of Reporting Person ^*                 2. Issuer Name and Ticker or Trading Symbol           5. Relationship of Reporting Person(s) to Issuer
BOTHA ROELOF                                             Block, Inc. [SQ]                                                        (Check all applicable)
                                                                                                                 __X__ Director              _____ 10% Owner
     (Last)            (First)            (Middle)       3. Date of Earliest Transaction (Month/Day/Year)        _____ Officer (give title   _____ Other (specify below)
C/O SEQUOIA CAPITAL, 2800 SAND HILL ROAD, SUITE 101      10/01/2024                                              below)

                       (Street)                          4. If Amendment, Date Original Filed(Month/Day/Year)    6. Individual or Joint/Group Filing(Check Applicable
MENLO PARK, CA 94025                                                                                             _X_ Form filed by One Reporting Person

      (City)            (State)             (Zip)                        Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
"""

# Form 3 numbers the boxes differently and pdf_layout prints the date two lines under its label.
PDF_FORM3 = """\
1. Name and Address of Reporting Person *                                      2. Date of Event Requiring Statement            3. Issuer Name and Ticker or Trading Symbol
  THIEL PETER                                                                  (Month/Day/Year)                                Oscar Health, Inc. [OSCR]
          (Last)                   (First)                 (Middle)
                                                                               03/03/2021
                                                                                                                               4. Relationship of Reporting Person(s) to Issuer                             5. If Amendment, Date Original Filed(Month/Day/Year)
ONE LETTERMAN DRIVE, BUILDING D, 5TH FLOOR                                                                                                         (Check all applicable)
                                                                                                                               _____ Director                          __X__ 10% Owner
                                                                                                                               _____ Officer (give title below)        _____ Other (specify below)
SAN FRANCISCO, CA 94129
          (City)                   (State)                   (Zip)
                                                                                                                               Table I - Non-Derivative Securities Beneficially Owned
"""

# OCR merges box 1 and box 2 on one line: the owner name (known from the Reporting Owners table)
# must not become part of the issuer name.
OCR_FORM4 = """\
1. Name and Address of Reporting Person ~ 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer
BOTHA ROELOF Eventbrite, Inc. [EB] (Check all applicable)
__X__ Director _X__ 10% Owner
(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) __ Officer (give title below) ___ Other (specify below)
2800 SAND HILL ROAD, SUITE 101 08/20/2019
(Street) 4. If Amendment, Date Original Filed(Month/Day/Year) 6. Individual or Joint/Group Filing(Check Applicable Line)
MENLO PARK, CA 9402 5 ___ Form filed by More than One Reporting Person
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
Reporting Owners
Relationships
Reporting Owner Name / Address
Director] 10% Owner] Officer} Other

BOTHA ROELOF
2800 SAND HILL ROAD, SUITE 101 xX X
MENLO PARK, CA 94025

Signatures
"""

# A long street pushes the date out of its column (pdf_layout): fall back to reading order.
PDF_PUSHED_DATE = """\
1. Name and Address of Reporting Person *                  2. Issuer Name and Ticker or Trading Symbol
Thiel Peter                                                Palantir Technologies Inc. [PLTR]
         (Last)             (First)          (Middle)      3. Date of Earliest Transaction (Month/Day/Year)
C/O PALANTIR TECHNOLOGIES INC., 1555 BLAKE 11/30/2020
STREET, SUITE 250
                            (Street)                       4. If Amendment, Date Original Filed(Month/Day/Year)
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
"""


@pytest.mark.parametrize(
    ("text", "period", "issuer", "ticker", "marks"),
    [
        (W3M_FORM4, "2024-10-01", "Block, Inc.", "SQ", (True, False, False, False)),
        (PDF_FORM3, "2021-03-03", "Oscar Health, Inc.", "OSCR", (False, True, False, False)),
        (OCR_FORM4, "2019-08-20", "Eventbrite, Inc.", "EB", (True, True, False, False)),
        (PDF_PUSHED_DATE, "2020-11-30", "Palantir Technologies Inc.", "PLTR", None),
    ],
)
def test_ownership_header_columns_boxes(
    text: str, period: str, issuer: str, ticker: str, marks: tuple[bool, ...] | None
) -> None:
    """Trap: a value cut from the wrong column (box 1's street, box 5's marks) or the OCR-merged line."""
    res = extract_header(normalise(text))
    assert res.period_of_report == period
    assert res.date_of_original_submission is None
    assert res.issuer.name == issuer
    assert res.issuer.trading_symbol == ticker
    if marks is not None:
        owner = res.reporting_owners[0]
        got = (owner.is_director, owner.is_ten_percent_owner, owner.is_officer, owner.is_other)
        assert got == marks


@pytest.mark.parametrize(("text", "name", "zip_code"), [(W3M_FORM4, "BOTHA ROELOF", "94025")])
def test_ownership_header_columns_box1_fallback(text: str, name: str, zip_code: str) -> None:
    """Trap: without a Reporting Owners table, box 1 must be cut left of the issuer box."""
    res = extract_header(normalise(text))
    owner = res.reporting_owners[0]
    assert owner.name == name
    assert owner.zip_code == zip_code
    assert owner.state == "CA"
    assert any("box 1" in w for w in res.warnings)


@pytest.mark.parametrize("text", [W3M_FORM4, PDF_FORM3, OCR_FORM4])
def test_ownership_header_columns_spans_point_at_values(text: str) -> None:
    """Trap: spans that drift from the value make useless NER labels."""
    res = extract_header(normalise(text))
    s, e = res.spans["issuer.name"]
    assert text[s:e] == res.issuer.name
    s, e = res.spans["issuer.trading_symbol"]
    assert text[s:e] == res.issuer.trading_symbol
