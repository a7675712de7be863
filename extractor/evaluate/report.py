"""Evaluation results -> a JSON-ready dict and a Markdown summary (``report.json``, ``report.md``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.evaluate.metrics import Counts, ErrorItem, EvalResult, worst_errors
from extractor.evaluate.people import PeopleResult


@dataclass
class Evaluation:
    """One ``evaluate`` run: the scores of the predictions, and optionally of a baseline and of people."""

    result: EvalResult
    gold_path: Path
    pred_path: Path
    people: PeopleResult | None = None
    baseline: EvalResult | None = None
    baseline_path: Path | None = None
    # The envelopes themselves, for source text and provenance in the HTML report.
    gold_docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    pred_docs: dict[str, dict[str, Any]] = field(default_factory=dict)


def _table(counts: dict[str, Counts]) -> dict[str, dict[str, float | int]]:
    return {k: counts[k].to_dict() for k in sorted(counts)}


def summary(result: EvalResult) -> dict[str, Any]:
    """Overall numbers of one result."""
    return {
        "micro": result.overall.to_dict(),
        "macro_f1": round(result.macro_f1, 4),
        "gold_documents": result.n_gold_docs,
        "pred_documents": result.n_pred_docs,
        "missing_documents": len(result.missing_docs),
        "error_documents": len(result.error_docs),
        "unscored_documents": len(result.unscored_docs),
    }


def error_dict(err: ErrorItem) -> dict[str, Any]:
    return {
        "document_id": err.document_id,
        "path": err.path,
        "kind": err.kind,
        "gold": err.gold,
        "pred": err.pred,
        "gold_row": err.gold_row,
        "pred_row": err.pred_row,
    }


def to_json(ev: Evaluation) -> dict[str, Any]:
    """The whole evaluation as plain JSON data."""
    r = ev.result
    out: dict[str, Any] = {
        "gold": str(ev.gold_path),
        "pred": str(ev.pred_path),
        "summary": summary(r),
        "by_group": _table(r.by_group),
        "by_form_type": _table(r.by_form_type),
        "by_source": _table(r.by_source),
        "by_field": _table(r.by_field),
        "missing_documents": r.missing_docs,
        "error_documents": r.error_docs,
        "worst_errors": [error_dict(e) for e in worst_errors(r)],
    }
    if ev.people is not None:
        out["people"] = ev.people.to_dict()
    if ev.baseline is not None:
        out["baseline"] = {
            "pred": str(ev.baseline_path),
            "summary": summary(ev.baseline),
            "by_group": _table(ev.baseline.by_group),
            "by_field": _table(ev.baseline.by_field),
        }
    return out


def f1_delta(current: EvalResult, baseline: EvalResult) -> list[tuple[str, float, float]]:
    """(field, baseline F1, current F1) for every field either run scored, largest change first."""
    fields = sorted(set(current.by_field) | set(baseline.by_field))
    rows = [
        (
            f,
            baseline.by_field[f].f1 if f in baseline.by_field else 0.0,
            current.by_field[f].f1 if f in current.by_field else 0.0,
        )
        for f in fields
    ]
    return sorted(rows, key=lambda t: (-abs(t[2] - t[1]), t[0]))


def _md_counts(title: str, counts: dict[str, Counts]) -> list[str]:
    lines = [f"### {title}", "", "| | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
    for k in sorted(counts):
        c = counts[k]
        lines.append(
            f"| `{k}` | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | {c.fp} | {c.fn} |"
        )
    return [*lines, ""]


def _md_value(value: Any) -> str:
    s = "" if value is None else str(value)
    s = s.replace("|", "\\|").replace("\n", " ")
    return s if len(s) <= 60 else s[:57] + "..."


def to_markdown(ev: Evaluation) -> str:
    """A Markdown report: summary, tables per group/form type/source/field, worst errors."""
    r = ev.result
    o = r.overall
    lines = [
        "# Evaluation report",
        "",
        f"Gold `{ev.gold_path}` ({r.n_gold_docs} documents), predictions `{ev.pred_path}` "
        f"({r.n_pred_docs} documents; {len(r.missing_docs)} missing, {len(r.error_docs)} with errors).",
        "",
        f"**Micro** P {o.precision:.3f} / R {o.recall:.3f} / F1 {o.f1:.3f} "
        f"(TP {o.tp}, FP {o.fp}, FN {o.fn}); **macro F1** {r.macro_f1:.3f} over {len(r.by_field)} fields.",
        "",
    ]
    if ev.people is not None:
        pw, b3 = ev.people.pairwise, ev.people.bcubed
        lines += [
            f"**People** ({ev.people.n_gold_mentions} gold mentions, {ev.people.n_gold_clusters} people): "
            f"pairwise P {pw.precision:.3f} / R {pw.recall:.3f} / F1 {pw.f1:.3f}; "
            f"B-cubed P {b3.precision:.3f} / R {b3.recall:.3f} / F1 {b3.f1:.3f}.",
            "",
        ]
    if ev.baseline is not None:
        b = ev.baseline
        lines += [
            f"**Baseline** `{ev.baseline_path}`: micro F1 {b.overall.f1:.3f}, macro F1 {b.macro_f1:.3f} "
            f"(current {o.f1:.3f} / {r.macro_f1:.3f}).",
            "",
        ]
    lines += _md_counts("By group", r.by_group)
    lines += _md_counts("By form type", r.by_form_type)
    lines += _md_counts("By source style", r.by_source)
    lines += _md_counts("By field", r.by_field)
    lines += ["### Worst errors", "", "| document | field | kind | gold | predicted |"]
    lines.append("|---|---|---|---|---|")
    for e in worst_errors(r):
        lines.append(
            f"| {e.document_id} | `{e.path}` | {e.kind} | {_md_value(e.gold)} | {_md_value(e.pred)} |"
        )
    return "\n".join(lines) + "\n"
