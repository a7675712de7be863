"""Plain pdftotext (content-stream order) prints table captions after the data and cells one per line."""

from __future__ import annotations

from extractor.assemble.ownership_header_owners import table_owners
from extractor.assemble.ownership_header_sections import extract_signatures
from extractor.assemble.ownership_tables_stream import read_cell_stream
from extractor.layout.lines import split_lines

# Table I of a Form 4 as plain pdftotext prints it: the first row's numbers before the title
# captions, its title and date after all rows.
_TABLE = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
3.
Transaction
Code
(Instr. 8)

Amount

(A)
or
(D)

Price

A

993(1)

A

$0

7,267

D

04/13/2022

J

993(2)

D

$0

6,274

D

Class A Common Stock

514,385

I

Sequoia
Grove II(3)

1.Title of Security
(Instr. 3)

2A. Deemed
2. Transaction
Execution Date, if
Date
any
(Month/Day/Year) (Month/Day/Year)

Class A Common Stock

04/13/2022

Class A Common Stock

Code

V
"""

_SIGNATURE = """Signatures
By: Kristin Johnston, Attorney-in-fact For: the Reporting Person

04/15/2022

**

Date

Signature of Reporting Person

Explanation of Responses:
"""


def _rows() -> list[dict[str, object]]:
    lines = split_lines(_TABLE)
    found = read_cell_stream(lines, 0, len(lines))
    assert found is not None
    return [{k: v.value for k, v in row.items()} for row, _ in found]


def test_rows_rebuilt_from_cell_stream() -> None:
    rows = _rows()
    assert len(rows) == 3
    first, second, holding = rows
    assert first["security_title"] == "Class A Common Stock"
    assert first["transaction_date"] == "2022-04-13"
    assert (first["transaction_code"], first["transaction_shares"]) == ("A", 993)
    assert first["transaction_acquired_disposed_code"] == "A"
    assert first["shares_owned_following_transaction"] == 7267
    assert first["direct_or_indirect_ownership"] == "D"
    assert (second["transaction_code"], second["transaction_acquired_disposed_code"]) == ("J", "D")
    assert second["shares_owned_following_transaction"] == 6274
    assert second["security_title"] == "Class A Common Stock"
    assert "transaction_shares" not in holding
    assert holding["shares_owned_following_transaction"] == 514385
    assert holding["nature_of_ownership"] == "Sequoia Grove II"


def test_captions_never_become_titles() -> None:
    for row in _rows():
        assert "Transaction" not in str(row.get("security_title"))
        assert "Execution" not in str(row.get("nature_of_ownership", ""))


def test_header_first_table_is_not_streamed() -> None:
    text = "Table I - Non-Derivative\n1.Title of Security\n(Instr. 3)\nCommon Stock 1,000 D\n"
    lines = split_lines(text)
    assert read_cell_stream(lines, 0, len(lines)) is None


def test_signature_name_above_split_label() -> None:
    sigs = extract_signatures(split_lines(_SIGNATURE))
    assert len(sigs) == 1
    assert sigs[0].name is not None and sigs[0].date is not None
    assert sigs[0].name.value == "By: Kristin Johnston, Attorney-in-fact For: the Reporting Person"
    assert sigs[0].date.value == "2022-04-15"


# EDGAR's ruled print (3-row caption grid): the first row's amount owned and D/I letter open the
# stream, the other rows follow, and the first row's date, amount, price, code and A/D letter come
# only after the "2. Transaction" captions.
_RULED_TABLE = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)

5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)

12,263

D

Class A Common Stock

1,862

I

Sequoia Capital
U.S. Growth
Fund IV, L.P. (2)

Class A Common Stock

2. Transaction
2A. Deemed
3. Transaction Code
Date
Execution Date,
(Instr. 8)
(Month/Day/Year) if any
(Month/Day/Year)
Code
V

4. Securities Acquired
(A) or Disposed of (D)
(Instr. 3, 4 and 5)
Amount (A) or
(D)

Price

10/01/2021

57 (1)

$0

A

A

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


def test_ruled_print_first_row_transaction_cells() -> None:
    lines = split_lines(_RULED_TABLE)
    found = read_cell_stream(lines, 0, len(lines))
    assert found is not None
    rows = [({k: v.value for k, v in row.items()}, is_tx) for row, is_tx in found]
    assert len(rows) == 2
    (first, first_tx), (holding, holding_tx) = rows
    assert first_tx and not holding_tx
    assert first["transaction_date"] == "2021-10-01"
    assert (first["transaction_code"], first["transaction_shares"]) == ("A", 57)
    assert first["transaction_price_per_share"] == 0
    assert first["transaction_acquired_disposed_code"] == "A"
    assert first["shares_owned_following_transaction"] == 12263
    assert first["direct_or_indirect_ownership"] == "D"
    assert first["security_title"] == "Class A Common Stock"
    assert holding["shares_owned_following_transaction"] == 1862
    assert holding["nature_of_ownership"] == "Sequoia Capital U.S. Growth Fund IV, L.P."


# The ruled Reporting Owners table prints each relationship mark on a line of its own, after the
# owner's lines; and "Signatures / name / date" come before the Table II captions of the same band.
_RULED_OWNERS = """Reporting Owners
Reporting Owner Name / Address

