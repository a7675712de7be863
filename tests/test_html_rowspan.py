"""HTML ``rowspan``: later rows keep a placeholder cell, so EDGAR's two-row headers stay over their columns.

The excerpts are shaped like the SEC's own Form 4 page: the Reporting Owners table heads its name column
with ``<th rowspan=2>`` and its marks with ``<th colspan=4>Relationships</th>`` over a second header row
"Director / 10% Owner / Officer / Other"; Table I heads title, dates and code with ``rowspan=2``.
"""

from __future__ import annotations

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise
from extractor.ingest.html import MAX_PLACEHOLDER_TABS, normalise_html

BOX5 = (
    "<table><tr><td>5. Relationship of Reporting Person(s) to Issuer<br>(Check all applicable)</td></tr>"
    "<tr><td>__X__ Director</td><td>_____ 10% Owner</td></tr>"
    "<tr><td>_____ Officer (give title below)</td><td>_____ Other (specify below)</td></tr></table>"
)
OWNERS = (
    "<h3>Reporting Owners</h3><table style='width:70%'>"
    "<tr><th rowspan='2'>Reporting Owner Name / Address</th>"
    "<th colspan='4' class='center'>Relationships</th></tr>"
    "<tr><th>Director</th><th>10% Owner</th><th>Officer</th><th>Other</th></tr>"
    "<tr><td>BOTHA ROELOF<br>C/O EVENTBRITE, INC.<br>535 MISSION STREET, 8TH FLOOR<br>"
    "SAN FRANCISCO, CA 94105</td>"
    "<td class='center'>X</td><td class='center'></td><td class='center'></td><td class='center'></td></tr>"
    "</table><h3>Signatures</h3>"
)
TABLE1 = (
    "<table><tr><th rowspan='2'>1.Title of Security<br>(Instr. 3)</th>"
    "<th rowspan='2'>2. Transaction Date</th>"
    "<th colspan='2'>3. Transaction Code<br>(Instr. 8)</th><th colspan='3'>4. Securities Acquired (A) or "
    "Disposed of (D)</th><th rowspan='2'>5. Amount</th></tr>"
    "<tr><th>Code</th><th>V</th><th>Amount</th><th>(A) or (D)</th><th>Price</th></tr>"
    "<tr><td>Common Stock</td><td>04/13/2022</td><td>S</td><td></td><td>774</td><td>D</td>"
    "<td>$ 12.5</td><td>7,267</td></tr></table>"
)


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><body><p>FORM 4</p>{body}</body></html>"


def test_rowspan_header_keeps_columns() -> None:
    text, _ = normalise_html(_page(OWNERS))
    rows = text.split("\n")
    head = rows.index("Reporting Owner Name / Address\tRelationships")
    # the name cell spans two rows: the second header row keeps an empty first cell
    assert rows[head + 1] == "\tDirector\t10% Owner\tOfficer\tOther"
    assert rows[head + 5] == "SAN FRANCISCO, CA 94105\tX\t\t\t"


def test_rowspan_table1_header_aligns_with_data() -> None:
    text, _ = normalise_html(_page(TABLE1))
    rows = [r.split("\t") for r in text.split("\n") if "\t" in r]
    sub, data = rows[-2], rows[-1]
    assert sub.index("Code") == data.index("S") == 2
    assert sub.index("Amount") == data.index("774")
    assert sub.index("(A) or (D)") == data.index("D")


def test_rowspan_placeholders_map_back_to_source() -> None:
    source = _page(OWNERS)
    nt = normalise(source)
    start = nt.text.index("\tDirector")
    s, e = nt.source_span(start + 1, start + len("\tDirector"))
    assert source[s:e] == "Director"
    s, _ = nt.source_span(start, start + 1)  # the placeholder stands for the <th> tag that follows it
    assert source[s:].startswith("<th>Director")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a rowspan in the middle: the later row's cells skip the covered column
        ("<table><tr><td>a</td><td rowspan=3>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr>"
         "<tr><td>f</td><td>g</td></tr><tr><td>h</td><td>i</td></tr></table>",
         "a\tb\tc\nd\t\te\nf\t\tg\nh\ti"),
        # rowspan with colspan covers both columns; rowspan=0 counts as 1
        ("<table><tr><td rowspan='2' colspan='2'>a</td><td rowspan=0>b</td></tr><tr><td>c</td></tr></table>",
         "a\t\tb\n\t\tc"),
        # a nested table does not disturb the outer row's columns
        ("<table><tr><td rowspan=2>a</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr>"
         "<tr><td>b</td></tr></table>",
         "a\t\nx\ty\n\tb"),
    ],
)  # fmt: skip
def test_rowspan_layout(source: str, expected: str) -> None:
    text, _ = normalise_html("<html><body>" + source + "</body></html>")
    assert text.strip("\n") == expected


def test_rowspan_hostile_input_is_capped() -> None:
    spans = "<tr>" + "<td rowspan=999 colspan=999>x</td>" * 2000 + "</tr>"
    rows = "<tr><td>y</td></tr>" * 5000
    text, _ = normalise_html("<html><body><table>" + spans + rows + "</table></body></html>")
    assert text.count("\t") <= 2000 * 50 + MAX_PLACEHOLDER_TABS


def _owner_flags(source: str) -> tuple[bool | None, ...]:
    owner = extract_header(normalise(source)).reporting_owners[0]
    return owner.is_director, owner.is_ten_percent_owner, owner.is_officer, owner.is_other


def test_director_only_owner_from_html() -> None:
    assert _owner_flags(_page(BOX5 + OWNERS)) == (True, False, False, False)


def test_table_marks_without_placeholder_are_realigned() -> None:
    # tabbed text from a rowspan-blind converter: the label row lost its first cell
    text, _ = normalise_html(_page(BOX5 + OWNERS))
    blind = text.replace("\n\tDirector\t", "\nDirector\t")
    assert _owner_flags(blind) == (True, False, False, False)
    # rows that cannot be aligned with the labels leave the marks to the header box
    ragged = blind.replace("94105\tX\t\t\t", "94105\t\tX")
    assert _owner_flags(ragged) == (True, False, False, False)
