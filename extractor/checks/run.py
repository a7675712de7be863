"""The order checks run in, and the entry point ``apply_checks`` that ``extract_document`` calls.

Repairs run before validation (a repaired figure is then validated like any other), and calibration
runs last on the final raw confidences, with each field's touch kind as a feature.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from extractor.checks.calibration import Calibrator, load_default_calibrator
from extractor.checks.consensus import check_consensus
from extractor.checks.context import CheckContext
from extractor.checks.formd import check_formd
from extractor.checks.holdings import check_holdings
from extractor.checks.nature import check_nature
from extractor.checks.titles import check_titles
from extractor.checks.validate import validate_formd, validate_ownership
from extractor.ingest import NormalisedText
from extractor.records import Envelope, FormDFiling, OwnershipFiling

# Fitting the calibration needs the raw (uncalibrated) confidences and the touch kinds: the fit script runs
# ``extract_document`` with checks switched off and then calls ``run_checks`` itself, whether or not
# ``extract_document`` already calls ``apply_checks``.
_DISABLED: ContextVar[bool] = ContextVar("checks_disabled", default=False)


@contextmanager
def checks_disabled() -> Iterator[None]:
    """Make ``apply_checks`` a no-op inside the block."""
    token = _DISABLED.set(True)
    try:
        yield
    finally:
        _DISABLED.reset(token)


def run_checks(
    env: Envelope,
    nt: NormalisedText | None = None,
    spans: dict[str, tuple[int, int]] | None = None,
) -> CheckContext:
    """Run every check on ``env`` (mutating its filing, warnings and confidence); no calibration.

    ``spans`` are the assembler's field spans in ``nt.text`` (``AssemblyResult.spans``); without them,
    repairs that need the printed text (split digits, a value in the wrong column) are not tried.
    """
    ctx = CheckContext(
        confidence=env.confidence,
        warnings=env.warnings,
        text=nt.text if nt is not None else None,
        spans=dict(spans or {}),
    )
    filing = env.filing
    if isinstance(filing, OwnershipFiling):
        # Nature cells first lose debris, regain dropped words and wrapped continuations; text consensus
        # then fixes their letter slips (the holdings chains are keyed on title and nature of ownership).
        check_nature(filing, ctx)
        check_consensus(filing, ctx)
        # Then titles consensus could not merge: interleaved, reordered or garbled OCR printings.
        check_titles(filing, ctx)
        check_holdings(filing, ctx)
        validate_ownership(filing, ctx)
    elif isinstance(filing, FormDFiling):
        check_formd(filing, ctx)
        validate_formd(filing, ctx)
    return ctx


def apply_checks(
    env: Envelope,
    nt: NormalisedText | None = None,
    spans: dict[str, tuple[int, int]] | None = None,
    *,
    calibration: Path | Calibrator | None = None,
) -> None:
    """Checks, repairs and calibrated confidence for one envelope, in place.

    ``calibration``: a fitted ``Calibrator``, a path to a calibration JSON, or ``None`` for the shipped
    map (left raw when no map is shipped).
    """
    if _DISABLED.get():
        return
    ctx = run_checks(env, nt, spans)
    if isinstance(calibration, Calibrator):
        cal: Calibrator | None = calibration
    elif isinstance(calibration, Path):
        cal = Calibrator.load(calibration)
    else:
        cal = load_default_calibrator()
    if cal is not None:
        for path, raw in list(env.confidence.items()):
            env.confidence[path] = round(cal.predict_one(path, raw, ctx.touched.get(path)), 4)
