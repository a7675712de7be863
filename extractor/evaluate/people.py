"""People resolution scoring: pairwise and B-cubed precision/recall/F1 over name mentions.

A mention is ``(document_id, name as printed)``; names are compared after ``normalize_text`` so a
stray space does not lose a mention. Gold clusters come from the people file (canonical person ->
``["doc_id:name", ...]``); predicted clusters group mentions by the ``person_id`` on person-bearing
objects (reporting owners, signatures, related persons, the Form D signature). Scoring is restricted to
mentions present in gold: a gold mention that the prediction lacks, or that carries no ``person_id``,
is its own singleton cluster (it loses recall, never gains precision).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from extractor.evaluate.compare import normalize_text

Mention = tuple[str, str]


@dataclass
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, p: float, r: float) -> PRF:
        return cls(p, r, 0.0 if p + r == 0 else 2 * p * r / (p + r))

    def to_dict(self) -> dict[str, float]:
        p, r, f = (round(v, 4) for v in (self.precision, self.recall, self.f1))
        return {"precision": p, "recall": r, "f1": f}


@dataclass
class PeopleResult:
    """Pairwise and B-cubed scores, with the mention counts behind them."""

    pairwise: PRF
    bcubed: PRF
    n_gold_mentions: int
    n_gold_clusters: int
    n_found_mentions: int
    gold_pairs: int
    pred_pairs: int
    common_pairs: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairwise": self.pairwise.to_dict(),
            "bcubed": self.bcubed.to_dict(),
            "gold_mentions": self.n_gold_mentions,
            "gold_clusters": self.n_gold_clusters,
            "found_mentions": self.n_found_mentions,
            "gold_pairs": self.gold_pairs,
            "pred_pairs": self.pred_pairs,
            "common_pairs": self.common_pairs,
        }


def mention_key(document_id: str, name: str) -> Mention:
    return document_id, normalize_text(name)


def gold_clusters(people: dict[str, list[str]]) -> dict[Mention, str]:
    """Mention -> gold person from ``{person: ["doc_id:name", ...]}``; the first person wins a duplicate."""
    out: dict[Mention, str] = {}
    for person, mentions in people.items():
        for m in mentions:
            doc, _, name = m.partition(":")
            out.setdefault(mention_key(doc, name), person)
    return out


def _person_objects(filing: dict[str, Any]) -> Iterable[tuple[Any, Any]]:
    """(name as printed, person_id) of every person-bearing object in one filing dict."""
    for table in ("reporting_owners", "signatures", "related_persons"):
        for row in filing.get(table) or []:
            if isinstance(row, dict):
                yield row.get("name"), row.get("person_id")
    sig = filing.get("signature")
    if isinstance(sig, dict):
        yield sig.get("name_of_signer"), sig.get("person_id")


def pred_clusters(pred: dict[str, dict[str, Any]]) -> dict[Mention, str]:
    """Mention -> predicted ``person_id`` over every envelope (mentions without an id are left out)."""
    out: dict[Mention, str] = {}
    for doc, env in pred.items():
        for name, pid in _person_objects(env.get("filing") or {}):
            if isinstance(name, str) and name.strip() and isinstance(pid, str) and pid:
                out.setdefault(mention_key(doc, name), pid)
    return out


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def score_people(people_gold: dict[str, list[str]], pred: dict[str, dict[str, Any]]) -> PeopleResult:
    """Pairwise and B-cubed scores of the predicted person ids against the gold people file."""
    gold = gold_clusters(people_gold)
    found = pred_clusters(pred)
    # Restrict to gold mentions; a gold mention without a prediction gets a unique singleton label.
    # The NUL prefix keeps singleton labels apart from any real person_id.
    pred_of = {m: found.get(m, f"\0single:{m[0]}:{m[1]}") for m in gold}
    gold_sizes = Counter(gold.values())
    pred_sizes = Counter(pred_of.values())
    cells = Counter((gold[m], pred_of[m]) for m in gold)
    g_pairs, p_pairs = _pairs(gold_sizes.values()), _pairs(pred_sizes.values())
    c_pairs = _pairs(cells.values())
    pw_p = c_pairs / p_pairs if p_pairs else (1.0 if g_pairs == 0 else 0.0)
    pw_r = c_pairs / g_pairs if g_pairs else 1.0
    # B-cubed: per mention, overlap of its gold and predicted cluster; cell sizes give it directly.
    n = len(gold)
    b_p = sum(cells[(gold[m], pred_of[m])] / pred_sizes[pred_of[m]] for m in gold) / n if n else 0.0
    b_r = sum(cells[(gold[m], pred_of[m])] / gold_sizes[gold[m]] for m in gold) / n if n else 0.0
    return PeopleResult(
        pairwise=PRF.of(pw_p, pw_r),
        bcubed=PRF.of(b_p, b_r),
        n_gold_mentions=n,
        n_gold_clusters=len(gold_sizes),
        n_found_mentions=sum(1 for m in gold if m in found),
        gold_pairs=g_pairs,
        pred_pairs=p_pairs,
        common_pairs=c_pairs,
    )
