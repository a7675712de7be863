"""Synthetic training documents: Forms 3/4/5 records rendered in the users' layouts with exact spans.

values (records) -> content (what the form prints) -> layout_fixed / layout_linear (where) -> noise (OCR
damage, spans kept) -> document (``GeneratedDoc``) -> corpus (``generate_corpus``). Run
``python -m training.generate --n 20 --seed 0 --out docs/generated`` for samples.
"""

from training.generate.corpus import generate_corpus, generate_doc, generate_formd_doc
from training.generate.document import GeneratedDoc, label_for
from training.generate.layouts import STYLES, render

__all__ = [
    "STYLES",
    "GeneratedDoc",
    "generate_corpus",
    "generate_doc",
    "generate_formd_doc",
    "label_for",
    "render",
]
