"""Contract tests: Forms 3/4 pages rendered once and read through the non-OCR converters.

Excerpts are cut from ``benchmarks/converters.py --n 16 --seed 0`` pages (a dev gold filing rendered to
EDGAR-shaped HTML, then converted by w3m, ``pdftotext -layout`` and plain ``pdftotext``); expected
values are that filing's gold. Each test's docstring names the trap.
"""

# ruff: noqa: E501  (real excerpts keep their converter's line widths: the layout is the trap)

from __future__ import annotations

import time
from pathlib import Path

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_tables import TablesResult, extract_tables
from extractor.assemble.ownership_tables_pages import anchors
from extractor.ingest import normalise
from extractor.layout.cells import TokenKind, tokenize_line
from extractor.layout.lines import split_lines

FIXTURES = Path(__file__).parent / "fixtures" / "rendered_converters"


def _fixture(name: str) -> str:
    """A real converter excerpt (fixed-width lines are too long for a source file)."""
    return (FIXTURES / name).read_text(encoding="utf-8").rstrip("\n")


def _tables(text: str, form_type: str = "4") -> TablesResult:
    return extract_tables(normalise(text), form_type)


@pytest.mark.parametrize(
    ("line", "amount"),
    [
        ("Class A      05/27/2021                       J^(1)        2,248,637 D          $ ^(1) 0", "0"),
        (
            " Class A Common Stock                                05/27/2021                          C (5)                    2,248,637 A             $ (5) 2,248,637",
            "2,248,637",
        ),
    ],
)
def test_cells_marked_dollar_keeps_next_amount(line: str, amount: str) -> None:
    """Trap: an empty price cell with only ``$`` and a mark ends one space before the amount owned;
    joining ``$`` to that amount invents a price and loses the amount."""
    tokens = tokenize_line(split_lines(line)[0])
    dollar = next(t for t in tokens if t.text.startswith("$"))
    assert dollar.text == "$"
    assert dollar.footnotes
    assert tokens[-1].text == amount
    assert tokens[-1].kind is TokenKind.NUMBER


def test_w3m_marked_empty_price_reads_amount_owned() -> None:
    """Trap: w3m ``$ ^(1) 0`` (no price, a mark, then the amount owned in the same cell)."""
    res = _tables(_fixture("w3m_marked_empty_price.txt"))
    got = [
        (t.transaction_price_per_share, t.shares_owned_following_transaction)
        for t in res.non_derivative_transactions
    ]
    assert got == [(None, 2248637), (None, 258628), (None, 0), (None, 0), (None, 514385), (None, 438456)]


def test_w3m_wrapped_underlying_title_left_of_label() -> None:
    """Trap: w3m wraps ``Class`` / ``A`` / ``Common`` / ``Stock`` at one x left of the ``7.`` label; the
    lone ``A`` overlaps the date column more and was read as the A/D code (and as a transaction code,
    turning four holdings into transactions); a one-digit ``0`` owned, left-aligned a character left
    of the ``9.`` label, was read as the price."""
    res = _tables(_fixture("w3m_wrapped_underlying_title.txt"))
    assert len(res.derivative_transactions) == 1
    tx = res.derivative_transactions[0]
    assert tx.underlying_security_title == "Class A Common Stock"
    assert tx.transaction_acquired_disposed_code == "D"
    holdings = res.derivative_holdings
    assert [h.underlying_security_title for h in holdings] == ["Class A Common Stock"] * 4
    assert [h.shares_owned_following_transaction for h in holdings] == [2962961, 26165483, 0, 0]


def test_pdf_layout_first_row_of_next_page_is_a_row() -> None:
    """Trap: the next page of a ``pdftotext -layout`` table has its own, squeezed grid without the
    sub-column marks, so its first row's values carry other column keys than the last row above the
    page break and were taken as that row's continuation (two rows read as one)."""
    res = _tables(_fixture("pdf_layout_page_break_grid.txt"), "3")
    shares = [h.underlying_security_shares for h in res.derivative_holdings]
    assert len(shares) == 18
    assert shares[2:4] == [71678, 835393]
    assert res.derivative_holdings[2].security_title == "Series B Preferred Stock"
    assert res.derivative_holdings[3].security_title == "Series C Preferred Stock"
    assert res.derivative_holdings[3].nature_of_ownership == "By Sequoia Capital XI, LP"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("pdf_layout_squeezed_underlying.txt", "Common Stock"),
        ("pdf_layout_dollar_in_title_column.txt", "American Depositary Shares"),
    ],
)
def test_pdf_layout_squeezed_underlying_title(name: str, title: str) -> None:
    """Trap: ``pdftotext -layout`` squeezes a wide row so the underlying title starts in the date
    column, one space after the expiration date (``04/12/2028 Common 2,565``), its other lines
    centred under it; the empty price cell's ``$`` then sits in the title column."""
    res = _tables(_fixture(name))
    assert [t.underlying_security_title for t in res.derivative_transactions] == [title]


