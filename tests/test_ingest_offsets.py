"""The offset map: invariants on arbitrary debris-laden text, and the piece arithmetic behind it."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.ingest import NormalisedText, normalise
from extractor.ingest.offsets import OffsetBuilder, OffsetMap, compose, crlf_pass

FRAGMENTS = [
    "Common Stock",
    " ",
    "   ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\f",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "⁽¹⁾",
    "¹²",
    "&amp;",
    "&nbsp;",
    "&#160;",
    "&#x27;",
    "&#13;",
    "&bogus;",
    "&",
    "<",
    ">",
    "<u>",
    "</u>",
    "<sup>(1)</sup>",
    "<sup>2</sup>",
    "<b>",
    "<br/>",
    "<p>",
    "<td>",
    "<tr>",
    '<td colspan="2">',
    "<html>",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    '<input type="checkbox" checked/>',
    "<input type=checkbox>",
    "**",
    "*",
    "__",
    "_",
    "_X_",
    "__X__",
    "_____",
    "\\$",
    "\\*",
    "\\_",
    "\\",
    "69,672",
]
documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join)


def _check_invariants(nt: NormalisedText) -> None:
    offsets = nt.offsets
    n, size = len(nt.text), len(nt.source_text)
    values = list(offsets)
    assert len(offsets) == len(values) == n + 1
    assert values == [offsets[i] for i in range(n + 1)]  # iteration agrees with indexing
    assert values[-1] == size
    assert all(0 <= a <= b <= size for a, b in itertools.pairwise(values))
    assert isinstance(offsets, OffsetMap)
    for i in range(n):
        assert values[i] < offsets.end_of(i) <= size or values[i] == offsets.end_of(i) == size
    for start in range(0, n, 3):
        s, e = nt.source_span(start, min(n, start + 5))
        assert 0 <= s <= e <= size


@settings(max_examples=150, deadline=None)
@given(documents)
def test_ingest_offsets_invariants_hold_for_any_text(source: str) -> None:
    _check_invariants(normalise(source))


@settings(max_examples=100, deadline=None)
@given(documents.filter(lambda s: "\r" not in s))
def test_ingest_offsets_crlf_composition_points_at_the_same_characters(source: str) -> None:
    """The CRLF pre-pass composed with the rewrite maps every non-space character where the LF text
    maps it: composition loses no precision."""
    lf = normalise(source)
    crlf = normalise(source.replace("\n", "\r\n"))
    _check_invariants(crlf)
    assert crlf.text == lf.text
    for i, ch in enumerate(lf.text):
        if not ch.isspace():
            assert crlf.source_text[crlf.offsets[i]] == lf.source_text[lf.offsets[i]]


@pytest.mark.parametrize(
    ("source", "text", "offsets"),
    [
        ("a\r\nb", "a\nb", [0, 2, 3, 4]),
        ("\r\n\r\nx", "\n\nx", [1, 3, 4, 5]),
        ("a\rb\r\n", "a\nb\n", [0, 1, 2, 4, 5]),
        ("", "", [0]),
    ],
)
def test_ingest_offsets_crlf_pass(source: str, text: str, offsets: list[int]) -> None:
    got_text, got = crlf_pass(source)
    assert (got_text, got.tolist()) == (text, offsets)


def test_ingest_offsets_builder_and_compose() -> None:
    """A collapsed piece maps all its characters to its span's start and ends at the span's end."""
    b = OffsetBuilder("x&amp;yz")
    b.copy(0, 1)
    b.replace("&", 1, 6)
    b.copy(6, 8)
    text, first = b.build()
    assert (text, first.tolist(), first.end_of(1), first.pieces) == ("x&yz", [0, 1, 6, 7, 8], 6, 3)
    b2 = OffsetBuilder(text)
    b2.replace("[X]", 0, 2)
    b2.copy(3, 4)
    text2, second = b2.build()
    both = compose(second, first)
    assert (text2, both.tolist(), both.end_of(0), both.end_of(3)) == ("[X]z", [0, 0, 0, 7, 8], 6, 8)


@pytest.mark.parametrize(("text", "trimmed"), [("ab  ", "ab"), ("  ", ""), ("a b", "a b")])
def test_ingest_offsets_trim_end(text: str, trimmed: str) -> None:
    b = OffsetBuilder(text + "!")
    for i in range(len(text)):
        b.copy(i, i + 1) if i % 2 else b.replace(text[i], i, i + 1)
    b.trim_end()
    b.copy(len(text), len(text) + 1)
    out, offsets = b.build()
    assert out == trimmed + "!"
    assert offsets[len(trimmed)] == len(text)
