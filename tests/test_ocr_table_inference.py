# The excerpts are verbatim OCR text: long lines and blank lines are the point.
# ruff: noqa: E501
"""OCR reading of Forms 3/4 tables: values tesseract lost or garbled, recovered from what the page
still prints.

Excerpts are copied from dev OCR documents (``../shared/data/dev/docs/*_ocr300.txt``, tesseract at
300 dpi) or from the rendered-page benchmark's OCR (``benchmarks/converters.py``); expected values are
the gold's. Each test's docstring names the trap it guards.
"""

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_tables import TablesResult, _is_repeated_header, extract_tables
from extractor.assemble.values import parse_ocr_date
from extractor.ingest import normalise
from extractor.layout.lines import split_lines

# dev_18579094af_ocr300 (Table I's first two rows, Table II's first row): Table II prints no code
# cell at all ("02/28/2019 4,169,733"); the conversion's Table I row prints "C".
LOST_CODE = """\
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired (A) |5. Amount of Securities Beneficially 6. 7. Nature of
(Instr. 3) Date Execution Date, |Code or Disposed of (D) Owned Following Reported Ownership | Indirect
(Month/Day/Year) |if any (Instr. 8) (Instr. 3, 4 and 5) Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | Ownership
or Indirect | (Instr. 4)
(A) or (1)
Code V Amount (D) |Price (Instr. 4)
By
Sequoia
Capital
U.S.
Class A Common Stock 02/28/2019 C 4,169,733|A $0 |4,169,733 I Venture
2010
Fund, LP
Q)
By
Sequoia
Capital
U.S.
Class A Common Stock 02/28/2019 C 456,279 |A $0 |456,279 I Venture
2010
Partners

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.

Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)

SEC 1474 (9-02)

5. Number of
Derivative
Securities
Acquired (A) or
Disposed of (D)
(Instr. 3, 4, and
5)

1. Title of 2.
Derivative Conversion
Security or Exercise
(Instr. 3) Price of
Derivative
Security

3A. Deemed 4.
Execution Date, |Transaction
if any Code
(Month/Day/Year) | (Instr. 8)

3. Transaction
Date
(Month/Day/Year)

6. Date Exercisable
and Expiration Date
(Month/Day/Year)

7. Title and Amount of
Underlying Securities
(Instr. 3 and 4)

Date

Code (A) (D) Exercisable

Expiration
Date

Title

Amount or
Number of
Shares

8. Price of
Derivative
Security
(Instr. 5)

9. Number of
Derivative
Securities
Beneficially
Owned
Following
Reported
Transaction(s)
(Instr. 4)

10.
Ownership
Form of
Derivative
Security:
Direct (D)
or Indirect
(1)

(Instr. 4)

11. Nature
of Indirect
Beneficial

Ownership
(Instr. 4)

Class B
Common
Stock

02/28/2019 4,169,733

Class A
Common
Stock

4,169,733

$ 0

6,949,555

By
Sequoia
Capital
U.S.
Venture
2010
Fund,
Lp ©


Reporting Owners
"""


def _tables(text: str, form: str = "4") -> TablesResult:
    return extract_tables(normalise(text), form)


@pytest.mark.parametrize("text", [LOST_CODE])
def test_ownership_tables_lost_code_from_paired_row(text: str) -> None:
    """A conversion prints in both tables on one date for one number of shares; the Table II row
    whose code cell OCR dropped takes the code of its Table I partner, and only that row."""
    res = _tables(text)
    (conv,) = res.derivative_transactions
    assert conv.transaction_code == "C"
    assert conv.transaction_shares == 4169733
    assert [r.transaction_code for r in res.non_derivative_transactions] == ["C", "C"]


