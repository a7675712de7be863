"""Ablation: rules only vs the cascade vs the full spaCy pipeline, on held-out owners and on the seeds.

The held-out rows use a pipeline trained without the evaluation documents' reporting owners (the same
owner split as ``training.train_pipeline``: trained on the TRAIN_OWNERS' documents, evaluated on the
others); the seed rows use the shipped models (the seeds are never training data).

    python benchmarks/ablation.py [--seed 0]

Prints a Markdown table of field micro/macro F1 per mode. ``EXTRACTOR_NER`` selects the mode:
``never`` = rules only (the trained form-type classifier still picks the assembler), ``auto`` = the
shipped cascade (NER only where the rules miss a header field), ``always`` = every Form 3/4/5 through
the full pipeline (layout tagger + NER + assembler).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from extractor.evaluate.load import read_gold
from extractor.evaluate.metrics import score

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EXTRACTOR_SHARED", REPO.parent / "shared"))
MODES = ("never", "auto", "always")


def heldout_models(work: Path, seed: int) -> tuple[Path, list[str]]:
    """A models dir whose pipeline never saw the held-out owners; returns it and the held-out doc ids."""
    from training.ner_data import (
        NerDataReport,
        blank_nlp,
        generated_docs,
        gold_docs_to_docs,
        load_gold_docs,
        split_by_owner,
    )
    from training.train_pipeline import DEFAULT_GENERATED, FULL_STEPS, _run

    nlp = blank_nlp()
    gold = load_gold_docs(SHARED / "data/dev/gold", SHARED / "data/dev/docs")
    train_gold, heldout_gold = split_by_owner(gold)
    report = NerDataReport()
    train = gold_docs_to_docs(nlp, train_gold, report)
    held = gold_docs_to_docs(nlp, heldout_gold, report)
    gen = generated_docs(nlp, DEFAULT_GENERATED, seed=seed, report=report)
    held_nlp, _ = _run([*train, *gen], held, work / "run", seed=seed, steps=FULL_STEPS, quick=False)
    models = work / "models"
    for part in ("form_type", "calibration"):
        shutil.copytree(REPO / "models" / part, models / part)
    held_nlp.to_disk(models / "filings")
    return models, [d.doc_id for d in heldout_gold]


def run_modes(docs: list[Path], models: Path, gold_dir: Path) -> dict[str, tuple[float, float]]:
    """(micro F1, macro F1) per mode over ``docs``."""
    import extractor.extract as ex
    from extractor.ingest import read_document

    gold = read_gold(gold_dir)
    out: dict[str, tuple[float, float]] = {}
    os.environ["EXTRACTOR_MODELS"] = str(models)
    ex.load_filings_pipeline.cache_clear()
    for mode in MODES:
        os.environ["EXTRACTOR_NER"] = mode
        pred = {}
        for path in docs:
            env = ex.extract_document(read_document(path), document_id=path.stem, source=str(path))
            pred[path.stem] = env.to_dict()
        result = score({k: gold[k] for k in pred}, pred)
        out[mode] = (result.overall.f1, result.macro_f1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        models, heldout = heldout_models(Path(tmp), args.seed)
        docs = [SHARED / "data/dev/docs" / f"{d}.txt" for d in heldout]
        held = run_modes(docs, models, REPO / "annotations/dev")
        by_conv = {
            conv: run_modes([d for d in docs if d.stem.endswith(conv)], models, REPO / "annotations/dev")
            for conv in ("w3m", "pdf_layout", "ocr300")
        }
    seeds = run_modes(sorted((SHARED / "seeds").glob("*.txt")), REPO / "models", REPO / "annotations/seeds")
    print(f"held-out owners: {len(docs)} documents\n")
    columns = ["mode", "held-out micro F1", "macro F1", "w3m", "pdf_layout", "ocr300"]
    print("| " + " | ".join([*columns, "seeds micro F1", "seeds macro F1"]) + " |")
    print("|---|---|---|---|---|---|---|---|")
    for mode in MODES:
        print(
            f"| {mode} | {held[mode][0]:.4f} | {held[mode][1]:.4f} | {by_conv['w3m'][mode][0]:.4f} | "
            f"{by_conv['pdf_layout'][mode][0]:.4f} | {by_conv['ocr300'][mode][0]:.4f} | "
            f"{seeds[mode][0]:.4f} | {seeds[mode][1]:.4f} |"
        )


if __name__ == "__main__":
    main()
