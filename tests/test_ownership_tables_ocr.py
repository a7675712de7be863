"""Contract tests: Table II / Table I rows of tesseract OCR (300 dpi) of the printed form.

Each fixture is a real excerpt of ../shared/data/dev/docs (``*_ocr300``), cut to a few rows; expected
values are the dev gold's. Each test's docstring names the OCR trap it guards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.ownership_tables import TablesResult, extract_tables
from extractor.ingest import normalise
from extractor.layout.cells import TokenKind, tokenize_line
from extractor.layout.lines import split_lines

FIXTURES = Path(__file__).parent / "fixtures" / "ownership_tables"


def _tables(name: str, form_type: str) -> TablesResult:
    text = (FIXTURES / name).read_text(encoding="utf-8").rstrip("\n")
    return extract_tables(normalise(text), form_type)


def test_ownership_tables_ocr_form3_mark_debris_is_not_the_underlying_title() -> None:
    """Trap: Form 3 Table II date cells that hold only a footnote mark come out as ``Q) Q)``; they
    separate the title from the underlying title (``Class A`` above, ``Common`` on, ``Stock``
    below the data line) and must not swallow the row's amount, D/I and nature."""
    res = _tables("ocr_form3_derivative.txt", "3")
    assert res.derivative_transactions == []
    first = res.derivative_holdings[0]
    assert first.security_title == "Class B Common Stock, $0.0001 par value"
    assert first.underlying_security_shares == 624136
    assert (first.direct_or_indirect_ownership, first.nature_of_ownership) == (
        "I",
        "By estate planning vehicles",
    )
    assert first.underlying_security_title is not None
    assert first.underlying_security_title.startswith("Class A Common")
    last = res.derivative_holdings[-1]
    assert (last.underlying_security_shares, last.direct_or_indirect_ownership) == (1235148, "I")


def test_ownership_tables_ocr_form3_doubled_title_is_split() -> None:
    """Trap: with no mark between them, OCR glues the title to the underlying title
    (``Class B Common Stock Common Stock 32,212,328``): the doubled phrase is the cut. A digit of a
    garbled underlying title (``Clas 2 2,565,601``) is not the underlying amount."""
    rows = _tables("ocr_form3_doubled_title.txt", "3").derivative_holdings
    amounts = [r.underlying_security_shares for r in rows]
    assert amounts == [13031306, 2565601, 32212328]
    assert [r.direct_or_indirect_ownership for r in rows] == ["D", "I", "I"]
    assert rows[2].security_title == "Class B Common Stock"
    assert rows[2].underlying_security_title is not None
    assert rows[2].underlying_security_title.endswith("Common Stock")
    assert rows[1].nature_of_ownership == "See Footnote"


def test_ownership_tables_ocr_code_before_junk_and_wrapped_amount() -> None:
    """Trap: the code's footnote mark reads ``A qd)`` and the amount cell lands on the title's
    next line (``(right to 687 Stock``): the junk after the code must not open the underlying
    title (the code would be lost and the row read as a holding), and the amount is the bare
    figure on the wrapped line, kept out of the title."""
    res = _tables("ocr_code_junk_wrapped_amount.txt", "4")
    assert res.derivative_holdings == []
    (tx,) = res.derivative_transactions
    assert (tx.transaction_date, tx.transaction_code) == ("2023-07-28", "A")
    assert (tx.transaction_shares, tx.transaction_acquired_disposed_code) == (687, "A")
    assert tx.conversion_or_exercise_price == 45.88
    assert tx.expiration_date == "2033-07-27"
    assert (tx.transaction_price_per_share, tx.shares_owned_following_transaction) == (29.68, 687)
    assert tx.security_title == "Stock Option (right to buy)"
    assert tx.underlying_security_title == "Common Stock"


def test_ownership_tables_ocr_scrambled_table_ii_keeps_underlying_title_in_row() -> None:
    """Trap: OCR printing one cell per paragraph puts the underlying title (``Class A Common
    Stock``) between two values, like a new row's title; and the code cell was lost, so a
    transaction date followed straight by an amount still makes a transaction."""
    res = _tables("ocr_scrambled_derivative.txt", "4")
    assert res.derivative_holdings == []
    assert len(res.derivative_transactions) == 2
    tx = res.derivative_transactions[1]
    assert tx.security_title == "Class B Common Stock"
    assert (tx.transaction_date, tx.transaction_shares) == ("2021-03-15", 235707)
    assert tx.underlying_security_title == "Class A Common Stock"
    assert (tx.underlying_security_shares, tx.shares_owned_following_transaction) == (235707, 824975)
    assert tx.direct_or_indirect_ownership == "I"


