"""Which cell a word on a wrapped table line belongs to: a trained scikit-learn classifier.

In dumps without x-positions (OCR, tabbed and markdown text), a row's text cells (security title,
underlying title, nature of ownership) wrap onto the lines above and below its data line, and OCR
prints the pieces of neighbouring cells side by side on one line (``ass ommon Stoc D Venture``: the
tail of a title it already printed, a stray D/I letter, then the next word of the nature cell). The
rules of ``ownership_tables_reading`` split such a line into phrases at capital letters and give them
to the open cells in column order; that is right for clean wrapped text and wrong whenever OCR repeats,
drops or interleaves words.

``WrappedCellClassifier`` decides per word: ``security_title``, ``underlying_security_title``,
``nature_of_ownership`` or ``none`` (a repeat of what the data line holds, OCR debris, a word of
another row). Its features are the word (lower case, character trigrams, shape), where it sits (above
or below the data line and how far, first or last on its line), its neighbours, the table, which cells
are open, whether the data line already holds a similar word in each cell, and the rules' own choice
for the word, so that it learns where the rules go wrong instead of relearning what they get right.

The model is persisted without pickle as ``meta.json`` + ``weights.npz`` and loaded lazily from
``models/wrapped_cells/`` (or ``$EXTRACTOR_MODELS/wrapped_cells/``). ``EXTRACTOR_CELLS=never`` turns it
off (the rules-only ablation); with no shipped model the rules decide alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from extractor.classify.linear_store import META_FILE, read_linear, write_linear
from extractor.errors import Errors, ModelError
from extractor.layout.cells import Token
from extractor.model_paths import models_root
from extractor.people.distance import ratio

MODEL_VERSION = "wrapped_cells.v1"
FEATURES_VERSION = 1
NONE = "none"
TEXT_ROLES = ("security_title", "underlying_security_title", "nature_of_ownership")
ROLES = (NONE, *TEXT_ROLES)
# Word-level similarity that counts an OCR-damaged word as the same word ("Stoc" / "Stock").
SIMILAR = 0.75
_NON_WORD = re.compile(r"[^\w]+")


def word_key(text: str) -> str:
    """Lower-case letters and digits of a word: ``"L.P.,"`` -> ``"lp"``."""
    return _NON_WORD.sub("", text.lower())


def similar_word(a: str, b: str) -> bool:
    """Same word up to OCR damage; short words (three letters or fewer) must be equal."""
    if a == b:
        return True
    if min(len(a), len(b)) <= 3:
        return False
    return ratio(a, b, score_cutoff=SIMILAR) >= SIMILAR


@dataclass
class RowContext:
    """What the data line of a row already says, for the words wrapped around it."""

    table: str  # "table_i" or "table_ii"
    form3: bool
    open_roles: tuple[str, ...]
    data_words: dict[str, list[str]] = field(default_factory=dict)  # role -> word keys on the data line
    direct_or_indirect: str | None = None


@dataclass
class WrappedWord:
    """One word of a wrapped line, with where it sits and the rules' choice for it."""

    token: Token
    line_offset: int  # its line minus the row's first data line (negative above)
    index: int  # position among the words of its line
    count: int  # words on its line
    prev: str  # word key of the word before it on its line ("" at the start)
    next: str
    line_first: str  # word key of the first word of its line
    rule_role: str


def _shape(text: str) -> str:
    # Only the first characters matter (the shape is cut to 8); OCR can glue a whole line into one word.
    s = re.sub(r"[A-Z]", "X", text[:24])
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)[:8]


