"""Printed captions of the paper-era Form D (before 2009) as patterns: sections, fields, table rows.

The wording is the SEC form's own, the same on every paper notice; OCR and line wraps are tolerated by
bounded whitespace runs. Patterns are anchored or bounded (no nested quantifiers).
"""

from __future__ import annotations

import re

from extractor.assemble.formd_layout import label

IC = re.IGNORECASE

# ------------------------------------------------------------------------------------------ captions
NAME_OF_OFFERING = label("Name of Offering")
FILING_UNDER = re.compile(r"Filing\s{1,3}Under\s{0,3}(?:\(\s{0,2}Check[^:\n]{0,40}\)\s{0,2})?:?", IC)
TYPE_OF_FILING = label("Type of Filing")
NAME_OF_ISSUER = label("Name of Issuer")
EXEC_ADDRESS = label("Address of Executive Offices")
PRINCIPAL_ADDRESS = label("Address of Principal Business Operations")
TELEPHONE = label("Telephone Number")
DESCRIPTION = label("Brief Description of Business")
BUSINESS_ORG = label("Type of Business Organization")
INC_DATE = label("Actual or Estimated Date of Incorporation or Organization")
JURISDICTION = label("Jurisdiction of Incorporation or Organization")
CHECK_BOXES = re.compile(r"Check\s{1,3}Box\s?\(\s?es\s?\)\s{1,3}that\s{1,3}Apply\s{0,2}:?", IC)
FULL_NAME = label("Full Name")
PERSON_ADDRESS = label("Business or Residence Address")
BROKER = label("Name of Associated Broker or Dealer")
STATES = re.compile(
    r"States\s{1,3}in\s{1,3}Which\s{1,3}Person[^\n]{0,80}?Purchasers(?:\s{0,6}\(\s{0,2}Check[^)\n]{0,80}\))?",
    IC,
)
MINIMUM = re.compile(
    r"minimum\s{1,3}investment\s{1,3}that\s{1,3}will\s{1,3}be\s{1,3}accepted[^?\n]{0,40}\??", IC
)
SIG_ISSUER = label("Issuer (Print or Type)", parens=False)
SIG_NAME = label("Name of Signer (Print or Type)", parens=False)
SIG_TITLE = label("Title of Signer (Print or Type)", parens=False)
SIG_SIGNATURE = re.compile(r"(?<![A-Za-z] )\bSignature\b(?!\s{1,3}constitutes)")
SIG_DATE = re.compile(r"\bDate\b(?!\s{1,3}(?:of|received))", IC)

SECTION_HEADINGS = {
    "A": re.compile(r"\bA\s{0,2}\.\s{0,3}BASIC\s{1,3}IDENTIFICATION\s{1,3}DATA", IC),
    "B": re.compile(r"\bB\s{0,2}\.\s{0,3}INFORMATION\s{1,3}ABOUT\s{1,3}OFFERING", IC),
    "C": re.compile(r"\bC\s{0,2}\.\s{0,3}OFFERING\s{1,3}PRICE", IC),
    "D": re.compile(r"\bD\s{0,2}\.\s{0,3}FEDERAL\s{1,3}SIGNATURE", IC),
    "E": re.compile(r"\bE\s{0,2}\.\s{0,3}STATE\s{1,3}SIGNATURE", IC),
    "Z": re.compile(r"^\s{0,8}APPENDIX\b|GENERAL\s{1,3}INSTRUCTIONS", IC | re.MULTILINE),
}

# Every caption a value must stop at (values of one row often share a line with the next caption).
STOP = re.compile(
    "|".join(
        p.pattern
        for p in (
            NAME_OF_OFFERING,
            FILING_UNDER,
            TYPE_OF_FILING,
            NAME_OF_ISSUER,
            EXEC_ADDRESS,
            PRINCIPAL_ADDRESS,
            TELEPHONE,
            DESCRIPTION,
            BUSINESS_ORG,
            INC_DATE,
            JURISDICTION,
            CHECK_BOXES,
            FULL_NAME,
            PERSON_ADDRESS,
            BROKER,
            STATES,
            SIG_ISSUER,
            SIG_NAME,
            SIG_TITLE,
            *SECTION_HEADINGS.values(),
            re.compile(r"\(Use\s{1,3}blank\s{1,3}sheet"),
            re.compile(r"\b[1-5]\s{0,2}\.\s{1,3}(?:Enter|Has|What|Does|Indicate|If\s)"),
        )
    ),
    IC,
)
SIG_STOP = re.compile(
    "|".join((SIG_ISSUER.pattern, SIG_NAME.pattern, SIG_TITLE.pattern, r"\bSignature\b", r"\bDate\b")), IC
)

