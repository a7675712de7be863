"""Cells and typed tokens of one line.

A *cell* is a run of text between separators: a TAB, a run of two or more spaces, or ``|`` (pdftotext
and w3m keep column gaps as spaces, markdown/tabbed dumps use TABs or pipes). A *token* is a
whitespace-separated piece of a cell with a shape (date, money, number, single letter, footnote mark,
text). Positions: ``start``/``end`` are offsets into the document text, ``x0``/``x1`` columns within
the line (character positions; a TAB counts as one character, so x is only comparable between lines of
fixed-width dumps).

Traps handled here:
- footnote markers glued to values (``69,672(1)``, ``S(1)``, ``C^(1)``, ``01/24/2020(2)``) are split off
  into ``Token.footnotes`` so the value parses;
- ``$`` separated from its amount (``$ 35.71``) becomes one money token, unless a footnote mark stands
  between them (``$ ^(5) 2,248,637``: an empty price cell with a mark, then the amount owned);
- w3m prints a caret before a marker that wraps to the next line (``204 ^`` / ``(1)``): a lone ``^``
  is a footnote token.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from extractor.layout.lines import Line

# Separators: TAB, 2+ spaces, pipes (OCR draws table rules as "|", "[", "]" glued to words; only "|"
# is safe to treat as a separator).
_CELL_SEP = re.compile(r"\t|\s{2,}|\|")
_TOKEN = re.compile(r"[^\s|]+")
# A value followed by one or more glued footnote marks. Bounded, no nested unbounded quantifiers.
_GLUED_FOOT = re.compile(r"((?:\^?\(\d{1,2}\)){1,6}\^?|\^)$")
_FOOT_ONLY = re.compile(r"^(?:\^?\(\d{1,2}\)){1,6}$|^\^$|^\^?\[\d{1,2}\]$")
_FOOT_ID = re.compile(r"\d{1,2}")
_DATE = re.compile(r"^\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})$|^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^\(?-?(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,15})(?:\.\d{1,10})?\)?$|^-?\.\d{1,10}$|^-0-$")
_MONEY = re.compile(r"^\$\(?-?(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,15})(?:\.\d{1,10})?\)?$|^\$-?\.\d{1,10}$")
_NA = re.compile(r"^(?:N/?A|n/?a|None|NONE|-{1,3}|—|–)$")


_RULE_CHARS = "[]{}|!_"
_DATE_GLUED_DIGIT = re.compile(r"^\d[01]\d/\d{1,2}/\d{4}$")
# Tesseract at low resolution reads a date's slashes as "1", "7", "l" or "I": "12/18/2013" as
# "1211872013". Ten characters, both slash places one of those glyphs, a valid month and day.
_SLASHLESS_DATE = re.compile(r"^(0[1-9]|1[0-2])[17lI](0[1-9]|[12]\d|3[01])[17lI]((?:19|20)\d\d)$")


class TokenKind(StrEnum):
    DATE = "date"
    MONEY = "money"
    NUMBER = "number"
    LETTER = "letter"
    FOOTNOTE = "footnote"
    NA = "na"
    TEXT = "text"


@dataclass
class Token:
    """A typed piece of a line; ``text`` is the value without glued footnote marks."""

    text: str
    kind: TokenKind
    start: int
    end: int
    x0: int
    x1: int
    line: int
    cell: int
    footnotes: list[str] = field(default_factory=list)

    @property
    def is_data(self) -> bool:
        """Dates, amounts and numbers: what makes a line a table row rather than wrapped text."""
        return self.kind in (TokenKind.DATE, TokenKind.MONEY, TokenKind.NUMBER)


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    x0: int
    x1: int
    index: int


def split_cells(line: Line) -> list[Cell]:
    """Cells of a line, split by TAB, runs of >= 2 spaces or ``|``; empty cells are dropped."""
    cells: list[Cell] = []
    pos = 0
    text = line.text
    for m in _CELL_SEP.finditer(text):
        _add_cell(cells, line, pos, m.start())
        pos = m.end()
    _add_cell(cells, line, pos, len(text))
    return cells


def _add_cell(cells: list[Cell], line: Line, a: int, b: int) -> None:
    raw = line.text[a:b]
    stripped = raw.strip()
    if not stripped:
        return
    lead = len(raw) - len(raw.lstrip())
    x0 = a + lead
    x1 = x0 + len(stripped)
    cells.append(Cell(stripped, line.start + x0, line.start + x1, x0, x1, len(cells)))


def classify(piece: str) -> TokenKind:
    """Shape of one whitespace-free piece (footnote marks already removed)."""
    if _FOOT_ONLY.match(piece):
        return TokenKind.FOOTNOTE
    if _DATE.match(piece):
        return TokenKind.DATE
    if _MONEY.match(piece):
        return TokenKind.MONEY
    if _NUMBER.match(piece):
        return TokenKind.NUMBER
    if len(piece) == 1 and piece.isalpha() and piece.isupper():
        return TokenKind.LETTER
    if _NA.match(piece):
        return TokenKind.NA
    return TokenKind.TEXT


# OCR reads the rule between two cells as "/" or "]", at 150 dpi also as two glyphs: "10,081,441/A",
# "12,000]D", "1132]}A".
_RULE_SPLIT = re.compile(r"^(.{1,40}?\d)(?:[/\]]|\]\})([ADI])$")


# Table II dates with a damaged mark glued on (OCR): "12/31/20122", "12/08/2017£4)", "07/12/2019!22",
# and a second date glued after the mark: "10/09/2020°2)10/08/2030;/Common".
_DATE_HEAD = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d\d")
_MAX_DEBRIS = 4
# OCR reads the decimal point of a price as a hyphen: "$9-51", "$48-66" (exactly two decimals after it).
_MONEY_DASH = re.compile(r"^\$?\d{1,4}-\d{2}$")


def _date_pieces(piece: str) -> list[tuple[int, str]] | None:
    """A date, mark debris, maybe a second date and a glued word: the dates (and the word) as pieces,
    the debris dropped. ``None`` when the piece is not that shape, including a well-formed mark
    (``01/24/2020(2)``: the footnote split below keeps its id)."""
    head = _DATE_HEAD.match(piece)
    if head is None or head.end() == len(piece) or len(piece) > 60:
        return None
    rest = piece[head.end() :]
    if _GLUED_FOOT.fullmatch(rest) or not rest.strip(_RULE_CHARS + ")"):
        return None
    out = [(0, head.group(0))]
    second = _DATE_HEAD.search(rest)
    debris = rest[: second.start()] if second else rest
    # The debris holds what is left of the mark's number; without a digit it is punctuation of prose
    # ("on 12/31/2012.") or a date range ("01/01/2020-12/31/2020"), left to the other rules.
    if len(debris) > _MAX_DEBRIS or not any(c.isdigit() for c in debris):
        return None
    if second is None:
        return out
    out.append((head.end() + second.start(), second.group(0)))
    tail_at = head.end() + second.end()
    word = piece[tail_at:].lstrip(_RULE_CHARS + ";:/,.'\"")
    if word:
        out.append((len(piece) - len(word), word))
    return out


def _pieces(text: str) -> list[tuple[int, str]]:
    """Whitespace/pipe-separated pieces with their start; a number glued to a D/I/A letter by a
    misread rule is two pieces, a date with glued mark debris is the date (see ``_date_pieces``)."""
    out: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(text):
        piece = m.group(0)
        dates = _date_pieces(piece)
        if dates is not None:
            out.extend((m.start() + k, p) for k, p in dates)
            continue
        split = _RULE_SPLIT.match(piece) if len(piece) <= 42 else None
        if split and classify(split.group(1)) is TokenKind.NUMBER:
            out.append((m.start(), split.group(1)))
            out.append((m.start() + len(piece) - 1, split.group(2)))
        else:
            out.append((m.start(), piece))
    return out


def _dollar_before(piece: str, prev: Token | None, cell: int) -> bool:
    """The ``$`` of a price is glued to the piece or is the token just before it in its cell."""
    return piece.startswith("$") or (prev is not None and prev.text == "$" and prev.cell == cell)


def tokenize_line(line: Line) -> list[Token]:
    """Typed tokens of a line in reading order, with ``$ 12.5`` merged and glued footnotes split off."""
    tokens: list[Token] = []
    for ci, cell in enumerate(split_cells(line)):
        base = cell.x0
        for start, piece in _pieces(cell.text):
            x0 = base + start
            footnotes: list[str] = []
            kind = classify(piece)
            if kind is TokenKind.TEXT:
                # OCR glues table rules to values: "{3,330", "]07/07/2032", "Common}".
                core = piece.strip(_RULE_CHARS)
                if core and core != piece:
                    x0 += piece.index(core)
                    piece = core
                    kind = classify(piece)
            if kind is TokenKind.TEXT:
                # OCR reads a rule as "/" or ")" and keeps half of a footnote mark: "/12,681,798",
                # ")12,150", "07/27/2033)". Stripped only when what is left is a value (a "buy)" stays
                # text).
                core = piece.lstrip("/)")
                if "(" not in core:
                    core = core.rstrip(")")
                if _DATE_GLUED_DIGIT.match(core):
                    core = core[1:]  # "104/13/2033": the "1" of a mark "(1)" glued to the date
                if core and core != piece and classify(core) in (TokenKind.DATE, TokenKind.NUMBER):
                    x0 += piece.index(core)
                    piece = core
                    kind = classify(piece)
            if kind in (TokenKind.NUMBER, TokenKind.TEXT) and (d := _SLASHLESS_DATE.match(piece)):
                piece = f"{d.group(1)}/{d.group(2)}/{d.group(3)}"  # same length: offsets still hold
                kind = TokenKind.DATE
            prev = tokens[-1] if tokens else None
            if kind is TokenKind.TEXT and _MONEY_DASH.match(piece) and _dollar_before(piece, prev, ci):
                piece = piece.replace("-", ".")
                kind = classify(piece)
            if kind is TokenKind.TEXT or kind is TokenKind.LETTER:
                g = _GLUED_FOOT.search(piece)
                if g and g.start() > 0:
                    footnotes = _FOOT_ID.findall(g.group(1))
                    piece = piece[: g.start()]
                    kind = classify(piece)
            if kind is TokenKind.FOOTNOTE:
                footnotes = _FOOT_ID.findall(piece)
            tok = Token(
                piece,
                kind,
                line.start + x0,
                line.start + x0 + len(piece),
                x0,
                x0 + len(piece),
                line.index,
                ci,
                footnotes,
            )
            prev = tokens[-1] if tokens else None
            # "$ 35.71": a lone dollar sign joins the amount that follows it. Not when a footnote mark
            # sits between them ("$ ^(5) 2,248,637"): the price cell held only the mark and the number
            # is the next cell's amount, one space away.
            if (
                prev is not None
                and prev.text == "$"
                and not prev.footnotes
                and kind is TokenKind.NUMBER
                and prev.cell == ci
            ):
                prev.text = "$" + piece
                prev.kind = TokenKind.MONEY
                prev.end = tok.end
                prev.x1 = tok.x1
                prev.footnotes = footnotes
                continue
            if (
                kind is TokenKind.FOOTNOTE
                and prev is not None
                and prev.kind is not TokenKind.FOOTNOTE
                and prev.line == line.index
                and prev.cell == ci
                and x0 - prev.x1 <= 1
            ):
                # "204 ^" / "2,962,961 ^": the mark belongs to the value before it.
                prev.footnotes.extend(footnotes)
                continue
            tokens.append(tok)
    if "\t" in line.text:
        # A tabbed row (HTML cells, tab-separated dumps) whose price cell is "$ (2)": a dollar sign and
        # a mark with no number is an empty price. Left in, the lone "$" reads as a text cell between
        # the amount and the D/I letter and the row is lost.
        by_cell = Counter(t.cell for t in tokens)
        tokens = [
            t for t in tokens if not (t.text == "$" and t.kind is TokenKind.TEXT and by_cell[t.cell] == 1)
        ]
        # A value between two words of the same cell is part of that cell's text, not a column of
        # its own: "Common Stock, par value $0.001 per share" is one title (the cells are known here).
        for k in range(1, len(tokens) - 1):
            before, tok, after = tokens[k - 1], tokens[k], tokens[k + 1]
            if (
                tok.kind in (TokenKind.MONEY, TokenKind.NUMBER)
                and before.kind is TokenKind.TEXT
                and after.kind is TokenKind.TEXT
                and before.cell == tok.cell == after.cell
            ):
                tok.kind = TokenKind.TEXT
    return tokens