def word_features(w: WrappedWord, ctx: RowContext) -> list[str]:
    """String features of one wrapped word (hashed by ``WrappedCellClassifier``)."""
    key = word_key(w.token.text)
    table = f"{ctx.table}{'/3' if ctx.form3 else ''}"
    side = "above" if w.line_offset < 0 else "below"
    dist = min(abs(w.line_offset), 3)
    where = (
        "only" if w.count == 1 else "first" if w.index == 0 else "last" if w.index == w.count - 1 else "mid"
    )
    feats = [
        "bias",
        f"w={key}",
        f"shape={_shape(w.token.text)}",
        f"len={min(len(key), 8)}",
        f"rule={w.rule_role}",
        f"rule|tbl={w.rule_role}|{table}",
        f"rule|side={w.rule_role}|{side}",
        f"tbl={table}",
        f"side={side}{dist}",
        f"where={where}",
        f"where|side={where}|{side}",
        f"count={min(w.count, 6)}",
        f"prev={w.prev}",
        f"next={w.next}",
        f"first={w.line_first}",
        f"di={ctx.direct_or_indirect or '-'}",
        f"cap={w.token.text[:1].isupper()}",
    ]
    padded = f"<{key}>"
    feats.extend(f"g3={padded[i : i + 3]}" for i in range(max(0, len(padded) - 2)))
    for role in TEXT_ROLES:
        short = role.split("_")[0]
        is_open = role in ctx.open_roles
        have = ctx.data_words.get(role, [])
        feats.append(f"open_{short}={is_open}")
        feats.append(f"has_{short}={bool(have)}")
        if is_open and have:
            # Word pairs across the wrap: "Common" ends the data line's cell, "Stock" goes on it
            # below; "Class" above opens a cell whose data line starts "B Common Stock".
            pair = f"{have[-1]}|{key}" if w.line_offset > 0 else f"{key}|{have[0]}"
            feats.append(f"pair_{short}={pair}")
        if key and any(similar_word(key, h) for h in have):
            feats.append(f"dup_{short}")
            feats.append(f"dup_{short}|rule={w.rule_role}")
    return feats


@dataclass
class RecordedRow:
    """A row seen while recording (training): its context, wrapped words and final values."""

    ctx: RowContext
    words: list[WrappedWord]
    # The parser's own dict of the row's FieldValues: complete once the row is parsed, which is when
    # training reads it to match the row with its gold row.
    values: dict[str, Any]


_RECORDER: ContextVar[list[RecordedRow] | None] = ContextVar("wrapped_cells_recorder", default=None)
_OVERRIDE: ContextVar[tuple[bool, WrappedCellClassifier | None]] = ContextVar(
    "wrapped_cells_override", default=(False, None)
)


@contextmanager
def recording() -> Iterator[list[RecordedRow]]:
    """Collect every row the reading-order parser sees in this context (training data)."""
    rows: list[RecordedRow] = []
    token = _RECORDER.set(rows)
    try:
        yield rows
    finally:
        _RECORDER.reset(token)


def recorder() -> list[RecordedRow] | None:
    """The list rows are recorded into, inside ``recording()``; None outside it."""
    return _RECORDER.get()


@contextmanager
def use_classifier(model: WrappedCellClassifier | None) -> Iterator[None]:
    """Use ``model`` (None: the rules alone) instead of the shipped one in this context."""
    token = _OVERRIDE.set((True, model))
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


