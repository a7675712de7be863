"""Form-type classifier: ``3``, ``4``, ``5``, ``3/A``, ``4/A``, ``5/A``, ``D``, ``D/A`` or ``unknown``.

``FormTypeClassifier`` is a scikit-learn estimator (multinomial logistic regression over the features of
``extractor.classify.features``) persisted without pickle as ``meta.json`` + ``weights.npz``.
``rule_form_type`` reads titles, body markers and amendment fields directly; it is used when no model is
shipped and when the model is unsure. ``classify_form_type`` joins the two with a lazily loaded default
model from ``models/form_type/`` (or ``$EXTRACTOR_MODELS/form_type/``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from extractor.classify import features as F
from extractor.classify.linear_store import META_FILE, read_linear, write_linear
from extractor.errors import Errors, ModelError
from extractor.model_paths import models_root
from extractor.records import FORM_TYPES

MODEL_VERSION = "form_type.v1"
DEFAULT_THRESHOLD = 0.6
# Rule confidences: a title plus body markers is near certain; a bare "FORM n" label much less so.
RULE_TITLE_CONFIDENCE = 0.95
RULE_LABEL_CONFIDENCE = 0.7
RULE_UNKNOWN_CONFIDENCE = 0.6
MIN_MARKERS = F.STRUCTURE_MARKERS
# So many Form D body markers make a Form D even when its title and label are lost.
STRONG_FORMD_MARKERS = 5


def _hash_config(n_hash_features: int) -> dict[str, Any]:
    lo, hi = F.HASH_NGRAM_RANGE
    return {
        "analyzer": "char_wb",
        "ngram_range": [lo, hi],
        "head_chars": F.HEAD_CHARS,
        "n_features": n_hash_features,
    }


def _check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
        raise TypeError("FormTypeClassifier expects a sequence of texts (list[str])")
    return list(texts)


class FormTypeClassifier(ClassifierMixin, BaseEstimator):
    """Multinomial logistic regression over hand features and hashed character n-grams.

    Parameters: ``C`` (inverse L2 strength), ``n_hash_features`` (width of the n-gram block),
    ``hand_weight`` (scale of the hand-feature block against the unit-norm n-gram block), ``threshold``
    (below this top probability ``predict_with_fallback`` asks the rules), ``max_iter``, ``random_state``,
    ``require_structure`` (a form needs its title or label plus body markers, or the rules' agreement;
    otherwise ``predict_with_fallback`` says ``unknown``: a news paragraph quoting a form title is no form),
    ``amendment_from_fields`` (``predict_with_fallback`` takes the family, 3/4/5/D, from the model with the
    probabilities of ``X`` and ``X/A`` summed, and the ``/A`` from the form's own amendment field).
    """

    def __init__(
        self,
        C: float = 10.0,
        n_hash_features: int = F.N_HASH_FEATURES,
        hand_weight: float = 2.0,
        threshold: float = DEFAULT_THRESHOLD,
        max_iter: int = 3000,
        random_state: int = 0,
        require_structure: bool = True,
        amendment_from_fields: bool = True,
    ) -> None:
        self.C = C
        self.n_hash_features = n_hash_features
        self.hand_weight = hand_weight
        self.threshold = threshold
        self.max_iter = max_iter
        self.random_state = random_state
        self.require_structure = require_structure
        self.amendment_from_fields = amendment_from_fields

    def transform(self, X: Sequence[str]) -> sp.csr_matrix:
        """Feature matrix of texts (hand features scaled by ``hand_weight``, then the n-gram block)."""
        matrix = F.featurize(_check_texts(X), self.n_hash_features)
        scale = np.ones(matrix.shape[1])
        scale[: len(F.FEATURES)] = self.hand_weight
        return sp.csr_matrix(matrix @ sp.diags(scale))

    def fit(self, X: Sequence[str], y: Sequence[str]) -> FormTypeClassifier:
        """Learn weights from texts ``X`` and form types ``y``."""
        return self.fit_features(self.transform(X), y)

    def fit_features(self, features: sp.csr_matrix, y: Sequence[str]) -> FormTypeClassifier:
        """``fit`` on a matrix made by ``transform`` (lets cross-validation featurize once)."""
        labels = np.asarray(list(y), dtype=object)
        unknown = sorted(set(labels) - set(FORM_TYPES))
        if unknown:
            raise ValueError(Errors.E422.format(reason=f"labels outside FORM_TYPES: {unknown}"))
        model = LogisticRegression(C=self.C, max_iter=self.max_iter, random_state=self.random_state)
        model.fit(features, labels.astype(str))
        self.classes_ = np.asarray(model.classes_, dtype=str)
        self.coef_ = np.asarray(model.coef_, dtype=np.float64)
        self.intercept_ = np.asarray(model.intercept_, dtype=np.float64)
        self.feature_names_ = F.feature_names(self.n_hash_features)
        return self

    def decision_function(self, X: Sequence[str]) -> np.ndarray:
        """Linear scores, one column per class (one column for a two-class model)."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        return np.asarray(self.transform(X) @ self.coef_.T) + self.intercept_

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Class probabilities, columns in ``classes_`` order."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        return self.predict_proba_features(self.transform(X))

    def predict_proba_features(self, features: sp.csr_matrix) -> np.ndarray:
        """``predict_proba`` on a matrix made by ``transform``."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        scores = np.asarray(features @ self.coef_.T) + self.intercept_
        if scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """The most probable form type of each text."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def predict_with_fallback(self, X: Sequence[str]) -> list[tuple[str, float]]:
        """(form type, confidence) per text; the rules decide where the top probability < ``threshold``."""
        texts = _check_texts(X)
        return self.decide(texts, self.predict_proba(texts))

    def decide(self, texts: Sequence[str], proba: np.ndarray) -> list[tuple[str, float]]:
        """Join probabilities from ``predict_proba`` with the rules where the model is unsure."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        results: list[tuple[str, float]] = []
        for text, row in zip(texts, proba, strict=True):
            best = int(np.argmax(row))
            if self.require_structure and self.classes_[best] != "unknown" and not _has_structure(text):
                results.append(rule_form_type_with_confidence(text))
            elif self.amendment_from_fields and self.classes_[best] != "unknown":
                results.append(self._family_decision(text, row))
            elif row[best] >= self.threshold:
                results.append((str(self.classes_[best]), float(row[best])))
            else:
                results.append(rule_form_type_with_confidence(text))
        return results

    def _family_decision(self, text: str, row: np.ndarray) -> tuple[str, float]:
        """Most probable family (X and X/A summed); '/A' only where the amendment field says so."""
        family_proba: dict[str, float] = {}
        for label, p in zip(self.classes_, row, strict=True):
            family = str(label).removesuffix("/A")
            family_proba[family] = family_proba.get(family, 0.0) + float(p)
        family, proba = max(family_proba.items(), key=lambda kv: kv[1])
        if family == "unknown" or proba < self.threshold:
            return rule_form_type_with_confidence(text)
        amended = F.formd_amendment_box(text) if family == "D" else F.original_filed_date(text) is not None
        return (family + "/A" if amended else family), proba

    def save(self, directory: str | Path) -> Path:
        """Write ``meta.json`` (version, params, feature names) and ``weights.npz`` into ``directory``."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        meta = {
            "model": MODEL_VERSION,
            "features_version": F.FEATURES_VERSION,
            "hand_feature_names": list(F.HAND_FEATURE_NAMES),
            "hash_block": _hash_config(self.n_hash_features),
            "classes": [str(c) for c in self.classes_],
            "params": self.get_params(),
            "sklearn_version": sklearn.__version__,
            "numpy_version": np.__version__,
        }
        return write_linear(directory, meta, self.coef_, self.intercept_)

    @classmethod
    def load(cls, directory: str | Path) -> FormTypeClassifier:
        """Read a model written by ``save``; a model trained on other features raises ``E420``."""
        src = Path(directory)
        try:
            meta, coef, intercept = read_linear(src)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(Errors.E421.format(path=src, reason=exc)) from exc
        if meta.get("model") != MODEL_VERSION:
            raise ModelError(Errors.E421.format(path=src, reason=f"model version {meta.get('model')!r}"))
        params = dict(meta.get("params", {}))
        model = cls(**params)
        if meta.get("hand_feature_names") != list(F.HAND_FEATURE_NAMES):
            raise ModelError(Errors.E420.format(path=src, reason="hand feature names differ"))
        if meta.get("hash_block") != _hash_config(model.n_hash_features):
            raise ModelError(Errors.E420.format(path=src, reason="hashed n-gram block differs"))
        n_columns = len(F.FEATURES) + model.n_hash_features
        if coef.ndim != 2 or coef.shape[1] != n_columns or intercept.shape != (coef.shape[0],):
            raise ModelError(Errors.E420.format(path=src, reason=f"weights of shape {coef.shape}"))
        model.classes_ = np.asarray(meta["classes"], dtype=str)
        model.coef_ = coef
        model.intercept_ = intercept
        model.feature_names_ = F.feature_names(model.n_hash_features)
        return model


