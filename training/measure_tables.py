"""Measure Table I / Table II extraction against the dev gold, per converter.

Usage: ``python -m training.measure_tables [--docs DIR] [--gold DIR] [--errors N] [--only SUBSTR]``

Rows are matched within a table (Table I: transactions + holdings; Table II likewise) by the
assignment that maximises field agreement. Reports per converter: gold rows, predicted rows, matched
rows, the share of rows put in the right list (transaction vs holding), per-field accuracy on matched
rows (fields where gold or prediction has a value) and the all-in field recall (unmatched gold rows
count as wrong), plus the time per document.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from extractor.assemble.ownership_tables import extract_tables
from extractor.assemble.values import strip_footnote_marks
from extractor.ingest import read_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
TABLES = {
    "I": ("non_derivative_transactions", "non_derivative_holdings"),
    "II": ("derivative_transactions", "derivative_holdings"),
}
FIELDS = [
    "security_title",
    "transaction_date",
    "transaction_code",
    "transaction_shares",
    "transaction_price_per_share",
    "transaction_acquired_disposed_code",
    "conversion_or_exercise_price",
    "exercise_date",
    "expiration_date",
    "underlying_security_title",
    "underlying_security_shares",
    "shares_owned_following_transaction",
    "direct_or_indirect_ownership",
    "nature_of_ownership",
    "kind",
]


def norm(v: object) -> object:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return round(float(v), 6)
    s = strip_footnote_marks(str(v))
    return re.sub(r"\s+", " ", s).strip().lower() or None


def rows_of(filing: dict, table: str) -> list[dict]:
    out = []
    for kind, key in zip(("tx", "holding"), TABLES[table], strict=True):
        for r in filing.get(key) or []:
            d = {k: norm(v) for k, v in r.items()}
            d["kind"] = kind
            out.append(d)
    return out


def agree(g: dict, p: dict) -> tuple[int, int]:
    keys = {k for k in FIELDS if g.get(k) is not None or p.get(k) is not None}
    return sum(1 for k in keys if g.get(k) == p.get(k)), len(keys)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=SHARED / "data/dev/docs", help="document texts")
    ap.add_argument("--gold", type=Path, default=SHARED / "data/dev/gold", help="gold JSON per document")
    ap.add_argument("--errors", type=int, default=0, help="print this many field errors")
    ap.add_argument("--only", default="", help="only documents whose name contains this")
    ap.add_argument("--field", default="", help="print errors of this field only")
    args = ap.parse_args()

    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    errors: list[str] = []
    times: dict[str, list[float]] = defaultdict(list)
    for gpath in sorted(args.gold.glob("*.json")):
        gold = json.loads(gpath.read_text())
        filing = gold.get("filing") or {}
        if not str(gold.get("form_type", "")).startswith(("3", "4", "5")) or args.only not in gpath.stem:
            continue
        conv = gold.get("converter") or gpath.stem.split("_", 2)[-1]
        doc = args.docs / f"{gpath.stem}.txt"
        if not doc.exists():
            continue
        nt = read_document(doc)
        t0 = time.perf_counter()
        res = extract_tables(nt, str(gold.get("form_type", "4")))
        times[conv].append(time.perf_counter() - t0)
        pred = {k: [dataclasses.asdict(r) for r in getattr(res, k)] for ks in TABLES.values() for k in ks}
        st = stats[conv]
        st["docs"] += 1
        for table in TABLES:
            g_rows, p_rows = rows_of(filing, table), rows_of(pred, table)
            st["gold_rows"] += len(g_rows)
            st["pred_rows"] += len(p_rows)
            if g_rows and p_rows:
                score = np.array([[agree(g, p)[0] for p in p_rows] for g in g_rows], dtype=float)
                gi, pi = linear_sum_assignment(-score)
                pairs = list(zip(gi.tolist(), pi.tolist(), strict=True))
            else:
                pairs = []
            st["matched_rows"] += len(pairs)
            exact_rows = 0
            for a, b in pairs:
                g, p = g_rows[a], p_rows[b]
                ok_all = True
                for k in FIELDS:
                    if g.get(k) is None and p.get(k) is None:
                        continue
                    ok = g.get(k) == p.get(k)
                    st[f"n:{k}"] += 1
                    st[f"ok:{k}"] += ok
                    ok_all &= ok
                    if not ok and (not args.field or args.field == k) and len(errors) < args.errors:
                        errors.append(f"{gpath.stem} {table} row{a} {k}: gold={g.get(k)!r} pred={p.get(k)!r}")
                exact_rows += ok_all
            st["exact_rows"] += exact_rows
            st["gold_values"] += sum(1 for g in g_rows for k in FIELDS if g.get(k) is not None)
            st["ok_values"] += sum(
                1
                for a, b in pairs
                for k in FIELDS
                if g_rows[a].get(k) is not None and g_rows[a].get(k) == p_rows[b].get(k)
            )
    convs = sorted(stats)
    print(f"{'':38}" + "".join(f"{c:>12}" for c in convs))
    for label, key in (
        ("docs", "docs"),
        ("gold rows", "gold_rows"),
        ("predicted rows", "pred_rows"),
        ("matched rows", "matched_rows"),
        ("rows all fields right", "exact_rows"),
    ):
        print(f"{label:38}" + "".join(f"{int(stats[c][key]):>12}" for c in convs))
    for k in FIELDS:
        cells = []
        for c in convs:
            n = stats[c][f"n:{k}"]
            cells.append(f"{stats[c][f'ok:{k}'] / n:>8.3f}({int(n):>3})" if n else f"{'-':>12}")
        print(f"{k:38}" + "".join(cells))

    def overall(c: str) -> float:
        ok = sum(v for k, v in stats[c].items() if k.startswith("ok:"))
        n = sum(v for k, v in stats[c].items() if k.startswith("n:"))
        return ok / max(1.0, n)

    print(f"{'field acc. on matched rows':38}" + "".join(f"{overall(c):>12.3f}" for c in convs))
    print(
        f"{'gold values recovered (all rows)':38}"
        + "".join(f"{stats[c]['ok_values'] / max(1, stats[c]['gold_values']):>12.3f}" for c in convs)
    )
    print(
        f"{'ms per document (mean / max)':38}"
        + "".join(f"{1000 * sum(times[c]) / len(times[c]):>6.1f}/{1000 * max(times[c]):<5.1f}" for c in convs)
    )
    for e in errors:
        print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
