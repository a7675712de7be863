# ruff: noqa: E501  (fixtures are form text excerpts; their lines are kept as printed)
"""Form D A.1 (offering, exemptions, issuer) and D (signature): contract tests on real paper-era excerpts."""

from __future__ import annotations

import pytest

from extractor.assemble.formd import extract_formd_text

A1 = """FORM D

NOTICE OF SALE OF SECURITIES
PURSUANT TO REGULATION D,

Name of Offering (check if this is an amendment and name has changed, and indicate change.)
Issuance of common stock of Altiris, Inc. to shareholders of Wise Solutions, Inc. in connection with the
acquisition of Wise Solutions by Altiris

Filing Under (Check box(es) that apply): {exemptions}
Type of Filing: {filing_type}

A. BASIC IDENTIFICATION DATA

1. Enter the information requested about the issuer

Name of Issuer (check if this is an amendment and name has changed, and indicate change.)

Altiris, Inc.



03043384

Address of Executive Offices (Number and Street, City, State, Zip Code) 588 West 400 South, Lindon, Utah 84042\t\
Telephone Number (Including Area Code) 801-805-2400
Address of Principal Business Operations (Number and Street, City, State, Zip Code) (if different from Executive \
Offices) same as above\tTelephone Number (Including Area Code) same as above

Brief Description of Business
Software development and sales

Type of Business Organization

{org}

Actual or Estimated Date of Incorporation or Organization: Month Year {year} Actual Estimated

Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service abbreviation for State: \
CN for Canada; FN for other foreign jurisdiction) {juris}

D. FEDERAL SIGNATURE

The issuer has duly caused this notice to be signed by the undersigned duly authorized person.

Issuer (Print or Type) Altiris, Inc.\tSignature \tDate December 10, 2003
Name of Signer (Print or Type) Craig H. Christensen\tTitle of Signer (Print or Type) Secretary\t
"""
NO_MARKS = dict(
    exemptions="Rule 504 Rule 505 Rule 506 Section 4(6) ULOE",
    filing_type="New Filing Amendment",
    org="corporation limited partnership, already formed\n business trust limited partnership, to be formed other",
    year="",
    juris="",
)


def test_formd_issuer_fields_inline_and_below_captions() -> None:
    """Trap: the SEC stamp "03043384" under the issuer name and the tab-joined phone caption on the address
    line are not values of the name / address; "Utah" -> "UT"; the phone is kept as printed."""
    r = extract_formd_text(A1.format(**NO_MARKS))
    f = r.filing
    assert f.offering_name is not None and f.offering_name.endswith(
        "acquisition of Wise Solutions by Altiris"
    )
    iss = f.primary_issuer
    assert iss is not None
    assert (iss.entity_name, iss.street1, iss.city, iss.state_or_country, iss.zip_code, iss.phone_number) == (
        "Altiris, Inc.",
        "588 West 400 South",
        "Lindon",
        "UT",
        "84042",
        "801-805-2400",
    )
    assert f.business_description == "Software development and sales"


def test_formd_unmarked_boxes_stay_null() -> None:
    """Trap: the converter dropped every box: no exemption, amendment flag or entity type may be guessed."""
    f = extract_formd_text(A1.format(**NO_MARKS)).filing
    assert f.federal_exemptions == []
    assert f.is_amendment is None
    assert f.primary_issuer is not None and f.primary_issuer.entity_type is None
    assert f.primary_issuer.jurisdiction_of_inc is None and f.primary_issuer.year_of_inc is None


@pytest.mark.parametrize(
    ("exemptions", "filing_type", "org", "exp_ex", "exp_amend", "exp_org"),
    [
        (
            "[ ] Rule 504 [ ] Rule 505 [X] Rule 506 [ ] Section 4(6) [X] ULOE",
            "[X] New Filing [ ] Amendment",
            "[X] corporation [ ] limited partnership, already formed",
            ["Rule 506", "ULOE"],
            False,
            "Corporation",
        ),
        (
            "___ Rule 504 _X_ Rule 505 ___ Rule 506 ___ Section 4(6) ___ ULOE",
            "___ New Filing _X_ Amendment",
            "___ corporation ___ business trust _X_ limited partnership, to be formed",
            ["Rule 505"],
            True,
            "Limited Partnership",
        ),
        (
            '<input type="checkbox"/> Rule 504 <input checked="" type="checkbox"/> Rule 506',
            '<input type="checkbox"/> New Filing <input checked="" type="checkbox"/> Amendment',
            '<input type="checkbox"/> corporation <input checked="" type="checkbox"/> business trust',
            ["Rule 506"],
            True,
            "Business Trust",
        ),
    ],
)
def test_formd_marked_boxes(exemptions, filing_type, org, exp_ex, exp_amend, exp_org) -> None:
    """Trap: the box is printed *before* its caption; the mark belongs to the caption after it."""
    text = A1.format(**{**NO_MARKS, "exemptions": exemptions, "filing_type": filing_type, "org": org})
    f = extract_formd_text(text).filing
    assert f.federal_exemptions == exp_ex
    assert f.is_amendment is exp_amend
    assert f.primary_issuer is not None and f.primary_issuer.entity_type == exp_org


def test_formd_incorporation_year_and_jurisdiction() -> None:
    """Trap: the jurisdiction caption's own parenthetical names "CN" and "FN"; the value is after it."""
    f = extract_formd_text(A1.format(**{**NO_MARKS, "year": "05 1997", "juris": "DE"})).filing
    assert f.primary_issuer is not None
    assert (f.primary_issuer.year_of_inc, f.primary_issuer.jurisdiction_of_inc) == ("1997", "DE")


@pytest.mark.parametrize(
    "signature_block",
    [
        "Issuer (Print or Type) Altiris, Inc.\tSignature \tDate December 10, 2003\n"
        "Name of Signer (Print or Type) Craig H. Christensen\tTitle of Signer (Print or Type) Secretary\t\n",
        # pdftotext -layout: captions in one row, values in the row below
        "Issuer (Print or Type)        Signature                Date\n"
        "Altiris, Inc.                 /s/ C. Christensen       December 10, 2003\n\n"
        "Name of Signer (Print or Type)                 Title of Signer (Print or Type)\n"
        "Craig H. Christensen                           Secretary\n",
    ],
)
def test_formd_signature(signature_block: str) -> None:
    """Trap: "November 30, 2006"-style dates become ISO; values beside or below their captions."""
    text = (
        "D. FEDERAL SIGNATURE\n\nThe issuer has duly caused this notice to be signed.\n\n" + signature_block
    )
    sig = extract_formd_text(text).filing.signature
    assert sig is not None
    assert (sig.issuer_name, sig.name_of_signer, sig.signature_title, sig.signature_date) == (
        "Altiris, Inc.",
        "Craig H. Christensen",
        "Secretary",
        "2003-12-10",
    )
