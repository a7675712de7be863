"""``GeneratedDoc`` (one rendered filing with its record and exact character spans) and the label table.

The entity labels are the aligner's (``training.align.LABELS``: one table for real and generated
annotations); the generator adds labels only for what the aligner does not place because it is not a
record value: checkbox marks (``CHECKBOX_MARK``) and footnote reference markers (``FOOTNOTE_REF``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.records import Envelope
from training.align import LABELS, field_key

# Spans the generator writes that are not record values (the aligner skips these keys).
EXTRA_LABELS: dict[str, str] = {
    "reporting_owners[].is_director": "CHECKBOX_MARK",
    "reporting_owners[].is_officer": "CHECKBOX_MARK",
    "reporting_owners[].is_ten_percent_owner": "CHECKBOX_MARK",
    "reporting_owners[].is_other": "CHECKBOX_MARK",
    "footnotes[].id": "FOOTNOTE_REF",
}

Span = tuple[str, str, int, int]  # (field path, entity label, start, end)


def label_for(path: str) -> str:
    """``non_derivative_transactions[2].transaction_shares`` -> ``TX_SHARES`` (``MISC`` if unknown)."""
    key = field_key(path)
    return LABELS.get(key) or EXTRA_LABELS.get(key) or "MISC"


@dataclass
class GeneratedDoc:
    """One generated document. ``spans`` index ``text``; a value wrapped over several lines has one span
    per line fragment (same path), so ``text[start:end]`` is always exactly what the span covers."""

    doc_id: str
    text: str
    envelope: Envelope
    spans: list[Span] = field(default_factory=list)
    style: str = ""
    seed: int = 0
    noise: float = 0.0
    variant: dict[str, Any] = field(default_factory=dict)

    def spans_json(self) -> list[dict[str, Any]]:
        return [
            {"path": p, "label": lab, "start": s, "end": e, "text": self.text[s:e]}
            for p, lab, s, e in self.spans
        ]

    def write(self, out_dir: Path) -> None:
        """``<id>.txt`` (the text), ``<id>.json`` (the envelope), ``<id>.spans.json`` (spans and style)."""
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{self.doc_id}.txt").write_text(self.text, encoding="utf-8")
        (out_dir / f"{self.doc_id}.json").write_text(
            json.dumps(self.envelope.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        meta = {
            "doc_id": self.doc_id,
            "style": self.style,
            "seed": self.seed,
            "noise": self.noise,
            "variant": self.variant,
            "spans": self.spans_json(),
        }
        (out_dir / f"{self.doc_id}.spans.json").write_text(
            json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
