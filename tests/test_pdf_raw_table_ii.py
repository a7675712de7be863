"""Table II of plain pdftotext (content-stream order): one cell per line, D/I letters on lines of
their own, captions mixed into the first row, cells of one baseline joined on one line."""

from __future__ import annotations

from extractor.assemble.ownership_tables import extract_tables
from extractor.assemble.ownership_tables_stream import read_cell_stream, read_derivative_stream
from extractor.ingest.text import normalise
from extractor.layout.lines import split_lines

# Form 3 (abridged from a cached print): the first row's underlying title is split by the
# conversion-price and ownership captions, its last word ``Stock`` printed after its D letter.
_FORM3 = """Table II - Derivative Securities Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)
2. Date Exercisable and
Expiration Date
(Month/Day/Year)
1. Title of Derivative Security
(Instr. 4)
Date
Exercisable
Expiration
Date
Class B Common Stock
(17)
(17)
3. Title and Amount of Securities
Underlying Derivative Security
(Instr. 4)
Title
Class A
Common
Amount or
Number of
Shares
4. Conversion or
Exercise Price of
Derivative Security
5. Ownership Form of
Derivative Security:
Direct (D) or Indirect (I)
(Instr. 5)
13,031,306
$ (17)
D
6. Nature of Indirect
Beneficial
Ownership
(Instr. 5)
Stock
Class B Common Stock
(17)
(17)
Class A
Common
Stock
2,565,601
$ (17)
I
See Footnote(1)
Reporting Owners
"""

# Form 4: the title wraps around the conversion price; exercise and expiration are footnotes only
# (``(5)(6)`` / ``(7)``); underlying title, amount and price share a baseline (``Class A 26,066 $ 0``).
_FORM4 = """Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)
2.
Conversion
1. Title of or Exercise
Derivative Price of
3. Transaction
(Month/Day/Year) Code
V
(A) (D)
10.
Ownership
Form of
Derivative
Security:
Direct (D)
or Indirect
(I)
(Instr. 4)
Class B $ (5)(6)
Common
Stock
04/05/2013
C
26,066
(5)(6)
(7)
Class A 26,066 $ 0
Common
Stock
2,450,891
D
Class B $ (5)(6)
Common
Stock
04/05/2013
C
57,130
(5)(6)
(7)
Class A 57,130 $ 0
Common
Stock
3,583,427
I
By
2012
MRL Investments LLC
Reporting Owners
"""

# Form 4 option grant: the exercise and expiration dates print *before* the amount, on the line
# of the underlying title (``12/31/2012(2) 12/31/2019 Common 774``).
_GRANT = """Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
11. Nature
of Indirect
Beneficial
Ownership
(Instr. 4)
Director
Stock
Option
(right to
buy)(1)
$ 19.9
12/31/2012
A
12/31/2012(2) 12/31/2019 Common 774
Stock
774
$ (3)
774
D
Reporting Owners
"""

# Form 3: titles of later rows printed early, each followed by its footnote-only date slot.
_STRAY = """Table II - Derivative Securities Beneficially Owned
Series A Preferred Stock
(1)
(1)
Common
Stock
2,027,400
$
I
Sequoia Capital XII
Principals Fund, LLC
Series A Preferred Stock
(1)
Series B Preferred Stock
(1)
Common
Stock
18,969,380
$
I
Sequoia Capital XII, L.P.
(1)
Common
Stock
709,810
$
I
Sequoia Technology
Partners XII, L.P.
Reporting Owners
"""


def _rows(text: str, form3: bool) -> list[dict[str, object]]:
    lines = split_lines(text)
    got = read_derivative_stream(lines, 0, len(lines), form3)
    assert got is not None
    return [{k: fv.value for k, fv in row.items()} for row, _ in got]


def test_form3_rows_read_through_captions_and_a_late_title_word() -> None:
    rows = _rows(_FORM3, form3=True)
    assert len(rows) == 2
    first, second = rows
    assert first["security_title"] == "Class B Common Stock"
    assert first["underlying_security_title"] == "Class A Common Stock"
    assert first["underlying_security_shares"] == 13031306
    assert first["direct_or_indirect_ownership"] == "D"
    assert "nature_of_ownership" not in first
    assert second["security_title"] == "Class B Common Stock"
    assert second["underlying_security_shares"] == 2565601
    assert second["nature_of_ownership"] == "See Footnote"


