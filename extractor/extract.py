"""One document, end to end: normalised text -> form type -> assembler -> SCHEMA.md envelope.

Provenance is reported in offsets of the *source* text (the decoded input file), mapped back through the
ingest offset map, so a user can highlight the value in the file they gave us.

Forms 3/4/5 go through a cascade: the rule assemblers first, then, where they leave a header field or a
table cell every row prints empty, or Table I prints more dates than they read rows (``rules_incomplete``),
the trained spaCy pipeline (``models/filings``, or ``$EXTRACTOR_MODELS/filings``; loaded once per
process), whose assembler joins NER entities with the rules (``doc._.filing``; Table I rows from the
entities: ``extractor.pipeline.entity_rows``). ``EXTRACTOR_NER=always|never`` forces either path
(ablations). Without a shipped pipeline the rules' record stands and a warning is logged once. Form D
always goes through the pipeline (its rules run inside its assembler). The consistency checks
(``extractor.checks``) run last on every record.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.assemble.result import AssemblyResult
from extractor.ingest import NormalisedText
from extractor.model_paths import models_root
from extractor.records import FORM_D_TYPES, OWNERSHIP_FORM_TYPES, Envelope, OwnershipFiling

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


def default_pipeline_dir() -> Path:
    """``$EXTRACTOR_MODELS/filings`` when set, else ``models/filings`` next to the package."""
    return models_root() / "filings"


@lru_cache(maxsize=2)
def load_filings_pipeline(directory: str) -> Language | None:
    """The trained pipeline in ``directory`` (once per process), or None (warned once) when absent."""
    if not (Path(directory) / "meta.json").is_file():
        log.warning("no trained pipeline at %s: extracting with the rule assemblers only", directory)
        return None
    from extractor.pipeline import load_pipeline

    return load_pipeline(directory)


def _assemble_with_pipeline(
    nlp: Language, nt: NormalisedText, form_type: str, rules: AssemblyResult | None = None
) -> AssemblyResult | None:
    """Run the pipeline with the already classified form type (and the rules' record of ``nt`` when the
    caller has it: it is joined, and changed, in place); None when no assembler applies."""
    doc = nlp.make_doc(nt.text)
    doc._.form_type = form_type  # the assembler reads it instead of classifying again
    doc._.normalised = nt
    doc._.rules_result = rules
    doc = nlp(doc)
    if doc._.filing is None:
        return None
    return AssemblyResult(
        filing=doc._.filing,
        spans=dict(doc._.field_spans or {}),
        confidence=dict(doc._.confidence or {}),
        warnings=list(doc._.warnings or []),
    )


NER_MODES = ("auto", "always", "never")


def ner_mode() -> str:
    """``EXTRACTOR_NER``: ``auto`` (default: Forms 3/4/5 through the NER only where the rules miss a
    field it can fill; every Form D), ``always`` (every filing through the full pipeline) or ``never``
    (rules only); used for ablations."""
    mode = os.environ.get("EXTRACTOR_NER", "auto").lower()
    return mode if mode in NER_MODES else "auto"


# Cells every transaction row prints (the price may be blank: gifts, grants); holdings print fewer.
_ROW_CELLS = {
    "non_derivative_transactions": (
        "transaction_date",
        "transaction_code",
        "transaction_shares",
        "transaction_acquired_disposed_code",
        "shares_owned_following_transaction",
        "direct_or_indirect_ownership",
    ),
    "non_derivative_holdings": ("shares_owned_following_transaction", "direct_or_indirect_ownership"),
    "derivative_transactions": (
        "transaction_date",
        "transaction_code",
        "transaction_shares",
        "transaction_acquired_disposed_code",
        "direct_or_indirect_ownership",
    ),
    "derivative_holdings": ("direct_or_indirect_ownership",),
}


def rules_incomplete(result: AssemblyResult, text: str | None = None) -> bool:
    """True when the rules' record misses a header field the NER is trained to fill, a table row
    misses a cell every such row prints (``_ROW_CELLS``), or (given the ``text``) Table I prints more
    dates than the rules' transaction rows hold: a row the rules lost, which the NER may read."""
    f = result.filing
    if not isinstance(f, OwnershipFiling):
        return False
    if not f.reporting_owners:
        return True
    needed: list[object] = [
        f.period_of_report,
        f.issuer and f.issuer.name,
        f.issuer and f.issuer.trading_symbol,
    ]
    if len(f.reporting_owners) == 1:
        o = f.reporting_owners[0]
        needed += [o.name, o.city, o.state, o.zip_code]
    for table, cells in _ROW_CELLS.items():
        needed += [getattr(row, cell) for row in getattr(f, table) for cell in cells]
    return any(v is None for v in needed) or (text is not None and _dates_unread(text, f))