def test_pdf_raw_owners_heading_inside_table() -> None:
    """Trap: plain pdftotext prints the ``Reporting Owners`` heading amid a one-row Table II
    (after the title, before the date): the table must not end there."""
    res = _tables(_fixture("pdf_raw_owners_heading_in_table.txt"))
    assert len(res.derivative_transactions) == 1
    tx = res.derivative_transactions[0]
    assert tx.security_title == "Restricted Stock Units (RSU) (Class A)"
    assert tx.transaction_date == "2019-06-17"
    assert tx.underlying_security_title == "Class A Common Stock"
    assert (tx.underlying_security_shares, tx.shares_owned_following_transaction) == (1613, 1613)


def test_pdf_raw_underlying_after_last_letter() -> None:
    """Trap: plain pdftotext prints the baseline of dates, underlying title and amount after the
    row's D/I letter and the ``Amount or Number of Shares`` captions."""
    res = _tables(_fixture("pdf_raw_late_underlying.txt"))
    tx = res.derivative_transactions[0]
    assert (tx.exercise_date, tx.expiration_date) == ("2018-04-13", "2028-04-12")
    assert (tx.underlying_security_title, tx.underlying_security_shares) == ("Common Stock", 2565)


def test_pdf_raw_two_heads_then_two_tails() -> None:
    """Trap: plain pdftotext prints two rows' left halves (title, date, code, amount; ``2,248,637 D``
    with its A/D letter), then both right halves (``A`` / ``$ (5) 258,628`` / ``I`` / nature, then
    ``$ (1) 0`` / ``I`` / nature): read in stream order the second head was lost and the tails made
    holdings."""
    res = _tables(_fixture("pdf_raw_heads_then_tails.txt"))
    got = [
        (
            t.transaction_code,
            t.transaction_shares,
            t.transaction_acquired_disposed_code,
            t.shares_owned_following_transaction,
        )
        for t in res.non_derivative_transactions
    ]
    assert got == [
        ("C", 2248637, "A", 2248637),
        ("C", 258628, "A", 258628),
        ("J", 2248637, "D", 0),
        ("J", 258628, "D", 0),
        ("J", 514385, "A", 514385),
        ("J", 286376, "A", 438456),
    ]
    natures = [t.nature_of_ownership for t in res.non_derivative_transactions[1:3]]
    assert natures == [
        "By Sequoia Capital U.S. Growth Fund VII, L.P.",
        "By Sequoia Capital U.S. Venture 2010 Fund, L.P.",
    ]
    assert [h.shares_owned_following_transaction for h in res.non_derivative_holdings] == [32746, 27542]


def test_pdf_raw_title_wrapped_around_conversion_price() -> None:
    """Trap: the derivative's title wraps around its conversion price (``American $`` /
    ``Depositary 17.3509``): the ``$`` and its amount are two items apart, a title line between."""
    res = _tables(_fixture("pdf_raw_title_around_price.txt"))
    tx = res.derivative_transactions[0]
    assert tx.conversion_or_exercise_price == 17.3509
    assert tx.security_title == "American Depositary Shares Purchase Warrant"


PDF_RAW_ID_COLUMN = """\
Explanation of Responses:

*
**
(1)
(2)

If the form is filed by more than one reporting person, see Instruction 4(b)(v).
Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).
The option shares are fully vested and may be exercised at any time.
The option was issued to the Reporting Person in lieu of retainer fees of $15,625.00, for service on the Issuer's Board of Directors.

Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, see Instruction 6 for procedure.
"""


def test_pdf_raw_footnote_ids_after_star_marks() -> None:
    """Trap: plain pdftotext prints the ``*`` / ``**`` marks and the ids as one column, then one line
    per text: the ids were taken for the wrapped end of the ``*`` instruction line."""
    res = extract_header(normalise(PDF_RAW_ID_COLUMN))
    assert [(f.id, f.text) for f in res.footnotes] == [
        ("1", "The option shares are fully vested and may be exercised at any time."),
        (
            "2",
            "The option was issued to the Reporting Person in lieu of retainer fees of $15,625.00, for service on the Issuer's Board of Directors.",
        ),
    ]


