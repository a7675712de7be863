"""Footnotes of "Explanation of Responses:" from OCR at 300 and 150 dpi: damaged ids and block order.

Real excerpts: dev documents (ocr300) and rendered filings read by tesseract at 150 dpi, where the ids
"(1)", "(2)", ... come out as "(ay", "Q)", "Oy", "@", "®", "(zy". Each test names the trap.
"""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_header_sections import _Unit, _weak_id
from extractor.ingest import normalise

HEAD = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 4(b)(v).

** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

"""
TAIL = "\nNote: File three copies of this Form, one of which must be manually signed. If space is insufficient, see Instruction 6 for procedure.\n"

# ocr150: the last two ids read as "Q)" and "Oy" ("(" lost, ")" read as "y")
DAMAGED_IDS_AFTER_LAST = """\
(1) The purchase reported herein was made in a private placement transaction entered into directly with the Issuer.

(2) Each American Depositary Share ("ADS") currently represents twenty (20) Ordinary Shares of the Issuer.

Q) Reported securities purchased in the private placement transaction as one ADS and one-tenth of one warrant (each whole warrant exercisable to purchase one ADS) for a combined price of
$17.3509 per unit.

Oy These securities are held of record by Rivendell Investments 2017-9 LLC. The Reporting Person is the beneficial owner of Rivendell Investments 2017-9 LLC and has sole voting and investment
power over the securities held by Rivendell Investments 2017-9 LLC.
"""

# ocr150: no id survived ("®", "(zy" on each footnote's middle line); the "**" line's wrapped end
# ". 1001 and 15 U.S.C. 78ff(a)." comes after a blank line
NO_ID_READ = """\
** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.

