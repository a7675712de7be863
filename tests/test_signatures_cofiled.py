"""A co-filed form prints each owner's signature as a row above one "**Signature of Reporting Person"."""

from __future__ import annotations

from extractor.assemble.ownership_header_sections import extract_signatures
from extractor.layout.lines import split_lines

# The SEC-style HTML page of a three-owner Form 4 as ingested (cells joined by tabs); names generated.
COFILED = (
    "Signatures\n"
    "/s/ Cecil A. Carbajal\t10/29/2024\n"
    "/s/ Latasha L. Dixon\t10/29/2024\n"
    "/s/ Robin N. Leigh, Attorney-in-Fact\t10/30/2024\n"
    "**Signature of Reporting Person\tDate\n"
    "Explanation of Responses:\n"
)


def test_one_signature_per_dated_row() -> None:
    sigs = extract_signatures(split_lines(COFILED))
    assert [(s.name.value if s.name else None, s.date.value if s.date else None) for s in sigs] == [
        ("/s/ Cecil A. Carbajal", "2024-10-29"),
        ("/s/ Latasha L. Dixon", "2024-10-29"),
        ("/s/ Robin N. Leigh, Attorney-in-Fact", "2024-10-30"),
    ]


def test_wrapped_name_stays_one_signature() -> None:
    text = (
        "Signatures\n"
        "/s/ Roxanne S. Williams, Attorney-in-Fact for\n"
        "Richard D. Golden    06/04/2013\n"
        "**Signature of Reporting Person    Date\n"
    )
    (sig,) = extract_signatures(split_lines(text))
    assert sig.name is not None and sig.name.value == (
        "/s/ Roxanne S. Williams, Attorney-in-Fact for Richard D. Golden"
    )
    assert sig.date is not None and sig.date.value == "2013-06-04"
