"""Defects a code review found in the post-extraction checks, one contract test (or a few cases) each.

Each test names its trap. Values and lines are real converter output (dev filings and their footnotes,
the titles the review saw repaired on rendered pages); where no page on disk shows the defect, the test
says what was changed or arranged (a figure, a list layout), and a crash or a pathological input gets the
smallest input that triggers it.
"""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

import time

import pytest

import extractor.checks.nature as nature_module
from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_header_sections import _Unit, _weak_ids
from extractor.checks import CheckContext
from extractor.checks.consensus import check_consensus
from extractor.checks.holdings import check_holdings
from extractor.checks.nature import check_nature
from extractor.checks.printed_words import MAX_VALUES, footnote_text
from extractor.checks.slips import prints_glued_rules
from extractor.checks.titles import _drop_strays, check_titles
from extractor.ingest import normalise
from extractor.records import (
    DerivativeHolding,
    Footnote,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipFiling,
)

OWNED = "shares_owned_following_transaction"
ND = "non_derivative_transactions"

# dev_06aeb50225_ocr300 / cb_6f8130d0d5_ocr300, footnote 3 (excerpt).
FOOTNOTE_USV_XV = (
    "SC US (TTGP), Ltd. is the general partner of SC U.S. Venture XV Management, L.P., which is the general "
    "partner of Sequoia Capital U.S. Venture Fund XV, L.P., Sequoia Capital U.S. Venture Partners Fund XV "
    "(Q), L.P., Sequoia Capital U.S. Venture Partners Fund XV, L.P. and Sequoia Capital U.S. Venture XV "
    "Principals Fund, L.P., or collectively, the SC USV XV Funds."
)


def _holdings(natures: list[str], footnote: str = "") -> OwnershipFiling:
    return OwnershipFiling(
        non_derivative_holdings=[
            NonDerivativeHolding(
                security_title="Class A Common Stock", direct_or_indirect_ownership="I", nature_of_ownership=n
            )
            for n in natures
        ],
        footnotes=[Footnote(id="1", text=footnote)] if footnote else [],
    )


def _natures(filing: OwnershipFiling) -> list[str | None]:
    return [r.nature_of_ownership for r in filing.non_derivative_holdings]


def _ctx(text: str | None = None, spans: dict[str, tuple[int, int]] | None = None) -> CheckContext:
    return CheckContext(confidence={}, warnings=[], text=text, spans=dict(spans or {}))


# --- consensus: an inserted one-letter word crashed ``_words_rarer`` --------------------------------------


def test_consensus_inserted_letter_word_does_not_crash() -> None:
    """Trap: ``L.`` against ``L.P.`` is an *insert* of the word ``p``: the spelled-out-abbreviation test read
    the value's (absent) replaced word and raised IndexError, which killed the whole document (a 150-dpi
    OCR page that lost the ``P.``). The damaged printing now takes the twice-printed name like any other."""
    good = "By Sequoia Capital USGF Principals Fund IV, L.P."
    filing = _holdings([good, good, "By Sequoia Capital USGF Principals Fund IV, L."])
    ctx = _ctx()
    check_consensus(filing, ctx)
    assert _natures(filing) == [good, good, good]
    assert ctx.touched == {"non_derivative_holdings[2].nature_of_ownership": "repaired"}


# --- titles: a named series is not a damaged lettered one ----------------------------------------------


@pytest.mark.parametrize(
    "named",
    ["Series Seed Preferred Stock", "Series FF Preferred"],
)
def test_titles_named_series_not_repaired_to_a_lettered_one(named: str) -> None:
    """Trap: ``Seed`` / ``FF`` are no title vocabulary, so the value is "invalid"; the only candidate the
    filing prints, ``Series A Preferred Stock``, explains every other word and adds the letter the value
    "lost". A value that lost its letter *and* keeps words the candidate cannot explain names another
    security: it stays as printed."""
    filing = OwnershipFiling(
        derivative_holdings=[
            DerivativeHolding(security_title=named, underlying_security_title="Common Stock"),
            DerivativeHolding(
                security_title="Series A Preferred Stock", underlying_security_title="Common Stock"
            ),
        ]
    )
    ctx = _ctx()
    check_titles(filing, ctx)
    assert [h.security_title for h in filing.derivative_holdings] == [named, "Series A Preferred Stock"]
    assert not ctx.repairs


