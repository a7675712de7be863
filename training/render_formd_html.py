# ruff: noqa: E501  (the form's wording and markup are kept on one line each)
"""Render an electronic Form D record (the gold ``filing`` dict) as an HTML page shaped like EDGAR's.

EDGAR shows an electronic Form D (``primary_doc.xml`` through its stylesheet) as a stack of item tables:
a caption row ("CIK (Filer ID Number)", "Name of Issuer", ...) with the values in the row below, checkbox
groups printed as a small box before each option label, and long instructions as running text. This module
writes such a page from our own markup (no SEC stylesheet is copied) so that the converters users run on
the real page (w3m, pdftotext, OCR of a printout) can be reproduced locally on records whose gold we know.

Checkboxes come in two styles (``box_style``):

- ``"cell"``: a bordered inline box holding ``X`` when marked and a no-break space when not. This is how
  EDGAR's page looks; converters print ``X`` (or an OCR'd ``[X]``/``|X|``) before the label and nothing or
  ``[ ]``/``O`` for an empty box.
- ``"glyph"``: the characters ``☒`` / ``☐`` (some tools and saved pages render boxes this way).

Traps:

- Only values the record has are printed; a null amount with ``Indefinite`` marks the Indefinite box, as
  EDGAR does, and a null ``year_of_inc`` marks no Year box.
- ``year_of_inc`` holds either a year (the "Within Last Five Years (Specify Year)" box plus the year) or
  the wording of the box that is marked ("Over Five Years Ago", "Yet to Be Formed").
- ``federal_exemptions`` from pre-2013 filings have bare ``Rule 506`` and ``Section 4(6)``: the page then
  prints that era's option list (no 506(b)/(c)), as the form did then.
- ``entity_type`` other than the five printed types is the "Other (Specify)" box plus its description.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

ENTITY_TYPES = (
    "Corporation",
    "Limited Partnership",
    "Limited Liability Company",
    "General Partnership",
    "Business Trust",
)
INDUSTRY_GROUPS = (
    "Agriculture",
    "Commercial Banking",
    "Insurance",
    "Investing",
    "Investment Banking",
    "Pooled Investment Fund",
    "Other Banking and Financial Services",
    "Business Services",
    "Coal Mining",
    "Electric Utilities",
    "Energy Conservation",
    "Environmental Services",
    "Oil & Gas",
    "Other Energy",
    "Biotechnology",
    "Health Insurance",
    "Hospitals & Physicians",
    "Pharmaceuticals",
    "Other Health Care",
    "Manufacturing",
    "Commercial",
    "Construction",
    "REITS and Finance",
    "Residential",
    "Other Real Estate",
    "Retailing",
    "Restaurants",
    "Computers",
    "Telecommunications",
    "Other Technology",
    "Airlines & Airports",
    "Lodging & Conventions",
    "Tourism & Travel Services",
    "Other Travel",
    "Other",
)
FUND_TYPES = ("Hedge Fund", "Private Equity Fund", "Venture Capital Fund", "Other Investment Fund")
MODERN_EXEMPTIONS = (
    ("Rule 504(b)(1)", "Rule 504(b)(1) (not (i), (ii) or (iii))"),
    ("Rule 504(b)(1)(i)", "Rule 504 (b)(1)(i)"),
    ("Rule 504(b)(1)(ii)", "Rule 504 (b)(1)(ii)"),
    ("Rule 504(b)(1)(iii)", "Rule 504 (b)(1)(iii)"),
    ("Rule 505", "Rule 505"),
    ("Rule 506(b)", "Rule 506(b)"),
    ("Rule 506(c)", "Rule 506(c)"),
    ("Section 4(a)(5)", "Securities Act Section 4(a)(5)"),
    ("Section 3(c)", "Investment Company Act Section 3(c)"),
)
OLD_EXEMPTIONS = (
    ("Rule 504(b)(1)", "Rule 504(b)(1) (not (i), (ii) or (iii))"),
    ("Rule 504(b)(1)(i)", "Rule 504 (b)(1)(i)"),
    ("Rule 504(b)(1)(ii)", "Rule 504 (b)(1)(ii)"),
    ("Rule 504(b)(1)(iii)", "Rule 504 (b)(1)(iii)"),
    ("Rule 505", "Rule 505"),
    ("Rule 506", "Rule 506"),
    ("Section 4(6)", "Securities Act Section 4(6)"),
    ("Section 3(c)", "Investment Company Act Section 3(c)"),
)
# Item 9 labels and the record type each maps to (the importer's SECURITY_FLAGS order).
SECURITY_LABELS = (
    ("Equity", "equity"),
    ("Pooled Investment Fund Interests", "other"),
    ("Debt", "debt"),
    ("Tenant-in-Common Securities", None),
    ("Option, Warrant or Other Right to Acquire Another Security", "convertible"),
    ("Mineral Property Securities", None),
    ("Security to be Acquired Upon Exercise of Option, Warrant or Other Right to Acquire Security", None),
    ("Other (describe)", None),
)
REVENUE_RANGES = (
    "No Revenues",
    "$1 - $1,000,000",
    "$1,000,001 - $5,000,000",
    "$5,000,001 - $25,000,000",
    "$25,000,001 - $100,000,000",
    "Over $100,000,000",
    "Decline to Disclose",
    "Not Applicable",
)
TERMS = (
    "In submitting this notice, each issuer named above is: Notifying the SEC and/or each State in which this "
    "notice is filed of the offering of securities described and undertaking to furnish them, upon written "
    "request, in accordance with applicable law, the information furnished to offerees. Irrevocably "
    "appointing each of the Secretary of the SEC and, the Securities Administrator or other legally designated "
    "officer of the State in which the issuer maintains its principal place of business and any State in "
    "which this notice is filed, as its agents for service of process, and agreeing that these persons may "
    "accept service on its behalf, of any notice, process or pleading. Certifying that, if the issuer is "
    "claiming a Regulation D exemption for the offering, the issuer is not disqualified from relying on "
    "Rule 504 or Rule 506 for one of the reasons stated in Rule 504(b)(3) or Rule 506(d)."
)
STYLE = """
@page { size: letter; margin: 0.6in; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 4px 0; }
h2 { font-size: 12pt; text-align: center; margin: 2px 0 10px 0; }
h3 { font-size: 11pt; margin: 14px 0 4px 0; border-bottom: 1px solid #000; }
table { border-collapse: collapse; margin-bottom: 6px; }
th { text-align: left; font-weight: normal; font-size: 9pt; padding: 2px 14px 0 0; }
td { padding: 1px 14px 3px 0; vertical-align: top; }
td.v { font-weight: bold; }
span.box { display: inline-block; width: 11px; height: 11px; border: 1px solid #000; font-size: 9pt;
  line-height: 11px; text-align: center; margin-right: 5px; font-weight: bold; }
p.small { font-size: 8pt; }
"""


def esc(value: object) -> str:
    """HTML-escaped text of a value (``None`` -> empty)."""
    return "" if value is None else html.escape(str(value))


def money(value: object) -> str:
    """``1400`` -> ``$1,400`` (integral amounts without cents, as EDGAR prints them)."""
    if value is None:
        return ""
    num = float(str(value))
    return f"${num:,.0f}" if num == int(num) else f"${num:,.2f}"


class Page:
    """Accumulates the page's HTML; ``box_style`` is ``"cell"`` or ``"glyph"`` (see the module doc)."""

    def __init__(self, box_style: str = "cell") -> None:
        self.box_style = box_style
        self.parts: list[str] = []

    def box(self, marked: bool) -> str:
        if self.box_style == "glyph":
            return "☒ " if marked else "☐ "
        return f'<span class="box">{"X" if marked else "&nbsp;"}</span>'

    def option(self, label: str, marked: bool) -> str:
        return f"{self.box(marked)}{esc(label)}"

    def heading(self, text: str) -> None:
        self.parts.append(f"<h3>{esc(text)}</h3>")

    def para(self, text: str, cls: str = "") -> None:
        self.parts.append(f'<p class="{cls}">{text}</p>' if cls else f"<p>{text}</p>")

    def grid(self, captions: Iterable[str], values: Iterable[object]) -> None:
        """One caption row and the value row below it (EDGAR's label-over-value cells)."""
        head = "".join(f"<th>{esc(c)}</th>" for c in captions)
        vals = "".join(f'<td class="v">{esc(v)}</td>' for v in values)
        self.parts.append(f"<table><tr>{head}</tr><tr>{vals}</tr></table>")

    def options_table(self, cells: list[str], columns: int) -> None:
        """Checkbox options laid out row by row in ``columns`` columns (already rendered cells)."""
        rows = []
        for i in range(0, len(cells), columns):
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells[i : i + columns]) + "</tr>")
        self.parts.append("<table>" + "".join(rows) + "</table>")


