"""Train the filings pipeline (layout tagger + NER) and ship it as ``<out>/filings`` (``spacy.load``-able).

Steps (``train_pipeline``):
1. NER data from the dev gold (``training.ner_data``: aligner spans, unaligned spans counted), plus
   generated filings when ``generated`` > 0 (exact spans; ``training.generate``).
2. Held-out run: documents split by *reporting owner* (train on Botha + Thiel filings, evaluate on
   everyone else), so no insider of an evaluation document is seen in training. The NER's P/R/F per
   label on the held-out documents is the score we report.
3. Final run: the same config on all dev documents (+ generated); the shipped model.

Both runs use ``training/configs/ner.cfg`` through spaCy's programmatic trainer
(``spacy.cli.train.train`` with overrides); the layout tagger is fitted in its ``initialize`` from the
training documents' entities. ``meta.json`` of the shipped model records data, config, spaCy version,
scores and timings. ``quick=True`` trains a tiny model on a handful of documents (< 60 s; for tests).

Run: ``python -m training.train_pipeline --out models`` (or ``extractor train``).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from extractor.pipeline import load_pipeline
from training.ner_data import (
    DEV_DOCS,
    DEV_GOLD,
    TRAIN_OWNERS,
    GoldDoc,
    NerDataReport,
    blank_nlp,
    generated_docs,
    gold_docs_to_docs,
    load_gold_docs,
    split_by_owner,
    write_docbin,
)

log = logging.getLogger(__name__)

CONFIG = Path(__file__).resolve().parent / "configs" / "ner.cfg"
FULL_STEPS = 800
QUICK_STEPS = 12
QUICK_DOCS = (6, 2)  # training and held-out documents of a quick run
DEFAULT_GENERATED = 120


def _overrides(train: Path, dev: Path, *, seed: int, steps: int, quick: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "paths.train": str(train),
        "paths.dev": str(dev),
        "system.seed": seed,
        "training.max_steps": steps,
        "training.eval_frequency": max(steps // 4, 5),
    }
    if quick:  # a tiny model: the same architecture with small widths
        out.update(
            {
                "components.tok2vec.model.embed.width": 16,
                "components.tok2vec.model.encode.width": 16,
                "components.tok2vec.model.encode.depth": 1,
                "components.ner.model.hidden_width": 16,
            }
        )
    return out


def _run(
    train_docs: Sequence[Doc], dev_docs: Sequence[Doc], work: Path, *, seed: int, steps: int, quick: bool
) -> tuple[Language, float]:
    """One ``spacy train`` run; returns the last model and the seconds it took."""
    from spacy.cli.train import train as spacy_train

    if work.exists():
        shutil.rmtree(work)
    write_docbin(train_docs, work / "train.spacy")
    write_docbin(dev_docs, work / "dev.spacy")
    started = time.perf_counter()
    spacy_train(
        CONFIG,
        work / "model",
        use_gpu=-1,
        overrides=_overrides(work / "train.spacy", work / "dev.spacy", seed=seed, steps=steps, quick=quick),
    )
    seconds = time.perf_counter() - started
    # model-last, not model-best: best is picked on the held-out documents and would flatter them.
    return load_pipeline(work / "model" / "model-last"), seconds


def evaluate_ner(nlp: Language, docs: Sequence[Doc]) -> dict[str, Any]:
    """Entity P/R/F (overall and per label) of ``nlp`` on annotated ``docs``, and pipeline speed."""
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    started = time.perf_counter()
    scores = nlp.evaluate(examples)
    seconds = time.perf_counter() - started
    per_type = {
        label: {k: round(float(v), 4) for k, v in prf.items()}
        for label, prf in sorted((scores.get("ents_per_type") or {}).items())
    }
    return {
        "docs": len(docs),
        "ents_p": round(float(scores.get("ents_p") or 0.0), 4),
        "ents_r": round(float(scores.get("ents_r") or 0.0), 4),
        "ents_f": round(float(scores.get("ents_f") or 0.0), 4),
        "ents_per_type": per_type,
        "pipeline_docs_per_second": round(len(docs) / seconds, 2) if seconds else None,
    }


def _select(docs: list[GoldDoc], ids: Sequence[str] | None) -> list[GoldDoc]:
    if ids is None:
        return docs
    wanted = set(ids)
    return [d for d in docs if d.doc_id in wanted]


def train_pipeline(
    out_dir: Path,
    *,
    seed: int = 0,
    quick: bool = False,
    train_ids: Sequence[str] | None = None,
    dev_ids: Sequence[str] | None = None,
    generated: int | None = None,
    gold_dir: Path = DEV_GOLD,
    docs_dir: Path = DEV_DOCS,
) -> dict[str, Any]:
    """Train, evaluate on the held-out owners, ship ``out_dir/"filings"``; returns the measured scores."""
    started = time.perf_counter()
    n_generated = (0 if quick else DEFAULT_GENERATED) if generated is None else generated
    nlp = blank_nlp()
    gold = load_gold_docs(gold_dir, docs_dir)
    train_gold, heldout_gold = split_by_owner(gold)
    if train_ids is not None or dev_ids is not None:
        train_gold, heldout_gold = _select(gold, train_ids), _select(gold, dev_ids)
    if quick:
        train_gold, heldout_gold = train_gold[: QUICK_DOCS[0]], heldout_gold[: QUICK_DOCS[1]]
    report = NerDataReport()
    train_docs = gold_docs_to_docs(nlp, train_gold, report)
    heldout_docs = gold_docs_to_docs(nlp, heldout_gold, report)
    gen_docs = generated_docs(nlp, n_generated, seed=seed, report=report) if n_generated else []
    data_seconds = time.perf_counter() - started
    steps = QUICK_STEPS if quick else FULL_STEPS
    work = out_dir / "_pipeline_work"

    result: dict[str, Any] = {"seed": seed, "quick": quick, "spans": report.to_dict()}
    # 1. held-out run (owners of evaluation documents unseen in training)
    held_nlp, held_seconds = _run(
        [*train_docs, *gen_docs], heldout_docs, work / "heldout", seed=seed, steps=steps, quick=quick
    )
    result["heldout"] = evaluate_ner(held_nlp, heldout_docs)
    result["heldout"]["train_docs"] = [d.doc_id for d in train_gold]
    result["heldout"]["eval_docs"] = [d.doc_id for d in heldout_gold]
    result["heldout"]["seconds"] = round(held_seconds, 1)
    # 2. the shipped model: every dev document (+ generated). Quick runs ship the held-out model.
    if quick:
        final_nlp, final_seconds = held_nlp, 0.0
    else:
        final_nlp, final_seconds = _run(
            [*train_docs, *heldout_docs, *gen_docs],
            heldout_docs,
            work / "full",
            seed=seed,
            steps=steps,
            quick=quick,
        )
    result["final_seconds"] = round(final_seconds, 1)
    result["data_seconds"] = round(data_seconds, 1)
    final_nlp.meta.update(
        {
            "name": "filings",
            "version": "0.1.0",
            "description": "Filing tokenizer, layout tagger (line roles), NER and the rule-joining assembler",
            "spacy_version": f">={spacy.about.__version__.rsplit('.', 1)[0]},<3.9",
            "sources": [
                {"name": "dev gold", "docs": len(train_gold) + len(heldout_gold), "path": str(gold_dir)},
                {"name": "generated (training.generate)", "docs": len(gen_docs), "seed": seed},
            ],
            "training": {
                "config": str(CONFIG.relative_to(CONFIG.parents[2])),
                "seed": seed,
                "quick": quick,
                "max_steps": steps,
                "train_owners_of_heldout_run": list(TRAIN_OWNERS),
                "spans": result["spans"],
            },
            "performance": {
                "heldout": {k: v for k, v in result["heldout"].items() if not k.endswith("_docs")}
            },
        }
    )
    target = out_dir / "filings"
    if target.exists():
        shutil.rmtree(target)
    final_nlp.to_disk(target)
    shutil.rmtree(work, ignore_errors=True)
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["path"] = str(target)
    log.info(
        "pipeline trained in %.1fs: held-out ents F %.3f", result["seconds"], result["heldout"]["ents_f"]
    )
    return result


def main(argv: list[str] | None = None) -> int:
    import json

    parser = argparse.ArgumentParser(description="Train the filings spaCy pipeline into OUT/filings.")
    parser.add_argument("--out", type=Path, default=Path("models"), help="models directory")
    parser.add_argument("--seed", type=int, default=0, help="random seed of every step")
    parser.add_argument("--quick", action="store_true", help="tiny model on a few documents (tests)")
    parser.add_argument("--generated", type=int, default=None, help="generated documents to add")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    result = train_pipeline(args.out, seed=args.seed, quick=args.quick, generated=args.generated)
    (args.out / "filings_scores.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
