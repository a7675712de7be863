"""OCR noise with span bookkeeping: every change is an edit ``(start, end, replacement)`` over the text, and
:func:`apply_edits` moves the spans with the insertions and deletions.

Rules that keep the bookkeeping exact (the traps):
- an edit may not straddle a span boundary (it would leave the span half inside a replacement): such
  edits are dropped;
- an insertion exactly at a span's start goes *before* the span, one at its end goes *after* it, so
  debris next to a value never becomes part of it;
- overlapping edits: the first (leftmost) wins.

:func:`add_noise` draws the edits of tesseract-like damage: confusions (e/a, O/0, l/1/I, S/5, rn/m,
``,``/``.`` inside numbers), dropped and merged characters, broken words, split digits (``9402 5``),
garbage lines and ``|`` debris. :func:`ocr_flatten` turns a fixed-width page into OCR's single-spaced
lines (column gaps to one space, sometimes a ``|``).
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Sequence

Edit = tuple[int, int, str]
PathSpan = tuple[str, int, int]

_CONFUSIONS: dict[str, tuple[str, ...]] = {
    "e": ("a", "c"),
    "a": ("e", "o"),
    "o": ("0", "a"),
    "O": ("0", "Q"),
    "0": ("O", "o"),
    "l": ("1", "I", "|"),
    "1": ("l", "I", "]"),
    "I": ("l", "1", "|"),
    "S": ("5", "$"),
    "5": ("S", "6"),
    "m": ("rn",),
    "B": ("8",),
    "8": ("B", "3"),
    "g": ("9", "q"),
    "i": ("1", "l"),
    "c": ("e",),
    "n": ("h", "ri"),
    "/": ("1", "l"),
}
_GARBAGE = "~'`,.-_=|:;ilI!\"^"
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")
_TRAILING = re.compile(r"[ \t]+\n")


def select_edits(spans: Sequence[PathSpan], edits: Sequence[Edit]) -> list[Edit]:
    """The edits :func:`apply_edits` applies: sorted, no overlaps, none straddling a span boundary."""
    bounds = sorted({b for _, s, e in spans for b in (s, e)})
    kept: list[Edit] = []
    last_end = -1
    for start, end, rep in sorted(edits, key=lambda x: (x[0], x[1])):
        if start < last_end or (start == last_end and kept and kept[-1][0] == kept[-1][1] == start):
            continue
        i = bisect.bisect_right(bounds, start)
        if i < len(bounds) and bounds[i] < end:  # a span boundary strictly inside the edit
            continue
        kept.append((start, end, rep))
        last_end = end
    return kept


def apply_edits(text: str, spans: Sequence[PathSpan], edits: Sequence[Edit]) -> tuple[str, list[PathSpan]]:
    """Apply the edits :func:`select_edits` keeps; spans move with them (rules in the module docstring).
    A span whose characters were all deleted is dropped."""
    kept = select_edits(spans, edits)
    out: list[str] = []
    pos = 0
    ends: list[int] = []  # edit end positions (sorted), for the span mapping
    starts: list[int] = []
    cum: list[int] = []  # cumulative length change after each edit
    delta = 0
    for start, end, rep in kept:
        out.append(text[pos:start])
        out.append(rep)
        pos = end
        delta += len(rep) - (end - start)
        ends.append(end)
        starts.append(start)
        cum.append(delta)
    out.append(text[pos:])

    def shift_start(p: int) -> int:  # edits ending at or before p (insertions at p go before)
        k = bisect.bisect_right(ends, p)
        return p + (cum[k - 1] if k else 0)

    def shift_end(p: int) -> int:  # edits ending at or before p, except insertions at p
        k = bisect.bisect_right(ends, p)
        while k and starts[k - 1] == ends[k - 1] == p:
            k -= 1
        return p + (cum[k - 1] if k else 0)

    moved = [(path, shift_start(s), shift_end(e)) for path, s, e in spans]
    return "".join(out), [(p, s, e) for p, s, e in moved if e > s]


def add_noise(text: str, level: float, rng: random.Random) -> list[Edit]:
    """Edits of OCR damage; ``level`` 0 = none, 1 = heavy (about one damaged character in 25)."""
    if level <= 0:
        return []
    edits: list[Edit] = []
    rate = 0.04 * level
    n = len(text)
    i = 0
    while i < n:
        if rng.random() >= rate:
            i += 1
            continue
        ch = text[i]
        roll = rng.random()
        if ch.isdigit() and roll < 0.25 and i + 2 < n and text[i + 1].isdigit() and text[i + 2].isdigit():
            edits.append((i + 1, i + 1, " "))  # split digits: 94025 -> 9402 5
        elif ch in ",." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit() and roll < 0.6:
            edits.append((i, i + 1, "." if ch == "," else ","))
        elif ch == "r" and i + 1 < n and text[i + 1] == "n" and roll < 0.7:
            edits.append((i, i + 2, "m"))
        elif ch in _CONFUSIONS and roll < 0.7:
            edits.append((i, i + 1, rng.choice(_CONFUSIONS[ch])))
        elif ch == " " and roll < 0.8 and 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            edits.append((i, i + 1, "" if rng.random() < 0.6 else " | "))  # merged words or debris
        elif ch.isalpha() and roll < 0.85 and i + 1 < n and text[i + 1].isalpha():
            edits.append((i + 1, i + 1, " "))  # broken word
        elif ch.isalnum() and roll < 0.95:
            edits.append((i, i + 1, ""))  # dropped character
        i += 1
    # garbage lines at line starts
    for m in re.finditer(r"\n", text):
        if rng.random() < 0.02 * level:
            junk = "".join(rng.choice(_GARBAGE) for _ in range(rng.randint(1, 8)))
            edits.append((m.end(), m.end(), junk + "\n"))
    return edits


def ocr_flatten(text: str, rng: random.Random) -> list[Edit]:
    """Edits that turn a fixed-width page into OCR lines: column gaps -> one space (sometimes `` | ``),
    blank-line runs -> at most one blank line, leading indentation and trailing blanks dropped."""
    edits: list[Edit] = []
    for m in _SPACE_RUN.finditer(text):
        r = rng.random()
        edits.append((m.start(), m.end(), " | " if r < 0.06 else (" |" if r < 0.09 else " ")))
    for m in re.finditer(r"(?m)^[ ]+(?=\S)", text):
        edits.append((m.start(), m.end(), ""))
    for m in _TRAILING.finditer(text):
        edits.append((m.start(), m.end() - 1, ""))
    for m in _BLANK_LINES.finditer(text):
        edits.append((m.start(), m.end(), "\n\n" if rng.random() < 0.6 else "\n"))
    return edits
