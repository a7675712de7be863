"""Train, measure and save the form-type classifier.

``train_form_type(out_dir)`` builds the labelled set (``training.form_type_data``), measures accuracy with a
cross-validation split by source document (a filing's renderings and synthetic variants stay together),
fits on everything, writes ``out_dir/form_type/`` and scores the saved model on the dev docs, the seeds
(never trained on) and held-out prose. Run as ``python -m training.train_form_type --out models --seed 0``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold

from extractor.classify.form_type import FormTypeClassifier, classify_form_type
from extractor.ingest import read_document
from training.form_type_data import Example, build_dataset, prose_files, text_chunks

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
SEED_LABELS = {"000": "4", "001": "4", "002": "4", "003": "D", "004": "D"}
SCORES_FILE = "scores.json"


def shared_dir() -> Path:
    """``$EXTRACTOR_SHARED`` or ``../shared`` next to the repository."""
    return Path(os.environ.get("EXTRACTOR_SHARED", REPO.parent / "shared"))


def _accuracy(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    correct = sum(1 for gold, pred in pairs if gold == pred)
    return {"n": len(pairs), "accuracy": round(correct / len(pairs), 4) if pairs else None}


def _by_kind(examples: Sequence[Example], predictions: Sequence[str]) -> dict[str, Any]:
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ex, pred in zip(examples, predictions, strict=True):
        pairs[ex.kind].append((ex.label, pred))
        pairs["all"].append((ex.label, pred))
    return {kind: _accuracy(p) for kind, p in sorted(pairs.items())}


def cross_validate(examples: Sequence[Example], *, seed: int, folds: int) -> dict[str, Any]:
    """Accuracy per example kind over ``folds`` folds split by group, model alone and with rule fallback."""
    texts = [ex.text for ex in examples]
    labels = [ex.label for ex in examples]
    groups = [ex.group for ex in examples]
    matrix = FormTypeClassifier(random_state=seed).transform(texts)
    model_pred: list[str] = [""] * len(examples)
    joint_pred: list[str] = [""] * len(examples)
    splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in splitter.split(texts, labels, groups):
        model = FormTypeClassifier(random_state=seed)
        model.fit_features(matrix[train_idx], [labels[i] for i in train_idx])
        proba = model.predict_proba_features(matrix[test_idx])
        plain = model.classes_[np.argmax(proba, axis=1)]
        joint = model.decide([texts[i] for i in test_idx], proba)
        for i, p, j in zip(test_idx, plain, joint, strict=True):
            model_pred[i] = str(p)
            joint_pred[i] = j[0]
    errors = [
        {"kind": ex.kind, "group": ex.group, "gold": ex.label, "pred": pred}
        for ex, pred in zip(examples, joint_pred, strict=True)
        if ex.label != pred
    ]
    return {
        "folds": folds,
        "model": _by_kind(examples, model_pred),
        "model_with_fallback": _by_kind(examples, joint_pred),
        "errors": errors[:50],
    }


def score_saved(model: FormTypeClassifier, shared: Path) -> dict[str, Any]:
    """Accuracy of a trained model (with rule fallback) on the seeds and on every dev doc."""
    seeds = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        gold = SEED_LABELS.get(path.name[:3])
        if gold:
            seeds.append((gold, classify_form_type(read_document(path).text, model)[0]))
    dev = []
    for path in sorted((shared / "data" / "dev" / "docs").glob("*.txt")):
        gold_path = shared / "data" / "dev" / "gold" / (path.stem + ".json")
        if gold_path.is_file():
            gold = json.loads(gold_path.read_text(encoding="utf-8")).get("form_type")
            if gold:
                dev.append((str(gold), classify_form_type(read_document(path).text, model)[0]))
    return {"seeds": _accuracy(seeds), "dev_docs": _accuracy(dev)}


LICENSES_DIR = Path("/usr/share/common-licenses")
OS_DOCS_DIR = Path("/usr/share/doc")


def score_heldout_prose(model: FormTypeClassifier, *, seed: int, limit: int = 300) -> dict[str, Any]:
    """Share of held-out prose chunks (OS licence and doc files, never trained on) classified 'unknown'."""
    rng = random.Random(seed)
    files = prose_files([OS_DOCS_DIR], 200)
    if LICENSES_DIR.is_dir():
        files += sorted(p for p in LICENSES_DIR.iterdir() if p.is_file())
    texts: list[str] = []
    for path in files:
        texts.extend(text_chunks(path.read_text(encoding="utf-8", errors="replace"), rng))
    rng.shuffle(texts)
    return _accuracy([("unknown", classify_form_type(t, model)[0]) for t in texts[:limit]])


def score_model_dir(model_dir: Path, *, seed: int = 0) -> dict[str, Any]:
    """Scores of a saved model on the seeds, the dev docs and held-out prose (no training)."""
    model = FormTypeClassifier.load(model_dir)
    scores = score_saved(model, shared_dir())
    scores["heldout_prose"] = score_heldout_prose(model, seed=seed)
    return scores


def train_form_type(out_dir: Path, *, seed: int = 0, quick: bool = False) -> dict[str, Any]:
    """Train on every example, measure (CV by document + the saved model), write ``out_dir/form_type``."""
    shared = shared_dir()
    examples = build_dataset(shared, seed=seed, quick=quick)
    counts: dict[str, int] = defaultdict(int)
    for ex in examples:
        counts[ex.label] += 1
    logger.info("form_type: %d examples %s", len(examples), dict(counts))
    scores: dict[str, Any] = {"seed": seed, "quick": quick, "examples": dict(sorted(counts.items()))}
    scores["cross_validation"] = cross_validate(examples, seed=seed, folds=2 if quick else 5)
    model = FormTypeClassifier(random_state=seed)
    model.fit([ex.text for ex in examples], [ex.label for ex in examples])
    target = model.save(Path(out_dir) / "form_type")
    reloaded = FormTypeClassifier.load(target)
    scores["shipped_model"] = score_saved(reloaded, shared)
    scores["shipped_model"]["heldout_prose"] = score_heldout_prose(
        reloaded, seed=seed, limit=60 if quick else 300
    )
    train_pred = reloaded.predict([ex.text for ex in examples])
    scores["shipped_model"]["training_set"] = _accuracy(
        [(ex.label, str(p)) for ex, p in zip(examples, np.asarray(train_pred), strict=True)]
    )
    (target / SCORES_FILE).write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    logger.info("form_type: wrote %s", target)
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m training.train_form_type --out models --seed 0 [--quick]``."""
    parser = argparse.ArgumentParser(description="Train the form-type classifier.")
    parser.add_argument("--out", type=Path, default=REPO / "models", help="Models directory to write into.")
    parser.add_argument("--seed", type=int, default=0, help="Random seed for data generation and training.")
    parser.add_argument("--quick", action="store_true", help="Small data, two folds (for tests).")
    parser.add_argument("--score-only", action="store_true", help="Only re-score the model saved in --out.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.score_only:
        logger.info("%s", json.dumps(score_model_dir(args.out / "form_type", seed=args.seed), indent=2))
        return 0
    scores = train_form_type(args.out, seed=args.seed, quick=args.quick)
    summary = {k: v for k, v in scores["cross_validation"].items() if k != "errors"}
    logger.info(
        "%s", json.dumps({"cross_validation": summary, "shipped_model": scores["shipped_model"]}, indent=2)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
