"""The entity label of every SCHEMA.md field path: one table for the aligner (NER training spans), the
generator (synthetic spans) and the pipeline's assembler (which NER label confirms which field).

Paths use ``[]`` for list indices (``reporting_owners[].city``); ``field_key`` turns a concrete path
(``reporting_owners[0].city``) into one.
"""

from __future__ import annotations

import re

_INDEX = re.compile(r"\[\d+\]")


def field_key(path: str) -> str:
    """``reporting_owners[3].name`` -> ``reporting_owners[].name``."""
    return _INDEX.sub("[]", path)


# Field path (indices as []) -> entity label.
OWNERSHIP_TABLES = (
    "non_derivative_transactions",
    "non_derivative_holdings",
    "derivative_transactions",
    "derivative_holdings",
)
_TABLE_LEAVES = {
    "security_title": "SECURITY_TITLE",
    "conversion_or_exercise_price": "EXERCISE_PRICE",
    "transaction_date": "TX_DATE",
    "deemed_execution_date": "DEEMED_DATE",
    "transaction_code": "TX_CODE",
    "transaction_shares": "TX_SHARES",
    "transaction_price_per_share": "TX_PRICE",
    "transaction_acquired_disposed_code": "TX_AD_CODE",
    "exercise_date": "EXERCISABLE_DATE",
    "expiration_date": "EXPIRATION_DATE",
    "underlying_security_title": "UNDERLYING_TITLE",
    "underlying_security_shares": "UNDERLYING_SHARES",
    "shares_owned_following_transaction": "SHARES_AFTER",
    "direct_or_indirect_ownership": "OWNERSHIP_FORM",
    "nature_of_ownership": "OWNERSHIP_NATURE",
}
LABELS: dict[str, str] = {
    # Forms 3/4/5
    "period_of_report": "PERIOD_DATE",
    "date_of_original_submission": "ORIGINAL_DATE",
    "issuer.name": "ISSUER_NAME",
    "issuer.trading_symbol": "TICKER",
    "reporting_owners[].name": "OWNER_NAME",
    "reporting_owners[].street1": "OWNER_STREET",
    "reporting_owners[].street2": "OWNER_STREET",
    "reporting_owners[].city": "OWNER_CITY",
    "reporting_owners[].state": "OWNER_STATE",
    "reporting_owners[].zip_code": "OWNER_ZIP",
    "reporting_owners[].officer_title": "OFFICER_TITLE",
    "reporting_owners[].other_text": "OTHER_TEXT",
    **{f"{t}[].{leaf}": label for t in OWNERSHIP_TABLES for leaf, label in _TABLE_LEAVES.items()},
    "footnotes[].text": "FOOTNOTE",
    "remarks": "REMARKS",
    "signatures[].name": "SIGNER_NAME",
    "signatures[].date": "SIGNATURE_DATE",
    # Form D
    "offering_name": "OFFERING_NAME",
    "federal_exemptions[]": "EXEMPTION",
    "date_of_first_sale": "FIRST_SALE_DATE",
    "primary_issuer.entity_name": "ISSUER_NAME",
    "primary_issuer.street1": "ISSUER_STREET",
    "primary_issuer.street2": "ISSUER_STREET",
    "primary_issuer.city": "ISSUER_CITY",
    "primary_issuer.state_or_country": "ISSUER_STATE",
    "primary_issuer.zip_code": "ISSUER_ZIP",
    "primary_issuer.phone_number": "PHONE",
    "primary_issuer.entity_type": "ENTITY_TYPE",
    "primary_issuer.jurisdiction_of_inc": "JURISDICTION",
    "primary_issuer.year_of_inc": "YEAR_OF_INC",
    "business_description": "BUSINESS_DESCRIPTION",
    "related_persons[].name": "RELATED_PERSON_NAME",
    "related_persons[].street1": "PERSON_STREET",
    "related_persons[].street2": "PERSON_STREET",
    "related_persons[].city": "PERSON_CITY",
    "related_persons[].state_or_country": "PERSON_STATE",
    "related_persons[].zip_code": "PERSON_ZIP",
    "minimum_investment_accepted": "MIN_INVESTMENT",
    "securities_offered[].type": "SECURITY_TYPE",
    "securities_offered[].aggregate_offering_price": "OFFERING_AMOUNT",
    "securities_offered[].amount_sold": "AMOUNT_SOLD",
    "offering_sales_amounts.total_offering_amount": "TOTAL_OFFERING_AMOUNT",
    "offering_sales_amounts.total_amount_sold": "TOTAL_AMOUNT_SOLD",
    "offering_sales_amounts.total_remaining": "TOTAL_REMAINING",
    "investors.accredited_count": "INVESTOR_COUNT",
    "investors.non_accredited_count": "INVESTOR_COUNT",
    "investors.accredited_amount": "INVESTOR_AMOUNT",
    "investors.non_accredited_amount": "INVESTOR_AMOUNT",
    **{
        f"expenses.{k}": "EXPENSE_AMOUNT"
        for k in (
            "transfer_agent_fees",
            "printing_and_engraving_costs",
            "legal_fees",
            "accounting_fees",
            "engineering_fees",
            "sales_commissions",
            "finders_fees",
            "other",
        )
    },
    "expenses.total": "EXPENSE_TOTAL",
    "adjusted_gross_proceeds": "ADJUSTED_PROCEEDS",
    "use_of_proceeds[].purpose": "PROCEEDS_PURPOSE",
    "use_of_proceeds[].to_officers_directors_affiliates": "PROCEEDS_AMOUNT",
    "use_of_proceeds[].to_others": "PROCEEDS_AMOUNT",
    "sales_compensation_recipients[].name": "RECIPIENT_NAME",
    "sales_compensation_recipients[].street1": "RECIPIENT_STREET",
    "sales_compensation_recipients[].city": "RECIPIENT_CITY",
    "sales_compensation_recipients[].state_or_country": "RECIPIENT_STATE",
    "sales_compensation_recipients[].zip_code": "RECIPIENT_ZIP",
    "sales_compensation_recipients[].associated_broker_dealer": "BROKER_DEALER",
    "signature.issuer_name": "ISSUER_NAME",
    "signature.name_of_signer": "SIGNER_NAME",
    "signature.signature_title": "SIGNER_TITLE",
    "signature.signature_date": "SIGNATURE_DATE",
}
