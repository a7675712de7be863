"""Ablation: rules only vs the learned layout classifiers vs the cascade vs the full spaCy pipeline.

The held-out rows use models trained without the evaluation documents' reporting owners (the owner
split of ``training.train_pipeline``: trained on the TRAIN_OWNERS' documents, evaluated on the others):
the spaCy pipeline (layout tagger + NER) and the wrapped-cell classifier of the table reader. The seed
rows use the shipped models (the seeds are never training data).

    python benchmarks/ablation.py [--seed 0]

Modes (``EXTRACTOR_CELLS`` / ``EXTRACTOR_NER``):
- ``rules``: no trained component but the form-type classifier that picks the assembler;
- ``layout``: the trained wrapped-cell classifier reads the tables, no NER;
- ``cascade``: the shipped configuration (layout classifier; NER only where the rules miss a header
  field);
- ``full``: every Form 3/4/5 through the full pipeline (layout tagger + NER + assembler).

The wrapped-cell classifier's own held-out measurement over all 217 dev documents (three owner
groups, each predicted by a model that never saw it) is in ``models/wrapped_cells/scores.json``.
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
# mode -> (EXTRACTOR_CELLS, EXTRACTOR_NER)
MODES = {
    "rules": ("never", "never"),
    "layout": ("auto", "never"),
    "cascade": ("auto", "auto"),
    "full": ("auto", "always"),
}


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
    _heldout_wrapped_cells(models / "wrapped_cells", {d.doc_id for d in heldout_gold}, seed)
    return models, [d.doc_id for d in heldout_gold]


def _heldout_wrapped_cells(out: Path, heldout: set[str], seed: int) -> None:
    """The wrapped-cell classifier fitted on generated documents and the training owners' dev docs."""
    from extractor.assemble.wrapped_cells import WrappedCellClassifier
    from training.train_wrapped_cells import _weights, collect, dev_docs, generated_docs

    gen_x, gen_y = collect(generated_docs(400, seed))
    dev_x, dev_y = collect(d for d in dev_docs() if d.doc_id not in heldout)
    model = WrappedCellClassifier(random_state=seed)
    model.fit(gen_x + dev_x, gen_y + dev_y, _weights(len(gen_y), len(gen_y) + len(dev_y)))
    model.save(out)


def run_modes(docs: list[Path], models: Path, gold_dir: Path) -> dict[str, tuple[float, float]]:
    """(micro F1, macro F1) per mode over ``docs``."""
    import extractor.assemble.wrapped_cells as wc
    import extractor.extract as ex
    from extractor.ingest import read_document

    gold = read_gold(gold_dir)
    out: dict[str, tuple[float, float]] = {}
    os.environ["EXTRACTOR_MODELS"] = str(models)
    ex.load_filings_pipeline.cache_clear()
    wc._load_cached.cache_clear()
    for mode, (cells, ner) in MODES.items():
        os.environ["EXTRACTOR_CELLS"] = cells
        os.environ["EXTRACTOR_NER"] = ner
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
