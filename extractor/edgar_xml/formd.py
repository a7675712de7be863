"""EDGAR Form D ``edgarSubmission`` (X0703-X0708, D and D/A) -> FormDFiling.

The electronic Form D (2009 on) is not the paper form SCHEMA.md's Form D record also covers, so some
keys have no source and stay null (``offering_name``, ``adjusted_gross_proceeds``, expense lines other
than sales commissions and finders' fees, investor dollar amounts). Mapping (paths under
``edgarSubmission``; ``od`` = ``offeringData``):

====================================  ============================================================
SCHEMA.md key                          EDGAR XML
====================================  ============================================================
form_type (envelope)                   ``submissionType`` (``D``, ``D/A``)
is_amendment                           ``od/typeOfFiling/newOrAmendment/isAmendment``
federal_exemptions                     ``od/federalExemptionsExclusions/item``, codes mapped by
                                       ``EXEMPTION_NAMES`` (``06b`` -> ``Rule 506(b)``); an unknown
                                       code is kept as printed
date_of_first_sale                     ``od/typeOfFiling/dateOfFirstSale/value`` (``yetToOccur`` ->
                                       null)
primary_issuer.cik, entity_name        ``primaryIssuer/cik``, ``entityName``
primary_issuer address                 ``primaryIssuer/issuerAddress/street1, street2, city,
                                       stateOrCountry, zipCode``
primary_issuer.phone_number            ``primaryIssuer/issuerPhoneNumber`` (as printed)
primary_issuer.entity_type             ``primaryIssuer/entityType`` (``Other`` -> its
                                       ``entityTypeOtherDesc`` when given)
primary_issuer.jurisdiction_of_inc     ``primaryIssuer/jurisdictionOfInc`` (as printed)
primary_issuer.year_of_inc             ``yearOfInc/value``; else ``Over Five Years Ago`` /
                                       ``Yet to Be Formed`` as the form prints the boxes
business_description                   ``od/industryGroup/industryGroupType`` (+ `` - `` and
                                       ``investmentFundType`` for pooled funds)
related_persons[]                      ``relatedPersonsList/relatedPersonInfo``: first/middle/last
                                       from ``relatedPersonName``; ``name`` is ``Last, First
                                       Middle`` -- the paper form's "Full Name (Last name first, if
                                       individual)", so paper and electronic records agree;
                                       address from ``relatedPersonAddress``; ``relationships`` from
                                       ``relatedPersonRelationshipList/relationship``
minimum_investment_accepted            ``od/minimumInvestmentAccepted``
securities_offered[]                   one row per true flag of ``od/typesOfSecuritiesOffered``
                                       (``SECURITY_FLAGS``); the electronic form has only offering
                                       totals, so amounts are filled only when one type is offered
offering_sales_amounts                 ``od/offeringSalesAmounts/totalOfferingAmount,
                                       totalAmountSold, totalRemaining`` (``Indefinite`` -> null
                                       plus a warning)
investors                              ``od/investors``: non_accredited_count =
                                       ``numberNonAccreditedInvestors`` (0 when
                                       ``hasNonAccreditedInvestors`` is false); accredited_count =
                                       ``totalNumberAlreadyInvested`` - non_accredited_count
expenses.sales_commissions,            ``od/salesCommissionsFindersFees/salesCommissions/
  finders_fees                         dollarAmount``, ``findersFees/dollarAmount``
use_of_proceeds[]                      one row: purpose = ``od/useOfProceeds/clarificationOfResponse``
                                       (else the form's wording), to_officers_directors_affiliates =
                                       ``grossProceedsUsed/dollarAmount``
sales_compensation_recipients[]        ``od/salesCompensationList/recipient``: recipientName,
                                       recipientAddress, associatedBDName,
                                       ``statesOfSolicitationList/state`` or ``value`` (``All
                                       States``); filers' ``None`` placeholders are absent
signature                              first ``od/signatureBlock/signature``: issuerName,
                                       nameOfSigner, signatureTitle, signatureDate
====================================  ============================================================
"""

from __future__ import annotations

from lxml import etree

