"""Offset maps: for every character of a rewritten text, where it came from in the source text.

A rewriter (see ``normalise.py``, ``html.py``) appends output through an :class:`OffsetBuilder` in
source order, in two kinds of pieces:

* *linear* pieces: output character ``k`` of the piece comes from source character ``start + k``
  (copied text, and 1:1 substitutions such as NBSP -> space);
* *collapsed* pieces: a replacement for a whole source span (``&amp;`` -> ``&``, a checkbox tag ->
  ``[X]``, a tag -> newline); every output character of the piece maps to the span's start, and its
  end is the span's end.

Deleted source text (stray tags, zero-width characters) produces no piece at all.

:class:`OffsetMap` stores only the pieces (merged when contiguous), not one integer per character, so a
50 MB text that needs no rewriting costs one piece instead of a 2 GB list of ints. It is a read-only
``Sequence[int]`` with ``len(text) + 1`` entries: ``offsets[i]`` is the source offset of output character
``i`` and ``offsets[len(text)] == len(source_text)``. Values never decrease.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, count, repeat
from operator import add as add_int
from operator import sub
from typing import overload

# Marker in ``_src_end`` for a linear piece (a collapsed piece stores its source end there).
_LINEAR = -1


class OffsetMap(Sequence[int]):
    """Piecewise map from output offsets to source offsets (``len(text) + 1`` entries)."""

    __slots__ = ("_out", "_source_len", "_src", "_src_end", "_text_len")

    def __init__(
        self, out: list[int], src: list[int], src_end: list[int], *, text_len: int, source_len: int
    ) -> None:
        self._out = out
        self._src = src
        self._src_end = src_end
        self._text_len = text_len
        self._source_len = source_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that is its own source."""
        if length == 0:
            return cls([], [], [], text_len=0, source_len=0)
        return cls([0], [0], [_LINEAR], text_len=length, source_len=length)

    def __len__(self) -> int:
        return self._text_len + 1

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index <= self._text_len:
            raise IndexError("offset index out of range")
        return self._at(index)

    def _at(self, i: int) -> int:
        if i == self._text_len:
            return self._source_len
        k = bisect_right(self._out, i) - 1
        if self._src_end[k] == _LINEAR:
            return self._src[k] + (i - self._out[k])
        return self._src[k]

    def end_of(self, i: int) -> int:
        """Source offset just past the source of output character ``i`` (``0 <= i < len(text)``).

        For a copied character this is ``offsets[i] + 1``; for a character of a replacement it is the
        end of the replaced span. It is the right end for a span ending at ``i + 1``: unlike
        ``offsets[i + 1]`` it does not swallow source text deleted after the character (``</u>``).
        """
        if not 0 <= i < self._text_len:
            raise IndexError("offset index out of range")
        k = bisect_right(self._out, i) - 1
        end = self._src_end[k]
        if end == _LINEAR:
            return self._src[k] + (i - self._out[k]) + 1
        return end

    def __iter__(self) -> Iterator[int]:
        bounds = [*self._out[1:], self._text_len] if self._out else []
        for out, src, end, nxt in zip(self._out, self._src, self._src_end, bounds, strict=True):
            if end == _LINEAR:
                yield from range(src, src + (nxt - out))
            else:
                yield from repeat(src, nxt - out)
        yield self._source_len

    def tolist(self) -> list[int]:
        """All ``len(text) + 1`` offsets as a list (memory: one int per character)."""
        return list(self)

    @property
    def pieces(self) -> int:
        """Number of stored pieces (a measure of how much rewriting happened)."""
        return len(self._out)

    def __repr__(self) -> str:
        return f"OffsetMap(text_len={self._text_len}, source_len={self._source_len}, pieces={self.pieces})"