# dev_bc8233f580_ocr300 (Table I): four rows print "J"; on the next page, one cell per paragraph,
# the fifth row's code cell is gone.
SIBLING_CODE = """\
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired (A) |5. Amount of Securities Beneficially 6. 7. Nature of
(Instr. 3) Date Execution Date, |Code or Disposed of (D) Owned Following Reported Ownership | Indirect
(Month/Day/Year) | if any (Instr. 8) (Instr. 3, 4 and 5) Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) |Ownership
or Indirect | (Instr. 4)
(A) or (I)
Code V Amount (D) |Price (Instr. 4)
Sequoia
Capital
Global
Growth
Common Stock 11/18/2021 J 1,125,295|D QM) |10,127,658 I Fund III -
Endurance
Partners,
L.p, 2) 3)
Sequoia
Common Stock 11/18/2021 J 1,504,820/D Q@) 113,543,369 I Capital XII,
L.p, 2G)
Sequoia
Capital XII
Common Stock 11/18/2021 J 228,832 |D Q) |2,059,488 I Principals
Fund, LLC
Q) (3)
Sequoia
Technology
Common Stock 11/18/2021 J 80,116 D GQ) |721,044 I Partners

Common Stock

11/18/2021

421,235

D

3,791,114

Sequoia
Capital
U.S.
Growth
Fund VI,
L.P, (2) 3)

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""

# dev_18579094af_ocr300 (Table I): two conversions ("C") and, one cell per paragraph, a same-day
# acquisition whose code ("J", a distribution in) OCR dropped.
NO_CONVERSION_GUESS = """\
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired (A) |5. Amount of Securities Beneficially 6. 7. Nature of
(Instr. 3) Date Execution Date, |Code or Disposed of (D) Owned Following Reported Ownership | Indirect
(Month/Day/Year) |if any (Instr. 8) (Instr. 3, 4 and 5) Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | Ownership
or Indirect | (Instr. 4)
(A) or (1)
Code V Amount (D) |Price (Instr. 4)
By
Sequoia
Capital
U.S.
Class A Common Stock 02/28/2019 C 4,169,733|A $0 |4,169,733 I Venture
2010
Fund, LP
Q)
By
Sequoia
Capital
U.S.
Class A Common Stock 02/28/2019 C 456,279 |A $0 |456,279 I Venture
2010
Partners

Class A Common Stock

02/28/2019

187,882

A

$ 0

315,113

By estate
planning
vehicle

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


@pytest.mark.parametrize(("text", "codes"), [(SIBLING_CODE, ["J", "J", "J", "J", "J"])])
def test_ownership_tables_lost_code_from_same_day_rows(text: str, codes: list[str]) -> None:
    """Rows of one date and one direction are one kind of transaction: a code-less row among rows
    that all print "J" is a "J"."""
    res = _tables(text)
    assert [r.transaction_code for r in res.non_derivative_transactions] == codes
    assert res.non_derivative_transactions[-1].transaction_shares == 421235


@pytest.mark.parametrize("text", [NO_CONVERSION_GUESS])
def test_ownership_tables_no_conversion_guessed_without_partner(text: str) -> None:
    """A Table I acquisition without a Table II partner is no conversion, however many same-day
    acquisitions are: its lost code stays unknown rather than a wrong "C"."""
    rows = _tables(text).non_derivative_transactions
    assert [r.transaction_code for r in rows] == ["C", "C", None]
    assert rows[-1].transaction_shares == 187882


# dev_18579094af_ocr300 (Table I): a fund's conversion in, then, one cell per paragraph, its
# distribution of all those shares; the distribution's "0" owned after it is not in the text.
EMPTIED_HOLDING = """\
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired (A) |5. Amount of Securities Beneficially 6. 7. Nature of
(Instr. 3) Date Execution Date, |Code or Disposed of (D) Owned Following Reported Ownership | Indirect
(Month/Day/Year) |if any (Instr. 8) (Instr. 3, 4 and 5) Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | Ownership
or Indirect | (Instr. 4)
(A) or (1)
Code V Amount (D) |Price (Instr. 4)
By
Sequoia
Capital
U.S.
Class A Common Stock 02/28/2019 C 4,169,733|A $0 |4,169,733 I Venture
2010
Fund, LP
Q)


\f
(1)

Class A Common Stock

02/28/2019

jm

4,169,733

D

$ 0

By
Sequoia
Capital
U.S.
Venture
2010
Fund, LP
(1)

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


@pytest.mark.parametrize(("text", "owned"), [(EMPTIED_HOLDING, [4169733, 0])])
def test_ownership_tables_emptied_holding_owns_zero(text: str, owned: list[int]) -> None:
    """A disposition of exactly what the same holding owned before leaves nothing: the lone "0"
    OCR dropped is read back; the code ("jm") is still the "J" it stands for."""
    rows = _tables(text).non_derivative_transactions
    assert [r.shares_owned_following_transaction for r in rows] == owned
    assert rows[-1].transaction_code == "J"
    assert rows[-1].transaction_acquired_disposed_code == "D"


# Rendered benchmark (seed 0, cb_11ff6bd4ed, ocr300), Table I: the last holding's nature cell
# "US Venture 2010 Seed" wraps right after its year.
YEAR_IN_NATURE = """\
Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

