"""PLACEHOLDER interface (to be replaced by the full ingestion module; keep the names and signatures).

``read_document(path)`` decodes a file; ``normalise(source_text)`` returns the text the pipeline reads
plus ``offsets``: for every character of ``text`` (and one past the end) its offset in ``source_text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class NormalisedText:
    text: str
    offsets: list[int]
    source_text: str
    encoding: str = "utf-8"
    source: str | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to the source text."""
        return self.offsets[start], self.offsets[end]


def normalise(source_text: str, *, source: str | None = None, encoding: str = "utf-8") -> NormalisedText:
    return NormalisedText(source_text, list(range(len(source_text) + 1)), source_text, encoding, source)


def read_document(path: str | Path) -> NormalisedText:
    data = Path(path).read_bytes()
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = data.decode("cp1252", errors="replace"), "cp1252"
    return normalise(text, source=str(path), encoding=enc)
