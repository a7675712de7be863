"""Form-type classifier: overfit -> save -> load, feature-name guard, seeds, prose and empty text."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from extractor.classify import FormTypeClassifier, classify_form_type, default_model, rule_form_type
from extractor.errors import ModelError
from extractor.ingest import read_document
from tests.conftest import SEEDS

SEED_LABELS = [("000", "4"), ("001", "4"), ("002", "4"), ("003", "D"), ("004", "D")]

FORM4 = (
    "FORM 4\nUNITED STATES SECURITIES AND EXCHANGE COMMISSION\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n"
    "1. Name and Address of Reporting Person\n2. Issuer Name and Ticker or Trading Symbol\n"
    "4. If Amendment, Date Original Filed (Month/Day/Year)\n"
    "5. Relationship of Reporting Person(s) to Issuer\n"
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
)
FORM4A = FORM4.replace("(Month/Day/Year)\n", "(Month/Day/Year) 03/14/2019\n")
FORM3 = FORM4.replace("STATEMENT OF CHANGES IN", "INITIAL STATEMENT OF").replace("FORM 4", "FORM 3")
FORMD = (
    "FORM D\nNotice of Exempt Offering of Securities\n1. Issuer's Identity\nName of Issuer\nAcme Fund LP\n"
    "3. Related Persons\n6. Federal Exemptions and Exclusions Claimed\n7. Type of Filing\n[X] New Notice\n"
    "[ ] Amendment\n13. Offering and Sales Amounts\n"
)
FORMDA = FORMD.replace("[X] New Notice\n[ ] Amendment", "[ ] New Notice\n[X] Amendment")
PROSE = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
    "associated documentation files, to deal in the Software without restriction, including without "
    "limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies."
)
NEWS = (
    "The chief executive sold 20,000 shares last week, according to a Form 4 filed with the SEC. Analysts "
    "said the sale was part of a pre-arranged trading plan and did not signal a change in outlook."
)
TRAIN = [(FORM4, "4"), (FORM4A, "4/A"), (FORM3, "3"), (FORMD, "D"), (FORMDA, "D/A"), (PROSE, "unknown")]


def _seed_text(prefix: str) -> str:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return read_document(path).text


@pytest.fixture(scope="module")
def tiny_model() -> FormTypeClassifier:
    texts, labels = zip(*TRAIN, strict=True)
    return FormTypeClassifier(n_hash_features=256, C=100.0, random_state=0).fit(list(texts), list(labels))


@pytest.mark.parametrize(("text", "label"), TRAIN)
def test_classify_overfit_save_load_same_predictions(
    tiny_model: FormTypeClassifier, tmp_path: Path, text: str, label: str
) -> None:
    """Seeded overfit on a few examples predicts them; a saved and reloaded model predicts the same."""
    assert tiny_model.predict([text])[0] == label
    reloaded = FormTypeClassifier.load(tiny_model.save(tmp_path / "form_type"))
    assert reloaded.predict([text])[0] == label
    np.testing.assert_allclose(reloaded.predict_proba([text]), tiny_model.predict_proba([text]), atol=1e-5)
    assert reloaded.get_params() == tiny_model.get_params()


@pytest.mark.parametrize("field", ["hand_feature_names", "hash_block"])
def test_classify_load_refuses_other_features(
    tiny_model: FormTypeClassifier, tmp_path: Path, field: str
) -> None:
    """A model trained on other features is refused at load with E420, not silently misread."""
    target = tiny_model.save(tmp_path / "form_type")
    meta = json.loads((target / "meta.json").read_text())
    meta[field] = ["renamed_feature"] if field == "hand_feature_names" else {"n_features": 7}
    (target / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="E420"):
        FormTypeClassifier.load(target)


@pytest.mark.parametrize("missing", ["meta.json", "weights.npz"])
def test_classify_load_missing_file(tiny_model: FormTypeClassifier, tmp_path: Path, missing: str) -> None:
    """A damaged model directory raises the coded E421."""
    target = tiny_model.save(tmp_path / "form_type")
    (target / missing).unlink()
    with pytest.raises(ModelError, match="E421"):
        FormTypeClassifier.load(target)


@pytest.mark.parametrize(("prefix", "label"), SEED_LABELS)
def test_classify_seeds_shipped_model(prefix: str, label: str) -> None:
    """The shipped model (with its rule fallback) gets every seed right; seeds are never trained on."""
    assert default_model() is not None, "models/form_type is not shipped"
    form, confidence = classify_form_type(_seed_text(prefix))
    assert form == label
    assert 0.0 <= confidence <= 1.0


@pytest.mark.parametrize(("prefix", "label"), SEED_LABELS)
def test_classify_seeds_rule_fallback(prefix: str, label: str) -> None:
    """The rules alone (no model) also get every seed right."""
    assert rule_form_type(_seed_text(prefix)) == label


@pytest.mark.parametrize("text", [PROSE, NEWS, "", "   \n\t "])
def test_classify_prose_and_empty_unknown(text: str) -> None:
    """Prose, a news paragraph that mentions 'Form 4' once, and empty text are 'unknown'."""
    assert classify_form_type(text)[0] == "unknown"
    assert rule_form_type(text) == "unknown"


@pytest.mark.parametrize(
    ("text", "label"),
    [(FORM4, "4"), (FORM4A, "4/A"), (FORM3, "3"), (FORMD, "D"), (FORMDA, "D/A")],
)
def test_classify_rule_titles_and_amendments(text: str, label: str) -> None:
    """Titles decide the form; a date in 'If Amendment, Date Original Filed' or a marked box makes /A."""
    assert rule_form_type(text) == label


def test_classify_unfitted_model_refuses() -> None:
    """predict on an unfitted estimator raises NotFittedError (scikit-learn convention)."""
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        FormTypeClassifier().predict([FORM4])


@pytest.mark.parametrize("order", [1, -1])
def test_classify_batch_equals_single(tiny_model: FormTypeClassifier, order: int) -> None:
    """Predicting a batch (in any order) equals predicting each text alone."""
    texts = [text for text, _ in TRAIN][::order]
    assert list(tiny_model.predict(texts)) == [tiny_model.predict([t])[0] for t in texts]
