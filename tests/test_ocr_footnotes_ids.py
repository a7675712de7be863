"""Footnote ids of OCR pages (tesseract at 150 / 300 dpi) that the id sequence alone cannot place.

Real excerpts of rendered Forms 4 read by OCR. Each test names the trap:

* several ids in a row damaged ("@", "()_", "(g)") or lost, so the next exact id read is "(7)" after
  "(2)", and a stray "(4)" read at the end of the section;
* the ids of the last footnotes read as one damaged column after all the texts ("6)", ")", "0°)", "ch)");
* an id read twice, "(4)" on the middle line and a bare "4" before the first word;
* one id read alone after all the texts, the others in place;
* a word misread once ("shates", "LLL", "(ITTGP)") where the footnotes print it correctly more often;
* ids lost in place and read alone later, out of order ("(1)", "(2)" after "(3)");
* a run of bare ids ("(4)", "(6)" for "(5)") after texts that no blank line separates.
"""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

HEAD = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 4(b)(v).

** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

"""
TAIL = "\nNote: File three copies of this Form, one of which must be manually signed. If space is insufficient, see Instruction 6 for procedure.\n"

# ocr150: ids 3-6 damaged ("@", "()_", "©" on a last line) or lost, "(7)," read, 8 and 9 as "®)" and
# "(g)", and the lost "(4)" read alone at the very end of the section
DAMAGED_RUN = """\
(1) The sales reported on this Form 4 were effected pursuant to a preexisting Rule 10b5-1 trading plan adopted by the holder.

These shares are held of record by FF Pathfinder VI, LLC ("FF Pathfinder"). The Reporting Person is one of the managing members of The Founders Fund VI Management, LLC, which is the
(2) managing member of FF Pathfinder. The Reporting Person may be deemed to have beneficial ownership over the securities held by FF Pathfinder. The Reporting Person disclaims beneficial
ownership over the shares held by FF Pathfinder except to the extent of his pecuniary interest therein.
\f@ These shares were not subject to a particular transaction during the dates covered by this Form 4 and are listed here to disclose the Reporting Person's holdings as required by Securities and
Exchange Commission rules.

These shares are held of record by FF4 Investment LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by

FF4 Investment LLC.

()_ These shates are held of record by PLTR Holdings LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
PLTR Holdings LLC.
These shares are held of record by Rivendell 7 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by

© Rivendell 7 LLC.

(7), These shates are held of record by Rivendell 25 LLC, of which the Reporting Person isthe sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
Rivendell 25 LLC.

These shares are held of record by STS Holdings II LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
®) STS Holdings II LLC.

(g) These shates are held of record by PT Ventures, LLC, of which the Reporting Person is the Managing Member. The Reporting Person has beneficial ownership over the securities held by PT
Ventures, LLC.

(10) These shates are held of record by Thiel Capital LLL, of which the Reporting Person is the Manager. The Reporting Person has beneficial ownership over the securities held by Thiel Capital
LLC.
These shares are held of record by Mithril PAL-SPV 1, LLC ("Mithril"). The Reporting Person is the Chairman of the Investment Committee of Mithril GP LP, the General Partner of Mithril LP,
(11) which, in turn, owns Mithril. The Reporting Person may be deemed to have beneficial ownership over the securities held by Mithril. The Reporting Person disclaims beneficial ownership of the
shares held by Mithril except to the extent of his pecuniary interest therein.

(4)
"""

# ocr150: (1) and (3) lost, (2) and (4) read in place, the ids 5-12 read as a column after all texts
ID_COLUMN_AFTER_TEXTS = """\
This transaction represents the conversion of Class B Common Stock into Class A Common Stock effected in compliance with a preexisting Rule 10b5-1 plan adopted by the holder on August
15, 2023.

(2). The Class B Common Stock is convertible into the Issuer’s Class A Common Stock on a 1-for-1 basis and has no expiration date.

Share numbers have been adjusted to reflect changes in form of beneficial ownership for no consideration in transfers exempt from Section 16 pursuant to Rule 16a-13 under the Securities
Exchange Act of 1934, as amended.

These shares are held of record by Mithril PAL-SPV 1, LLC ("Mithril"). The Reporting Person is the Chairman of the Investment Committee of Mithril GP LP, the General Partner of Mithril LP,
(4) which, in turn, owns Mithril. The Reporting Person may be deemed to have beneficial ownership over the securities held by Mithril. The Reporting Person disclaims beneficial ownership of the
shares held by Mithril except to the extent of his pecuniary interest therein. The Reporting Person has no pecuniary interest in any securities of the Issuer held by Mithril GP LP.

These shares are held of record by PLTR Holdings LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
PLTR Holdings LLC.

These shares were not subject to a particular transaction during the dates covered by this Form 4 and are listed here to disclose the Reporting Person's holdings as required by Securities and
Exchange Commission rules.

