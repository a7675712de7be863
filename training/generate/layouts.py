"""Render an ``OwnershipFiling`` sample as SEC 1474 (9-02) form text in one of the users' layouts.

Styles: ``w3m`` and ``pdf_layout`` (fixed width, :mod:`.layout_fixed`), ``ocr`` (a ``pdf_layout`` page
flattened to OCR lines, then OCR noise), ``tabbed``, ``markdown`` and ``scrambled`` (line oriented,
:mod:`.layout_linear`). ``render`` returns the text and exact ``(path, label, start, end)`` spans.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from training.generate.content import Variant, draw_variant
from training.generate.document import Span, label_for
from training.generate.layout_fixed import render_fixed
from training.generate.layout_linear import render_linear
from training.generate.noise import add_noise, apply_edits, ocr_flatten
from training.generate.values import Sample

STYLES = ("w3m", "pdf_layout", "ocr", "tabbed", "markdown", "scrambled")
# Noise level used when the caller does not set one: the OCR-made styles are never clean.
DEFAULT_NOISE = {"w3m": 0.0, "pdf_layout": 0.0, "ocr": 0.5, "tabbed": 0.0, "markdown": 0.0, "scrambled": 0.3}


@dataclass
class Rendered:
    text: str
    spans: list[Span]
    variant: Variant
    noise: float = 0.0
    extra: dict[str, object] = field(default_factory=dict)


def render(sample: Sample, style: str, rng: random.Random, noise: float | None = None) -> Rendered:
    """One document; ``noise`` None -> the style's default level (``DEFAULT_NOISE``)."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; expected one of {', '.join(STYLES)}")
    variant = draw_variant(rng, style)
    if style in ("w3m", "pdf_layout", "ocr"):
        canvas = render_fixed(sample, variant, "pdf_layout" if style == "ocr" else style)
    else:
        canvas = render_linear(sample, variant, style, rng)
    text, spans = canvas.text(), canvas.spans
    if style == "ocr":
        text, spans = apply_edits(text, spans, ocr_flatten(text, rng))
    level = DEFAULT_NOISE[style] if noise is None else noise
    if level > 0:
        text, spans = apply_edits(text, spans, add_noise(text, level, rng))
    labelled = [(path, label_for(path), s, e) for path, s, e in spans]
    return Rendered(text, labelled, variant, level)
