"""NER training data: gold records -> aligned character spans -> spaCy ``Doc`` objects with ``doc.ents``.

Sources: the dev gold (``annotations/dev`` records over ``../shared/data/dev/docs`` texts; spans placed by
``training.align.align_record``) and, when asked, generated filings (``training.generate``: exact spans).

Every span goes through ``doc.char_span(..., alignment_mode="contract")`` (and ``"expand"`` when
contracting leaves nothing). Spans that still do not align and spans dropped as overlaps are COUNTED and
reported in ``NerDataReport``, never dropped silently. Overlaps are resolved longest-first
(``spacy.util.filter_spans``).

The held-out split keeps the *insiders* of evaluation documents out of training: documents are split
by reporting owner (``split_by_owner``), so the model is never scored on an owner it has seen.

Run ``python -m training.ner_data --out DIR`` to write ``train.spacy`` / ``heldout.spacy`` and a report.
"""

from __future__ import annotations

import argparse
import bisect
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from extractor.ingest import NormalisedText, normalise, read_document
from extractor.records import Envelope, read_gold_dir
from training.align import LABELS, align_record

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
DEV_GOLD = REPO / "annotations" / "dev"
DEV_DOCS = REPO.parent / "shared" / "data" / "dev" / "docs"
# Owners whose documents are trained on in the held-out run; everyone else is evaluation.
TRAIN_OWNERS = ("BOTHA ROELOF", "THIEL PETER")
# The NER learns every field the rules read, header, table cells and Form D, except free prose:
# footnote texts and remarks (paragraphs; the rules read them from their numbered lines) and the Form D
# business description. Their spans are still kept in ``doc.spans["aligned"]``: the layout tagger learns
# line roles (footnote) from them. Trap: the transition-based NER's cost grows with the tokens it reads,
# so boilerplate, table headers and footnotes stay merged into one token per line by the layout tagger
# (``training/configs/ner.cfg`` merge_roles); table data rows are read token by token since 0.5.0.
PROSE_LABELS = frozenset({"FOOTNOTE", "REMARKS", "BUSINESS_DESCRIPTION"})
NER_LABELS = frozenset(LABELS.values()) - PROSE_LABELS
# Share of the generated training documents that are paper-era Form D (aligned spans).
FORMD_SHARE = 0.25
ALIGNED_KEY = "aligned"  # span group of every aligned value (all labels, overlaps allowed)
ALL_LABELS = frozenset(LABELS.values())


@dataclass
class NerDataReport:
    """What happened to the spans: placed, unaligned (no token boundary), dropped as overlaps."""

    docs: int = 0
    spans: int = 0
    placed: int = 0
    expanded: int = 0
    unaligned: Counter[str] = field(default_factory=Counter)
    overlaps: Counter[str] = field(default_factory=Counter)
    layout_only: Counter[str] = field(default_factory=Counter)  # aligned, kept for the layout tagger only
    missing_values: int = 0  # values the aligner could not place at all
    skipped_docs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "docs": self.docs,
            "spans": self.spans,
            "placed": self.placed,
            "expanded": self.expanded,
            "unaligned": sum(self.unaligned.values()),
            "unaligned_by_label": dict(self.unaligned.most_common()),
            "overlaps": sum(self.overlaps.values()),
            "overlaps_by_label": dict(self.overlaps.most_common()),
            "layout_only": sum(self.layout_only.values()),
            "layout_only_by_label": dict(self.layout_only.most_common()),
            "missing_values": self.missing_values,
            "skipped_docs": self.skipped_docs,
        }


@dataclass
class GoldDoc:
    """One dev document: its gold envelope and normalised text."""

    doc_id: str
    envelope: Envelope
    nt: NormalisedText

    @property
    def owners(self) -> tuple[str, ...]:
        filing = self.envelope.filing
        return tuple(o.name or "" for o in getattr(filing, "reporting_owners", []) or [])


def load_gold_docs(
    gold_dir: Path = DEV_GOLD, docs_dir: Path = DEV_DOCS, ids: Iterable[str] | None = None
) -> list[GoldDoc]:
    """Gold records that have a text in ``docs_dir`` (sorted by id), optionally only ``ids``."""
    wanted = set(ids) if ids is not None else None
    out = []
    for env in read_gold_dir(gold_dir):
        if wanted is not None and env.document_id not in wanted:
            continue
        path = docs_dir / f"{env.document_id}.txt"
        if path.is_file():
            out.append(GoldDoc(env.document_id, env, read_document(path)))
    return sorted(out, key=lambda g: g.doc_id)


def owner_words(name: str) -> frozenset[str]:
    """The lower-cased words of an owner name (``"Levchin Max R."`` -> ``{"levchin", "max", "r"}``)."""
    return frozenset(re.findall(r"[^\W_]+", name.lower()))


def owner_matches(name: str, query: str) -> bool:
    """Whether every word of ``query`` is a word of the owner ``name`` (``thiel`` matches ``THIEL PETER``,
    not ``Thielen``); an empty query matches nothing."""
    words = owner_words(query)
    return bool(words) and words <= owner_words(name)


