"""Document classification: which form a filing text is (``3``, ``4``, ``5``, ``/A``, ``D``, ``unknown``)."""

from extractor.classify.form_type import (
    FormTypeClassifier,
    classify_form_type,
    default_model,
    default_model_dir,
    rule_form_type,
    rule_form_type_with_confidence,
)

__all__ = [
    "FormTypeClassifier",
    "classify_form_type",
    "default_model",
    "default_model_dir",
    "rule_form_type",
    "rule_form_type_with_confidence",
]
