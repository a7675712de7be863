"""One document, end to end: normalised text -> form type -> assembler -> SCHEMA.md envelope.

Provenance is reported in offsets of the *source* text (the decoded input file), mapped back through the
ingest offset map, so a user can highlight the value in the file they gave us.

When the trained spaCy pipeline is shipped (``models/filings``, or ``$EXTRACTOR_MODELS/filings``) the
record comes from it (``doc._.filing``: rules joined with the NER); it is loaded once per process. Without
it the plain rule assemblers run, and a warning is logged once.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.assemble.result import AssemblyResult
from extractor.ingest import NormalisedText
from extractor.records import FORM_D_TYPES, OWNERSHIP_FORM_TYPES, Envelope

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


def default_pipeline_dir() -> Path:
    """``$EXTRACTOR_MODELS/filings`` when set, else ``models/filings`` next to the package."""
    root = os.environ.get("EXTRACTOR_MODELS")
    base = Path(root) if root else Path(__file__).resolve().parents[1] / "models"
    return base / "filings"


@lru_cache(maxsize=2)
def load_filings_pipeline(directory: str) -> Language | None:
    """The trained pipeline in ``directory`` (once per process), or None (warned once) when absent."""
    if not (Path(directory) / "meta.json").is_file():
        log.warning("no trained pipeline at %s: extracting with the rule assemblers only", directory)
        return None
    from extractor.pipeline import load_pipeline

    return load_pipeline(directory)


def _assemble_with_pipeline(nlp: Language, nt: NormalisedText, form_type: str) -> AssemblyResult | None:
    """Run the pipeline with the already classified form type; None when no assembler applies."""
    doc = nlp.make_doc(nt.text)
    doc._.form_type = form_type  # the assembler reads it instead of classifying again
    doc = nlp(doc)
    if doc._.filing is None:
        return None
    return AssemblyResult(
        filing=doc._.filing,
        spans=dict(doc._.field_spans or {}),
        confidence=dict(doc._.confidence or {}),
        warnings=list(doc._.warnings or []),
    )


def document_id_for(source: str) -> str:
    """SCHEMA.md: the input file name without extension (``-`` for stdin becomes ``stdin``)."""
    if source in ("-", ""):
        return "stdin"
    return Path(source).stem


def extract_document(
    nt: NormalisedText, *, document_id: str, source: str | None, use_pipeline: bool = True
) -> Envelope:
    """Classify and extract one normalised document (with the trained pipeline when it is shipped)."""
    from extractor.classify import classify_form_type

    form_type, form_confidence = classify_form_type(nt.text)
    env = Envelope(document_id=document_id, source=source, form_type=form_type)
    env.confidence["form_type"] = round(form_confidence, 4)
    result: AssemblyResult | None = None
    nlp = load_filings_pipeline(str(default_pipeline_dir())) if use_pipeline else None
    # Forms 3/4/5 only: the NER has no Form D training data, so on a Form D it would cost time for
    # nothing; Form D goes straight to its rule assembler.
    if nlp is not None and form_type in OWNERSHIP_FORM_TYPES:
        result = _assemble_with_pipeline(nlp, nt, form_type)
    elif form_type in OWNERSHIP_FORM_TYPES:
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
