"""Field-level scoring: TP/FP/FN per field path, group, form type and source style; micro and macro F1.

Rules (issue 2 §5):
- Only keys present (non-null) in gold are scored; a predicted value for a key gold lacks is ignored,
  except inside an extra (unmatched) predicted row, whose schema keys each count one FP.
- Equal value: one TP. Wrong value: one FP and one FN. Missing predicted value: one FN.
- A gold document absent from the predictions, or whose envelope has ``error`` set, counts all its gold
  keys as FN. ``form_type`` is scored as a field of the ``document`` group.
- Micro F1 pools the counts; macro F1 is the mean F1 over field paths that gold or pred has.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from extractor.evaluate.compare import difference, is_present, values_equal
from extractor.evaluate.flatten import flatten
from extractor.evaluate.matching import match_rows
from extractor.evaluate.schema import field_schema, group_of, kind_of

CONVERTERS = ("w3m", "pdf_layout", "ocr300")
_SEED_ID = re.compile(r"\d{3}_[0-9a-f]{16}")
ErrorKind = Literal["wrong", "missing", "extra"]


@dataclass
class Counts:
    """True positives, false positives, false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        # Nothing predicted: precision is vacuous; call it 1.0 only when nothing was expected either.
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def support(self) -> int:
        """Gold values scored (TP + FN)."""
        return self.tp + self.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ErrorItem:
    """One scored disagreement; ``pred_row``/``gold_row`` index the list field's rows, if any."""

    document_id: str
    path: str
    kind: ErrorKind
    gold: Any = None
    pred: Any = None
    gold_row: int | None = None
    pred_row: int | None = None
    severity: float = 1.0


@dataclass
class EvalResult:
    """Everything ``score`` measured; report writers read only this."""

    overall: Counts = field(default_factory=Counts)
    by_field: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_group: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_form_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_source: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[ErrorItem] = field(default_factory=list)
    n_gold_docs: int = 0
    n_pred_docs: int = 0
    missing_docs: list[str] = field(default_factory=list)
    error_docs: list[str] = field(default_factory=list)
    unscored_docs: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        fields = [c for c in self.by_field.values() if c.tp + c.fp + c.fn]
        return sum(c.f1 for c in fields) / len(fields) if fields else 0.0


def source_style(document_id: str, gold_env: dict[str, Any] | None = None) -> str:
    """Converter from the id suffix (``_w3m``, ``_pdf_layout``, ``_ocr300``), gold's key, or seed/other."""
    for conv in CONVERTERS:
        if document_id.endswith("_" + conv):
            return conv
    conv_key = (gold_env or {}).get("converter")
    if isinstance(conv_key, str) and conv_key:
        return conv_key
    return "seed" if _SEED_ID.fullmatch(document_id) else "other"


class _Scorer:
    """Adds one field outcome to every dimension it belongs to."""

    def __init__(self, result: EvalResult) -> None:
        self.result = result

    def count(
        self, doc: str, form: str, source: str, path: str, outcome: Counts, err: ErrorItem | None
    ) -> None:
        r = self.result
        for bucket in (
            r.by_field[path],
            r.by_group[group_of(path)],
            r.by_form_type[form],
            r.by_source[source],
            r.overall,
        ):
            bucket.add(outcome)
        if err is not None:
            r.errors.append(err)

    def compare(
        self,
        doc: str,
        form: str,
        source: str,
        path: str,
        gold: Any,
        pred: Any,
        gold_row: int | None = None,
        pred_row: int | None = None,
    ) -> None:
        kind = kind_of(path)
        if not is_present(pred):
            err = ErrorItem(doc, path, "missing", gold, None, gold_row, pred_row, severity=1.0)
            self.count(doc, form, source, path, Counts(fn=1), err)
        elif values_equal(kind, gold, pred):
            self.count(doc, form, source, path, Counts(tp=1), None)
        else:
            sev = 1.0 + difference(kind, gold, pred)  # wrong values rank above missing/extra ones
            err = ErrorItem(doc, path, "wrong", gold, pred, gold_row, pred_row, severity=sev)
            self.count(doc, form, source, path, Counts(fp=1, fn=1), err)


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> EvalResult:
    """Score predicted envelopes against gold envelopes (both keyed by document id, as plain dicts)."""
    result = EvalResult(n_gold_docs=len(gold), n_pred_docs=len(pred))
    result.unscored_docs = sorted(set(pred) - set(gold))
    scorer = _Scorer(result)
    table_keys = field_schema().table_keys
    for doc, genv in gold.items():
        form = str(genv.get("form_type") or "unknown")
        source = source_style(doc, genv)
        penv = pred.get(doc)
        if penv is None:
            result.missing_docs.append(doc)
            penv = {}
        elif penv.get("error"):
            result.error_docs.append(doc)
            penv = {}
        g = flatten(genv.get("form_type"), genv.get("filing"))
        p = flatten(penv.get("form_type"), penv.get("filing"))
        for path, gv in g.scalars.items():
            scorer.compare(doc, form, source, path, gv, p.scalars.get(path))
        for table in sorted(set(g.tables) | set(p.tables)):
            grows, prows = g.tables.get(table, []), p.tables.get(table, [])
            match = match_rows(table, grows, prows)
            for gi, pj in match.pairs:
                for key, gv in grows[gi].items():
                    scorer.compare(doc, form, source, f"{table}[].{key}", gv, prows[pj].get(key), gi, pj)
            for gi in match.unmatched_gold:
                for key, gv in grows[gi].items():
                    path = f"{table}[].{key}"
                    err = ErrorItem(doc, path, "missing", gv, None, gi, None, severity=0.9)
                    scorer.count(doc, form, source, path, Counts(fn=1), err)
            allowed = table_keys.get(table)
            for pj in match.unmatched_pred:
                for key, pv in prows[pj].items():
                    if allowed is not None and key not in allowed:
                        continue
                    path = f"{table}[].{key}"
                    err = ErrorItem(doc, path, "extra", None, pv, None, pj, severity=0.8)
                    scorer.count(doc, form, source, path, Counts(fp=1), err)
    return result


def worst_errors(result: EvalResult, limit: int = 30) -> list[ErrorItem]:
    """Up to ``limit`` errors, round-robin over field paths, the paths with most errors first.

    Within a path the most severe come first (wrong value > missing row key > extra row key; wrong values
    by how far apart they are). Round-robin because sorting by severity alone lets one systematic error
    (say every ``$0`` price read as ``1``) fill the whole list and hide every other field's problems.
    """
    by_path: dict[str, list[ErrorItem]] = defaultdict(list)
    for err in result.errors:
        by_path[err.path].append(err)
    queues = [
        sorted(errs, key=lambda e: (-e.severity, e.document_id, e.gold_row or 0))
        for _, errs in sorted(by_path.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    out: list[ErrorItem] = []
    depth = 0
    while len(out) < limit and any(depth < len(q) for q in queues):
        out += [q[depth] for q in queues if depth < len(q)][: limit - len(out)]
        depth += 1
    return out
