# ruff: noqa: E501  (excerpts are kept as the converters printed them)
"""Electronic Form D read from real converter output (w3m, pdftotext -layout, tesseract, our HTML ingest).

Excerpts come from ``benchmarks/formd_converters.py`` runs (an EDGAR-like page rendered from the Form D
XML in ../shared/data/xml/formd, then converted). Each test names the trap it guards.
"""

from __future__ import annotations

import re

from extractor.assemble.formd import extract_formd_text
from extractor.records import FormDFiling

HEAD = "FORM D\n\nNotice of Exempt Offering of Securities\n\n"


def read(*items: str) -> FormDFiling:
    """Extract a Form D from item excerpts joined under the form's title. Items are only recognised in
    order from Item 1, so the headings of the items before the first excerpt are added."""
    body = "\n".join(items)
    first = re.search(r"^(\d{1,2})\. ", body, re.MULTILINE)
    n = int(first.group(1)) if first else 1
    before = "".join(f"{i}. Item\n\n" for i in range(1, n))
    return extract_formd_text(HEAD + before + body).filing


# w3m: values one column below centred captions; cells of a row separated by as little as one space;
# a marked box printed as "X" glued to its label ("XDirector").
W3M_PERSON = """3. Related Persons

Last Name  First Name  Middle Name
BEATTIE   W. GEOFFREY

Street Address 1  Street Address 2
ROYAL BANK PLAZA  200 BAY STREET

 City   State/Province/Country  ZIP/PostalCode
TORONTO A6                      M5J 2J5

Relationship:  Executive Officer XDirector  Promoter

Clarification of Response (if Necessary):

4. Industry Group
"""


def test_w3m_related_person_columns_and_glued_mark() -> None:
    """Trap: "W. GEOFFREY" is one First Name (a one-space gap inside a value is no cell boundary), "TORONTO
    A6" is City then State (one space, where the centred City caption's cell ends), "XDirector" is marked."""
    [p] = read(W3M_PERSON).related_persons
    assert (p.last_name, p.first_name, p.middle_name) == ("BEATTIE", "W. GEOFFREY", None)
    assert (p.street1, p.street2) == ("ROYAL BANK PLAZA", "200 BAY STREET")
    assert (p.city, p.state_or_country, p.zip_code) == ("TORONTO", "A6", "M5J 2J5")
    assert p.relationships == ["Director"]


W3M_SIGNATURE = """Signature and Submission

Each Issuer identified above has read this notice, knows the contents to be true, and has duly caused this notice to be signed on its behalf by the undersigned duly authorized person.

            Issuer                 Signature      Name of Signer            Title             Date
DIFFUSION PHARMACEUTICALS LLC  David G. Kalergis David G. Kalergis Chief Executive Officer 2006-06-21

Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB number.
"""


def test_w3m_signature_row_single_space_cells() -> None:
    """Trap: w3m separates wide cells by one space; the caption over each cell is centred, so a cell starts
    where the previous caption's centred cell ends, not at the next caption's column."""
    sig = read(W3M_SIGNATURE).signature
    assert sig is not None
    assert (sig.issuer_name, sig.name_of_signer, sig.signature_title, sig.signature_date) == (
        "DIFFUSION PHARMACEUTICALS LLC",
        "David G. Kalergis",
        "Chief Executive Officer",
        "2006-06-21",
    )


W3M_ITEMS_13_15 = """13. Offering and Sales Amounts

Total Offering Amount       $5,956,000 USD or  Indefinite
Total Amount Sold           $5,956,000 USD
Total Remaining to be Sold  $0 USD         or  Indefinite

14. Investors

 Select if securities in the offering have been or may be sold to persons who do not qualify as accredited investors, and enter the number of such non-accredited investors who already have invested
in the offering.

Regardless of whether securities in the offering have been or may be sold to persons who do not qualify as accredited investors, enter the total number of investors who already have invested in the
offering: 20

15. Sales Commissions & Finder's Fees Expenses

Provide separately the amounts of sales commissions and finders fees expenses, if any. If the amount of an expenditure is not known, provide an estimate and check the box next to the amount.

Sales Commissions  $140,562 USD   Estimate
Finders' Fees      $0 USD         Estimate
"""


def test_w3m_investors_wrapped_and_commissions_after_instructions() -> None:
    """Traps: the investor count sits on the line after its wrapped sentence; the instructions name "sales
    commissions" before the captioned row, which is the one carrying a "$" amount."""
    f = read(W3M_ITEMS_13_15)
    assert f.investors is not None
    assert (f.investors.accredited_count, f.investors.non_accredited_count) == (20, 0)
    assert f.expenses is not None
    assert (f.expenses.sales_commissions, f.expenses.finders_fees) == (140562, 0)
    assert f.offering_sales_amounts is not None
    assert f.offering_sales_amounts.total_remaining == 0