def _issuer(pg: Page, iss: Mapping[str, Any]) -> None:
    pg.heading("1. Issuer's Identity")
    etype = iss.get("entity_type")
    other = etype is not None and etype not in ENTITY_TYPES
    type_cells = [pg.option(t, etype == t) for t in ENTITY_TYPES]
    type_cells.append(pg.option("Other (Specify)", other) + (f" {esc(etype)}" if other else ""))
    left = [
        ("CIK (Filer ID Number)", iss.get("cik")),
        ("Name of Issuer", iss.get("entity_name")),
        ("Jurisdiction of Incorporation/Organization", iss.get("jurisdiction_of_inc")),
    ]
    # Captions and values down the left column, the Entity Type boxes down the right one (one per row).
    left_cells: list[str] = []
    for cap, val in left:
        left_cells += [f"<th>{esc(cap)}</th>", f'<td class="v">{esc(val)}</td>']
    right = ["<td>Entity Type</td>"] + [f"<td>{c}</td>" for c in type_cells]
    rows = [f"<tr>{left_cells[0]}<th>Previous Names</th><td>{pg.option('None', True)}</td>{right[0]}</tr>"]
    for i in range(1, max(len(left_cells), len(right))):
        lc = left_cells[i] if i < len(left_cells) else "<td></td>"
        rc = right[i] if i < len(right) else "<td></td>"
        rows.append(f"<tr>{lc}<td></td><td></td>{rc}</tr>")
    pg.parts.append("<table>" + "".join(rows) + "</table>")
    year = iss.get("year_of_inc")
    is_year = isinstance(year, str) and year.isdigit()
    pg.parts.append("<table><tr><th>Year of Incorporation/Organization</th></tr>")
    pg.parts.append(f"<tr><td>{pg.option('Over Five Years Ago', year == 'Over Five Years Ago')}</td></tr>")
    within = pg.option("Within Last Five Years (Specify Year)", is_year)
    pg.parts.append(f"<tr><td>{within} <b>{esc(year) if is_year else ''}</b></td></tr>")
    pg.parts.append(f"<tr><td>{pg.option('Yet to Be Formed', year == 'Yet to Be Formed')}</td></tr></table>")


