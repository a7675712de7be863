"""Plain pdftotext (content-stream order) prints box 2's "NAME [SYMBOL]" value far below its label."""

from __future__ import annotations

from extractor.assemble.ownership_header import extract_header
from extractor.ingest import normalise

# Plain pdftotext of an EDGAR-shaped Form 4 page (issuer and owner from the generator, not the dev set):
# the issuer's value comes after boxes 3-5, some 25 lines below "2. Issuer Name and Ticker".
PDF_RAW_HEADER = """FORM 4

UNITED STATES SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549

[ ] Check this box if no longer subject to
Section 16. Form 4 or Form 5 obligations
may continue. See Instruction 1(b).

STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES
(Print or Type Responses)
1. Name and Address of Reporting Person *

2. Issuer Name and Ticker or Trading Symbol

(Last)

(First)

(Middle)
3. Date of Earliest Transaction (Month/Day/Year)

3223 ANDREWS CT. NW

03/16/2017

(Street)

4. If Amendment, Date Original Filed(Month/Day/Year)

ATLANTA, GA 30305
(City)

5. Relationship of Reporting Person(s) to Issuer
(Check all applicable)
__X__ Director
_____ 10% Owner
_____ Officer (give title below)
_____ Other (specify below)

HOME DEPOT, INC. [HD]

STEVENS JENNIFER

(State)

(Zip)

6. Individual or Joint/Group Filing(Check Applicable Line)
_X_ Form filed by One Reporting Person

Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
"""


def test_issuer_value_printed_below_the_other_boxes() -> None:
    header = extract_header(normalise(PDF_RAW_HEADER))
    assert header.issuer.name == "HOME DEPOT, INC."
    assert header.issuer.trading_symbol == "HD"


def test_checkbox_and_footnote_brackets_below_the_label_are_no_issuer() -> None:
    text = PDF_RAW_HEADER.replace("HOME DEPOT, INC. [HD]", "Director [X]\n\nCommon Stock [1]")
    header = extract_header(normalise(text))
    assert header.issuer.name is None
    assert header.issuer.trading_symbol is None
