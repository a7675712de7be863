"""OCR damage to the figures, codes and dates of Table I/II rows, on lines copied from OCR'd filings.

Each test pins one slip the OCR makes and the evidence the repair rests on; the negative tests pin
what must stay as printed when that evidence is missing.
"""

from __future__ import annotations

from extractor.assemble.ownership_tables_fields import parse_table_i, split_leading_title
from extractor.checks import CheckContext
from extractor.checks.holdings import check_holdings
from extractor.checks.slips import garbled_reading, rule_read_as_one
from extractor.layout.cells import Token, TokenKind, tokenize_line
from extractor.layout.lines import Line
from extractor.records import DerivativeTransaction, NonDerivativeTransaction, OwnershipFiling

OWNED = "shares_owned_following_transaction"
ND = "non_derivative_transactions"
DT = "derivative_transactions"


def _tokens(text: str) -> list[Token]:
    return tokenize_line(Line(0, 0, len(text), text))


def _table_i(text: str) -> dict[str, object]:
    _, rest = split_leading_title(_tokens(text))
    return {k: v.value for k, v in parse_table_i(rest, ocr=True, want_nature=True).items()}


def _spans(text: str, wanted: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Spans of printed cells, found left to right (each search starts after the previous hit)."""
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for path, needle in wanted.items():
        start = text.index(needle, pos)
        spans[path] = (start, start + len(needle))
        pos = start + len(needle)
    return spans


# --- tokens -----------------------------------------------------------------------------------------


def test_date_with_glued_mark_debris_is_a_date() -> None:
    """Trap: "12/31/20122" is the exercisable date with the mark "(2)" glued on; as one text token the
    date was lost, and Table II then read the lone expiration date only."""
    line = "Option $19.9 12/31/2012 A 774 12/31/20122| 12/31/2019 Stock 774 (3) 774 D"
    dates = [t.text for t in _tokens(line) if t.kind is TokenKind.DATE]
    assert dates == ["12/31/2012", "12/31/2012", "12/31/2019"]


def test_two_dates_and_a_word_glued_by_mark_debris() -> None:
    line = "Option $ 73.58 | 10/09/2020 A 405 10/09/2020°2)10/08/2030;/Common| 405 $0 405 3) D"
    toks = [(t.text, t.kind) for t in _tokens(line)]
    i = toks.index(("405", TokenKind.NUMBER))
    assert toks[i + 1 : i + 4] == [
        ("10/09/2020", TokenKind.DATE),
        ("10/08/2030", TokenKind.DATE),
        ("Common", TokenKind.TEXT),
    ]


def test_well_formed_glued_mark_keeps_its_footnote() -> None:
    """The debris split must not swallow a clean mark: "01/24/2020(2)" keeps footnote 2."""
    (tok,) = _tokens("01/24/2020(2)")
    assert (tok.text, tok.kind, tok.footnotes) == ("01/24/2020", TokenKind.DATE, ["2"])


def test_rule_read_as_closing_parenthesis_before_the_owned_figure() -> None:
    row = _table_i("Class A Common Stock 06/15/2021 A (a) A $0 )12,150 D")
    assert row[OWNED] == 12150
    assert row["transaction_price_per_share"] == 0
    # "buy)" stays a word: only a value is freed of the parenthesis.
    assert [t.text for t in _tokens("(right to buy)")] == ["(right", "to", "buy)"]


def test_hyphen_read_for_decimal_point_of_a_price() -> None:
    line = "(right to | $9-51 | 12/08/2017 A 2,810 12/08/2017£4)| 12/07/2027 commen 2,810 | $5.56 | 2,810 D"
    money = [t.text for t in _tokens(line) if t.kind is TokenKind.MONEY]
    assert money == ["$9.51", "$5.56"]
    # Without a dollar sign a hyphenated pair is not a price (a fund year "2010-11").
    assert [t.kind for t in _tokens("Fund 2010-11")] == [TokenKind.TEXT, TokenKind.TEXT]


# --- Table I row reading ----------------------------------------------------------------------------


def test_bare_mark_between_amount_and_ad_letter_is_not_the_price() -> None:
    row = _table_i("Class A Common Stock 04/13/2022 J 993 2 |D $0 |6,274 D")
    assert row["transaction_shares"] == 993
    assert row["transaction_acquired_disposed_code"] == "D"
    assert row["transaction_price_per_share"] == 0
    assert row[OWNED] == 6274


def test_ad_letter_before_di_letter_when_price_and_owned_are_junk() -> None:
    """Trap: with price and amount owned unreadable, the (A)/(D) letter was the first D/I-shaped letter
    after the last number and was taken as the ownership form."""
    row = _table_i("Class A Common Stock 05/27/2021 jy 2,248,637 | D ¢ M10 I By Sequoia")
    assert row["transaction_acquired_disposed_code"] == "D"
    assert row["direct_or_indirect_ownership"] == "I"
    assert OWNED not in row
    row = _table_i("Class A Common Stock 03/20/2013 g(2) 8,500 |D [829-00 |g D")
    assert row["transaction_acquired_disposed_code"] == "D"
    assert row["direct_or_indirect_ownership"] == "D"


def test_single_letter_after_the_amount_stays_the_ownership_form() -> None:
    row = _table_i("Class A Common Stock 11/18/2021 35,665 I By Sequoia")
    assert row["direct_or_indirect_ownership"] == "I"
    assert "transaction_acquired_disposed_code" not in row


# --- checks: a rule read as "1" ---------------------------------------------------------------------

RULE_LINE = "Class A Common Stock 06/10/2019 C 37,310 JA $0 137,310 I USGF\n"
# A later row of the same page (dev_3418a75c4a_ocr300): the OCR evidence the repair needs, rules glued to
# the figures of the same columns.
RULE_PAGE_ROW = "Class A Common Stock 06/10/2019 C T44,271|A $0 |744,271 I U.S.\n"


def _acquisition(owned: float, nature: str = "USGF") -> NonDerivativeTransaction:
    return NonDerivativeTransaction(
        security_title="Class A Common Stock",
        transaction_date="2019-06-10",
        transaction_code="C",
        transaction_shares=37310,
        transaction_acquired_disposed_code="A",
        shares_owned_following_transaction=owned,
        direct_or_indirect_ownership="I",
        nature_of_ownership=nature,
    )


def test_rule_read_as_one_before_an_acquisitions_own_amount() -> None:
    filing = OwnershipFiling(non_derivative_transactions=[_acquisition(137310)])
    text = RULE_LINE + RULE_PAGE_ROW
    spans = _spans(text, {f"{ND}[0].transaction_shares": "37,310", f"{ND}[0].{OWNED}": "137,310"})
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans=spans)
    check_holdings(filing, ctx)
    assert filing.non_derivative_transactions[0].shares_owned_following_transaction == 37310
    assert ctx.touched == {f"{ND}[0].{OWNED}": "repaired"}
    assert any("rule read as '1'" in w for w in ctx.warnings)


def test_rule_one_kept_when_the_next_link_confirms_the_printed_figure() -> None:
    """137,310 then a sale of 37,310 leaving 100,000: the chain says the holder did own 100,000 first."""
    text = RULE_LINE + "Class A Common Stock 06/11/2019 S 37,310 D $9 100,000 I USGF\n" + RULE_PAGE_ROW
    sale = _acquisition(100000)
    sale.transaction_code, sale.transaction_acquired_disposed_code = "S", "D"
    filing = OwnershipFiling(non_derivative_transactions=[_acquisition(137310), sale])
    spans = _spans(
        text,
        {
            f"{ND}[0].{OWNED}": "137,310",
            f"{ND}[1].transaction_shares": "37,310",
            f"{ND}[1].{OWNED}": "100,000",
        },
    )
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans=spans)
    check_holdings(filing, ctx)
    assert filing.non_derivative_transactions[0].shares_owned_following_transaction == 137310
    assert not ctx.repairs


def test_rule_one_needs_the_printed_one() -> None:
    assert rule_read_as_one("137,310", 137310, 37310)
    assert rule_read_as_one("17,278", 17278, 7278)
    assert not rule_read_as_one("|37,310", 137310, 37310)  # the printed text has no "1"
    assert not rule_read_as_one("147,310", 147310, 37310)
    # No text (no span): nothing is repaired.
    filing = OwnershipFiling(non_derivative_transactions=[_acquisition(137310)])
    ctx = CheckContext(confidence={}, warnings=[])
    check_holdings(filing, ctx)
    assert filing.non_derivative_transactions[0].shares_owned_following_transaction == 137310


# --- checks: digits read as letters, comma read as a point ------------------------------------------


def test_amount_with_a_letter_for_seven_is_filled_from_the_owned_figure() -> None:
    text = "Class A Common Stock 06/10/2019 C T44,271|A $0 |744,271 I U.S.\n"
    row = _acquisition(744271)
    row.transaction_shares = None
    filing = OwnershipFiling(non_derivative_transactions=[row])
    spans = _spans(
        text,
        {
            f"{ND}[0].transaction_date": "06/10/2019",
            f"{ND}[0].transaction_code": "C",
            f"{ND}[0].transaction_acquired_disposed_code": "A",
            f"{ND}[0].transaction_price_per_share": "$0",
            f"{ND}[0].{OWNED}": "744,271",
        },
    )
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans=spans)
    check_holdings(filing, ctx)
    assert row.transaction_shares == 744271
    assert any("'T44,271'" in w for w in ctx.warnings)


def _option(underlying: float | None) -> DerivativeTransaction:
    return DerivativeTransaction(
        security_title="Stock Option (right to buy)",
        conversion_or_exercise_price=41.51,
        transaction_date="2022-10-14",
        transaction_code="A",
        transaction_shares=851,
        transaction_acquired_disposed_code="A",
        expiration_date="2032-10-13",
        underlying_security_title="Common Stock",
        underlying_security_shares=underlying,
        transaction_price_per_share=24.96,
        shares_owned_following_transaction=851,
        direct_or_indirect_ownership="D",
    )


OPTION_LINE = "Option $41.51 | 10/14/2022 A fan (2) |10/13/2032|Common) g51 | $ 24.96 851 D\n"
OPTION_SPANS = {
    f"{DT}[0].conversion_or_exercise_price": "$41.51",
    f"{DT}[0].transaction_date": "10/14/2022",
    f"{DT}[0].transaction_code": "A",
    f"{DT}[0].expiration_date": "10/13/2032",
    f"{DT}[0].transaction_price_per_share": "$ 24.96",
    f"{DT}[0].{OWNED}": "851",
}


def test_underlying_amount_with_g_for_eight_is_filled() -> None:
    row = _option(None)
    filing = OwnershipFiling(derivative_transactions=[row])
    ctx = CheckContext(confidence={}, warnings=[], text=OPTION_LINE, spans=_spans(OPTION_LINE, OPTION_SPANS))
    check_holdings(filing, ctx)
    assert row.underlying_security_shares == 851


def test_garbled_word_that_reads_as_no_figure_of_the_row_fills_nothing() -> None:
    text = OPTION_LINE.replace("g51", "g57")
    row = _option(None)
    filing = OwnershipFiling(derivative_transactions=[row])
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans=_spans(text, OPTION_SPANS))
    check_holdings(filing, ctx)
    assert row.underlying_security_shares is None
    assert not garbled_reading("g5", 85)  # too short to mean anything
    assert not garbled_reading("851", 851)  # a plain number is no garbling


def test_thousands_comma_read_as_a_point_beside_the_same_digits() -> None:
    text = '(right to | $48-66 | 06/30/2023 A 8,511 2 Joeyosy2033; 27M"! 8.511 | $0 8,511 D\n'
    row = _option(8.511)
    row.transaction_shares = row.shares_owned_following_transaction = 8511
    filing = OwnershipFiling(derivative_transactions=[row])
    spans = _spans(
        text, {f"{DT}[0].transaction_shares": "8,511", f"{DT}[0].underlying_security_shares": "8.511"}
    )
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans=spans)
    check_holdings(filing, ctx)
    assert row.underlying_security_shares == 8511
    # A fractional figure with other digits than the row's whole figures stays as printed.
    row = _option(8.512)
    row.transaction_shares = row.shares_owned_following_transaction = 8511
    filing = OwnershipFiling(derivative_transactions=[row])
    ctx = CheckContext(confidence={}, warnings=[], text=text.replace("8.511", "8.512"), spans=spans)
    check_holdings(filing, ctx)
    assert row.underlying_security_shares == 8.512


def test_grant_amount_slip_repaired_when_underlying_and_owned_agree() -> None:
    text = '(ght to | $20.27 | 10/26/2018 A 1309) |10/26/201822/10/25/2028] 2M") 1,300 | $12.01] 1,300 D\n'
    row = _option(1300)
    row.transaction_shares, row.shares_owned_following_transaction = 1309, 1300
    filing = OwnershipFiling(derivative_transactions=[row])
    spans = _spans(
        text, {f"{DT}[0].transaction_shares": "1309", f"{DT}[0].underlying_security_shares": "1,300"}
    )
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans=spans)
    check_holdings(filing, ctx)
    assert row.transaction_shares == 1300
    # Underlying amount and amount owned disagree: no evidence, the amount stays as printed.
    row = _option(1300)
    row.transaction_shares, row.shares_owned_following_transaction = 1309, 2609
    filing = OwnershipFiling(derivative_transactions=[row])
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans=spans)
    check_holdings(filing, ctx)
    assert row.transaction_shares == 1309
