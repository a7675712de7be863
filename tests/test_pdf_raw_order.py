"""Plain pdftotext (content-stream order) prints table captions after the data and cells one per line."""

from __future__ import annotations

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
