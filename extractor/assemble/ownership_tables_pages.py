"""Per-page column models for tables that run over a page break of a fixed-width dump.

``pdftotext -layout`` lays out every page on its own character grid: a table continued on page 2
(the header is not repeated) can be printed at half the width of page 1, so page 1's header
x-positions point at the wrong columns. Each later page gets the header's model mapped by
``x' = a * x + b``, fitted on anchor values whose column is certain from their shape alone: the
transaction date (first date of a row followed by a code letter) and the ownership letter (a one-letter
``D``/``I`` cell after the last number).
"""

from __future__ import annotations

import bisect
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from extractor.layout.cells import Token, TokenKind
from extractor.layout.columns import Column, ColumnModel
from extractor.layout.lines import Line

FORM_FEED = "\f"
_CODES = frozenset("ACDEFGHIJLMOPSUWXZ")


def page_starts(text: str, source_text: str | None, offsets: Sequence[int] | None) -> set[int]:
    """Indices of lines that begin a new page.

    Ingest turns form feeds into newlines, so a page break is a newline of ``text`` whose source
    character (through ``offsets``) is a form feed; a form feed still in ``text`` counts as well.
    """
    starts: set[int] = set()
    line = 0
    pos = text.find("\n")
    n_src = len(source_text) if source_text is not None else 0
    while pos >= 0:
        line += 1
        if source_text is not None and offsets is not None and pos < len(offsets):
            src = offsets[pos]
            if 0 <= src < n_src and source_text[src] == FORM_FEED:
                starts.add(line)
        pos = text.find("\n", pos + 1)
    if FORM_FEED in text:
        for i, chunk in enumerate(text.split("\n")):
            if FORM_FEED in chunk:
                starts.add(i)
    return starts


def page_numbers(lines: list[Line], starts: set[int]) -> list[int]:
    """Page index of every line, counted from the page of ``lines[0]`` (lines may skip indices)."""
    if not lines:
        return []
    first = lines[0].index
    ordered = sorted(s for s in starts if s > first)
    return [bisect.bisect_right(ordered, line.index) for line in lines]


def anchors(tokens: list[Token]) -> dict[str, int]:
    """x of the values of a line whose column is certain from their shape."""
    out: dict[str, int] = {}
    toks = [t for t in tokens if t.kind is not TokenKind.FOOTNOTE]
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if t.kind is TokenKind.DATE and nxt.kind is TokenKind.LETTER and nxt.text in _CODES:
            out["transaction_date"] = t.x0
            break
    numeric = (TokenKind.NUMBER, TokenKind.MONEY)
    last_num = max((i for i, t in enumerate(toks) if t.kind in numeric), default=-1)
    # one count per cell, not a scan per token: a pathological line of many words was quadratic
    cell_sizes = Counter((u.line, u.cell) for u in tokens)
    for t in toks[last_num + 1 :]:
        cell_size = cell_sizes[(t.line, t.cell)]
        if last_num >= 0 and t.kind is TokenKind.LETTER and t.text in ("D", "I") and cell_size == 1:
            out["direct_or_indirect_ownership"] = t.x0
            break
    return out


def _medians(token_lines: list[list[Token]]) -> dict[str, float]:
    seen: dict[str, list[int]] = {}
    for toks in token_lines:
        for key, x in anchors(toks).items():
            seen.setdefault(key, []).append(x)
    return {k: statistics.median(v) for k, v in seen.items()}


def fit_page_model(
    base: ColumnModel, base_lines: list[list[Token]], page_lines: list[list[Token]], *, marks: str = "scale"
) -> ColumnModel:
    """``base`` mapped onto another page's grid; ``base`` itself when nothing can be fitted.

    ``marks``: ``"scale"`` maps the sub-column marks too, ``"keep"`` leaves them (they were read on
    this page: a header broken over a page break), ``"drop"`` forgets them (read on a third grid).
    """
    page = _medians(page_lines)
    ref = _medians(base_lines)
    from_header = False
    for key in list(page):
        if key not in ref:
            from_header = True
            col = base.get(key)
            if col is None:
                del page[key]
                continue
            ref[key] = float(col.x0)
    keys = [k for k in page if k in ref]
    if not keys:
        return base if marks != "drop" else replace(base, marks={})
    if len(keys) >= 2:
        xs = [ref[k] for k in keys]
        ys = [page[k] for k in keys]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        var = sum((x - mx) ** 2 for x in xs)
        if var < 1:
            return base
        a = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var
        b = my - a * mx
    else:
        k = keys[0]
        a, b = (page[k] / ref[k] if ref[k] else 1.0), 0.0
    # Header labels sit at a column's left edge while values may be centred in it: a fit against
    # the header only counts when the grid clearly changed.
    tol_a, tol_b = (0.15, 8.0) if from_header else (0.03, 3.0)
    if not 0.2 < a < 5 or (abs(a - 1) < tol_a and abs(b) < tol_b):
        return base if marks != "drop" else replace(base, marks={})

    def m(x: int) -> int:
        return x if x >= 10_000 else round(a * x + b)

    cols = [Column(c.key, m(c.x0), m(c.x1), c.label) for c in base.columns]
    if marks == "scale" and abs(a - 1) > 0.1:
        marks = "drop"  # a squeezed grid has no room for sub-column precision
    if marks == "scale":
        new_marks = {k: m(x) for k, x in base.marks.items()}
    else:
        new_marks = dict(base.marks) if marks == "keep" else {}
    return replace(base, columns=cols, marks=new_marks)
