"""``python -m training.generate --n 20 --seed 0 --out docs/generated``: write generated samples
(``<id>.txt``, ``<id>.json`` envelope, ``<id>.spans.json``)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from training.generate.corpus import generate_corpus
from training.generate.layouts import STYLES

logger = logging.getLogger("training.generate")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.generate", description=__doc__)
    ap.add_argument("--n", type=int, default=20, help="number of documents")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (document k uses seed:k)")
    ap.add_argument("--out", type=Path, default=Path("docs/generated"), help="output folder")
    ap.add_argument("--styles", default=",".join(STYLES), help=f"comma list of {', '.join(STYLES)}")
    ap.add_argument("--noise", type=float, default=None, help="OCR noise level 0-1 (default: per style)")
    ap.add_argument("--formd-share", type=float, default=0.0, help="share of paper-era Form D documents")
    args = ap.parse_args(argv)
    styles = [s.strip() for s in args.styles.split(",") if s.strip()]
    unknown = sorted(set(styles) - set(STYLES))
    if unknown:
        ap.error(f"unknown styles: {', '.join(unknown)}")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    t0 = time.perf_counter()
    count = 0
    for doc in generate_corpus(
        args.n, seed=args.seed, styles=styles, noise=args.noise, formd_share=args.formd_share
    ):
        doc.write(args.out)
        count += 1
    dt = time.perf_counter() - t0
    logger.info("wrote %d documents to %s in %.1fs (%.1f docs/s)", count, args.out, dt, count / max(dt, 1e-9))
    return 0


if __name__ == "__main__":
    sys.exit(main())
