"""Form 3/4/5 records -> EDGAR ``ownershipDocument`` XML, elements in the SEC schema's order (X0508).

:mod:`extractor.edgar_xml.ownership` reads this back to the same record (tested on the dev gold). What
the record does not hold is left out rather than invented: footnote references (``<footnoteId>``),
``transactionTimeliness``, ``notSubjectToSection16``. ``transactionFormType`` is required by the schema
and is the form type without ``/A``.

Traps:

- Values keep their inner whitespace (``Class A  Common Stock``): the importer strips only the ends.
- Integral numbers are written without ``.0`` (``46780``); the importer turns them back into ints.
- A relationship box that is ``None`` is left out; the importer reads an absent box inside a present
  ``reportingOwnerRelationship`` as ``false``, so the block is written only when the record has a box.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml.etree import _Element as Element

from extractor.errors import BatchError, Errors
from extractor.records import Envelope, OwnershipFiling

SCHEMA_VERSION = "X0508"

# lxml refuses characters XML 1.0 cannot hold; OCR text sometimes has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def ownership_xml(env: Envelope) -> bytes:
    """The record as EDGAR ownership XML bytes; raises ``BatchError`` (E607) for other form types."""
    f = env.filing
    if not isinstance(f, OwnershipFiling):
        raise BatchError(Errors.E607.format(path=env.document_id, form_type=env.form_type))
    root = etree.Element("ownershipDocument")
    _leaf(root, "schemaVersion", SCHEMA_VERSION)
    _leaf(root, "documentType", env.form_type)
    _leaf(root, "periodOfReport", f.period_of_report)
    _leaf(root, "dateOfOriginalSubmission", f.date_of_original_submission)
    if f.issuer is not None:
        issuer = etree.SubElement(root, "issuer")
        _leaf(issuer, "issuerCik", f.issuer.cik)
        _leaf(issuer, "issuerName", f.issuer.name)
        _leaf(issuer, "issuerTradingSymbol", f.issuer.trading_symbol)
    for owner in f.reporting_owners:
        _owner(root, owner)
    form = env.form_type.split("/")[0]
    if f.non_derivative_transactions or f.non_derivative_holdings:
        table = etree.SubElement(root, "nonDerivativeTable")
        for t in f.non_derivative_transactions:
            _nd_transaction(table, t, form)
        for h in f.non_derivative_holdings:
            row = etree.SubElement(table, "nonDerivativeHolding")
            _value(row, "securityTitle", h.security_title)
            _post_and_nature(row, h)
    if f.derivative_transactions or f.derivative_holdings:
        table = etree.SubElement(root, "derivativeTable")
        for dt in f.derivative_transactions:
            _d_transaction(table, dt, form)
        for dh in f.derivative_holdings:
            row = etree.SubElement(table, "derivativeHolding")
            _value(row, "securityTitle", dh.security_title)
            _value(row, "conversionOrExercisePrice", dh.conversion_or_exercise_price)
            _value(row, "exerciseDate", dh.exercise_date)
            _value(row, "expirationDate", dh.expiration_date)
            _underlying(row, dh)
            _post_and_nature(row, dh)
    if f.footnotes:
        notes = etree.SubElement(root, "footnotes")
        for note in f.footnotes:
            el = etree.SubElement(notes, "footnote", id=f"F{note.id or ''}")
            el.text = _text(note.text)
    _leaf(root, "remarks", f.remarks)
    for sig in f.signatures:
        el = etree.SubElement(root, "ownerSignature")
        _leaf(el, "signatureName", sig.name)
        _leaf(el, "signatureDate", sig.date)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _NOT_XML.sub("", str(value))


def _leaf(parent: Element, tag: str, value: Any) -> Element | None:
    text = _text(value)
    if text is None:
        return None
    el = etree.SubElement(parent, tag)
    el.text = text
    return el


def _value(parent: Element, tag: str, value: Any) -> None:
    """``<tag><value>v</value></tag>``, EDGAR's footnotable wrapper."""
    if value is not None:
        _leaf(etree.SubElement(parent, tag), "value", value)


