"""Form D edgarSubmission -> FormDFiling: the documented mapping, placeholders, namespaces."""

from __future__ import annotations

import pytest

from extractor.edgar_xml import import_xml_bytes
from extractor.records import FormDFiling
from tests.conftest import XML_DIR

FORMD = XML_DIR / "formd"

NAMESPACED = b"""<?xml version="1.0"?>
<ns1:edgarSubmission xmlns:ns1="http://www.sec.gov/edgar/formd">
 <ns1:submissionType>D</ns1:submissionType>
 <ns1:primaryIssuer><ns1:entityName>Acme Fund LP</ns1:entityName>
  <ns1:yearOfInc><ns1:withinFiveYears>true</ns1:withinFiveYears><ns1:value>2021</ns1:value></ns1:yearOfInc>
 </ns1:primaryIssuer>
 <ns1:offeringData>
  <ns1:federalExemptionsExclusions><ns1:item>06c</ns1:item><ns1:item>3C.7</ns1:item></ns1:federalExemptionsExclusions>
  <ns1:investors><ns1:hasNonAccreditedInvestors>true</ns1:hasNonAccreditedInvestors>
   <ns1:numberNonAccreditedInvestors>3</ns1:numberNonAccreditedInvestors>
   <ns1:totalNumberAlreadyInvested>10</ns1:totalNumberAlreadyInvested></ns1:investors>
 </ns1:offeringData>
</ns1:edgarSubmission>"""


def _filing(name: str) -> tuple[str, FormDFiling, list[str]]:
    env = import_xml_bytes((FORMD / name).read_bytes(), document_id="d", source=name)
    assert isinstance(env.filing, FormDFiling)
    return env.form_type, env.filing, env.warnings


@pytest.mark.parametrize(
    ("name", "form_type", "exemptions", "first_person", "signer"),
    [
        (
            "dgunning__edgartools__D.Shepards.xml",  # trap: starts with a blank line before <?xml
            "D/A",
            ["Rule 506(b)"],
            "Wallach, Daniel M.",
            "Daniel M. Wallach",
        ),
        (
            "dgunning__edgartools__D.1685REIT.xml",
            "D",
            ["Rule 506(b)", "Section 3(c)", "Section 3(c)(7)"],
            "Belldegrun, Daniel",
            "Daniel Belldegrun",
        ),
    ],
)
def test_edgar_xml_formd_mapping(
    name: str, form_type: str, exemptions: list[str], first_person: str, signer: str
) -> None:
    got_type, filing, _ = _filing(name)
    assert got_type == form_type
    assert filing.is_amendment is (form_type == "D/A")
    assert filing.federal_exemptions == exemptions
    assert filing.related_persons[0].name == first_person
    assert filing.signature is not None and filing.signature.name_of_signer == signer


@pytest.mark.parametrize("name", ["dgunning__edgartools__D.Shepards.xml"])
def test_edgar_xml_formd_values(name: str) -> None:
    _, filing, _ = _filing(name)
    assert filing.primary_issuer is not None
    assert filing.primary_issuer.state_or_country == "FL"
    assert filing.primary_issuer.year_of_inc == "Over Five Years Ago"
    assert filing.related_persons[0].relationships == ["Executive Officer", "Director"]
    assert filing.date_of_first_sale == "2017-03-16"
    # one security type: the offering totals are its amounts
    assert [(s.type, s.aggregate_offering_price, s.amount_sold) for s in filing.securities_offered] == [
        ("equity", 8000000, 5725051)
    ]
    assert filing.investors is not None and filing.investors.accredited_count == 13
    # trap: recipientName "None", street1 "NONE", stateOrCountry "XX" is the no-recipient placeholder
    assert filing.sales_compensation_recipients == []


@pytest.mark.parametrize("name", ["dgunning__edgartools__D.1685REIT.xml"])
def test_edgar_xml_formd_recipient_states_are_codes(name: str) -> None:
    """Trap: <state>FL</state> is followed by <description>FLORIDA</description>."""
    _, filing, _ = _filing(name)
    assert filing.sales_compensation_recipients[0].states == ["FL", "GA", "TX"]


@pytest.mark.parametrize("name", ["dgunning__edgartools__0001398344-24-000491.nc"])
def test_edgar_xml_formd_indefinite_amount_warns(name: str) -> None:
    from extractor.edgar_xml import import_file

    result = import_file(FORMD / name)
    (env,) = result.envelopes
    assert isinstance(env.filing, FormDFiling) and env.filing.offering_sales_amounts is not None
    assert env.filing.offering_sales_amounts.total_offering_amount is None
    assert any("Indefinite" in w for w in env.warnings)


@pytest.mark.parametrize("data", [NAMESPACED])
def test_edgar_xml_formd_namespaces_stripped(data: bytes) -> None:
    env = import_xml_bytes(data, document_id="ns", source="ns.xml")
    assert env.form_type == "D"
    assert isinstance(env.filing, FormDFiling)
    assert env.filing.primary_issuer is not None and env.filing.primary_issuer.year_of_inc == "2021"
    assert env.filing.federal_exemptions == ["Rule 506(c)", "Section 3(c)(7)"]
    assert env.filing.investors is not None
    assert (env.filing.investors.accredited_count, env.filing.investors.non_accredited_count) == (7, 3)
