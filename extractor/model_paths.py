"""Where the shipped models live: ``$EXTRACTOR_MODELS`` when set, else ``models/`` beside the package.

``extractor train`` points ``EXTRACTOR_MODELS`` at its output so that the later training steps read the
models trained in the same run, not the shipped ones; every loader therefore asks here, at call time.
"""

from __future__ import annotations

import os
from pathlib import Path


def models_root() -> Path:
    root = os.environ.get("EXTRACTOR_MODELS")
    return Path(root) if root else Path(__file__).resolve().parents[1] / "models"
