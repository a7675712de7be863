"""Calibrated confidence: raw confidence (+ field group, + check touch) -> probability of being correct.

One isotonic map per field group (``issuer``, ``non_derivative_transactions``, ...) fitted on held-out dev
predictions, one per touch kind (``repaired``, ``doubted``, ``invalid``: a check's verdict says more than
the raw score), and a global map for groups with too few examples. Maps are stored as JSON arrays of
isotonic thresholds (no pickle: a model file is an input too) in ``models/calibration/calibration.json``
and evaluated with ``numpy.interp``, which is what ``IsotonicRegression(out_of_bounds="clip")`` does.

The file names its features; a file made for other features is refused (E701).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.isotonic import IsotonicRegression

from extractor.errors import Errors, ModelError
from extractor.model_paths import models_root

FEATURES = ("raw_confidence", "field_group", "touch")
FORMAT_VERSION = 1
MIN_GROUP_EXAMPLES = 60
MIN_TOUCH_EXAMPLES = 15
PRIOR_WEIGHT = 10.0
# Never claim certainty: the dev set is small, and a 1.0 hides a field from review for good.
FLOOR, CEILING = 0.01, 0.995


def field_group(path: str) -> str:
    """``non_derivative_transactions[3].transaction_shares`` -> ``non_derivative_transactions``;
    ``issuer.name`` -> ``issuer``; ``period_of_report`` -> ``document``."""
    head = path.split(".", 1)[0]
    if "." not in path and "[" not in path:
        return "document"
    return head.split("[", 1)[0]


@dataclass
class IsotonicMap:
    """A fitted monotone step map: thresholds ``x`` -> values ``y`` (linear between, clipped outside)."""

    x: list[float]
    y: list[float]
    n: int

    @classmethod
    def fit(
        cls, conf: Sequence[float], correct: Sequence[bool], prior: IsotonicMap | None = None
    ) -> IsotonicMap:
        """Isotonic fit; with ``prior``, each distinct raw value also gets ``PRIOR_WEIGHT`` pseudo-examples
        at the prior's probability, so a raw value seen a handful of times in a group is pulled towards
        the global map instead of jumping to 0 or 1 (trap: a group's 3 examples at 0.5, all wrong,
        would otherwise map 0.5 to 0.0 for every future document)."""
        x = np.asarray(conf, dtype=float)
        y = np.asarray(correct, dtype=float)
        w = np.ones_like(x)
        if prior is not None:
            levels = np.unique(x)
            x = np.concatenate([x, levels])
            y = np.concatenate([y, [prior(v) for v in levels]])
            w = np.concatenate([w, np.full(len(levels), PRIOR_WEIGHT)])
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip", increasing=True)
        iso.fit(x, y, sample_weight=w)
        return cls(
            x=[round(float(v), 6) for v in iso.X_thresholds_],
            y=[round(float(v), 6) for v in iso.y_thresholds_],
            n=len(conf),
        )

    def __call__(self, raw: float) -> float:
        return min(CEILING, max(FLOOR, float(np.interp(raw, self.x, self.y))))


@dataclass
class Calibrator:
    """Per-group and per-touch isotonic maps with a global fallback."""

    global_: IsotonicMap
    groups: dict[str, IsotonicMap] = field(default_factory=dict)
    touches: dict[str, IsotonicMap] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def fit(
        cls,
        paths: Sequence[str],
        conf: Sequence[float],
        correct: Sequence[bool],
        touches: Sequence[str | None],
    ) -> Calibrator:
        """Fit on one example per predicted field: its path, raw confidence, correctness, touch kind."""
        by_group: dict[str, list[int]] = {}
        by_touch: dict[str, list[int]] = {}
        for i, (path, touch) in enumerate(zip(paths, touches, strict=True)):
            if touch is None:
                by_group.setdefault(field_group(path), []).append(i)
            else:
                by_touch.setdefault(touch, []).append(i)
        glob = IsotonicMap.fit(conf, correct)
        cal = cls(global_=glob)
        for name, idx in sorted(by_group.items()):
            if len(idx) >= MIN_GROUP_EXAMPLES:
                cal.groups[name] = IsotonicMap.fit([conf[i] for i in idx], [correct[i] for i in idx], glob)
        for name, idx in sorted(by_touch.items()):
            if len(idx) >= MIN_TOUCH_EXAMPLES:
                cal.touches[name] = IsotonicMap.fit([conf[i] for i in idx], [correct[i] for i in idx], glob)
        return cal

    def predict_one(self, path: str, raw: float, touch: str | None = None) -> float:
        if touch is not None and touch in self.touches:
            return self.touches[touch](raw)
        if touch is None and (m := self.groups.get(field_group(path))) is not None:
            return m(raw)
        return self.global_(raw)

    def to_json(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "features": list(FEATURES),
            "global": vars(self.global_),
            "groups": {k: vars(v) for k, v in self.groups.items()},
            "touches": {k: vars(v) for k, v in self.touches.items()},
            "meta": self.meta,
        }

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Calibrator:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(Errors.E702.format(path=path, reason=exc)) from exc
        if data.get("features") != list(FEATURES) or data.get("format_version") != FORMAT_VERSION:
            raise ModelError(Errors.E701.format(path=path, features=data.get("features")))
        try:
            return cls(
                global_=IsotonicMap(**data["global"]),
                groups={k: IsotonicMap(**v) for k, v in data.get("groups", {}).items()},
                touches={k: IsotonicMap(**v) for k, v in data.get("touches", {}).items()},
                meta=dict(data.get("meta", {})),
            )
        except (KeyError, TypeError) as exc:
            raise ModelError(Errors.E702.format(path=path, reason=exc)) from exc


def default_path() -> Path:
    """``$EXTRACTOR_MODELS/calibration/calibration.json`` when set, else ``models/`` next to the package."""
    return models_root() / "calibration" / "calibration.json"


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime: float) -> Calibrator:
    del mtime  # part of the cache key: a refitted file is read again
    return Calibrator.load(Path(path))


def load_default_calibrator() -> Calibrator | None:
    """The shipped calibration map, or ``None`` when none is shipped (confidences stay raw)."""
    path = default_path()
    if not path.is_file():
        return None
    return _load_cached(str(path), path.stat().st_mtime)


@dataclass
class ReliabilityBin:
    """One bin of a reliability table."""

    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


def reliability_table(conf: Sequence[float], correct: Sequence[bool], bins: int = 10) -> list[ReliabilityBin]:
    """Equal-width bins over [0, 1]; empty bins are left out."""
    c = np.asarray(conf, dtype=float)
    y = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(c, edges[1:-1], right=True), 0, bins - 1)
    out: list[ReliabilityBin] = []
    for b in range(bins):
        mask = idx == b
        if mask.any():
            out.append(
                ReliabilityBin(
                    low=float(edges[b]),
                    high=float(edges[b + 1]),
                    count=int(mask.sum()),
                    mean_confidence=float(c[mask].mean()),
                    accuracy=float(y[mask].mean()),
                )
            )
    return out


def expected_calibration_error(conf: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """ECE: count-weighted mean |accuracy - mean confidence| over the reliability bins."""
    table = reliability_table(conf, correct, bins)
    total = sum(b.count for b in table)
    if total == 0:
        return 0.0
    return sum(b.count * abs(b.accuracy - b.mean_confidence) for b in table) / total
