"""Measure the Forms 3/4/5 header extractor against gold: field accuracy per converter.

Usage: ``.venv/bin/python training/measure_header.py [--docs DIR] [--gold DIR] [--errors FIELD]``

A field is correct when prediction and gold are equal after whitespace normalisation (numbers as
numbers; both absent counts as correct). List fields (owners, footnotes, signatures) are aligned by
position; a missing or extra item counts as wrong for each of its fields.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from extractor.assemble.ownership_header import HeaderResult, extract_header
from extractor.ingest import read_document
from extractor.records import to_dict

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "dev"
OWNER_KEYS = (
    "name",
    "street1",
    "street2",
    "city",
    "state",
    "zip_code",
    "is_director",
    "is_officer",
    "is_ten_percent_owner",
    "is_other",
    "officer_title",
    "other_text",
)


def norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def compare(pred: dict[str, Any], gold: dict[str, Any]) -> list[tuple[str, bool, Any, Any]]:
    """(field, correct, predicted, gold) for every header field of one document."""
    out: list[tuple[str, bool, Any, Any]] = []

    def add(name: str, p: Any, g: Any) -> None:
        out.append((name, norm(p) == norm(g), p, g))

    add("period_of_report", pred.get("period_of_report"), gold.get("period_of_report"))
    add(
        "date_of_original_submission",
        pred.get("date_of_original_submission"),
        gold.get("date_of_original_submission"),
    )
    pi, gi = pred.get("issuer") or {}, gold.get("issuer") or {}
    add("issuer.name", pi.get("name"), gi.get("name"))
    add("issuer.trading_symbol", pi.get("trading_symbol"), gi.get("trading_symbol"))
    po, go = pred.get("reporting_owners", []), gold.get("reporting_owners", [])
    for i in range(max(len(po), len(go))):
        p = po[i] if i < len(po) else {}
        g = go[i] if i < len(go) else {}
        for k in OWNER_KEYS:
            add(f"owner.{k}", p.get(k), g.get(k))
    pf, gf = pred.get("footnotes", []), gold.get("footnotes", [])
    for i in range(max(len(pf), len(gf))):
        p = pf[i] if i < len(pf) else {}
        g = gf[i] if i < len(gf) else {}
        add("footnote.id", p.get("id"), g.get("id"))
        add("footnote.text", p.get("text"), g.get("text"))
    add("remarks", pred.get("remarks"), gold.get("remarks"))
    ps, gs = pred.get("signatures", []), gold.get("signatures", [])
    for i in range(max(len(ps), len(gs))):
        p = ps[i] if i < len(ps) else {}
        g = gs[i] if i < len(gs) else {}
        add("signature.name", p.get("name"), g.get("name"))
        add("signature.date", p.get("date"), g.get("date"))
    return out


def as_dict(res: HeaderResult) -> dict[str, Any]:
    return {
        "period_of_report": res.period_of_report,
        "date_of_original_submission": res.date_of_original_submission,
        "issuer": to_dict(res.issuer),
        "reporting_owners": [to_dict(o) for o in res.reporting_owners],
        "footnotes": [to_dict(f) for f in res.footnotes],
        "remarks": res.remarks,
        "signatures": [to_dict(s) for s in res.signatures],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=SHARED / "docs", help="directory of *.txt documents")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold", help="directory of gold *.json")
    ap.add_argument("--errors", default="", help="print the errors of fields starting with this name")
    ap.add_argument("--limit", type=int, default=8, help="errors printed per field")
    args = ap.parse_args()

    right: dict[tuple[str, str], int] = defaultdict(int)
    total: dict[tuple[str, str], int] = defaultdict(int)
    shown: dict[str, int] = defaultdict(int)
    elapsed = 0.0
    n = 0
    for doc in sorted(args.docs.glob("*.txt")):
        gold_path = args.gold / f"{doc.stem}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        converter = gold.get("converter") or doc.stem.rsplit("_", 1)[-1]
        nt = read_document(doc)
        t0 = time.perf_counter()
        res = extract_header(nt)
        elapsed += time.perf_counter() - t0
        n += 1
        for name, ok, p, g in compare(as_dict(res), gold.get("filing") or {}):
            for conv in (converter, "ALL"):
                total[(name, conv)] += 1
                right[(name, conv)] += ok
            if not ok and args.errors and name.startswith(args.errors) and shown[name] < args.limit:
                shown[name] += 1
                print(f"{doc.stem} {name}\n   pred={p!r}\n   gold={g!r}")

    convs = [*sorted({c for _, c in total if c != "ALL"}), "ALL"]
    fields = sorted({f for f, _ in total}, key=lambda f: list(dict.fromkeys(f for f, _ in total)).index(f))
    print(f"{'field':30}" + "".join(f"{c:>14}" for c in convs))
    for f in fields:
        cells = []
        for c in convs:
            t = total.get((f, c), 0)
            cells.append(f"{right[(f, c)] / t:.3f} ({t:>3})" if t else "-")
        print(f"{f:30}" + "".join(f"{x:>14}" for x in cells))
    print(f"{n} documents, {1000 * elapsed / max(n, 1):.2f} ms per document")


if __name__ == "__main__":
    main()