# pdftotext -layout: a wrapped caption ("Name of" / "Signer") and values wrapped inside their cells.
LAYOUT_SIGNATURE = """Signature and Submission

                                                   Name of
Issuer                        Signature                                Title                                                           Date
                                                   Signer
VEPF VIII Co-Invest           Robert F.            Robert F.           Managing Member of Senior Managing Mbr                          2024-01-
4-A, L.P.                     Smith                Smith               of GP of GP of Issuer                                           11
Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid
OMB number.
"""


def test_layout_signature_wrapped_captions_and_cells() -> None:
    """Traps: "Name of Signer" wraps around the caption row; cells continue on the next row until prose;
    "Issuer" inside a title is no caption; the date's hyphen joins its wrapped day."""
    sig = read(LAYOUT_SIGNATURE).signature
    assert sig is not None
    assert sig.issuer_name == "VEPF VIII Co-Invest 4-A, L.P."
    assert sig.name_of_signer == "Robert F. Smith"
    assert sig.signature_title == "Managing Member of Senior Managing Mbr of GP of GP of Issuer"
    assert sig.signature_date == "2024-01-11"


LAYOUT_TYPES = """6. Federal Exemption(s) and Exclusion(s) Claimed (select all that apply)
  Rule 504(b)(1) (not (i), (ii) or (iii))     Rule 504 (b)(1)(i)
  Rule 505                                  X Rule 506(b)
  Rule 506(c)                                 Securities Act Section 4(a)(5)
X Investment Company Act Section 3(c)
  Section 3(c)(1)      Section 3(c)(2)
X Section 3(c)(7)      Section 3(c)(8)

7. Type of Filing
X New Notice     Date of First Sale   2023-01-20      First Sale Yet to Occur
  Amendment

8. Duration of Offering

9. Type(s) of Securities Offered (select all that apply)
  Equity                                                                       X Pooled Investment Fund
                                                                                 Interests
  Debt                                                                           Tenant-in-Common
                                                                                 Securities
"""


def test_layout_exemption_subsections_first_sale_and_wrapped_type() -> None:
    """Traps: 3(c)(n) boxes are their own exemptions; the date sits past a column gap beside its caption;
    "Pooled Investment Fund Interests" wraps in its column."""
    f = read(LAYOUT_TYPES)
    assert f.federal_exemptions == ["Rule 506(b)", "Section 3(c)", "Section 3(c)(7)"]
    assert f.date_of_first_sale == "2023-01-20"
    assert f.is_amendment is False
    assert [s.type for s in f.securities_offered] == ["other"]


# tesseract at 300 dpi: empty boxes read as debris, a box filled with X often dropped entirely.
OCR_BOXES = """6. Federal Exemption(s) and Exclusion(s) Claimed (select all that apply)

[[] Rule 504(b)(1) (not (i), (ii) or (iii) [7] Rule 504 (b)(1)(i)

[_] Rule 504 (b)(1)(ii) [_] Rule 504 (b)(1)(iii)
[ ] Rule 505 Rule 506
[_] Securities Act Section 4(6) [_] Investment Company Act Section 3(c)

7. Type of Filing

New Notice Date of First Sale 2008-02-01 [ ] First Sale Yet to Occur
[|] Amendment
"""


def test_ocr_box_lost_among_empty_boxes_is_not_guessed() -> None:
    """Trap: OCR keeps "[_]"/"[7]"/"[|]" for empty boxes but drops the filled one. The box-less label
    is probably the marked one, but SCHEMA.md allows true only where the text shows a mark: the
    exemptions and the filing type stay unset; the date beside them is still read."""
    f = read(OCR_BOXES)
    assert f.federal_exemptions == []
    assert f.is_amendment is None
    assert f.date_of_first_sale == "2008-02-01"


def test_ocr_box_with_a_mark_is_read() -> None:
    """The same group with the filled box read as a mark ("[X]") gives that option only."""
    f = read(OCR_BOXES.replace("Rule 506", "[X] Rule 506", 1))
    assert f.federal_exemptions == ["Rule 506"]


OCR_ROWS = """2. Principal Place of Business and Contact Information

City State/Province/Country ZIP/PostalCcode Phone Number of Issuer
CHARLOTTESVILLE VA 22902 434-220-0718

3. Related Persons

LastName FirstName Middle Name
Kalergis David G.
"""

OCR_SIGNATURE = """Signature and Submission

Issuer Signature Name of Signer Title Date
Gabelli International Gold Douglas R. Douglas R. President of the 2009-03-
Fund, Ltd. Jamieson Jamieson Manager 16

Persons who respond to the collection of information contained in this form are not required to respond
"""


