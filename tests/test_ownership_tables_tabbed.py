"""Contract tests: TAB-separated and markdown-like dumps (cells by TAB, header TABs not aligned)."""

from __future__ import annotations

import pytest

from extractor.assemble.ownership_tables import extract_tables
from extractor.ingest import normalise

HEADER = (
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
    "1. Title of Security (Instr. 3)\t2. Transaction Date (Month/Day/Year)\t2A. Deemed Execution Date, "
    "if any (Month/Day/Year)\t3. Transaction Code (Instr. 8)\t4. Securities Acquired (A) or Disposed of "
    "(D) (Instr. 3, 4 and 5)\t5. Amount of Securities Beneficially Owned Following Reported "
    "Transaction(s) (Instr. 3 and 4)\t6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)\t"
    "7. Nature of Indirect Beneficial Ownership (Instr. 4)\n"
    "\t\t\tCode\tV\tAmount\t(A) or (D)\tPrice\n"
)
REMINDER = "\nReminder: Report on a separate line for each class of securities beneficially owned.\n"

# Owned-following figure printed on its own line under the transaction line.
OWNED_ON_NEXT_LINE = (
    HEADER
    + "Common Stock\t03/15/2024\t\tM\t\t424\tA\t$ 67.37\n"
    + "\t\t\t\t\t776 (1)\tD\t\n"
    + "Common Stock\t03/15/2024\t\tS\t\t424\tD\t$ 70.1\n"
    + "\t\t\t\t\t352\tD\t\n"
    + REMINDER
)
# One line per row, no V column cell; a holdings row without transaction cells.
ONE_LINE_ROWS = (
    HEADER
    + "Common Stock\t11/15/2004\tM\t2,000\tA\t$ 4.5\t7,068\tD\t\n"
    + "Common Stock\t\t\t\t\t\t226,780\tI\tBy Trust (2)\n"
    + REMINDER
)


@pytest.mark.parametrize(
    ("row", "code", "ad", "price", "owned"), [(0, "M", "A", 67.37, 776), (1, "S", "D", 70.1, 352)]
)
def test_owned_following_on_next_line(row: int, code: str, ad: str, price: float, owned: int) -> None:
    """Trap: a TAB dump prints "shares owned following" (with its ``(1)``) on the next line; it must
    join the row above, and the TAB count of the header must not decide the columns."""
    tx = extract_tables(normalise(OWNED_ON_NEXT_LINE)).non_derivative_transactions[row]
    assert (tx.transaction_code, tx.transaction_acquired_disposed_code) == (code, ad)
    assert (tx.transaction_shares, tx.transaction_price_per_share) == (424, price)
    assert tx.shares_owned_following_transaction == owned
    assert tx.direct_or_indirect_ownership == "D"


def test_holding_row_in_transaction_table() -> None:
    """Trap: a Form 4 Table I row with only title, amount owned, D/I and nature is a holding."""
    res = extract_tables(normalise(ONE_LINE_ROWS))
    assert len(res.non_derivative_transactions) == 1
    tx = res.non_derivative_transactions[0]
    assert (tx.transaction_shares, tx.transaction_price_per_share, tx.shares_owned_following_transaction) == (
        2000,
        4.5,
        7068,
    )
    (holding,) = res.non_derivative_holdings
    assert holding.shares_owned_following_transaction == 226780
    assert (holding.direct_or_indirect_ownership, holding.nature_of_ownership) == ("I", "By Trust")


OCR_BROKEN_OWNED = (
    HEADER
    + "Common Stock\t11/11/2004\t\tS\t\t2,000\tD\t$ 27.5\n"
    + "\t\t\t\t\t5,068\t\t\n"
    + "Common Stock\t11/12/2004\t\tM\t\t2,000\tA\t$ 4.5\n"
    + "\t\t\t\t\t7.68\t\t\n"
    + REMINDER
)


def test_ocr_broken_owned_returned_as_printed() -> None:
    """Trap: OCR reads ``7,068`` as ``7.68``. The tables layer returns the printed value and no repair
    warning; the holdings-arithmetic repair lives in ``extractor.checks`` (tests/test_checks_holdings.py),
    and a second repair here would hide the printed figure from it."""
    res = extract_tables(normalise(OCR_BROKEN_OWNED))
    owned = [tx.shares_owned_following_transaction for tx in res.non_derivative_transactions]
    assert owned == [5068, 7.68]
    assert not any("repaired" in w for w in res.warnings)


TABLE_II = (
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
    "(e.g., puts, calls, warrants, options, convertible securities)\n"
    "1. Title of Derivative Security\n(Instr. 3)\t2. Conversion or Exercise Price of Derivative Security\t"
    "3. Transaction Date\n(Month/Day/Year)\t3A. Deemed Execution Date, if any\n(Month/Day/Year)\t"
    "4. Transaction Code\n(Instr. 8)\t\t5. Number of Derivative Securities Acquired (A) or Disposed of (D)\n"
    "(Instr. 3, 4, and 5)\t\t6. Date Exercisable and Expiration Date\n(Month/Day/Year)\t\t"
    "7. Title and Amount of Underlying Securities\n(Instr. 3 and 4)\t\t8. Price of Derivative Security\n"
    "(Instr. 5)\t9. Number of Derivative Securities Beneficially Owned Following Reported Transaction(s)\n"
    "(Instr. 4)\t10. Ownership Form of Derivative Security: Direct (D) or Indirect (I)\n(Instr. 4)\t"
    "11. Nature of Indirect Beneficial Ownership\n(Instr. 4)\n"
    "\t\t\t\tCode\tV\t(A)\t(D)\tDate Exercisable\tExpiration Date\tTitle\tAmount or Number of Shares\n"
)


@pytest.mark.parametrize(
    ("cells", "exercisable", "expiration"),
    [
        ("05/03/2019\t\t", "2019-05-03", None),  # empty expiration cell after the date
        ("\t05/03/2029\t", None, "2029-05-03"),  # empty exercisable cell before it
        ("05/03/2019\t05/03/2029\t", "2019-05-03", "2029-05-03"),
    ],
)
def test_table_ii_lone_date_goes_to_its_column(
    cells: str, exercisable: str | None, expiration: str | None
) -> None:
    """Trap: cells split by TAB drop the empty ones, and a lone date used to become the expiration
    date. Tabbed rows (our HTML ingest, tab dumps) keep the empty cell as a second TAB."""
    row = (
        f"Performance Stock Units\t$ (1)\t11/02/2018\t\tF\t\t\t2,834\t{cells}"
        "Common Stock\t2,834\t\t5,668\tD\t\n"
    )
    tx = extract_tables(normalise(TABLE_II + row + REMINDER)).derivative_transactions[0]
    assert (tx.exercise_date, tx.expiration_date) == (exercisable, expiration)
    assert (tx.transaction_code, tx.transaction_shares, tx.shares_owned_following_transaction) == (
        "F",
        2834,
        5668,
    )
