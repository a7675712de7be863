"""Electronic Form D read through OCR: single-spaced table rows, box glyphs, OCR slips in short values.

tesseract prints a table row with one space between its cells, so cells cannot be told apart by column.
A row is read instead by what its captions hold: a ZIP code, a phone number, a state code, a CRD number,
a middle initial have a shape, and a row is split from the right while the trailing captions' values have
their shape; the free text left over belongs to the first caption(s). Pure functions over token lists,
no page state (``formd_electronic`` calls them on the tokens of one row).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.assemble.values import state_code

IC = re.IGNORECASE


@dataclass(frozen=True)
class CellKind:
    """The shape of a caption's value: ``one`` for a one-token value, ``two`` for a two-token one."""

    caption: re.Pattern[str]
    one: re.Pattern[str]
    two: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def take(self, tokens: Sequence[str]) -> int:
        """How many tokens at the end of ``tokens`` are this caption's value (2, 1, or 0: none)."""
        if self.two is not None and len(tokens) >= 2:
            a, b = self.two
            if a.match(tokens[-2]) and b.match(tokens[-1]):
                return 2
        return 1 if tokens and self.one.match(tokens[-1]) else 0


_POSTAL_PIECE = re.compile(r"^(?=[A-Z0-9]{0,3}\d)[A-Z0-9]{3}$")  # "M5J", "2J5" (OCR: "235")
_KINDS = (
    # US ZIP (+4) or a foreign postcode with a digit ("HM12"); two-part postcodes ("M5J 2J5").
    CellKind(
        re.compile(r"ZIP|Postal", IC),
        re.compile(r"^(?:\d{5}(?:-\d{4})?|(?=[A-Z0-9-]{0,7}\d)[A-Z0-9-]{3,8})$"),
        (_POSTAL_PIECE, _POSTAL_PIECE),
    ),
    CellKind(
        re.compile(r"Phone", IC),
        re.compile(r"^\+?(?=(?:[()./-]{0,3}\d){7})[\d()./-]{7,20}$"),
        (re.compile(r"^\(\d{3}\)$"), re.compile(r"^\d{3}[-.]\d{4}$")),
    ),
    CellKind(re.compile(r"^Date$", IC), re.compile(r"^\d{4}-\d{2}-\d{2}$")),
    # EDGAR prints a two-character code: a US state ("VA") or a country / province code ("A6", "D0").
    CellKind(re.compile(r"State\s?/\s?Province", IC), re.compile(r"^(?:[A-Z][A-Z0-9]|\d[A-Z])$")),
    CellKind(re.compile(r"CRD", IC), re.compile(r"^(?:\d{1,9}|None)$")),
    CellKind(re.compile(r"Middle", IC), re.compile(r"^[A-Z]\.?$")),
)
_INITIAL = re.compile(r"^[A-Z]\.$")
_FIRST = re.compile(r"First\s?Name", IC)
_STREETS = re.compile(r"Street\s?Address", IC)


def _kind_of(caption: str) -> CellKind | None:
    """The value shape of a caption ("ZIP/PostalCode" -> a postcode), None for a free-text caption."""
    return next((k for k in _KINDS if k.caption.search(caption)), None)


def token_cells(captions: Sequence[str], tokens: Sequence[str]) -> list[tuple[int, int] | None] | None:
    """Token ranges ``[i, j)`` of each caption's cell in a single-spaced row, None for an empty cell;
    None overall when the row is ambiguous.

    From the right, a caption with a shaped value takes the tokens that have its shape. A value without
    the shape leaves the cell empty only when the token belongs to the caption on the left (its shape
    fits there, or that caption is free text: "San Francisco CA" under City / State / ZIP has no ZIP);
    otherwise the row is ambiguous (a garbled ZIP must not be swallowed by the city). The free captions
    left take the remaining tokens: one caption all of them, as many captions as tokens one each, a Last
    / First Name pair (see ``_name_pair``), a Street Address 1 / 2 pair (see ``street_split``).
    """
    n = len(captions)
    cells: list[tuple[int, int] | None] = [None] * n
    w = len(tokens)
    j = n - 1
    while j >= 1:
        kind = _kind_of(captions[j])
        if kind is None:
            break
        took = kind.take(tokens[:w])
        if took:
            cells[j] = (w - took, w)
            w -= took
        elif w:
            left = _kind_of(captions[j - 1])
            if left is not None and not left.take(tokens[:w]):
                return None
        j -= 1
    free = j + 1
    if w == 0:
        return cells
    if free == 1:
        cells[0] = (0, w)
    elif free == w:
        for i in range(w):
            cells[i] = (i, i + 1)
    elif free == 2 and _FIRST.search(captions[1]):
        cells[0], cells[1] = _name_pair(tokens[:w])
    elif free == 2 and _STREETS.search(captions[0]) and _STREETS.search(captions[1]):
        cut = street_split(tokens[:w])
        cells[0], cells[1] = (0, cut), ((cut, w) if cut < w else None)
    else:
        return None
    return cells


def _name_pair(tokens: Sequence[str]) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """Last Name / First Name from 3+ tokens: the first name is the last token, with an initial before it
    ("BEATTIE W. GEOFFREY": a filer known by the middle name writes both as the first name); the last
    name is the rest ("VAN KRALINGEN BRIDGET").

    Trap: one token left ("GOLDMAN A" once the middle initial is taken) is the Last Name alone; an empty
    range ``(0, 0)`` would read as the whole row downstream (``words[j - 1]`` is the last word).
    """
    w = len(tokens)
    if w < 2:
        return (0, w), None
    cut = w - 2 if w >= 3 and _INITIAL.match(tokens[w - 2]) else w - 1
    return (0, cut), (cut, w)


