# ruff: noqa: E501  (excerpts are kept as tesseract printed them)
"""Electronic Form D read through OCR (``extractor/assemble/formd_ocr.py`` and its use in
``formd_electronic``).

Excerpts are real tesseract output from ``benchmarks/formd_converters.py`` runs (an EDGAR-like page rendered
from the Form D XML in ../shared/data/xml/formd, printed by chromium, rasterised at 300 or 150 dpi). Each
test names the trap it guards.
"""

from __future__ import annotations

import pytest

from extractor.assemble.formd_electronic import state_list
from extractor.assemble.formd_ocr import (
    ocr_mark,
    repair_care_of,
    repair_code,
    repair_name,
    street_split,
    token_cells,
)
from tests.test_formd_converted import read  # item excerpts under the form's title

# RBC filing, 300 dpi, boxes drawn as bordered cells: every row single-spaced.
OCR300_RBC_PERSON = """3. Related Persons

Last Name First Name Middle Name
BEATTIE W. GEOFFREY

Street Address 1 Street Address 2
ROYAL BANK PLAZA 200 BAY STREET

City State/Province/Country ZIP/PostalCode
TORONTO A6 M5J 2J5

Relationship: [-] Executive Officer [X] Director [7] Promoter
Clarification of Response (if Necessary):

4. Industry Group
"""


def test_formd_ocr_person_row_without_first_name() -> None:
    """Trap: a name row with one word beside the middle initial gave the First Name an empty token range,
    read downstream as the whole row ("BEATTIE W., BEATTIE W."). The word is the Last Name alone."""
    [p] = read(OCR300_RBC_PERSON.replace("BEATTIE W. GEOFFREY", "BEATTIE W.")).related_persons
    assert (p.name, p.last_name, p.first_name) == ("BEATTIE", "BEATTIE", None)


def test_formd_ocr_single_spaced_person_rows() -> None:
    """Traps: a two-part postcode ("M5J 2J5") is one ZIP, so the row has more words than captions; both
    street cells share one single-spaced row (Street 2 starts at the number-led street); an initial before
    a word is a first name ("W. GEOFFREY"), not a first name plus a middle name."""
    [p] = read(OCR300_RBC_PERSON).related_persons
    assert (p.last_name, p.first_name, p.middle_name) == ("BEATTIE", "W. GEOFFREY", None)
    assert (p.street1, p.street2) == ("ROYAL BANK PLAZA", "200 BAY STREET")
    assert (p.city, p.state_or_country, p.zip_code) == ("TORONTO", "A6", "M5J 2J5")
    assert p.relationships == ["Director"]


# 2473 filing, 300 dpi, boxes drawn as glyphs: tesseract reads a marked box as "XI" / "ki", an empty one as
# "D1" / "L]"; the third person's caption row is split ("City" alone, its value row holding the state and
# ZIP), and "III" reads "Ill".
OCR300_GLYPH_PERSONS = """3. Related Persons

LastName FirstName Middle Name
Clary James

Street Address 1 Street Address 2
4601 Creekstone Drive Suite 102

City State/Province/Country ZIP/PostalCode
Durham NC 27703

Relationship: D1 Executive Officer XI Director L] Promoter
Clarification of Response (if Necessary):

LastName FirstName Middle Name

Clary Gregory

Street Address 1 Street Address 2
4601 Creekstone Drive Suite 102

City State/Province/Country ZIP/PostalCode
Durham NC 27703

Relationship: ki Executive Officer XI Director L] Promoter

Clarification of Response (if Necessary):

LastName FirstName Middle Name
Roper, Ill Kinsey
Street Address 1
4601 Creekstone Drive Suite 102

City

Durham NC 27703

Street Address 2

State/Province/Country ZIP/PostalCode

Relationship: D1 Executive Officer XI Director L] Promoter

Clarification of Response (if Necessary):

4. Industry Group
"""