from extractor.edgar_xml.safe_xml import child_text, text, to_bool, to_date, to_number
from extractor.errors import Errors, XmlImportError
from extractor.records import (
    FORM_D_TYPES,
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

ROOT_TAG = "edgarSubmission"

# Form D item 6 codes as EDGAR writes them in <federalExemptionsExclusions><item>.
EXEMPTION_NAMES = {
    "04": "Rule 504",
    "04.1": "Rule 504(b)(1)",
    "04.2": "Rule 504(b)(1)(i)",
    "04.3": "Rule 504(b)(1)(ii)",
    "04.4": "Rule 504(b)(1)(iii)",
    "05": "Rule 505",
    "06": "Rule 506",  # before Rule 506(c) existed (schemas up to 2013)
    "06b": "Rule 506(b)",
    "06c": "Rule 506(c)",
    "3C": "Section 3(c)",
    **{f"3C.{n}": f"Section 3(c)({n})" for n in range(1, 15)},
    "4a5": "Section 4(a)(5)",
    "4(6)": "Section 4(6)",
}

# typesOfSecuritiesOffered flags -> SCHEMA.md security types. The paper form's "Convertible
# Securities (including warrants)" covers options and the securities acquired on their exercise.
SECURITY_FLAGS = (
    ("isDebtType", "debt"),
    ("isEquityType", "equity"),
    ("isOptionToAcquireType", "convertible"),
    ("isSecurityToBeAcquiredType", "convertible"),
    ("isPooledInvestmentFundType", "other"),
    ("isTenantInCommonType", "other"),
    ("isMineralPropertyType", "other"),
    ("isOtherType", "other"),
)

# Filers type these into mandatory fields when there is nothing to report (edgartools'
# D.Shepards.xml: recipientName "None", street1 "NONE", stateOrCountry "XX").
_PLACEHOLDERS = frozenset({"none", "n/a", "na", "not applicable", "xx", "-"})
_USE_OF_PROCEEDS_PURPOSE = "Payments to executive officers, directors or promoters"


def form_type_of(root: etree._Element, *, source: str) -> str:
    """``submissionType`` (``D`` / ``D/A``); raises E203 for anything else."""
    raw = child_text(root, "submissionType") or ""
    form_type = "".join(raw.split()).upper()
    if form_type not in FORM_D_TYPES:
        raise XmlImportError(Errors.E203.format(path=source, form_type=raw, element="submissionType"))
    return form_type


def parse_formd(root: etree._Element) -> tuple[FormDFiling, list[str]]:
    """Map an ``edgarSubmission`` element onto the SCHEMA.md record; also returns warnings."""
    warnings: list[str] = []
    od = root.find("offeringData")
    securities = _securities(od)
    amounts = _amounts(od, warnings)
    if len(securities) == 1 and amounts is not None:
        securities[0].aggregate_offering_price = amounts.total_offering_amount
        securities[0].amount_sold = amounts.total_amount_sold
    filing = FormDFiling(
        is_amendment=to_bool(child_text(od, "typeOfFiling/newOrAmendment/isAmendment")),
        federal_exemptions=[_exemption(t) for t in _texts(od, "federalExemptionsExclusions/item")],
        date_of_first_sale=to_date(child_text(od, "typeOfFiling/dateOfFirstSale")),
        primary_issuer=_issuer(root.find("primaryIssuer")),
        business_description=_business(od),
        related_persons=[_person(el) for el in root.findall("relatedPersonsList/relatedPersonInfo")],
        minimum_investment_accepted=to_number(child_text(od, "minimumInvestmentAccepted")),
        securities_offered=securities,
        offering_sales_amounts=amounts,
        investors=_investors(od),
        expenses=_expenses(od),
        use_of_proceeds=_use_of_proceeds(od),
        sales_compensation_recipients=[
            r for el in _findall(od, "salesCompensationList/recipient") if (r := _recipient(el)) is not None
        ],
        signature=_signature(od),
    )
    return filing, warnings


def _findall(el: etree._Element | None, path: str) -> list[etree._Element]:
    return [] if el is None else el.findall(path)


def _texts(el: etree._Element | None, path: str) -> list[str]:
    return [t for e in _findall(el, path) if (t := text(e)) is not None]


def _exemption(code: str) -> str:
    return EXEMPTION_NAMES.get(code, EXEMPTION_NAMES.get(code.lower(), code))


def _real(s: str | None) -> str | None:
    """``None`` for filers' placeholders (``None``, ``N/A``, ``XX``), else the text."""
    return None if s is None or s.strip().lower() in _PLACEHOLDERS else s


def _issuer(el: etree._Element | None) -> PrimaryIssuer | None:
    if el is None:
        return None
    entity_type = child_text(el, "entityType")
    if entity_type == "Other":
        entity_type = child_text(el, "entityTypeOtherDesc") or entity_type
    return PrimaryIssuer(
        cik=child_text(el, "cik"),
        entity_name=child_text(el, "entityName"),
        street1=child_text(el, "issuerAddress/street1"),
        street2=child_text(el, "issuerAddress/street2"),
        city=child_text(el, "issuerAddress/city"),
        state_or_country=child_text(el, "issuerAddress/stateOrCountry"),
        zip_code=child_text(el, "issuerAddress/zipCode"),
        phone_number=child_text(el, "issuerPhoneNumber"),
        entity_type=entity_type,
        jurisdiction_of_inc=child_text(el, "jurisdictionOfInc"),
        year_of_inc=_year_of_inc(el.find("yearOfInc")),
    )


def _year_of_inc(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    year = child_text(el, "value")
    if year is not None:
        return year
    if to_bool(child_text(el, "overFiveYears")):
        return "Over Five Years Ago"
    if to_bool(child_text(el, "yetToBeFormed")):
        return "Yet to Be Formed"
    return None


def _business(od: etree._Element | None) -> str | None:
    industry = child_text(od, "industryGroup/industryGroupType")
    fund_type = child_text(od, "industryGroup/investmentFundInfo/investmentFundType")
    if industry and fund_type:
        return f"{industry} - {fund_type}"
    return industry


def _person(el: etree._Element) -> RelatedPerson:
    first = child_text(el, "relatedPersonName/firstName")
    middle = child_text(el, "relatedPersonName/middleName")
    last = child_text(el, "relatedPersonName/lastName")
    given = " ".join(p for p in (first, middle) if p)
    name = ", ".join(p for p in (last, given) if p) or None
    return RelatedPerson(
        name=name,
        first_name=first,
        middle_name=middle,
        last_name=last,
        street1=child_text(el, "relatedPersonAddress/street1"),
        street2=child_text(el, "relatedPersonAddress/street2"),
        city=child_text(el, "relatedPersonAddress/city"),
        state_or_country=child_text(el, "relatedPersonAddress/stateOrCountry"),
        zip_code=child_text(el, "relatedPersonAddress/zipCode"),
        relationships=_texts(el, "relatedPersonRelationshipList/relationship"),
    )


def _securities(od: etree._Element | None) -> list[SecurityOffered]:
    types_el = None if od is None else od.find("typesOfSecuritiesOffered")
    out: list[SecurityOffered] = []
    seen: set[str] = set()
    for flag, kind in SECURITY_FLAGS:
        if to_bool(child_text(types_el, flag)) and kind not in seen:
            seen.add(kind)
            out.append(SecurityOffered(type=kind))
    return out


def _amounts(od: etree._Element | None, warnings: list[str]) -> OfferingSalesAmounts | None:
    el = None if od is None else od.find("offeringSalesAmounts")
    if el is None:
        return None
    values = {}
    for tag in ("totalOfferingAmount", "totalAmountSold", "totalRemaining"):
        raw = child_text(el, tag)
        values[tag] = to_number(raw)
        if raw is not None and values[tag] is None:
            warnings.append(f"offeringSalesAmounts/{tag} is '{raw}', not a number: left null")
    return OfferingSalesAmounts(
        total_offering_amount=values["totalOfferingAmount"],
        total_amount_sold=values["totalAmountSold"],
        total_remaining=values["totalRemaining"],
    )


def _investors(od: etree._Element | None) -> Investors | None:
    el = None if od is None else od.find("investors")
    if el is None:
        return None
    total = to_number(child_text(el, "totalNumberAlreadyInvested"))
    non_accredited = to_number(child_text(el, "numberNonAccreditedInvestors"))
    if non_accredited is None and to_bool(child_text(el, "hasNonAccreditedInvestors")) is False:
        non_accredited = 0
    accredited = total - non_accredited if total is not None and non_accredited is not None else None
    return Investors(accredited_count=accredited, non_accredited_count=non_accredited)


def _expenses(od: etree._Element | None) -> Expenses | None:
    el = None if od is None else od.find("salesCommissionsFindersFees")
    if el is None:
        return None
    return Expenses(
        sales_commissions=to_number(child_text(el, "salesCommissions/dollarAmount")),
        finders_fees=to_number(child_text(el, "findersFees/dollarAmount")),
    )


def _use_of_proceeds(od: etree._Element | None) -> list[UseOfProceeds]:
    el = None if od is None else od.find("useOfProceeds")
    if el is None:
        return []
    amount = to_number(child_text(el, "grossProceedsUsed/dollarAmount"))
    if amount is None:
        return []
    purpose = child_text(el, "clarificationOfResponse") or _USE_OF_PROCEEDS_PURPOSE
    return [UseOfProceeds(purpose=purpose, to_officers_directors_affiliates=amount)]


def _recipient(el: etree._Element) -> SalesCompensationRecipient | None:
    rec = SalesCompensationRecipient(
        name=_real(child_text(el, "recipientName")),
        street1=_real(child_text(el, "recipientAddress/street1")),
        city=_real(child_text(el, "recipientAddress/city")),
        state_or_country=_real(child_text(el, "recipientAddress/stateOrCountry")),
        zip_code=_real(child_text(el, "recipientAddress/zipCode")),
        associated_broker_dealer=_real(child_text(el, "associatedBDName")),
    )
    if rec.name is None and rec.associated_broker_dealer is None:
        return None  # the "no recipient" placeholder row
    # Trap: each <state>FL</state> is followed by <description>FLORIDA</description>; only the codes
    # (and the <value>All States</value> choice) are states.
    rec.states = _texts(el, "statesOfSolicitationList/state") + _texts(el, "statesOfSolicitationList/value")
    return rec


def _signature(od: etree._Element | None) -> FormDSignature | None:
    el = None if od is None else od.find("signatureBlock/signature")
    if el is None:
        return None
    return FormDSignature(
        issuer_name=child_text(el, "issuerName"),
        name_of_signer=child_text(el, "nameOfSigner"),
        signature_title=child_text(el, "signatureTitle"),
        signature_date=to_date(child_text(el, "signatureDate")),
    )
