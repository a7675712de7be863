"""Plain pdftotext (content-stream order) prints Table II's last column captions and cells inside the
Reporting Owners table, and the Officer column's title after the owner's address. None of it is an
owner, a name or a street.

Fixtures: ``pdftotext`` (no ``-layout``) of EDGAR-shaped pages whose owners and issuers the generator
drew (no dev filer).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.ownership_header_owners import is_table_debris, table_owners
from extractor.layout.lines import split_lines

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_raw_owners"


@pytest.mark.parametrize(
    ("fixture", "owners"),
    [
        # "9. Number of" / "Derivative" / ... / "(Instr. 4)" / "10." / ... before the name
        ("captions_before_owner.txt", [("SMITH BARBARA T", "300 PARK AVENUE, FLOOR 12", "NEW YORK")]),
        # "6. Nature of Indirect" / "Beneficial Ownership" / "(Instr. 5)", then three co-filers
        (
            "nature_caption_three_owners.txt",
            [
                ("LYLES HORACE", "2711 N. HASKELL AVENUE, SUITE 1800", "DALLAS"),
                (
                    "Spear Power Systems Investors Fund I, L.P.",
                    "2711 N. HASKELL AVENUE, SUITE 1800",
                    "DALLAS",
                ),
                ("Aarora Opportunity Fund III, L.P.", "2711 N. HASKELL AVENUE, SUITE 1800", "DALLAS"),
            ],
        ),
        # "Chairman, CEO and" / "President" / "Member of 10% owner" after the address: not a co-filer
        (
            "title_after_address.txt",
            [("ANKER VIOLA W", "C/O FUEL TECH, INC., 6510 S MILLROCK", "SALT LAKE CITY")],
        ),
    ],
)
def test_owners_table_skips_table_ii_debris(fixture: str, owners: list[tuple[str, str, str]]) -> None:
    found = table_owners(split_lines((FIXTURES / fixture).read_text(encoding="utf-8")))
    got = [
        (
            o.name.value if o.name else None,
            o.street1.value if o.street1 else None,
            o.city.value if o.city else None,
        )
        for o in found
    ]
    assert got == owners


@pytest.mark.parametrize(
    "text",
    [
        "6. Nature of Indirect",
        "Beneficial Ownership",
        "(Instr. 5)",
        "Security: Direct (D) or Indirect (I)",
        "Amount",
        "of Shares",
        "10.",
        "**",
        "$ 95",
        "$ (1)",
        "D",
        "See Footnote (11)",
        "(6)",
    ],
)
def test_caption_and_cell_debris(text: str) -> None:
    assert is_table_debris(text)


@pytest.mark.parametrize(
    "text",
    [
        "SMITH BARBARA T",
        "300 PARK AVENUE, FLOOR 12",
        "1 Security Plaza",
        "Direct Capital Partners LLC",
        "2711 N. HASKELL AVENUE, SUITE 1800",
        "Aarora Opportunity Fund III, L.P.",
        "100 Exercise Ave",
    ],
)
def test_names_and_streets_are_not_debris(text: str) -> None:
    assert not is_table_debris(text)
