"""Gold rows <-> predicted rows of one list field, by best agreement (Hungarian algorithm).

The weight of a (gold row, predicted row) pair is the number of gold keys whose predicted value is equal;
``scipy.optimize.linear_sum_assignment`` maximises the total. Rows therefore match whatever their order.
A pair that agrees on no key at all is dropped from the matching: a row that shares nothing is not the
same row, and keeping it would hide an extra row behind a wrong-value count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from extractor.evaluate.compare import values_equal
from extractor.evaluate.schema import kind_of


@dataclass
class RowMatch:
    """Index pairs (gold, pred) plus the rows left over on either side."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    unmatched_gold: list[int] = field(default_factory=list)
    unmatched_pred: list[int] = field(default_factory=list)


def agreement(table: str, gold_row: dict[str, Any], pred_row: dict[str, Any]) -> int:
    """How many of the gold row's keys the predicted row states equally."""
    return sum(1 for k, g in gold_row.items() if values_equal(kind_of(f"{table}[].{k}"), g, pred_row.get(k)))


def match_rows(table: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> RowMatch:
    """Best one-to-one matching of ``gold`` rows to ``pred`` rows of list field ``table``."""
    if not gold or not pred:
        return RowMatch(unmatched_gold=list(range(len(gold))), unmatched_pred=list(range(len(pred))))
    weights = np.array([[agreement(table, g, p) for p in pred] for g in gold], dtype=float)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    pairs = [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if weights[r, c] > 0]
    used_g = {g for g, _ in pairs}
    used_p = {p for _, p in pairs}
    return RowMatch(
        pairs=pairs,
        unmatched_gold=[i for i in range(len(gold)) if i not in used_g],
        unmatched_pred=[j for j in range(len(pred)) if j not in used_p],
    )
