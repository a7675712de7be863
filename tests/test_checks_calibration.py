"""Contract tests of the confidence calibration (``extractor.checks.calibration``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from extractor.checks import apply_checks
from extractor.checks.calibration import (
    Calibrator,
    expected_calibration_error,
    field_group,
    reliability_table,
)
from extractor.errors import ModelError
from extractor.records import Envelope, Issuer, OwnershipFiling


def _data(seed: int = 0, n: int = 2000) -> tuple[list[str], list[float], list[bool], list[str | None]]:
    """Raw scores that overstate accuracy: a field at raw 0.9 is right 70% of the time."""
    rng = np.random.default_rng(seed)
    raw = rng.choice([0.5, 0.7, 0.9], size=n)
    correct = rng.random(n) < (raw - 0.2)
    paths = [
        "issuer.name" if i % 2 else "non_derivative_transactions[0].transaction_shares" for i in range(n)
    ]
    return paths, [float(r) for r in raw], [bool(c) for c in correct], [None] * n


def test_fit_lowers_ece_and_round_trips(tmp_path: Path) -> None:
    """Trap: the map must be JSON (no pickle) and predict the same after save/load."""
    paths, raw, correct, touches = _data()
    cal = Calibrator.fit(paths, raw, correct, touches)
    held_paths, held_raw, held_correct, held_touch = _data(seed=1)
    calibrated = [cal.predict_one(p, r, t) for p, r, t in zip(held_paths, held_raw, held_touch, strict=True)]
    assert (
        expected_calibration_error(calibrated, held_correct)
        < 0.05
        < expected_calibration_error(held_raw, held_correct)
    )
    target = tmp_path / "calibration" / "calibration.json"
    cal.save(target)
    again = Calibrator.load(target)
    assert [again.predict_one(p, r) for p, r in zip(held_paths[:50], held_raw[:50], strict=True)] == [
        cal.predict_one(p, r) for p, r in zip(held_paths[:50], held_raw[:50], strict=True)
    ]


def test_map_trained_on_other_features_is_refused(tmp_path: Path) -> None:
    """Trap: a calibration file for other features would silently mis-map every confidence."""
    paths, raw, correct, touches = _data(n=200)
    data = Calibrator.fit(paths, raw, correct, touches).to_json()
    data["features"] = ["raw_confidence"]
    target = tmp_path / "calibration.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="E701"):
        Calibrator.load(target)


@pytest.mark.parametrize(
    ("path", "group"),
    [
        ("non_derivative_transactions[3].transaction_shares", "non_derivative_transactions"),
        ("issuer.name", "issuer"),
        ("period_of_report", "document"),
        ("reporting_owners[0].zip_code", "reporting_owners"),
    ],
)
def test_field_group(path: str, group: str) -> None:
    assert field_group(path) == group


def test_reliability_table_and_perfect_calibration() -> None:
    """A model that says 0.75 and is right 3 times in 4 has ECE 0."""
    conf = [0.75] * 4 + [0.25] * 4
    correct = [True, True, True, False, True, False, False, False]
    table = reliability_table(conf, correct)
    assert [(b.count, b.accuracy) for b in table] == [(4, 0.25), (4, 0.75)]
    assert expected_calibration_error(conf, correct) == pytest.approx(0.0)


def test_apply_checks_uses_given_map() -> None:
    """Trap: a touched field must use the touch map, an untouched one its group's map."""
    paths, raw, correct, touches = _data()
    cal = Calibrator.fit(paths, raw, correct, touches)
    env = Envelope(document_id="x", form_type="4", filing=OwnershipFiling(issuer=Issuer(name="ALTIRIS INC")))
    env.confidence["issuer.name"] = 0.9
    apply_checks(env, calibration=cal)
    assert env.confidence["issuer.name"] == pytest.approx(cal.predict_one("issuer.name", 0.9), abs=1e-4)
    assert env.confidence["issuer.name"] < 0.8