@pytest.mark.parametrize(
    "title",
    ["Series Seed-1 Preferred Stock", "Class AA-1 Common Stock"],
)
def test_titles_name_after_series_or_class_is_never_a_stray(title: str) -> None:
    """Trap: ``Seed-1`` / ``AA-1`` carry a digit but are no ``D-1`` series, so the stray-number rule took them
    for a neighbour cell's figure and left ``Series Preferred Stock`` / ``Class Common Stock``: valid
    titles of no security. The word after ``Series``/``Class`` is the security's name."""
    filing = OwnershipFiling(
        derivative_holdings=[
            DerivativeHolding(security_title=title, underlying_security_title="Common Stock")
        ]
    )
    assert _drop_strays(title) is None
    ctx = _ctx()
    check_titles(filing, ctx)
    assert filing.derivative_holdings[0].security_title == title
    assert not ctx.repairs


def test_titles_neighbour_figure_still_a_stray() -> None:
    """The named-series rule must not keep a price glued inside a standard phrase (dev OCR)."""
    assert _drop_strays("Stock Option (right to $9-51 buy)") == "Stock Option (right to buy)"


# --- nature: a lead word opens a new value, it does not continue the one above -------------------------


@pytest.mark.parametrize(
    "value",
    [
        "by Sequoia Capital U.S. Venture Fund XV, L.P.",
        "held by Sequoia Capital U.S. Venture Fund XV, L.P.",
    ],
)
def test_nature_lead_word_is_not_a_wrapped_continuation(value: str) -> None:
    """Trap: the continuation rule moves lower-case words that start a row (``planning vehicle ...``) back
    to the row above when the rest is a printed name. ``by`` / ``held`` open a value of their own: moving
    them made ``By estate planning vehicles held by`` and cut the row's lead word."""
    natures = ["By estate planning vehicles", value]
    filing = _holdings(natures, FOOTNOTE_USV_XV)
    ctx = _ctx()
    check_nature(filing, ctx)
    assert _natures(filing) == natures
    assert not ctx.repairs


def test_nature_continuation_still_moves_back() -> None:
    """cb_6f8130d0d5_ocr300: ``By estate`` / ``planning vehicle`` wraps onto the next row's line."""
    filing = _holdings(
        ["By estate", "planning vehicle Sequoia Capital U.S. Venture Fund XV, L.P."], FOOTNOTE_USV_XV
    )
    check_nature(filing, _ctx())
    assert _natures(filing) == ["By estate planning vehicle", "Sequoia Capital U.S. Venture Fund XV, L.P."]


# --- nature: quadratic in the number of distinct values -----------------------------------------------


def _many_natures(n: int) -> tuple[OwnershipFiling, CheckContext]:
    """``n`` rows, each its own fund, each cell's printed text at its span, every third in the footnotes."""
    natures = [f"By Sequoia Capital U.S. Growth Fund {i} Nominee Trust, L.P." for i in range(n)]
    text, spans = "", {}
    for i, v in enumerate(natures):
        spans[f"non_derivative_holdings[{i}].nature_of_ownership"] = (len(text), len(text) + len(v))
        text += v + "\n"
    note = " ".join(
        f"Sequoia Capital U.S. Growth Fund {i} Nominee Trust, L.P. is held." for i in range(0, n, 3)
    )
    return _holdings(natures, note), _ctx(text, spans)


def test_nature_many_distinct_values_are_left_as_read_quickly() -> None:
    """Pathological input: 800 rows of distinct values took 36 s (every value against every other one,
    each source re-tokenised per pair). Beyond ``MAX_VALUES`` values nothing is compared."""
    filing, ctx = _many_natures(800)
    before = _natures(filing)
    start = time.perf_counter()
    check_nature(filing, ctx)
    assert time.perf_counter() - start < 2.0
    assert _natures(filing) == before and not ctx.repairs


