"""Contract tests: form sections found by their labels (extractor.layout.sections)."""

from __future__ import annotations

import pytest

from extractor.layout import find_sections, split_lines
from extractor.layout.sections import TABLE_I, TABLE_II, is_page_furniture, is_table_end


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(City)\t(State) (Z\tZip) Table\tI - Non-D\terivative S\tSecuri\tties Acq\tquired", TABLE_I),
        ("(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of", TABLE_I),
        ("Table l - Non-Derivative Securities Beneficially Owned", TABLE_I),
        ("**Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned**", TABLE_II),
        ("          Table II - Derivative Securities Beneficially Owned (e.g., puts, calls)", TABLE_II),
        ("Reporting Owners", "reporting_owners"),
        ("Explanation of Responses:", "explanation"),
    ],
)
def test_labels_survive_tabs_ocr_and_markdown(text: str, name: str) -> None:
    """Trap: a PDF dump tears the label into TAB cells, OCR reads ``I`` as ``l``, markdown adds ``**``."""
    sections = find_sections(split_lines("header\n" + text + "\nbody"))
    assert [s.name for s in sections] == [name]
    assert sections[0].label_line == 1


@pytest.mark.parametrize(
    ("text", "end", "furniture"),
    [
        ("Reminder: Report on a separate line for each class of securities", True, False),
        ("SEC 1474 (9-02)", True, False),
        ("Edgar Filing: KINGHORN DWAIN A - Form 4", False, True),
        ("Class A Common Stock   06/20/2019   C   846,821 A", False, False),
    ],
)
def test_table_end_and_page_furniture(text: str, end: bool, furniture: bool) -> None:
    """Trap: a running page head inside a table is skipped, not taken as the table's end."""
    (line,) = split_lines(text)
    assert is_table_end(line) is end
    assert is_page_furniture(line) is furniture
