# The excerpts are verbatim OCR text: long lines and blank lines are the point.
# ruff: noqa: E501
"""Table I/II reading of OCR pages (tesseract at 300 and 150 dpi), second wave.

Excerpts are copied from the rendered-page benchmark's OCR of EDGAR-like pages
(``benchmarks/converters.py --seed 3``, ``ocr300``); expected values are the gold's. Each test's
docstring names the trap it guards.
"""

from __future__ import annotations

from extractor.assemble.ownership_tables import TablesResult, extract_tables
from extractor.checks.context import CheckContext
from extractor.checks.titles import check_titles, is_valid_title
from extractor.ingest import normalise
from extractor.records import DerivativeHolding, Footnote, OwnershipFiling

# cb_6d14ddd573_ocr300 (Table I, first three and last two rows): each price cell wraps below its
# "$" ("$" / "67.37"); OCR reads the sign glued to the amount owned ("$ 776") and the figure on a
# line of its own, after a blank line (first rows) or right under the row (last rows).
WRAPPED_PRICE_I = """\
Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction Code 4. Securities Acquired 5. Amount of Securities Beneficially 6. 7. Nature of Indirect
(Instr. 3) Date Execution Date, | (Instr. 8) (A) or Disposed of (D) Owned Following Reported Ownership | Beneficial
(Month/Day/Year) | if any (Instr. 3, 4 and 5) Transaction(s) Form: Ownership
(Month/Day/Year) (Instr. 3 and 4) Direct (D) (Instr. 4)
Code V Amount | (A) or | Price or Indirect
(D) (I)
(Instr. 4)

Common Stock 03/15/2024 M 424 A $ 776 D

67.37
Common Stock 03/15/2024 M 735 A $ 1,511 D

42.86
Common Stock 03/15/2024 M 14,136 | A $ 15,647 D

41.19

Common Stock 03/15/2024 M 607 A $ 18,782 D
51.4
Common Stock 03/15/2024 M 687 A $ 19,469 D
45.88
Common Stock 1,291,584 I Estate planning
vehicles

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


def _tables(text: str, form: str = "4") -> TablesResult:
    return extract_tables(normalise(text), form)


def test_price_wrapped_below_its_dollar_fills_it() -> None:
    """A decimal figure alone on a line (after a blank line, or right under its row) is the price
    wrapped below the row's ``$``: it must not become the amount owned of the next row, and the
    amount glued to the sign (``$ 776``) stays the amount owned."""
    res = _tables(WRAPPED_PRICE_I)
    rows = res.non_derivative_transactions
    assert [r.transaction_price_per_share for r in rows] == [67.37, 42.86, 41.19, 51.4, 45.88]
    assert [r.shares_owned_following_transaction for r in rows] == [776, 1511, 15647, 18782, 19469]
    assert [r.transaction_shares for r in rows] == [424, 735, 14136, 607, 687]
    (holding,) = res.non_derivative_holdings
    assert holding.shares_owned_following_transaction == 1291584
    assert holding.nature_of_ownership == "Estate planning vehicles"


# cb_a6549fcd2d_ocr300, Table II: the title and underlying cells wrap side by side
# (``Series C Redeemable Convertible (1) (1) Class B ...`` / ``Preferred Stock Common`` / ``Stock ©)``)
# and the reader gave the underlying title a word of the security title's line; footnote 2 prints
# the underlying title cleanly.
SCRAMBLED_UNDERLYING = [
    ("Series C Redeemable Convertible Preferred Stock", "Class B Stock Common Stock"),
    ("Series D Redeemable Convertible Preferred Stock", "Class B Stock Common Stock"),
]
NOTE_2 = (
    "Each share of Class B Common Stock is convertible at any time at the option of the Reporting Person "
    "into one share of Class A Common Stock and has no expiration date."
)


def test_title_of_two_stacked_cells_snaps_to_its_printing() -> None:
    """Vocabulary words in an order no title prints (``Stock Common``, ``Common Common``) make the
    title invalid, so the repair may snap it to the clean printing of the footnotes."""
    filing = OwnershipFiling(
        derivative_holdings=[
            DerivativeHolding(security_title=t, underlying_security_title=u) for t, u in SCRAMBLED_UNDERLYING
        ],
        footnotes=[Footnote(id="2", text=NOTE_2)],
    )
    check_titles(filing, CheckContext(confidence={}, warnings=[], text=None))
    assert [h.underlying_security_title for h in filing.derivative_holdings] == ["Class B Common Stock"] * 2
    assert [h.security_title for h in filing.derivative_holdings] == [t for t, _ in SCRAMBLED_UNDERLYING]
    # cb_93617d2dea_ocr300: a word of a wrapped cell read twice.
    assert not is_valid_title("Class A Common Common Stock")
    assert is_valid_title("Class B Common Stock Warrant (Right to buy)")


# cb_a6549fcd2d_ocr150 (Form 3 Table II): the date cells hold only footnote marks, read as one
# symbol each in the first row ("@ @" for "(1) (1)") and as "4) @", "© ©)", "a) a)" in the others.
FORM3_SYMBOL_MARKS = """\
Table Il - Derivative Securities Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)