def test_nature_sources_tokenised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """At the cap, the footnotes (the longest source) are tokenised once, not once per value and pair."""
    filing, ctx = _many_natures(MAX_VALUES)
    notes = footnote_text(filing)
    calls = 0
    tokens = nature_module._tokens

    def counting(text: str) -> list[str]:
        nonlocal calls
        calls += text == notes
        return tokens(text)

    monkeypatch.setattr(nature_module, "_tokens", counting)
    check_nature(filing, ctx)
    assert calls == 1  # 103 times before the sources were tokenised once


# --- footnotes: an enumeration in a footnote's text is not an id ---------------------------------------

# dev_be095aa5df_ocr300 footnote 1 (its words), its two clauses laid out as a list the way filers print
# vesting terms (arranged: the dev page prints them inline).
ENUMERATED_FOOTNOTE = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 4(b)(v).
** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

(1) The shares are represented by restricted stock units, or RSUs, all of which shall vest in full on the earlier of:
(a) the first anniversary of the grant date; or
(b) the date of the issuer's 2022 annual meeting of stockholders.
Each RSU represents the contingent right to receive one share of Class A common stock of the issuer.

Note: File three copies of this Form, one of which must be manually signed.
"""
# dev_719999cb9a_ocr300: OCR read the first id "(1)" as "(a)"; the next id read is "(2)".
DAMAGED_FIRST_ID = """\
Explanation of Responses:

* If the form is filed by more than one reporting person, see Instruction 5(b)(v).
** Tntentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

(a) Shares of Class B Common Stock, which are not registered under the Securities Exchange Act of 1934, as amended, are convertible into shares of Class A Common Stock on a share-for-share
basis.

The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the general partner of SC U.S. Growth VII Management, L.P., which is the general partner of
each of Sequoia Capital U.S. Growth Fund VII, L.P. ("GF VII") and Sequoia Capital U.S. Growth VII Principals Fund, L.P. ("GFVII PF") (collectively, the GF VII Funds); (ii) the general partner of

(2) SC U.S. Growth VIII Management, L.P., which is the general partner of Sequoia Capital U.S. Growth Fund VUI, L.P. ("GF VIII"); and (iii) the general partner of SC Global Growth II Management,
L.P., which is the general partner of each of Sequoia Capital Global Growth Fund II, L.P. ("GGF II") and Sequoia Capital Global Growth II Principals Fund, L.P ("GGFII PF") (collectively, the GGF
II Funds).

