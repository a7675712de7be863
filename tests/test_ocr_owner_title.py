"""Single-spaced OCR prints an owners-table row as one run: the name, then the officer's title."""

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header_owners import split_side_text, table_owners
from extractor.layout.lines import split_lines

# tesseract (300 dpi) of an EDGAR-shaped page; owner and issuer drawn by the generator, not a dev filer
OWNERS_TABLE = """Reporting Owners

Reporting Owner Name / Address Relationships
Director | 10% Owner | Officer Other
{row}

C/O DIAMCOR MINING INC., THE PUTNAM ADVISORY COMPANY

100 FEDERAL ST. | | | | |

BOSTON, MA 02110

Signatures
"""


@pytest.mark.parametrize(
    ("row", "name", "title"),
    [
        ("ELLEDGE BRYAN President and CEO", "ELLEDGE BRYAN", "President and CEO"),
        ("STEVENS JENNIFER x x Senior Vice President", "STEVENS JENNIFER", "Senior Vice President"),
        ("Rogers Lori L VP, Sales", "Rogers Lori L", "VP, Sales"),
        # no title word: the row is the name, as read
        ("SEQUOIA CAPITAL GROWTH FUND III, L.P. X", "SEQUOIA CAPITAL GROWTH FUND III, L.P.", None),
        # a title word in the first two words is part of the name
        ("General Atlantic LLC", "General Atlantic LLC", None),
        # an organisation's row keeps its words, title-like or not
        ("KKR Financial Group Executive Fund LLC", "KKR Financial Group Executive Fund LLC", None),
    ],
)
def test_title_split_from_single_spaced_owner_row(row: str, name: str, title: str | None) -> None:
    text = OWNERS_TABLE.format(row=row)
    (owner,) = table_owners(split_lines(text))
    split_side_text(owner, text)
    assert owner.name is not None and owner.name.value == name
    assert (owner.officer_title.value if owner.officer_title else None) == title
    if owner.officer_title is not None:
        assert text[owner.officer_title.start : owner.officer_title.end] == title