These shares are held of record by Rivendell 7 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
Rivendell 7 LLC.

These shares are held of record by Rivendell 25 LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
Rivendell 25 LLC.

These shares are held of record by STS Holdings II LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
STS Holdings II LLC.

These shares are held of record by FF4 Investment LLC, of which the Reporting Person is the sole beneficial owner. The Reporting Person has beneficial ownership over the securities held by
FF4 Investment LLC.

These shares are held of record by PT Ventures, LLC ("PTV"), of which the Reporting Person is the Managing Member. The Reporting Person has beneficial ownership over the securities held
by PTV.

These shares are held of record by Thiel Capital LLC, of which the Reporting Person is the Manager. The Reporting Person has beneficial ownership over the securities held by Thiel Capital
LLC.

6)
)
”
@)
0°)
(10)
ch)
(12)
"""

# ocr300: "(4)" read on the middle line of its footnote, and again as "4" before its first word
ECHOED_ID = """\
(1) The purchase reported herein was made in a private placement transaction entered into directly with the Issuer.

(2) Each American Depositary Share ("ADS") currently represents twenty (20) Ordinary Shares of the Issuer.

(3) Reported securities purchased in the private placement transaction as one ADS and one-tenth of one warrant (each whole warrant exercisable to purchase one ADS) for a combined price of
$17.3509 per unit.

4 These securities are held of record by Rivendell Investments 2017-9 LLC. The Reporting Person is the beneficial owner of Rivendell Investments 2017-9 LLC and has sole voting and investment
(4) power over the securities held by Rivendell Investments 2017-9 LLC.

"""


# ocr150: "(1)" read as "w", "(2)" lost in place and read as "Q)" after all texts, "(3)" as "GB)" on
# its footnote's middle line
LAST_ID_AFTER_TEXTS = """\
w Each share is represented by a restricted stock unit (RSU). Each RSU represents a contingent right to receive one share of the Issuer's Class A Common Stock upon settlement. The RSUs were
issued pursuant to the Issuer's Outside Director Compensation Policy, and 100% of the RSUs were vested as of the date of grant.

SC US (TTGP), Ltd. is the general partner of SC U.S. Venture 2010 Management, L..P., which is the general partner of Sequoia Capital U.S. Venture 2010-Seed Fund, L.P., or collectively, the

Venture 2010 Funds. The Reporting Person is a Director of SC US (TTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the Venture 2010 Funds except to

the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of

Section 16 or for any other purposes.

SC US (TTGP), Ltd. is the general partner of SCGF IV Management, L.P., which is the general partner of Sequoia Capital U.S. Growth Fund IV, L.P. and Sequoia Capital USGF Principals Fund

IV, L.P,, or collectively, the SC GFIV Funds. The Reporting Person is a Director of SC US (TTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the SC

GB) GFIV Funds except to the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported
securities for purposes of Section 16 or for any other purposes.

Q)
"""


# ocr300: "(TTGP)" read once as "(ITTGP)"; "(2)" read alone after the texts
MISREAD_WORD = """\
(1) Each share is represented by a restricted stock unit (RSU). Each RSU represents a contingent right to receive one share of the Issuer's Class A Common Stock upon settlement. The RSUs were
issued pursuant to the Issuer's Outside Director Compensation Policy, and 100% of the RSUs were vested as of the date of grant.

SC US (TTGP), Ltd. is the general partner of SCGF IV Management, L.P., which is the general partner of Sequoia Capital U.S. Growth Fund IV, L.P. and Sequoia Capital USGF Principals Fund

