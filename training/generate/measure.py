"""``python -m training.generate.measure``: generation speed, and a realism check — the rule extractors
(``extract_header`` / ``extract_tables``) read generated w3m / pdf_layout documents back; how often do
the issuer name and the transaction row count come back right?"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_tables import TablesResult, extract_tables
from extractor.ingest import normalise
from extractor.records import OwnershipFiling
from training.generate.corpus import generate_doc
from training.generate.layouts import STYLES
from training.generate.values import load_pools


def _rows(tx: OwnershipFiling | TablesResult) -> int:
    return len(tx.non_derivative_transactions) + len(tx.derivative_transactions)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.generate.measure", description=__doc__)
    ap.add_argument("--n", type=int, default=100, help="documents per measurement")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    ap.add_argument("--styles", default="w3m,pdf_layout", help="styles to read back")
    args = ap.parse_args(argv)
    load_pools()  # one-off load (about a second), not counted in docs/s
    speed = {}
    for style in STYLES:
        t0 = time.perf_counter()
        for k in range(args.n):
            generate_doc(k, seed=args.seed, style=style)
        speed[style] = args.n / (time.perf_counter() - t0)
    styles = args.styles.split(",")
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for k in range(args.n):
        style = styles[k % len(styles)]
        doc = generate_doc(k, seed=args.seed, style=style)
        filing = doc.envelope.filing
        if not isinstance(filing, OwnershipFiling):
            continue
        nt = normalise(doc.text)
        header = extract_header(nt)
        tables = extract_tables(nt, doc.envelope.form_type)
        h = hits[style]
        h[0] += 1
        h[1] += (header.issuer.name or "").strip() == (filing.issuer.name if filing.issuer else None)
        h[2] += _rows(tables) == _rows(filing)
    out = sys.stdout
    out.write("docs/s per style: " + ", ".join(f"{s} {v:.0f}" for s, v in speed.items()) + "\n")
    for style, (n, iss, rows) in hits.items():
        out.write(f"{style}: {n} docs, issuer name {iss}/{n}, transaction row count {rows}/{n}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
