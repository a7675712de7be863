"""Contract tests of the OCR title repair (``extractor.checks.titles``) on real filing excerpts.

Title values are copied from dev filings as the assembler read them (OCR at 300 dpi), with a few lines of
the OCR text where the repair depends on it.
"""

from __future__ import annotations

from extractor.checks.context import REPAIRED_CONFIDENCE, CheckContext
from extractor.checks.titles import WHY, _drop_strays, check_titles, is_valid_title
from extractor.records import (
    DerivativeHolding,
    DerivativeTransaction,
    Footnote,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipFiling,
)

# dev_f33b45b2b1_ocr300, Table I: the ``k`` of ``Stock`` went to the line above (``7 k 1.862``) and two
# lines of one wrapped cell were read interleaved (``Cl AC Stock`` / ``ass ommon Stoc``).
OCR_TABLE_I = """Class A Common Stock 01/02/2024 A 177 MIA $0 {24,221 D
Sequoia
Capital
7 k 1.862 U.S.
Class A Common Stoc ,86 I Gna
Fund IV,
L.p. 2
Class A Common Stock 684,741 I planning
vehicle
Cl AC Stock 11,388 I US.
ass ommon Stoc D Venture
"""
# The same rows as a clean converter prints them (no OCR glyph debris).
CLEAN_TABLE_I = """Class A Common Stock   01/02/2024   A   177   A   $0   24,221   D
Class A Common Stoc                                  1,862   I   By Fund (2)
Class A Common Stock                                684,741   I   By estate planning vehicle
"""


def _holdings(titles: list[str]) -> OwnershipFiling:
    return OwnershipFiling(
        non_derivative_holdings=[
            NonDerivativeHolding(security_title=t, direct_or_indirect_ownership="I") for t in titles
        ]
    )


def _options(rows: list[tuple[str, str | None]], footnote: str = "") -> OwnershipFiling:
    return OwnershipFiling(
        derivative_transactions=[
            DerivativeTransaction(security_title=t, underlying_security_title=u) for t, u in rows
        ],
        footnotes=[Footnote(id="1", text=footnote)] if footnote else [],
    )


def _run(filing: OwnershipFiling, text: str | None = None) -> CheckContext:
    ctx = CheckContext(confidence={}, warnings=[], text=text)
    check_titles(filing, ctx)
    return ctx


def test_interleaved_and_cut_titles_snap_to_the_clean_printing() -> None:
    filing = _holdings(
        ["Class A Common Stock", "Class A Common Stoc", "Class A Common Stock", "Cl AC Stock ass ommon Stoc"]
    )
    ctx = _run(filing, OCR_TABLE_I)
    assert [h.security_title for h in filing.non_derivative_holdings] == ["Class A Common Stock"] * 4
    path = "non_derivative_holdings[3].security_title"
    assert ctx.confidence[path] == REPAIRED_CONFIDENCE
    assert any(w.startswith(path) and WHY in w for w in ctx.warnings)


def test_cut_last_word_is_kept_in_clean_text() -> None:
    # Clean text prints what the filer typed: ``Stoc`` may be the filing's own value.
    filing = _holdings(["Class A Common Stock", "Class A Common Stoc", "Class A Common Stock"])
    ctx = _run(filing, CLEAN_TABLE_I)
    assert filing.non_derivative_holdings[1].security_title == "Class A Common Stoc"
    assert not ctx.warnings


def test_a_lost_class_letter_is_not_guessed() -> None:
    # dev_ce6274b137_ocr300 read only ``ass ommon Stoc``; with Class A and Class B both printed, either fits.
    filing = _holdings(["Class A Common Stock", "Class B Common Stock", "ass ommon Stoc"])
    _run(filing, OCR_TABLE_I)
    assert filing.non_derivative_holdings[2].security_title == "ass ommon Stoc"
    only_a = _holdings(["Class A Common Stock", "ass ommon Stoc"])
    _run(only_a, OCR_TABLE_I)
    assert only_a.non_derivative_holdings[1].security_title == "Class A Common Stock"


def test_neighbour_text_is_dropped_around_a_printed_title() -> None:
    # dev_56261874e1_ocr300 / dev_f0760d389a_ocr300: a fund name's last words joined the title.
    filing = _holdings(
        ["Class A Common Stock", "Fund (Q), L.p, Class A Common Stock", "Sequoia Class A Common Stock"]
    )
    _run(filing, OCR_TABLE_I)
    assert [h.security_title for h in filing.non_derivative_holdings] == ["Class A Common Stock"] * 3
    # dev_29be342418_ocr300: the next row's underlying title ran on after the security title.
    holdings = OwnershipFiling(
        derivative_holdings=[
            DerivativeHolding(
                security_title="Series D Convertible Preferred Stock",
                underlying_security_title="Common Stock",
            ),
            DerivativeHolding(
                security_title="Series D Convertible Preferred Stock fen) Common Stock",
                underlying_security_title="Class B Common Stock Class",
            ),
            DerivativeHolding(
                security_title="Series A Convertible Preferred Stock",
                underlying_security_title="Class B Common Stock",
            ),
        ]
    )
    _run(holdings, OCR_TABLE_I)
    row = holdings.derivative_holdings[1]
    assert row.security_title == "Series D Convertible Preferred Stock"
    assert row.underlying_security_title == "Class B Common Stock"
    # A title word before the candidate names another security: ``Class B`` + ``Common Stock`` is kept.
    assert holdings.derivative_holdings[0].underlying_security_title == "Common Stock"


