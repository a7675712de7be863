"""Nature-of-ownership repairs of ``extractor.checks.nature`` on real OCR excerpts.

Cell values are copied as the assembler read them, the cells' printed text and the footnotes as OCRed: dev
OCR (300 dpi) filings and the rendered-page converter benchmark's OCR pages (``cb_*``).
"""

from __future__ import annotations

from extractor.checks import CheckContext
from extractor.checks.consensus import check_consensus
from extractor.checks.nature import check_nature
from extractor.records import (
    DerivativeHolding,
    Footnote,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipFiling,
)

# cb_c7f062a50a_ocr300, footnote 2 (excerpt).
FOOTNOTE_XI = (
    'Roelof Frederik Botha is an indirect non-managing member of SC XI Management, LLC ("SC XI Management"). '
    "SC XI Management is the general partner of Sequoia Capital XI, LP and Sequoia Technology Partners XI, "
    "LP and is the managing member of Sequoia Capital XI Principals Fund, LLC."
)
# dev_06aeb50225_ocr300 / cb_6f8130d0d5_ocr300, footnote 3 (excerpt).
FOOTNOTE_USV_XV = (
    "SC US (TTGP), Ltd. is the general partner of SC U.S. Venture XV Management, L.P., which is the general "
    "partner of Sequoia Capital U.S. Venture Fund XV, L.P., Sequoia Capital U.S. Venture Partners Fund XV "
    "(Q), L.P., Sequoia Capital U.S. Venture Partners Fund XV, L.P. and Sequoia Capital U.S. Venture XV "
    "Principals Fund, L.P., or collectively, the SC USV XV Funds."
)
# dev_18579094af_ocr300, footnote (excerpt, lines 411-413 joined).
FOOTNOTE_V2010 = (
    "SC US (TTGP), Ltd. is the sole general partner of SC U.S. Venture 2010 Management, L.P., which is the "
    "sole general partner of each of Sequoia Capital U.S. Venture 2010 Fund, LP, Sequoia Capital U.S. "
    "Venture 2010 Partners Fund, LP, Sequoia Capital U.S. Venture 2010 Partners Fund (Q), LP and Sequoia "
    "Capital U.S. Venture 2010-Seed Fund, L.P., or collectively, the Venture 2010 Funds."
)
# dev_de1d143831_ocr300, footnote 2 (excerpt).
FOOTNOTE_GF_VII = (
    "SC US (TTGP), Ltd. is (i) the general partner of SC U.S. Growth VII Management, L.P., which is the "
    "general partner of Sequoia Capital U.S. Growth Fund VII, L.P. and Sequoia Capital U.S. Growth VII "
    'Principals Fund, L.P. ("The GF VII Funds")'
)


def _ctx(printed: dict[str, str] | None = None, text: str = "") -> CheckContext:
    """A context whose text holds each cell's printed excerpt at that cell's span."""
    spans: dict[str, tuple[int, int]] = {}
    for path, excerpt in (printed or {}).items():
        spans[path] = (len(text), len(text) + len(excerpt))
        text += excerpt + "\n"
    return CheckContext(confidence={}, warnings=[], text=text, spans=spans)


def _holdings(natures: list[str], footnote: str) -> OwnershipFiling:
    return OwnershipFiling(
        non_derivative_holdings=[
            NonDerivativeHolding(
                security_title="Class A Common Stock", direct_or_indirect_ownership="I", nature_of_ownership=n
            )
            for n in natures
        ],
        footnotes=[Footnote(id="1", text=footnote)],
    )


def _run(filing: OwnershipFiling, ctx: CheckContext) -> list[str | None]:
    check_nature(filing, ctx)
    check_consensus(filing, ctx)
    rows = [
        *filing.non_derivative_transactions,
        *filing.non_derivative_holdings,
        *filing.derivative_holdings,
    ]
    return [r.nature_of_ownership for r in rows]


# --- a word the reader dropped, printed in the cell and in the footnote --------------------------------


