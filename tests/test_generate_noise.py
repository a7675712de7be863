"""training.generate.noise: OCR damage moves spans exactly (the trap: insertions at a span's edge, edits
straddling a boundary, deletions shifting every later offset)."""

from __future__ import annotations

import random

import pytest

from tests.conftest import XML_DIR
from training.generate import generate_doc
from training.generate.noise import add_noise, apply_edits, ocr_flatten, select_edits

DATA = XML_DIR.parent


@pytest.mark.parametrize(
    ("edits", "text", "span_text"),
    [
        ([(0, 0, "||")], "||ab 1234 cd", "1234"),  # insertion before: span shifts right
        ([(3, 3, "~")], "ab ~1234 cd", "1234"),  # insertion at the span start goes before it
        ([(7, 7, "~")], "ab 1234~ cd", "1234"),  # insertion at the span end goes after it
        ([(5, 5, " ")], "ab 12 34 cd", "12 34"),  # split digits inside: span grows
        ([(4, 5, "")], "ab 134 cd", "134"),  # dropped digit inside: span shrinks
        ([(0, 3, "")], "1234 cd", "1234"),  # deletion before: span shifts left
        ([(2, 4, "")], "ab 1234 cd", "1234"),  # straddles the span start: dropped
        ([(4, 5, ","), (4, 6, "")], "ab 1,34 cd", "1,34"),  # overlapping: the first wins
    ],
)
def test_generate_noise_apply_edits(edits: list[tuple[int, int, str]], text: str, span_text: str) -> None:
    new_text, spans = apply_edits("ab 1234 cd", [("x", 3, 7)], edits)
    assert new_text == text
    (_, s, e) = spans[0]
    assert new_text[s:e] == span_text


@pytest.mark.parametrize("level", [0.3, 1.0])
def test_generate_noise_spans_follow_edits(level: float) -> None:
    """After heavy noise, each span holds exactly its original characters with the edits inside it applied."""
    clean = generate_doc(2, seed=3, style="pdf_layout", noise=0.0, data_dir=DATA)
    rng = random.Random(1)
    edits = ocr_flatten(clean.text, rng) + add_noise(clean.text, level, rng)
    spans = [(p, s, e) for p, _, s, e in clean.spans]
    noisy, moved = apply_edits(clean.text, spans, edits)
    kept = select_edits(spans, edits)
    assert noisy != clean.text
    by_key = {(p, i): (s, e) for i, (p, s, e) in enumerate(spans)}
    assert len(moved) <= len(spans)
    j = 0
    for i, (p, s, e) in enumerate(spans):
        inside = [(a - s, b - s, r) for a, b, r in kept if s <= a and b <= e and not (a == b and a in (s, e))]
        want, _ = apply_edits(clean.text[s:e], [], inside)
        if not want:
            continue  # every character deleted: the span is dropped
        mp, ms, me = moved[j]
        j += 1
        assert mp == p and by_key[(p, i)] == (s, e)
        assert noisy[ms:me] == want


def test_generate_noise_level_scales_damage() -> None:
    text = generate_doc(0, seed=1, style="w3m", noise=0.0, data_dir=DATA).text
    light = len(add_noise(text, 0.1, random.Random(0)))
    heavy = len(add_noise(text, 1.0, random.Random(0)))
    assert add_noise(text, 0.0, random.Random(0)) == []
    assert heavy > 3 * light > 0


def test_generate_ocr_style_is_noisy_but_exactly_spanned() -> None:
    """The ocr style: single-spaced lines, damage inside values, and spans that stay on their line."""
    doc = generate_doc(5, seed=8, style="ocr", data_dir=DATA)
    assert doc.noise > 0
    assert "   " not in doc.text  # column gaps flattened (a dropped one-letter word may leave two spaces)
    for _, _, s, e in doc.spans:
        assert 0 <= s < e <= len(doc.text)