EXEMPTIONS = {
    "Rule 504": re.compile(r"Rule\s{0,2}504\b", IC),
    "Rule 505": re.compile(r"Rule\s{0,2}505\b", IC),
    "Rule 506": re.compile(r"Rule\s{0,2}506\b", IC),
    "Section 4(6)": re.compile(r"Section\s{0,2}4\s?\(\s?6\s?\)", IC),
    "ULOE": re.compile(r"\bULOE\b", IC),
}
FILING_TYPES = {
    "New Filing": re.compile(r"New\s{1,3}Filing", IC),
    "Amendment": re.compile(r"Amendment", IC),
}
# Keys are the record's value; a trailing space keeps two captions with one value apart (stripped on use).
ORG_TYPES = {
    "Corporation": re.compile(r"\bcorporation\b", IC),
    "Limited Partnership": re.compile(r"limited\s{1,3}partnership,?\s{1,3}already\s{1,3}formed", IC),
    "Limited Partnership ": re.compile(r"limited\s{1,3}partnership,?\s{1,3}to\s{1,3}be\s{1,3}formed", IC),
    "Business Trust": re.compile(r"business\s{1,3}trust", IC),
    "Other": re.compile(r"\bother\s{0,3}(?:\(\s{0,2}please\s{1,3}specify\s{0,2}\))?\s{0,2}:?", IC),
}
RELATIONSHIPS = {
    "Promoter": re.compile(r"\bPromoter\b", IC),
    "Beneficial Owner": re.compile(r"Beneficial\s{1,3}Owner", IC),
    "Executive Officer": re.compile(r"Executive\s{1,3}Officer", IC),
    "Director": re.compile(r"\bDirector\b", IC),
    "General and/or Managing Partner": re.compile(
        r"General\s{1,3}and\s{0,2}/\s{0,2}or\s{1,3}Managing\s{1,3}Partner", IC
    ),
}
STATE_GRID = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
    "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR"
)
STATE_BOXES = {"All States": re.compile(r"All\s{1,3}States", IC)} | {
    code: re.compile(rf"(?<![A-Za-z]){code}(?![A-Za-z])")
    # the grid of the form, in its printed order (the Appendix repeats it)
    for code in STATE_GRID.split()
}


def _row(words: str) -> re.Pattern[str]:
    """A table row caption at the start of a line (after boxes, bullets or blanks)."""
    body = r"\s{1,3}".join(re.escape(w) for w in words.split())
    return re.compile(r"^[\s☐☒\-•*|]{0,12}" + body + r"(?:\s{0,3}\([^()\n]{0,200}\))?", IC | re.MULTILINE)


SECURITY_ROWS = {
    "debt": _row("Debt"),
    "equity": _row("Equity"),
    "convertible": _row("Convertible Securities"),
    "partnership": _row("Partnership Interests"),
    "other": _row("Other"),
}
TOTAL_ROW = re.compile(r"^[\s☐☒\-•*|]{0,12}Total\b(?:\s{0,3}\([^()\n]{0,80}\))?", IC | re.MULTILINE)
ACCREDITED_ROW = re.compile(r"^[\s☐☒\-•*|]{0,12}Accredited\s{1,3}Investors?", IC | re.MULTILINE)
NON_ACCREDITED_ROW = re.compile(
    r"^[\s☐☒\-•*|]{0,12}Non\s?-?\s?accredited\s{1,3}Investors?", IC | re.MULTILINE
)
EXPENSE_ROWS = {
    "transfer_agent_fees": _row("Transfer Agent's Fees"),
    "printing_and_engraving_costs": _row("Printing and Engraving Costs"),
    "legal_fees": _row("Legal Fees"),
    "accounting_fees": _row("Accounting Fees"),
    "engineering_fees": _row("Engineering Fees"),
    "sales_commissions": _row("Sales Commissions"),
    "finders_fees": re.compile(r"^[\s☐☒\-•*|]{0,12}Finders'?\s{0,2}Fees", IC | re.MULTILINE),
    "other": re.compile(
        r"^[\s☐☒\-•*|]{0,12}Other\s{1,3}Expenses(?:\s{0,3}\([^()\n]{0,80}\))?", IC | re.MULTILINE
    ),
}
PROCEEDS_ROWS = {
    "Salaries and fees": _row("Salaries and fees"),
    "Purchase of real estate": _row("Purchase of real estate"),
    "Purchase, rental or leasing and installation of machinery and equipment": _row(
        "Purchase, rental or leasing and installation of machinery and equipment"
    ),
    "Construction or leasing of plant buildings and facilities": _row(
        "Construction or leasing of plant buildings and facilities"
    ),
    "Acquisition of other businesses": _row("Acquisition of other businesses"),
    "Repayment of indebtedness": _row("Repayment of indebtedness"),
    "Working capital": _row("Working capital"),
    "Other": re.compile(
        r"^[\s☐☒\-•*|]{0,12}Other\s{0,3}\(\s{0,2}specify\s{0,2}\)\s{0,2}:?", IC | re.MULTILINE
    ),
}
C1_ANCHOR = re.compile(
    r"Type\s{1,3}of\s{1,3}Security|aggregate\s{1,3}offering\s{1,3}price\s{1,3}of\s{1,3}securities", IC
)
C2_ANCHOR = re.compile(r"number\s{1,3}of\s{1,3}accredited\s{1,3}and\s{1,3}non", IC)
C3_ANCHOR = re.compile(
    r"Type\s{1,3}of\s{1,3}Offering|offering\s{1,3}under\s{1,3}Rule\s{1,3}504\s{1,3}or\s{1,3}505", IC
)
C4A_ANCHOR = re.compile(r"statement\s{1,3}of\s{1,3}all\s{1,3}expenses|Transfer\s{1,3}Agent", IC)
C4B_ANCHOR = re.compile(r"Enter\s{1,3}the\s{1,3}difference", IC)
C5_ANCHOR = re.compile(r"Indicate\s{1,3}below\s{1,3}the\s{1,3}amount|Salaries\s{1,3}and\s{1,3}fees", IC)
C5_END = re.compile(r"Column\s{1,3}Totals|Total\s{1,3}Payments\s{1,3}Listed", IC)
PHONE = re.compile(
    r"(?:\+?1[\s.\-]{0,2})?\(?\d{3}\)?[\s.\-/]{0,3}\d{3}[\s.\-]{0,3}\d{4}(?:\s{0,2}(?:x|ext\.?)\s{0,2}\d{1,6})?",
    IC,
)
NO_MINIMUM = re.compile(r"\bno\s{1,3}minimum\b|\bnone\b", IC)
YEAR = re.compile(r"(?<!\d)((?:18|19|20)\d{2})(?!\d)")

CONF_BOX = 0.9
CONF_CELL = 0.85