@pytest.mark.parametrize(
    ("line", "texts", "kinds"),
    [
        ("/12,681,798 |¢ D", ["12,681,798", "¢", "D"], [TokenKind.NUMBER, TokenKind.TEXT, TokenKind.LETTER]),
        ("qd) (2) |07/27/2033) Common", ["qd)", "07/27/2033", "Common"], None),
        ("(right to buy)", ["(right", "to", "buy)"], [TokenKind.TEXT] * 3),
        ("A Q 104/13/2033 Common", ["A", "Q", "04/13/2033", "Common"], None),
    ],
)
def test_layout_tokens_ocr_rule_slash_and_half_marks(
    line: str, texts: list[str], kinds: list[TokenKind] | None
) -> None:
    """Trap: OCR reads a column rule as ``/`` glued to an amount, keeps the ``)`` of a mark glued
    to a date and glues the ``1`` of ``(1)`` before a date (``104/13/2033``); stripped only when a
    value is left (``buy)`` stays a word)."""
    toks = tokenize_line(split_lines(line)[0])
    assert [t.text for t in toks] == texts
    if kinds is not None:
        assert [t.kind for t in toks] == kinds
    else:
        assert any(t.kind is TokenKind.DATE for t in toks)


def test_ownership_tables_ocr_lone_amount_on_its_own_line_is_a_value() -> None:
    """Trap: OCR printing one cell per paragraph puts an amount alone on a line (``479``); only a
    year (``2010`` of a wrapped fund name) or a mark-sized number alone on a line is wrapped text,
    so the holding rows are kept."""
    rows = _tables("ocr_lone_amount_blocks.txt", "4").non_derivative_holdings
    assert [r.shares_owned_following_transaction for r in rows] == [479, 171, 1750]
    assert all(r.security_title == "Class A Common Stock" for r in rows)
    assert rows[1].nature_of_ownership is not None
    assert rows[1].nature_of_ownership.startswith("Sequoia Capital U.S. Venture Partners Fund XV")


def test_ownership_tables_ocr_amount_above_row_and_ad_before_price() -> None:
    """Trap: OCR prints the amount cell on the line above the row (``46,780 Vent``) and the (A)/(D)
    letter comes straight after the code (``J QM A $ 0 |46,780``): every number left on the data
    line is price or amount owned, the amount comes from the line above, and a word cut between
    the two lines (``Vent`` / ``enture``) is joined again."""
    res = _tables("ocr_amount_above_row.txt", "4")
    (tx,) = res.non_derivative_transactions
    assert (tx.transaction_code, tx.transaction_acquired_disposed_code) == ("J", "A")
    assert (tx.transaction_shares, tx.transaction_price_per_share) == (46780, 0)
    assert (tx.shares_owned_following_transaction, tx.direct_or_indirect_ownership) == (46780, "I")
    assert tx.nature_of_ownership == "By Sequoia Capital U.S. Venture 2010-Seed Fund, L.P."
    (holding,) = res.non_derivative_holdings
    assert (holding.shares_owned_following_transaction, holding.direct_or_indirect_ownership) == (11814, "D")


def test_ownership_tables_ocr_nature_cut_at_mark_debris() -> None:
    """Trap: a nature cell wraps over several lines around its row and ends with a footnote mark
    that OCR reads as ``&`` or ``2``; that debris ends the cell, so the next row's first wrapped
    line (``Sequoia``) is not glued to the row above."""
    rows = _tables("ocr_wrapped_nature_debris.txt", "4").non_derivative_holdings
    assert [r.shares_owned_following_transaction for r in rows] == [449988, 858081, 35657, 315113]
    assert [r.nature_of_ownership for r in rows[:3]] == [
        "Sequoia Capital U.S. Venture 2010-Seed Fund, L.p.",
        "Sequoia Capital U.S. Growth Fund IV, L.p.",
        "Sequoia Capital USGF Principals Fund IV, L.p.",
    ]
    assert all(r.direct_or_indirect_ownership == "I" for r in rows)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Fund", "IV,"], [["Fund", "IV,"]]),
        (["Class", "B", "Class", "A", "See"], [["Class", "B"], ["Class", "A"], ["See"]]),
    ],
)
def test_ownership_tables_ocr_phrases_do_not_cut_before_capitals(
    words: list[str], expected: list[list[str]]
) -> None:
    """Trap: wrapped lines are split into column phrases at capitalised words, but an all-capitals
    word (``IV,``, ``LLC``) goes on a fund name: ``Fund IV,`` is one phrase of the nature cell."""
    from extractor.assemble.ownership_tables_reading import _phrases

    line = split_lines(" ".join(words))[0]
    phrases = [p for p in _phrases(tokenize_line(line), 3, prefer_last=False) if p]
    assert [[t.text for t in p] for p in phrases] == expected


