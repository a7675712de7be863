"""Plain pdftotext (content-stream order): header values printed before their labels, table cells printed
away from their rows, one-cell-per-line Form 3 tables. Excerpts of rendered EDGAR pages printed to PDF
and read with plain ``pdftotext`` (blank lines dropped)."""

from __future__ import annotations

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_header_owners import table_owners
from extractor.assemble.ownership_tables import extract_tables
from extractor.assemble.ownership_tables_stream import read_cell_stream, read_derivative_stream
from extractor.ingest.text import normalise
from extractor.layout.lines import split_lines

# Table II's last cells (an owned mark, a nature) printed inside the Reporting Owners table.
_OWNERS = """Reporting Owners
Reporting Owner Name / Address
Relationships
Director
10% Owner
Officer
Other
(6)
See
Footnote (11)
THIEL PETER
C/O PALANTIR TECHNOLOGIES INC.
1200 17TH STREET, FLOOR 15
DENVER, CO 80202
X
Signatures
"""

# Form 3 header: box 3's value printed before its label.
_ISSUER = """FORM 3
UNITED STATES SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549
OMB APPROVAL
INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES
Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment
Company Act of 1940
OMB Number:
32350104
Estimated average burden
hours per response...
0.5
(Print or Type Responses)
1. Name and Address of Reporting Person *
2. Date of Event Requiring Statement
(Month/Day/Year)
BOTHA ROELOF
(Last)
(First)
02/14/2013
(Middle)
(Street)
MENLO PARK, CA 94025
(State)
XOOM Corp [XOOM]
4. Relationship of Reporting Person(s) to Issuer
(Check all applicable)
__X__ Director
_____ 10% Owner
_____ Officer (give title _____ Other (specify
below)
below)
3000 SAND HILL ROAD BLDG. 4, SUITE 250
(City)
3. Issuer Name and Ticker or Trading Symbol
(Zip)
5. If Amendment, Date Original
Filed(Month/Day/Year)
6. Individual or Joint/Group Filing(Check
Applicable Line)
"""

# Form 3 Table I printed in order, one cell per line.
_FORM3_T1 = """Table I - Non-Derivative Securities Beneficially Owned
1.Title of Security
(Instr. 4)
2. Amount of Securities Beneficially Owned
(Instr. 4)
3. Ownership Form: Direct (D) or Indirect (I)
(Instr. 5)
4. Nature of Indirect Beneficial Ownership
(Instr. 5)
Common Shares
891,520
I
See Footnote (1)
"""

# Form 3 Table II: the second row's nature printed after the (direct) third row.
_FORM3_T2 = """Table II - Derivative Securities Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)
1. Title of Derivative Security
(Instr. 4)
2. Date Exercisable and
Expiration Date
(Month/Day/Year)
3. Title and Amount of Securities
Underlying Derivative Security
(Instr. 4)
4. Conversion or Exercise
Price of Derivative Security
5. Ownership Form of Derivative
Security: Direct (D) or Indirect (I)
(Instr. 5)
Date
Exercisable
Expiration
Date
Title
Series A Convertible Preferred Stock
(1)
(2)
Class B Common 12,681,798
Stock (3) (4)
$ (1)
D
Series A Convertible Preferred Stock
(1)
(2)
Class B Common 15,396,360
Stock (3) (4)
$ (1)
I
Series D Convertible Preferred Stock
(1)
(2)
Class B Common 246,819
Stock (3) (4)
$ (1)
D
6. Nature of Indirect
Beneficial Ownership
(Instr. 5)
Amount or Number
of Shares
See Footnote (5)
Series D Convertible Preferred Stock
(1)
(2)
Class B Common 251,390
Stock (3) (4)
$ (1)
I
See Footnote (5)
Reporting Owners
"""

