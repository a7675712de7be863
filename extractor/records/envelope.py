"""The per-document envelope of SCHEMA.md: one JSON object per input document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.errors import Errors, RecordError
from extractor.records.codec import from_dict, to_dict
from extractor.records.formd import FormDFiling
from extractor.records.ownership import OwnershipFiling

OWNERSHIP_FORM_TYPES = ("3", "4", "5", "3/A", "4/A", "5/A")
FORM_D_TYPES = ("D", "D/A")
FORM_TYPES = (*OWNERSHIP_FORM_TYPES, *FORM_D_TYPES, "unknown")

Filing = OwnershipFiling | FormDFiling


def filing_class(form_type: str) -> type[OwnershipFiling] | type[FormDFiling] | None:
    """The record class for a form type; ``None`` for ``unknown``."""
    if form_type in OWNERSHIP_FORM_TYPES:
        return OwnershipFiling
    if form_type in FORM_D_TYPES:
        return FormDFiling
    return None


@dataclass
class Envelope:
    """One document's result. ``filing`` is ``None`` (written as ``{}``) when nothing was extracted."""

    document_id: str
    source: str | None = None
    form_type: str = "unknown"
    filing: Filing | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    provenance: dict[str, list[int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    # Metadata that gold files carry (../shared/data/dev/gold); not part of predictions.
    converter: str | None = None
    source_xml: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document_id": self.document_id,
            "source": self.source,
            "form_type": self.form_type,
            "filing": to_dict(self.filing) if self.filing is not None else {},
        }
        if self.confidence:
            out["confidence"] = dict(self.confidence)
        if self.provenance:
            out["provenance"] = {k: list(v) for k, v in self.provenance.items()}
        out["warnings"] = list(self.warnings)
        out["error"] = self.error
        if self.converter is not None:
            out["converter"] = self.converter
        if self.source_xml is not None:
            out["source_xml"] = self.source_xml
        return out

    @classmethod
    def from_dict(cls, data: Any) -> Envelope:
        """Parse one envelope; raises ``RecordError`` naming the bad key and the document."""
        if not isinstance(data, dict):
            raise RecordError(Errors.E103.format(where="envelope", document_id="?", got=type(data).__name__))
        document_id = data.get("document_id")
        if not isinstance(document_id, str) or not document_id:
            raise RecordError(
                Errors.E102.format(
                    key="document_id",
                    where="envelope",
                    document_id="?",
                    expected="a string",
                    got=repr(document_id),
                )
            )
        form_type = data.get("form_type", "unknown")
        if form_type not in FORM_TYPES:
            raise RecordError(Errors.E104.format(form_type=form_type, document_id=document_id))
        head = {k: v for k, v in data.items() if k != "filing"}
        env = from_dict(_EnvelopeHead, head, document_id=document_id, where="envelope")
        raw_filing = data.get("filing") or {}
        filing: Filing | None = None
        cls_ = filing_class(form_type)
        if raw_filing:
            if cls_ is None:
                raise RecordError(
                    Errors.E102.format(
                        key="filing",
                        where="envelope",
                        document_id=document_id,
                        expected="{} for form_type 'unknown'",
                        got="a record",
                    )
                )
            filing = from_dict(cls_, raw_filing, document_id=document_id, where="filing")
        return cls(
            document_id=document_id,
            source=env.source,
            form_type=form_type,
            filing=filing,
            confidence=env.confidence,
            provenance=env.provenance,
            warnings=env.warnings,
            error=env.error,
            converter=env.converter,
            source_xml=env.source_xml,
        )


@dataclass
class _EnvelopeHead:
    """The envelope's keys without ``filing``, for the codec's key and type checks."""

    document_id: str
    source: str | None = None
    form_type: str = "unknown"
    confidence: dict[str, float] = field(default_factory=dict)
    provenance: dict[str, list[int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    converter: str | None = None
    source_xml: str | None = None