def test_form4_transactions_by_column_order_and_value_shapes() -> None:
    rows = _rows(_FORM4, form3=False)
    assert len(rows) == 2
    first, second = rows
    assert first["security_title"] == "Class B Common Stock"
    assert first["transaction_date"] == "2013-04-05"
    assert first["transaction_code"] == "C"
    assert first["transaction_shares"] == 26066
    assert first["transaction_acquired_disposed_code"] == "D"
    assert first["underlying_security_title"] == "Class A Common Stock"
    assert first["underlying_security_shares"] == 26066
    assert first["transaction_price_per_share"] == 0
    assert first["shares_owned_following_transaction"] == 2450891
    assert first["direct_or_indirect_ownership"] == "D"
    assert "exercise_date" not in first and "expiration_date" not in first
    # a number inside the nature text does not end it, and the next title is no nature
    assert second["nature_of_ownership"] == "By 2012 MRL Investments LLC"
    assert second["shares_owned_following_transaction"] == 3583427


def test_dates_after_the_code_are_exercise_and_expiration() -> None:
    (row,) = _rows(_GRANT, form3=False)
    assert row["security_title"] == "Director Stock Option (right to buy)"
    assert row["conversion_or_exercise_price"] == 19.9
    assert row["transaction_date"] == "2012-12-31"
    assert "deemed_execution_date" not in row
    assert row["exercise_date"] == "2012-12-31"
    assert row["expiration_date"] == "2019-12-31"
    assert row["underlying_security_title"] == "Common Stock"
    assert row["transaction_shares"] == 774
    assert row["transaction_acquired_disposed_code"] == "A"


def test_titles_printed_early_go_to_the_rows_lacking_them() -> None:
    rows = _rows(_STRAY, form3=True)
    assert [r.get("security_title") for r in rows] == [
        "Series A Preferred Stock",
        "Series A Preferred Stock",
        "Series B Preferred Stock",
    ]
    assert [r.get("underlying_security_title") for r in rows] == ["Common Stock"] * 3
    assert [r.get("underlying_security_shares") for r in rows] == [2027400, 18969380, 709810]
    assert not any(k.startswith("_") for r in rows for k in r)


def test_extract_tables_emits_transactions_and_holdings() -> None:
    text = "FORM 4\n" + _FORM4.replace("Reporting Owners\n", "") + "\nReporting Owners\n"
    result = extract_tables(normalise(text), "4")
    assert [t.transaction_shares for t in result.derivative_transactions] == [26066, 57130]
    assert [t.direct_or_indirect_ownership for t in result.derivative_transactions] == ["D", "I"]


def test_row_end_letters_inside_row_lines_are_not_this_dump() -> None:
    # a column dump prints D/I at the end of the row's line: not read as a cell stream
    text = (
        "Table II - Derivative Securities\nStock Option $ 19.9 12/31/2012 A 774 Common Stock 774 $ 0 774 D\n"
    )
    lines = split_lines(text)
    assert read_derivative_stream(lines, 0, len(lines), False) is None


# Table I of the same converter (abridged): the holding's title wraps over two lines.
_TABLE_I = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
3.
Transaction
Code
(Instr. 8)
A
993(1)
A
$0
7,267
D
Class A Common
Stock
514,385
I
Sequoia
Grove II(3)
1.Title of Security
(Instr. 3)
Class A Common Stock
04/13/2022
"""


def test_table_i_title_wrapped_over_two_lines_is_one_title() -> None:
    for wrapped in ("Class A Common\nStock", "Class A\nCommon Stock"):
        lines = split_lines(_TABLE_I.replace("Class A Common\nStock", wrapped))
        found = read_cell_stream(lines, 0, len(lines))
        assert found is not None
        rows = [{k: fv.value for k, fv in row.items()} for row, _ in found]
        assert [r.get("security_title") for r in rows] == ["Class A Common Stock"] * 2
        assert rows[1]["shares_owned_following_transaction"] == 514385


# Table I rows whose footnoted price prints below the amount owned (``$`` joins the amount).
_SWAPPED = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
Class A Common Stock
09/30/2020
S
18,367,343 D
$
10.131(1)
5,661,683
I
See
Footnote(2)
Class A Common Stock
09/30/2020
S
2,018,004
D
$
3,643,679
11.1596(3)
I
See
Footnote(2)
Code
V
Amount
(A)
or
(D)
Price
"""


def test_price_printed_below_the_amount_owned_is_swapped_back() -> None:
    lines = split_lines(_SWAPPED)
    found = read_cell_stream(lines, 0, len(lines))
    assert found is not None
    rows = [{k: fv.value for k, fv in row.items()} for row, _ in found]
    assert [r["transaction_price_per_share"] for r in rows] == [10.131, 11.1596]
    assert [r["shares_owned_following_transaction"] for r in rows] == [5661683, 3643679]