# Form 4 Table I (ruled print): the first row has its own nature; a later row's nature is printed
# after the first row's transaction cells.
_THIEL_T1 = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)
5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)
6.
Ownership
Form:
Direct (D)
or Indirect
(I)
(Instr. 4)
7. Nature of Indirect
Beneficial
Ownership
(Instr. 4)
0 (3)
I
See Footnote (4)
Class A Common Stock
20,823,993 (3)
I
See Footnote (5)
Class A Common Stock
77,851,188 (6)
I
See Footnote (7)
Class A Common Stock
53,487 (6)
I
See Footnote (8)
Class A Common Stock
20,733,625 (3) (6)
I
See Footnote (9)
Class A Common Stock
0 (3) (6)
D
Class A Common Stock
0 (3) (6)
I
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
11/14/2023
C (1)
4. Securities Acquired (A) or
Disposed of (D)
(Instr. 3, 4 and 5)
Amount
(A) or
(D)
3,330,804 A
Price
$
0 (2)
See Footnote (10)
Class A Common Stock
0 (3) (6)
I
See Footnote (11)
Class A Common Stock
0 (3) (6)
I
See Footnote (12)
"""

# Form 4 Table I: the first row's price printed below its nature, before the next row's title.
_PRICE_T1 = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)
Common Stock
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
03/01/2024
J (1)
4. Securities Acquired (A) or
Disposed of (D)
(Instr. 3, 4 and 5)
Amount
(A) or
(D)
4,501,182 D
5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)
6.
Ownership
Form:
Direct (D)
or Indirect
(I)
(Instr. 4)
7. Nature of Indirect
Beneficial
Ownership
(Instr. 4)
4,501,181
I
Sequoia Capital
Global Growth
Fund III Endurance
Partners, L.P. (2)
Price
$0
(3)
Common Stock
03/01/2024
J (1)
3,009,638 D
$0
6,019,273
I
Sequoia Capital
XII, L.P. (2) (3)
"""