def split_by_owner(
    docs: Sequence[GoldDoc],
    train_owners: Sequence[str] = TRAIN_OWNERS,
    *,
    heldout_owners: Sequence[str] | None = None,
) -> tuple[list[GoldDoc], list[GoldDoc]]:
    """``(train, heldout)``: a document is trained on when any of its owners is in ``train_owners``;
    held out only when none is (a co-filing with a training owner stays in training).

    With ``heldout_owners`` (names or parts of names, ``owner_matches``) the split turns around:
    a document is held out when any of its owners matches one of them (a co-filing with a held-out owner
    is held out, so the model never sees that owner) and ``train_owners`` is ignored."""
    if heldout_owners is not None:
        held = [d for d in docs if any(owner_matches(o, q) for o in d.owners for q in heldout_owners)]
        ids = {d.doc_id for d in held}
        return [d for d in docs if d.doc_id not in ids], held
    wanted = {o.upper() for o in train_owners}
    train = [d for d in docs if any(o.upper() in wanted for o in d.owners)]
    heldout = [d for d in docs if not any(o.upper() in wanted for o in d.owners)]
    return train, heldout


def _trim(span: Span) -> Span | None:
    """Drop whitespace tokens at the edges. Trap: spaCy's NER oracle cannot supervise an entity that
    starts or ends on whitespace (E024 mid-training), and ``expand`` can take in a whitespace token."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return Span(doc, start, end, label=span.label) if end > start else None


def make_doc(nlp: Language, text: str, spans: Iterable[tuple[int, int, str]], report: NerDataReport) -> Doc:
    """Tokenize ``text``; every span goes to ``doc.spans["aligned"]``, the NER labels also to ``doc.ents``
    (overlaps resolved longest-first); what does not fit is counted in ``report``."""
    doc = nlp.make_doc(text)
    aligned: list[Span] = []
    for start, end, label in spans:
        report.spans += 1
        span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None or not len(span):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                report.expanded += 1
        span = _trim(span) if span is not None else None
        if span is None or not len(span):
            report.unaligned[label] += 1
            continue
        aligned.append(span)
        if label not in NER_LABELS:
            report.layout_only[label] += 1
    doc.spans[ALIGNED_KEY] = aligned
    ents = [span for span in aligned if span.label_ in NER_LABELS]
    kept = filter_spans(ents)
    kept_ids = {(s.start, s.end, s.label_) for s in kept}
    for span in ents:
        if (span.start, span.end, span.label_) not in kept_ids:
            report.overlaps[span.label_] += 1
    report.placed += len(kept)
    report.docs += 1
    doc.ents = kept
    return doc


def gold_docs_to_docs(nlp: Language, docs: Sequence[GoldDoc], report: NerDataReport) -> list[Doc]:
    """Align each gold record to its text and build the annotated ``Doc`` (``doc.user_data["id"]``)."""
    out = []
    for gold in docs:
        result = align_record(gold.envelope, gold.nt)
        report.missing_values += len(result.missing)
        spans = [(s.start, s.end, s.label) for s in result.spans]
        doc = make_doc(nlp, gold.nt.text, spans, report)
        doc.user_data["id"] = gold.doc_id
        out.append(doc)
    return out


def generated_docs(
    nlp: Language, n: int, *, seed: int, report: NerDataReport, formd_share: float = FORMD_SHARE
) -> list[Doc]:
    """``n`` generated filings, a ``formd_share`` of them Form D, with their spans mapped into the
    normalised text (exact for Forms 3/4/5, aligned for Form D: ``training.generate.corpus``).

    Trap: the generator's spans index its raw text; the pipeline reads ``normalise(text).text``, which
    may differ (markdown, entities). Offsets are mapped through the ingest offset map. Labels that are
    not the aligner's (checkbox marks, footnote references) are left out: the dev gold has none.
    """
    from training.generate import generate_corpus

    out = []
    for gen in generate_corpus(n, seed=seed, formd_share=formd_share):
        nt = normalise(gen.text)
        src = [nt.offsets[i] for i in range(len(nt.text) + 1)]
        spans = []
        for _path, label, s, e in gen.spans:
            if label not in ALL_LABELS:
                continue  # checkbox marks, footnote references: not aligner labels (see docstring)
            ns, ne = bisect.bisect_left(src, s), bisect.bisect_left(src, e)
            spans.append((ns, ne, label))
        doc = make_doc(nlp, nt.text, spans, report)
        doc.user_data["id"] = gen.doc_id
        out.append(doc)
    return out


def write_docbin(docs: Sequence[Doc], path: Path) -> None:
    """Save ``docs`` as a ``DocBin`` (user data included, so document ids survive)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)


def blank_nlp() -> Language:
    """A blank English pipeline with the filings tokenizer (what the trained pipeline tokenizes with)."""
    import spacy

    from extractor.pipeline.tokenizer import build_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = build_tokenizer(nlp)
    return nlp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write NER DocBins (held-out split by reporting owner).")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--gold", type=Path, default=DEV_GOLD, help="gold records directory")
    parser.add_argument("--docs", type=Path, default=DEV_DOCS, help="document texts directory")
    parser.add_argument("--generated", type=int, default=0, help="generated documents to add to training")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    nlp = blank_nlp()
    train, heldout = split_by_owner(load_gold_docs(args.gold, args.docs))
    report = NerDataReport()
    train_docs = gold_docs_to_docs(nlp, train, report)
    if args.generated:
        train_docs += generated_docs(nlp, args.generated, seed=args.seed, report=report)
    write_docbin(train_docs, args.out / "train.spacy")
    write_docbin(gold_docs_to_docs(nlp, heldout, report), args.out / "heldout.spacy")
    (args.out / "report.json").write_text(json.dumps(report.to_dict(), indent=1) + "\n", encoding="utf-8")
    log.info("spans: %s", report.to_dict())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
