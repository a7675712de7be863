"""A linear model on disk without pickle: ``meta.json`` beside ``weights.npz`` (``coef``, ``intercept``).

Shared by the form-type and wrapped-cell classifiers; each checks its own versions and shapes on load.
Weights are stored as float32 (the models are small and scores do not need more) and read as float64.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

META_FILE = "meta.json"
WEIGHTS_FILE = "weights.npz"


def write_linear(
    directory: str | Path, meta: dict[str, Any], coef: np.ndarray, intercept: np.ndarray
) -> Path:
    """Write ``meta`` and the weights into ``directory`` (created if needed); returns the directory."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    np.savez_compressed(
        out / WEIGHTS_FILE, coef=coef.astype(np.float32), intercept=intercept.astype(np.float32)
    )
    return out


def read_linear(directory: str | Path) -> tuple[dict[str, Any], np.ndarray, np.ndarray]:
    """``(meta, coef, intercept)``; raises ``OSError``, ``ValueError`` or ``KeyError`` on a bad store.

    ``allow_pickle=False``: an ``.npz`` holding object arrays is refused rather than unpickled.
    """
    src = Path(directory)
    meta = json.loads((src / META_FILE).read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise ValueError(f"{src / META_FILE} is not a JSON object")
    with np.load(src / WEIGHTS_FILE, allow_pickle=False) as weights:
        coef = np.asarray(weights["coef"], dtype=np.float64)
        intercept = np.asarray(weights["intercept"], dtype=np.float64)
    return meta, coef, intercept
