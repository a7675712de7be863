# The excerpts are verbatim OCR text: long lines and form feeds (page breaks) are the point.
# ruff: noqa: E501, W293
"""Table I rows of scrambled-block OCR whose wrapped cells sit above and below their data line.

Each excerpt is copied from a dev OCR document (``../shared/data/dev/docs/*_ocr300.txt``, tesseract at
300 dpi); expected values are the dev gold's. Each test's docstring names the trap it guards.
"""

from __future__ import annotations

from extractor.assemble.ownership_tables import TablesResult, extract_tables
from extractor.ingest import normalise

_HEADER = """\
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired |5. Amount of Securities Beneficially 6. 7. Nature of
(Instr. 3) Date Execution Date, |Code (A) or Disposed of (D) Owned Following Reported Ownership | Indirect
(Month/Day/Year) | if any (Instr. 8) (Instr. 3, 4 and 5) Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | Ownership
or Indirect | (Instr. 4)
(A) or (I)
Code V_ | Amount (D) Price (Instr. 4)
"""

LEFTOVER_END = """\
L.p, 2G)
Sequoia
Capital
U.S.
Common Stock 05/27/2021 J 1,803,969|D Q) 14,212,349 I Guowiin
Fund VI,
L.p, 2G)
By estate
Common Stock 05/27/2021 J 1,388,741]A Q) {1,391,527 I planning



vehicle

Common Stock

05/27/2021

1,946,111]A

1,946,111

By Sequoia
Grove II,
LLC ( &
"""

LEFTOVER_START = """\
(City) (Gis) (Zip) Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired |5. Amount of Securities Beneficially 6. 7. Nature of
(Instr. 3) Date Execution Date, |Code (A) or Disposed of (D) Owned Following Reported Ownership | Indirect
(Month/Day/Year) | if any (Instr. 8) (Instr. 3, 4 and 5) Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | Ownership
or Indirect | (Instr. 4)
(A) or (1)
Code V | Amount (D) Price (Instr. 4)
Class A Common Stock 06/14/2022 A 230 la |g 0 |17,754 D
Sequoia
Capital
U.S.
Class A Common Stock 1,862 I Growth
Fund IV,
L.p. @)
Sequoia
Capital
USGF
Class A Common Stock 77 I Principals
Fund IV,
L.p. @)
By estate
Class A Common Stock 684,741 I planning
vehicle
Sequoia
Capital
Cl AC Stock 11,388 I US.
ass ommon Stoc , Venture
Fund XV,
L.P, &

Sequoia



Class A Common Stock

479

Capital
U.S.
Venture
Partners
Fund XV

(Q), L.P.
(3)

Class A Common Stock

171

Sequoia
Capital
U.S.
Venture
Partners
Fund XV,
L.p, &

Class A Common Stock

1,750

Sequoia
Capital
U.S.
Venture
XV
Principals
Fund,

L.p, &

"""

ENTITY_END = """\
By estate
Class A Common Stock 684,741 I planning
vehicle
Sequoia
Capital
U.S.
Class A Common Stock 11,388 I Venture
Fund XV,
L.p,
Sequoia



Capital
U.S.
Class A Common Stock 479 I Venture
Partners
Fund XV
(Q), L.P.
(3)
"""

ENTITY_DEBRIS = """\
Sequoia
Capital
U.S.
Class A Common Stock 6,195,430 I Growth
Fund
VIII, L.P.
(Q) (3)
Sequoia



Class A Common Stock 1,178,530 I Grove II,
LLC “4
Estate

Class A Common Stock 414,691 I Planning
Vehicle

"""

