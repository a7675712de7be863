"""Contract tests: Table I / Table II rows from real dev excerpts of each converter.

Each test's docstring names the trap. Excerpts are copied from ../shared/data/dev/docs (w3m,
pdftotext -layout, OCR at 300 dpi), cut to a few rows; expected values are the dev gold's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.assemble.ownership_tables import TablesResult, extract_tables
from extractor.ingest import normalise

FIXTURES = Path(__file__).parent / "fixtures" / "ownership_tables"


def _fixture(name: str) -> str:
    """A real converter excerpt (fixed-width lines are too long for a source file)."""
    return (FIXTURES / name).read_text(encoding="utf-8").rstrip("\n")


W3M_WRAPPED_NATURE = _fixture("w3m_wrapped_nature.txt")

PDF_MULTILINE_DERIVATIVE = _fixture("pdf_multiline_derivative.txt")

PDF_WRAPPED_PRICE = _fixture("pdf_wrapped_price.txt")

OCR_SINGLE_SPACED = _fixture("ocr_single_spaced.txt")

PDF_FORM3 = _fixture("pdf_form3.txt")

OCR_SCRAMBLED_BLOCKS = _fixture("ocr_scrambled_blocks.txt")


def _tables(text: str, form_type: str = "4") -> TablesResult:
    return extract_tables(normalise(text), form_type)


@pytest.mark.parametrize(
    ("row", "nature", "owned"),
    [
        (0, "Sequoia Capital U.S. Growth Fund IV, L.P.", 1862),
        (1, "Sequoia Capital USGF Principals Fund IV, L.P.", 77),
        (2, "By estate planning vehicle", 684741),
    ],
)
def test_w3m_wrapped_nature_above_and_below_the_row(row: int, nature: str, owned: int) -> None:
    """Trap: w3m centres wrapped nature-of-ownership text, so its first line may sit *above* the row's
    numbers (``Sequoia Capital USGF`` / ``77  I  Principals Fund IV, L.P. ^`` / ``(2)``); holdings
    rows have no transaction columns and the marker ``^(2)`` wraps to its own line."""
    res = _tables(W3M_WRAPPED_NATURE)
    assert len(res.non_derivative_transactions) == 1
    holding = res.non_derivative_holdings[row]
    assert holding.security_title == "Class A Common Stock"
    assert holding.nature_of_ownership == nature
    assert holding.shares_owned_following_transaction == owned
    assert holding.direct_or_indirect_ownership == "I"


def test_w3m_footnote_marker_wrapped_under_amount() -> None:
    """Trap: ``204 ^`` with ``(1)`` on the next line: the marker is not a number of the row."""
    tx = _tables(W3M_WRAPPED_NATURE).non_derivative_transactions[0]
    assert (tx.transaction_date, tx.transaction_code, tx.transaction_shares) == ("2024-10-01", "A", 204)
    assert (tx.transaction_acquired_disposed_code, tx.transaction_price_per_share) == ("A", 0)
    assert (tx.shares_owned_following_transaction, tx.direct_or_indirect_ownership) == (29968, "D")


def test_pdf_multiline_title_and_values_on_three_lines() -> None:
    """Trap: pdftotext prints one derivative row over six lines: the title ``Stock / Option /
    (right to / buy)`` wraps around the values, which themselves sit on three lines (amount above,
    price/owned/D below); the merged row must keep every column."""
    res = _tables(PDF_MULTILINE_DERIVATIVE)
    assert len(res.derivative_transactions) == 1
    d = res.derivative_transactions[0]
    assert d.security_title == "Stock Option (right to buy)"
    assert d.conversion_or_exercise_price == 35.71
    assert (d.transaction_date, d.transaction_code, d.transaction_shares) == ("2020-01-24", "A", 1248)
    assert d.transaction_acquired_disposed_code == "A"
    assert (d.exercise_date, d.expiration_date) == ("2020-01-24", "2030-01-23")
    assert (d.underlying_security_title, d.underlying_security_shares) == ("Common Stock", 1248)
    assert (d.transaction_price_per_share, d.shares_owned_following_transaction) == (21.65, 1248)
    assert d.direct_or_indirect_ownership == "D"


@pytest.mark.parametrize(("row", "price", "owned"), [(0, 67.37, 776), (1, 42.86, 1511)])
def test_pdf_price_cell_wrapped_around_the_row(row: int, price: float, owned: int) -> None:
    """Trap: a narrow price cell prints ``$`` above the row line and ``67.37`` below it; the amount
    must join the row as its price, not start a row or be read as the shares owned."""
    tx = _tables(PDF_WRAPPED_PRICE).non_derivative_transactions[row]
    assert tx.transaction_price_per_share == price
    assert tx.shares_owned_following_transaction == owned
    assert tx.transaction_code == "M"


@pytest.mark.parametrize(
    ("row", "code", "ad", "price", "owned", "di"),
    [
        (0, "C", "A", 0, 633, "D"),
        (1, "S", "D", 25, 0, "D"),
        (2, "C", "A", 0, 1265, "I"),
        (3, "S", "D", 25.0008, 0, "I"),
    ],
)
def test_ocr_broken_codes_and_pipes(row: int, code: str, ad: str, price: float, owned: int, di: str) -> None:
    """Trap: single-spaced OCR loses the columns and breaks cells: ``S(1)`` reads ``s2)`` or ``sf)``,
    ``C(1)`` reads ``CW.``, table rules glue to values (``|0``, ``$25)``); values follow the form's
    column order by shape."""
    tx = _tables(OCR_SINGLE_SPACED).non_derivative_transactions[row]
    assert tx.security_title == "Class A Common Stock"
    assert tx.transaction_code == code
    assert tx.transaction_acquired_disposed_code == ad
    assert tx.transaction_price_per_share == price
    assert tx.shares_owned_following_transaction == owned
    assert tx.direct_or_indirect_ownership == di


def test_ocr_wrapped_nature_goes_to_nature_not_title() -> None:
    """Trap: ``See`` above and ``(4)`` below an OCR row are the nature cell wrapped, not the title."""
    tx = _tables(OCR_SINGLE_SPACED).non_derivative_transactions[2]
    assert tx.nature_of_ownership == "See Footnote"


def test_form3_rows_are_holdings_with_footnote_only_dates() -> None:
    """Trap: Form 3 has no transaction columns and another Table II order (dates, underlying,
    conversion price); ``(2)`` in a date cell is a footnote, not a date."""
    res = _tables(PDF_FORM3, "3")
    assert not res.non_derivative_transactions and not res.derivative_transactions
    assert [h.shares_owned_following_transaction for h in res.non_derivative_holdings] == [735294]
    assert res.non_derivative_holdings[0].nature_of_ownership == "By Levchin 2012 Irrevocable Trust"
    shares = [h.underlying_security_shares for h in res.derivative_holdings]
    assert shares == [15397650, 10714287, 735294, 12500000]
    first = res.derivative_holdings[0]
    assert first.security_title == "Class B Common Stock"
    assert first.underlying_security_title == "Class A Common Stock"
    assert first.exercise_date is None and first.expiration_date is None
    assert [h.direct_or_indirect_ownership for h in res.derivative_holdings] == ["D", "I", "I", "D"]


def test_ocr_scrambled_one_cell_per_block() -> None:
    """Trap: some OCR output prints every cell as its own paragraph; rows are rebuilt from the
    order of the blocks (a title block followed by a value block opens a row)."""
    res = _tables(OCR_SCRAMBLED_BLOCKS)
    assert len(res.non_derivative_transactions) == 1
    tx = res.non_derivative_transactions[0]
    assert (tx.transaction_date, tx.transaction_code, tx.transaction_shares) == ("2019-02-28", "J", 4169733)
    assert tx.transaction_acquired_disposed_code == "D"
    assert tx.nature_of_ownership == "By Sequoia Capital U.S. Venture 2010 Fund, LP"
    assert [h.shares_owned_following_transaction for h in res.non_derivative_holdings] == [49567, 858081]
    assert res.non_derivative_holdings[1].nature_of_ownership == "By estate planning vehicle"


def test_spans_point_at_the_values() -> None:
    """Every value carries a span into ``nt.text`` (future training labels)."""
    nt = normalise(W3M_WRAPPED_NATURE)
    res = extract_tables(nt)
    start, end = res.spans["non_derivative_transactions[0].transaction_shares"]
    assert nt.text[start:end] == "204"
    start, end = res.spans["non_derivative_holdings[1].nature_of_ownership"]
    assert nt.text[start:end].startswith("Sequoia Capital USGF")
    assert all(0.0 < c <= 1.0 for c in res.confidence.values())
