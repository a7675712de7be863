"""Electronic Form D (2009+) as text: Items 1-16 in a pdftotext -layout rendering of the SEC's form."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.formd import extract_formd_text

FIXTURE = Path(__file__).parent / "fixtures" / "formd_electronic_layout.txt"


@pytest.fixture(scope="module")
def filing():
    return extract_formd_text(FIXTURE.read_text(encoding="utf-8")).filing


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("primary_issuer.cik", "0001838070"),
        ("primary_issuer.entity_name", "MFlux Inc."),  # not "Limited Partnership" from the column beside it
        ("primary_issuer.jurisdiction_of_inc", "DELAWARE"),
        ("primary_issuer.entity_type", "Corporation"),  # the bare "X" before the caption marks it
        ("primary_issuer.year_of_inc", "2019"),
        ("primary_issuer.street2", "SUITE 4"),
        ("primary_issuer.state_or_country", "CA"),  # "CALIFORNIA" -> "CA"
        ("primary_issuer.phone_number", "(614) 600-2397"),
        ("is_amendment", False),
        ("federal_exemptions", ["Rule 506(b)"]),
        ("date_of_first_sale", "2020-12-10"),
        ("minimum_investment_accepted", 0),
        ("offering_sales_amounts.total_remaining", 800_000),
        ("investors.accredited_count", 3),
        ("investors.non_accredited_count", 0),
        ("expenses.sales_commissions", 0),
        ("signature.signature_date", "2020-12-31"),
        ("signature.name_of_signer", "Xiang Li"),
    ],
)
def test_formd_electronic_items(filing, path: str, expected) -> None:
    """Trap: captions sit in header rows with values in the row below, beside other columns' captions."""
    obj = filing
    for part in path.split("."):
        obj = getattr(obj, part)
    assert obj == expected


def test_formd_electronic_related_person(filing) -> None:
    """Trap: Item 3 prints Last / First / Middle in columns; the name is "Last, First" like the XML import."""
    [p] = filing.related_persons
    assert (p.name, p.first_name, p.last_name, p.city, p.relationships) == (
        "Li, Xiang",
        "Xiang",
        "Li",
        "SAN FRANCISCO",
        ["Executive Officer", "Director"],
    )
    assert [s.type for s in filing.securities_offered] == ["equity"]