def _address(pg: Page, rec: Mapping[str, Any], *, phone: bool) -> None:
    pg.grid(("Street Address 1", "Street Address 2"), (rec.get("street1"), rec.get("street2")))
    caps = ["City", "State/Province/Country", "ZIP/PostalCode"]
    vals = [rec.get("city"), rec.get("state_or_country"), rec.get("zip_code")]
    if phone:
        caps.append("Phone Number of Issuer")
        vals.append(rec.get("phone_number"))
    pg.grid(caps, vals)


def _persons(pg: Page, persons: list[Mapping[str, Any]]) -> None:
    pg.heading("3. Related Persons")
    for p in persons:
        pg.grid(
            ("Last Name", "First Name", "Middle Name"),
            (p.get("last_name"), p.get("first_name"), p.get("middle_name")),
        )
        _address(pg, p, phone=False)
        rels = set(p.get("relationships") or [])
        opts = " ".join(pg.option(r, r in rels) for r in ("Executive Officer", "Director", "Promoter"))
        pg.parts.append(f"<table><tr><td>Relationship: {opts}</td></tr></table>")
        pg.parts.append(
            "<table><tr><th>Clarification of Response (if Necessary):</th></tr><tr><td></td></tr>"
        )
        pg.parts.append("</table><hr/>")


def _industry(pg: Page, business: str | None) -> None:
    pg.heading("4. Industry Group")
    group, _, fund = (business or "").partition(" - ")
    cells = [pg.option(g, g == group) for g in INDUSTRY_GROUPS]
    pg.options_table(cells, 3)
    if group == "Pooled Investment Fund":
        pg.options_table([pg.option(t, t == fund) for t in FUND_TYPES], 2)
        pg.para(
            "Is the issuer registered as an investment company under the Investment Company Act of 1940? "
            f"{pg.option('Yes', False)} {pg.option('No', True)}"
        )


