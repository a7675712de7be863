"""What every check reads and writes: the document's text and spans, confidences, warnings, touched fields.

A check never edits ``Envelope.confidence`` behind the others' backs: it calls ``repaired``, ``doubt`` or
``invalid`` here, which record *why* a field was touched. The touch kind is a feature of the calibration
map (a repaired figure is right far more often than a figure in a chain that does not add up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Touch = Literal["repaired", "doubted", "invalid"]
TOUCH_KINDS: tuple[Touch, ...] = ("repaired", "doubted", "invalid")

# Raw (uncalibrated) confidences a check assigns; the calibration map turns them into probabilities.
REPAIRED_CONFIDENCE = 0.7
DOUBT_FACTOR = 0.6
INVALID_CONFIDENCE = 0.2
DEFAULT_CONFIDENCE = 0.5

# A stronger touch wins when two checks touch one field.
_RANK = {"doubted": 1, "repaired": 2, "invalid": 3}


@dataclass
class CheckContext:
    """One document's check state. ``text``/``spans`` are the normalised text and the assembler's
    field spans in it (``None`` when the caller has none: text-based evidence is then skipped)."""

    confidence: dict[str, float]
    warnings: list[str]
    text: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    touched: dict[str, Touch] = field(default_factory=dict)
    repairs: list[tuple[str, object, object]] = field(default_factory=list)

    def printed(self, path: str) -> str | None:
        """The text the assembler read the field from, or ``None`` without text or span."""
        span = self.spans.get(path)
        if self.text is None or span is None:
            return None
        return self.text[span[0] : span[1]]

    def _touch(self, path: str, kind: Touch) -> None:
        old = self.touched.get(path)
        if old is None or _RANK[kind] >= _RANK[old]:
            self.touched[path] = kind

    def repaired(self, path: str, before: object, after: object, why: str) -> None:
        """Record a repair: a warning with the value before and after, and the field's confidence."""
        self.warnings.append(f"{path}: {before!r} repaired to {after!r} ({why})")
        self.confidence[path] = REPAIRED_CONFIDENCE
        self.repairs.append((path, before, after))
        self._touch(path, "repaired")

    def doubt(self, path: str) -> None:
        """Lower a field's confidence once (a check could not confirm it); the caller warns."""
        if self.touched.get(path) is not None:
            return
        self.confidence[path] = round(self.confidence.get(path, DEFAULT_CONFIDENCE) * DOUBT_FACTOR, 4)
        self._touch(path, "doubted")

    def invalid(self, path: str, message: str) -> None:
        """A value that breaks the form's rules: warning and low confidence, the value is kept."""
        self.warnings.append(f"{path}: {message}")
        self.confidence[path] = INVALID_CONFIDENCE
        self._touch(path, "invalid")
