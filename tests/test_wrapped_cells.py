"""The wrapped-cell classifier: persistence, its place in the table reader, and its training labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from extractor.assemble.ownership_tables import extract_tables
from extractor.assemble.wrapped_cells import (
    NONE,
    RecordedRow,
    RowContext,
    WrappedCellClassifier,
    WrappedWord,
    default_model_dir,
    recording,
    use_classifier,
    word_features,
)
from extractor.errors import ModelError
from extractor.ingest import normalise
from extractor.layout.cells import Token, TokenKind
from training.train_wrapped_cells import label_row

# Real OCR (tesseract, 300 dpi) of a Form 4 Table I: the nature cells wrap over four lines around
# their data lines, and OCR printed the second row's title twice, the repeat ("ass ommon Stoc 54,")
# on the line that carries the nature word "Growth".
_HEADER = (
    "1.Title of Security 2. Transaction 2A. Deemed 3. Transaction |4. Securities Acquired "
    "|5. Amount of Securities Beneficially 6. 7. Nature of"
)
TABLE_I_OCR = (
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
    + _HEADER
    + """
(Instr. 3) Date Execution Date, |Code (A) or Disposed of (D) Owned Following Reported Ownership | Indirect
(Month/Day/Year) | if any (Instr. 8) (Instr. 3, 4 and 5) Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | Ownership
or Indirect | (Instr. 4)
(A) or (D
Code V_ | Amount (D) Price (Instr. 4)
Class A Common Stock 07/02/2018 A 223 WIA $0 |49,184 D
Sequoia
Capital
U.S.
Venture
Class A Common Stock 899,976 I 2010-
Seed
Fund,
L.p, 2)
Sequoia
Capital
Cl AC Stock 854,616 I U.S.
ass ommon Stoc 54, Growth
Fund IV,
L.p, &
Sequoia
Capital
USGF
Class A Common Stock 35,505 I Principals
Fund IV,
L.p, &

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""
)


def _natures(model: WrappedCellClassifier | None) -> list[str | None]:
    with use_classifier(model):
        tables = extract_tables(normalise(TABLE_I_OCR), "4")
    return [h.nature_of_ownership for h in tables.non_derivative_holdings]


def _word(text: str, offset: int, rule: str, index: int = 0, count: int = 1) -> WrappedWord:
    tok = Token(text, TokenKind.TEXT, 0, len(text), 0, len(text), 10 + offset, 0)
    return WrappedWord(tok, offset, index, count, "", "", text.lower(), rule)


def _toy_data() -> tuple[list[list[str]], list[str]]:
    ctx = RowContext(
        "table_i", False, ("security_title", "nature_of_ownership"), {"security_title": ["stock"]}
    )
    words = [
        (_word("Sequoia", -2, "nature_of_ownership"), "nature_of_ownership"),
        (_word("Capital", -1, "nature_of_ownership"), "nature_of_ownership"),
        (_word("Stoc", 1, "nature_of_ownership"), NONE),
        (_word("ommon", 1, "nature_of_ownership"), NONE),
        (_word("Fund", 2, "nature_of_ownership"), "nature_of_ownership"),
        (_word("Preferred", -1, "security_title"), "security_title"),
    ]
    return [word_features(w, ctx) for w, _ in words], [label for _, label in words]


def test_overfit_save_reload_same_prediction(tmp_path: Path) -> None:
    X, y = _toy_data()
    model = WrappedCellClassifier(n_features=2**12, C=100.0, random_state=0).fit(X, y)
    assert list(model.predict(X)) == y
    loaded = WrappedCellClassifier.load(model.save(tmp_path / "cells"))
    assert list(loaded.predict(X)) == y
    np.testing.assert_allclose(loaded.predict_proba(X), model.predict_proba(X), atol=1e-5)
    again = WrappedCellClassifier(n_features=2**12, C=100.0, random_state=0).fit(X, y)
    np.testing.assert_array_equal(again.coef_, model.coef_)


def test_load_refuses_weights_of_another_shape(tmp_path: Path) -> None:
    X, y = _toy_data()
    model = WrappedCellClassifier(n_features=2**12).fit(X, y)
    model.save(tmp_path)
    np.savez_compressed(tmp_path / "weights.npz", coef=np.zeros((4, 7)), intercept=np.zeros(4))
    with pytest.raises(ModelError, match="E440"):
        WrappedCellClassifier.load(tmp_path)


@pytest.mark.skipif(not (default_model_dir() / "meta.json").is_file(), reason="no shipped model")
def test_shipped_model_drops_the_repeated_title_from_the_nature() -> None:
    shipped = WrappedCellClassifier.load(default_model_dir())
    rules = _natures(None)
    learned = _natures(shipped)
    assert len(rules) == len(learned) == 3
    # The rules give the whole line "ass ommon Stoc 54, Growth" to the nature cell.
    assert rules[1] is not None and "ommon" in rules[1]
    assert learned[1] is not None and learned[1].startswith("Sequoia Capital U.S.")
    assert "ommon" not in learned[1] and "Growth Fund IV" in learned[1]
    # Rows the rules read right stay right.
    assert learned[2] == rules[2]


def test_rows_are_recorded_with_their_wrapped_words() -> None:
    with use_classifier(None), recording() as rows:
        extract_tables(normalise(TABLE_I_OCR), "4")
    assert len(rows) == 3
    words = [w.token.text for w in rows[1].words]
    assert "Growth" in words and "ommon" in words
    assert rows[1].ctx.data_words["security_title"] == ["cl", "ac", "stock"]


def test_labels_keep_legal_form_words_and_drop_repeats() -> None:
    ctx = RowContext(
        "table_i",
        False,
        ("security_title", "nature_of_ownership"),
        {"security_title": ["class", "a", "stock"]},
    )
    words = [
        _word(t, 1, "nature_of_ownership", i, 4) for i, t in enumerate(["Common", "Growth", "Fund", "L.P."])
    ]
    rec = RecordedRow(ctx, words, {})
    gold = {"security_title": "Class A Common Stock", "nature_of_ownership": "Sequoia Growth Fund, L.P."}
    # "Common" completes the title the data line printed without it; "L.P." is one word ("lp"),
    # not the "l p" that punctuation folding would make of it.
    assert label_row(rec, gold) == [
        "security_title",
        "nature_of_ownership",
        "nature_of_ownership",
        "nature_of_ownership",
    ]
