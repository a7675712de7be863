"""Signature name and date above each "**Signature of Reporting Person" label."""

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

W3M_ONE = """\
Signatures

 /s/ Susan Szotek, Attorney-in-Fact           10/03/2024

 ^**Signature of Reporting Person               Date
"""

# pdf_layout puts "**" and "Date" on the row above the label
PDF_LABEL_ROW = """\
Signatures
/s/ Jason Gao, Attorney-in-Fact                          06/21/2018
        **                                                   Date
             Signature of Reporting Person
"""

PDF_TWO = """\
Signatures
/s/ Peter Thiel                         03/03/2021
    **Signature of Reporting Person           Date



/s/ Brian A. Singerman                  03/03/2021
    **Signature of Reporting Person           Date
"""

# OCR reading order: the date comes after the label
OCR_DATE_BELOW = """\
Signatures

/s/ Jason Gao, Attorney-in-Fact

\u201csignature of Reporting Person

07/05/2018
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (W3M_ONE, [("/s/ Susan Szotek, Attorney-in-Fact", "2024-10-03")]),
        (PDF_LABEL_ROW, [("/s/ Jason Gao, Attorney-in-Fact", "2018-06-21")]),
        (PDF_TWO, [("/s/ Peter Thiel", "2021-03-03"), ("/s/ Brian A. Singerman", "2021-03-03")]),
        (OCR_DATE_BELOW, [("/s/ Jason Gao, Attorney-in-Fact", "2018-07-05")]),
    ],
)
def test_ownership_header_signatures_blocks(text: str, expected: list[tuple[str, str]]) -> None:
    """Trap: the label row's "Date" glued to the name, or the second signer merged into the first."""
    res = extract_header(normalise(text))
    assert [(s.name, s.date) for s in res.signatures] == expected
    for k, sig in enumerate(res.signatures):
        s, e = res.spans[f"signatures[{k}].name"]
        assert text[s:e] == sig.name
