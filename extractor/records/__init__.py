"""Dataclasses of ../shared/SCHEMA.md with JSON in and out (``to_dict`` / ``from_dict``)."""

from extractor.records.codec import from_dict, to_dict
from extractor.records.envelope import (
    FORM_D_TYPES,
    FORM_TYPES,
    OWNERSHIP_FORM_TYPES,
    Envelope,
    Filing,
    filing_class,
)
from extractor.records.formd import (
    Expenses,
    FormDFiling,
    FormDSignature,
    Investors,
    OfferingSalesAmounts,
    PrimaryIssuer,
    RelatedPerson,
    SalesCompensationRecipient,
    SecurityOffered,
    UseOfProceeds,
)
from extractor.records.io import read_gold_dir, read_jsonl, write_json, write_jsonl
from extractor.records.ownership import (
    DerivativeHolding,
    DerivativeTransaction,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipFiling,
    ReportingOwner,
    Signature,
)

__all__ = [
    "FORM_D_TYPES",
    "FORM_TYPES",
    "OWNERSHIP_FORM_TYPES",
    "DerivativeHolding",
    "DerivativeTransaction",
    "Envelope",
    "Expenses",
    "Filing",
    "Footnote",
    "FormDFiling",
    "FormDSignature",
    "Investors",
    "Issuer",
    "NonDerivativeHolding",
    "NonDerivativeTransaction",
    "OfferingSalesAmounts",
    "OwnershipFiling",
    "PrimaryIssuer",
    "RelatedPerson",
    "ReportingOwner",
    "SalesCompensationRecipient",
    "SecurityOffered",
    "Signature",
    "UseOfProceeds",
    "filing_class",
    "from_dict",
    "read_gold_dir",
    "read_jsonl",
    "to_dict",
    "write_json",
    "write_jsonl",
]
