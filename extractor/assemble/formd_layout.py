"""Label-anchored reading of a Form D text: sections, labels, values after labels, columnar label rows.

A ``Page`` holds the text, its debris-masked view (same length, see ``formd_text``), its lines, and an
accumulator of field spans / confidences / warnings that the section readers fill in. Labels are the
form's printed captions; a value is what follows its caption on the same line (up to the next caption),
or else the next non-blank line(s) below it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from extractor.assemble.formd_text import Line, mask_debris, split_lines, squash, trim_span

# An optional run of parentheticals after a caption: "(Number and Street, City, State, Zip Code)".
# Same line only: a value printed in parentheses below the caption ("(530) 306-4078") is not a caption.
# A caption's parenthetical holds words: "(Including Area Code) (212) 895-3000" keeps "(212)" as value.
# A parenthetical may wrap once onto the next line ("(Enter two-letter ... for State:" / "CN for Canada;
# FN for other foreign jurisdiction) CA"): a printed page narrower than the form's line.
_PARENS = r"(?:[ \t]{0,3}\((?=[^()]{0,200}[A-Za-z]{2})[^()\n]{0,200}(?:\n[^()\n]{0,200})?\)){0,3}"


def label(words: str, *, parens: bool = True, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Caption pattern from plain words: spaces match 1-3 blanks (OCR/line-wrap tolerant)."""
    body = r"\s{1,3}".join(re.escape(w) for w in words.split())
    # the colon may come before or after the parentheticals ("Organization: (Enter two-letter ...)")
    return re.compile(body + r"(?:[ \t]{0,2}:)?" + (_PARENS if parens else "") + r"(?:[ \t]{0,2}:)?", flags)


@dataclass
class Page:
    """The document being read plus everything found so far (spans keyed by field path)."""

    text: str
    view: str = ""
    lines: list[Line] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.view = mask_debris(self.text)
        self.lines = split_lines(self.view)
        self.line_starts = [ln.start for ln in self.lines]

    # -------------------------------------------------------------------------------- bookkeeping
    def put(self, path: str, span: tuple[int, int] | None, conf: float) -> None:
        """Record the span and confidence of a field path."""
        if span is None:
            return
        self.spans[path] = span
        self.confidence[path] = conf

    def value(self, span: tuple[int, int]) -> str:
        """The printed value of a span, whitespace collapsed."""
        return squash(self.view[span[0] : span[1]])

    def line_index(self, pos: int) -> int:
        """Index of the line holding offset ``pos``."""
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    # ---------------------------------------------------------------------------------- searching
    def find(self, pattern: re.Pattern[str], lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
        """First match of ``pattern`` in ``view[lo:hi]`` (match offsets are absolute)."""
        return pattern.search(self.view, lo, len(self.view) if hi is None else hi)

    def find_all(self, pattern: re.Pattern[str], lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
        return list(pattern.finditer(self.view, lo, len(self.view) if hi is None else hi))

    def value_after(
        self,
        end: int,
        stop: re.Pattern[str],
        *,
        hi: int | None = None,
        multi: bool = False,
        max_gap: int = 3,
    ) -> tuple[tuple[int, int], float] | None:
        """The value printed after a caption that ends at ``end``.

        Same line first (cut at the next caption: cells of one row often hold two captions); else the
        next non-blank line(s) within ``max_gap`` blank lines, stopping at a caption or a blank line.
        Returns the span and a confidence, or None when the slot is empty (the next thing is a caption).
        """
        hi = len(self.view) if hi is None else hi
        i = self.line_index(end)
        line = self.lines[i]
        stop_at = min(line.end, hi)
        m = stop.search(self.view, end, stop_at)
        s, e = trim_span(self.view, end, m.start() if m else stop_at)
        if e > s:
            if multi and m is None and self.view[e - 1] == ",":
                e = self._wrapped_on(i, e, stop, hi)
            return (s, e), 0.9
        if m is not None:  # another caption follows on the same line: this slot is empty
            return None
        gap = 0
        first: int | None = None
        last = -1
        for ln in self.lines[i + 1 :]:
            if ln.start >= hi:
                break
            if ln.blank:
                if first is not None:
                    break
                gap += 1
                if gap > max_gap:
                    break
                continue
            cm = stop.search(self.view, ln.start, ln.end)
            if cm is not None:
                s, e = trim_span(self.view, ln.start, cm.start())
                if e > s and first is None:
                    return (s, e), 0.75
                break
            if first is None:
                first = ln.start
            last = ln.end
            if not multi:
                break
        if first is None:
            return None
        s, e = trim_span(self.view, first, min(last, hi))
        return ((s, e), 0.8) if e > s else None

    def _wrapped_on(self, i: int, e: int, stop: re.Pattern[str], hi: int) -> int:
        """End of a value that wraps: a same-line value ending with "," goes on over the next lines
        ("2029 Century Park East, Suite 1370," / "Los Angeles, CA 90067") until a blank line, a caption
        or a line not ending with ","; at most two lines."""
        for ln in self.lines[i + 1 : i + 3]:
            if ln.blank or ln.start >= hi or stop.search(self.view, ln.start, ln.end):
                break
            s2, e2 = trim_span(self.view, ln.start, min(ln.end, hi))
            if e2 <= s2:
                break
            e = e2
            if self.view[e - 1] != ",":
                break
        return e

    def caption_value(
        self, m: re.Match[str], stop: re.Pattern[str], *, hi: int | None = None, multi: bool = False
    ) -> tuple[tuple[int, int], float] | None:
        """The value of the caption matched by ``m``: beside it, or -- when its line holds captions only
        (a pdftotext -layout header row) -- in the row below, in the caption's column."""
        if self.captions_only(m.start(), stop):
            return self.column_value(m, stop)
        return self.value_after(m.end(), stop, hi=hi, multi=multi)

    def captions_only(self, pos: int, stop: re.Pattern[str]) -> bool:
        """Does the line at ``pos`` hold captions and nothing else (values would be in the row below)?"""
        line = self.lines[self.line_index(pos)]
        if line.end - line.start > 2000:
            return False
        rest = stop.sub(" ", self.view[line.start : line.end])
        return not rest.strip(" \t_:")

    def column_value(self, m: re.Match[str], stop: re.Pattern[str]) -> tuple[tuple[int, int], float] | None:
        """The cell of the next non-blank row nearest to the caption's column (within 12 characters)."""
        i = self.line_index(m.start())
        col = m.start() - self.lines[i].start
        for ln in self.lines[i + 1 : i + 4]:
            if ln.blank:
                continue
            if stop.search(self.view, ln.start, ln.end):
                return None
            best: tuple[int, tuple[int, int]] | None = None
            for s, e in column_cells(self.view, ln):
                dist = abs((s - ln.start) - col)
                if best is None or dist < best[0]:
                    best = (dist, (s, e))
            return (best[1], 0.6) if best and best[0] <= 20 else None  # long values push cells right
        return None


def column_cells(view: str, line: Line) -> list[tuple[int, int]]:
    """Cells of a layout line: runs separated by a tab or by 2+ spaces."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\t]+?(?=\t| {2,}|$)", view[line.start : line.end]):
        s, e = trim_span(view, line.start + m.start(), line.start + m.end())
        if e > s:
            out.append((s, e))
    return out
