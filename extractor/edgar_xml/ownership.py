"""EDGAR ``ownershipDocument`` (Forms 3, 4, 5 and amendments; schemas X0202-X0508) -> OwnershipFiling.

Conventions (those of the shared dev gold, which was made from this XML):

- ``{value, footnoteId}`` wrappers are flattened to the value; footnote references are dropped.
- Empty elements are absent (``None``), never ``""``. Values are stripped but keep inner whitespace
  (``Class A  Common Stock``); footnotes and remarks have whitespace runs collapsed to one space.
- Numbers are JSON numbers, ``int`` when integral (``0.00`` -> ``0``); dates ISO.
- Booleans from ``1``/``0``/``true``/``false``. Trap: some filings leave out ``isOfficer``,
  ``isTenPercentOwner`` and ``isOther`` and give only ``isDirector``; an absent box inside a present
  ``reportingOwnerRelationship`` is ``false`` (the form shows it unmarked), as in the gold.
- Footnote ids lose their ``F`` (``F1`` -> ``"1"``).
- CIKs are kept as the XML's strings (``0001222287``) although texts never show them.
- ``form_type`` comes from ``documentType`` (``4``, ``4/A``, ...); ``dateOfOriginalSubmission`` of
  amendments becomes ``date_of_original_submission``.
"""

from __future__ import annotations

from lxml import etree

