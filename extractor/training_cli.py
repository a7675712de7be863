"""``extractor train``: rebuild every shipped model under ``models/`` with fixed seeds.

The training code lives in the repository's ``training/`` package (generators, data builders, configs);
this module only orchestrates it and writes ``models/manifest.json`` with what was trained, from what,
and the scores measured on held-out data.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def run_train(output: Path, *, quick: bool = False, seed: int = 0) -> int:
    """Train every component into ``output``; returns the exit code.

    Order matters: the pipeline's assembler classifies form types with the model of the first step
    while the pipeline is evaluated.
    """
    from training.train_form_type import train_form_type
    from training.train_pipeline import train_pipeline

    output.mkdir(parents=True, exist_ok=True)
    # Every later step (pipeline evaluation, calibration) must run on the models trained here, not on
    # whatever is shipped: point the default model location at the output for this process.
    os.environ["EXTRACTOR_MODELS"] = str(output.resolve())
    manifest: dict[str, Any] = {
        "seed": seed,
        "quick": quick,
        "python": platform.python_version(),
        "components": {},
    }
    started = time.perf_counter()
    manifest["components"]["form_type"] = train_form_type(output, seed=seed, quick=quick)
    # Before the pipeline: its assembler reads tables with the wrapped-cell classifier trained here.
    from training.train_wrapped_cells import train as train_wrapped_cells

    manifest["components"]["wrapped_cells"] = train_wrapped_cells(
        output / "wrapped_cells", seed=seed, n_generated=40 if quick else 400, cv=not quick
    )
    filings = train_pipeline(output, seed=seed, quick=quick)
    heldout = filings.pop("heldout")
    # The manifest keeps scores and sizes; the document id lists stay in the model's meta/training data.
    filings["heldout"] = {k: v for k, v in heldout.items() if not k.endswith("_docs")}
    filings["heldout"]["n_train_docs"] = len(heldout["train_docs"])
    manifest["components"]["filings"] = filings
    # Last: calibration maps the confidence of the records the freshly trained models produce.
    from training.fit_calibration import fit_calibration

    manifest["components"]["calibration"] = fit_calibration(output, seed=seed)
    manifest["seconds"] = round(time.perf_counter() - started, 1)
    (output / "manifest.json").write_text(
        json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    log.info("trained %s in %.1fs", ", ".join(manifest["components"]), manifest["seconds"])
    return 0
