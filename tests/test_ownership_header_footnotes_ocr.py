"""Footnotes of "Explanation of Responses:" as tesseract reads them (OCR of the printed form, 300 dpi).

Real excerpts of dev documents (ocr300). OCR reads the footnote block as separate text blocks: an id can
land alone between blank lines, before or after its text; ids get lost or damaged; a blank line can cut a
footnote mid-sentence. Each test names the trap.
"""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

OCR_BLOCK_BREAK_MID_SENTENCE = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 4(b)(v).
Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

a) Each share is represented by a restricted stock unit (RSU). Each RSU represents a contingent right to receive one share of the Issuer's Class A Common Stock upon settlement. The RSUs were
issued pursuant to the Issuer's Outside Director Compensation Policy, and 100% of the RSUs were vested as of the date of grant.

SC US (TTGP), Ltd. is the general partner of SC U.S. Venture 2010 Management, L.P., which is the general partner of Sequoia Capital U.S. Venture 2010-Seed Fund, L.P., or collectively, the

(2) Venture 2010 Funds. The Reporting Person is a Director of SC US (TTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the Venture 2010 Funds except to
the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of
Section 16 or for any other purposes.

SC US (TTGP), Ltd. is the general partner of SCGF IV Management, L.P., which is the general partner of Sequoia Capital U.S. Growth Fund IV, L.P. and Sequoia Capital USGF Principals Fund IV,
(3) L.P., or collectively, the SC GFIV Funds. The Reporting Person is a Director of SC US (TTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the SC GFIV


Funds except to the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities
for purposes of Section 16 or for any other purposes.

Note: File three copies of this Form, one of which must be manually signed.
"""

OCR_LOST_FIRST_IDS = """\
Explanation of Responses:

ES If the form is filed by more than one reporting person, see Instruction 4(b)(v).
Boe Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

Share numbers have been adjusted to reflect changes in form of beneficial ownership for no consideration in transfers exempt from Section 16 pursuant to Rule 16a-13 under the Securities Exchange
Act of 1934, as amended.

These shares were not subject to a particular transaction during the dates covered by this Form 4 and are listed here to disclose the Reporting Person's holdings as required by Securities and
Exchange Commission rules.

These shares are held of record by FF Pathfinder VI, LLC ("FF Pathfinder"). The Reporting Person is one of the managing members of The Founders Fund VI Management, LLC, which is the
(3) managing member of FF Pathfinder. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF Pathfinder. The Reporting Person disclaims beneficial
ownership over the shares held by FF Pathfinder except to the extent of his pecuniary interest therein.

These shares are held of record by FF4 Investment LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by FF4

4) Investment LLC.

(5) These shares are held of record by PLTR Holdings LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by PLTR
Holdings LLC.

(6) These shares are held of record by Rivendell 7 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by Rivendell 7
LLC.

Note: File three copies of this Form, one of which must be manually signed.
"""

OCR_IDS_AFTER_TEXTS = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 4(b)(v).
** Tntentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

Each share is represented by a restricted stock unit (RSU). Each RSU represents a contingent right to receive one share of the Issuer's Class A Common Stock upon settlement. The RSUs were
issued pursuant to the Issuer's Outside Director Compensation Policy, and 100% of the RSUs were vested as of the date of grant.

SC US (TTGP), Ltd. is the general partner of SC U.S. Venture 2010 Management, L.P., which is the general partner of Sequoia Capital U.S. Venture 2010-Seed Fund, L.P., or collectively, the
Venture 2010 Funds. The Reporting Person is a Director of SC US (TTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the Venture 2010 Funds except to
the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of
Section 16 or for any other purposes.

SC US (TTGP), Ltd. is the general partner of SCGF IV Management, L.P., which is the general partner of Sequoia Capital U.S. Growth Fund IV, L.P. and Sequoia Capital USGF Principals Fund IV,
L.P., or collectively, the SC GFIV Funds. The Reporting Person is a Director of SC US (TTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the SC GFIV
Funds except to the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities
for purposes of Section 16 or for any other purposes.

(1)

(2)

(3)

Note: File three copies of this Form, one of which must be manually signed.
"""

OCR_BARE_ID_BEFORE_NEXT = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 4(b)(v).

** Tntentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

(1)

(2) Total includes 2,742 shares held in escrow due to pending claims.

Represents an automatic annual restricted stock unit (RSU) award issued pursuant to the Issuer's Outside Director Compensation Policy. Each RSU represents a contingent right to receive one
share of Issuer's Class A Common Stock upon settlement. 100% of the RSUs vest on the earlier of June 16, 2021, or the date of the Issuer's next annual meeting of stockholders.

SC US (TTGP), Ltd. is the general partner of SCGF IV Management, L.P., which is the general partner of Sequoia Capital U.S. Growth Fund IV, L.P. and Sequoia Capital USGF Principals Fund IV,

(3)

for purposes of Section 16 or for any other purposes.

(4) Total includes 113 shares held in escrow due to pending claims.

Note: File three copies of this Form, one of which must be manually signed.
"""

OCR_BARE_ID_RUN = """\
Explanation of Responses:
* If the form is filed by more than one reporting person, see Instruction 4(b)(v).

20 Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

(1) Reflects the conversion of Class B Common Stock into Class A Common Stock.

(2) The Class B Common Stock is convertible into the Issuer's Class A Common Stock on a 1-for-1 basis and has no expiration date.

These shares are held of record by FF Pathfinder VI, LLC ("FF Pathfinder"). The Reporting Person is one of the managing members of The Founders Fund VI Management, LLC, which is the



(3) managing member of FF Pathfinder. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF Pathfinder. The Reporting Person disclaims beneficial
ownership over the shares held by FF Pathfinder except to the extent of his pecuniary interest therein.

A These shares were not subject to a particular transaction during the dates covered by this Form 4 and are listed here to disclose the Reporting Person's holdings as required by Securities and
(4) Exchange Commission rules.

These shares are held of record by The Founders Fund, LP ("FF-I"). The Reporting Person is one of the managing members of The Founders Fund Management, LLC, which is the general

(5) partner of FF-I. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF-I. The Reporting Person disclaims beneficial ownership over the shares held by

FF-I except to the extent of his pecuniary interest therein.

These shares are held of record by The Founders Fund II, LP ("FF-II"). The Reporting Person is one of the managing members of The Founders Fund II Management, LLC ("FFIIM"), which is the
(6) general partner of FF-II. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF-II. The Reporting Person disclaims beneficial ownership over the
shares held by FF-II except to the extent of his pecuniary interest therein.

These shares are held of record by The Founders Fund II Entrepreneurs Fund, LP ("FF-IIE"). The Reporting Person is one of the managing members of FFIIM, which is the general partner of
(7) FF-IIE. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF-IIE. The Reporting Person disclaims beneficial ownership over the shares held by FF-
IIE except to the extent of his pecuniary interest therein.

These shares are held of record by The Founders Fund II Principals Fund, LP ("FF-IIP"). The Reporting Person is one of the managing members of FFIIM, which is the general partner of FF-IIP.
(8) The Reporting Person may be deemed to have beneficial ownership over the securities held by FF-IIP. The Reporting Person disclaims beneficial ownership over the shares held by FF-IIP except
to the extent of his pecuniary interest therein.

These shares are held of record by The Founders Fund III, LP ("FF-III"). The Reporting Person is one of the managing members of The Founders Fund III Management, LLC ("FFIIIM"), which is
(9) the general partner of FF-III. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF-III. The Reporting Person disclaims beneficial ownership over the
shares held by FF-III except to the extent of his pecuniary interest therein.

These shares are held of record by The Founders Fund III Entrepreneurs Fund, LP ("FF-IIIE"). The Reporting Person is one of the managing members of FFIIIM, which is the general partner of
(10) FF-IIIE. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF-IIIE. The Reporting Person disclaims beneficial ownership over the shares held by FF-
IIIE except to the extent of his pecuniary interest therein.

These shares are held of record by The Founders Fund III Principals Fund, LP ("FF-IIIP"). The Reporting Person is one of the managing members of FFIIIM, which is the general partner of FF-
(11) IP. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF-IIIP. The Reporting Person disclaims beneficial ownership over the shares held by FF-IIIP
except to the extent of his pecuniary interest therein.

These shares are held of record by FF4 Investment LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
FF4 Investment LLC.

These shares are held of record by PLTR Holdings LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
PLTR Holdings LLC.

These shares are held of record by Rivendell 7 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
Rivendell 7 LLC.

These shares are held of record by Rivendell 25 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
Rivendell 25 LLC.

These shares are held of record by STS Holdings II LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
STS Holdings II LLC.

(17) These shares are held of record by Clarium L.P. ("Clarium"). The Reporting Person is the President of Clarium Capital Management, LLC, which is the general partner of Clarium. The Reporting
Person may be deemed to have beneficial ownership over the securities held by Clarium.

(12)
(13)
(14)
(15)

(16)

Note: File three copies of this Form, one of which must be manually signed.
"""

OCR_DAMAGED_TWO_DIGIT_ID = """\
Explanation of Responses:


a8 If the form is filed by more than one reporting person, see Instruction 4(b)(v).

ae Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

(1) The sales reported on this Form 4 were effected pursuant to a preexisting Rule 10b5-1 trading plan adopted by the holder on May 15, 2024.

(2) This transaction was executed in multiple trades at prices ranging from $36.60 to $37.46. The price above reflects the weighted average sale price. The Reporting Person undertakes to provide, upon request by the staff of the Securities and Exchange Commission, the Issuer or a security holder of the Issuer
(3) These shares are held of record by Rivendell 7 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by Rivendell 7 LLC.

(4) This transaction was executed in multiple trades at prices ranging from $36.17 to $37.15. The price above reflects the weighted average sale price. The Reporting Person undertakes to provide, upon request by the staff of the Securities and Exchange Commission, the Issuer or a security holder of the Issuer
(5) This transaction was executed in multiple trades at prices ranging from $37.16 to $37.32. The price above reflects the weighted average sale price. The Reporting Person undertakes to provide, upon request by the staff of the Securities and Exchange Commission, the Issuer or a security holder of the Issuer
(6) This transaction was executed in multiple trades at prices ranging from $36.07 to $37.05. The price above reflects the weighted average sale price. The Reporting Person undertakes to provide, upon request by the staff of the Securities and Exchange Commission, the Issuer or a security holder of the Issuer
(7) This transaction was executed in multiple trades at prices ranging from $37.06 to $37.53. The price above reflects the weighted average sale price. The Reporting Person undertakes to provide, upon request by the staff of the Securities and Exchange Commission, the Issuer or a security holder of the Issuer
(8) These shares were not subject to a particular transaction during the dates covered by this Form 4 and are listed here to disclose the Reporting Person's holdings as required by Securities and Exchange Commission rules.

(9) These shares are held of record by STS Holdings II LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by STS Holdings II LLC.

(10) These shares are held of record by PLTR Holdings LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by PLTR Holdings LLC.

qi) These shares are held of record by Rivendell 25 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by Rivendell 25 LLC.

