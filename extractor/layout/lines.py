"""Lines of a normalised text with their character offsets and indentation.

Offsets are into ``NormalisedText.text``. Tabs are kept in ``Line.text``; ``indent`` counts leading
spaces with a tab worth one column (tab-separated text carries its columns in the cells, not the
indentation).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One line: ``text`` is ``doc[start:end]`` without the newline."""

    index: int
    start: int
    end: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Split on ``\\n`` (``\\r`` is dropped from the line text but counted in offsets)."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        lines.append(Line(len(lines), pos, content_end, text[pos:content_end]))
        if nl < 0:
            break
        pos = nl + 1
    return lines