def test_formd_ocr_glyph_marks_split_caption_row_and_roman_suffix() -> None:
    """Traps: "XI" / "ki" are a box holding an X ("D1", "L]" are empty boxes); a trailing unit is Street 2;
    the state and ZIP printed after the city in a "City" cell are the state's and the ZIP's; "Ill" is III."""
    a, b, c = read(OCR300_GLYPH_PERSONS).related_persons
    assert [p.relationships for p in (a, b, c)] == [
        ["Director"],
        ["Executive Officer", "Director"],
        ["Director"],
    ]
    assert (a.street1, a.street2, a.city, a.state_or_country, a.zip_code) == (
        "4601 Creekstone Drive",
        "Suite 102",
        "Durham",
        "NC",
        "27703",
    )
    assert (c.last_name, c.first_name) == ("Roper, III", "Kinsey")
    assert (c.city, c.state_or_country, c.zip_code) == ("Durham", "NC", "27703")


# RBC filing, 150 dpi, glyph boxes: a marked box reads "&)" or "Kl"; the postcode and the province code
# carry OCR slips ("AG" for "A6").
OCR150_PERSON = """3. Related Persons

LastName FirstName Middle Name

NIXON GORDON M.

Street Address 1 Street Address 2
ROYAL BANK PLAZA 200 BAY STREET

City State/Province/Country ZIP/PostalCode
TORONTO AG M5J 235

Relationship: &) Executive Officer 0 Director 0 Promoter
Clarification of Response (if Necessary):

4. Industry Group
"""


def test_formd_ocr150_marks_and_code_slip() -> None:
    """Traps: "&)" is a box holding an X at 150 dpi, "0" an empty one; "AG" is no code, and with the digit
    its "G" stands for it is Ontario's "A6"."""
    [p] = read(OCR150_PERSON).related_persons
    assert (p.last_name, p.first_name, p.middle_name) == ("NIXON", "GORDON", "M.")
    assert p.relationships == ["Executive Officer"]
    assert (p.city, p.state_or_country) == ("TORONTO", "A6")


# RBC filing, 150 dpi: a dash read between two captions; the signer's repeated name glued together.
OCR150_DASH_AND_SIGNATURE = """3. Related Persons

LastName FirstName — Middle Name

LAMARRE JACQUES

Street Address 1 Street Address 2
ROYAL BANK PLAZA 200 BAY STREET

City State/Province/Country ZIP/PostalCode
TORONTO AG M5J 235

Relationship: [_] Executive Officer [X] Director [1] Promoter
Clarification of Response (if Necessary):

4. Industry Group

Signature and Submission

Issuer Signature Name of Signer Title Date
ROYAL BANK OF CANADA DONALD DYE DONALDDYE ATTORNEY-IN-FACT 2013-01-01

Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid
OMB number.
"""


def test_formd_ocr150_dash_in_caption_row_and_glued_signer() -> None:
    """Traps: a "—" between captions still makes a row of captions (else the person is lost); the
    signature row splits at the signer's name even when its second copy is glued ("DONALDDYE")."""
    f = read(OCR150_DASH_AND_SIGNATURE)
    [p] = f.related_persons
    assert (p.last_name, p.first_name, p.relationships) == ("LAMARRE", "JACQUES", ["Director"])
    sig = f.signature
    assert sig is not None
    assert (sig.issuer_name, sig.name_of_signer, sig.signature_title, sig.signature_date) == (
        "ROYAL BANK OF CANADA",
        "DONALD DYE",
        "ATTORNEY-IN-FACT",
        "2013-01-01",
    )


# 2473 filing, 300 dpi: Item 7's right column printed after Item 8's heading. APFund filing, 150 dpi: the
# signature captions damaged ("Nameof", "title"), the wrapped rows apart, the date cut as "2023-" / "01-30".
OCR_ITEMS_7_8 = """7. Type of Filing

LX Rule 504 (b)(1)(i)
XO] Rule 504 (b)(1)(iii)
Rule 506

KL Investment Company Act Section 3(c)

New Notice
L] Amendment

8. Duration of Offering

Date of First Sale 2011-08-03 lL First Sale Yet to Occur

Does the Issuer intend this offering to last more than one year? HO Yes XI No

9. Type(s) of Securities Offered (select all that apply)
"""