def test_ocr_single_spaced_rows() -> None:
    """Traps: OCR prints rows single-spaced and glues short captions ("LastName"); a typed tail (phone,
    ZIP) splits an address row from the right; the signature row splits at the signer's repeated name."""
    f = read(OCR_ROWS, OCR_SIGNATURE)
    iss = f.primary_issuer
    assert iss is not None
    assert (iss.city, iss.state_or_country, iss.zip_code, iss.phone_number) == (
        "CHARLOTTESVILLE",
        "VA",
        "22902",
        "434-220-0718",
    )
    [p] = f.related_persons
    assert (p.last_name, p.first_name, p.middle_name) == ("Kalergis", "David", "G.")
    sig = f.signature
    assert sig is not None
    assert (sig.issuer_name, sig.name_of_signer, sig.signature_title, sig.signature_date) == (
        "Gabelli International Gold Fund, Ltd.",
        "Douglas R. Jamieson",
        "President of the Manager",
        "2009-03-16",
    )


# Our HTML ingest prints table cells TAB-separated.
HTML_ROWS = """1. Issuer's Identity
2. Principal Place of Business and Contact Information
Street Address 1\tStreet Address 2
2020 AVON COURT, #4\t
City\tState/Province/Country\tZIP/PostalCode\tPhone Number of Issuer
CHARLOTTESVILLE\tVA\t22902\t434-220-0718
3. Related Persons
Last Name\tFirst Name\tMiddle Name
Kalergis\tDavid\tG.
Relationship: ☒ Executive Officer ☒ Director ☐ Promoter
4. Industry Group
☐ Pharmaceuticals\t☒ Other Health Care
5. Issuer Size
6. Federal Exemption(s) and Exclusion(s) Claimed (select all that apply)
7. Type of Filing
8. Duration of Offering
9. Type(s) of Securities Offered (select all that apply)
10. Business Combination Transaction
11. Minimum Investment
12. Sales Compensation
Recipient\tRecipient CRD Number
Gabelli & Company\t
(Associated) Broker or Dealer
\t
Street Address 1\tStreet Address 2
One Corporate Center\t
City\tState/Province/Country\tZIP/PostalCode
Rye\tNY\t10580
State(s) of Solicitation
All States
"""


def test_html_tab_rows_industry_and_recipient() -> None:
    """Traps: a TAB row's field number maps caption to value (an empty Street Address 2 stays empty);
    Item 4's "Other Health Care" is not "Other"; Item 12's "Recipient" row has a CRD column beside it."""
    f = read(HTML_ROWS)
    iss = f.primary_issuer
    assert iss is not None
    assert (iss.street1, iss.street2, iss.city, iss.zip_code) == (
        "2020 AVON COURT, #4",
        None,
        "CHARLOTTESVILLE",
        "22902",
    )
    [p] = f.related_persons
    assert (p.name, p.relationships) == ("Kalergis, David G.", ["Executive Officer", "Director"])
    assert f.business_description == "Other Health Care"
    [r] = f.sales_compensation_recipients
    assert (r.name, r.street1, r.city, r.state_or_country, r.zip_code, r.states) == (
        "Gabelli & Company",
        "One Corporate Center",
        "Rye",
        "NY",
        "10580",
        ["All States"],
    )


# Bare pdftotext: a table comes out column by column, one cell per line, captions first.
RAW_ROWS = """2. Principal Place of Business and Contact Information
City

State/Province/Country

ZIP/PostalCode

Phone Number of Issuer

CHARLOTTESVILLE

VA

22902

434-220-0718

3. Related Persons
Last Name

First Name

Kalergis

David

Middle Name

City

State/Province/Country

ZIP/PostalCode

Seattle

WA

98104

Relationship: ☐ Executive Officer ☒ Director ☐ Promoter
"""


def test_raw_caption_runs_pair_with_value_runs() -> None:
    """Traps: a caption's value is at its place in the run of captions above the values (not the line
    below it, which is the next caption); an empty cell (Middle Name) drops out of the value run, so the
    values belong to the run's last captions."""
    f = read(RAW_ROWS)
    iss = f.primary_issuer
    assert iss is not None
    assert (iss.city, iss.state_or_country, iss.zip_code, iss.phone_number) == (
        "CHARLOTTESVILLE",
        "VA",
        "22902",
        "434-220-0718",
    )
    [p] = f.related_persons
    assert (p.last_name, p.first_name, p.middle_name) == ("Kalergis", "David", None)
    assert (p.city, p.state_or_country, p.zip_code, p.relationships) == (
        "Seattle",
        "WA",
        "98104",
        ["Director"],
    )
