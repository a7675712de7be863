"""Per predicted field: was it right? The examples the confidence calibration is fitted on.

Every field path that carries a confidence (``non_derivative_transactions[2].transaction_shares``) is
compared with gold the way ``extractor evaluate`` compares it: numbers as numbers, dates as dates, text
case/punctuation/whitespace-folded (``evaluate.compare.values_equal``), rows of list fields matched to gold
rows by best agreement (``evaluate.matching.match_rows``) so a row out of order is not a wrong row.

Trap: ``street1``/``street2`` are broken differently by converters; like the evaluator, both are scored
as the joined ``street`` (a correct address split elsewhere is not two wrong fields).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extractor.evaluate.compare import is_present, values_equal
from extractor.evaluate.flatten import flatten_row
from extractor.evaluate.matching import match_rows
from extractor.evaluate.schema import STREET, kind_of

_PATH = re.compile(r"^(?P<head>[a-z_]+)(?:\[(?P<idx>\d+)\])?(?:\.(?P<key>[a-z_0-9]+))?$")


@dataclass
class Outcome:
    """One predicted field: path, predicted value, raw confidence and whether it equals gold."""

    path: str
    value: Any
    confidence: float
    correct: bool


def _get(filing: dict[str, Any], head: str, idx: int | None, key: str | None) -> Any:
    obj = filing.get(head)
    if idx is not None:
        obj = obj[idx] if isinstance(obj, list) and idx < len(obj) else None
    if key is not None:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def field_outcomes(pred: dict[str, Any], gold: dict[str, Any]) -> list[Outcome]:
    """Outcomes of every present predicted field of envelope dict ``pred`` that has a confidence."""
    pf, gf = pred.get("filing") or {}, gold.get("filing") or {}
    pairs: dict[str, dict[int, int]] = {}
    out: list[Outcome] = []
    for path, conf in sorted((pred.get("confidence") or {}).items()):
        if path == "form_type":
            out.append(
                Outcome(path, pred.get("form_type"), conf, pred.get("form_type") == gold.get("form_type"))
            )
            continue
        m = _PATH.match(path)
        if m is None:
            continue
        head, key = m.group("head"), m.group("key")
        idx = int(m.group("idx")) if m.group("idx") is not None else None
        value = _get(pf, head, idx, key)
        if not is_present(value):
            continue
        score_key = STREET if key in ("street1", "street2") else key
        if idx is None:
            gobj = gf.get(head)
            if key is None:
                gval = gobj
                kind = kind_of(head)
            else:
                gval = flatten_row(gobj).get(score_key) if isinstance(gobj, dict) else None
                pval = flatten_row(pf.get(head) or {}).get(score_key)
                value, kind = pval, kind_of(f"{head}.{score_key}")
            out.append(Outcome(path, value, conf, is_present(gval) and values_equal(kind, gval, value)))
            continue
        if head not in pairs:
            grows = [flatten_row(r) for r in gf.get(head) or [] if isinstance(r, dict)]
            prows = [flatten_row(r) for r in pf.get(head) or [] if isinstance(r, dict)]
            pairs[head] = {p: g for g, p in match_rows(head, grows, prows).pairs}
        gi = pairs[head].get(idx)
        prow = flatten_row((pf.get(head) or [])[idx])
        pval = prow.get(score_key) if key is not None else None
        if gi is None or key is None or not is_present(pval):
            out.append(Outcome(path, value, conf, False))
            continue
        grow = flatten_row((gf.get(head) or [])[gi])
        kind = kind_of(f"{head}[].{score_key}")
        out.append(Outcome(path, pval, conf, values_equal(kind, grow.get(score_key), pval)))
    return out
