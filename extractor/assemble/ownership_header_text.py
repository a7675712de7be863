"""Small text helpers for the Forms 3/4/5 header: column chunks, spans (lines come from ``layout.lines``).

Every value the header extractor returns carries a ``[start, end)`` span into ``NormalisedText.text``;
these helpers keep the offsets while cutting lines into form-box columns (w3m / pdf_layout print
several boxes side by side on one line) and while collapsing whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.layout.lines import Line, split_lines

__all__ = [
    "DATE_RE",
    "MAX_LABEL_COL",
    "Chunk",
    "Line",
    "chunks",
    "collapse",
    "find_line",
    "split_lines",
    "trim_span",
]

# A "chunk" is a run of text without two consecutive spaces or a tab: converters that keep column
# spacing separate cells by 2+ spaces (w3m, pdf_layout) or by tabs (tabbed dumps).
_CHUNK = re.compile(r"[^\t ]+(?: [^\t ]+)*")
MAX_LABEL_COL = 4000
DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{4})(?![\d/])")


@dataclass(frozen=True)
class Chunk:
    """A cell-like run of text on one line: ``col`` is its column, ``start`` its text offset."""

    col: int
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def chunks(line: Line) -> list[Chunk]:
    """Cells of a line (runs separated by 2+ spaces or tabs); tabs count as one column each."""
    return [Chunk(m.start(), line.start + m.start(), m.group(0)) for m in _CHUNK.finditer(line.text)]


def collapse(text: str) -> str:
    """Whitespace runs -> one space, trimmed (the comparison form of every header value)."""
    return " ".join(text.split())


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` of ``text`` past leading/trailing whitespace and stray punctuation."""
    while start < end and text[start] in " \t\r\n|":
        start += 1
    while end > start and text[end - 1] in " \t\r\n|,;":
        end -= 1
    return start, end


def find_line(lines: list[Line], pattern: re.Pattern[str], start: int = 0, stop: int | None = None) -> int:
    """Index of the first line in ``[start, stop)`` whose text matches ``pattern``; -1 if none."""
    end = len(lines) if stop is None else min(stop, len(lines))
    for i in range(start, end):
        # labels sit near the start of a line; a megabyte-long line is only searched at its head
        if pattern.search(lines[i].text, 0, MAX_LABEL_COL):
            return i
    return -1
