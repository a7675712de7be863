"""Documents in: ``read_document(path)`` / ``read_bytes(data, source)`` / ``normalise(source_text)``.

Each returns a :class:`NormalisedText`: the text the pipeline reads, the decoded ``source_text`` and
``offsets``: for every character of ``text`` (and one past the end) its offset in ``source_text``, so
provenance can be reported in offsets of what the user gave us. ``offsets`` is a compact
:class:`~extractor.ingest.offsets.OffsetMap` (a ``Sequence[int]``), not a list: use indexing, ``len``,
iteration or ``tolist()``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import Errors, InputError
from extractor.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes
from extractor.ingest.html import looks_like_html, normalise_html
from extractor.ingest.normalise import normalise_plain
from extractor.ingest.offsets import OffsetMap

STDIN = "-"


@dataclass
class NormalisedText:
    """A normalised document and the map of its characters back to the decoded source text."""

    text: str
    offsets: Sequence[int]
    source_text: str
    encoding: str = "utf-8"
    source: str | None = None
    is_html: bool = False

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to ``[start, end)`` in ``source_text``.

        The end is the end of the span's last character, so ``69,672<sup>(1)</sup>`` and
        ``<u>32,000.00</u>`` give back exactly ``69,672`` and ``32,000.00``.
        """
        if start >= end:
            return self.offsets[start], self.offsets[start]
        if isinstance(self.offsets, OffsetMap):
            return self.offsets[start], self.offsets.end_of(end - 1)
        return self.offsets[start], self.offsets[end]


def normalise(source_text: str, *, source: str | None = None, encoding: str = "utf-8") -> NormalisedText:
    """Rewrite converter debris (HTML, tags, entities, markdown, odd spaces) keeping an offset map."""
    is_html = looks_like_html(source_text)
    text, offsets = normalise_html(source_text) if is_html else normalise_plain(source_text)
    return NormalisedText(text, offsets, source_text, encoding, source, is_html)


def read_bytes(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> NormalisedText:
    """Decode and normalise a document given as bytes (E002-E005 on what is not a text filing)."""
    decoded = decode_bytes(data, source, max_bytes=max_bytes)
    return normalise(decoded.text, source=source, encoding=decoded.encoding)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> NormalisedText:
    """Read, decode and normalise a file; ``"-"`` reads standard input (E001-E005)."""
    source = str(path)
    if source == STDIN:
        # Read one byte over the limit: enough to know it is exceeded without reading all of it.
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(
                Errors.E005.format(path="<stdin>", size=f"more than {max_bytes}", limit=max_bytes)
            )
        return read_bytes(data, "<stdin>", max_bytes=max_bytes)
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(Errors.E005.format(path=source, size=size, limit=max_bytes))
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E001.format(path=source, reason=exc.strerror or exc)) from exc
    return read_bytes(data, source, max_bytes=max_bytes)
