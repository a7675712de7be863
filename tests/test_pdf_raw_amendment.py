"""Plain pdftotext prints the header values in content-stream order, far from their labels: box 3's date
may come right after box 4's label ("4. If Amendment, Date Original Filed" / ... / "06/02/2013"), and box
4's date many lines on (after "(State)" and "6. Individual or Joint/Group Filing").

Fixtures: ``pdftotext`` (no ``-layout``) of EDGAR-shaped pages drawn by the generator (no dev filer): a
Form 4/A (period 06/13/2019, original filed 07/04/2019) and a Form 4 (one header date, 06/02/2013).
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


def test_a_lone_header_date_next_to_the_amendment_label_is_the_period() -> None:
    text = (
        "FORM 4\n3. Date of Earliest Transaction (Month/Day/Year)\n4. If Amendment, Date Original Filed"
        "(Month/Day/Year)\n06/02/2013\n(Street)\nTable I - Non-Derivative Securities\n"
    )
    assert original_filed_date(text) is None
    # with box 3's date above it, the date by the label is box 4's
    assert original_filed_date(text.replace("FORM 4\n", "FORM 4\n05/30/2013\n")) == "06/02/2013"
