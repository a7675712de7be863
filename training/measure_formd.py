"""Per-field accuracy of the Form D extractor on rendered paper-era documents (and optionally on gold files).

    .venv/bin/python -m training.measure_formd --n 50 --seed 7
    .venv/bin/python -m training.measure_formd --gold annotations/seeds --docs ../shared/seeds

A field counts once per document and path (list indices folded: ``related_persons[].name``); it is
correct when the extracted value equals the gold value (numbers within 0.005, strings after whitespace
collapsing). Accuracy = correct / (paths non-null in gold or prediction), so a wrong extra value counts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from extractor.assemble.formd import extract_formd_text
from extractor.records import FormDFiling, to_dict
from training.render_formd import load_issuers, load_persons, make_filing, render

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def flatten(obj: Any, prefix: str = "") -> dict[str, Any]:
    """``{"a": [{"b": 1}]}`` -> ``{"a[0].b": 1}``; lists of scalars stay whole values."""
    out: dict[str, Any] = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "person_id":
                continue
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
    elif isinstance(obj, list) and obj and isinstance(obj[0], dict):
        for i, v in enumerate(obj):
            out.update(flatten(v, f"{prefix}[{i}]"))
    elif obj not in (None, []):
        out[prefix] = obj
    return out


def same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 0.005
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).lower() == " ".join(b.split()).lower()
    return bool(a == b)


def score(gold: dict[str, Any], pred: dict[str, Any], tally: dict[str, list[int]]) -> None:
    """Add [correct, total] per folded field path."""
    g, p = flatten(gold), flatten(pred)
    for path in set(g) | set(p):
        key = re.sub(r"\[\d+\]", "[]", path)
        tally[key][1] += 1
        if path in g and path in p and same(g[path], p[path]):
            tally[key][0] += 1


def report(tally: dict[str, list[int]]) -> str:
    lines = [f"{'field':55s} {'acc':>6s} {'n':>5s}"]
    ok = n = 0
    for key in sorted(tally):
        c, t = tally[key]
        ok, n = ok + c, n + t
        lines.append(f"{key:55s} {c / t:6.3f} {t:5d}")
    lines.append(f"{'ALL':55s} {ok / max(n, 1):6.3f} {n:5d}")
    return "\n".join(lines)


def rendered_tally(n: int, seed: int) -> dict[str, list[int]]:
    rng = random.Random(seed)
    issuers = load_issuers(SHARED / "data" / "xml" / "formd" / "tables")
    pool = load_persons(SHARED / "data" / "xml" / "formd")
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _ in range(n):
        doc = render(make_filing(rng.choice(issuers), pool, rng), rng)
        result = extract_formd_text(doc.text)
        score(to_dict(doc.filing), to_dict(result.filing), tally)
    return tally


def gold_tally(gold_dir: Path, docs_dir: Path) -> dict[str, list[int]]:
    from extractor.assemble.formd import extract_formd
    from extractor.ingest import read_document

    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("form_type") not in ("D", "D/A"):
            continue
        doc = docs_dir / f"{gold_path.stem}.txt"
        if not doc.exists():
            continue
        pred: FormDFiling = extract_formd(read_document(doc)).filing
        score(gold.get("filing") or {}, to_dict(pred), tally)
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50, help="number of rendered documents")
    ap.add_argument("--seed", type=int, default=7, help="random seed of the renderer")
    ap.add_argument("--gold", type=Path, help="directory of gold JSON envelopes (instead of rendering)")
    ap.add_argument("--docs", type=Path, default=SHARED / "seeds", help="texts of the gold documents")
    args = ap.parse_args(argv)
    tally = gold_tally(args.gold, args.docs) if args.gold else rendered_tally(args.n, args.seed)
    sys.stdout.write(report(tally) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