def _exemptions(pg: Page, exemptions: list[str]) -> None:
    pg.heading("6. Federal Exemption(s) and Exclusion(s) Claimed (select all that apply)")
    old = any(e in ("Rule 506", "Section 4(6)") for e in exemptions)
    rows = OLD_EXEMPTIONS if old else MODERN_EXEMPTIONS
    pg.options_table([pg.option(text, key in exemptions) for key, text in rows], 2)
    if "Section 3(c)" in exemptions or any(e.startswith("Section 3(c)(") for e in exemptions):
        subs = [f"Section 3(c)({n})" for n in range(1, 15)]
        pg.options_table([pg.option(s, s in exemptions) for s in subs], 2)


def _securities(pg: Page, types: set[str]) -> None:
    pg.heading("9. Type(s) of Securities Offered (select all that apply)")
    cells = [pg.option(text, kind is not None and kind in types) for text, kind in SECURITY_LABELS]
    pg.options_table(cells, 2)


def _amount_row(pg: Page, caption: str, value: object, indefinite: bool) -> str:
    shown = f"{money(value)} USD" if value is not None else "USD"
    tail = f"or {pg.option('Indefinite', value is None)}" if indefinite else ""
    return f'<tr><td>{esc(caption)}</td><td class="v">{shown}</td><td>{tail}</td></tr>'


def _amounts(pg: Page, f: Mapping[str, Any]) -> None:
    pg.heading("13. Offering and Sales Amounts")
    a = f.get("offering_sales_amounts") or {}
    rows = [
        _amount_row(pg, "Total Offering Amount", a.get("total_offering_amount"), True),
        _amount_row(pg, "Total Amount Sold", a.get("total_amount_sold"), False),
        _amount_row(pg, "Total Remaining to be Sold", a.get("total_remaining"), True),
    ]
    pg.parts.append("<table>" + "".join(rows) + "</table>")
    pg.para("Clarification of Response (if Necessary):")


def _investors(pg: Page, inv: Mapping[str, Any]) -> None:
    pg.heading("14. Investors")
    non = inv.get("non_accredited_count")
    acc = inv.get("accredited_count")
    has_non = bool(non)
    pg.para(
        f"{pg.option('', has_non)}Select if securities in the offering have been or may be sold to persons who "
        "do not qualify as accredited investors, and enter the number of such non-accredited investors who "
        f"already have invested in the offering. <b>{_count(non) if has_non else ''}</b>"
    )
    total = (acc or 0) + (non or 0) if acc is not None else None
    pg.para(
        "Regardless of whether securities in the offering have been or may be sold to persons who do not "
        "qualify as accredited investors, enter the total number of investors who already have invested in "
        f"the offering: <b>{_count(total)}</b>"
    )


def _count(value: object) -> str:
    if value is None:
        return ""
    num = float(str(value))
    return str(int(num)) if num == int(num) else str(num)


def _signature(pg: Page, sig: Mapping[str, Any]) -> None:
    pg.heading("Signature and Submission")
    pg.para(
        "Please verify the information you have entered and review the Terms of Submission below before "
        "signing and clicking SUBMIT below to file this notice."
    )
    pg.para("<b>Terms of Submission</b>")
    pg.para(esc(TERMS), "small")
    pg.para(
        "Each Issuer identified above has read this notice, knows the contents to be true, and has duly "
        "caused this notice to be signed on its behalf by the undersigned duly authorized person.",
        "small",
    )
    name = sig.get("name_of_signer")
    pg.grid(
        ("Issuer", "Signature", "Name of Signer", "Title", "Date"),
        (sig.get("issuer_name"), name, name, sig.get("signature_title"), sig.get("signature_date")),
    )
    pg.para(
        "Persons who respond to the collection of information contained in this form are not required to "
        "respond unless the form displays a currently valid OMB number.",
        "small",
    )


