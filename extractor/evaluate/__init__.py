"""Evaluation: score prediction JSONL against gold records (fields, rows, people) and write reports.

Data flow: ``load`` (files -> envelope dicts) -> ``flatten`` (record -> field paths and table rows)
-> ``matching`` (gold rows <-> predicted rows, Hungarian) -> ``metrics`` (TP/FP/FN per field, group,
form type, source style) and ``people`` (pairwise and B-cubed) -> ``report`` / ``html``.
Evaluation reads records only; it never reaches into the pipeline.
"""

from extractor.evaluate.compare import values_equal
from extractor.evaluate.metrics import Counts, ErrorItem, EvalResult, score
from extractor.evaluate.people import PeopleResult, score_people

__all__ = [
    "Counts",
    "ErrorItem",
    "EvalResult",
    "PeopleResult",
    "score",
    "score_people",
    "values_equal",
]