def _technology_partners() -> OwnershipFiling:
    return OwnershipFiling(
        derivative_holdings=[
            DerivativeHolding(
                security_title="Series B Preferred Stock",
                underlying_security_title="Common Stock",
                nature_of_ownership="By Sequoia Technology Partners LP",
            )
        ],
        footnotes=[Footnote(id="2", text=FOOTNOTE_XI)],
    )


def test_dropped_numeral_printed_in_the_cell_is_restored() -> None:
    # cb_c7f062a50a_ocr300 lines 47-48: the cell wraps under the underlying title's ``Stock``.
    ctx = _ctx({"derivative_holdings[0].nature_of_ownership": "By Sequoia Technology\nStock Partners XI, LP"})
    filing = _technology_partners()
    assert _run(filing, ctx) == ["By Sequoia Technology Partners XI, LP"]
    assert ctx.touched["derivative_holdings[0].nature_of_ownership"] == "repaired"


def test_numeral_not_printed_in_the_cell_is_not_invented() -> None:
    # The footnote alone is no evidence: ``Sequoia Technology Partners LP`` could be a fund of its own.
    ctx = _ctx({"derivative_holdings[0].nature_of_ownership": "By Sequoia Technology\nStock Partners LP"})
    assert _run(_technology_partners(), ctx) == ["By Sequoia Technology Partners LP"]


def test_dropped_q_restored_but_plain_fund_left_alone() -> None:
    # cb_6f8130d0d5_ocr300: the ``(Q)`` fund lost ``(Q),``; the plain ``Fund XV`` and ``Partners Fund XV``
    # cells (all three printed by the footnote) must not move.
    natures = [
        "Sequoia Capital U.S. Venture Partners Fund XV LP.",
        "Sequoia Capital U.S. Venture Partners Fund XV, L.P.",
        "Sequoia Capital U.S. Venture Fund XV, L.P.",
    ]
    printed = [
        "Sequoia Capital\nU.S. Venture\nPartners Fund\n\nXV (Q), LP.",
        "Sequoia Capital\nU.S. Venture\nPartners Fund\nXV, L.P,",
        "Sequoia Capital\nU.S. Venture\nFund XV, L.P.",
    ]
    ctx = _ctx({f"non_derivative_holdings[{i}].nature_of_ownership": p for i, p in enumerate(printed)})
    assert _run(_holdings(natures, FOOTNOTE_USV_XV), ctx) == [
        "Sequoia Capital U.S. Venture Partners Fund XV (Q), L.P.",
        "Sequoia Capital U.S. Venture Partners Fund XV, L.P.",
        "Sequoia Capital U.S. Venture Fund XV, L.P.",
    ]


# --- debris inside a value the filing prints ---------------------------------------------------------


def test_table_rule_read_as_one_before_a_standard_phrase() -> None:
    # cb_4dead20836_ocr300: ``©] 1 See`` / ``Footnote``; the other cells print ``See Footnote``.
    filing = _holdings(["See Footnote", "1 See Footnote", "See Footnote"], "Held by a trust.")
    assert _run(filing, _ctx()) == ["See Footnote"] * 3


def test_debris_inside_a_fund_name() -> None:
    # dev_eb2dbc17aa_ocr300: ``Sequoia`` / ``Capital`` / ``1 k 1 U.S.``.
    filing = _holdings(["Sequoia Capital k 1 U.S. Growth Fund VII, Lp,"], FOOTNOTE_GF_VII)
    assert _run(filing, _ctx()) == ["Sequoia Capital U.S. Growth Fund VII, L.P."]


def test_dash_and_final_words_are_not_debris() -> None:
    # dev w3m/pdf_layout print ``Fund III - Endurance Partners``; ``Estate planning vehicles`` is a whole
    # value whose last word the filing prints nowhere else (dev OCR).
    natures = [
        "Sequoia Capital Global Growth Fund III - Endurance Partners, L.P.",
        "Estate planning vehicles",
    ]
    footnote = "Sequoia Capital Global Growth Fund III Endurance Partners, L.P. and Estate planning"
    assert _run(_holdings(natures, footnote), _ctx()) == natures


