"""Nature-of-ownership repairs of ``extractor.checks.consensus`` on real OCR excerpts.

Cell values are copied as the assembler read them from dev OCR (300 dpi) filings, footnotes as OCRed.
"""

from __future__ import annotations

from extractor.checks import CheckContext
from extractor.checks.consensus import check_consensus
from extractor.records import Footnote, NonDerivativeHolding, NonDerivativeTransaction, OwnershipFiling

# dev_06aeb50225_ocr300, footnote 3 (excerpt).
FOOTNOTE_USV_XV = (
    "SC US (TTGP), Ltd. is the general partner of SC U.S. Venture XV Management, L.P., which is the general "
    "partner of Sequoia Capital U.S. Venture Fund XV, L.P., Sequoia Capital U.S. Venture Partners Fund XV "
    "(Q), L.P., Sequoia Capital U.S. Venture Partners Fund XV, L.P. and Sequoia Capital U.S. Venture XV "
    "Principals Fund, L.P., or collectively, the SC USV XV Funds."
)
# dev_18579094af_ocr300, footnote (excerpt).
FOOTNOTE_GFIV = (
    "SC US (TTGP), Ltd. is the general partner of SCGF IV Management, L.P., which is the general partner of "
    "Sequoia Capital U.S. Growth Fund IV, L.P. and Sequoia Capital USGF Principals Fund IV, L.P., or "
    "collectively, the SC GFIV Funds."
)
# dev_bc89c38382_ocr300, footnote 2 (excerpt).
FOOTNOTE_XII = (
    'SC XII Management, LLC ("SC XII Management") is the general partner of Sequoia Capital XII, L.P. and '
    "Sequoia Technology Partners XII, L.P. and is the managing member of Sequoia Capital XII Principals "
    "Fund, LLC."
)
# dev_95b3b787ed_ocr300: the footnote prints ``LP`` where the cells print ``L.P.``.
FOOTNOTE_GGF = (
    "which is the general partner of each of Sequoia Capital Global Growth Fund, LP (GGF) and Sequoia "
    "Capital Global Growth Principals Fund, LP (GGF PF) (collectively, the GGF Funds)"
)


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


def _natures(filing: OwnershipFiling) -> list[str | None]:
    ctx = CheckContext(confidence={}, warnings=[])
    check_consensus(filing, ctx)
    rows = [*filing.non_derivative_transactions, *filing.non_derivative_holdings]
    return [r.nature_of_ownership for r in rows]


def test_half_dotted_abbreviation_takes_the_footnote_printing() -> None:
    # ``US.`` lost a dot of ``U.S.``: not the clean ``US`` house style.
    filing = _holdings(["Sequoia Capital US. Venture Fund XV, L.p."], FOOTNOTE_USV_XV)
    assert _natures(filing) == ["Sequoia Capital U.S. Venture Fund XV, L.P."]


def test_colon_for_dot_is_repaired() -> None:
    filing = _holdings(["Sequoia Capital US: Growth Fund IV, L.p."], FOOTNOTE_GFIV)
    assert _natures(filing) == ["Sequoia Capital U.S. Growth Fund IV, L.P."]


def test_value_final_comma_is_a_misread_dot() -> None:
    filing = _holdings(["Sequoia Capital XII, LP,"], FOOTNOTE_XII)
    assert _natures(filing) == ["Sequoia Capital XII, L.P."]


def test_clean_lp_house_style_is_kept() -> None:
    # ``LP`` is how clean text prints it; the footnote's ``L.P.`` is a style, not a repair.
    filing = _holdings(["Sequoia Capital XII, LP"], FOOTNOTE_XII)
    assert _natures(filing) == ["Sequoia Capital XII, LP"]


def test_damaged_word_repaired_but_cell_house_style_kept() -> None:
    filing = _holdings(["Sequoia Capital Global Growin Fund, L.P."], FOOTNOTE_GGF)
    assert _natures(filing) == ["Sequoia Capital Global Growth Fund, L.P."]


def test_by_prefix_matched_apart_from_the_name() -> None:
    # The prose prints ``... and Sequoia Technology Partners XII, L.P.``: the cell's ``By`` stays.
    filing = _holdings(["By Sequoia Technology Partners XIL, L.p."], FOOTNOTE_XII)
    assert _natures(filing) == ["By Sequoia Technology Partners XII, L.P."]


def test_glued_wrapped_start_moves_to_the_next_row() -> None:
    # dev_18579094af_ocr300: ``L.P. &`` / blank / ``By`` / ``Sequoia`` / ``Capital`` above the next data line.
    filing = _holdings(
        ["By Sequoia Capital U.S. Growth Fund IV, L.P. & By Sequoia Capital", "USGF Principals Fund IV, Lp."],
        FOOTNOTE_GFIV,
    )
    assert _natures(filing) == [
        "By Sequoia Capital U.S. Growth Fund IV, L.P.",
        "By Sequoia Capital USGF Principals Fund IV, L.P.",
    ]


def test_glued_start_without_a_footnote_printing_stays() -> None:
    filing = _holdings(
        ["By Sequoia Capital U.S. Growth Fund IV, L.P. & By Sequoia Capital", "USGF Principals Fund IV, Lp."],
        "The Reporting Person disclaims beneficial ownership except to the extent of his pecuniary interest.",
    )
    assert _natures(filing) == [
        "By Sequoia Capital U.S. Growth Fund IV, L.P. & By Sequoia Capital",
        "USGF Principals Fund IV, Lp.",
    ]


def test_glue_only_within_one_table_and_next_row_without_lead() -> None:
    # dev_3418a75c27_ocr300: the next row already opens with ``By``: nothing to give it.
    value = "By Sequoia Capital U.S. Venture 2010 Partners Fund (Q), LP By Sequoia Capital U.S."
    filing = OwnershipFiling(
        non_derivative_transactions=[
            NonDerivativeTransaction(security_title="Class A Common Stock", nature_of_ownership=value),
            NonDerivativeTransaction(
                security_title="Class A Common Stock", nature_of_ownership="By estate planning vehicle"
            ),
        ],
        footnotes=[Footnote(id="1", text=FOOTNOTE_GFIV)],
    )
    assert _natures(filing) == [value, "By estate planning vehicle"]


def test_distinct_funds_q_and_plain_not_merged() -> None:
    natures = [
        "Sequoia Capital U.S. Venture Partners Fund XV (Q), L.P.",
        "Sequoia Capital U.S. Venture Partners Fund XV, L.P.",
    ]
    assert _natures(_holdings(list(natures), FOOTNOTE_USV_XV)) == natures
