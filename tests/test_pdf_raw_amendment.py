"""Plain pdftotext prints the header values in content-stream order, far from their labels: box 3's date
may come right after box 4's label ("4. If Amendment, Date Original Filed" / ... / "06/02/2013"), and box
4's date many lines on (after "(State)" and "6. Individual or Joint/Group Filing").

Fixtures: ``pdftotext`` (no ``-layout``) of EDGAR-shaped pages drawn by the generator (no dev filer): a
Form 4/A (period 06/13/2019, original filed 07/04/2019) and a Form 4 (one header date, 06/02/2013);
and tesseract's reading of a Form 3 whose only header date (box 2, 05/22/2024) comes after box 5's
label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.classify import classify_form_type
from extractor.classify.features import original_filed_date
from extractor.ingest import normalise

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_raw_amendment"


@pytest.mark.parametrize(
    ("fixture", "form_type", "period", "original"),
    [
        ("amendment_4a.txt", "4/A", "2019-06-13", "2019-07-04"),
        ("original_4.txt", "4", "2013-06-02", None),
        # tesseract (300 dpi), Form 3: box 2's date printed after box 5's label
        ("ocr_form3_period_after_label.txt", "3", "2024-05-22", None),
    ],
)
def test_amendment_read_from_the_header_dates(
    fixture: str, form_type: str, period: str, original: str | None
) -> None:
    nt = normalise((FIXTURES / fixture).read_text(encoding="utf-8"))
    assert classify_form_type(nt.text)[0] == form_type
    res = extract_header(nt)
    assert res.period_of_report == period
    assert res.date_of_original_submission == original
    if original is not None:
        start, end = res.spans["date_of_original_submission"]
        assert nt.text[start:end] == "07/04/2019"


def test_box_1_captions_end_the_amendment_date_search() -> None:
    """Box 3's date printed after box 1's "(State)" caption is not box 4's."""
    label = "4. If Amendment, Date Original Filed(Month/Day/Year)\n\n"
    assert original_filed_date(label + "BEACHWOOD, OH 44122\n(State)\n\nSecretary\n06/02/2013\n") is None
    assert original_filed_date(label + "06/04/2013\n(State)\n") == "06/04/2013"