_UNIT_WORD = re.compile(r"^(?:suite|ste\.?|apt\.?|unit|room|floor|fl\.?|bldg\.?|#\S{0,8})$", IC)
_NUMBER_LED = re.compile(r"^\d{1,6}[A-Za-z]{0,2}$")


def street_split(tokens: Sequence[str]) -> int:
    """Where Street Address 2 starts in a single-spaced row of both street cells (``len`` if it is empty).

    Street 2 is a trailing unit ("... Drive Suite 102"), else a number-led street after a name ("ROYAL
    BANK PLAZA 200 BAY STREET", "c/o Wakefield Quin 52 Reid Street"). A unit after a comma ("1651
    Response Road, Suite 150") is part of Street 1 as filed; with no cue the row is Street 1.
    """
    w = len(tokens)
    for i in range(1, w - 1):
        if _UNIT_WORD.match(tokens[i]) and i == w - 2 and not tokens[i - 1].endswith(","):
            return i
    if w >= 2 and tokens[-1].startswith("#") and not tokens[-2].endswith(","):
        return w - 1
    for i in range(1, w - 1):
        prev = tokens[i - 1]
        if (
            _NUMBER_LED.match(tokens[i])
            and not prev.endswith(",")
            and not _UNIT_WORD.match(prev)
            and not prev[:1].isdigit()
        ):
            return i
    return w


# ---------------------------------------------------------------------------------------- box marks
# A box glyph holding an X as tesseract reads it: the X alone or bracketed ("[X]", "[x]", "X]", "[KX]"), or
# the X (or K) and the box's right side as a letter ("XI", "Kl", "ki"), or "&)". An empty box reads as
# "[_]", "L]", "CL", but also "XL", "KL", "LX", "XO]": an X-like letter followed by L/O, or after the
# box's left side (L), is no mark.
OCR_MARK = re.compile(r"^(?:[\[(|_—-]{0,3}[KkXx]?[Xx][\])|j]?|[XxKk][Il1i|]|&[)\]])$")


def ocr_mark(segment: str) -> bool:
    """Does the last token of ``segment`` (the text between the previous label and an option's label)
    read as a box holding an X?"""
    tail = segment[-12:].split()
    return bool(tail) and bool(OCR_MARK.match(tail[-1]))


# ------------------------------------------------------------------------------------- value slips
# EDGAR's codes are US states (two letters) and, for other places, a letter and a digit ("A6" Ontario,
# "D0" Bermuda, "X0" United Kingdom) or a digit and a letter. OCR reads the digit as a letter ("DO",
# "AG"): two letters that are no US code, whose second letter is a digit look-alike, are that code.
_TO_DIGIT = str.maketrans(
    {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5", "G": "6", "B": "8", "Z": "2"}
)


def repair_code(code: str) -> str:
    """``"DO"`` -> ``"D0"``; a US code, a code with a digit, or any other text is returned unchanged."""
    c = code.strip()
    if len(c) != 2 or not c.isalpha() or not c.isupper() or state_code(c):
        return code
    fixed = c[0] + c[1].translate(_TO_DIGIT)
    return fixed if fixed != c else code


# "c/o" read as "clo" / "c/0" at the start of an address line. Case matters: an upper-case "CLO" is a
# word of its own (a collateralized loan obligation: "CLO Funding LLC"), not a slip.
_CARE_OF = re.compile(r"^(?:[cC]lo|[cC]/0|[cC]\\o|[cC]l0)(?=\s)")


def repair_care_of(value: str) -> str:
    return _CARE_OF.sub(lambda m: "C/O" if m.group(0)[0] == "C" else "c/o", value)


# Roman numerals of names read with lower-case l or the digit 1 ("Fund ll, LP", "ROPER, Ill").
_ROMAN = re.compile(r"(?<=\s)(?=[Il1]{0,2}[l1])[Il1]{2,3}(?=[,.]?(?:\s|$))")
_NA = re.compile(r"^(?:NIA|N1A|N/4)$")


def repair_name(value: str) -> str:
    """A name's Roman numeral restored ("Ill" -> "III"): two or three of I / l / 1 as a whole word after
    another word.

    Trap (clean text): a number is a number ("111 West 57th Partners LLC", "Fund 11, L.P."); only a word
    with a letter l / I is a slip, and never the value's first word (a numeral follows a name).
    """
    return _ROMAN.sub(lambda m: m.group(0) if m.group(0).isdigit() else "I" * len(m.group(0)), value)


def repair_blank(value: str) -> str:
    """OCR's "NIA" for "N/A" (an organisation's first-name cell) -> "N/A"."""
    return "N/A" if _NA.match(value.strip()) else value


# An option label's box read as letters: bracketed debris ("[_]", "(1", "L]"), or one or two of the box's
# strokes read as letters / digits ("CJ", "O1", "LD").
BOX_DEBRIS = re.compile(r"^(?:(?=\S{0,5}[\[\]|()_])\S{1,5}|[()\[\]|_CLOUJD01]{1,2})$")


def without_marks(value: str) -> str:
    """``value`` without box marks and box debris ("[X] None [Xj" -> "None")."""
    return " ".join(t for t in value.split() if not OCR_MARK.match(t) and not BOX_DEBRIS.match(t))
