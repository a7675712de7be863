"""Resolve N generated mentions against a fresh registry; report time, peak memory and accuracy.

Mentions are drawn from the US Census name lists (the same lists the matcher uses for rarity), so
common names (JOHN SMITH) collide as they do in real data; each person has an issuer and an address
and is printed in the orders filings use (EDGAR ``LAST FIRST M``, ``Last, First M.``, signatures
``/s/ First M. Last``), with occasional OCR slips.

    python benchmarks/people_resolution.py --mentions 100000
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections import Counter
from importlib import resources
from pathlib import Path

from extractor.people.matcher import Mention
from extractor.people.registry import Registry
from extractor.people.resolve import Resolver


def _names(filename: str, limit: int) -> list[str]:
    text = resources.files("names").joinpath(filename).read_bytes().decode("ascii", errors="ignore")
    return [line.split()[0] for line in text.splitlines()[:limit] if line.strip()]


def _slip(rng: random.Random, s: str) -> str:
    if len(s) < 6 or rng.random() > 0.05:
        return s
    i = rng.randrange(3, len(s))
    return s[:i] + {"I": "L", "L": "I", "E": "F", "O": "0"}.get(s[i], s[i]) + s[i + 1 :]


def generate(n_mentions: int, seed: int) -> list[tuple[Mention, int]]:
    rng = random.Random(seed)
    firsts = _names("dist.male.first", 1000) + _names("dist.female.first", 1000)
    lasts = _names("dist.all.last", 20000)
    n_people = max(1, n_mentions // 4)
    people = []
    for pid in range(n_people):
        first, last = rng.choice(firsts), rng.choice(lasts)
        middle = rng.choice("ABCDEFGHJKLMNPRSTW")
        issuers = [f"issuer {rng.randrange(5000)} inc" for _ in range(rng.randint(1, 3))]
        address = f"{rng.randrange(1, 9999)} {rng.choice(lasts).lower()} street {rng.randrange(10000, 99999)}"
        people.append((pid, first, middle, last, issuers, address))
    out = []
    for i in range(n_mentions):
        pid, first, middle, last, issuers, address = people[rng.randrange(n_people)]
        style = rng.randrange(3)
        if style == 0:
            printed, role = f"{_slip(rng, last)} {first} {middle}", "owner"
        elif style == 1:
            printed, role = f"{last.title()}, {first.title()} {middle}.", "related_person"
        else:
            printed, role = f"/s/ {first.title()} {middle}. {last.title()}", "signer"
        m = Mention(
            document_id=f"doc{i}",
            field="f",
            printed=printed,
            role=role,
            issuer=rng.choice(issuers),
            address=address if role != "signer" else "",
        )
        out.append((m, pid))
    return out


def pairwise(gold: list[int], pred: list[str]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 from cluster contingency counts (no n x n loop)."""

    def pairs(counter: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    tp = pairs(Counter(zip(gold, pred, strict=True)))
    pred_pairs, gold_pairs = pairs(Counter(pred)), pairs(Counter(gold))
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    data = generate(args.mentions, args.seed)
    with tempfile.TemporaryDirectory() as tmp, Registry(Path(tmp) / "people.sqlite") as reg:
        resolver = Resolver(reg)
        started = time.perf_counter()
        pred = [resolver.resolve(m).entity_id for m, _ in data]
        reg.commit()
        elapsed = time.perf_counter() - started
    p, r, f1 = pairwise([pid for _, pid in data], pred)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"mentions={len(data)} seconds={elapsed:.1f} mentions/s={len(data) / elapsed:.0f} "
        f"peak_rss_mb={peak_mb:.0f} entities={len(set(pred))} true_people={len({pid for _, pid in data})} "
        f"pairwise_P={p:.4f} R={r:.4f} F1={f1:.4f}"
    )


if __name__ == "__main__":
    main()