OCR150_SIGNATURE = """Signature and Submission

Issuer Signature Nameof title Date
Signer

AP Fund IV, a series of Inference Cathy Cathy Authorized Officer of the 2023-

Technology Partners, LP Bui Bui Manager of the Issuer's GP 01-30

Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid
OMB number.
"""


def test_formd_ocr_first_sale_after_next_heading_and_damaged_signature_captions() -> None:
    """Traps: OCR reads the page's columns one after the other, so the date of first sale can follow Item
    8's heading; "Nameof" is the "Name of" caption glued; a date split as "2023-" / "01-30" joins."""
    f = read(OCR_ITEMS_7_8, OCR150_SIGNATURE)
    assert f.date_of_first_sale == "2011-08-03"
    sig = f.signature
    assert sig is not None
    assert (sig.issuer_name, sig.name_of_signer, sig.signature_title, sig.signature_date) == (
        "AP Fund IV, a series of Inference Technology Partners, LP",
        "Cathy Bui",
        "Authorized Officer of the Manager of the Issuer's GP",
        "2023-01-30",
    )


# Item 1, 300 and 150 dpi: the Entity Type column is printed at the end of the CIK / name / jurisdiction
# rows; an unmarked box can read "XL".
OCR300_ITEM1 = """1. Issuer's Identity

CIK (Filer ID Number) Previous Names None Entity Type

0001000275 Corporation

Name of Issuer L] Limited Partnership
ROYAL BANK OF CANADA LH) Limited Liability Company
Jurisdiction of Incorporation/Organization L) General Partnership
ONTARIO, CANADA L] Business Trust

CL] Other (Specify)

Year of Incorporation/Organization

Over Five Years Ago

L] Within Last Five Years (Specify Year)
XL Yet to Be Formed

2. Principal Place of Business and Contact Information
"""

OCR150_ITEM1 = """1. Issuer's Identity

CIK (Filer ID Number) Previous Names None Entity Type

0001000275 [X] Corporation

Name of Issuer ED Limited Partnership
ROYAL BANK OF CANADA LD Limited Liability Company
Jurisdiction of Incorporation/Organization (General Partnership
ONTARIO, CANADA (Business Trust

LD Other (Specify)

Year of Incorporation/Organization

Over Five Years Ago

CO Within Last Five Years (Specify Year)
[Yet to Be Formed

2. Principal Place of Business and Contact Information
"""


@pytest.mark.parametrize("text", [OCR300_ITEM1, OCR150_ITEM1], ids=["ocr300", "ocr150"])
def test_formd_ocr_item1_entity_column_cut(text: str) -> None:
    """Traps: the CIK's caption row holds other captions and "None", so the CIK is the number opening the
    next row; the name and the jurisdiction end with an Entity Type option and its box ("LH)", "LD",
    "("), which are not part of them; "XL" is an empty box (no year is read from it)."""
    iss = read(text).primary_issuer
    assert iss is not None
    assert (iss.cik, iss.entity_name, iss.jurisdiction_of_inc) == (
        "0001000275",
        "ROYAL BANK OF CANADA",
        "ONTARIO, CANADA",
    )
    assert iss.year_of_inc is None


# Upshot filing, 300 dpi, cell boxes: the marked "Within" box is lost, its year printed; the signature's
# wrapped row is separated from its first row by a blank line, "II" reads "ll".
OCR300_YEAR = """1. Issuer's Identity

Year of Incorporation/Organization

[_] Over Five Years Ago

Within Last Five Years (Specify Year) 2018
[ |] Yet to Be Formed

2. Principal Place of Business and Contact Information
"""

OCR300_SIGNATURE = """Signature and Submission

Issuer Signature Name of Title Date
Signer

Upshot Real Estate Fund Raul Raul Managing Member of the General 2018-06-

ll, LP Socarras Socarras Partner 26

Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid
OMB number.
"""


