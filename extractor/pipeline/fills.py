"""What the NER may fill where the rule assemblers leave a field empty, and how its text is normalised.

Three kinds of fill, all used by ``extractor.pipeline.assembler.join_entities``:

- ``HEADER_FILLS`` (Forms 3/4/5) and ``FORMD_FILLS`` (Form D): a scalar field path, its entity label and
  normaliser. A field is filled only when the rules left it ``None`` and the NER's entities of that
  label, outside Tables I/II, normalise to exactly ONE distinct value (the NER disagreeing with itself
  is not confidence). Labels shared by several fields (``EXPENSE_AMOUNT`` for eight expense lines,
  ``INVESTOR_COUNT`` for accredited and non-accredited) are left out: one entity would not say which.
- ``CELL_FILLS``: a table leaf (``transaction_shares`` ...) of a row the rules read with that cell
  empty. Candidates are entities of the leaf's label that start on a line holding one of the row's
  other cells and overlap no value of the record; again exactly one distinct value or nothing. Trap:
  OCR can put two rows' cells on one line, which is why overlapping a value already read disqualifies.

Paths are SCHEMA.md paths; ``reporting_owners[0]`` fills only single-owner filings (with co-filers we
would not know whose value it is).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extractor.assemble.values import parse_date, parse_number, state_code, strip_footnote_marks
from extractor.checks.validate import TRANSACTION_CODES  # every code of the form, K and V included
from extractor.records import (
    Expenses,
    FormDSignature,
    Investors,
    Issuer,
    OfferingSalesAmounts,
    PrimaryIssuer,
    ReportingOwner,
)

Normaliser = Callable[[str], Any]

# Intermediate records created when a fill lands in a part the rules left None.
_PARTS: dict[str, Callable[[], Any]] = {
    "issuer": Issuer,
    "primary_issuer": PrimaryIssuer,
    "offering_sales_amounts": OfferingSalesAmounts,
    "investors": Investors,
    "expenses": Expenses,
    "signature": FormDSignature,
}
_OWNER0 = "reporting_owners[0]"
_CLEAN_AMOUNT = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z]{2,}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PHONE = re.compile(r"[\d().\- ]{7,20}")


def text_value(value: str) -> str | None:
    """One line of text without footnote marks, or None."""
    return strip_footnote_marks(" ".join(value.split())) or None


def _person(value: str) -> str | None:
    """A signer's name: words with letters and no digit (a date tagged as a name is not one)."""
    text = text_value(value)
    return text if text and not _DIGIT.search(text) and _WORD.search(text) else None


def _no_digits(value: str) -> str | None:
    text = text_value(value)
    return text if text and not _DIGIT.search(text) else None


def _ticker(value: str) -> str | None:
    return (text_value(value) or "").strip("[]()") or None


def amount_value(value: str) -> float | int | None:
    """A cleanly printed amount (``$ 1,477.50(2)``), as the rules write it (``int`` when integral).

    Trap: OCR garbles the very cells the rules could not read (``s4``, ``$.40.78``, ``j4951``,
    ``2,3365``); ``parse_number`` would pull a wrong number out of each, so only a whole, well-grouped
    number is accepted here."""
    text = strip_footnote_marks(value).replace("$", "").strip()
    if text == "-0-":  # paper Form D's zero
        return 0
    return parse_number(text) if _CLEAN_AMOUNT.fullmatch(text) else None


def _one_letter(allowed: frozenset[str]) -> Normaliser:
    def normalise(value: str) -> str | None:
        text = strip_footnote_marks(value).strip(" ()[]").upper()
        return text if len(text) == 1 and text in allowed else None

    return normalise


def _year(value: str) -> str | None:
    m = _YEAR.search(value)
    return m.group(0) if m else None


def _phone(value: str) -> str | None:
    text = " ".join(value.split())
    return text if _PHONE.fullmatch(text) and sum(c.isdigit() for c in text) >= 7 else None


@dataclass(frozen=True)
class Fill:
    """A scalar field the NER may fill: its SCHEMA.md path, entity label and normaliser."""

    path: str
    label: str
    normalise: Normaliser