Note: File three copies of this Form, one of which must be manually signed.
"""


def _footnotes(text: str) -> dict[str, str]:
    return {f.id: f.text or "" for f in extract_header(normalise(text)).footnotes}


def test_footnotes_enumeration_after_the_last_id_stays_text() -> None:
    """Trap: ``(a)`` after a sentence end looked like a damaged id (tier A) and was taken in order after the
    last id read: footnote 1 lost its clauses to a footnote 2 the filing does not print."""
    notes = _footnotes(ENUMERATED_FOOTNOTE)
    assert list(notes) == ["1"]
    assert "(a) the first anniversary" in notes["1"] and "(b) the date" in notes["1"]


def test_footnotes_enumeration_still_a_lost_id_where_the_count_asks() -> None:
    """``(a)`` for ``(1)`` before the id ``(2)``: exactly one id is missing there, so it is still read."""
    notes = _footnotes(DAMAGED_FIRST_ID)
    assert notes["1"].startswith("Shares of Class B Common Stock")
    assert notes["2"].startswith("The Reporting Person is a director")


def test_footnotes_damaged_id_scan_is_linear() -> None:
    """Pathological input: thousands of lines after the last id that each look like a damaged id (``(4``)
    but follow no sentence end. Each was checked by rescanning every line since the last id: 10,000 lines
    took 21 s (3,000: 1 s). Nothing is taken, in linear time (0.05 s)."""
    lines = ["(1) These shares are held by the trust", *["(4 held by the trust"] * 10_000]
    units: list[_Unit] = []
    pos = 0
    for k, line in enumerate(lines):
        text = line[4:] if k == 0 else line
        units.append(_Unit(text, pos, pos + len(line), False, anchor="1" if k == 0 else None, line=line))
        pos += len(line) + 1
    start = time.perf_counter()
    _weak_ids(units)
    assert time.perf_counter() - start < 1.0
    assert [u.anchor for u in units if u.anchor is not None] == ["1"]


# --- holdings: a rule read as "1" is OCR's only ----------------------------------------------------------

# dev_02c25c8e45_w3m, Table I row 2, its owned figure changed from 37,310 to 137,310: a holder who owned
# 100,000 shares before (no filing on disk prints such a figure; the w3m layout is the page's).
W3M_ROW = (
    "Class A Common Stock               06/20/2019               C        37,310  A   $ 0   137,310                     I"
    "                           Principals Fund IV, L.P. ^\n"
)
# dev_3418a75c4a_ocr300, the same kind of row read by OCR, and a later row with rules glued to figures.
OCR_ROWS = (
    "Class A Common Stock 06/10/2019 C 37,310 JA $0 137,310 I USGF\n"
    "Class A Common Stock 06/10/2019 C T44,271|A $0 |744,271 I U.S.\n"
)


def _acquisition() -> NonDerivativeTransaction:
    return NonDerivativeTransaction(
        security_title="Class A Common Stock",
        transaction_date="2019-06-20",
        transaction_code="C",
        transaction_shares=37310,
        transaction_acquired_disposed_code="A",
        shares_owned_following_transaction=137310,
        direct_or_indirect_ownership="I",
    )


def _row_spans(text: str) -> dict[str, tuple[int, int]]:
    amount = text.index("37,310")
    owned = text.index("137,310")
    return {f"{ND}[0].transaction_shares": (amount, amount + 6), f"{ND}[0].{OWNED}": (owned, owned + 7)}


@pytest.mark.parametrize(("text", "owned"), [(W3M_ROW, 137310), (OCR_ROWS, 37310)])
def test_holdings_rule_read_as_one_needs_ocr_evidence(text: str, owned: int) -> None:
    """Trap: bought 37,310 and owning 137,310 after is a holder who owned 100,000 before. In clean text
    (w3m, pdftotext) the figure is printed as filed; only an OCR page (rules glued to figures) makes the
    leading ``1`` a misread rule."""
    filing = OwnershipFiling(non_derivative_transactions=[_acquisition()])
    ctx = _ctx(text, _row_spans(text))
    check_holdings(filing, ctx)
    assert filing.non_derivative_transactions[0].shares_owned_following_transaction == owned
    assert bool(ctx.repairs) is (owned != 137310)


@pytest.mark.parametrize(
    ("text", "ocr"),
    [
        (OCR_ROWS, True),
        (
            "1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired |5. Amount\n",
            True,
        ),
        ("Exercisable _| Date of Shares\n", True),  # cb_29be342418_ocr150, Table II header: no figure glued
        (W3M_ROW, False),
        ("| Class A Common Stock | 06/20/2019 | C |37,310| A |\n", False),  # a markdown row
        (
            "Title | Date | Amount\n---|---|---\nStock|06/20/2019|37,310\n",
            False,
        ),  # markdown without edge pipes
    ],
)
def test_slips_glued_rules_are_ocr_evidence(text: str, ocr: bool) -> None:
    assert prints_glued_rules(text) is ocr


# --- one footnote text for all text checks -------------------------------------------------------------


def test_footnote_text_joins_footnotes_and_remarks_on_single_spaces() -> None:
    filing = OwnershipFiling(
        footnotes=[Footnote(id="1", text="Held by the\nSequoia  Capital"), Footnote(id="2", text=None)],
        remarks="  Exhibit 24:\tPower of Attorney ",
    )
    assert footnote_text(filing) == "Held by the Sequoia Capital Exhibit 24: Power of Attorney"
    assert footnote_text(OwnershipFiling()) == ""