def test_formd_ocr_printed_year_and_wrapped_signature() -> None:
    """Traps: a year printed after "Within Last Five Years (Specify Year)" is the year of incorporation even
    when the box is lost (the form prints it only for that box); a blank line between the signature's
    wrapped rows does not end it while the date is cut at a hyphen."""
    f = read(OCR300_YEAR, OCR300_SIGNATURE)
    assert f.primary_issuer is not None
    assert f.primary_issuer.year_of_inc == "2018"
    sig = f.signature
    assert sig is not None
    assert (sig.issuer_name, sig.name_of_signer, sig.signature_title, sig.signature_date) == (
        "Upshot Real Estate Fund II, LP",
        "Raul Socarras",
        "Managing Member of the General Partner",
        "2018-06-26",
    )


# 2473 filing, 150 dpi: the recipient and its CRD number both printed as a marked "None" box. RBC filing,
# 300 dpi: a recipient with an empty CRD cell, its address rows single-spaced.
OCR150_NO_RECIPIENT = """12. Sales Compensation

Recipient Recipient CRD Number
[X] None [X] None

13. Offering and Sales Amounts
"""

OCR300_RECIPIENT = """12. Sales Compensation

Recipient Recipient CRD Number
RBC CAPITAL MARKETS, LLC

(Associated) Broker or Dealer

Street Address 1 Street Address 2
3 WORLD FINANCIAL CENTER

City State/Province/Country ZIP/PostalCode
NEW YORK NY 10281

State(s) of Solicitation
All States

13. Offering and Sales Amounts
"""


def test_formd_ocr_recipient_rows() -> None:
    """Traps: a recipient row without a CRD-shaped word at its end is all name ("RBC CAPITAL MARKETS, LLC",
    four words under two captions); "[X] None" is the "None" box marked (no recipient, as in the XML
    importer), not a name."""
    assert read(OCR150_NO_RECIPIENT).sales_compensation_recipients == []
    [r] = read(OCR300_RECIPIENT).sales_compensation_recipients
    assert (r.name, r.street1, r.city, r.state_or_country, r.zip_code, r.states) == (
        "RBC CAPITAL MARKETS, LLC",
        "3 WORLD FINANCIAL CENTER",
        "NEW YORK",
        "NY",
        "10281",
        ["All States"],
    )


# Gabelli filing, 300 dpi: tesseract prints the "First Name  Middle Name" row above the "Last Name" caption.
OCR300_FIRST_ABOVE_LAST = """3. Related Persons

LastName _ FirstName Middle Name

Jamieson Douglas’ R.

Relationship: [-] Executive Officer [X] Director [7] Promoter

Clarification of Response (if Necessary):

First Name Middle Name
Joseph R.

Last Name
Rindler

Relationship: [_] Executive Officer [x] Director [_] Promoter

Clarification of Response (if Necessary):

First Name Middle Name

Nicholas

Last Name
Hoskins

Relationship: [_] Executive Officer [x] Director |] Promoter

Clarification of Response (if Necessary):

4. Industry Group
"""


def test_formd_ocr_first_name_row_above_last_name() -> None:
    """Trap: a person's block starts after the previous person's Relationship / Clarification lines, not at
    its "Last Name" caption, or the first name goes to the previous person."""
    names = [
        (p.last_name, p.first_name, p.middle_name) for p in read(OCR300_FIRST_ABOVE_LAST).related_persons
    ]
    assert names[1:] == [("Rindler", "Joseph", "R."), ("Hoskins", "Nicholas", None)]


