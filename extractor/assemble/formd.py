"""Form D text -> ``FormDFiling`` with a character span, a confidence and warnings per field path.

Two versions of the form share the record: the paper-era notice (before 2009, sections A-E; read in
``formd_paper``) and the electronic Form D (2009+, "Notice of Exempt Offering of Securities", Items 1-16;
read in ``formd_electronic``). Spans index ``nt.text`` (the normalised text), field paths look like
``primary_issuer.entity_name`` or ``related_persons[3].name``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.assemble.formd_electronic import ElectronicFormD, is_electronic_formd
from extractor.assemble.formd_layout import Page
from extractor.assemble.formd_paper import PaperFormD, is_paper_formd
from extractor.assemble.result import AssemblyResult
from extractor.ingest import NormalisedText
from extractor.records import FormDFiling


@dataclass
class FormDResult(AssemblyResult):
    """A Form D record plus spans (into ``nt.text``), confidences and warnings keyed by field path."""

    filing: FormDFiling = field(default_factory=FormDFiling)


def extract_formd(nt: NormalisedText) -> FormDResult:
    """Read a Form D text (either version of the form) into a ``FormDResult``."""
    return extract_formd_text(nt.text)


def extract_formd_text(text: str) -> FormDResult:
    """``extract_formd`` on a plain string (tests, the renderer's round trip)."""
    page = Page(text)
    if is_electronic_formd(page.view):
        filing = ElectronicFormD(page).read()
    else:
        if not is_paper_formd(page.view):
            page.warnings.append("no Form D captions recognised; reading as a paper-era Form D")
        filing = PaperFormD(page).read()
    if filing.related_persons == [] and "Full Name" in page.view:
        page.warnings.append("related persons: captions found but every slot was empty")
    return FormDResult(filing=filing, spans=page.spans, confidence=page.confidence, warnings=page.warnings)
