"""Plain-text normalisation: each rule, its traps, and the offset map on real converter output."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from extractor.ingest import NormalisedText, normalise, read_document
from tests.conftest import DEV_DOCS, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
# One document per converter, so every converter's debris is exercised.
DEV_FILES = [sorted(DEV_DOCS.glob(f"*_{conv}.txt"))[0] for conv in ("w3m", "pdf_layout", "ocr300")]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # line ends, spaces, invisible characters
        ("a\r\nb\rc\fd\ve", "a\nb\nc\nd\ne"),
        ("$\u00a025\u2009000\u3000x", "$ 25 000 x"),
        ("Dir\u200bec\u00adtor\ufeff", "Director"),
        ("col1\t\tcol2      col3", "col1\t\tcol2      col3"),
        # superscripts
        ("see note ⁽¹⁾", "see note (1)"),
        ("69,672¹ D", "69,672(1) D"),
        ("¹ The shares", "1 The shares"),
        # escapes and entities
        (r"\$ 0.05 \* \_ \# \\", "$ 0.05 * _ # \\"),
        ("AT&amp;T&nbsp;Inc &#160;&#x27;s &lt;b&gt; &bogus; & co", "AT&T Inc  's <b> &bogus; & co"),
        # tags
        ("69,672 <sup>(1)</sup>\tD", "69,672 (1)\tD"),
        ("69,672<sup>1</sup>", "69,672(1)"),
        ("\\$ <u>32,000.00</u>", "$ 32,000.00"),
        ("<b>Bold</b> <SPAN class='x'>span</SPAN><br/>next<!-- note -->", "Bold span\nnext"),
        ("<Company Name> < 5% a<b", "<Company Name> < 5% a<b"),
        # checkboxes, any attribute order and spelling of "checked"
        ('<input type="checkbox"/> Rule 504', "[ ] Rule 504"),
        ('<input checked="" type="checkbox"/> Rule 506', "[X] Rule 506"),
        ("<INPUT TYPE=checkbox CHECKED> a", "[X] a"),
        ('<input type="checkbox" checked="checked" name="x"/>', "[X]"),
        ('<input name="unchecked" type="checkbox">', "[ ]"),
        ('<input type="text" value="x">name', "name"),
        # markdown emphasis
        ("**FORM 4**", "FORM 4"),
        ("**UNITED STATES  \nWashington, D.C. 20549**", "UNITED STATES  \nWashington, D.C. 20549"),
        ("__Legal Fees__ and *see* Instruction 6", "Legal Fees and see Instruction 6"),
    ],
)
def test_ingest_normalise_rules(source: str, expected: str) -> None:
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    "source",
    [
        # TRAP: underscores are checkbox marks and blank fields, not emphasis.
        "_X_ Director  _X_ Officer",
        "__X__ Director              _____ 10% Owner",
        "____ Director _____ 10% Owner\n __x__ Other",
        "Total\t_____\t\\$ _____".replace("\\$", "$"),
        "_X__ 10% Owner ___ Other",
        # TRAP: a lone "*" marks a field label; "**" opens a footnote line.
        "1. Name and Address of Reporting Person *\nBUTTERFIELD GREGORY S",
        "Reporting Person ^*  Signature **",
        "** Intentional misstatements constitute violations.\n* If the form is filed by more than one",
        "3 * 4 * 5 and a**b**c",
        "**not closed\n\n**",
    ],
)
def test_ingest_normalise_keeps_marks(source: str) -> None:
    assert normalise(source).text == source


def _assert_copied_chars_map_back(nt: NormalisedText) -> None:
    """Every ASCII letter or digit of the text is the source character its offset points at, unless it
    was produced from an entity, a tag (a checkbox) or a superscript."""
    offsets = nt.offsets.tolist() if hasattr(nt.offsets, "tolist") else list(nt.offsets)
    assert len(offsets) == len(nt.text) + 1
    assert offsets[-1] == len(nt.source_text)
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    for i, ch in enumerate(nt.text):
        if ch.isascii() and ch.isalnum():
            src = nt.source_text[offsets[i]]
            assert src == ch or src in "&<⁰¹²³⁴⁵⁶⁷⁸⁹", (i, ch, src)


@pytest.mark.parametrize("path", SEED_FILES + DEV_FILES, ids=lambda p: Path(p).name)
def test_ingest_normalise_offsets_on_real_documents(path: Path) -> None:
    _assert_copied_chars_map_back(read_document(path))


@pytest.mark.parametrize("path", SEED_FILES + DEV_FILES, ids=lambda p: Path(p).name)
def test_ingest_normalise_crlf_version_maps_the_same(path: Path) -> None:
    """The CRLF pre-pass and its composed map give the same text, each character mapping back."""
    lf = read_document(path)
    crlf = normalise(lf.source_text.replace("\n", "\r\n"))
    assert crlf.text == lf.text
    _assert_copied_chars_map_back(crlf)


@pytest.mark.parametrize(
    ("seed", "value", "source_value"),
    [
        ("001_", "69,672", "69,672"),  # printed "69,672 <sup>(1)</sup>"
        ("001_", "(1)", "(1)"),
        ("003_", "32,000.00", "32,000.00"),  # printed "<u>32,000.00</u>"
        ("000_", "$ 0.05", "$ 0.05"),  # printed "\\$ 0.05"
        ("002_", "see note (1)", "see note ⁽¹⁾"),
    ],
)
def test_ingest_normalise_value_maps_back_exactly(seed: str, value: str, source_value: str) -> None:
    """A value's span maps to exactly its printed characters, not the markup around it."""
    nt = read_document(next(p for p in SEED_FILES if p.name.startswith(seed)))
    start = nt.text.index(value)
    src_start, src_end = nt.source_span(start, start + len(value))
    assert nt.source_text[src_start:src_end] == source_value


@pytest.mark.parametrize(
    ("label", "mark"),
    [
        ("Legal Fees.....\t", "[X] $ 32,000.00"),
        ("Transfer Agent's Fees\t", "[ ] $ _____"),
        ("Accounting Fees.....\t", "[ ] $ _____"),
        ("Total.....\t", "[X] $ 32,000.00"),
    ],
)
def test_ingest_normalise_seed_form_d_checkboxes(label: str, mark: str) -> None:
    nt = read_document(next(p for p in SEED_FILES if p.name.startswith("003_")))
    assert label + mark in nt.text
    assert "<input" not in nt.text and "<u>" not in nt.text


@pytest.mark.parametrize(
    ("seed", "kept"), [("000_", "_X_ Director"), ("002_", "____ Director _____ 10% Owner")]
)
def test_ingest_normalise_seed_checkbox_marks_survive(seed: str, kept: str) -> None:
    nt = read_document(next(p for p in SEED_FILES if p.name.startswith(seed)))
    assert kept in nt.text


@pytest.mark.parametrize("path", DEV_FILES, ids=lambda p: Path(p).name)
def test_ingest_normalise_keeps_layout_columns(path: Path) -> None:
    """Converter text without debris keeps its lines, TABs and space runs character for character."""
    nt = read_document(path)
    assert nt.text == nt.source_text.replace("\f", "\n")