@pytest.mark.parametrize(
    ("captions", "row", "cells"),
    [
        # a ZIP missing: "CA" has the state's shape, so the ZIP cell is empty
        (
            ("City", "State/Province/Country", "ZIP/PostalCode"),
            "San Francisco CA",
            ["San Francisco", "CA", None],
        ),
        (
            ("City", "State/Province/Country", "ZIP/PostalCode", "Phone Number of Issuer"),
            "Hamilton DO HM12 345-949-7942",
            ["Hamilton", "DO", "HM12", "345-949-7942"],
        ),
        # a garbled ZIP is not swallowed by the city: the row is ambiguous
        (("City", "State/Province/Country", "ZIP/PostalCode"), "TORONTO A6 M5J 2)5", None),
        # the CRD cell is empty: the recipient is the whole row
        (("Recipient", "Recipient CRD Number"), "Charles Harrison", ["Charles Harrison", None]),
        (
            ("Last Name", "First Name", "Middle Name"),
            "VAN KRALINGEN BRIDGET A.",
            ["VAN KRALINGEN", "BRIDGET", "A."],
        ),
        (("Last Name", "First Name", "Middle Name"), "SONSHINE EDWARD", ["SONSHINE", "EDWARD", None]),
        # one word left once the middle initial is taken: the last name alone, not an empty range
        (("Last Name", "First Name", "Middle Name"), "BEATTIE W.", ["BEATTIE", None, "W."]),
        # two free captions that are no name or street pair: ambiguous
        (("Issuer", "Title"), "Acme Holdings Chief Officer", None),
    ],
)
def test_formd_ocr_token_cells(captions: tuple[str, ...], row: str, cells: list[str | None] | None) -> None:
    tokens = row.split()
    got = token_cells(captions, tokens)
    texts = None if got is None else [None if c is None else " ".join(tokens[c[0] : c[1]]) for c in got]
    assert texts == cells


@pytest.mark.parametrize(
    ("row", "street2"),
    [
        ("clo Wakefield Quin 52 Reid Street", "52 Reid Street"),
        ("240 W Main Street Suite 500", "Suite 500"),
        ("1651 Response Road, Suite 150", None),
        ("2020 AVON COURT, #4", None),
        ("c/o Gabelli Securities Inc. One Corporate Center", None),
    ],
)
def test_formd_ocr_street_split(row: str, street2: str | None) -> None:
    tokens = row.split()
    cut = street_split(tokens)
    assert (" ".join(tokens[cut:]) or None) == street2


@pytest.mark.parametrize(
    ("segment", "marked"),
    [
        ("Relationship: XI", True),
        ("Relationship: ki", True),
        ("Relationship: Kl", True),
        ("Relationship: &)", True),
        ("Relationship: [KX]", True),
        ("Relationship: [x]", True),
        ("Officer XL", False),
        ("Officer KL", False),
        ("Officer LK]", False),
        ("Officer XO]", False),
        ("Officer D1", False),
        ("Officer L]", False),
    ],
)
def test_formd_ocr_mark_tokens(segment: str, marked: bool) -> None:
    """tesseract's readings of a box glyph holding an X (X or K, then the box's side) against an empty box's
    (its left side L first, or an X-like letter before L / O)."""
    assert ocr_mark(segment) is marked


@pytest.mark.parametrize(
    ("code", "fixed"),
    [("DO", "D0"), ("AG", "A6"), ("CA", "CA"), ("A6", "A6"), ("XX", "XX"), ("ONTARIO", "ONTARIO")],
)
def test_formd_ocr_repair_code(code: str, fixed: str) -> None:
    assert repair_code(code) == fixed


def test_formd_ocr_repair_name_roman_only() -> None:
    """Only a whole word of I / l / 1 is a numeral: "Ill" -> "III", "ll," -> "II,", but "Bill" stays."""
    assert repair_name("Upshot Real Estate Fund ll, LP") == "Upshot Real Estate Fund II, LP"
    assert repair_name("Roper, Ill") == "Roper, III"
    assert repair_name("Bill Illing") == "Bill Illing"


@pytest.mark.parametrize(
    "name",
    ["111 West 57th Partners LLC", "Blackstone Real Estate Partners 11, L.P.", "Il Fornaio (America) Corp"],
)
def test_formd_repair_name_keeps_numbers_and_first_word(name: str) -> None:
    """Trap (clean text from another filer): a number in a name is a number, not a numeral OCR read as
    digits; a name's first word is no numeral suffix ("Il" is an article)."""
    assert repair_name(name) == name


