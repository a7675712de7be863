"""Is a candidate number a plausible OCR slip of what the filing printed?

A repair forced by arithmetic is only taken when the forced value could have been *printed* where the
extractor read something else. The slips recognised here:

- separator confusion: ``7.068`` read for ``7,068`` (same digits, other value);
- a digit dropped or added: ``7.68`` for ``7,068``; ``1542)`` for ``154`` + a damaged footnote ``(2)``;
- one digit misread as a look-alike (``8``/``3``/``6``/``0``/``9``, ``1``/``7``/``4``, ``5``/``6``/``8``);
- split digits: ``7 068`` read as ``7`` (needs the printed text);
- a value placed in the wrong column: the forced figure is printed on the row's own lines, outside every
  other field of the row (needs the text and the row's spans).

Trap: edit-distance slips on short numbers are meaningless (``0`` -> ``10`` is "one dropped digit"), so
digit edits need at least ``MIN_DIGITS`` digits on the shorter side.
"""

from __future__ import annotations

import re

MIN_DIGITS = 3
# Pairs an OCR engine confuses (glyph shapes), both directions.
_LOOKALIKE = {
    frozenset(p)
    for p in ("08", "38", "68", "98", "06", "09", "17", "14", "71", "56", "58", "35", "23", "27", "89")
}
_NUMBER_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def digits_of(value: float) -> str:
    """``7068`` -> ``"7068"``; ``12.5`` -> ``"125"``; ``0.05`` -> ``"005"``."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0")
    return text.replace(".", "").replace("-", "")


def _one_deleted(longer: str, shorter: str) -> bool:
    return any(longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer)))


def _lookalike_swap(a: str, b: str) -> bool:
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and frozenset(diffs[0]) in _LOOKALIKE


def digit_slip(printed: str, candidate: float) -> str | None:
    """Describe how ``printed`` can be an OCR reading of ``candidate``; ``None`` when it cannot."""
    if candidate < 0:
        return None
    p = "".join(c for c in printed if c.isdigit())
    c = digits_of(candidate)
    if not p:
        return None
    if p == c:
        return "separator misread or digits split"
    if len(min(p, c, key=len)) < MIN_DIGITS:
        return None
    if len(p) == len(c) + 1 and _one_deleted(p, c):
        return "an extra digit read"
    if len(p) + 1 == len(c) and _one_deleted(c, p):
        return "a digit dropped"
    if len(p) == len(c) and _lookalike_swap(p, c):
        return "a digit misread as a look-alike"
    return None


def number_tokens(text: str) -> list[tuple[int, int, float]]:
    """Numbers printed in ``text`` as (start, end, value). Spaces separate numbers here on purpose:
    joining them would merge neighbouring columns (``$0 243,572``)."""
    return [(m.start(), m.end(), float(m.group(0).replace(",", ""))) for m in _NUMBER_TOKEN.finditer(text)]


def rule_read_as_one(printed: str, value: float, amount: float) -> bool:
    """``137,310`` printed for an amount of ``37,310``: the figure is a ``1`` (a table rule line the OCR
    read as a digit) glued in front of ``amount``. Whole figures only; the ``1`` must be printed."""
    text = printed.strip()
    if (
        not text.startswith("1")
        or not float(value).is_integer()
        or not float(amount).is_integer()
        or amount <= 0
    ):
        return False
    return digits_of(value) == "1" + digits_of(amount)


# A table rule OCR reads as "|" glued to a word or a figure (``$0 |744,271``, ``T44,271|A``,
# ``Transaction |4. Securities``, ``Common|``): every dev OCR page (300 dpi) and every rendered 150-dpi OCR
# page prints one, no w3m / pdftotext page does. Markdown prints rules too, around its cells.
_GLUED_RULE = re.compile(r"\S\||\|\S")


def _markdown_delimiter(line: str) -> bool:
    """``|---|:---:|``: the row under a markdown table's header."""
    core = line.strip().strip("|").strip()
    return "|" in line and core.startswith(("---", ":--")) and not core.strip("-|: ")


def prints_glued_rules(text: str) -> bool:
    """The text reads like an OCR page: some line glues a table rule to a word or figure. A markdown table's
    rows (a line opening with ``|``, or any line of a text with a ``|---|`` delimiter row) do not count."""
    lines = text.splitlines()
    if any(_markdown_delimiter(line) for line in lines):
        return False
    return any(_GLUED_RULE.search(line) for line in lines if not line.lstrip().startswith("|"))


# Letters (and marks) OCR prints for digits in a figure: "T44,271" for 744,271, "g51" for 851.
_LETTER_DIGITS = {
    "T": "7",
    "g": "89",
    "q": "9",
    "O": "0",
    "o": "0",
    "Q": "0",
    "D": "0",
    "l": "1",
    "I": "1",
    "i": "1",
    "!": "1",
    "S": "5",
    "s": "5",
    "B": "8",
    "Z": "2",
    "z": "2",
    "G": "6",
    "b": "6",
}
_GARBLE_EDGES = "[]{}|_()/;:'\"`"
MIN_GARBLED = 100


def garbled_reading(token: str, value: float) -> bool:
    """Is ``token`` (no value by itself) ``value`` printed with some digits read as look-alike letters?

    Every character must be the digit itself or a letter the OCR confuses with it, at least one real
    digit must remain, and short figures (< ``MIN_GARBLED``) never match: ``g5`` could be anything.
    """
    if not float(value).is_integer() or value < MIN_GARBLED:
        return False
    text = token.strip(_GARBLE_EDGES).rstrip(".,")
    want = f"{int(value):,}" if "," in text else str(int(value))
    if len(text) != len(want) or not any(c.isdigit() for c in text):
        return False
    swapped = 0
    for got, digit in zip(text, want, strict=True):
        if got == digit:
            continue
        if digit not in _LETTER_DIGITS.get(got, ""):
            return False
        swapped += 1
    return swapped > 0
