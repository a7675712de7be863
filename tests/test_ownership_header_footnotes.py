"""Footnotes of "Explanation of Responses:" whose id sits on the middle line of a wrapped note."""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

W3M_MIDDLE_ID = """\
Explanation of Responses:

*   If the form is filed by more than one reporting person, see Instruction 4(b)(v).

**  Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

(1) Each share is represented by a restricted stock unit (RSU). Each RSU represents a contingent right to receive one share upon
    settlement.

    The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is the general partner of SCGF IV
(2) Management, L.P. The Reporting Person disclaims beneficial ownership of the securities except to the extent of his pecuniary
    interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial
    ownership.

Note: File three copies of this Form, one of which must be manually signed.
"""

PDF_BARE_ID = """\
Explanation of Responses:
*     If the form is filed by more than one reporting person, see Instruction 4(b)(v).
**    Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).
      These shares represent restricted stock units (each, an "RSU"). 100% of the RSUs vest on the earlier of (i)
(1)
      May 21, 2021 or (ii) the next annual meeting of stockholders of the Issuer.
      The stock option vests and becomes exercisable on the earlier of (i) May 21, 2021 or (ii) the next annual meeting
(2)
      of stockholders of the Issuer.



Note: File three copies of this Form, one of which must be manually signed.
"""

MARKDOWN_LEADING_ID = """\
Explanation of Responses:

- * If the form is filed by more than one reporting person, see Instruction 4(b)(v).
- ** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).
- (1) Transaction pursuant to Reporting Person's 10b5-1 plan.
- (2) The option vested as to 1/4 of the shares subject to the option on the "Date Exercisable" and each anniversary thereof.
- (3) Not applicable.

Note: File three copies of this Form, one of which must be manually signed.
"""

# OCR damages "(1)" into "(D" and drops the "**" of the instruction line.
OCR_DAMAGED_ID = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 4(b)(v).
Tntentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

(D These shares were received as part of a pro rata distribution-in-kind to the limited partners of an investment fund.

(2) Not applicable.

Remarks:
Exhibit 24 - Power of Attorney

Note: File three copies of this Form, one of which must be manually signed.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            W3M_MIDDLE_ID,
            [("1", "Each share", "upon settlement."), ("2", "The Reporting Person", "ownership.")],
        ),
        (PDF_BARE_ID, [("1", "These shares", "of the Issuer."), ("2", "The stock option", "of the Issuer.")]),
        (
            MARKDOWN_LEADING_ID,
            [
                ("1", "Transaction", "plan."),
                ("2", "The option", "thereof."),
                ("3", "Not applicable.", "Not applicable."),
            ],
        ),
        (
            OCR_DAMAGED_ID,
            [("1", "These shares", "investment fund."), ("2", "Not applicable.", "Not applicable.")],
        ),
    ],
)
def test_ownership_header_footnotes_split(text: str, expected: list[tuple[str, str, str]]) -> None:
    """Trap: the lines above a middle-line id belong to that id's note, not to the previous one."""
    res = extract_header(normalise(text))
    got = [(f.id, f.text) for f in res.footnotes]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for (_, body), (_, head, tail) in zip(got, expected, strict=True):
        assert body is not None
        assert body.startswith(head)
        assert body.endswith(tail)
        assert "Intentional" not in body and "Tntentional" not in body


@pytest.mark.parametrize(("text", "remarks"), [(OCR_DAMAGED_ID, "Exhibit 24 - Power of Attorney")])
def test_ownership_header_footnotes_remarks_end_the_section(text: str, remarks: str) -> None:
    """Trap: "Remarks:" text glued onto the last footnote."""
    res = extract_header(normalise(text))
    assert res.remarks == remarks
    assert res.footnotes[-1].text == "Not applicable."