@pytest.mark.parametrize(
    ("street", "fixed"),
    [
        ("clo Wakefield Quin 52 Reid Street", "c/o Wakefield Quin 52 Reid Street"),
        ("C/0 Maples Corporate Services", "C/O Maples Corporate Services"),
        ("CLO Funding Group, 200 Park Avenue", "CLO Funding Group, 200 Park Avenue"),
    ],
)
def test_formd_repair_care_of_not_an_acronym(street: str, fixed: str) -> None:
    """Trap: OCR reads "c/o" as "clo", but an upper-case "CLO" is a word of its own (a collateralized loan
    obligation) and stays."""
    assert repair_care_of(street) == fixed


# Plain pdftotext of the Diffusion filing's Item 1 (clean text: each cell on its own line, the Entity Type
# options listed below the values). The issuer's name is changed to one that ends with an option's words,
# as many issuers' names do ("... CORPORATION", "... LIMITED PARTNERSHIP").
PDF_RAW_ITEM1 = """1. Issuer's Identity
CIK (Filer ID Number)

Previous Names

\u2612 None

0001171623
Name of Issuer

DIFFUSION PHARMACEUTICALS {suffix}
Jurisdiction of Incorporation/Organization

VIRGINIA

Entity Type
\u2610 Corporation
\u2610 Limited Partnership
\u2612 Limited Liability Company
\u2610 General Partnership
\u2610 Business Trust
\u2610 Other (Specify)

Year of Incorporation/Organization

\u2612 Over Five Years Ago
\u2610 Within Last Five Years (Specify Year)
\u2610 Yet to Be Formed

2. Principal Place of Business and Contact Information
"""


@pytest.mark.parametrize("suffix", ["CORPORATION", "LIMITED PARTNERSHIP", "LLC"])
def test_formd_entity_option_words_ending_a_clean_name(suffix: str) -> None:
    """Trap: the OCR rule that cuts an Entity Type option printed at a row's end must not cut an issuer's
    name that ends with an option's words where the options are listed on their own lines (each option
    is printed once: a second printing is the value's)."""
    iss = read(PDF_RAW_ITEM1.format(suffix=suffix)).primary_issuer
    assert iss is not None
    assert (iss.entity_name, iss.entity_type) == (
        f"DIFFUSION PHARMACEUTICALS {suffix}",
        "Limited Liability Company",
    )


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("FL GATX", ["FL", "GA", "TX"]),  # 1685 REIT filing, 150 dpi: "GA TX" glued
        ("FL GA TX", ["FL", "GA", "TX"]),
        ("PUERTO RICO", []),
        ("NY PUERTO RICO", ["NY"]),
    ],
)
def test_formd_state_list_glued_codes_only_in_a_code_list(text: str, states: list[str]) -> None:
    """Trap: a state printed by name is no run of glued codes ("RICO" is not RI + CO); codes are split
    only where every word of the text is made of state codes."""
    assert state_list(text) == states


@pytest.mark.parametrize(
    "row",
    [
        "ROYAL BANK OF CANADA (USA) Limited Liability Company",  # the marked box dropped by OCR
        "ROYAL BANK OF CANADA (USA) LH) Limited Liability Company",  # the empty box read as "LH)"
    ],
)
def test_formd_ocr_entity_column_keeps_parenthesised_name_word(row: str) -> None:
    """Trap: a short token with a bracket before the row's Entity Type option reads as box debris and is
    cut with the option; a word in parentheses that ends a name ("(USA)") is no box."""
    text = OCR300_ITEM1.replace("ROYAL BANK OF CANADA LH) Limited Liability Company", row)
    iss = read(text).primary_issuer
    assert iss is not None and iss.entity_name == "ROYAL BANK OF CANADA (USA)"
