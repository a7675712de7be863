"""Records of Forms 3, 4 and 5 (EDGAR ownershipDocument), keys as in ../shared/SCHEMA.md.

Field names are the SEC's XML element names in snake_case with the ``{value, footnoteId}`` wrappers
flattened. Numbers are floats (ints kept as given), dates ISO strings, checkboxes ``bool | None``
(``None`` = the text does not show the box).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Issuer:
    cik: str | None = None
    name: str | None = None
    trading_symbol: str | None = None


@dataclass
class ReportingOwner:
    cik: str | None = None
    name: str | None = None
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip_code: str | None = None
    is_director: bool | None = None
    is_officer: bool | None = None
    is_ten_percent_owner: bool | None = None
    is_other: bool | None = None
    officer_title: str | None = None
    other_text: str | None = None
    person_id: str | None = None


@dataclass
class NonDerivativeTransaction:
    security_title: str | None = None
    transaction_date: str | None = None
    deemed_execution_date: str | None = None
    transaction_code: str | None = None
    equity_swap_involved: bool | None = None
    transaction_shares: float | None = None
    transaction_price_per_share: float | None = None
    transaction_acquired_disposed_code: str | None = None
    shares_owned_following_transaction: float | None = None
    direct_or_indirect_ownership: str | None = None
    nature_of_ownership: str | None = None


@dataclass
class NonDerivativeHolding:
    security_title: str | None = None
    shares_owned_following_transaction: float | None = None
    direct_or_indirect_ownership: str | None = None
    nature_of_ownership: str | None = None


@dataclass
class DerivativeTransaction:
    security_title: str | None = None
    conversion_or_exercise_price: float | None = None
    transaction_date: str | None = None
    deemed_execution_date: str | None = None
    transaction_code: str | None = None
    equity_swap_involved: bool | None = None
    transaction_shares: float | None = None
    transaction_price_per_share: float | None = None
    transaction_acquired_disposed_code: str | None = None
    exercise_date: str | None = None
    expiration_date: str | None = None
    underlying_security_title: str | None = None
    underlying_security_shares: float | None = None
    shares_owned_following_transaction: float | None = None
    direct_or_indirect_ownership: str | None = None
    nature_of_ownership: str | None = None


@dataclass
class DerivativeHolding:
    security_title: str | None = None
    conversion_or_exercise_price: float | None = None
    exercise_date: str | None = None
    expiration_date: str | None = None
    underlying_security_title: str | None = None
    underlying_security_shares: float | None = None
    shares_owned_following_transaction: float | None = None
    direct_or_indirect_ownership: str | None = None
    nature_of_ownership: str | None = None


@dataclass
class Footnote:
    id: str | None = None
    text: str | None = None


@dataclass
class Signature:
    name: str | None = None
    date: str | None = None
    person_id: str | None = None


@dataclass
class OwnershipFiling:
    period_of_report: str | None = None
    date_of_original_submission: str | None = None
    issuer: Issuer | None = None
    reporting_owners: list[ReportingOwner] = field(default_factory=list)
    non_derivative_transactions: list[NonDerivativeTransaction] = field(default_factory=list)
    non_derivative_holdings: list[NonDerivativeHolding] = field(default_factory=list)
    derivative_transactions: list[DerivativeTransaction] = field(default_factory=list)
    derivative_holdings: list[DerivativeHolding] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    remarks: str | None = None
    signatures: list[Signature] = field(default_factory=list)