def _ownership_family(view: F.TextView) -> tuple[str | None, bool]:
    """Form 3, 4 or 5 from the title (``True``) or, failing that, from the first label plus its fields."""
    if F.form5_title(view):
        return "5", True
    if F.form3_title(view):
        return "3", True
    if F.form4_title(view):
        return "4", True
    field_of = {"3": F.date_of_event_field, "4": F.earliest_transaction_field, "5": F.fiscal_year_field}
    for label, _ in view.form_labels:
        if label in field_of:
            return (label, False) if field_of[label](view) else (None, False)
    return None, False


def _has_structure(text: str) -> bool:
    """A form title or label with body markers, or a rule decision other than 'unknown'."""
    view = F.TextView(text)
    if F.ownership_structure(view) or F.formd_structure(view):
        return True
    return rule_form_type(text) != "unknown"


def rule_form_type_with_confidence(text: str) -> tuple[str, float]:
    """Rule decision with a confidence: titles and body markers, then the amendment fields."""
    if not text.strip():
        return "unknown", 1.0
    view = F.TextView(text)
    own_markers = F.count_markers(view, F.OWNERSHIP_MARKERS)
    d_markers = F.count_markers(view, F.FORMD_MARKERS)
    d_title_pos = view.first_compact_hit(F.T_FORMD_PAPER + F.T_FORMD_ELECTRONIC)
    own_title_pos = view.first_compact_hit(F.T_FORM3 + F.T_FORM4 + F.T_FORM5)
    family, by_title = _ownership_family(view)
    is_d = (d_title_pos >= 0 or F.first_label_formd(view) > 0) and d_markers >= MIN_MARKERS
    is_own = family is not None and own_markers >= MIN_MARKERS
    if is_d and is_own:
        # Both families look present: the earlier title wins; a title beats a bare label.
        own_first = own_title_pos >= 0 and (d_title_pos < 0 or own_title_pos < d_title_pos)
        is_d, is_own = not own_first, own_first
    if not is_d and not is_own and d_markers >= STRONG_FORMD_MARKERS:
        is_d = True
    if is_d:
        form = "D/A" if F.formd_amendment_box(text) else "D"
        return form, RULE_TITLE_CONFIDENCE if d_title_pos >= 0 else RULE_LABEL_CONFIDENCE
    if is_own and family is not None:
        form = family + "/A" if F.original_filed_date(text) else family
        return form, RULE_TITLE_CONFIDENCE if by_title else RULE_LABEL_CONFIDENCE
    return "unknown", RULE_UNKNOWN_CONFIDENCE


def rule_form_type(text: str) -> str:
    """Form type from titles, body markers and amendment fields alone (no model)."""
    return rule_form_type_with_confidence(text)[0]


def default_model_dir() -> Path:
    """``$EXTRACTOR_MODELS/form_type`` when set, else ``models/form_type`` next to the package."""
    return models_root() / "form_type"


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> FormTypeClassifier | None:
    path = Path(directory)
    if not (path / META_FILE).is_file():
        return None
    return FormTypeClassifier.load(path)


def default_model() -> FormTypeClassifier | None:
    """The shipped model, loaded once per directory; ``None`` when no model is shipped."""
    return _load_cached(str(default_model_dir()))


def classify_form_type(text: str, model: FormTypeClassifier | None = None) -> tuple[str, float]:
    """(form type, confidence) of one filing text: the model where sure, the rules otherwise."""
    if not text.strip():
        return "unknown", 1.0
    chosen = model if model is not None else default_model()
    if chosen is None:
        return rule_form_type_with_confidence(text)
    return chosen.predict_with_fallback([text])[0]
