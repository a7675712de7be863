"""Plain ``pdftotext`` (content-stream order) of an SEC Form 3 page: the officer's title is printed in
the Reporting Owners table on a line of its own after the relationship labels, far from box 4."""

from __future__ import annotations

from pathlib import Path

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise, read_document

FIXTURE = Path(__file__).parent / "fixtures" / "pdf_raw_form3_officer.txt"


def test_pdf_raw_officer_title_from_owners_table() -> None:
    owner = extract_header(read_document(FIXTURE)).reporting_owners[0]
    assert (owner.name, owner.is_officer, owner.officer_title) == ("Rogers Lori L", True, "VP, Sales")
    assert owner.city == "NEW YORK" and owner.street2 is None


def test_no_title_when_box_marks_no_officer() -> None:
    """The same page with the Officer box unmarked: a title-like line is not read as a title."""
    text = (
        read_document(FIXTURE)
        .text.replace("__X__ Officer", "_____ Officer")
        .replace("_____ Director", "__X__ Director", 1)
    )
    owner = extract_header(normalise(text)).reporting_owners[0]
    assert owner.officer_title is None
