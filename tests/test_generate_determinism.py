"""training.generate is reproducible: all randomness comes from the seed (the trap: global ``random``)."""

from __future__ import annotations

import random

import pytest

from tests.conftest import XML_DIR
from training.generate import STYLES, generate_corpus, generate_doc

DATA = XML_DIR.parent


@pytest.mark.parametrize("style", STYLES)
def test_generate_same_seed_same_output(style: str) -> None:
    a = generate_doc(3, seed=11, style=style, data_dir=DATA)
    random.seed(12345)  # global state must not matter
    b = generate_doc(3, seed=11, style=style, data_dir=DATA)
    assert a.text == b.text
    assert a.spans == b.spans
    assert a.envelope.to_dict() == b.envelope.to_dict()


@pytest.mark.parametrize("style", STYLES)
def test_generate_different_seeds_differ(style: str) -> None:
    texts = {generate_doc(0, seed=s, style=style, data_dir=DATA).text for s in range(4)}
    assert len(texts) == 4


def test_generate_corpus_prefix_is_stable() -> None:
    """Document k does not depend on how many documents are drawn: --n 3 is a prefix of --n 6."""
    short = [d.text for d in generate_corpus(3, seed=5, data_dir=DATA)]
    long = [d.text for d in generate_corpus(6, seed=5, data_dir=DATA)]
    assert long[:3] == short
