"""Records of Form D (paper-era notices and the electronic ``edgarSubmission`` X0708), per SCHEMA.md.

Paper-era and electronic forms share one record; keys a version of the form does not have stay
``None``. Money amounts are floats in dollars.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RELATIONSHIPS = (
    "Promoter",
    "Beneficial Owner",
    "Executive Officer",
    "Director",
    "General and/or Managing Partner",
)
SECURITY_TYPES = ("debt", "equity", "convertible", "partnership", "other")


@dataclass
class PrimaryIssuer:
    cik: str | None = None
    entity_name: str | None = None
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state_or_country: str | None = None
    zip_code: str | None = None
    phone_number: str | None = None
    entity_type: str | None = None
    jurisdiction_of_inc: str | None = None
    year_of_inc: str | None = None


@dataclass
class RelatedPerson:
    name: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state_or_country: str | None = None
    zip_code: str | None = None
    relationships: list[str] = field(default_factory=list)
    person_id: str | None = None


@dataclass
class SecurityOffered:
    type: str | None = None
    aggregate_offering_price: float | None = None
    amount_sold: float | None = None


@dataclass
class OfferingSalesAmounts:
    total_offering_amount: float | None = None
    total_amount_sold: float | None = None
    total_remaining: float | None = None


@dataclass
class Investors:
    accredited_count: float | None = None
    accredited_amount: float | None = None
    non_accredited_count: float | None = None
    non_accredited_amount: float | None = None


@dataclass
class Expenses:
    transfer_agent_fees: float | None = None
    printing_and_engraving_costs: float | None = None
    legal_fees: float | None = None
    accounting_fees: float | None = None
    engineering_fees: float | None = None
    sales_commissions: float | None = None
    finders_fees: float | None = None
    other: float | None = None
    total: float | None = None


@dataclass
class UseOfProceeds:
    purpose: str | None = None
    to_officers_directors_affiliates: float | None = None
    to_others: float | None = None


@dataclass
class SalesCompensationRecipient:
    name: str | None = None
    street1: str | None = None
    city: str | None = None
    state_or_country: str | None = None
    zip_code: str | None = None
    associated_broker_dealer: str | None = None
    states: list[str] = field(default_factory=list)


@dataclass
class FormDSignature:
    issuer_name: str | None = None
    name_of_signer: str | None = None
    signature_title: str | None = None
    signature_date: str | None = None
    person_id: str | None = None


@dataclass
class FormDFiling:
    offering_name: str | None = None
    is_amendment: bool | None = None
    federal_exemptions: list[str] = field(default_factory=list)
    date_of_first_sale: str | None = None
    primary_issuer: PrimaryIssuer | None = None
    business_description: str | None = None
    related_persons: list[RelatedPerson] = field(default_factory=list)
    minimum_investment_accepted: float | None = None
    securities_offered: list[SecurityOffered] = field(default_factory=list)
    offering_sales_amounts: OfferingSalesAmounts | None = None
    investors: Investors | None = None
    expenses: Expenses | None = None
    adjusted_gross_proceeds: float | None = None
    use_of_proceeds: list[UseOfProceeds] = field(default_factory=list)
    sales_compensation_recipients: list[SalesCompensationRecipient] = field(default_factory=list)
    signature: FormDSignature | None = None