HEADER_FILLS: tuple[Fill, ...] = (
    Fill("period_of_report", "PERIOD_DATE", parse_date),
    Fill("issuer.name", "ISSUER_NAME", text_value),
    Fill("issuer.trading_symbol", "TICKER", _ticker),
    Fill(f"{_OWNER0}.name", "OWNER_NAME", text_value),
    Fill(f"{_OWNER0}.city", "OWNER_CITY", text_value),
    Fill(f"{_OWNER0}.state", "OWNER_STATE", state_code),
    Fill(f"{_OWNER0}.zip_code", "OWNER_ZIP", text_value),
)
FORMD_FILLS: tuple[Fill, ...] = (
    Fill("offering_name", "OFFERING_NAME", text_value),
    Fill("date_of_first_sale", "FIRST_SALE_DATE", parse_date),
    Fill("primary_issuer.city", "ISSUER_CITY", text_value),
    Fill("primary_issuer.state_or_country", "ISSUER_STATE", state_code),
    Fill("primary_issuer.zip_code", "ISSUER_ZIP", text_value),
    Fill("primary_issuer.phone_number", "PHONE", _phone),
    Fill("primary_issuer.jurisdiction_of_inc", "JURISDICTION", state_code),
    Fill("primary_issuer.year_of_inc", "YEAR_OF_INC", _year),
    Fill("minimum_investment_accepted", "MIN_INVESTMENT", amount_value),
    Fill("offering_sales_amounts.total_offering_amount", "TOTAL_OFFERING_AMOUNT", amount_value),
    Fill("offering_sales_amounts.total_amount_sold", "TOTAL_AMOUNT_SOLD", amount_value),
    Fill("offering_sales_amounts.total_remaining", "TOTAL_REMAINING", amount_value),
    Fill("expenses.total", "EXPENSE_TOTAL", amount_value),
    Fill("adjusted_gross_proceeds", "ADJUSTED_PROCEEDS", amount_value),
    Fill("signature.name_of_signer", "SIGNER_NAME", _person),
    Fill("signature.signature_title", "SIGNER_TITLE", _no_digits),
    Fill("signature.signature_date", "SIGNATURE_DATE", parse_date),
)
# Table leaf -> (label, normaliser). Titles and nature of ownership are left out: free text that wraps
# over lines, where one entity is easily a piece of the value.
CELL_FILLS: dict[str, tuple[str, Normaliser]] = {
    "transaction_date": ("TX_DATE", parse_date),
    "transaction_code": ("TX_CODE", _one_letter(TRANSACTION_CODES)),
    "transaction_shares": ("TX_SHARES", amount_value),
    "transaction_price_per_share": ("TX_PRICE", amount_value),
    "transaction_acquired_disposed_code": ("TX_AD_CODE", _one_letter(frozenset("AD"))),
    "shares_owned_following_transaction": ("SHARES_AFTER", amount_value),
    "direct_or_indirect_ownership": ("OWNERSHIP_FORM", _one_letter(frozenset("DI"))),
    "conversion_or_exercise_price": ("EXERCISE_PRICE", amount_value),
    "exercise_date": ("EXERCISABLE_DATE", parse_date),
    "expiration_date": ("EXPIRATION_DATE", parse_date),
    "underlying_security_shares": ("UNDERLYING_SHARES", amount_value),
}


def get_path(record: Any, path: str) -> Any:
    """The value at a dotted ``path`` (``reporting_owners[0]`` indexing a list), None where a part is
    missing; ``"<several owners>"`` for an owner field of a co-filed form (never fillable)."""
    obj = record
    for part in path.split("."):
        if part == _OWNER0:
            owners = obj.reporting_owners
            if len(owners) > 1:
                return "<several owners>"
            obj = owners[0] if owners else None
        else:
            obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def set_path(record: Any, path: str, value: Any) -> None:
    """Set the value at ``path``, creating the intermediate parts the rules left None."""
    *parents, leaf = path.split(".")
    obj = record
    for part in parents:
        if part == _OWNER0:
            if not obj.reporting_owners:
                obj.reporting_owners.append(ReportingOwner())
            obj = obj.reporting_owners[0]
            continue
        child = getattr(obj, part)
        if child is None:
            child = _PARTS[part]()
            setattr(obj, part, child)
        obj = child
    setattr(obj, leaf, value)