1.Title of Security 2. Transaction 2A. Deemed 3. Transaction Code 4. Securities Acquired 5. Amount of Securities Beneficially 6. 7. Nature of Indirect
(Instr. 3) Date Execution Date, | (Instr. 8) (A) or Disposed of (D) Owned Following Reported Ownership | Beneficial Ownership
(Month/Day/Year) | if any (Instr. 3, 4 and 5) Transaction(s) Form: (Instr. 4)
(Month/Day/Year) (Instr. 3 and 4) Direct (D)
Code V Amount | (A) or | Price or Indirect
(D) (I)
(Instr. 4)
Class A Common Stock 04/13/2022 A 993 OIA $0 | 7,267 D
Class A Common Stock 04/13/2022 J 993 (2) |D $0 | 6,274 D
Class A Common Stock 04/13/2022 J 993 AIA $0 | 500,989 I Estate Planning
Class A Common Stock 514,385 I Sequoia Grove
yp
Class A Common Stock 32,746 I US Venture 2010
Seed (4)

"""


@pytest.mark.parametrize(("text", "owned", "nature"), [(YEAR_IN_NATURE, 32746, "US Venture 2010 Seed")])
def test_ownership_tables_year_after_di_is_nature(text: str, owned: int, nature: str) -> None:
    """A year after the D/I letter and a word is part of the nature's name, not the amount owned."""
    last = _tables(text).non_derivative_holdings[-1]
    assert last.shares_owned_following_transaction == owned
    assert last.direct_or_indirect_ownership == "I"
    assert last.nature_of_ownership == nature


# Rendered benchmark (seed 0, cb_5e4273fe24, ocr150), Table I: three rows on whole lines, then the
# rest of the table one cell per paragraph block.
ROWS_THEN_BLOCKS = """\
Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

Title of Security 2.Transaction | 2A. Deemed 3. Transaction Code | 4. Securities Acquired (A) or | 5. Amount of Securities Beneficially | 6. 7. Nature of Indirect
(instr. 3) Date Execution Date, | (Instr. 8) Disposed of (D) Owned Following Reported Ownership | Beneficial
(Month/Day/Year) | if any (instr. 3, 4 and 5) Transaction(s) Form: Ownership
(Month/Day/Year) (instr. 3 and 4) Direct (D) | (Instr. 4)
Code 7 “Amount (A) or | Price or Indirect
(D) 10)
(instr. 4)

Class A Common Stock 05/27/2021 c&) 2,248,637 | A g$ © | 2,248,637 I By Sequoia
Capital U.S.
Venture 2010
Fund, L.p. 2 @)
4)

Class A Common Stock 05/27/2021 c& 258,628 | A $ ©) | 258,628 I By Sequoia
Capital U.S.
Growth Fund
VIL, LP. 2 @ @

Class A Common Stock 05/27/2021 jo 2,248,637 | D $ © }0 I By Sequoia
Capital U.S.
Venture 2010
Fund, L.P. 2) @)
@

\fClass A Common Stock

05/27/2021

7

258,628 |D

$ ]o

By Sequoia
Capital U.S.
Growth Fund
VIL, LP. 2 @ @

Class A Common Stock

05/27/2021

To

514,385 | A

g © | 514,385

By Sequoia
Grove II, LLC ©

Class A Common Stock

05/27/2021

7

286,376 | A

$ © | 438,456

By estate
planning vehicles

Class A Common Stock

32,746

By Sequoia
Capital U.S.
Venture 2010-
Seed Fund, L.P.
Aa—™A

Class A Common Stock

27,542

[p

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


@pytest.mark.parametrize("text", [ROWS_THEN_BLOCKS])
def test_ownership_tables_whole_row_lines_are_no_cell_stream(text: str) -> None:
    """Rows printed whole on a line are read in reading order; the cell-stream reader (for
    pdftotext dumps) would lose them and pair the blocks' cells wrongly."""
    rows = _tables(text).non_derivative_transactions
    assert [r.transaction_shares for r in rows[:3]] == [2248637, 258628, 2248637]
    assert [r.transaction_code for r in rows[:3]] == ["C", "C", "J"]
    assert rows[2].shares_owned_following_transaction == 0