def test_pdf_raw_footnote_lost_id_without_blank_lines() -> None:
    """Trap: plain pdftotext printed footnote (3)'s id after the last footnote (its text opened a new
    page) and separates footnotes by no blank line: (3) and (4) were read as one note of id (4)."""
    res = extract_header(normalise(_fixture("pdf_raw_footnote_id_out_of_place.txt")))
    notes = {f.id: f.text for f in res.footnotes}
    assert list(notes) == [str(n) for n in range(1, 12)]
    assert notes["3"].startswith("These shares were not subject to a particular transaction")
    assert notes["3"].endswith("Securities and Exchange Commission rules.")
    assert notes["4"].startswith("These shares are held of record by FF4 Investment LLC")
    assert notes["5"] is not None and notes["5"].startswith(
        "These shares are held of record by PLTR Holdings LLC"
    )


def test_page_anchors_linear_on_a_very_long_line() -> None:
    """Trap (untrusted input): the D/I anchor of a line counted each token's cell by scanning the whole
    line, quadratic in its tokens: a 100,000-character line after a real ``pdftotext -layout`` row took
    about 10 s (22 s for the page); one count per cell keeps it linear."""
    row = " Stock           $ 10.29           04/13/2018                           A                2,565"
    line = row + " " + " ".join(f"1,{i}" for i in range(14_000))
    tokens = tokenize_line(split_lines(line)[0])
    start = time.perf_counter()
    anchors(tokens)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(("keep", "period"), [(15, None), (17, "2021-10-14"), (19, "2021-10-14")])
def test_w3m_page_cut_off_below_the_date_label(keep: int, period: str | None) -> None:
    """Trap (truncated input): a w3m Form 3 page that ends a few lines below the "2. Date of Event" label
    made the date scan index past the last line (IndexError, the whole filing lost). The first lines of
    the seed-0 page of Founder SPAC: the header fields printed before the cut are still read."""
    text = "\n".join(_fixture("w3m_form3_header_top.txt").split("\n")[:keep])
    header = extract_header(normalise(text))
    assert (header.issuer.trading_symbol, header.period_of_report) == ("FOUN", period)


def test_html_cofilers_keep_their_own_relationships() -> None:
    """Trap: box 5 shows the first owner's marks (Director); a co-filer whose Reporting Owners row
    marks only 10% Owner must not inherit the Director box. The page is a generated three-owner Form 4
    (``benchmarks/converters.py --synthetic --seed 21``), and its signatures are three dated rows above
    one label."""
    from extractor.ingest import read_document

    header = extract_header(read_document(FIXTURES / "html_cofiled_three_owners.html"))
    got = [(o.name, o.is_director, o.is_ten_percent_owner) for o in header.reporting_owners]
    assert got == [
        ("CARBAJAL CECIL A", True, False),
        ("DIXON LATASHA L", False, True),
        ("Securrency Capital Fund II, L.P.", False, True),
    ]
    assert [s.name for s in header.signatures] == [
        "/s/ Cecil A. Carbajal",
        "/s/ Latasha L. Dixon",
        "/s/ Robin N. Leigh, Attorney-in-Fact",
    ]


def test_html_form3_price_cell_of_only_dollar_and_mark_is_empty() -> None:
    """Trap: a tabbed Table II row whose price cell is ``$ (4)`` (no number); the lone ``$`` read as a
    text cell between the amount and the D/I letter lost the whole row. Generated Form 3 page
    (``benchmarks/converters.py --synthetic --seed 21``) as the HTML reader joins its cells."""
    res = _tables(_fixture("html_form3_marked_empty_price.txt"), "3")
    (row,) = res.derivative_holdings
    assert row.security_title == "Restricted Stock Units"
    assert row.conversion_or_exercise_price is None
    assert row.underlying_security_title == "Common Stock"
    assert row.underlying_security_shares == 235
    assert row.direct_or_indirect_ownership == "D"
    assert [h.shares_owned_following_transaction for h in res.non_derivative_holdings] == [225640, 183840]


def test_tabbed_value_inside_a_title_cell_is_text() -> None:
    """Trap: ``Common Stock, par value $0.001 per share`` in one tabbed cell; its ``$0.001`` read as a
    price column shifted every cell after it (generated Form 3 page, ``--synthetic --seed 21``)."""
    line = "Performance Stock Units\t04/22/2020\t\tCommon Stock, par value $0.001 per share\t542\t$ (2)\tD\t"
    tokens = tokenize_line(split_lines(line)[0])
    assert [t.text for t in tokens if t.kind is TokenKind.MONEY] == []
    assert [t.text for t in tokens if t.kind is TokenKind.NUMBER] == ["542"]
    assert next(t for t in tokens if t.text == "$0.001").kind is TokenKind.TEXT