. 1001 and 15 U.S.C. 78ff(a).
The shares of Class A common stock were issued to the reporting person pursuant to the Eventbrite, Inc. Non-Employee Director Compensation Policy in lieu of cash payments of board and
® committee retainer fees.
Represents shares held by Sequoia Capital U.S. Venture 2010-Seed Fund, L.P. The Reporting Person is a director of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is the general partner of SC U.S.
(zy Venture 2010 Management, L.P., which is the general partner of Sequoia Capital U.S. Venture 2010-Seed Fund, L.P. The Reporting Person disclaims beneficial ownership of these securities except

to the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of
Section 16 or for any other purpose.
"""

# ocr300: "(1)" read as "(a)", the next id "(2)" read in order
LOST_FIRST_ID_AS_LETTER = """\
(a) Shares of Class B Common Stock, which are not registered under the Securities Exchange Act of 1934, as amended, are convertible into shares of Class A Common Stock on a share-for-share
basis.

The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of SC U.S. Growth VII Management, L.P., which is the general partner of
each of Sequoia Capital U.S. Growth Fund VII, L.P. ("GF VII") and Sequoia Capital U.S. Growth VII Principals Fund, L.P. ("GFVII PF") (collectively, the GF VII Funds); (ii) the general partner of
(2) SC U.S. Growth VIII Management, L.P., which is the general partner of Sequoia Capital U.S. Growth Fund VIII, L.P. ("GF VIII").
"""

# ocr300: the bare "(1)" read after the first line of footnote 2, which stops mid-sentence
BARE_ID_AFTER_NEXT_START = """\
Represents an award of restricted stock units, which vests in full on the date of the 2022 annual meeting of the Issuer's stockholders. Each restricted stock unit represents a contingent right to
receive one share of the Issuer's Class A Common Stock.

The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of SC U.S. Growth VII Management, L.P., which is the general partner of

(1)


(2) Sequoia Capital U.S. Growth Fund VII, L.P. and Sequoia Capital U.S. Growth VII Principals Fund, L.P. ("The GF VII Funds"), and (ii) the general partner of SC U.S. Growth VIII Management, L.P.,
which is the general partner of Sequoia Capital U.S. Growth Fund VIII, L.P.("GF VIII").
"""

# ocr300: "(continued from footnote 2)" opens footnote 3 although footnote 2's line ends with a comma
CONTINUED_FROM = """\
(1) Represents a distribution of Common Stock of the Issuer to partners or members.

The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of SC U.S. Growth VI Management, L.P., which is the general partner of
each of Sequoia Capital U.S. Growth Fund VI, L.P. (GFVI) and Sequoia Capital U.S. Growth VI Principals Fund, L.P. (GFVI PF) (collectively, the GFVI Funds); (ii) the general partner of SCGGF
(2) Management, L.P., which is the general partner of each of Sequoia Capital Global Growth Fund, LP (GGF) and Sequoia Capital Global Growth Principals Fund, LP (GGF PF) (collectively, the GGF
Funds); and (iii) the general partner of SCGGF III - Endurance Partners Management, L.P., which is the general partner of Sequoia Capital Global Growth Fund III - Endurance Partners, L.P.
(GGF III). SC XII Management, LLC is a general partner of each of Sequoia Capital XII, L.P. (XII) and Sequoia Technology Partners XII, L.P. (STP XII),
(continued from footnote 2) and the managing member of Sequoia Capital XII Principals Fund, LLC (XII PF) (collectively the XII Funds). Voting and disposition decisions at SC US (TTGP), Ltd.
(3) with respect to the shares held by the GGFIII are made by an investment committee that includes the Reporting Person.
"""

# ocr300: "(5S)" read with the footnote's last line "public offering." before its middle lines
ID_BLOCK_WITH_LAST_LINE = """\
Each share of Class B Common Stock is convertible at any time at the option of the Reporting Person into one share of Class A Common Stock and has no expiration date. All Class A Common

(5S)
public offering.

Stock and Class B Common Stock will convert automatically into Common Stock on the earlier of (i) the date on which the number of outstanding shares of Class B Common Stock represents less
than 10% of the aggregate combined number of outstanding shares of Class A Common Stock and Class B Common Stock and (ii) seven years following the effective date of the issuer's initial

In addition, each share of Class B Common Stock will convert automatically into one share of Class A Common Stock (i) upon any transfer, whether or not for value (subject to certain exceptions),
(6) or (ii) in the event of the death or disability (as defined in the amended and restated certificate of incorporation of the issuer) of the Reporting Person, or (iii) upon such date as is specified
affirmative vote or written consent of at least 66 2/3% of the outstanding shares of Class B Common Stock.
"""


def _notes(body: str, head: str = HEAD) -> dict[str, str]:
    return {f.id: f.text or "" for f in extract_header(normalise(head + body + TAIL)).footnotes}


def test_footnotes_ocr_damaged_ids_after_last_read() -> None:
    notes = _notes(DAMAGED_IDS_AFTER_LAST)
    assert list(notes) == ["1", "2", "3", "4"]
    assert notes["3"].startswith("Reported securities purchased") and notes["3"].endswith(
        "$17.3509 per unit."
    )
    assert notes["4"].startswith("These securities are held of record")


def test_footnotes_ocr_no_id_read_at_all() -> None:
    notes = _notes(NO_ID_READ, head="Explanation of Responses:\n\n")
    assert list(notes) == ["1", "2"]
    assert notes["1"] == (
        "The shares of Class A common stock were issued to the reporting person pursuant to the Eventbrite, Inc. "
        "Non-Employee Director Compensation Policy in lieu of cash payments of board and committee retainer fees."
    )
    assert notes["2"].startswith(
        "Represents shares held by Sequoia Capital U.S. Venture 2010-Seed Fund, L.P."
    )
    assert "SC U.S. Venture 2010 Management" in notes["2"] and notes["2"].endswith("any other purpose.")


def test_footnotes_ocr_lost_first_id_read_as_letter() -> None:
    notes = _notes(LOST_FIRST_ID_AS_LETTER)
    assert list(notes) == ["1", "2"]
    assert notes["1"].startswith("Shares of Class B Common Stock")


def test_footnotes_ocr_bare_id_after_next_footnote_start() -> None:
    notes = _notes(BARE_ID_AFTER_NEXT_START)
    assert notes["1"].endswith("one share of the Issuer's Class A Common Stock.")
    assert notes["2"].startswith("The Reporting Person is a director and stockholder")
    assert "general partner of Sequoia Capital U.S. Growth Fund VII" in notes["2"]


def test_footnotes_ocr_continued_from_footnote_opens_next() -> None:
    notes = _notes(CONTINUED_FROM)
    assert notes["2"].endswith("Sequoia Technology Partners XII, L.P. (STP XII),")
    assert notes["3"].startswith("(continued from footnote 2) and the managing member")


def test_footnotes_ocr_id_block_with_last_line() -> None:
    notes = _notes(ID_BLOCK_WITH_LAST_LINE)
    assert notes["1"].endswith(
        "All Class A Common Stock and Class B Common Stock will convert automatically into Common Stock on the "
        "earlier of (i) the date on which the number of outstanding shares of Class B Common Stock represents less "
        "than 10% of the aggregate combined number of outstanding shares of Class A Common Stock and Class B Common "
        "Stock and (ii) seven years following the effective date of the issuer's initial public offering."
    )
    assert notes["2"].startswith("In addition, each share of Class B Common Stock")


def _unit(line: str) -> _Unit:
    return _Unit(line.strip(), 0, len(line), False, line=line)


def test_footnotes_ocr_weak_id_tokens() -> None:
    # damaged ids, tier A (parenthesis / symbol / "y" for ")") and tier B (a two-letter word)
    for line, tier_a in [
        ("(ay The shares", True),
        ("GB) GFIV Funds", True),
        ("@ Technology Partners", True),
        ("® committee retainer fees.", True),
        ("Oy These securities", True),
        ("Q)", True),
        ("GB The Reporting Person", False),
    ]:
        got = _weak_id(_unit(line))
        assert got is not None and got[1] is tier_a, line
    # real text at a line start: clause numbers, words, a parenthesised name
    for line in ["(ii) the general partner of", "In addition, each share", "(GGF III). SC XII", "a share of"]:
        assert _weak_id(_unit(line)) is None, line