Remarks:

This Form 4 has been compiled based on applicable requirements to reflect the specific transactions described herein and is not intended to disclose or describe all shares and/or other equity securities owned or beneficially held by the Reporting Person. For add

Note: File three copies of this Form, one of which must be manually signed.
"""


def _notes(text: str) -> dict[str, str]:
    return {f.id: f.text or "" for f in extract_header(normalise(text)).footnotes}


@pytest.mark.parametrize("text", [OCR_BLOCK_BREAK_MID_SENTENCE])
def test_ownership_header_footnotes_ocr_blank_line_mid_sentence(text: str) -> None:
    """Trap: OCR puts a blank line inside a footnote ("... or collectively, the" / blank / "(2) Venture
    2010 Funds."); only a blank line after a finished sentence starts a new footnote."""
    notes = _notes(text)
    assert list(notes) == ["1", "2", "3"]
    assert notes["1"].endswith("vested as of the date of grant.")
    assert notes["2"].startswith("SC US (TTGP), Ltd. is the general partner of SC U.S. Venture 2010")
    assert notes["2"].endswith("for any other purposes.")


@pytest.mark.parametrize("text", [OCR_LOST_FIRST_IDS])
def test_ownership_header_footnotes_ocr_lost_ids_from_paragraphs(text: str) -> None:
    """Trap: "(1)" and "(2)" are gone and the first id read is "(3)"; "(4)" reads "4)". The paragraphs
    before "(3)" are footnotes 1 and 2, not one long footnote 1 or part of 3."""
    notes = _notes(text)
    assert list(notes)[:6] == ["1", "2", "3", "4", "5", "6"]
    assert notes["1"].startswith("Share numbers have been adjusted")
    assert notes["1"].endswith("Act of 1934, as amended.")
    assert notes["2"].startswith("These shares were not subject")
    assert notes["2"].endswith("Exchange Commission rules.")
    assert notes["3"].startswith("These shares are held of record by FF Pathfinder")
    assert notes["4"].endswith("securities held by FF4 Investment LLC.")


@pytest.mark.parametrize("text", [OCR_IDS_AFTER_TEXTS])
def test_ownership_header_footnotes_ocr_ids_after_texts(text: str) -> None:
    """Trap: OCR read the text column first and the id column after it: "(1)" "(2)" "(3)" follow all
    the texts; each paragraph is one footnote, in order."""
    notes = _notes(text)
    assert list(notes) == ["1", "2", "3"]
    assert notes["1"].endswith("vested as of the date of grant.")
    assert notes["2"].startswith("SC US (TTGP), Ltd. is the general partner of SC U.S. Venture 2010")
    assert notes["3"].startswith("SC US (TTGP), Ltd. is the general partner of SCGF IV")


@pytest.mark.parametrize("text", [OCR_BARE_ID_BEFORE_NEXT])
def test_ownership_header_footnotes_ocr_bare_id_text_after_next(text: str) -> None:
    """Trap: "(1)" alone, then "(2) Total includes ..." and only then the text of (1); footnote 1 must
    not vanish nor be glued onto footnote 2."""
    notes = _notes(text)
    assert list(notes) == ["1", "2", "3", "4"]
    assert notes["1"].startswith("Represents an automatic annual restricted stock unit")
    assert notes["2"] == "Total includes 2,742 shares held in escrow due to pending claims."


@pytest.mark.parametrize("text", [OCR_BARE_ID_RUN])
def test_ownership_header_footnotes_ocr_run_of_bare_ids(text: str) -> None:
    """Trap: ids (12)-(16) read as one block after their five paragraphs, and "(17)" read before them;
    the block's paragraphs are 12-16 and "(17)" is still footnote 17."""
    notes = _notes(text)
    assert list(notes) == [str(n) for n in range(1, 18)]
    assert notes["12"].endswith("held by FF4 Investment LLC.")
    assert notes["16"].endswith("held by STS Holdings II LLC.")
    assert notes["17"].startswith("These shares are held of record by Clarium")


@pytest.mark.parametrize("text", [OCR_DAMAGED_TWO_DIGIT_ID])
def test_ownership_header_footnotes_ocr_damaged_ids(text: str) -> None:
    """Trap: "qi)" is "(11)" and "a8 If the form is filed ..." is the form's "*" instruction, not the
    start of footnote 1."""
    notes = _notes(text)
    assert list(notes) == [str(n) for n in range(1, 12)]
    assert notes["1"].startswith("The sales reported on this Form 4")
    assert notes["10"].endswith("held by PLTR Holdings LLC.")
    assert notes["11"].startswith("These shares are held of record by Rivendell 25 LLC")


PDF_HYPHEN_WRAP = """\
Explanation of Responses:
*     If the form is filed by more than one reporting person, see Instruction 4(b)(v).
(1)   These shares are held of record by The Founders Fund III Principals Fund, LP ("FF-IIIP"). The general partner of FF-
      IIIP is FFIIIM.

Note: File three copies of this Form, one of which must be manually signed.
"""


@pytest.mark.parametrize(("text", "part"), [(PDF_HYPHEN_WRAP, "general partner of FF-IIIP is")])
def test_ownership_header_footnotes_hyphen_at_line_end(text: str, part: str) -> None:
    """Trap: a line wrapped after a compound's hyphen ("FF-" / "IIIP") must not become "FF- IIIP"."""
    assert part in _notes(text)["1"]


W3M_SKIPPED_ID = """\
Explanation of Responses:

*   If the form is filed by more than one reporting person, see Instruction 4(b)(v).

(1) Each share is represented by a restricted stock unit (RSU). Each RSU represents a contingent right to receive one share upon
    settlement.

    The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is the general partner of SCGF IV
(3) Management, L.P. The Reporting Person disclaims beneficial ownership of the securities except to the extent of his pecuniary
    interest therein.

Note: File three copies of this Form, one of which must be manually signed.
"""


@pytest.mark.parametrize("text", [W3M_SKIPPED_ID])
def test_ownership_header_footnotes_skipped_id_not_invented(text: str) -> None:
    """Trap: a filing whose numbering skips "(2)"; the lines above "(3)" are its own, not a lost "(2)"
    (lost ids are only given to spare paragraphs)."""
    notes = _notes(text)
    assert list(notes) == ["1", "3"]
    assert notes["3"].startswith("The Reporting Person is a director")