def test_class_letter_is_not_debris() -> None:
    # ``By Trust A`` beside ``By Trust``: two owners, the letter names one of them.
    natures = ["By Trust A", "By Trust", "By Trust"]
    assert _run(_holdings(natures, "Held by the Trust."), _ctx()) == natures


def test_repeated_lead_word_at_the_end() -> None:
    filing = _holdings(["See Footnote", "See Footnote See", "See Footnote"], "Held by a trust.")
    assert _run(filing, _ctx()) == ["See Footnote"] * 3


# --- a lone lead word ----------------------------------------------------------------------------------


def test_lone_see_takes_the_one_see_phrase() -> None:
    # cb_83ac9a4e80_ocr300: the derivative row's ``See`` lost its second line.
    filing = OwnershipFiling(
        non_derivative_transactions=[
            NonDerivativeTransaction(
                security_title="American Depositary Shares", nature_of_ownership="See Footnote"
            )
        ],
        derivative_holdings=[DerivativeHolding(security_title="Warrants", nature_of_ownership="See")],
    )
    assert _run(filing, _ctx()) == ["See Footnote", "See Footnote"]


def test_lone_by_with_two_owners_stays() -> None:
    natures = ["By Spouse", "By Trust", "By"]
    assert _run(_holdings(natures, "Held by the trust."), _ctx()) == natures


# --- a wrapped continuation read as the next row's start -----------------------------------------------


def test_continuation_moves_back_to_the_row_above() -> None:
    # cb_6f8130d0d5_ocr300: ``By estate`` / ``planning vehicle`` wraps onto the next row's line.
    natures = ["By estate", "planning vehicle Sequoia Capital U.S. Venture Fund XV, L.P."]
    assert _run(_holdings(natures, FOOTNOTE_USV_XV), _ctx()) == [
        "By estate planning vehicle",
        "Sequoia Capital U.S. Venture Fund XV, L.P.",
    ]


# --- a garbled word between printed anchors ----------------------------------------------------------


def test_garbled_word_between_anchors() -> None:
    # dev_18579094af_ocr300 line 60: ``Venture 2010`` read as ``Olg``; the footnote prints one fund that
    # fits (the ``(Q)`` fund has another word before ``LP``).
    value = "By Sequoia Capital U.S. Olg Partners Fund, LP"
    filing = OwnershipFiling(
        non_derivative_transactions=[
            NonDerivativeTransaction(security_title="Class A Common Stock", nature_of_ownership=value)
        ],
        footnotes=[Footnote(id="2", text=FOOTNOTE_V2010)],
    )
    ctx = _ctx(text=f"{value}\n{FOOTNOTE_V2010}\n")
    assert _run(filing, ctx) == ["By Sequoia Capital U.S. Venture 2010 Partners Fund, LP"]


def test_garbled_numeral_with_two_candidates_stays() -> None:
    # ``Fund Vll`` could be ``Fund VII`` or ``Fund VIII``: both printed, no repair.
    value = "Sequoia Capital U.S. Growth Fund Vll, L.P."
    footnote = "Sequoia Capital U.S. Growth Fund VII, L.P. and Sequoia Capital U.S. Growth Fund VIII, L.P."
    ctx = _ctx(text=f"{value}\n{footnote}\n")
    assert _run(_holdings([value], footnote), ctx) == [value]


def test_merged_words_are_not_garbled() -> None:
    # dev w3m: the cell prints ``ExpansionFund`` run together, as the gold keeps it.
    value = "SC US/E ExpansionFund I Management, L.P."
    footnote = "SC US/E Expansion Fund I Management, L.P. is the general partner"
    ctx = _ctx(text=f"{value}\n{footnote}\n")
    assert _run(_holdings([value], footnote), ctx) == [value]
