"""Header values that OCR damages: a lost relationship label, a misread month digit.

Real excerpts of dev documents (ocr300); each test names the trap.
"""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

OCR_LOST_TEN_PERCENT_LABEL = """\
1. Name and Address of Reporting Person * 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer
BOTHA ROELOF Unity Software Inc. [U] x Direct (Check all applicable)
(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) __ Officer (give title below) __ Other (specify below)
2800 SAND HILL ROAD, SUITE 101 11/18/2021
(Street) 4. If Amendment, Date Original Filed(Month/Day/Year) 6. Individual or Joint/Group Filing(Check Applicable Line)
_X_ Form filed by One Reporting Person
MENLO PARK, CA 9402 5 ___ Form filed by More than One Reporting Person
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

Reporting Owners

Relationships
Reporting Owner Name / Address

Director] 10% Owner} Officer} Other

BOTHA ROELOF
2800 SAND HILL ROAD, SUITE 101 xX X
MENLO PARK, CA 94025

Signatures
/s/ Jang Yeon Son, Attorney-in-fact for Roelof Botha 11/22/2021
“signature of Reporting Person Date
"""

OCR_MONTH_MISREAD = """\
1. Name and Address of Reporting Person ~ 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer
BOTHA ROELOF 23andMe Holding Co. [ME] (Check all applicable)
__X__ Director _X__ 10% Owner
(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) __ Officer (give title below) ___ Other (specify below)
C/O 23ANDME HOLDING CO., 349 OYSTER POINT |98/25/2022
BLVD
(Street) 4. If Amendment, Date Original Filed(Month/Day/Year) 6. Individual or Joint/Group Filing(Check Applicable Line)
_X_ Form filed by One Reporting Person
SOUTH SAN FRANCISCO, CA 94080 ___ Form filed by More than One Reporting Person
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
"""


@pytest.mark.parametrize("text", [OCR_LOST_TEN_PERCENT_LABEL])
def test_ownership_header_ocr_marks_counted_in_owners_table(text: str) -> None:
    """Trap: OCR kept "x Direct" but lost "X 10% Owner" from the header box; an unfound label is not an
    unmarked box. The Reporting Owners table still shows two marks ("... SUITE 101 xX X")."""
    owner = extract_header(normalise(text)).reporting_owners[0]
    assert owner.is_director is True
    assert owner.is_ten_percent_owner is True
    assert owner.is_officer is False
    assert owner.is_other is False
    assert owner.street1 == "2800 SAND HILL ROAD, SUITE 101"


@pytest.mark.parametrize(("text", "period"), [(OCR_MONTH_MISREAD, "2022-08-25")])
def test_ownership_header_ocr_month_leading_zero_misread(text: str, period: str) -> None:
    """Trap: "|98/25/2022" is 08/25/2022 with its "0" read as "9"; no month starts with 9."""
    assert extract_header(normalise(text)).period_of_report == period