# Rendered benchmark (seed 0, cb_f3df042388, ocr150), Table I: table rules read as "l".
RULES_AS_L = """\
Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
Title of Security 2. Transaction | 2. Deemed 3. Transaction Code 4. Securities Acquired (A) | 5. Amount of Securities Beneficially | 6. 7. Nature of Indirect
(instr. 3) Date Execution Date, | (Instr. 8) or Disposed of (D) Owned Following Reported Ownership | Beneficial
(Month/Day/Year) | if any (instr. 3, 4 and 5) Transaction(s) Form: Ownership
(Month/Day/Year) (instr. 3 and 4) Direct (D) | (Instr. 4)
Code 7 Amount | (A) or | Price 0 Indirect
©) (instr. 4)
Class A Common Stock 07/13/2020 A 1,475 OA $0 | 24,108 D
Class A Common Stock 07/13/2020 A 1,438 D)A $0 | 25,546 D
Class A Common Stock l l l 48,382 l l Estate Planning
Class A Common Stock 42,102 I US Venture 2010
Seed )

Reminder: Report on a separate line for each class of securities ben
"""

# Rendered benchmark (seed 0, cb_5e4273fe24, ocr300), Table II: "$" beside a mark read as "g".
DOLLAR_AS_G = """\
Table Il - Derivative Securities Acquired, Disposed of, or Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)

1. Title of 2. 3. Transaction 3A. Deemed 4. Transaction | 5. Number of 6. Date Exercisable and | 7. Title and Amount of 8. Price of | 9. Number of | 10. 11. Nature of
Derivative Conversion | Date Execution Date, | Code Derivative Expiration Date Underlying Securities Derivative | Derivative Ownership | Indirect
Security or Exercise | (Month/Day/Year) | if any (Instr. 8) Securities (Month/Day/Year) (Instr. 3 and 4) Security Securities Form of Beneficial
(Instr. 3) Price of (Month/Day/Year) Acquired (A) or (Instr. 5) Beneficially Derivative | Ownership
Derivative Disposed of (D) Owned Security: (Instr. 4)
Security (Instr. 3, 4, and 5) Following Direct (D)
Code | V (A) |(D) Date Expiration | Title Amount or Reported 0) Indirect
Exercisable | Date Number of ransaction(s) | (1)
Shares (Instr. 4) (Instr. 4)
Class B g ©) 05/27/2021 C 2,248,637 | ©) (5) Class A | 2,248,637 | $ 0 5,257,858 | I By Sequoia
Common Common Capital U.S.
Stock Stock Venture
2010 Fund,
L.p, @ &)
(4)
Class B g ©) 05/27/2021 C 258,628 (5) (5) Class A | 258,628 |$0 603,902 I By Sequoia
Common Common Capital U.S.
Stock Stock Growth

\fFund VII,
Lp, 2 @)
(4)

Reporting Owners
"""


@pytest.mark.parametrize(
    ("text", "table", "key", "expected"),
    [
        (
            RULES_AS_L,
            "non_derivative_holdings",
            "nature_of_ownership",
            ["Estate Planning", "US Venture 2010 Seed"],
        ),
        (
            RULES_AS_L,
            "non_derivative_holdings",
            "security_title",
            ["Class A Common Stock", "Class A Common Stock"],
        ),
        (
            DOLLAR_AS_G,
            "derivative_transactions",
            "security_title",
            ["Class B Common Stock", "Class B Common Stock"],
        ),
    ],
)
def test_ownership_tables_stray_letters_dropped(text: str, table: str, key: str, expected: list[str]) -> None:
    """A lone lower-case letter (a rule read as "l", a "$" read as "g") is no word of a name."""
    rows = getattr(_tables(text), table)
    assert [getattr(r, key) for r in rows] == expected


