"""What every form assembler returns: the record plus spans, confidence and warnings per field path."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.records import Filing


@dataclass
class AssemblyResult:
    """A filing record with, per field path (``issuer.name``, ``reporting_owners[0].city``), its span in
    the normalised text, a confidence in [0, 1], and the document's warnings."""

    filing: Filing
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
