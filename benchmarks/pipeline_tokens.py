"""What the layout tagger saves the NER: tokens read and pipeline time per document, with the shipped
``merge_roles`` (boilerplate, table headers and footnotes merged into one token per line) and without.

    python benchmarks/pipeline_tokens.py ../shared/seeds ../shared/data/dev/docs
    python benchmarks/pipeline_tokens.py --formd 40   # also 40 generated paper-era Form D

Per form family: documents, tokens out of the tokenizer, tokens the NER reads, and milliseconds per
document through the whole pipeline in both settings (best of ``--repeat`` runs; one process).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor.classify import classify_form_type  # noqa: E402
from extractor.ingest import NormalisedText, normalise, read_document  # noqa: E402
from extractor.pipeline import load_pipeline  # noqa: E402


def _texts(paths: list[Path], n_formd: int) -> list[tuple[str, NormalisedText]]:
    out = []
    for root in paths:
        files = sorted(root.glob("*.txt")) if root.is_dir() else [root]
        out += [(f.stem, read_document(f)) for f in files]
    if n_formd:
        from training.generate.corpus import generate_formd_doc

        out += [(f"gen_formd_{k}", normalise(generate_formd_doc(k, seed=99).text)) for k in range(n_formd)]
    return out


def _run(nlp: Language, nt: NormalisedText, form_type: str, repeat: int) -> tuple[int, float]:
    best = float("inf")
    n_tokens = 0
    for _ in range(repeat):
        doc = nlp.make_doc(nt.text)
        doc._.form_type, doc._.normalised = form_type, nt
        started = time.perf_counter()
        doc = nlp(doc)
        best = min(best, time.perf_counter() - started)
        n_tokens = len(doc)
    return n_tokens, best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="files or directories of .txt filings")
    ap.add_argument("--model", type=Path, default=REPO / "models" / "filings")
    ap.add_argument("--formd", type=int, default=0, help="generated paper-era Form D documents to add")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    nlp = load_pipeline(args.model)
    tagger = nlp.get_pipe("layout_tagger")
    merge_roles = list(tagger.cfg["merge_roles"])
    rows: dict[str, list[list[float]]] = defaultdict(list)
    for _doc_id, nt in _texts(args.paths, args.formd):
        form_type, _ = classify_form_type(nt.text)
        family = "Form D" if form_type.startswith("D") else "Forms 3/4/5"
        raw = len(nlp.make_doc(nt.text))
        tagger.cfg["merge_roles"] = merge_roles
        merged, t_merged = _run(nlp, nt, form_type, args.repeat)
        tagger.cfg["merge_roles"] = []
        _, t_plain = _run(nlp, nt, form_type, args.repeat)
        rows[family].append([raw, merged, t_plain * 1000, t_merged * 1000])
    tagger.cfg["merge_roles"] = merge_roles
    print(f"merge_roles = {merge_roles}")
    head = ("family", "docs", "tokens", "NER reads", "skipped", "ms/doc all", "ms/doc merged")
    print("{:12} {:>5} {:>8} {:>10} {:>8} {:>11} {:>14}".format(*head))
    for family, vals in sorted(rows.items()):
        raw, merged, t_plain, t_merged = (sum(v[i] for v in vals) for i in range(4))
        n = len(vals)
        print(
            f"{family:12} {n:5d} {raw / n:8.0f} {merged / n:10.0f} {1 - merged / raw:8.1%} "
            f"{t_plain / n:11.1f} {t_merged / n:14.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