class OffsetBuilder:
    """Accumulates output text and its offset pieces; pieces must be appended in source order."""

    __slots__ = ("_last", "_out", "_out_len", "_parts", "_source", "_src", "_src_end")

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._out: list[int] = []
        self._src: list[int] = []
        self._src_end: list[int] = []
        self._out_len = 0
        self._last = ""

    @property
    def last_char(self) -> str:
        """The last output character so far ("" at the start)."""
        return self._last

    def copy(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` unchanged."""
        if start < end:
            self.substitute(self._source[start:end], start)

    def substitute(self, text: str, start: int) -> None:
        """Emit ``text`` for ``source[start:start + len(text)]``, character for character."""
        n = len(text)
        if not n:
            return
        src_end = self._src_end
        # Merge with the previous linear piece when this one continues it in the source.
        continues = (
            src_end and src_end[-1] == _LINEAR and self._src[-1] + self._out_len - self._out[-1] == start
        )
        if not continues:
            self._out.append(self._out_len)
            self._src.append(start)
            src_end.append(_LINEAR)
        self._parts.append(text)
        self._out_len += n
        self._last = text[-1]

    def replace(self, text: str, start: int, end: int) -> None:
        """Emit ``text`` as the replacement of the whole span ``source[start:end]``."""
        if not text:
            return
        self._out.append(self._out_len)
        self._src.append(start)
        self._src_end.append(end)
        self._parts.append(text)
        self._out_len += len(text)
        self._last = text[-1]

    def trim_end(self, chars: str = " ") -> None:
        """Remove trailing ``chars`` from the output written so far (pieces shrink or go)."""
        parts = self._parts
        while parts:
            kept = parts[-1].rstrip(chars)
            cut = len(parts[-1]) - len(kept)
            if not cut:
                break
            self._out_len -= cut
            while self._out and self._out[-1] >= self._out_len:
                self._out.pop()
                self._src.pop()
                self._src_end.pop()
            if kept:
                parts[-1] = kept
                break
            parts.pop()
        self._last = parts[-1][-1] if parts else ""

    def build(self) -> tuple[str, OffsetMap]:
        """The output text and its offset map."""
        text = "".join(self._parts)
        offsets = OffsetMap(
            self._out, self._src, self._src_end, text_len=len(text), source_len=len(self._source)
        )
        return text, offsets


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """The map of two passes in a row: ``outer`` maps text -> mid, ``inner`` maps mid -> source.

    Cost is linear in the two maps' pieces, not in the text's length.
    """
    if outer._text_len == 0:
        return OffsetMap([], [], [], text_len=0, source_len=inner._source_len)
    out: list[int] = []
    src: list[int] = []
    src_end: list[int] = []

    def add(o: int, s: int, e: int) -> None:
        # Merge a linear piece into the previous one when it continues it in both texts.
        if e == _LINEAR and src_end and src_end[-1] == _LINEAR and src[-1] + (o - out[-1]) == s:
            return
        out.append(o)
        src.append(s)
        src_end.append(e)

    in_out, in_src, in_end = inner._out, inner._src, inner._src_end
    bounds = [*outer._out[1:], outer._text_len]
    for o, m, e, nxt in zip(outer._out, outer._src, outer._src_end, bounds, strict=True):
        if e != _LINEAR:  # a replacement of mid[m:e] replaces the source span behind it
            start = inner[m]
            add(o, start, inner.end_of(e - 1) if e > m else start)
            continue
        # A linear piece over mid[m:m + n]: split it where the inner pieces change. The first inner
        # piece may be entered midway; the others start inside and are copied shifted, in bulk.
        k = bisect_right(in_out, m) - 1
        if in_end[k] == _LINEAR:
            add(o, in_src[k] + (m - in_out[k]), _LINEAR)
        else:
            add(o, in_src[k], in_end[k])
        k_stop = bisect_left(in_out, m + (nxt - o), lo=k + 1)
        if k + 1 < k_stop:
            out.extend(map(add_int, in_out[k + 1 : k_stop], repeat(o - m)))
            src.extend(in_src[k + 1 : k_stop])
            src_end.extend(in_end[k + 1 : k_stop])
    return OffsetMap(out, src, src_end, text_len=outer._text_len, source_len=inner._source_len)


def crlf_pass(source: str) -> tuple[str, OffsetMap]:
    """CRLF and lone CR -> LF at C speed, with the map (one linear piece per CRLF-ended line)."""
    lines = source.split("\r\n")
    text = "\n".join(lines).replace("\r", "\n")
    if not text:
        return text, OffsetMap([], [], [], text_len=0, source_len=len(source))
    # Each CRLF deletes its CR, so its LF starts a new linear piece (a lone CR is a 1:1 substitution).
    # The LF of the k-th CRLF (k = 1, 2, ...) sits at source offset sum(len(line) + 2) - 1 and at text
    # offset one less per CR deleted so far; itertools keeps the arithmetic in C.
    ends = list(accumulate(map(add_int, map(len, lines[:-1]), repeat(2))))
    lf = list(map(add_int, ends, repeat(-1)))
    src = [0, *lf]
    out = [0, *map(sub, lf, count(1))]
    if len(src) > 1 and src[1] == 1:  # the text starts with CRLF: no empty first piece
        del out[0], src[0]
    return text, OffsetMap(out, src, [_LINEAR] * len(out), text_len=len(text), source_len=len(source))
