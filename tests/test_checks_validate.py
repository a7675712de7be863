"""Contract tests of value validation (``extractor.checks.validate``): codes, dates, tickers, addresses."""

from __future__ import annotations

import pytest

from extractor.checks import CheckContext
from extractor.checks.validate import validate_ownership
from extractor.records import (
    DerivativeTransaction,
    Issuer,
    NonDerivativeTransaction,
    OwnershipFiling,
    ReportingOwner,
    Signature,
)


def _seed_002(**changes: object) -> OwnershipFiling:
    """Seed 002's header and first rows (ALTIRIS INC [ATRS], LINDON, UT 84042), with ``changes`` applied."""
    owner = ReportingOwner(name="KINGHORN DWAIN A", city="LINDON", state="UT", zip_code="84042")
    tx = NonDerivativeTransaction(
        security_title="Common Stock",
        transaction_date="2004-11-11",
        transaction_code="M",
        transaction_shares=2000,
        transaction_acquired_disposed_code="A",
        shares_owned_following_transaction=7068,
        direct_or_indirect_ownership="D",
    )
    dtx = DerivativeTransaction(
        security_title="Option to buy common stock",
        transaction_date="2004-11-11",
        transaction_code="M",
        transaction_shares=2000,
        transaction_acquired_disposed_code="D",
        exercise_date="2002-03-13",
        expiration_date="2011-03-13",
    )
    for key, value in changes.items():
        target = owner if hasattr(owner, key) and key != "security_title" else tx
        if key.startswith("d_"):
            target, key = dtx, key[2:]
        setattr(target, key, value)
    return OwnershipFiling(
        period_of_report="2004-11-11",
        issuer=Issuer(name="ALTIRIS INC", trading_symbol=str(changes.get("ticker", "ATRS"))),
        reporting_owners=[owner],
        non_derivative_transactions=[tx],
        derivative_transactions=[dtx],
        signatures=[Signature(name="KINGHORN DWAIN A", date=str(changes.get("signed", "2004-11-15")))],
    )


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"transaction_code": "Q"}, "non_derivative_transactions[0].transaction_code"),
        (
            {"transaction_acquired_disposed_code": "4"},
            "non_derivative_transactions[0].transaction_acquired_disposed_code",
        ),
        (
            {"direct_or_indirect_ownership": "0"},
            "non_derivative_transactions[0].direct_or_indirect_ownership",
        ),
        ({"state": "ZZ"}, "reporting_owners[0].state"),
        ({"zip_code": "8404"}, "reporting_owners[0].zip_code"),
        ({"ticker": "AT RS"}, "issuer.trading_symbol"),
        ({"d_expiration_date": "2001-03-13"}, "derivative_transactions[0].expiration_date"),
        (
            {"d_transaction_acquired_disposed_code": "A"},
            "derivative_transactions[0].transaction_acquired_disposed_code",
        ),
        ({"signed": "2004-11-10"}, "non_derivative_transactions[0].transaction_date"),
    ],
)
def test_invalid_value_is_flagged_and_kept(changes: dict[str, object], path: str) -> None:
    """Trap: an invalid value gets a warning and low confidence, but stays: the text printed it."""
    filing = _seed_002(**changes)
    ctx = CheckContext(confidence={path: 0.9}, warnings=[])
    validate_ownership(filing, ctx)
    assert ctx.touched.get(path) == "invalid"
    assert ctx.confidence[path] < 0.5
    assert any(w.startswith(path) for w in ctx.warnings)


@pytest.mark.parametrize(
    "changes",
    [{}, {"state": "A1", "zip_code": "V5Y 0A1"}, {"ticker": "MFAC.U"}, {"zip_code": "84042-1234"}],
    ids=["seed", "canadian-province", "unit-ticker", "zip+4"],
)
def test_valid_values_pass(changes: dict[str, object]) -> None:
    """Trap: EDGAR codes provinces as ``A1``, foreign postcodes are not ZIPs, unit tickers carry a point."""
    ctx = CheckContext(confidence={}, warnings=[])
    validate_ownership(_seed_002(**changes), ctx)
    assert ctx.warnings == [] and ctx.touched == {}


def test_period_of_report_mismatch_is_a_doubt() -> None:
    """Trap: late transactions give correct filings an earlier table date than box 3 (4 dev filings):
    a warning and a doubt, never an 'invalid'."""
    filing = _seed_002(transaction_date="2004-10-01")
    ctx = CheckContext(confidence={"period_of_report": 0.9}, warnings=[])
    validate_ownership(filing, ctx)
    assert ctx.touched == {"period_of_report": "doubted"}
    assert filing.period_of_report == "2004-11-11"