def _dates_unread(text: str, filing: OwnershipFiling) -> bool:
    """Whether Table I prints more dates (transaction and deemed execution dates) than the rules read."""
    from extractor.assemble.ownership_header_text import DATE_RE
    from extractor.pipeline.entity_rows import table_i_region

    region = table_i_region(text)
    if region is None:
        return False
    rows = filing.non_derivative_transactions
    read = len(rows) + sum(1 for r in rows if r.deemed_execution_date)
    return sum(1 for _ in DATE_RE.finditer(text, *region)) > read


def extract_document(
    nt: NormalisedText, *, document_id: str, source: str | None, use_pipeline: bool = True
) -> Envelope:
    """Classify and extract one normalised document, consistency checks included."""
    env, spans = assemble_document(nt, document_id=document_id, source=source, use_pipeline=use_pipeline)
    if env.filing is not None:
        from extractor.checks import apply_checks

        apply_checks(env, nt, spans)
    return env


def assemble_document(
    nt: NormalisedText, *, document_id: str, source: str | None, use_pipeline: bool = True
) -> tuple[Envelope, dict[str, tuple[int, int]]]:
    """The envelope before the consistency checks, and each field's span in ``nt.text`` (the checks and
    the calibration fit need them; ``provenance`` holds source offsets instead)."""
    from extractor.classify import classify_form_type

    form_type, form_confidence = classify_form_type(nt.text)
    env = Envelope(document_id=document_id, source=source, form_type=form_type)
    env.confidence["form_type"] = round(form_confidence, 4)
    result: AssemblyResult | None = None
    mode = ner_mode() if use_pipeline else "never"
    if form_type in OWNERSHIP_FORM_TYPES:
        from extractor.assemble.ownership import extract_ownership

        # A cascade: the rules run first; the trained pipeline (tagger + NER: about 60 ms a Form 4, a
        # few hundred ms a long OCR text) runs only where the rules leave a field it can fill empty or
        # lose Table I rows (on dev, 16 of 217 filings, all OCR), or always/never as EXTRACTOR_NER says.
        result = extract_ownership(nt, form_type)
        if mode == "always" or (mode == "auto" and rules_incomplete(result, nt.text)):
            nlp = load_filings_pipeline(str(default_pipeline_dir()))
            if nlp is not None:
                result = _assemble_with_pipeline(nlp, nt, form_type, result) or result
    elif form_type in FORM_D_TYPES:
        # Every Form D goes through the pipeline (unless EXTRACTOR_NER=never): its rules leave many
        # amounts empty on noisy text, and the layout tagger merges the long instructions and state
        # grids into single tokens, so the NER reads mostly the values.
        nlp = load_filings_pipeline(str(default_pipeline_dir())) if mode != "never" else None
        if nlp is not None:
            result = _assemble_with_pipeline(nlp, nt, form_type)
        else:
            from extractor.assemble.formd import extract_formd

            result = extract_formd(nt)
    else:
        env.warnings.append("not recognised as a Form 3/4/5 or Form D filing; nothing extracted")
    if result is not None:
        env.filing = result.filing
        env.confidence.update({k: round(v, 4) for k, v in result.confidence.items()})
        env.provenance = {k: list(nt.source_span(s, e)) for k, (s, e) in result.spans.items()}
        env.warnings.extend(result.warnings)
        return env, dict(result.spans)
    return env, {}