def test_stray_numbers_leave_the_title() -> None:
    # dev_3c95be8816_ocr300: ``(right to | $9-51 | 12/08/2017 ...`` put the exercise price into the title;
    # dev_f444cef040_ocr300: a date run glued to the underlying title.
    filing = _options(
        [
            ("Stock Option (right to $9-51 buy)", "commen"),
            ("Stock Option (right to buy)", "10/09/2020°2)10/08/2030;/Common Stock"),
        ]
    )
    _run(filing, "Option\n(right to | $9-51 | 12/08/2017 A 2,810 12/08/2017£4)| 12/07/2027 commen 2,810\n")
    rows = filing.derivative_transactions
    assert rows[0].security_title == "Stock Option (right to buy)"
    assert rows[1].underlying_security_title == "Common Stock"
    assert rows[0].underlying_security_title == "commen"  # ``Stock`` is printed nowhere: not invented


def test_series_and_par_value_numbers_stay() -> None:
    for title in (
        "Series D-1 Preferred Stock",
        "Class A Common Stock, $0.0001 par value",
        "8% Convertible Notes",
    ):
        assert is_valid_title(title)
        filing = _holdings([title])
        ctx = _run(filing, OCR_TABLE_I)
        assert filing.non_derivative_holdings[0].security_title == title
        assert not ctx.warnings


def test_garbled_underlying_titles_of_a_single_underlying_security() -> None:
    # dev_95b3b787ed_ocr300, Table II: every row's underlying security is the common stock, OCR read the
    # narrow cell as ``Gros`` / ``Smock.`` / ``Com Gros``; the preferred titles lost their last words.
    filing = _options(
        [
            ("Series A Preferred Stock", "Gros"),
            ("Series A Preferr eferred) Stock", None),
            ("Series A cite toc", "Com Gros"),
            ("Series B pasta toc", "common"),
            ("Series B Preferred Stock", "Gros"),
            ("Series B Bese", "Smock."),
            ("Series C Preferred Stock", "common"),
            ("Series Preferred Stock", "Common Stock"),
        ]
    )
    _run(filing, "Bese (1) 09/22/2020 91,350 a) (1) Smock. 91,350 $0 Partners\n")
    rows = filing.derivative_transactions
    assert {r.underlying_security_title for r in rows if r.underlying_security_title} == {"Common Stock"}
    assert [r.security_title for r in rows[:6]] == [
        "Series A Preferred Stock",
        "Series A Preferred Stock",
        "Series A Preferred Stock",
        "Series B Preferred Stock",
        "Series B Preferred Stock",
        "Series B Preferred Stock",
    ]
    # The series letter was lost and several series are printed: left as read.
    assert rows[7].security_title == "Series Preferred Stock"


def test_reordered_and_cut_underlying_titles() -> None:
    # dev_719999cb9a_ocr300: the wrapped underlying cell read out of order or cut.
    filing = OwnershipFiling(
        derivative_holdings=[
            DerivativeHolding(
                security_title="Class B Common Stock, $0.0001 par value", underlying_security_title=u
            )
            for u in ("Class A Common Stock", "Stock Class A Common", "Class A", "common", "Class A Common")
        ]
    )
    _run(filing, OCR_TABLE_I)
    assert {h.underlying_security_title for h in filing.derivative_holdings} == {"Class A Common Stock"}


def test_standard_phrase_with_damaged_words() -> None:
    # dev_a22113be26_ocr300 prints ``(ght to | $20.27 | ...``; dev_f701dacf5a_ocr300 ``(Riioiin: io $ 21.32``.
    filing = _options(
        [
            ("Stock Option (ght to buy)", None),
            ("Stock Option (Riioiin: io Buy)", None),
            ("Stock Pee (right to buy)", None),
        ]
    )
    _run(filing, OCR_TABLE_I)
    rows = filing.derivative_transactions
    assert rows[0].security_title == "Stock Option (right to buy)"
    assert rows[1].security_title == "Stock Option (Right to Buy)"
    # ``Pee`` shares no letter with ``Option``: no evidence, no repair.
    assert rows[2].security_title == "Stock Pee (right to buy)"


def test_footnote_printing_is_a_candidate() -> None:
    # The preferred stock is printed only in the footnotes' prose; the table cell was read interleaved.
    note = (
        "The Series B Preferred Stock is convertible into Common Stock on a 1-for-1 basis at the holder's "
        "election and has no expiration date."
    )
    filing = OwnershipFiling(
        non_derivative_transactions=[NonDerivativeTransaction(security_title="Common Stock")],
        derivative_transactions=[DerivativeTransaction(security_title="Series B Preferr eferred) Stock")],
        footnotes=[Footnote(id="1", text=note)],
    )
    _run(filing, OCR_TABLE_I)
    assert filing.derivative_transactions[0].security_title == "Series B Preferred Stock"


def test_singular_prose_printing_does_not_make_a_cut_title_ambiguous() -> None:
    # A cut cell (``American``) fits the table's ``... Shares`` and the prose's ``... Share`` alike: they are
    # one title, and the table's printing is used.
    note = "Each American Depositary Share represents one ordinary share of the Issuer."
    filing = OwnershipFiling(
        derivative_transactions=[
            DerivativeTransaction(
                security_title="Option", underlying_security_title="American Depositary Shares"
            ),
            DerivativeTransaction(security_title="Option", underlying_security_title="American"),
        ],
        footnotes=[Footnote(id="1", text=note)],
    )
    _run(filing, OCR_TABLE_I)
    assert filing.derivative_transactions[1].underlying_security_title == "American Depositary Shares"


def test_lone_currency_sign_is_dropped_not_the_class() -> None:
    """pdftotext -layout put a price cell's ``$`` inside a wrapped title: the ``$`` goes, ``Class B`` stays
    (snapping to the embedded ``Common Stock`` would turn one security into another)."""
    assert _drop_strays("Class B $ Common Stock") == "Class B Common Stock"