@pytest.mark.parametrize(
    ("line", "index", "kind"),
    [
        ("Fund VIII, L.P, 2)", 3, TokenKind.FOOTNOTE),  # "(2)" lost its "(": no amount of 2
        ("Option $ 40.48 07/08/2022 A Q (21 07/07/2032", 5, TokenKind.FOOTNOTE),  # "(2)" lost its ")"
        ("479", 0, TokenKind.NUMBER),  # an amount cell alone on its line
        ("2010", 0, TokenKind.TEXT),  # the year of a wrapped fund name
        ("Stock Stock 2010", 2, TokenKind.TEXT),  # ... at the end of a line of words
    ],
)
def test_ownership_tables_ocr_demoted_marks_and_years(line: str, index: int, kind: TokenKind) -> None:
    """Trap: OCR drops one parenthesis of a footnote mark (``2)``, ``(21``), which then reads as a
    number, and wrapped fund names leave years on lines of their own; a lone amount cell is a value."""
    from extractor.assemble.ownership_tables_reading import demote_ocr_marks

    toks = tokenize_line(split_lines(line)[0])
    demote_ocr_marks(toks)
    assert toks[index].kind is kind


def test_ownership_tables_ocr_scrambled_header_and_shared_paragraph() -> None:
    """Trap: scrambled OCR prints Table II's header one word per line, the numbered label blocks
    (``8. Price of`` ... ``11. Nature``) after the sub-column line, and two neighbouring value
    cells in one paragraph (``02/28/2019 4,169,733``); the header must end before the first row
    and the shared paragraph is a value block of the row, not a lost line."""
    res = _tables("ocr_scrambled_header_blocks.txt", "4")
    assert res.derivative_holdings == []
    rows = res.derivative_transactions
    assert [r.transaction_shares for r in rows] == [4169733, 456279, 92481]
    assert [r.shares_owned_following_transaction for r in rows] == [6949555, 760465, 154135]
    assert all(r.security_title == "Class B Common Stock" for r in rows)
    assert all(r.underlying_security_title == "Class A Common Stock" for r in rows)
    assert all((r.transaction_date, r.direct_or_indirect_ownership) == ("2019-02-28", "I") for r in rows)
    assert rows[1].nature_of_ownership == "By Sequoia Capital U.S. Venture 2010 Partners Fund (Q), LP"


def test_ownership_tables_ocr_form4_holding_rows_end_title_at_marks() -> None:
    """Trap: a Form 4 Table II holding whose price and date cells hold only footnote marks
    (``Common (2) (2) @) | Common | 13,031,306``) has no date to end its title: the marks end it,
    else title, underlying title and amount run together and the row is lost."""
    rows = _tables("ocr_derivative_holdings_marks.txt", "4").derivative_holdings
    assert [r.underlying_security_shares for r in rows] == [13031306, 2962961, 2750050, 7818526, 2565601]
    assert all(r.security_title == "Class B Common Stock" for r in rows)
    assert all(r.underlying_security_title == "Class A Common Stock" for r in rows)
    assert [r.direct_or_indirect_ownership for r in rows] == ["D", "I", "I", "I", "I"]
    assert rows[2].nature_of_ownership == "See Footnote"


def _owned(res: TablesResult) -> list[float | None]:
    rows = [*res.non_derivative_transactions, *res.non_derivative_holdings]
    return [r.shares_owned_following_transaction for r in rows]


def test_ownership_tables_ocr_bare_mark_after_amount_is_not_the_amount_owned() -> None:
    """Trap: OCR drops the parentheses of a mark glued to the amount (``3,472,220 (4) I`` read as
    ``3,472,220 4 I``); the bare ``4``, last number of the row, must not become the amount owned."""
    res = _tables("ocr_bare_mark_after_amount.txt", "4")
    holdings = res.non_derivative_holdings
    assert [h.shares_owned_following_transaction for h in holdings] == [
        3844639,
        3472220,
        19730330,
        596466,
        975652,
    ]
    assert [h.direct_or_indirect_ownership for h in holdings] == ["D", "I", "I", "I", "I"]