# Rendered benchmark (seed 0, cb_5e4273fe24, ocr300), Table I: rows on whole lines, then one cell per
# paragraph block; a price cell's "$" and mark read as "¢ ©)" share the amount owned's block.
PRICE_DEBRIS_BLOCK = """\
Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

1.Title of Security 2. Transaction 2A. Deemed 3. Transaction Code 4. Securities Acquired (A) or | 5. Amount of Securities Beneficially | 6. 7. Nature of Indirect
(Instr. 3) Date Execution Date, | (Instr. 8) Disposed of (D) Owned Following Reported Ownership | Beneficial
(Month/Day/Year) | if any (Instr. 3, 4 and 5) Transaction(s) Form: Ownership
(Month/Day/Year) (Instr. 3 and 4) Direct (D) (Instr. 4)
Code V Amount (A) or | Price or Indirect
(D) (I)
(Instr. 4)

Class A Common Stock 05/27/2021 c &) 2,248,637 | A g ) | 2,248,637 I By Sequoia
Capital U.S.
Venture 2010
Fund, L.P. © ©)
(4)

Class A Common Stock 05/27/2021 c &) 258,628 |A g ©) | 258,628 I By Sequoia
Capital U.S.
Growth Fund
VIL, L.p. 2 8 @

Class A Common Stock 05/27/2021 jy 2,248,637 | D ¢ M10 I By Sequoia
Capital U.S.
Venture 2010
Fund, L.P. 2) ©)
(4)

\fClass A Common Stock

05/27/2021

jo

258,628 |D

¢ M10

By Sequoia
Capital U.S.
Growth Fund

VIL, L.P, @ ©) @

Class A Common Stock

05/27/2021

yO

514,385

¢ (1) |514,385

By Sequoia
Grove II, LLC ©

Class A Common Stock

05/27/2021

jo

286,376

¢ ©) | 438,456

By estate
planning vehicles

Class A Common Stock

32,746

By Sequoia
Capital U.S.
Venture 2010-
Seed Fund, L.P.
(2) (3) (4)

Class A Common Stock

| | 27,542

|D

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


@pytest.mark.parametrize("text", [PRICE_DEBRIS_BLOCK])
def test_ownership_tables_price_debris_keeps_cell_blocks(text: str) -> None:
    """ "¢ ©) | 438,456" is still a one-value cell block: the scrambled run goes on through it, the
    amount owned stays with its row and the two holdings below keep their own rows."""
    res = _tables(text)
    last = res.non_derivative_transactions[-1]
    assert last.transaction_shares == 286376
    assert last.shares_owned_following_transaction == 438456
    assert last.nature_of_ownership == "By estate planning vehicles"
    owned = [
        (h.shares_owned_following_transaction, h.direct_or_indirect_ownership)
        for h in res.non_derivative_holdings
    ]
    assert (32746, "I") in owned
    assert (27542, "D") in owned


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        # Rendered benchmark (seed 0, cb_5e4273fe24, ocr300): the sub-caption line OCR printed after
        # the line the header ends on; its "Date" was read into the first row's nature.
        ("Exercisable | Date Number of ransaction(s) | (1)", True),
        # dev_95b3b787ed_ocr300: a wrapped row line, words of three cells, no caption.
        ("Series A Cc Capital XII", False),
        ("Preferred] (1) 09/22/2020 C 2,027,400 (1) (1) Gros 2,027,400| $0 0 I {Principals", False),
    ],
)
def test_ownership_tables_sub_caption_line_is_header(line: str, caption: bool) -> None:
    """Table II's sub-column captions (date exercisable, expiration date, amount or number of shares)
    left below the header are header, not wrapped cell text; a line with values never is."""
    (parsed,) = split_lines(line)
    assert _is_repeated_header(parsed) is caption


# dev_85961a1779_ocr300 (Table II): the expiration date's month "05" read as "95".
MISREAD_MONTH = """\
Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned

(e.g., puts, calls, warrants, options, convertible securities)

1. Title of 2. 3. Transaction 3A. Deemed 4. 5. Number of |6. Date Exercisable and 7. Title and Amount of |8. Price of 9. Number of |10. 11. Nature
Derivative Conversion |Date Execution Date, |Transaction | Derivative Expiration Date Underlying Securities | Derivative | Derivative Ownership | of Indirect
Security or Exercise |(Month/Day/Year)| if any Code Securities (Month/Day/Year) (Instr. 3 and 4) Security |Securities Form of Beneficial
(Instr. 3) Price of (Month/Day/Year) | (Instr. 8) Acquired (A) or (Instr. 5) | Beneficially Derivative |Ownership

Derivative Disposed of (D) Owned Security: |(Instr. 4)

