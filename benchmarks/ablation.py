"""Ablation: rules only vs the learned layout classifiers vs the cascade vs the full spaCy pipeline.

The held-out rows use models trained without the evaluation documents' reporting owners: the spaCy
pipeline (layout tagger + NER, ``training.train_pipeline``'s full run) and the wrapped-cell classifier of
the table reader, both fitted on the generated documents and the other owners' dev documents. The seed
rows use the shipped models (the seeds are never training data).

    python benchmarks/ablation.py [--seed 0]                      # the default owner split
    python benchmarks/ablation.py --heldout thiel                 # hold out these owners
    python benchmarks/ablation.py --heldout "levchin,selby jack"
    python benchmarks/ablation.py --heldout all                   # every dev document, by folds
    python benchmarks/ablation.py --converted /tmp/convsyn21 /tmp/convsyn22   # rendered, unseen records

Held-out documents:
- default: the owner split of ``training.train_pipeline`` (trained on the TRAIN_OWNERS' documents,
  evaluated on the other, small owners': 24 documents, easy ones, on which every mode scores alike);
- ``--heldout OWNER[,OWNER...]``: the documents any of whose reporting owners matches one of the names
  (words of gold ``reporting_owners[].name``, any case: ``thiel`` matches ``THIEL PETER``), trained on
  the rest (``training.ner_data.split_by_owner``);
- ``--heldout all``: one fold per owner group of ``training.train_wrapped_cells.CV_GROUPS`` (Botha,
  Thiel, every other owner), scores pooled over all the dev documents, each predicted by models that
  never saw its owners (a co-filing is held out by each fold naming one of its owners and scored once).
  Three spaCy trainings: about 7 minutes in all (2 cores), 2 to 2.5 minutes per single-fold run.

Modes (``EXTRACTOR_CELLS`` / ``EXTRACTOR_NER``):
- ``rules``: no trained component but the form-type classifier that picks the assembler;
- ``layout``: the trained wrapped-cell classifier reads the tables, no NER;
- ``cascade``: the shipped configuration (layout classifier; NER only where the rules miss a header
  field);
- ``full``: every Form 3/4/5 through the full pipeline (layout tagger + NER + assembler).

``--converted DIR...`` scores the four modes on the outputs of ``benchmarks/converters.py --synthetic``
instead (``DIR/docs`` and ``DIR/gold``: generated people and issuers, rendered pages read by six
converters), with the shipped models, which saw none of those records; one table per directory, a
column per converter.

The wrapped-cell classifier's own held-out measurement over all 217 dev documents (three owner
groups, each predicted by a model that never saw it) is in ``models/wrapped_cells/scores.json``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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


def heldout_models(
    work: Path, seed: int, heldout_owners: Sequence[str] | None = None
) -> tuple[Path, list[str]]:
    """A models dir whose pipeline never saw the held-out owners; returns it and the held-out doc ids.

    Without ``heldout_owners`` the held-out documents are those of no ``TRAIN_OWNERS`` owner; with them,
    every document one of whose owners matches one of them (``split_by_owner``)."""
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
    train_gold, heldout_gold = split_by_owner(gold, heldout_owners=heldout_owners)
    if not heldout_gold or not train_gold:
        raise SystemExit(
            f"held-out owners {heldout_owners}: {len(heldout_gold)} held out, {len(train_gold)} left"
        )
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


def fold_owners(spec: str, doc_owners: Sequence[Sequence[str]]) -> list[list[str]]:
    """The held-out owner queries of each fold, given every dev document's owners: ``all`` gives the
    owner groups of ``training.train_wrapped_cells.CV_GROUPS`` (its last, empty group: every owner of a
    document no earlier group holds out); otherwise one fold of the comma-separated names."""
    from training.ner_data import owner_matches

    if spec.strip().lower() != "all":
        owners = [o.strip() for o in spec.split(",") if o.strip()]
        if not owners:
            raise SystemExit("--heldout: no owner given")
        return [owners]
    from training.train_wrapped_cells import CV_GROUPS

    named = [list(g) for g in CV_GROUPS if g]
    rest = sorted(
        {
            o
            for owners in doc_owners
            if not any(owner_matches(o, q) for o in owners for g in named for q in g)
            for o in owners
        }
    )
    return [*named, rest] if rest else named


def _heldout_wrapped_cells(out: Path, heldout: set[str], seed: int) -> None:
    """The wrapped-cell classifier fitted on generated documents and the training owners' dev docs."""
    from extractor.assemble.wrapped_cells import WrappedCellClassifier
    from training.train_wrapped_cells import _weights, collect, dev_docs, generated_docs

    gen_x, gen_y = collect(generated_docs(400, seed))
    dev_x, dev_y = collect(d for d in dev_docs() if d.doc_id not in heldout)
    model = WrappedCellClassifier(random_state=seed)
    model.fit(gen_x + dev_x, gen_y + dev_y, _weights(len(gen_y), len(gen_y) + len(dev_y)))
    model.save(out)