Relationships
Director

Selby Jack
11752 LAKE POTOMAC DRIVE
POTOMAC, MD 20854

10% Owner

X

Signatures
/s/ Emily Semon, as attorney-in-fact

10/14/2021

Officer

Other

5. Ownership Form of Derivative
Security: Direct (D) or Indirect (I)
(Instr. 5)

6. Nature of Indirect
Beneficial Ownership
(Instr. 5)

**

Signature of Reporting Person

Date

Explanation of Responses:
"""


def test_ruled_print_mark_line_is_not_an_owner() -> None:
    owners = table_owners(split_lines(_RULED_OWNERS))
    assert len(owners) == 1
    owner = owners[0]
    assert owner.name is not None and owner.name.value == "Selby Jack"
    assert owner.street1 is not None and owner.street1.value == "11752 LAKE POTOMAC DRIVE"
    assert owner.mark_count == 1


def test_ruled_print_signature_below_heading() -> None:
    sigs = extract_signatures(split_lines(_RULED_OWNERS))
    assert len(sigs) == 1
    assert sigs[0].name is not None and sigs[0].date is not None
    assert sigs[0].name.value == "/s/ Emily Semon, as attorney-in-fact"
    assert sigs[0].date.value == "2021-10-14"


# A price given only by a footnote shares its line with the amount owned ("$ (3) 1,108,509 (2)"),
# and the narrow column 6 wraps its caption onto an "or Indirect" line of its own.
_FOOTNOTE_PRICE_TABLE = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)

2. Transaction
3. Transaction Code
(Instr. 8)
Code
V

American Depositary Shares

P (1)

03/16/2021

4. Securities Acquired (A) or
Disposed of (D)
(Instr. 3, 4 and 5)

230,536 (2) A

5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)

Price

$ (3) 1,108,509 (2)

6.
Ownership
Form:
Direct (D)
or Indirect
(I)
(Instr. 4)

I

See Footnote (4)

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


def test_footnote_price_beside_amount_owned() -> None:
    lines = split_lines(_FOOTNOTE_PRICE_TABLE)
    found = read_cell_stream(lines, 0, len(lines))
    assert found is not None and len(found) == 1
    row = {k: v.value for k, v in found[0][0].items()}
    assert row["security_title"] == "American Depositary Shares"
    assert (row["transaction_code"], row["transaction_date"]) == ("P", "2021-03-16")
    assert (row["transaction_shares"], row["transaction_acquired_disposed_code"]) == (230536, "A")
    assert row.get("transaction_price_per_share") is None
    assert (row["shares_owned_following_transaction"], row["direct_or_indirect_ownership"]) == (1108509, "I")
    assert row["nature_of_ownership"] == "See Footnote"