# Form 4 Table I: ``2010-`` / ``Seed Fund`` joined by pdftotext into ``2010Seed``.
_HYPHEN_T1 = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)
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
05/27/2021
C (5)
4. Securities Acquired (A) or
Disposed of (D)
(Instr. 3, 4 and 5)
Amount
(A) or
(D)
2,248,637 A
5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)
Price
$ (5) 2,248,637
6.
Ownership
Form:
Direct (D)
or Indirect
(I)
(Instr. 4)
7. Nature of Indirect
Beneficial
Ownership
(Instr. 4)
I
By Sequoia
Capital U.S.
Venture 2010
Fund, L.P. (2) (3)
(4)
Class A Common Stock
05/27/2021
C (5)
258,628
Class A Common Stock
05/27/2021
J (1)
2,248,637 D
A
$ (5) 258,628
I
By Sequoia
Capital U.S.
Growth Fund
VII, L.P. (2) (3) (4)
$ (1) 0
I
By Sequoia
Capital U.S.
Venture 2010
Fund, L.P. (2) (3)
(4)
Class A Common Stock
05/27/2021
J (1)
258,628
D
$ (1) 0
I
By Sequoia
Capital U.S.
Growth Fund
VII, L.P. (2) (3) (4)
Class A Common Stock
05/27/2021
J (1)
514,385
A
$ (1) 514,385
I
By Sequoia
Grove II, LLC (6)
Class A Common Stock
05/27/2021
J (1)
286,376
A
$ (1) 438,456
I
By estate
planning vehicles
32,746
I
By Sequoia
Capital U.S.
Venture 2010Seed Fund, L.P.
Class A Common Stock
(2) (3) (4)
Class A Common Stock
27,542
D
"""


def _table_i(text: str) -> list[dict[str, object]]:
    lines = split_lines(text)
    got = read_cell_stream(lines, 0, len(lines))
    assert got is not None
    return [{k: fv.value for k, fv in row.items()} for row, _ in got]


def test_table_cells_in_the_owners_table_are_not_the_owner() -> None:
    owners = table_owners(split_lines(_OWNERS))
    assert [o.name.value for o in owners if o.name] == ["THIEL PETER"]
    assert owners[0].street1 is not None and owners[0].street1.value == "C/O PALANTIR TECHNOLOGIES INC."
    assert owners[0].street2 is not None and owners[0].street2.value == "1200 17TH STREET, FLOOR 15"


def test_issuer_printed_before_its_label() -> None:
    res = extract_header(normalise(_ISSUER))
    assert res.issuer is not None
    assert (res.issuer.name, res.issuer.trading_symbol) == ("XOOM Corp", "XOOM")


def test_form3_table_i_one_cell_per_line() -> None:
    result = extract_tables(
        normalise("FORM 3\n" + _FORM3_T1 + "\nReminder: Report on a separate line\n"), "3"
    )
    rows = [
        (
            h.security_title,
            h.shares_owned_following_transaction,
            h.direct_or_indirect_ownership,
            h.nature_of_ownership,
        )
        for h in result.non_derivative_holdings
    ]
    assert rows == [("Common Shares", 891520, "I", "See Footnote")]


def test_late_nature_goes_to_the_indirect_row_above() -> None:
    lines = split_lines(_FORM3_T2)
    got = read_derivative_stream(lines, 0, len(lines), True)
    assert got is not None
    rows = [{k: fv.value for k, fv in row.items()} for row, _ in got]
    assert [r.get("direct_or_indirect_ownership") for r in rows] == ["D", "I", "D", "I"]
    assert [r.get("nature_of_ownership") for r in rows] == [None, "See Footnote", None, "See Footnote"]
    assert rows[3]["security_title"] == "Series D Convertible Preferred Stock"


def test_first_row_keeps_its_own_nature_and_the_late_one_finds_its_row() -> None:
    rows = _table_i(_THIEL_T1)
    assert rows[0]["transaction_shares"] == 3330804
    assert rows[0]["nature_of_ownership"] == "See Footnote"
    natures = [r.get("nature_of_ownership") for r in rows]
    assert natures == ["See Footnote"] * 5 + [None] + ["See Footnote"] * 3


def test_price_printed_below_the_nature_goes_to_its_row() -> None:
    rows = _table_i(_PRICE_T1)
    assert [r.get("transaction_price_per_share") for r in rows] == [0, 0]
    assert [r.get("transaction_shares") for r in rows] == [4501182, 3009638]


def test_hyphen_dropped_at_a_line_break_is_restored() -> None:
    natures = [r.get("nature_of_ownership") for r in _table_i(_HYPHEN_T1)]
    assert "By Sequoia Capital U.S. Venture 2010-Seed Fund, L.P." in natures
    assert "By Sequoia Capital U.S. Venture 2010 Fund, L.P." in natures


# Form 4 Table I: the first row's D/I letter printed after the second row's title.
_DISPLACED_T1 = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)
Common Stock
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
06/04/2021
11,424 A
$
11,424
40.93
M
Common Stock
5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)
6.
Ownership
Form:
Direct (D)
or Indirect
(I)
(Instr. 4)
7. Nature of Indirect
Beneficial
Ownership
(Instr. 4)
D
1,127,160
I
Estate planning
vehicles
"""

