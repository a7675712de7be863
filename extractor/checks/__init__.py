"""Consistency checks, OCR repairs forced by a filing's own arithmetic, validation, calibrated confidence.

``apply_checks(env, nt, spans)`` runs after the assembler: holdings chains (Forms 3/4/5), Form D sums,
value validation, then maps every confidence through the shipped calibration
(``models/calibration/calibration.json``) when it exists.
"""

from __future__ import annotations

from extractor.checks.context import CheckContext
from extractor.checks.run import apply_checks, checks_disabled, run_checks

__all__ = ["CheckContext", "apply_checks", "checks_disabled", "run_checks"]
