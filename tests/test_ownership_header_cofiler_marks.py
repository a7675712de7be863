"""Co-filers' relationships read from their own row of the Reporting Owners table (w3m columns, tabbed
"Other" text), and the pdftotext-layout trap where the label columns do not line up with the marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise, read_document

REL = ("is_director", "is_officer", "is_ten_percent_owner", "is_other")

# w3m of a Form 3 (rendered SEC page) co-filed by a director and a fund that is only a 10% owner;
# box 4 is the director's.
W3M_COFILED = (Path(__file__).parent / "fixtures" / "w3m_cofiled_form3.txt").read_text(encoding="utf-8")

# Our HTML ingest of the SEC page: cells by TAB; the "Other" column holds the owner's description.
TABBED_OTHER = (
    "4. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n"
    "_____ Director\t_____ 10% Owner\n_____ Officer (give title below)\t__X__ Other (specify below)\n"
    "Director by deputization\n"
    "Reporting Owners\nReporting Owner Name / Address\tRelationships\n"
    "\tDirector\t10% Owner\tOfficer\tOther\n"
    "Moten Anna\n6009 W PARKER RD, SUITE 149\nPLANO, TX 74093\t\t\t\tDirector by deputization\n"
    "Vantage Group Holdings Investors Fund XV, L.P.\n6009 W PARKER RD, SUITE 149\nPLANO, TX 74093\t\tX\t\t\n"
    "Signatures\n"
)


def _rel(owner: object) -> list[str]:
    return [k for k in REL if getattr(owner, k)]


def test_w3m_cofilers_marks_by_column() -> None:
    """Trap: every co-filer used to get box 4's Director mark; the fund's own row marks 10% Owner."""
    owners = extract_header(normalise(W3M_COFILED)).reporting_owners
    assert [o.name for o in owners] == ["Carrillo Carissa", "Sideway Opportunity Fund II, L.P."]
    assert [_rel(o) for o in owners] == [["is_director"], ["is_ten_percent_owner"]]


def test_tabbed_other_column_text() -> None:
    owners = extract_header(normalise(TABBED_OTHER)).reporting_owners
    assert owners[0].name == "Moten Anna"
    assert (owners[0].is_other, owners[0].other_text) == (True, "Director by deputization")
    assert _rel(owners[1]) == ["is_ten_percent_owner"]


DEV_PDF = Path(__file__).resolve().parents[2] / "shared/data/dev/docs/dev_ed48f40bb2_pdf_layout.txt"


@pytest.mark.skipif(not DEV_PDF.is_file(), reason="shared dev documents not available")
def test_pdf_layout_label_columns_not_trusted_against_box() -> None:
    """Real ``pdftotext -layout``: labels single-spaced over wide cells put both owners' X (10% Owner)
    under the word "Officer". Box 4 says 10% Owner, so the columns are not believed."""
    owners = extract_header(read_document(DEV_PDF)).reporting_owners
    assert [_rel(o) for o in owners] == [["is_ten_percent_owner"], ["is_ten_percent_owner"]]


def test_w3m_officer_title_in_table_counts_as_the_officer_mark() -> None:
    """The first owner's row prints its title under "Officer" and no X: that is its Officer box, so
    the columns agree with box 4 and the second owner keeps its own 10% Owner mark."""
    text = (Path(__file__).parent / "fixtures" / "w3m_cofiled_officer_title.txt").read_text(encoding="utf-8")
    owners = extract_header(normalise(text)).reporting_owners
    assert [o.name for o in owners] == ["BAXLEY ALISHA E", "DUNNIGAN SALLY B"]
    assert [_rel(o) for o in owners] == [["is_officer"], ["is_ten_percent_owner"]]
    assert (owners[0].officer_title, owners[1].officer_title) == ("Chief Technology Officer", None)
