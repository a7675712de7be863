"""Contract tests of document-internal consensus (``extractor.checks.consensus``) on real filing excerpts.

Values and footnotes are copied from dev filings as the assembler read them (OCR at 300 dpi and w3m).
"""

from __future__ import annotations

import pytest

from extractor.checks import CheckContext, apply_checks, checks_disabled, run_checks
from extractor.checks.consensus import WHY, check_consensus
from extractor.checks.context import REPAIRED_CONFIDENCE
from extractor.records import (
    DerivativeHolding,
    Envelope,
    Footnote,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipFiling,
)

# dev_ff248d1c2e_ocr300: footnote 2 as OCRed (prose is read cleaner than the table cells).
FOOTNOTE_GROWTH_VI = (
    "The Reporting Person is a director and stockholder of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is (i) the "
    "general partner of SC U.S. Growth VI Management, L.P., which is the general partner of each of Sequoia "
    "Capital U.S. Growth Fund VI, L.P. (GFVI) and Sequoia Capital U.S. Growth VI Principals Fund, L.P. "
    "(GFVI PF) (collectively, the GFVI Funds)"
)
# dev_bc89c38382_ocr300: footnote 2.
FOOTNOTE_XII = (
    'SC XII Management, LLC ("SC XII Management") is the general partner of Sequoia Capital XII, L.P. and '
    "Sequoia Technology Partners XII, L.P. and is the managing member of Sequoia Capital XII Principals "
    "Fund, LLC. As a result, SC XII Management may be deemed to share voting and dispositive power with "
    "respect to the shares held by Sequoia Capital XII, L.P., Sequoia Technology Partners XII, L.P."
)
# dev_d694447ef1_w3m: footnote 3 (clean text).
FOOTNOTE_GFIV = (
    "SC US (TTGP), Ltd. is the general partner of SCGF IV Management, L.P., which is the general partner of "
    "Sequoia Capital U.S. Growth Fund IV, L.P. and Sequoia Capital USGF Principals Fund IV, L.P., or "
    "collectively, the SC GFIV Funds."
)


def _holdings(natures: list[str], footnote: str = "", titles: list[str] | None = None) -> OwnershipFiling:
    titles = titles or ["Common Stock"] * len(natures)
    return OwnershipFiling(
        non_derivative_holdings=[
            NonDerivativeHolding(security_title=t, direct_or_indirect_ownership="I", nature_of_ownership=n)
            for t, n in zip(titles, natures, strict=True)
        ],
        footnotes=[Footnote(id="1", text=footnote)] if footnote else [],
    )


def _run(filing: OwnershipFiling) -> CheckContext:
    ctx = CheckContext(confidence={}, warnings=[])
    check_consensus(filing, ctx)
    return ctx


@pytest.mark.parametrize(
    ("damaged", "footnote", "repaired"),
    [
        # Trap: the fuzzy window runs on into "(GFVI)" and the damaged "L.p." must not survive the repair.
        (
            "Sequoia Capital U.S. Guowiin Fund VI, L.p.",
            FOOTNOTE_GROWTH_VI,
            "Sequoia Capital U.S. Growth Fund VI, L.P.",
        ),
        # Trap: the footnote prints "by" mid-sentence; the cell's capital "By" stays.
        ("By Sequoia Capital XII, Lp,", FOOTNOTE_XII, "By Sequoia Capital XII, L.P."),
        # A damaged numeral (XIL) may become the footnote's XII: one edit, numeral letters only.
        ("By Sequoia Capital XIL L.p.", FOOTNOTE_XII, "By Sequoia Capital XII, L.P."),
    ],
)
def test_consensus_repairs_from_footnote(damaged: str, footnote: str, repaired: str) -> None:
    """A fund name damaged in its cell is replaced by the footnote's printing, with warning and confidence."""
    filing = _holdings([damaged], footnote)
    ctx = _run(filing)
    assert filing.non_derivative_holdings[0].nature_of_ownership == repaired
    path = "non_derivative_holdings[0].nature_of_ownership"
    assert ctx.confidence[path] == REPAIRED_CONFIDENCE
    assert ctx.warnings == [f"{path}: {damaged!r} repaired to {repaired!r} ({WHY})"]


def test_consensus_repairs_from_other_rows() -> None:
    """dev_ddf8c286f5_ocr300: a title split by OCR (``cl ass``) is repaired from the other rows' title,
    and the underlying title of Table II counts as a printing of the same family."""
    filing = OwnershipFiling(
        non_derivative_transactions=[
            NonDerivativeTransaction(security_title="cl ass A Common Stock"),
            NonDerivativeTransaction(security_title="Class A Common Stock"),
        ],
        derivative_holdings=[
            DerivativeHolding(security_title="Stock Option", underlying_security_title="Class A Common Stock")
        ],
    )
    _run(filing)
    assert filing.non_derivative_transactions[0].security_title == "Class A Common Stock"


@pytest.mark.parametrize(
    ("natures", "footnote"),
    [
        # Trap: one edit apart, both correct: class letters, numerals and (Q) name different things.
        (["Class A Common Stock", "Class B Common Stock", "Class B Common Stock"], ""),
        (
            ["Sequoia Capital U.S. Growth Fund VII, L.P.", "Sequoia Capital U.S. Growth Fund VIII, L.P."] * 2,
            "",
        ),
        (
            [
                "Sequoia Capital U.S. Venture Partners Fund XV, L.P.",
                "Sequoia Capital U.S. Venture Partners Fund XV (Q), L.P.",
                "Sequoia Capital U.S. Venture Partners Fund XV (Q), L.P.",
            ],
            "",
        ),
        # Trap (w3m, clean): "LP" in the cell, "L.P." in the footnote: two house styles, no damage.
        (["Sequoia Capital U.S. Growth Fund IV, LP"], FOOTNOTE_GFIV),
        # Trap (w3m, clean): a word merged in the cell is printed so; the rows say it, not OCR.
        (["SC US/E ExpansionFund I Management, L.P.", "SC US/E Expansion Fund I Management, L.P."] * 1, ""),
        # Trap: a cell too narrow for its text ("Stoc") is what the filing prints.
        (["Class A Common Stoc", "Class A Common Stock", "Class A Common Stock"], ""),
        # Trap: the footnote says "of Sequoia Grove II, LLC."; "of" must not replace the cell's "By".
        (["By Sequoia Grove II, LLC"], "the shares held of Sequoia Grove II, LLC."),
        # No alternative printed anywhere: the damaged value stays.
        (["By Perate Planning Vehicles"], "Represents shares held by estate planning vehicles."),
    ],
)
def test_consensus_leaves_distinct_or_unsupported_values(natures: list[str], footnote: str) -> None:
    """Values that look alike but are different, or have no better printing, are left as read."""
    filing = _holdings(natures, footnote)
    ctx = _run(filing)
    assert [r.nature_of_ownership for r in filing.non_derivative_holdings] == natures
    assert ctx.warnings == []


def test_consensus_runs_in_checks_and_respects_disabled() -> None:
    """Wired into ``run_checks``; ``checks_disabled`` makes ``apply_checks`` a no-op for it too."""
    env = Envelope(
        document_id="x",
        source=None,
        form_type="4",
        filing=_holdings(["By Sequoia Capital XII, Lp,"], FOOTNOTE_XII),
    )
    with checks_disabled():
        apply_checks(env)
    assert env.warnings == []
    run_checks(env)
    assert isinstance(env.filing, OwnershipFiling)
    assert env.filing.non_derivative_holdings[0].nature_of_ownership == "By Sequoia Capital XII, L.P."
