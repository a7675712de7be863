"""``filings_assembler_v1``: the last component; joins the NER entities with the rule assemblers.

For each field path the rule assembler (``extractor.assemble``) gives a value and a character span:

- where the NER found an entity of the field's label (``extractor.pipeline.labels.LABELS``) overlapping
  that span, the field's confidence rises (``AGREE_BONUS``);
- where the rule assembler left a field empty that ``extractor.pipeline.fills`` lists (header fields of
  Forms 3/4/5 and scalar Form D fields outside Tables I/II per the layout tagger's spans; the empty cells
  of a table row on the lines of that row's other cells) and the NER has exactly one distinct value of
  that label there, overlapping no value already read, the value is filled from the entity, normalised
  like the rules', at ``NER_FILL_CONFIDENCE`` and with a warning saying so.
- Table I rows are read from the entities in reading order (``extractor.pipeline.entity_rows``): rows
  the rules lost are appended, empty cells of a row the two read differently are filled, and a
  price/amount-owned pair the rules read otherwise than the entity row of the same date and shares is
  replaced; all at ``NER_FILL_CONFIDENCE`` with a warning.

Results land on ``doc._.filing`` (a records dataclass), ``doc._.field_spans`` (path -> (start, end) into
``doc.text``), ``doc._.confidence`` and ``doc._.warnings``; ``extractor.extract`` turns them into an
Envelope. The form type is read from ``doc._.form_type`` when the caller set it, else classified here.
The rules' record is read from ``doc._.rules_result`` when the caller has run them on this text (the
extraction cascade), else the rules run here. The NER is joined for Forms 3/4/5 and paper-era Form D only
(``ner_knows_layout``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from extractor.assemble.result import AssemblyResult
from extractor.ingest import NormalisedText
from extractor.pipeline.entity_rows import entity_rows, plan_repairs, table_i_region
from extractor.pipeline.fills import CELL_FILLS, FORMD_FILLS, HEADER_FILLS, get_path, set_path
from extractor.pipeline.labels import LABELS as FIELD_LABELS
from extractor.pipeline.labels import OWNERSHIP_TABLES as _TABLES
from extractor.pipeline.labels import field_key
from extractor.records import FORM_D_TYPES, OWNERSHIP_FORM_TYPES, OwnershipFiling

AGREE_BONUS = 0.5  # share of the remaining doubt (1 - confidence) removed when NER and rules agree
NER_FILL_CONFIDENCE = 0.6
TABLE_ROLES = frozenset({"data_row", "continuation", "table_header"})
_NEWLINE = re.compile("\n")


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
            given = doc._.rules_result
            if isinstance(given, AssemblyResult):
                out.append((form_type, given))  # the caller ran the rules on this text already
            else:
                out.append((form_type, run_rules(doc.text, form_type, nt=doc._.normalised)))
        return out

    def set_annotations(self, docs: Iterable[Doc], preds: list[tuple[str, AssemblyResult | None]]) -> None:
        for doc, (_form_type, result) in zip(docs, preds, strict=True):
            if result is None:
                doc._.filing = None
                doc._.field_spans, doc._.confidence = {}, {}
                doc._.warnings = ["not recognised as a Form 3/4/5 or Form D filing; nothing extracted"]
                continue
            if self.use_ner and ner_knows_layout(doc.text, result):
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


def ner_knows_layout(text: str, result: AssemblyResult) -> bool:
    """Whether the NER was trained on this kind of form: Forms 3/4/5 and paper-era Form D, not the
    electronic Form D (its generated training data are paper-era renders only). Trap: on electronic
    Form D pages the NER tags dates as signer names; joining them once cost 0.3 F1 points there."""
    if isinstance(result.filing, OwnershipFiling):
        return True
    from extractor.assemble.formd_electronic import is_electronic_formd

    return not is_electronic_formd(text)


def _in_table(doc: Doc, ent: Span) -> bool:
    for line in doc.spans.get("layout", []):
        if line.start_char <= ent.start_char < line.end_char:
            return line.label_ in TABLE_ROLES
    return False


def _overlaps(ent: Span, spans: Iterable[tuple[int, int]]) -> bool:
    return any(ent.start_char < end and start < ent.end_char for start, end in spans)


def _unique(ents: Iterable[Span], normalise: Callable[[str], Any]) -> tuple[Any, Span] | None:
    """The one distinct normalised value of ``ents`` and its first entity; None for none or several."""
    found: dict[Any, Span] = {}
    for ent in ents:
        value = normalise(ent.text)
        if value is not None:
            found.setdefault(value, ent)
    return next(iter(found.items())) if len(found) == 1 else None


def _fill(result: AssemblyResult, path: str, value: Any, ent: Span, label: str) -> None:
    result.spans[path] = (ent.start_char, ent.end_char)
    result.confidence[path] = NER_FILL_CONFIDENCE
    result.warnings.append(f"{path}: filled from the NER ({label}), the rules found nothing")


def join_entities(doc: Doc, result: AssemblyResult) -> None:
    """Raise confidence where NER and rules agree; fill empty fields from unique NER values
    (``extractor.pipeline.fills``: header and Form D fields, and the empty cells of table rows)."""
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
    taken = list(result.spans.values())
    fills = HEADER_FILLS if isinstance(filing, OwnershipFiling) else FORMD_FILLS
    for fill in fills:
        if get_path(filing, fill.path) is not None:
            continue
        ents = [e for e in by_label.get(fill.label, ()) if not _in_table(doc, e) and not _overlaps(e, taken)]
        found = _unique(ents, fill.normalise)
        if found is not None:
            set_path(filing, fill.path, found[0])
            _fill(result, fill.path, found[0], found[1], fill.label)
    if isinstance(filing, OwnershipFiling):
        _fill_cells(doc, filing, result, by_label)
        _join_entity_rows(doc, filing, result)


def _join_entity_rows(doc: Doc, filing: OwnershipFiling, result: AssemblyResult) -> None:
    """Apply ``entity_rows.plan_repairs``: append the Table I rows the rules lost, set the cells of
    rule rows the entity rows read otherwise; each value at ``NER_FILL_CONFIDENCE`` with a warning."""
    region = table_i_region(doc.text)
    if region is None:
        return
    rows = entity_rows(doc.text, doc.ents, region)
    for repair in plan_repairs(rows, filing.non_derivative_transactions, filing.non_derivative_holdings):
        target = getattr(filing, repair.table)
        if repair.index is None:
            prefix = f"{repair.table}[{len(target)}]."
            target.append(repair.row.record())
            leaves: Iterable[str] = repair.row.spans
            result.warnings.append(
                f"{prefix.rstrip('.')}: row read from the NER's entities, the rules missed it"
            )
        else:
            prefix = f"{repair.table}[{repair.index}]."
            rule_row = target[repair.index]
            for leaf in repair.leaves:
                old = getattr(rule_row, leaf)
                how = "filled" if old is None else f"replaced ({old!r} before)"
                setattr(rule_row, leaf, repair.row.values[leaf])
                result.warnings.append(f"{prefix}{leaf}: {how} from the NER's reading of the row")
            leaves = repair.leaves
        for leaf in leaves:
            result.spans[prefix + leaf] = repair.row.spans[leaf]
            result.confidence[prefix + leaf] = NER_FILL_CONFIDENCE


def _fill_cells(
    doc: Doc, filing: OwnershipFiling, result: AssemblyResult, by_label: dict[str, list[Span]]
) -> None:
    """Empty cells of the rules' table rows, from entities on the lines of the row's other cells."""
    starts = [0] + [m.end() for m in _NEWLINE.finditer(doc.text)]

    def line_of(char: int) -> int:
        return bisect.bisect_right(starts, char) - 1

    taken = list(result.spans.values())
    for table in _TABLES:
        for i, row in enumerate(getattr(filing, table)):
            prefix = f"{table}[{i}]."
            lines: set[int] = set()
            for path, (start, end) in result.spans.items():
                if path.startswith(prefix):
                    lines.add(line_of(start))
                    lines.add(line_of(max(start, end - 1)))
            if not lines:
                continue  # a row with no span: nowhere to look
            for leaf, (label, normalise) in CELL_FILLS.items():
                if not hasattr(row, leaf) or getattr(row, leaf) is not None:
                    continue
                ents = [
                    e
                    for e in by_label.get(label, ())
                    if line_of(e.start_char) in lines and not _overlaps(e, taken)
                ]
                found = _unique(ents, normalise)
                if found is None:
                    continue
                setattr(row, leaf, found[0])
                _fill(result, prefix + leaf, found[0], found[1], label)
                taken.append((found[1].start_char, found[1].end_char))