Security (Instr. 3, 4, and Following Direct (D)

5) Reported or Indirect
_ STAGE? GIE Transaction(s) | (I)
Date Expiration Title Niuaaelneve OF (Instr. 4) (Instr. 4)
Code V (A) (D) Exercisable] Date Shares

Stock
Pee $ 22.83 | 05/24/2019 A 22,000 @.  |95/23/2029|/°2™™°"! 29.000 | $0 22,000 D
(right to Stock
buy)


\f
Reporting Owners
"""


@pytest.mark.parametrize(("text", "expiration"), [(MISREAD_MONTH, "2029-05-23")])
def test_ownership_tables_misread_month(text: str, expiration: str) -> None:
    """No month starts with 9: "95/23/2029" is the OCR of "05/23/2029", not a date to drop."""
    (row,) = _tables(text).derivative_transactions
    assert row.expiration_date == expiration
    assert row.transaction_date == "2019-05-24"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("|95/23/2029|", "2029-05-23"),
        ("98/25/2022", "2022-08-25"),
        ("75/23/2029", None),
        ("13/01/2020", None),
    ],
)
def test_values_parse_ocr_date(text: str, iso: str | None) -> None:
    """Only the leading-zero shapes 6, 8, 9 are read back; other impossible months stay unread."""
    assert parse_ocr_date(text) == iso


# dev_752eb69557_ocr300 (header and Reporting Owners table): a Form 3 header read single-spaced,
# boxes 1, 2 and 3 on one line.
FORM3_HEADER = """\
FOR 3 UNITED STATES SECURITIES AND EXCHANGE COMMISSION OMB APPROVAL
Washington, D.C. 20549 OMB Number: 3235-0104

Estimated average burden hours per response...0.5

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940

(Print or Type Responses)

1, Name and Address of Reporting Person ~ 2. Date of Event Requiring Statement (Month/Day/Year) 3. Issuer Name and Ticker or Trading Symbol
Hurley Chad 08/23/2018 Megalith Financial Acquisition Corp [MFAC.U]
(Last) (First) (Middle) 4. Relationship of Reporting Person(s) to Issuer 5. If Amendment, Date Original Filed(Month/Day/Year)
1345 AVENUE OF THE AMERICAS, FL. 11 (Check all applicable)
X_Direct 10% O1 - mn
(Street) ~ Saintes aioe) ci Cease —— 6. Individual or Joint/Group Filing(Check Applicable Line)
— _X_ Form filed by One Reporting Person
NEW YORK, NY 10105 __ Form filed by More than One Reporting Person

Reporting Owners

Relationships

Reporting Owner Name / Address
Director] 10% Owner] Officer| Other

Hurley Chad
1345 AVENUE OF THE AMERICAS, FL. 11 xX
NEW YORK, NY 10105
"""


@pytest.mark.parametrize(("text", "name"), [(FORM3_HEADER, "Megalith Financial Acquisition Corp")])
def test_ownership_header_issuer_drops_event_date(text: str, name: str) -> None:
    """Form 3's date of event sits between the owner and the issuer; it is no word of the issuer."""
    res = extract_header(normalise(text))
    assert res.issuer.name == name
    assert res.issuer.trading_symbol == "MFAC.U"


# Rendered benchmark (seed 0, cb_3fac32ecd8, ocr150): a Form 3 header whose box 2 label OCR garbled.
GARBLED_PERIOD_LABEL = """\
FORM 3

Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment

(Print or Type Responses)

UNITED STATES SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

Company Act of 1940

OMB APPROVAL
OMB Number: 3235-
0104
Estimated average burden 0.5

hours per response...

t Name and Address of Reporting Person * quontieayveny ne Statement
y 10/14/2021
(Last) (First) (Middle)
11752 LAKE POTOMAC DRIVE
(Street)
POTOMAC, MD 20854
(city) (State) (Zip)

3. Issuer Name and Ticker or Trading Symbol
Founder SPAC [FOUN]
"""


@pytest.mark.parametrize(("text", "period"), [(GARBLED_PERIOD_LABEL, "2021-10-14")])
def test_ownership_header_period_without_its_label(text: str, period: str) -> None:
    """With the date-of-event label unreadable, the header's first date is still the period."""
    assert extract_header(normalise(text)).period_of_report == period
