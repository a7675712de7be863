"""The "Reporting Owners" table: street1/street2 split, marks printed among the address lines."""

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

# pdf_layout: the X sits on a line of its own between two address lines.
PDF_X_OWN_LINE = """\
Reporting Owners
                                                                Relationships
      Reporting Owner Name / Address
                                                  Director 10% Owner Officer Other

BOTHA ROELOF
C/O SEQUOIA CAPITAL
                                                     X
2800 SAND HILL ROAD, SUITE 101
MENLO PARK, CA 94025


Signatures
"""

# single-spaced OCR appends the marks (and debris) to the address line
OCR_TRAILING_MARKS = """\
Reporting Owners
Reporting Owner Name / Address
Director] 10% Owner] Officer} Other
BOTHA ROELOF
2800 SAND HILL ROAD, SUITE 101 XxX
|MENLO PARK, CA 9402 5 | | | ||
Signatures
"""

# w3m, foreign address: EDGAR country code in the state slot, alphanumeric postal code
W3M_FOREIGN = """\
Reporting Owners

                                                     Relationships
     Reporting Owner Name / Address
                                           Director  10% Owner  Officer  Other

Levchin Max R
C/O AFFIRM HOLDINGS, INC.                    X         X       Chief Executive Officer
2215 YUKON STREET
VANCOUVER, A1 V5Y 0A1

Signatures
"""

# two owners (Form 3 joint filing), pdf_layout
PDF_TWO_OWNERS = """\
Reporting Owners
                                                               Relationships
      Reporting Owner Name / Address
                                                   Director 10% Owner Officer Other

THIEL PETER
ONE LETTERMAN DRIVE, BUILDING D
                                                                      X
5TH FLOOR
SAN FRANCISCO, CA 94129
Singerman Brian Aaron
ONE LETTERMAN DRIVE, BUILDING D
                                                                      X
5TH FLOOR
SAN FRANCISCO, CA 94129


Signatures
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PDF_X_OWN_LINE,
            [
                (
                    "BOTHA ROELOF",
                    "C/O SEQUOIA CAPITAL",
                    "2800 SAND HILL ROAD, SUITE 101",
                    "MENLO PARK",
                    "CA",
                    "94025",
                )
            ],
        ),
        (
            OCR_TRAILING_MARKS,
            [("BOTHA ROELOF", "2800 SAND HILL ROAD, SUITE 101", None, "MENLO PARK", "CA", "94025")],
        ),
        (
            W3M_FOREIGN,
            [
                (
                    "Levchin Max R",
                    "C/O AFFIRM HOLDINGS, INC.",
                    "2215 YUKON STREET",
                    "VANCOUVER",
                    "A1",
                    "V5Y 0A1",
                )
            ],
        ),
        (
            PDF_TWO_OWNERS,
            [
                (
                    "THIEL PETER",
                    "ONE LETTERMAN DRIVE, BUILDING D",
                    "5TH FLOOR",
                    "SAN FRANCISCO",
                    "CA",
                    "94129",
                ),
                (
                    "Singerman Brian Aaron",
                    "ONE LETTERMAN DRIVE, BUILDING D",
                    "5TH FLOOR",
                    "SAN FRANCISCO",
                    "CA",
                    "94129",
                ),
            ],
        ),
    ],
)
def test_ownership_header_owners_table_addresses(text: str, expected: list[tuple[str | None, ...]]) -> None:
    """Trap: an "X" or OCR debris ending up in a street, or one owner's lines spilling into the next."""
    res = extract_header(normalise(text))
    got = [(o.name, o.street1, o.street2, o.city, o.state, o.zip_code) for o in res.reporting_owners]
    assert got == expected


@pytest.mark.parametrize(("text", "title"), [(W3M_FOREIGN, "Chief Executive Officer")])
def test_ownership_header_owners_table_officer_title(text: str, title: str) -> None:
    """Trap: the officer title printed in the Officer column is not an address line."""
    res = extract_header(normalise(text))
    assert res.reporting_owners[0].officer_title == title


@pytest.mark.parametrize("text", [PDF_X_OWN_LINE, PDF_TWO_OWNERS])
def test_ownership_header_owners_table_no_header_box_no_marks(text: str) -> None:
    """Trap: pdf_layout X positions do not line up with the header words; never guess from them."""
    res = extract_header(normalise(text))
    for owner in res.reporting_owners:
        assert (owner.is_director, owner.is_ten_percent_owner) == (None, None)