# Form 4 Table I: two rows' heads (title, date, code, amount and A/D letter) printed before their
# tails; the first head's A/D letter closes a segment of its own.
_HEADS_T1 = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)
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
4. Securities Acquired (A) or
Disposed of (D)
(Instr. 3, 4 and 5)
Common Stock
05/27/2021
J
2,456,346 D
Common Stock
05/27/2021
J
2,738,095 D
Amount
(A) or
(D)
5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)
6.
Ownership
Form:
Direct (D)
or Indirect
(I)
(Instr. 4)
7. Nature of Indirect
Beneficial
Ownership
(Instr. 4)
$ (1) 9,834,172
I
Sequoia Capital
Global Growth
Fund, L.P. (2) (3)
$ (1) 11,252,953
I
Sequoia Capital
Global Growth
Fund III Endurance
Partners, L.P. (2)
Price
(3)
Common Stock
05/27/2021
J
6,362,511 D
$ (1) 15,048,189
I
Sequoia Capital
XII, L.P. (2) (3)
Common Stock
05/27/2021
J
1,803,969 D
$ (1) 4,212,349
I
Sequoia Capital
U.S. Growth
Fund VI, L.P. (2)
"""


def test_d_i_letter_printed_after_the_next_title() -> None:
    rows = _table_i(_DISPLACED_T1)
    assert rows[0]["transaction_code"] == "M"
    assert rows[0]["transaction_shares"] == 11424
    assert rows[0]["transaction_price_per_share"] == 40.93
    assert (rows[0]["shares_owned_following_transaction"], rows[0]["direct_or_indirect_ownership"]) == (
        11424,
        "D",
    )
    assert (rows[1]["shares_owned_following_transaction"], rows[1]["direct_or_indirect_ownership"]) == (
        1127160,
        "I",
    )


def test_heads_printed_before_tails_when_the_first_head_closes_a_segment() -> None:
    rows = _table_i(_HEADS_T1)
    got = [(r.get("transaction_shares"), r.get("shares_owned_following_transaction")) for r in rows[:4]]
    assert got == [(2456346, 9834172), (2738095, 11252953), (6362511, 15048189), (1803969, 4212349)]
    assert rows[1]["nature_of_ownership"] == "Sequoia Capital Global Growth Fund III Endurance Partners, L.P."


# Form 3 Table II (its last two rows): the owners table's column captions printed right after the
# last row's nature.
_OWNER_CAPS_T2 = """Table II - Derivative Securities Beneficially Owned
Class B Common Stock Warrant
(Right to buy)
(20)
01/01/2025
Class B
Common
Stock (17)
536,445
$ 6.13
I
See Footnote (22)
Class B Common Stock Warrant
(Right to buy)
(20)
01/01/2025
Class B
Common
Stock (17)
172,201
$ 6.13
I
See Footnote (23)
Director
10% Owner
X
X
Reporting Owners
Reporting Owner Name / Address
THIEL PETER
C/O PALANTIR TECHNOLOGIES INC.
1555 BLAKE STREET, SUITE 250
DENVER, CO 80202
"""


def test_owners_table_captions_are_not_the_last_nature() -> None:
    lines = split_lines(_OWNER_CAPS_T2)
    got = read_derivative_stream(lines, 0, len(lines), True)
    assert got is not None
    natures = [row["nature_of_ownership"].value for row, _ in got]
    assert natures == ["See Footnote", "See Footnote"]


# Form 4 Table I: the transaction's code printed after its amount and A/D letter, the holding's
# price-column ``$0`` (the transaction's price), title and nature after the holding's D/I letter.
_ADPAIR_T1 = """Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security
(Instr. 3)
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
4. Securities Acquired (A)
or Disposed of (D)
(Instr. 3, 4 and 5)
05/15/2019
1,640 (1) A
M
Amount
(A) or
(D)
5. Amount of Securities Beneficially
Owned Following Reported
Transaction(s)
(Instr. 3 and 4)
6.
Ownership
Form:
Direct (D)
or Indirect
(I)
(Instr. 4)
9,948
D
53,602
I
Price
$0
Class A Common Stock
7. Nature of Indirect
Beneficial
Ownership
(Instr. 4)
By Rivendell
One LLC (2)
"""


def test_d_after_a_row_with_its_a_d_letter_is_the_d_i_letter() -> None:
    rows = _table_i(_ADPAIR_T1)
    assert rows[0] == {
        "security_title": "Class A Common Stock",
        "transaction_date": "2019-05-15",
        "transaction_code": "M",
        "transaction_shares": 1640,
        "transaction_acquired_disposed_code": "A",
        "transaction_price_per_share": 0,
        "shares_owned_following_transaction": 9948,
        "direct_or_indirect_ownership": "D",
    }
    assert rows[1] == {
        "security_title": "Class A Common Stock",
        "shares_owned_following_transaction": 53602,
        "direct_or_indirect_ownership": "I",
        "nature_of_ownership": "By Rivendell One LLC",
    }


# Form 3 Table II (its first five rows): the titles and date slots of rows 2 and 3 printed inside
# row 1, their underlying titles, amounts and D/I letters after row 1's.
_HEADS_T2 = """Table II - Derivative Securities Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)
1. Title of Derivative Security
(Instr. 4)
2. Date Exercisable and
Expiration Date
(Month/Day/Year)
3. Title and Amount of Securities
Underlying Derivative Security
(Instr. 4)
4. Conversion or Exercise
Price of Derivative Security
5. Ownership Form of
Derivative Security: Direct (D)
or Indirect (I)
(Instr. 5)
Date
Exercisable
Expiration
Date
Title
Amount or Number
of Shares
Class B Common Stock
(17)
(17)
Class A
Common Stock
Class B Common Stock
(17)
(17)
Class B Common Stock
(17)
(17)
6. Nature of Indirect
Beneficial Ownership
(Instr. 5)
13,031,306
$ (17)
D
Class A
Common Stock
2,565,601
$ (17)
I
See Footnote (1)
Class A
Common Stock
7,818,526
$ (17)
I
See Footnote (2)
Class B Common Stock
(17)
(17)
Class A
Common Stock
2,750,050
$ (17)
I
See Footnote (3)
Class B Common Stock
(17)
(17)
Class A
Common Stock
96,116,105
$ (17)
I
See Footnote (4)
"""


def test_table_ii_heads_printed_together_go_to_their_rows() -> None:
    lines = split_lines(_HEADS_T2)
    got = read_derivative_stream(lines, 0, len(lines), True)
    assert got is not None
    rows = [{k: fv.value for k, fv in row.items()} for row, _ in got]
    assert [r.get("security_title") for r in rows] == ["Class B Common Stock"] * 5
    assert [r.get("underlying_security_title") for r in rows] == ["Class A Common Stock"] * 5
    assert [r.get("underlying_security_shares") for r in rows] == [
        13031306,
        2565601,
        7818526,
        2750050,
        96116105,
    ]
    assert [r.get("direct_or_indirect_ownership") for r in rows] == ["D", "I", "I", "I", "I"]


# Form 4 Table II (the end of its first row and its four holdings): each holding's underlying title
# wrapped around its amount (``Class A 2,962,961`` / ``Common`` / ``Stock``), the derivative titles
# printed elsewhere.
_AROUND_T2 = """Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
$0
0
I
See
Footnote (4)
Class A 2,962,961
Common
Stock
2,962,961 (6)
I
See
Footnote (8)
Class A 26,165,483
Common
Stock
26,165,483 (3) I
See
Footnote (9)
(2)
Class A 0
Common
Stock
0 (3) (6)
D
(2)
Class A 0
Common
Stock
0 (3) (6)
I
"""


def test_underlying_title_wrapped_around_its_amount() -> None:
    lines = split_lines(_AROUND_T2)
    got = read_derivative_stream(lines, 0, len(lines), False)
    assert got is not None
    rows = [{k: fv.value for k, fv in row.items()} for row, _ in got][1:]
    assert [r.get("underlying_security_title") for r in rows] == ["Class A Common Stock"] * 4
    assert [r.get("underlying_security_shares") for r in rows] == [2962961, 26165483, 0, 0]
    assert [r.get("security_title") for r in rows] == [None] * 4
    assert [r.get("shares_owned_following_transaction") for r in rows] == [2962961, 26165483, 0, 0]