def _group(parent: Element, tag: str, children: list[tuple[str, Any, bool]]) -> None:
    """``<tag>`` with its (child tag, value, wrapped in <value>) children, left out when all are None."""
    if all(v is None for _, v, _ in children):
        return
    group = etree.SubElement(parent, tag)
    for child, value, wrapped in children:
        if wrapped:
            _value(group, child, value)
        else:
            _leaf(group, child, value)


def _owner(root: Element, o: Any) -> None:
    el = etree.SubElement(root, "reportingOwner")
    _group(el, "reportingOwnerId", [("rptOwnerCik", o.cik, False), ("rptOwnerName", o.name, False)])
    _group(
        el,
        "reportingOwnerAddress",
        [
            ("rptOwnerStreet1", o.street1, False),
            ("rptOwnerStreet2", o.street2, False),
            ("rptOwnerCity", o.city, False),
            ("rptOwnerState", o.state, False),
            ("rptOwnerZipCode", o.zip_code, False),
        ],
    )
    _group(
        el,
        "reportingOwnerRelationship",
        [
            ("isDirector", o.is_director, False),
            ("isOfficer", o.is_officer, False),
            ("isTenPercentOwner", o.is_ten_percent_owner, False),
            ("isOther", o.is_other, False),
            ("officerTitle", o.officer_title, False),
            ("otherText", o.other_text, False),
        ],
    )


def _coding(row: Element, t: Any, form: str) -> None:
    if t.transaction_code is None and t.equity_swap_involved is None:
        return
    coding = etree.SubElement(row, "transactionCoding")
    _leaf(coding, "transactionFormType", form)
    _leaf(coding, "transactionCode", t.transaction_code)
    _leaf(coding, "equitySwapInvolved", t.equity_swap_involved)


def _amounts(row: Element, t: Any) -> None:
    _group(
        row,
        "transactionAmounts",
        [
            ("transactionShares", t.transaction_shares, True),
            ("transactionPricePerShare", t.transaction_price_per_share, True),
            ("transactionAcquiredDisposedCode", t.transaction_acquired_disposed_code, True),
        ],
    )


def _underlying(row: Element, t: Any) -> None:
    _group(
        row,
        "underlyingSecurity",
        [
            ("underlyingSecurityTitle", t.underlying_security_title, True),
            ("underlyingSecurityShares", t.underlying_security_shares, True),
        ],
    )


def _post_and_nature(row: Element, t: Any) -> None:
    _group(
        row,
        "postTransactionAmounts",
        [("sharesOwnedFollowingTransaction", t.shares_owned_following_transaction, True)],
    )
    _group(
        row,
        "ownershipNature",
        [
            ("directOrIndirectOwnership", t.direct_or_indirect_ownership, True),
            ("natureOfOwnership", t.nature_of_ownership, True),
        ],
    )


def _nd_transaction(table: Element, t: Any, form: str) -> None:
    row = etree.SubElement(table, "nonDerivativeTransaction")
    _value(row, "securityTitle", t.security_title)
    _value(row, "transactionDate", t.transaction_date)
    _value(row, "deemedExecutionDate", t.deemed_execution_date)
    _coding(row, t, form)
    _amounts(row, t)
    _post_and_nature(row, t)


def _d_transaction(table: Element, t: Any, form: str) -> None:
    row = etree.SubElement(table, "derivativeTransaction")
    _value(row, "securityTitle", t.security_title)
    _value(row, "conversionOrExercisePrice", t.conversion_or_exercise_price)
    _value(row, "transactionDate", t.transaction_date)
    _value(row, "deemedExecutionDate", t.deemed_execution_date)
    _coding(row, t, form)
    _amounts(row, t)
    _value(row, "exerciseDate", t.exercise_date)
    _value(row, "expirationDate", t.expiration_date)
    _underlying(row, t)
    _post_and_nature(row, t)