from extractor.edgar_xml.safe_xml import child_text, text, to_bool, to_date, to_number
from extractor.errors import Errors, XmlImportError
from extractor.records import (
    OWNERSHIP_FORM_TYPES,
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

ROOT_TAG = "ownershipDocument"

# Element paths shared by transaction and holding rows.
_SHARES = "transactionAmounts/transactionShares"
_PRICE = "transactionAmounts/transactionPricePerShare"
_ACQ_DISP = "transactionAmounts/transactionAcquiredDisposedCode"
_OWNED_AFTER = "postTransactionAmounts/sharesOwnedFollowingTransaction"
_DIRECT = "ownershipNature/directOrIndirectOwnership"
_NATURE = "ownershipNature/natureOfOwnership"
_UNDERLYING_TITLE = "underlyingSecurity/underlyingSecurityTitle"
_UNDERLYING_SHARES = "underlyingSecurity/underlyingSecurityShares"


def form_type_of(root: etree._Element, *, source: str) -> str:
    """``documentType`` normalised (``"4 / A"`` -> ``"4/A"``); raises E203 when it is not a 3/4/5 type."""
    raw = child_text(root, "documentType") or ""
    form_type = "".join(raw.split()).upper()
    if form_type not in OWNERSHIP_FORM_TYPES:
        raise XmlImportError(Errors.E203.format(path=source, form_type=raw, element="documentType"))
    return form_type


def parse_ownership(root: etree._Element) -> OwnershipFiling:
    """Map an ``ownershipDocument`` element onto the SCHEMA.md record."""
    nd_table = root.find("nonDerivativeTable")
    d_table = root.find("derivativeTable")
    return OwnershipFiling(
        period_of_report=to_date(child_text(root, "periodOfReport")),
        date_of_original_submission=to_date(child_text(root, "dateOfOriginalSubmission")),
        issuer=_issuer(root.find("issuer")),
        reporting_owners=[_owner(el) for el in root.findall("reportingOwner")],
        non_derivative_transactions=[
            _nd_transaction(el) for el in _rows(nd_table, "nonDerivativeTransaction")
        ],
        non_derivative_holdings=[_nd_holding(el) for el in _rows(nd_table, "nonDerivativeHolding")],
        derivative_transactions=[_d_transaction(el) for el in _rows(d_table, "derivativeTransaction")],
        derivative_holdings=[_d_holding(el) for el in _rows(d_table, "derivativeHolding")],
        footnotes=[_footnote(el) for el in root.findall("footnotes/footnote")],
        remarks=child_text(root, "remarks", collapse=True),
        signatures=[_signature(el) for el in root.findall("ownerSignature")],
    )


def _rows(table: etree._Element | None, tag: str) -> list[etree._Element]:
    return [] if table is None else table.findall(tag)


def _issuer(el: etree._Element | None) -> Issuer | None:
    if el is None:
        return None
    return Issuer(
        cik=child_text(el, "issuerCik"),
        name=child_text(el, "issuerName"),
        trading_symbol=child_text(el, "issuerTradingSymbol"),
    )


def _relationship_flag(rel: etree._Element | None, tag: str) -> bool | None:
    if rel is None:
        return None
    flag = to_bool(child_text(rel, tag))
    # The block is there but this box is not: the form prints it unmarked.
    return False if flag is None else flag


def _owner(el: etree._Element) -> ReportingOwner:
    rel = el.find("reportingOwnerRelationship")
    return ReportingOwner(
        cik=child_text(el, "reportingOwnerId/rptOwnerCik"),
        name=child_text(el, "reportingOwnerId/rptOwnerName"),
        street1=child_text(el, "reportingOwnerAddress/rptOwnerStreet1"),
        street2=child_text(el, "reportingOwnerAddress/rptOwnerStreet2"),
        city=child_text(el, "reportingOwnerAddress/rptOwnerCity"),
        state=child_text(el, "reportingOwnerAddress/rptOwnerState"),
        zip_code=child_text(el, "reportingOwnerAddress/rptOwnerZipCode"),
        is_director=_relationship_flag(rel, "isDirector"),
        is_officer=_relationship_flag(rel, "isOfficer"),
        is_ten_percent_owner=_relationship_flag(rel, "isTenPercentOwner"),
        is_other=_relationship_flag(rel, "isOther"),
        officer_title=child_text(rel, "officerTitle"),
        other_text=child_text(rel, "otherText"),
    )


def _nd_transaction(el: etree._Element) -> NonDerivativeTransaction:
    return NonDerivativeTransaction(
        security_title=child_text(el, "securityTitle"),
        transaction_date=to_date(child_text(el, "transactionDate")),
        deemed_execution_date=to_date(child_text(el, "deemedExecutionDate")),
        transaction_code=child_text(el, "transactionCoding/transactionCode"),
        equity_swap_involved=to_bool(child_text(el, "transactionCoding/equitySwapInvolved")),
        transaction_shares=to_number(child_text(el, _SHARES)),
        transaction_price_per_share=to_number(child_text(el, _PRICE)),
        transaction_acquired_disposed_code=child_text(el, _ACQ_DISP),
        shares_owned_following_transaction=to_number(child_text(el, _OWNED_AFTER)),
        direct_or_indirect_ownership=child_text(el, _DIRECT),
        nature_of_ownership=child_text(el, _NATURE),
    )


def _nd_holding(el: etree._Element) -> NonDerivativeHolding:
    return NonDerivativeHolding(
        security_title=child_text(el, "securityTitle"),
        shares_owned_following_transaction=to_number(child_text(el, _OWNED_AFTER)),
        direct_or_indirect_ownership=child_text(el, _DIRECT),
        nature_of_ownership=child_text(el, _NATURE),
    )


def _d_transaction(el: etree._Element) -> DerivativeTransaction:
    return DerivativeTransaction(
        security_title=child_text(el, "securityTitle"),
        conversion_or_exercise_price=to_number(child_text(el, "conversionOrExercisePrice")),
        transaction_date=to_date(child_text(el, "transactionDate")),
        deemed_execution_date=to_date(child_text(el, "deemedExecutionDate")),
        transaction_code=child_text(el, "transactionCoding/transactionCode"),
        equity_swap_involved=to_bool(child_text(el, "transactionCoding/equitySwapInvolved")),
        transaction_shares=to_number(child_text(el, _SHARES)),
        transaction_price_per_share=to_number(child_text(el, _PRICE)),
        transaction_acquired_disposed_code=child_text(el, _ACQ_DISP),
        exercise_date=to_date(child_text(el, "exerciseDate")),
        expiration_date=to_date(child_text(el, "expirationDate")),
        underlying_security_title=child_text(el, _UNDERLYING_TITLE),
        underlying_security_shares=to_number(child_text(el, _UNDERLYING_SHARES)),
        shares_owned_following_transaction=to_number(child_text(el, _OWNED_AFTER)),
        direct_or_indirect_ownership=child_text(el, _DIRECT),
        nature_of_ownership=child_text(el, _NATURE),
    )


def _d_holding(el: etree._Element) -> DerivativeHolding:
    return DerivativeHolding(
        security_title=child_text(el, "securityTitle"),
        conversion_or_exercise_price=to_number(child_text(el, "conversionOrExercisePrice")),
        exercise_date=to_date(child_text(el, "exerciseDate")),
        expiration_date=to_date(child_text(el, "expirationDate")),
        underlying_security_title=child_text(el, _UNDERLYING_TITLE),
        underlying_security_shares=to_number(child_text(el, _UNDERLYING_SHARES)),
        shares_owned_following_transaction=to_number(child_text(el, _OWNED_AFTER)),
        direct_or_indirect_ownership=child_text(el, _DIRECT),
        nature_of_ownership=child_text(el, _NATURE),
    )


def _footnote(el: etree._Element) -> Footnote:
    raw_id = (el.get("id") or "").strip()
    fid = raw_id[1:] if raw_id[:1] in ("F", "f") else raw_id
    return Footnote(id=fid or None, text=text(el, collapse=True))


def _signature(el: etree._Element) -> Signature:
    return Signature(name=child_text(el, "signatureName"), date=to_date(child_text(el, "signatureDate")))
