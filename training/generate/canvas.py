"""Text building with span bookkeeping: pieces, word wrapping, fixed-width grids and the ``Canvas``.

A :class:`Piece` is a run of text, optionally tagged with the field path whose value it prints. Layouts
compose lines of pieces; the canvas concatenates them and records one span per tagged piece, so a span
always covers exactly the characters printed for it. Wrapping splits a tagged value into one piece per
line (the same path on several lines); the pieces of one path on one line are merged again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    text: str
    path: str | None = None
    glue: bool = False  # no space before this piece when words are re-joined (``10/01/2024(1)``, ``__X__``)


Line = list[Piece]


def plain(text: str) -> Line:
    return [Piece(text)] if text else []


def line_text(line: Line) -> str:
    return "".join(p.text for p in line)


def _words(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """Split pieces into words; a word is a list of pieces (glued pieces stay in their word)."""
    words: list[list[Piece]] = []
    for piece in pieces:
        parts = piece.text.split(" ")
        for j, part in enumerate(parts):
            if not part:
                continue
            bit = Piece(part, piece.path)
            if j == 0 and piece.glue and words:
                words[-1].append(bit)
            else:
                words.append([bit])
    return words


def _merge(line: Line) -> Line:
    """Merge neighbouring pieces of one path (``Common`` `` `` ``Stock`` -> ``Common Stock``)."""
    out: Line = []
    for piece in line:
        if out and out[-1].path == piece.path:
            out[-1] = Piece(out[-1].text + piece.text, piece.path)
        elif (
            piece.path is not None
            and len(out) >= 2
            and out[-1].text == " "
            and out[-1].path is None
            and out[-2].path == piece.path
        ):
            out[-2:] = [Piece(out[-2].text + " " + piece.text, piece.path)]
        else:
            out.append(piece)
    return out


def wrap(pieces: Sequence[Piece], width: int) -> list[Line]:
    """Greedy word wrap to ``width`` columns (a longer word overflows, as browsers do)."""
    lines: list[Line] = []
    cur: Line = []
    cur_len = 0
    for word in _words(pieces):
        wlen = sum(len(p.text) for p in word)
        if cur and cur_len + 1 + wlen > width:
            lines.append(_merge(cur))
            cur, cur_len = [], 0
        if cur:
            cur.append(Piece(" "))
            cur_len += 1
        cur.extend(word)
        cur_len += wlen
    if cur:
        lines.append(_merge(cur))
    return lines


def wrap_paragraphs(paragraphs: Iterable[Sequence[Piece]], width: int) -> list[Line]:
    """Each paragraph wrapped; an empty paragraph is a blank line."""
    out: list[Line] = []
    for para in paragraphs:
        out.extend(wrap(para, width) or [[]])
    return out


def grid(cells: Sequence[Sequence[Line]], starts: Sequence[int], valign: str = "top") -> list[Line]:
    """Lay cells (each a list of lines) side by side, cell ``i`` from column ``starts[i]``.

    ``valign="middle"`` centres shorter cells on the tallest (w3m and pdftotext both print a one-line cell
    on the middle line of a wrapped neighbour). A cell running past the next start pushes it right by at
    least one space, so cells never touch."""
    height = max((len(c) for c in cells), default=0)
    offsets = [((height - len(c)) // 2 if valign == "middle" else 0) for c in cells]
    out: list[Line] = []
    for r in range(height):
        line: Line = []
        cur = 0
        for cell, start, off in zip(cells, starts, offsets, strict=True):
            k = r - off
            if not 0 <= k < len(cell) or not cell[k]:
                continue
            pad = start - cur if cur == 0 else max(start - cur, 1)
            if pad:
                line.append(Piece(" " * pad))
            line.extend(cell[k])
            cur += pad + len(line_text(cell[k]))
        out.append(line)
    return out


@dataclass
class Canvas:
    """Accumulates text; every tagged piece written becomes a ``(path, start, end)`` span."""

    parts: list[str] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    pos: int = 0

    def write(self, piece: Piece) -> None:
        if piece.path is not None and piece.text:
            self.spans.append((piece.path, self.pos, self.pos + len(piece.text)))
        self.parts.append(piece.text)
        self.pos += len(piece.text)

    def line(self, line: Iterable[Piece] = ()) -> None:
        for piece in line:
            self.write(piece)
        self.write(Piece("\n"))

    def lines(self, lines: Iterable[Line]) -> None:
        for line in lines:
            self.line(line)

    def text(self) -> str:
        return "".join(self.parts)
