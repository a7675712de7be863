"""The filings tokenizer: boundaries and values that spaCy's English defaults get wrong for filings."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extractor.pipeline.tokenizer import build_tokenizer


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = build_tokenizer(nlp)
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Common\tStock", ["Common", "\t", "Stock"]),  # tabs are boundaries
        ("a|b | c", ["a", "|", "b", "|", "c"]),  # pipes are boundaries, glued or not
        ("$35.71", ["$", "35.71"]),  # dollar split from the amount
        ("69,672(1)", ["69,672", "(1)"]),  # glued footnote marker split off, kept whole
        ("1,477⁽¹⁾", ["1,477", "⁽¹⁾"]),  # superscript marker
        ("C^(1)", ["C", "^(1)"]),  # w3m caret marker
        ("1,477", ["1,477"]),  # thousands separator kept
        ("11/30/2006", ["11/30/2006"]),  # date kept whole
        ("_X_ Director", ["_X_", "Director"]),  # checkbox marks are one token
        ("__X__ Officer", ["__X__", "Officer"]),
        ("[X] Form filed", ["[X]", "Form", "filed"]),
        ("_____ 10% Owner", ["_____", "10", "%", "Owner"]),  # a blank box is one token
        ("(1)", ["(1)"]),  # a free-standing marker stays one token
    ],
)
def test_pipeline_tokenizer_cases(nlp: Language, text: str, expected: list[str]) -> None:
    assert [t.text for t in nlp(text)] == expected


def test_pipeline_tokenizer_serialises(nlp: Language, tmp_path: Path) -> None:
    """The rules travel with the pipeline: a reloaded tokenizer splits the same way."""
    text = "Common Stock | 69,672(1) [X] $ 0 11/30/2006"
    nlp.to_disk(tmp_path)
    reloaded = spacy.blank("en").from_disk(tmp_path)
    assert [t.text for t in reloaded(text)] == [t.text for t in nlp(text)]


def test_pipeline_tokenizer_keeps_text(nlp: Language) -> None:
    """Tokens cover the text exactly (offsets of entities are offsets of the normalised text)."""
    text = "BOTHA ROELOF   \n\n  2800 SAND HILL ROAD,  SUITE 101\t|x|"
    assert nlp(text).text == text
