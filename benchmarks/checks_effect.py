"""Field F1 with and without the consistency checks, on the dev set per converter and on the seeds.

    python benchmarks/checks_effect.py

Also counts the repairs the checks made and how many of them turned a value that matched gold into one
that does not (must be 0) or fixed one that did not match.
"""

from __future__ import annotations

import os
from pathlib import Path

from extractor.checks.run import checks_disabled
from extractor.evaluate.load import read_gold
from extractor.evaluate.metrics import score
from extractor.extract import extract_document
from extractor.ingest import read_document

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EXTRACTOR_SHARED", REPO.parent / "shared"))


def extract_all(paths: list[Path], *, checks: bool) -> dict[str, dict]:
    out = {}
    for path in paths:
        nt = read_document(path)
        if checks:
            env = extract_document(nt, document_id=path.stem, source=str(path))
        else:
            with checks_disabled():
                env = extract_document(nt, document_id=path.stem, source=str(path))
        out[path.stem] = env.to_dict()
    return out


def main() -> None:
    sets = {
        "dev": (sorted((SHARED / "data/dev/docs").glob("*.txt")), REPO / "annotations/dev"),
        "seeds": (sorted((SHARED / "seeds").glob("*.txt")), REPO / "annotations/seeds"),
    }
    print("| set | before checks F1 | after checks F1 | repairs | fixed | broken |")
    print("|---|---|---|---|---|---|")
    for name, (paths, gold_dir) in sets.items():
        gold = read_gold(gold_dir)
        before, after = extract_all(paths, checks=False), extract_all(paths, checks=True)
        groups = {"all": list(before)}
        if name == "dev":
            groups |= {c: [d for d in before if d.endswith(c)] for c in ("w3m", "pdf_layout", "ocr300")}
        for group, ids in groups.items():
            b = score({k: gold[k] for k in ids}, {k: before[k] for k in ids}).overall.f1
            a_result = score({k: gold[k] for k in ids}, {k: after[k] for k in ids})
            repaired = [k for k in ids if any(" repaired to " in w for w in after[k]["warnings"])]
            n_repairs = sum(" repaired to " in w for k in ids for w in after[k]["warnings"])
            # Per repaired document: values that now match gold (fixed) or no longer do (broken).
            fixed = broken = 0
            for k in repaired:
                one_b = score({k: gold[k]}, {k: before[k]}).overall
                one_a = score({k: gold[k]}, {k: after[k]}).overall
                fixed += max(0, one_a.tp - one_b.tp)
                broken += max(0, one_b.tp - one_a.tp)
            print(
                f"| {name}/{group} | {b:.4f} | {a_result.overall.f1:.4f} | {n_repairs} | {fixed} | {broken} |"
            )


if __name__ == "__main__":
    main()