RAISED = """\
1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired 5. Amount of Securities Beneficially 6. 7. Nature
(Instr. 3) Date Execution Date, |Code (A) or Disposed of (D) Owned Following Reported Transaction(s) | Ownership | of Indirect
(Month/Day/Year) | if any (Instr. 8) (Instr. 3, 4 and 5) (Instr. 3 and 4) Form: Beneficial
(Month/Day/Year) Direct (D) |Ownership
or Indirect | (Instr. 4)
(A) or (I)
Code V Amount (D) |Price (Instr. 4)
Class A Common Stock, $0.0001 par 18,421
value $ Pp 09/14/2021 A (a) A $0 |18,421 D

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""

_END = "\nReminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.\n"


def _tables(body: str) -> TablesResult:
    return extract_tables(normalise(_HEADER + body + _END), "4")


def test_ocr_gap_rows_leftover_paragraph_ends_the_row_above() -> None:
    """Trap: the last word of a nature cell (``vehicle``) printed as its own paragraph before a
    run of one-cell paragraphs belongs to the row above, not to the title of the run's first row."""
    rows = _tables(LEFTOVER_END).non_derivative_transactions
    natures = [r.nature_of_ownership for r in rows]
    assert "By estate planning vehicle" in natures
    k = natures.index("By estate planning vehicle")
    assert rows[k + 1].security_title == "Common Stock"
    assert rows[k + 1].nature_of_ownership == "By Sequoia Grove II, LLC"


def test_ocr_gap_rows_leftover_paragraph_starts_the_next_nature() -> None:
    """Trap: after a row whose nature closed (``L.P, &``), a lone ``Sequoia`` paragraph opens the
    next row's nature (``Capital U.S. ...`` follows its amount); glued to the title it read
    ``Sequoia Class A Common Stock``."""
    rows = extract_tables(normalise(LEFTOVER_START + _END), "4").non_derivative_holdings
    row = next(r for r in rows if r.shares_owned_following_transaction == 479)
    assert row.security_title == "Class A Common Stock"
    assert row.nature_of_ownership == "Sequoia Capital U.S. Venture Partners Fund XV (Q), L.P."


def test_ocr_gap_rows_entity_suffix_ends_the_cell() -> None:
    """Trap: a nature cell ends with ``L.p,`` whose footnote mark OCR lost; the next line
    (``Sequoia``, then blank lines) already opens the next row's nature."""
    rows = _tables(ENTITY_END).non_derivative_holdings
    by_amount = {r.shares_owned_following_transaction: r.nature_of_ownership for r in rows}
    assert by_amount[479] == "Sequoia Capital U.S. Venture Partners Fund XV (Q), L.P."
    assert by_amount[11388] is not None and by_amount[11388].startswith("Sequoia Capital U.S. Venture Fund XV")
    assert not by_amount[11388].endswith("Sequoia")


def test_ocr_gap_rows_entity_suffix_with_mark_debris_ends_the_cell() -> None:
    """Trap: ``LLC \u201c4`` (the mark ``(4)`` as debris) closes ``Sequoia Grove II, LLC``; the
    next line ``Estate`` starts the next row's ``Estate Planning Vehicle``."""
    rows = _tables(ENTITY_DEBRIS).non_derivative_holdings
    by_amount = {r.shares_owned_following_transaction: r.nature_of_ownership for r in rows}
    assert by_amount[1178530] == "Sequoia Grove II, LLC"
    assert by_amount[414691] == "Estate Planning Vehicle"


def test_ocr_gap_rows_raised_amount_joins_the_dated_row_below() -> None:
    """Trap: the amount cell printed on the title's first line (``... $0.0001 par 18,421``) made
    that line a row of its own; the dated line below (``value ... 09/14/2021 ... D``), whose title
    continues with a small letter, is the same row and takes the amount and the title words."""
    res = extract_tables(normalise(RAISED), "4")
    assert res.non_derivative_holdings == []
    (row,) = res.non_derivative_transactions
    assert row.transaction_shares == 18421
    assert row.shares_owned_following_transaction == 18421
    assert row.direct_or_indirect_ownership == "D"
    assert row.security_title is not None and row.security_title.startswith("Class A Common Stock")