def test_ownership_tables_ocr_fund_year_after_owner_letter_is_nature_text() -> None:
    """Trap: the year of a wrapped fund name lands right after the D/I letter (``42,102 I 2010`` /
    ``Seed 2)``); it is nature text, not the amount owned, and the row stays indirect."""
    res = _tables("ocr_year_after_owner_letter.txt", "4")
    last = res.non_derivative_holdings[-1]
    assert (last.shares_owned_following_transaction, last.direct_or_indirect_ownership) == (42102, "I")
    assert last.security_title == "Class A Common Stock"
    assert last.nature_of_ownership is not None and "2010" in last.nature_of_ownership


def test_ownership_tables_ocr_amount_above_row_is_not_taken_by_complete_row() -> None:
    """Trap: OCR centres cells vertically, so a row's amount (``10,819``) prints on its own line
    between a complete row (``$0 |48,119 D``) and its own data line (``J V (a) D $0 16,274 D``); it
    is the next row's amount, not the complete row's amount owned."""
    res = _tables("ocr_amount_above_complete_row.txt", "4")
    txs = res.non_derivative_transactions
    assert [t.transaction_shares for t in txs] == [16723, 10819, 16723, 10819]
    assert [t.shares_owned_following_transaction for t in txs] == [48119, 16274, 455179, 497024]
    assert [t.direct_or_indirect_ownership for t in txs] == ["D", "D", "I", "I"]


def test_ownership_tables_ocr_holding_values_under_complete_row_are_a_row() -> None:
    """Trap: scrambled OCR prints a holding's title as its own paragraph and its values
    (``3,693 9) D``) below it, right under a complete transaction row ending ``118,222 I``; the
    values are a holding of their own, not that row's amount owned and D/I."""
    res = _tables("ocr_holding_values_under_row.txt", "4")
    assert [t.shares_owned_following_transaction for t in res.non_derivative_transactions] == [0, 118222]
    assert res.non_derivative_transactions[-1].direct_or_indirect_ownership == "I"
    assert res.non_derivative_transactions[-1].nature_of_ownership == "By estate planning vehicle"
    (holding,) = res.non_derivative_holdings
    assert (holding.security_title, holding.shares_owned_following_transaction) == (
        "Class A Common Stock",
        3693,
    )
    assert holding.direct_or_indirect_ownership == "D"


def test_ownership_tables_ocr_scrambled_row_after_mark_block_keeps_its_values() -> None:
    """Trap: in one-cell-per-paragraph OCR the previous row's mark ``(1)`` is a block of its own
    before the next title; the rebuilt row must still open a row (not be folded into the row
    above, losing its code ``jm`` = ``J(1)``). With the amount-owned and D/I cells lost, its
    ``By ...`` nature entry still makes it indirect (column 7 is filled only for indirect)."""
    res = _tables("ocr_scrambled_mark_block.txt", "4")
    txs = res.non_derivative_transactions
    assert [t.transaction_code for t in txs[:6]] == ["C", "C", "C", "J", "J", "J"]
    assert [t.transaction_shares for t in txs[:6]] == [4169733, 456279, 92481, 4169733, 456279, 92481]
    assert txs[2].shares_owned_following_transaction == 92481
    assert all(t.direct_or_indirect_ownership == "I" for t in txs)
    # Printed nowhere in the OCR text, but the row disposes of exactly what its holding owned after
    # the row above (4,169,733): the lost lone "0" is read back (``ownership_tables._emptied_holdings``).
    assert _owned(res)[3] == 0


def test_ownership_tables_ocr_scrambled_wrapped_price_and_small_amounts() -> None:
    """Trap: in one-cell-per-paragraph OCR the price wraps around its sign (``$`` / ``183.5573`` /
    ``(12)``), which must neither end the scrambled run nor lose its money shape, and a small
    amount alone in its paragraph (``73``) reads like a mark without parentheses; after the price
    it is the amount owned, after the code (``sf)``) the amount."""
    txs = _tables("ocr_scrambled_wrapped_price.txt", "4").non_derivative_transactions
    assert [t.transaction_shares for t in txs] == [5406, 972, 73]
    assert [t.transaction_price_per_share for t in txs] == [0, 183.5573, 184.0383]
    assert [t.shares_owned_following_transaction for t in txs][:2] == [5406, 73]
    assert [t.transaction_code for t in txs][1:] == ["S", "S"]