IV, L.P., or collectively, the SC GFIV Funds. The Reporting Person is a Director of SC US (ITTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the SC

GFIV Funds except to the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported

securities for purposes of Section 16 or for any other purposes.

SC US (TTGP), Ltd. is the general partner of SC U.S. Venture XV Management, L.P., which is the general partner of Sequoia Capital U.S. Venture Fund XV, L.P., Sequoia Capital U.S. Venture

Partners Fund XV (Q), L.P., Sequoia Capital U.S. Venture Partners Fund XV, L.P. and Sequoia Capital U.S. Venture XV Principals Fund, L.P., or collectively, the SC USV XV Funds. The

(3) Reporting Person is a Director of SC US (TTGP), Ltd. The Reporting Person disclaims beneficial ownership of the securities held by the SC USV XV Funds except to the extent of his pecuniary
interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of Section 16 or for any other
purposes.

(2)
"""


# ocr300 (rendered seed 3): (1) and (2) lost in place, read alone after "(3)" (which sits on the middle
# line of a footnote that opens mid-sentence, "(continued from footnote 2) ...")
STRAY_IDS_CONFIRM_LOST = """\
Represents restricted stock units granted to the Reporting Person in lieu of a cash award. Under the Issuer's Non-Employee Director Compensation Policy, the Reporting Person was entitled to a

cash award of $50,000 which was granted on June 2, 2022 and vested in full on the first anniversary of the date of grant. In lieu of settlement of the cash award, the Reporting Person received a

grant of restricted stock units, with the number of shares underlying the restricted stock units determined based on a per share price of $44.15, the closing price of the Issuer's common stock on the

New York Stock Exchange on the grant date of the cash award. The restricted stock units granted to the Reporting Person are immediately vested in full.

The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of SC U.S. Growth VI Management, L.P., which is the general partner of

each of Sequoia Capital U.S. Growth Fund VI, L.P. (GFVI) and Sequoia Capital U.S. Growth VI Principals Fund, L.P. (GFVI PF) (collectively, the GFVI Funds); (ii) the general partner of SCGGF

Management, L.P., which is the general partner of each of Sequoia Capital Global Growth Fund, LP (GGF) and Sequoia Capital Global Growth Principals Fund, LP (GGF PF) (collectively, the

GGF Funds); and (iii) the general partner of SCGGF III - Endurance Partners Management, L.P., which is the general partner of Sequoia Capital Global Growth Fund III - Endurance Partners, L.P.

(GGF III). The Reporting Person is a managing member and shareholder of SC XII Management, LLC, which is the general partner of each of Sequoia Capital XII, L.P. (XID and Sequoia

Technology Partners XII, L.P. (STP XII),

(continued from footnote 2) and the managing member of Sequoia Capital XII Principals Fund, LLC (XII PF) (collectively the XII Funds). The Reporting Person disclaims beneficial ownership of

(3) the securities included in this report, except to the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial
ownership of the reported securities for purposes of Section 16 or for any other purposes.

(1)

(2)

The Reporting Person is a member of Sequoia Grove II, LLC. The Reporting Person disclaims beneficial ownership of these securities except to the extent of his pecuniary interest therein, and the
inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of Section 16 or for any other purposes.

(4)
The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of Sequoia Capital Fund Management, L.P., which is the general partner
of Sequoia Capital Fund, LP (SCF) and the managing member of Sequoia Capital Fund Parallel, LLC (SCFP). As a result, the Reporting Person may be deemed to share voting and dispositive
power with respect to the shares held by SCF and SCFP. The Reporting Person disclaims beneficial ownership of the securities included in this report, except to the extent of his pecuniary interest
therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of Section 16 or for any other purposes.

(5)
"""


# ocr150 (rendered seed 3): the texts of (4) and (5) without blank lines between them, then their ids
# as a run ("(5)" read "(6)"), then the text of (6) and its id
BARE_RUN_NO_BLANK_LINES = """\
(1) These shares were received as part of a pro rata distribution-in-kind to the limited partners of an investment fund in which the reporting person's estate planning vehicle is a limited partner.
The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of SC U.S. Growth VI Management, L.P., which is the general partner of
each of Sequoia Capital U.S. Growth Fund VI, L.P. (GFVI) and Sequoia Capital U.S. Growth VI Principals Fund, L.P. (GFVI PF) (collectively, the GFVI Funds); (ii) the general partner of SCGGF
Management, L.P., which is the general partner of each of Sequoia Capital Global Growth Fund, LP (GGF) and Sequoia Capital Global Growth Principals Fund, LP (GGF PF) (collectively, the
©) ocr Funds); and (iii) the general partner of SCGGF III - Endurance Partners Management, L..P., which is the general partner of Sequoia Capital Global Growth Fund III - Endurance Partners, L.P.
(GGF III). The Reporting Person is a managing member and shareholder of SC XII Management, LLC, which is the general partner of each of Sequoia Capital XII, L.P. (XII) and Sequoia
Technology Partners XII, L.P. (STP XII),
(continued from footnote 2) and the managing member of Sequoia Capital XII Principals Fund, LLC (XII PF) (collectively the XII Funds). The Reporting Person disclaims beneficial ownership of
(3) the securities included in this report, except to the extent of his pecuniary interest therein, and the inclusion of these securities in this report shall not be deemed an admission of beneficial
ownership of the reported securities for purposes of Section 16 or for any other purposes.
Represents restricted stock units granted to the Reporting Person. The shares subject to this award vest in full on the date of the Issuer's first annual meeting of stockholders that occurs following
the completion of the Issuer's initial public offering, subject to the Reporting Person's continued service through that date.
The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of Sequoia Capital Fund Management, L.P., which is the general partner
of each of Sequoia Capital Fund, LP (SCF) and Sequoia Capital Fund Parallel, LLC (SCFP). As a result, the Reporting Person may be deemed to share voting and dispositive power with respect to
the shares held by SCF and SCFP. The Reporting Person disclaims beneficial ownership of the securities included in this report, except to the extent of his pecuniary interest therein, and the
inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of Section 16 or for any other purposes.

(4)

(6)

The Reporting Person is a member of Sequoia Grove II, LLC. The Reporting Person disclaims beneficial ownership of these securities except to the extent of his pecuniary interest therein, and the
inclusion of these securities in this report shall not be deemed an admission of beneficial ownership of the reported securities for purposes of Section 16 or for any other purposes.

(6)
"""


def _notes(body: str) -> dict[str, str]:
    return {f.id: f.text or "" for f in extract_header(normalise(HEAD + body + TAIL)).footnotes}


def test_ocr_footnotes_ids_exact_ids_after_a_damaged_run() -> None:
    notes = _notes(DAMAGED_RUN)
    assert list(notes) == [str(n) for n in range(1, 12)]
    assert notes["3"].startswith("These shares were not subject to a particular transaction")
    assert notes["4"].startswith("These shares are held of record by FF4 Investment LLC")
    assert notes["4"].endswith("held by FF4 Investment LLC.")
    assert notes["5"].startswith("These shares are held of record by PLTR Holdings LLC")
    assert notes["6"].endswith("held by Rivendell 7 LLC.")
    assert notes["7"].startswith("These shares are held of record by Rivendell 25 LLC")
    assert notes["8"].startswith("These shares are held of record by STS Holdings II LLC")
    assert notes["10"].startswith("These shares are held of record by Thiel Capital LLC,")
    assert notes["11"].endswith("pecuniary interest therein.")
    assert not any("(4)" in t or "©" in t or "@" in t for t in notes.values())


def test_ocr_footnotes_ids_column_of_ids_after_the_texts() -> None:
    notes = _notes(ID_COLUMN_AFTER_TEXTS)
    assert list(notes) == [str(n) for n in range(1, 13)]
    assert notes["5"].startswith("These shares are held of record by PLTR Holdings LLC")
    assert notes["6"].startswith("These shares were not subject to a particular transaction")
    assert notes["10"].startswith("These shares are held of record by FF4 Investment LLC")
    assert notes["12"].startswith("These shares are held of record by Thiel Capital LLC")
    assert notes["12"].endswith("LLC.")


def test_ocr_footnotes_ids_echoed_id_dropped() -> None:
    notes = _notes(ECHOED_ID)
    assert list(notes) == ["1", "2", "3", "4"]
    assert notes["4"].startswith("These securities are held of record by Rivendell Investments 2017-9 LLC.")
    assert notes["4"].endswith("held by Rivendell Investments 2017-9 LLC.")


def test_ocr_footnotes_ids_last_id_read_after_the_texts() -> None:
    notes = _notes(LAST_ID_AFTER_TEXTS)
    assert list(notes) == ["1", "2", "3"]
    assert notes["1"].endswith("vested as of the date of grant.")
    assert notes["2"].startswith("SC US (TTGP), Ltd. is the general partner of SC U.S. Venture 2010")
    assert notes["2"].endswith("Section 16 or for any other purposes.")
    assert notes["3"].startswith("SC US (TTGP), Ltd. is the general partner of SCGF IV Management")
    assert "the SC GFIV Funds except" in notes["3"]


def test_ocr_footnotes_ids_word_misread_once() -> None:
    notes = _notes(MISREAD_WORD)
    assert list(notes) == ["1", "2", "3"]
    assert "ITTGP" not in notes["2"]
    assert "Director of SC US (TTGP), Ltd. The Reporting Person disclaims" in notes["2"]


def test_ocr_footnotes_ids_lost_ids_read_alone_later() -> None:
    notes = _notes(STRAY_IDS_CONFIRM_LOST)
    assert list(notes) == ["1", "2", "3", "4", "5"]
    assert notes["1"].startswith("Represents restricted stock units granted to the Reporting Person")
    assert notes["2"].startswith("The Reporting Person is a director and stockholder of SC US (TTGP), Ltd.")
    assert notes["2"].endswith("(STP XII),")
    assert notes["3"].startswith("(continued from footnote 2) and the managing member")
    assert notes["4"].startswith("The Reporting Person is a member of Sequoia Grove II, LLC.")


def test_ocr_footnotes_ids_bare_run_after_texts_without_blank_lines() -> None:
    notes = _notes(BARE_RUN_NO_BLANK_LINES)
    assert list(notes) == ["1", "2", "3", "4", "5", "6"]
    assert notes["4"].startswith("Represents restricted stock units granted to the Reporting Person.")
    assert "Sequoia Capital Fund" not in notes["4"]
    assert notes["5"].startswith("The Reporting Person is a director and stockholder of SC US (TTGP), Ltd.")
    assert "(SCF)" in notes["5"]
    assert notes["6"].startswith("The Reporting Person is a member of Sequoia Grove II, LLC.")