class WrappedCellClassifier(ClassifierMixin, BaseEstimator):
    """Multinomial logistic regression over hashed string features of a wrapped word.

    ``X`` is a sequence of feature lists (``word_features``); ``y`` a role of ``ROLES``.
    """

    def __init__(self, n_features: int = 2**16, C: float = 1.0, max_iter: int = 2000, random_state: int = 0):
        self.n_features = n_features
        self.C = C
        self.max_iter = max_iter
        self.random_state = random_state

    def _hasher(self) -> FeatureHasher:
        return FeatureHasher(n_features=self.n_features, input_type="string", alternate_sign=False)

    def fit(
        self, X: Sequence[Sequence[str]], y: Sequence[str], sample_weight: Sequence[float] | None = None
    ) -> WrappedCellClassifier:
        if len(X) != len(y) or not len(X):
            raise ValueError(Errors.E441.format(reason=f"{len(X)} feature rows, {len(y)} labels"))
        unknown = set(y) - set(ROLES)
        if unknown:
            raise ValueError(Errors.E441.format(reason=f"unknown roles {sorted(unknown)}"))
        lr = LogisticRegression(C=self.C, max_iter=self.max_iter, random_state=self.random_state)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        lr.fit(self._hasher().transform(X), np.asarray(y), sample_weight=weights)
        self.classes_ = lr.classes_
        self.coef_ = lr.coef_
        self.intercept_ = lr.intercept_
        return self

    def predict_proba(self, X: Sequence[Sequence[str]]) -> np.ndarray:
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        scores = np.asarray(self._hasher().transform(X) @ self.coef_.T) + self.intercept_
        if scores.shape[1] == 1:  # a two-class model has one column
            scores = np.hstack([-scores, scores])
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def predict(self, X: Sequence[Sequence[str]]) -> np.ndarray:
        return np.asarray(self.classes_[np.argmax(self.predict_proba(X), axis=1)])

    def save(self, directory: str | Path, *, extra_meta: dict[str, Any] | None = None) -> Path:
        """Write ``meta.json`` and ``weights.npz`` into ``directory``."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        meta = {
            "model": MODEL_VERSION,
            "features_version": FEATURES_VERSION,
            "classes": [str(c) for c in self.classes_],
            "params": self.get_params(),
            "sklearn_version": sklearn.__version__,
            **(extra_meta or {}),
        }
        return write_linear(directory, meta, self.coef_, self.intercept_)

    @classmethod
    def load(cls, directory: str | Path) -> WrappedCellClassifier:
        """Read a model written by ``save``; another version or shape raises ``ModelError`` (E440)."""
        src = Path(directory)
        try:
            meta, coef, intercept = read_linear(src)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(Errors.E440.format(path=src, reason=exc)) from exc
        if meta.get("model") != MODEL_VERSION or meta.get("features_version") != FEATURES_VERSION:
            raise ModelError(Errors.E440.format(path=src, reason=f"version {meta.get('model')!r}"))
        model = cls(**dict(meta.get("params", {})))
        if coef.ndim != 2 or coef.shape[1] != model.n_features or intercept.shape != (coef.shape[0],):
            raise ModelError(Errors.E440.format(path=src, reason=f"weights of shape {coef.shape}"))
        model.classes_ = np.asarray(meta["classes"], dtype=str)
        model.coef_ = coef
        model.intercept_ = intercept
        return model


def default_model_dir() -> Path:
    """``$EXTRACTOR_MODELS/wrapped_cells`` when set, else ``models/wrapped_cells`` next to the package."""
    return models_root() / "wrapped_cells"


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> WrappedCellClassifier | None:
    if not (Path(directory) / META_FILE).is_file():
        return None
    return WrappedCellClassifier.load(directory)


def active_classifier() -> WrappedCellClassifier | None:
    """The classifier in use: an override (``use_classifier``), else the shipped one unless
    ``EXTRACTOR_CELLS=never``."""
    overridden, model = _OVERRIDE.get()
    if overridden:
        return model
    if os.environ.get("EXTRACTOR_CELLS", "auto").lower() == "never":
        return None
    return _load_cached(str(default_model_dir()))


def assign_roles(words: Sequence[WrappedWord], ctx: RowContext, model: WrappedCellClassifier) -> list[str]:
    """The model's role per word; a role whose cell is not open in this row becomes ``none``."""
    if not words:
        return []
    feats = [word_features(w, ctx) for w in words]
    return [str(r) if r in ctx.open_roles else NONE for r in model.predict(feats)]


__all__ = [
    "NONE",
    "ROLES",
    "TEXT_ROLES",
    "RecordedRow",
    "RowContext",
    "WrappedCellClassifier",
    "WrappedWord",
    "active_classifier",
    "assign_roles",
    "recorder",
    "recording",
    "use_classifier",
    "word_features",
    "word_key",
]