1. Title of Derivative Security 2. Date Exercisable and 3. Title and Amount of Securities 4. Conversion or Exercise | 5. Ownership Form of Derivative | 6. Nature of Indirect
(instr. 4) Expiration Date Underlying Derivative Security Price of Derivative Security | Security: Direct (D) or Indirect (1) | Beneficial Ownership
(Month/Day/Year) (instr. 4) (instr. 5) (Instr. 5)
Date Expiration | Title ‘Amount or
Exercisable _| Date Number of Shares
Series C Redeemable Convertible @ @ Class B 3,126,235 eo) 1 See Footnote ©)
Preferred Stock Common
Stock
Series D Redeemable Convertible 4) @ Class B 2,823,608 5 4 I See Footnotes &) ©)
Preferred Stock Common
Stock °)
Series E Redeemable Convertible © ©) Class B 658,011 $ 6 1 See Footnote ©
Preferred Stock Common

Stock °)

Series F Redeemable Convertible a) a) Class B 298,968 3 I See Footnote ©
Preferred Stock Common
Stock °)

Reporting Owners
"""


def test_mark_read_as_one_symbol_ends_the_title() -> None:
    """A footnote mark read as a lone ``@`` stands for a date cell: it ends the security title,
    and the words after it open the underlying title (the title check then completes both cells
    from the footnotes; without the cut the underlying title is lost)."""
    res = _tables(FORM3_SYMBOL_MARKS, "3")
    first = res.derivative_holdings[0]
    assert first.security_title == "Series C Redeemable Convertible"
    assert first.underlying_security_title == "Class B"
    assert first.underlying_security_shares == 3126235
    assert [h.security_title for h in res.derivative_holdings[1:]] == [
        f"Series {s} Redeemable Convertible" for s in "DEF"
    ]


# cb_88a8fef7f5_ocr150 (Table I, first rows): at 150 dpi the rule between the amount and its (A)
# cell is read as two glyphs glued to both ("1132]}A" for "1,132 | A").
RULE_TWO_GLYPHS = """\
Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

Title of Security 2. Transaction | 2A. Deemed 3. Transaction Code 4. Securities Acquired (A) _] 5. Amount of Securities Beneficially 6. 7. Nature of Indirect
(instr. 3) Date Execution Date, | (Instr. 8) or Disposed of (D) Owned Following Reported Ownership | Beneficial
(Month/Day/Year) | if any (instr. 3, 4 and 5) Transaction(s) Form: Ownership
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | (Instr. 4)
Code 7 Amount | (A) or | Price or Indirect
(D) 10)
(instr. 4)
Common Stock 06/22/2023 A 1132]}A [$0 33,733 D
Common Stock 1,109,609 I By estate
planning vehicle

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


def test_rule_read_as_two_glyphs_splits_amount_and_direction() -> None:
    """``1132]}A``: the amount and the (A) letter are two cells, split at the rule's debris."""
    (row,) = _tables(RULE_TWO_GLYPHS).non_derivative_transactions
    assert row.transaction_shares == 1132
    assert row.transaction_acquired_disposed_code == "A"
    assert row.transaction_price_per_share == 0
    assert row.shares_owned_following_transaction == 33733