def predict_modes(docs: list[Path], models: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """Per mode, each document's predicted envelope (by document id) with the models in ``models``."""
    import extractor.assemble.wrapped_cells as wc
    import extractor.extract as ex
    from extractor.ingest import read_document

    out: dict[str, dict[str, dict[str, Any]]] = {}
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
        out[mode] = pred
    return out


def score_modes(
    preds: dict[str, dict[str, dict[str, Any]]], gold: dict[str, Any], suffix: str = ""
) -> dict[str, tuple[float, float]]:
    """(micro F1, macro F1) per mode over the predicted documents whose id ends with ``suffix``."""
    out: dict[str, tuple[float, float]] = {}
    for mode, pred in preds.items():
        sub = {k: v for k, v in pred.items() if k.endswith(suffix)}
        result = score({k: gold[k] for k in sub}, sub)
        out[mode] = (result.overall.f1, result.macro_f1)
    return out


def converted_table(out_dir: Path) -> list[str]:
    """Markdown rows: each mode's micro F1 per converter on one ``benchmarks/converters.py`` output."""
    gold = read_gold(out_dir / "gold")
    docs = sorted(p for p in (out_dir / "docs").iterdir() if p.stem in gold)
    preds = predict_modes(docs, REPO / "models")
    converters = sorted({str(g.get("converter")) for g in gold.values()})
    by_conv = {
        conv: score_modes(preds, {k: g for k, g in gold.items() if g.get("converter") == conv}, f"_{conv}")
        for conv in converters
    }
    rows = [
        f"{out_dir} ({len(docs)} documents)",
        "",
        "| mode | " + " | ".join(converters) + " |",
        "|---|" + "---|" * len(converters),
    ]
    rows += [f"| {m} | " + " | ".join(f"{by_conv[c][m][0]:.4f}" for c in converters) + " |" for m in MODES]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--heldout",
        metavar="OWNER[,OWNER...]|all",
        help="hold out these reporting owners (words of gold reporting_owners[].name, any case), or "
        "'all': one fold per owner group, pooled over every dev document",
    )
    ap.add_argument(
        "--converted",
        nargs="+",
        type=Path,
        metavar="DIR",
        help="score the modes on benchmarks/converters.py outputs instead (shipped models)",
    )
    args = ap.parse_args()
    started = time.perf_counter()
    if args.converted:
        for out_dir in args.converted:
            print("\n".join(converted_table(out_dir)) + "\n")
        print(f"total {time.perf_counter() - started:.0f} s")
        return
    folds: list[list[str] | None] = [None]
    if args.heldout:
        from extractor.records import read_gold_dir

        envs = read_gold_dir(SHARED / "data/dev/gold")
        doc_owners = [[o.name or "" for o in getattr(e.filing, "reporting_owners", []) or []] for e in envs]
        folds = [*fold_owners(args.heldout, doc_owners)]
    preds: dict[str, dict[str, dict[str, Any]]] = {mode: {} for mode in MODES}
    lines = []
    for owners in folds:
        with tempfile.TemporaryDirectory() as tmp:
            models, heldout = heldout_models(Path(tmp), args.seed, owners)
            # A co-filing held out by two folds is scored once, by the first (neither model saw it).
            new = [d for d in heldout if d not in preds["rules"]]
            fold = predict_modes([SHARED / "data/dev/docs" / f"{d}.txt" for d in new], models)
        for mode, pred in fold.items():
            preds[mode].update(pred)
        if owners is not None:
            lines.append(
                f"- fold {', '.join(owners)}: {len(new)} documents ({time.perf_counter() - started:.0f} s)"
            )
    dev_gold = read_gold(REPO / "annotations/dev")
    held = score_modes(preds, dev_gold)
    by_conv = {conv: score_modes(preds, dev_gold, conv) for conv in ("w3m", "pdf_layout", "ocr300")}
    seeds = score_modes(
        predict_modes(sorted((SHARED / "seeds").glob("*.txt")), REPO / "models"),
        read_gold(REPO / "annotations/seeds"),
    )
    print(f"held-out owners: {len(preds['rules'])} documents\n")
    if lines:
        print("\n".join(lines) + "\n")
    columns = ["mode", "held-out micro F1", "macro F1", "w3m", "pdf_layout", "ocr300"]
    print("| " + " | ".join([*columns, "seeds micro F1", "seeds macro F1"]) + " |")
    print("|---|---|---|---|---|---|---|---|")
    for mode in MODES:
        print(
            f"| {mode} | {held[mode][0]:.4f} | {held[mode][1]:.4f} | {by_conv['w3m'][mode][0]:.4f} | "
            f"{by_conv['pdf_layout'][mode][0]:.4f} | {by_conv['ocr300'][mode][0]:.4f} | "
            f"{seeds[mode][0]:.4f} | {seeds[mode][1]:.4f} |"
        )
    if lines:
        print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
