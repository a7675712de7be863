"""A paper-era Form D printed on a page narrower than its lines: captions and values wrap.

Fixture: ``pdftotext -layout`` of a generated paper Form D (``benchmarks/formd_paper_ocr.py``, seed 901)
printed as a monospaced letter page. The jurisdiction caption's parenthetical wraps ("... for State:" /
"CN for Canada; FN for other foreign jurisdiction) IL"), and addresses wrap after a comma
("2029 Century Park East, Suite 1370," / "Los Angeles, CA 90067").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.formd import extract_formd
from extractor.assemble.formd_text import cells
from extractor.ingest import normalise
from extractor.records import FormDFiling

FIXTURE = Path(__file__).parent / "fixtures" / "formd_paper_printed" / "wrapped_lines_pdf_layout.txt"


def _filing() -> FormDFiling:
    filing = extract_formd(normalise(FIXTURE.read_text(encoding="utf-8"))).filing
    assert isinstance(filing, FormDFiling)
    return filing


def test_wrapped_jurisdiction_caption() -> None:
    issuer = _filing().primary_issuer
    assert issuer is not None and issuer.jurisdiction_of_inc == "IL"


def test_address_wrapped_after_a_comma() -> None:
    persons = _filing().related_persons
    first = persons[0]
    assert (first.name, first.street1, first.street2, first.city, first.state_or_country, first.zip_code) == (
        "Robert J. Speyer",
        "2029 Century Park East",
        "Suite 1370",
        "Los Angeles",
        "CA",
        "90067",
    )
    third = persons[2]
    assert (third.city, third.state_or_country, third.zip_code) == ("Seattle", "WA", "98104")


@pytest.mark.parametrize(
    ("line", "values"),
    [
        # tesseract (300 dpi) of the printed page: "-0-" read as "-Q-"
        ("Non-accredited Investors..... -Q- $ -Q-", [0, 0]),
        ("Non-accredited Investors..... -O- $ -0-", [0, 0]),
        # a glyph after "$" and a space after a thousands comma
        ("Working capital..... $s $ «33, 744,753.00", [33744753.0]),
        # two cells are still two cells; a comma and three digits after a space are one number
        ("Accredited Investors..... 4 $ 33,769,753.00", [4, 33769753.0]),
        ("Total..... 12, 345 $ 1, 20", [12345, 1, 20]),
    ],
)
def test_ocr_cells(line: str, values: list[float]) -> None:
    """OCR damage in Part C cells: a printed zero misread, a stray glyph, a space after a comma."""
    assert [c.value for c in cells(line, 0, len(line)) if not c.blank] == values
