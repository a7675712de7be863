"""One document, end to end: normalised text -> form type -> assembler -> SCHEMA.md envelope.

Provenance is reported in offsets of the *source* text (the decoded input file), mapped back through the
ingest offset map, so a user can highlight the value in the file they gave us.
"""

from __future__ import annotations

from pathlib import Path

from extractor.assemble.result import AssemblyResult
from extractor.ingest import NormalisedText
from extractor.records import FORM_D_TYPES, OWNERSHIP_FORM_TYPES, Envelope


def document_id_for(source: str) -> str:
    """SCHEMA.md: the input file name without extension (``-`` for stdin becomes ``stdin``)."""
    if source in ("-", ""):
        return "stdin"
    return Path(source).stem


def extract_document(nt: NormalisedText, *, document_id: str, source: str | None) -> Envelope:
    """Classify and extract one normalised document."""
    from extractor.classify import classify_form_type

    form_type, form_confidence = classify_form_type(nt.text)
    env = Envelope(document_id=document_id, source=source, form_type=form_type)
    env.confidence["form_type"] = round(form_confidence, 4)
    result: AssemblyResult | None = None
    if form_type in OWNERSHIP_FORM_TYPES:
        from extractor.assemble.ownership import extract_ownership

        result = extract_ownership(nt, form_type)
    elif form_type in FORM_D_TYPES:
        from extractor.assemble.formd import extract_formd

        result = extract_formd(nt)
    else:
        env.warnings.append("not recognised as a Form 3/4/5 or Form D filing; nothing extracted")
    if result is not None:
        env.filing = result.filing
        env.confidence.update({k: round(v, 4) for k, v in result.confidence.items()})
        env.provenance = {k: list(nt.source_span(s, e)) for k, (s, e) in result.spans.items()}
        env.warnings.extend(result.warnings)
    return env
