"""``filings_assembler_v1``: the last component; joins the NER entities with the rule assemblers.

For each field path the rule assembler (``extractor.assemble``) gives a value and a character span:

- where the NER found an entity of the field's label (``extractor.pipeline.labels.LABELS``) overlapping
  that span, the field's confidence rises (``AGREE_BONUS``);
- where the rule assembler found nothing for a header field and the NER has exactly one distinct value
  of that label in the right part of the form (outside Tables I/II, per the layout tagger's spans), the
  value is filled from the entity, normalised with ``extractor.assemble.values``, at ``NER_FILL_CONFIDENCE``
  and with a warning saying so.

Results land on ``doc._.filing`` (a records dataclass), ``doc._.field_spans`` (path -> (start, end) into
``doc.text``), ``doc._.confidence`` and ``doc._.warnings``; ``extractor.extract`` turns them into an
Envelope. The form type is read from ``doc._.form_type`` when the caller set it, else classified here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from extractor.assemble.result import AssemblyResult
from extractor.assemble.values import parse_date, state_code, strip_footnote_marks
from extractor.ingest import NormalisedText
from extractor.pipeline.labels import LABELS as FIELD_LABELS
from extractor.pipeline.labels import field_key
from extractor.records import FORM_D_TYPES, OWNERSHIP_FORM_TYPES, Issuer, OwnershipFiling, ReportingOwner

AGREE_BONUS = 0.5  # share of the remaining doubt (1 - confidence) removed when NER and rules agree
NER_FILL_CONFIDENCE = 0.6
TABLE_ROLES = frozenset({"data_row", "continuation", "table_header"})


def _text(value: str) -> str | None:
    return strip_footnote_marks(" ".join(value.split())) or None


# Header fields the NER may fill: key -> (normaliser, setter).
_Setter = Callable[[OwnershipFiling, Any], None]


def _set_issuer(attr: str) -> _Setter:
    def setter(filing: OwnershipFiling, value: Any) -> None:
        if filing.issuer is None:
            filing.issuer = Issuer()
        setattr(filing.issuer, attr, value)

    return setter


def _set_owner(attr: str) -> _Setter:
    def setter(filing: OwnershipFiling, value: Any) -> None:
        if not filing.reporting_owners:
            filing.reporting_owners.append(ReportingOwner())
        setattr(filing.reporting_owners[0], attr, value)

    return setter


@dataclass(frozen=True)
class _Fill:
    label: str
    normalise: Callable[[str], Any]
    get: Callable[[OwnershipFiling], Any]
    set: _Setter


def _owner0(filing: OwnershipFiling, attr: str) -> Any:
    # Only a single-owner filing can be filled: with co-filers we would not know whose value it is.
    if len(filing.reporting_owners) > 1:
        return "<several owners>"
    return getattr(filing.reporting_owners[0], attr) if filing.reporting_owners else None


FILLS: dict[str, _Fill] = {
    "period_of_report": _Fill(
        "PERIOD_DATE",
        parse_date,
        lambda f: f.period_of_report,
        lambda f, v: setattr(f, "period_of_report", v),
    ),
    "issuer.name": _Fill("ISSUER_NAME", _text, lambda f: f.issuer and f.issuer.name, _set_issuer("name")),
    "issuer.trading_symbol": _Fill(
        "TICKER",
        lambda s: (_text(s) or "").strip("[]()") or None,
        lambda f: f.issuer and f.issuer.trading_symbol,
        _set_issuer("trading_symbol"),
    ),
    "reporting_owners[0].name": _Fill("OWNER_NAME", _text, lambda f: _owner0(f, "name"), _set_owner("name")),
    "reporting_owners[0].city": _Fill("OWNER_CITY", _text, lambda f: _owner0(f, "city"), _set_owner("city")),
    "reporting_owners[0].state": _Fill(
        "OWNER_STATE", state_code, lambda f: _owner0(f, "state"), _set_owner("state")
    ),
    "reporting_owners[0].zip_code": _Fill(
        "OWNER_ZIP", _text, lambda f: _owner0(f, "zip_code"), _set_owner("zip_code")
    ),
}


class FilingsAssembler(Pipe):
    """Rules + NER -> record on ``doc._``; see the module docstring. Nothing to train."""

    def __init__(self, nlp: Language, name: str = "assembler", *, use_ner: bool = True) -> None:
        self.name = name
        self.use_ner = use_ner

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None) -> None:
        """Nothing to load: the rules are code."""

    def predict(self, docs: Iterable[Doc]) -> list[tuple[str, AssemblyResult | None]]:
        out: list[tuple[str, AssemblyResult | None]] = []
        for doc in docs:
            form_type = doc._.form_type
            if not form_type:
                from extractor.classify import classify_form_type

                form_type, _ = classify_form_type(doc.text)
                doc._.form_type = form_type
            out.append((form_type, run_rules(doc.text, form_type, nt=doc._.normalised)))
        return out

    def set_annotations(self, docs: Iterable[Doc], preds: list[tuple[str, AssemblyResult | None]]) -> None:
        for doc, (_form_type, result) in zip(docs, preds, strict=True):
            if result is None:
                doc._.filing = None
                doc._.field_spans, doc._.confidence = {}, {}
                doc._.warnings = ["not recognised as a Form 3/4/5 or Form D filing; nothing extracted"]
                continue
            if self.use_ner and isinstance(result.filing, OwnershipFiling):
                join_entities(doc, result)
            doc._.filing = result.filing
            doc._.field_spans = dict(result.spans)
            doc._.confidence = dict(result.confidence)
            doc._.warnings = list(result.warnings)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations([doc], self.predict([doc]))
        except Exception as e:
            error_handler(self.name, self, [doc], e)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:  # type: ignore[override]
        for doc in stream:
            yield self(doc)

    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        """Nothing to store (the rules are code); spaCy still expects the method."""

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> FilingsAssembler:
        return self


def run_rules(text: str, form_type: str, *, nt: NormalisedText | None = None) -> AssemblyResult | None:
    """The rule assembler of the form type on ``text`` (spans index ``text``), or None if none applies.

    Pass the caller's ``nt`` when there is one: without it the rules see an identity offset map and
    lose what only the source shows (form feeds between pdftotext pages).
    """
    if nt is None or nt.text != text:
        nt = NormalisedText(text, range(len(text) + 1), text)
    if form_type in OWNERSHIP_FORM_TYPES:
        from extractor.assemble.ownership import extract_ownership

        return extract_ownership(nt, form_type)
    if form_type in FORM_D_TYPES:
        from extractor.assemble.formd import extract_formd

        return extract_formd(nt)
    return None


def _in_table(doc: Doc, ent: Span) -> bool:
    for line in doc.spans.get("layout", []):
        if line.start_char <= ent.start_char < line.end_char:
            return line.label_ in TABLE_ROLES
    return False


def join_entities(doc: Doc, result: AssemblyResult) -> None:
    """Raise confidence where NER and rules agree; fill empty header fields from unique NER values."""
    by_label: dict[str, list[Span]] = {}
    for ent in doc.ents:
        by_label.setdefault(ent.label_, []).append(ent)
    for path, (start, end) in result.spans.items():
        label = FIELD_LABELS.get(field_key(path))
        if label is None:
            continue
        if any(e.start_char < end and start < e.end_char for e in by_label.get(label, ())):
            conf = result.confidence.get(path, 0.5)
            result.confidence[path] = conf + AGREE_BONUS * (1.0 - conf)
    filing = result.filing
    assert isinstance(filing, OwnershipFiling)  # checked by the caller
    for path, fill in FILLS.items():
        if fill.get(filing) is not None:
            continue
        ents = [e for e in by_label.get(fill.label, ()) if not _in_table(doc, e)]
        values = {fill.normalise(e.text) for e in ents} - {None}
        if len(values) != 1:
            continue  # none, or the NER disagrees with itself: not confident
        value = values.pop()
        ent = next(e for e in ents if fill.normalise(e.text) == value)
        fill.set(filing, value)
        result.spans[path] = (ent.start_char, ent.end_char)
        result.confidence[path] = NER_FILL_CONFIDENCE
        result.warnings.append(f"{path}: filled from the NER ({fill.label}), the rules found nothing")
