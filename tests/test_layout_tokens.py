"""Contract tests: cells and typed tokens of one line (extractor.layout.cells)."""

from __future__ import annotations

import pytest

from extractor.layout import Line, TokenKind, split_cells, tokenize_line


def _line(text: str) -> Line:
    return Line(0, 0, len(text), text)


@pytest.mark.parametrize(
    ("text", "value", "kind", "footnotes"),
    [
        ("69,672(1)", "69,672", TokenKind.NUMBER, ["1"]),
        ("S(1)", "S", TokenKind.LETTER, ["1"]),
        ("C^(1)", "C", TokenKind.LETTER, ["1"]),
        ("01/24/2020(2)", "01/24/2020", TokenKind.DATE, ["2"]),
        ("07/10/2020^", "07/10/2020", TokenKind.DATE, []),
        ("{3,330", "3,330", TokenKind.NUMBER, []),
        ("]07/07/2032", "07/07/2032", TokenKind.DATE, []),
    ],
)
def test_glued_marks_are_split_off(text: str, value: str, kind: TokenKind, footnotes: list[str]) -> None:
    """Trap: footnote markers and OCR table rules glued to a value (``69,672(1)``, ``{3,330``)."""
    (tok,) = tokenize_line(_line(text))
    assert (tok.text, tok.kind, tok.footnotes) == (value, kind, footnotes)
    assert text[tok.start : tok.end] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$ 35.71", [("$35.71", TokenKind.MONEY)]),
        ("204 ^  A", [("204", TokenKind.NUMBER), ("A", TokenKind.LETTER)]),
        ("A    $     1,987", [("A", TokenKind.LETTER), ("$", TokenKind.TEXT), ("1,987", TokenKind.NUMBER)]),
        (
            "1,265 |D 25.0008 |0 I",
            [
                ("1,265", TokenKind.NUMBER),
                ("D", TokenKind.LETTER),
                ("25.0008", TokenKind.NUMBER),
                ("0", TokenKind.NUMBER),
                ("I", TokenKind.LETTER),
            ],
        ),
    ],
)
def test_dollar_caret_and_pipes(text: str, expected: list[tuple[str, TokenKind]]) -> None:
    """Trap: ``$`` is part of the amount only within one cell (w3m prints ``$`` and the owned
    figure in neighbouring cells); a lone ``^`` is the wrapped marker of the value before it."""
    assert [(t.text, t.kind) for t in tokenize_line(_line(text))] == expected


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("Common Stock\t11/30/2006\t\tM", ["Common Stock", "11/30/2006", "M"]),
        ("Class A Common Stock     10/01/2024   A", ["Class A Common Stock", "10/01/2024", "A"]),
        ("| Common Stock | 1,000 |", ["Common Stock", "1,000"]),
    ],
)
def test_cells_split_by_tab_spaces_and_pipes(text: str, cells: list[str]) -> None:
    """Cells are separated by TAB, two or more spaces, or ``|``; columns are kept as x-positions."""
    found = split_cells(_line(text))
    assert [c.text for c in found] == cells
    assert all(text[c.x0 : c.x1] == c.text for c in found)


def test_megabyte_line_is_linear() -> None:
    """Trap: converters emit megabyte-long lines; tokenizing must stay linear."""
    text = "1,234 " * 200_000
    assert len(tokenize_line(_line(text))) == 200_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tesseract at 150 dpi (a rendered page's Table I row): both slashes read as "1" / "7"
        ("‘Common Stock [1211872013 | [M [2,146", ("12/18/2013", TokenKind.DATE)),
        ("Common Stock 03110l2024 P 100", ("03/10/2024", TokenKind.DATE)),
        # not a month / day, or an amount: left as read
        ("Common Stock 1311872013 P 100", ("1311872013", TokenKind.NUMBER)),
        ("Common Stock 1211872013 P 100", ("12/18/2013", TokenKind.DATE)),
        ("Common Stock 1,211,872,013 P", ("1,211,872,013", TokenKind.NUMBER)),
    ],
)
def test_slashes_read_as_digits_still_make_a_date(text: str, expected: tuple[str, TokenKind]) -> None:
    toks = tokenize_line(_line(text))
    third = [(t.text, t.kind) for t in toks][2]
    assert third == expected
    tok = toks[2]
    assert len(text[tok.start : tok.end]) == len(tok.text)