def render_formd_html(filing: Mapping[str, Any], *, box_style: str = "cell") -> str:
    """The HTML page of a Form D record (a gold ``filing`` dict), EDGAR-like; see the module doc."""
    pg = Page(box_style)
    iss: Mapping[str, Any] = filing.get("primary_issuer") or {}
    pg.parts.append("<h1>FORM D</h1><h2>Notice of Exempt Offering of Securities</h2>")
    pg.para("U.S. Securities and Exchange Commission<br/>Washington, DC 20549", "small")
    _issuer(pg, iss)
    pg.heading("2. Principal Place of Business and Contact Information")
    pg.grid(("Name of Issuer",), (iss.get("entity_name"),))
    _address(pg, iss, phone=True)
    _persons(pg, list(filing.get("related_persons") or []))
    _industry(pg, filing.get("business_description"))
    pg.heading("5. Issuer Size")
    pg.options_table([pg.option(r, r == "Decline to Disclose") for r in REVENUE_RANGES], 2)
    _exemptions(pg, list(filing.get("federal_exemptions") or []))
    pg.heading("7. Type of Filing")
    amend = filing.get("is_amendment")
    first = filing.get("date_of_first_sale")
    pg.parts.append(
        f"<table><tr><td>{pg.option('New Notice', amend is False)}</td><td>Date of First Sale</td>"
        f'<td class="v">{esc(first)}</td><td>{pg.option("First Sale Yet to Occur", first is None)}</td></tr>'
        f"<tr><td>{pg.option('Amendment', amend is True)}</td><td></td><td></td><td></td></tr></table>"
    )
    pg.heading("8. Duration of Offering")
    pg.para(
        "Does the Issuer intend this offering to last more than one year? "
        f"{pg.option('Yes', False)} {pg.option('No', True)}"
    )
    _securities(pg, {s.get("type") for s in filing.get("securities_offered") or []})
    pg.heading("10. Business Combination Transaction")
    pg.para(
        "Is this offering being made in connection with a business combination transaction, such as a merger, "
        f"acquisition or exchange offer? {pg.option('Yes', False)} {pg.option('No', True)}"
    )
    pg.para("Clarification of Response (if Necessary):")
    pg.heading("11. Minimum Investment")
    mi = filing.get("minimum_investment_accepted")
    pg.parts.append(
        "<table><tr><td>Minimum investment accepted from any outside investor</td>"
        f'<td class="v">{money(mi)} USD</td></tr></table>'
    )
    _sales_comp(pg, list(filing.get("sales_compensation_recipients") or []))
    _amounts(pg, filing)
    _investors(pg, filing.get("investors") or {})
    _expenses(pg, filing.get("expenses") or {})
    _proceeds(pg, list(filing.get("use_of_proceeds") or []))
    _signature(pg, filing.get("signature") or {})
    body = "\n".join(pg.parts)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"/><title>SEC FORM D</title>'
        f"<style>{STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )


def _sales_comp(pg: Page, recipients: list[Mapping[str, Any]]) -> None:
    pg.heading("12. Sales Compensation")
    if not recipients:
        pg.parts.append(
            f"<table><tr><th>Recipient</th><th>Recipient CRD Number</th></tr><tr><td>{pg.option('None', True)}"
            f"</td><td>{pg.option('None', True)}</td></tr></table>"
        )
        return
    for r in recipients:
        pg.grid(("Recipient", "Recipient CRD Number"), (r.get("name"), ""))
        pg.grid(("(Associated) Broker or Dealer",), (r.get("associated_broker_dealer"),))
        _address(pg, r, phone=False)
        pg.grid(("State(s) of Solicitation",), (" ".join(r.get("states") or []),))


def _expenses(pg: Page, ex: Mapping[str, Any]) -> None:
    pg.heading("15. Sales Commissions & Finder's Fees Expenses")
    pg.para(
        "Provide separately the amounts of sales commissions and finders fees expenses, if any. If the amount "
        "of an expenditure is not known, provide an estimate and check the box next to the amount."
    )
    rows = "".join(
        f'<tr><td>{cap}</td><td class="v">{money(ex.get(key))} USD</td><td>{pg.option("Estimate", False)}</td></tr>'
        for key, cap in (("sales_commissions", "Sales Commissions"), ("finders_fees", "Finders' Fees"))
    )
    pg.parts.append(f"<table>{rows}</table>")
    pg.para("Clarification of Response (if Necessary):")


def _proceeds(pg: Page, uses: list[Mapping[str, Any]]) -> None:
    pg.heading("16. Use of Proceeds")
    pg.para(
        "Provide the amount of the gross proceeds of the offering that has been or is proposed to be used for "
        "payments to any of the persons required to be named as executive officers, directors or promoters in "
        "response to Item 3 above. If the amount is unknown, provide an estimate and check the box next to the "
        "amount."
    )
    use = uses[0] if uses else {}
    amount = use.get("to_officers_directors_affiliates")
    pg.parts.append(
        f'<table><tr><td class="v">{money(amount)} USD</td><td>{pg.option("Estimate", False)}</td></tr></table>'
    )
    purpose = use.get("purpose")
    clar = "" if purpose in (None, "Payments to executive officers, directors or promoters") else purpose
    pg.grid(("Clarification of Response (if Necessary):",), (clar,))
