"""Electronic Form D (2009+, "Notice of Exempt Offering of Securities") rendered as text: Items 1-16.

The SEC renders the ``edgarSubmission`` as a form of captioned cells; converted to text, a caption's
value is beside it (w3m, markdown) or in the row below in its column (pdftotext -layout), both read by
``Page.caption_value``. Checkboxes print as ``X`` (or ``[X]``/``☒``) before their caption. Values follow
the EDGAR XML importer's conventions (``extractor/edgar_xml/formd.py``) so text and XML records agree:
``name`` is "Last, First Middle", exemptions are "Rule 506(b)"-style, accredited = total - non-accredited.
"""

from __future__ import annotations

import re

from extractor.assemble.formd_layout import Page, label
from extractor.assemble.formd_ocr import (
    BOX_DEBRIS,
    ocr_mark,
    repair_blank,
    repair_care_of,
    repair_code,
    repair_name,
    token_cells,
    without_marks,
)
from extractor.assemble.formd_text import (
    CHECKED_BOX,
    UNCHECKED_BOX,
    Line,
    cells,
    marked_options,
    segment_mark,
    split_lines,
    split_person_name,
    squash,
    trim_span,
)
from extractor.assemble.values import parse_date, state_code
from extractor.records import (
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

IC = re.IGNORECASE
_TITLE = re.compile(r"Notice\s{1,3}of\s{1,3}Exempt\s{1,3}Offering\s{1,3}of\s{1,3}Securities", IC)
ITEM = re.compile(r"^[\s#*]{0,8}(?:Item\s{1,2})?(1[0-6]|[1-9])\s{0,2}\.\s{1,3}(?=[A-Z])", re.MULTILINE)
SIGNATURE_HEADING = re.compile(r"Signature\s{1,3}and\s{1,3}Submission", IC)

CIK = label("CIK (Filer ID Number)", parens=False)
NAME_OF_ISSUER = label("Name of Issuer")
JURISDICTION = re.compile(r"Jurisdiction\s{1,3}of\s{1,3}Incorporation\s{0,2}/\s{0,2}Organization", IC)
YEAR_WITHIN = re.compile(
    r"Within\s{1,3}Last\s{1,3}Five\s{1,3}Years\s{0,3}(?:\(\s{0,2}Specify\s{1,3}Year\s{0,2}\))?", IC
)
STREET1 = label("Street Address 1", parens=False)
STREET2 = label("Street Address 2", parens=False)
CITY = label("City", parens=False)
STATE = re.compile(r"State\s{0,2}/\s{0,2}Province\s{0,2}/\s{0,2}Country", IC)
ZIP = re.compile(r"ZIP\s{0,2}/\s{0,2}Postal\s{0,2}C[a-z]{2,4}", IC)  # OCR: "PostalCcode"
PHONE = label("Phone Number of Issuer", parens=False)
# OCR drops the space of a short caption ("LastName", "FirstName"), hence ``\s{0,3}``.
LAST = re.compile(r"Last\s{0,3}Name(?:[ \t]{0,2}:)?", IC)
FIRST = re.compile(r"First\s{0,3}Name(?:[ \t]{0,2}:)?", IC)
MIDDLE = re.compile(r"Middle\s{0,3}Name(?:[ \t]{0,2}:)?", IC)
RELATIONSHIP = re.compile(r"Relationship\s{0,2}:", IC)
CLARIFICATION = re.compile(r"Clarification\s{1,3}of\s{1,3}Response(?:\s{0,2}\([^()\n]{0,40}\))?\s{0,2}:?", IC)
FIRST_SALE = label("Date of First Sale", parens=False)
# Item 12 captions. Trap: "Recipient" also starts "Recipient CRD Number", its neighbour in the same row.
RECIPIENT = re.compile(r"\bRecipient\b(?:\s{1,3}CRD\s{1,3}Number)?", IC)
BROKER = re.compile(r"\(Associated\)\s{1,3}Broker\s{1,3}or\s{1,3}Dealer(?:\s{1,3}CRD\s{1,3}Number)?", IC)
SOLICITATION = re.compile(r"State\(s\)\s{1,3}of\s{1,3}Solicitation(?:\s{0,2}\([^()\n]{0,40}\))?", IC)
SIG_CAPTIONS = re.compile(r"\bIssuer\b|\bSignature\b|Name\s{1,3}of\s{1,3}Signer|\bTitle\b|\bDate\b", IC)
SIG_DATE = re.compile(r"\bDate\b")
# Caption fragments of the signature row, "Name of" and "Signer" apart when the caption wraps (OCR glues
# "Nameof").
SIG_FRAGMENTS = re.compile(
    r"\bIssuer\b|\bSignature\b|Name\s{0,3}of(?:\s{1,3}Signer)?\b|\bSigner\b|\bTitle\b|\bDate\b", IC
)
SIG_KEYS = {
    "issuer": "issuer_name",
    "name of signer": "name_of_signer",
    "title": "signature_title",
    "date": "signature_date",
}
ENTITY_TYPES = {
    "Corporation": re.compile(r"\bCorporation\b", IC),
    "Limited Partnership": re.compile(r"Limited\s{1,3}Partnership", IC),
    "Limited Liability Company": re.compile(r"Limited\s{1,3}Liability\s{1,3}Company", IC),
    "General Partnership": re.compile(r"General\s{1,3}Partnership", IC),
    "Business Trust": re.compile(r"Business\s{1,3}Trust", IC),
    "Other": re.compile(r"\bOther\b(?:\s{0,2}\(\s{0,2}Specify\s{0,2}\))?", IC),
}
YEAR_BOXES = {
    "Over Five Years Ago": re.compile(r"Over\s{1,3}Five\s{1,3}Years\s{1,3}Ago", IC),
    "Within": YEAR_WITHIN,
    "Yet to Be Formed": re.compile(r"Yet\s{1,3}to\s{1,3}Be\s{1,3}Formed", IC),
}
RELATIONSHIPS = {
    "Executive Officer": re.compile(r"Executive\s{1,3}Officer", IC),
    "Director": re.compile(r"\bDirector\b", IC),
    "Promoter": re.compile(r"\bPromoter\b", IC),
}
EXEMPTIONS = {
    "Rule 504(b)(1)": re.compile(r"Rule\s{0,2}504\s{0,2}\(b\)\s{0,2}\(1\)(?!\s{0,2}\()", IC),
    "Rule 504(b)(1)(i)": re.compile(r"Rule\s{0,2}504\s{0,2}\(b\)\s{0,2}\(1\)\s{0,2}\(i\)", IC),
    "Rule 504(b)(1)(ii)": re.compile(r"Rule\s{0,2}504\s{0,2}\(b\)\s{0,2}\(1\)\s{0,2}\(ii\)", IC),
    "Rule 504(b)(1)(iii)": re.compile(r"Rule\s{0,2}504\s{0,2}\(b\)\s{0,2}\(1\)\s{0,2}\(iii\)", IC),
    "Rule 505": re.compile(r"Rule\s{0,2}505\b", IC),
    "Rule 506(b)": re.compile(r"Rule\s{0,2}506\s{0,2}\(b\)", IC),
    "Rule 506(c)": re.compile(r"Rule\s{0,2}506\s{0,2}\(c\)", IC),
    "Rule 506": re.compile(r"Rule\s{0,2}506\b(?!\s{0,2}\()", IC),
    "Section 4(a)(5)": re.compile(r"Securities\s{1,3}Act\s{1,3}Section\s{1,3}4\s{0,2}\(a\)\s{0,2}\(5\)", IC),
    "Section 3(c)": re.compile(r"Investment\s{1,3}Company\s{1,3}Act\s{1,3}Section\s{1,3}3\s{0,2}\(c\)", IC),
    "Section 4(6)": re.compile(r"Securities\s{1,3}Act\s{1,3}Section\s{1,3}4\s{0,2}\(6\)", IC),
}
# The Section 3(c) exclusions listed under the Investment Company Act box: "Section 3(c)(1)" ... "(14)".
# Trap: "(1)" must not match the start of "(10)"-"(14)", and the parent box's caption has no "(n)".
SECTION_3C = {
    f"Section 3(c)({n})": re.compile(rf"(?<!Act\s)Section\s{{1,3}}3\s{{0,2}}\(c\)\s{{0,2}}\({n}\)", IC)
    for n in range(1, 15)
}
FILING_TYPES = {
    "New Notice": re.compile(r"New\s{1,3}Notice", IC),
    "Amendment": re.compile(r"\bAmendment\b", IC),
}
# Item 9 captions -> the importer's SECURITY_FLAGS types; trailing spaces keep keys unique (stripped on use).
SECURITY_TYPES = {
    "equity": re.compile(r"\bEquity\b", IC),
    "debt": re.compile(r"\bDebt\b", IC),
    "convertible": re.compile(r"Option,\s{1,3}Warrant\s{1,3}or\s{1,3}Other", IC),
    "convertible ": re.compile(r"Security\s{1,3}to\s{1,3}be\s{1,3}Acquired", IC),
    # Trap: pdftotext -layout wraps long labels in their column ("Pooled Investment Fund" / "Interests"),
    # so only each label's first words are matched.
    "other": re.compile(r"Pooled\s{1,3}Investment\s{1,3}Fund", IC),
    "other ": re.compile(r"Tenant-in-Common", IC),
    "other  ": re.compile(r"Mineral\s{1,3}Property", IC),
    "other   ": re.compile(r"\bOther\s{0,2}\(\s{0,2}describe\s{0,2}\)", IC),
}
STOP = re.compile(
    "|".join(
        p.pattern
        for p in (
            CIK,
            NAME_OF_ISSUER,
            JURISDICTION,
            STREET1,
            STREET2,
            CITY,
            STATE,
            ZIP,
            PHONE,
            LAST,
            FIRST,
            MIDDLE,
            RELATIONSHIP,
            CLARIFICATION,
            re.compile(r"Previous\s{1,3}Names?"),
            re.compile(r"Entity\s{1,3}Type"),
            re.compile(r"Year\s{1,3}of\s{1,3}Incorporation"),
            ITEM,
            SIGNATURE_HEADING,
            RECIPIENT,
            BROKER,
            SOLICITATION,
        )
    ),
    IC | re.MULTILINE,
)
CONF_BOX = 0.9
_BLOCK_END = re.compile(f"{RELATIONSHIP.pattern}|{CLARIFICATION.pattern}", IC)
_CITY_ROW = ("City", "State/Province/Country", "ZIP/PostalCode")
_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)|(?<!\d)\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?!\d)")
_USE_OF_PROCEEDS_PURPOSE = "Payments to executive officers, directors or promoters"


def address_value(key: str, value: str) -> str:
    """An address cell as the record keeps it: a state as its code (an OCR slip undone: "DO" -> "D0"),
    a street's "clo" (OCR of "c/o") restored."""
    if key == "state_or_country":
        return state_code(value) or repair_code(value)
    if key in ("street1", "street2"):
        return repair_care_of(value)
    return value


def is_electronic_formd(view: str) -> bool:
    """The electronic form's title ("Notice of Exempt Offering of Securities")."""
    return bool(_TITLE.search(view[:200_000]))


class ElectronicFormD:
    """Reads one electronic Form D ``Page`` into a ``FormDFiling`` (spans land in ``page.spans``)."""

    def __init__(self, page: Page) -> None:
        self.p = page
        glue_marks(page)
        self.items: dict[int, tuple[int, int]] = {}
        heads = [(int(m.group(1)), m.start(1)) for m in page.find_all(ITEM)]
        sig = page.find(SIGNATURE_HEADING)
        ends = [s for _, s in heads[1:]] + [len(page.view)] if heads else []
        expected = 1
        for (num, start), end in zip(heads, ends, strict=True):
            if num == expected:  # items come in order; a "3." inside a sentence is not an item
                self.items[num] = (start, min(end, sig.start()) if sig and sig.start() > start else end)
                expected += 1
        self.sig_lo = sig.start() if sig else None

    def item(self, num: int) -> tuple[int, int]:
        return self.items.get(num, (0, 0))

    def value(
        self, caption: re.Pattern[str], lo: int, hi: int, path: str | None = None
    ) -> tuple[str, tuple[int, int]] | None:
        m = self.p.find(caption, lo, hi)
        if m is None:
            return None
        line = self.p.lines[self.p.line_index(m.end())]
        beside = self.p.view[m.end() : min(line.end, m.end() + 400)]
        heads = header_captions(self.p, m)
        if heads is not None:
            # a row of captions (w3m, pdftotext -layout): the value is the slice of the row(s) below
            cell = header_cell(self.p, heads, m, hi)
            if cell is None:
                return None
            if path:
                self.p.put(path, cell[0], 0.8)
            return cell[1], cell[0]
        if not beside.strip():
            run = caption_run(self.p, m, hi)
            if run is not None:
                if path and run[0] is not None:
                    self.p.put(path, run[0], 0.6)
                return (self.p.value(run[0]), run[0]) if run[0] is not None else None
            found = self.p.value_after(m.end(), STOP, hi=hi)
        elif re.match(r"\t| {3,}", beside):
            # a wide gap after the caption: what follows is another column; the value is in the row below
            found = self.p.column_value(m, STOP)
        else:
            found = self.p.caption_value(m, STOP, hi=hi)
        if found is None:
            return None
        s, e = found[0]
        gap = re.search(r"\t| {3,}", self.p.view[s:e])
        if gap:  # the value's cell ends at the next column gap
            found = ((s, s + gap.start()), found[1])
        if path:
            self.p.put(path, found[0], found[1])
        return self.p.value(found[0]), found[0]

    def marked(
        self, options: dict[str, re.Pattern[str]], lo: int, hi: int
    ) -> list[tuple[str, tuple[int, int]]]:
        """The marked options of a checkbox group, in printed order.

        Trap (OCR of the page): tesseract reads an empty box as debris ("[_]", "|]", "[7]") and often
        drops a box filled with an X altogether. A box-less option among empty boxes is then *probably*
        the marked one, but SCHEMA.md allows a box to be true only where the text marks it: such a
        group reads as no mark, and the field stays null rather than guessed. A box glyph holding an X
        read as letters ("XI", "Kl", "[KX]") is a mark (``formd_ocr.ocr_mark``).
        """
        opts = marked_options(self.p.view, lo, hi, options)
        out: list[tuple[str, tuple[int, int]]] = []
        prev = lo
        for o in opts:
            if o.marked or ocr_mark(self.p.view[prev : o.start]):
                out.append((o.name.strip(), (o.start, o.end)))
            prev = o.end
        return out

    # -------------------------------------------------------------------------------------- items
    def read(self) -> FormDFiling:
        f = FormDFiling()
        f.primary_issuer = self.issuer()
        f.related_persons = self.persons()
        lo, hi = self.item(6)
        # the 3(c)(n) boxes are read even when the parent box is not marked (filers leave it off)
        marked = self.marked(EXEMPTIONS, lo, hi) + self.marked(SECTION_3C, lo, hi)
        for i, (name, span) in enumerate(marked):
            f.federal_exemptions.append(name)
            self.p.put(f"federal_exemptions[{i}]", span, CONF_BOX)
        lo, hi = self.item(7)
        kinds = dict(self.marked(FILING_TYPES, lo, hi))
        if "Amendment" in kinds or "New Notice" in kinds:
            f.is_amendment = "Amendment" in kinds
            self.p.put("is_amendment", kinds.get("Amendment") or kinds["New Notice"], CONF_BOX)
        got = self.first_sale(lo, hi)
        if got is None and 8 in self.items:
            # OCR reads a page's columns one after the other: Item 7's right column ("Date of First Sale")
            # can come out after the next item's heading
            got = self.first_sale(lo, self.item(8)[1])
        if got and parse_date(got[0]):
            f.date_of_first_sale = parse_date(got[0])
            self.p.put("date_of_first_sale", got[1], 0.85)
        lo, hi = self.item(9)
        seen: set[str] = set()
        for name, _ in self.marked(SECURITY_TYPES, lo, hi):
            kind = name.strip()
            if kind not in seen:
                seen.add(kind)
                f.securities_offered.append(SecurityOffered(type=kind))
        f.business_description = self.industry()
        f.sales_compensation_recipients = self.recipients()
        lo, hi = self.item(11)
        f.minimum_investment_accepted = self.amount(lo, hi, "minimum_investment_accepted")
        lo, hi = self.item(13)
        amounts = OfferingSalesAmounts()
        for key, words in (
            ("total_offering_amount", "Total Offering Amount"),
            ("total_amount_sold", "Total Amount Sold"),
            ("total_remaining", "Total Remaining to be Sold"),
        ):
            m = self.p.find(label(words, parens=False), lo, hi)
            if m is not None:
                line = self.p.lines[self.p.line_index(m.end())]
                setattr(amounts, key, self.amount(m.end(), line.end, f"offering_sales_amounts.{key}"))
        if any(v is not None for v in vars(amounts).values()):
            f.offering_sales_amounts = amounts
            if len(f.securities_offered) == 1:
                # the form has offering totals only: like the XML importer, they are the one type's amounts
                f.securities_offered[0].aggregate_offering_price = amounts.total_offering_amount
                f.securities_offered[0].amount_sold = amounts.total_amount_sold
        f.investors = self.investors()
        lo, hi = self.item(15)
        lo = self.p.lines[self.p.line_index(lo)].end  # past the heading, which names both lines
        ex = Expenses()
        for key, words in (("sales_commissions", "Sales Commissions"), ("finders_fees", "Finders' Fees")):
            # Trap: the instructions ("the amounts of sales commissions and finders fees") name the
            # captions too; the caption is the match whose line carries a "$" amount.
            for m in self.p.find_all(label(words, parens=False), lo, hi):
                line = self.p.lines[self.p.line_index(m.end())]
                amt = self.amount(m.end(), line.end, f"expenses.{key}")
                if amt is not None:
                    setattr(ex, key, amt)
                    break
        if ex.sales_commissions is not None or ex.finders_fees is not None:
            f.expenses = ex
        lo, hi = self.item(16)
        used = self.amount(lo, hi, "use_of_proceeds[0].to_officers_directors_affiliates")
        if used is not None:
            clar = self.value(CLARIFICATION, lo, hi)
            f.use_of_proceeds = [
                UseOfProceeds(
                    purpose=clar[0] if clar else _USE_OF_PROCEEDS_PURPOSE,
                    to_officers_directors_affiliates=used,
                )
            ]
        f.signature = self.signature()
        return f

    def recipients(self) -> list[SalesCompensationRecipient]:
        """Item 12: one block per "Recipient" caption row (name; broker-dealer; address; states).
        A recipient printed as a marked "None" box is no recipient, as in the XML importer."""
        lo, hi = self.item(12)
        if hi <= lo:
            return []
        heads = [m for m in self.p.find_all(RECIPIENT, lo, hi) if not m.group(0).upper().endswith("NUMBER")]
        out: list[SalesCompensationRecipient] = []
        for k, m in enumerate(heads):
            b_lo, b_hi = m.start(), heads[k + 1].start() if k + 1 < len(heads) else hi
            got = self.value(RECIPIENT, b_lo, b_hi)
            if got is None or without_marks(got[0]).strip(" " + CHECKED_BOX).lower() in ("none", ""):
                continue
            rec = SalesCompensationRecipient(name=repair_name(got[0]))
            path = f"sales_compensation_recipients[{len(out)}]"
            spans: dict[str, tuple[int, int]] = {}
            self.p.put(f"{path}.name", got[1], 0.8)
            for key, caption in (
                ("associated_broker_dealer", BROKER),
                ("street1", STREET1),
                ("city", CITY),
                ("state_or_country", STATE),
                ("zip_code", ZIP),
            ):
                val = self.value(caption, b_lo, b_hi, f"{path}.{key}")
                if val is None or val[0].strip(" " + CHECKED_BOX).lower() == "none":
                    continue
                spans[key] = val[1]
                setattr(rec, key, address_value(key, val[0]))
            for key, span in self.city_tail(spans, path).items():
                setattr(rec, key, address_value(key, self.p.value(span)))
            states = self.value(SOLICITATION, b_lo, b_hi)
            if states is not None:
                text = states[0]
                rec.states = ["All States"] if "all states" in text.lower() else state_list(text)
            out.append(rec)
        return out

    def industry(self) -> str | None:
        """Item 4: the marked industry group ("Pooled Investment Fund" plus " - " and its marked fund type,
        as the XML importer writes ``business_description``)."""
        lo, hi = self.item(4)
        if hi <= lo:
            return None
        marked = [name for name, _ in marked_all(self.p.view, lo, hi, INDUSTRY_OPTIONS) if name]
        groups = [n for n in marked if n not in FUND_TYPES]
        if not groups:
            return None
        funds = [n for n in marked if n in FUND_TYPES]
        if groups[0] == "Pooled Investment Fund" and funds:
            return f"{groups[0]} - {funds[0]}"
        return groups[0]

    def first_sale(self, lo: int, hi: int) -> tuple[str, tuple[int, int]] | None:
        """Item 7's date: beside its caption, past a column gap ("Date of First Sale   2006-09-15"; the
        gap makes ``value`` look in the row below), else wherever ``value`` finds it."""
        m = self.p.find(FIRST_SALE, lo, hi)
        if m is not None:
            line = self.p.lines[self.p.line_index(m.end())]
            dm = _DATE.search(self.p.view, m.end(), min(line.end, m.end() + 80))
            if dm:
                return dm.group(0), (dm.start(), dm.end())
        return self.value(FIRST_SALE, lo, hi)

    def amount(self, lo: int, hi: int, path: str) -> float | None:
        """The first ``$`` amount in ``view[lo:hi]``."""
        row = [c for c in cells(self.p.view, lo, hi) if c.dollar and c.value is not None]
        if not row:
            return None
        self.p.put(path, (row[0].start, row[0].end), 0.85)
        return float(row[0].value) if row[0].value is not None else None

    def issuer(self) -> PrimaryIssuer:
        iss = PrimaryIssuer()
        lo, hi = self.item(1)
        saved = self.p.view, self.p.lines
        # OCR prints Item 1's Entity Type column at the end of the CIK / name / jurisdiction rows
        self.p.view = mask_entity_column(self.p.view, self.p.lines, lo, hi)
        self.p.lines = split_lines(self.p.view) if self.p.view is not saved[0] else saved[1]
        try:
            got = self.value(CIK, lo, hi)
            cik = re.search(r"\d{4,10}", got[0]) if got else None
            if got is None or cik is None:
                got = self.cik_below(lo, hi)
                cik = re.search(r"\d{4,10}", got[0]) if got else None
            if got and cik:
                iss.cik = cik.group(0).zfill(10)
                self.p.put("primary_issuer.cik", got[1], 0.85)
            got = self.value(NAME_OF_ISSUER, lo, hi, "primary_issuer.entity_name")
            iss.entity_name = repair_name(got[0]) if got else None
            got = self.value(JURISDICTION, lo, hi, "primary_issuer.jurisdiction_of_inc")
            iss.jurisdiction_of_inc = repair_code(got[0]) if got else None
        finally:
            self.p.view, self.p.lines = saved
        types = self.marked(ENTITY_TYPES, lo, hi)
        if types:
            iss.entity_type = types[0][0]
            self.p.put("primary_issuer.entity_type", types[0][1], CONF_BOX)
        years = self.marked(YEAR_BOXES, lo, hi)
        if not years:
            # OCR can drop a marked box, but a year printed after "Within Last Five Years (Specify Year)"
            # is the year itself (the form prints it only for that box)
            wm = self.p.find(YEAR_WITHIN, lo, hi)
            rest = self.p.view[wm.end() : self.p.lines[self.p.line_index(wm.end())].end] if wm else ""
            if wm is not None and re.match(r"[ \t]{1,8}(?:18|19|20)\d{2}[ \t]*$", rest):
                years = [("Within", (wm.start(), wm.end()))]
        if years and years[0][0] == "Within":
            line = self.p.lines[self.p.line_index(years[0][1][1])]
            ym = re.compile(r"(?<!\d)(?:18|19|20)\d{2}(?!\d)").search(self.p.view, years[0][1][1], line.end)
            if ym:
                iss.year_of_inc = ym.group(0)
                self.p.put("primary_issuer.year_of_inc", (ym.start(), ym.end()), 0.85)
        elif years:
            iss.year_of_inc = years[0][0]
            self.p.put("primary_issuer.year_of_inc", years[0][1], CONF_BOX)
        lo, hi = self.item(2)
        spans: dict[str, tuple[int, int]] = {}
        for key, caption in (
            ("street1", STREET1),
            ("street2", STREET2),
            ("city", CITY),
            ("state_or_country", STATE),
            ("zip_code", ZIP),
            ("phone_number", PHONE),
        ):
            got = self.value(caption, lo, hi)
            if got is None:
                continue
            spans[key] = got[1]
            setattr(iss, key, address_value(key, got[0]))
            self.p.put(f"primary_issuer.{key}", got[1], 0.85)
        for key, span in self.city_tail(spans, "primary_issuer").items():
            setattr(iss, key, address_value(key, self.p.value(span)))
        return iss

    def block_starts(self, heads: list[re.Match[str]], lo: int) -> list[int]:
        """Where each related person's block starts: at its "Last Name" caption, or earlier, past the line
        that ends the previous block (its "Relationship:" / "Clarification" line, or the item heading).

        Trap (OCR): tesseract can print a person's "First Name  Middle Name" row above the "Last Name"
        caption ("First Name Middle Name / Joseph R. / Last Name / Rindler"); a block cut at "Last Name"
        would give that first name to the previous person.
        """
        out: list[int] = []
        prev = lo
        for m in heads:
            ends = self.p.find_all(_BLOCK_END, prev, m.start())
            cut = self.p.lines[self.p.line_index(ends[-1].end() if ends else prev)].end
            out.append(cut if cut < m.start() else m.start())
            prev = m.start()
        return out

    def city_tail(self, spans: dict[str, tuple[int, int]], path: str) -> dict[str, tuple[int, int]]:
        """The state (and ZIP) printed after the city in the City cell, when the State cell has no value.

        Trap (OCR): tesseract can split a caption row and its values differently: "City" alone over
        "San Francisco CA", then "State/Province/Country ZIP/PostalCode" over "94111". The city's cell is
        then read by value shapes as a City / State / ZIP row; nothing changes unless a state code ends it.
        """
        city = spans.get("city")
        if city is None or "state_or_country" in spans:
            return {}
        s, e = city
        words = [(w.start() + s, w.end() + s) for w in re.finditer(r"\S+", self.p.view[s:e])]
        cells = token_cells(_CITY_ROW, [self.p.view[a:b] for a, b in words]) if len(words) >= 2 else None
        if cells is None or cells[0] is None or cells[1] is None:
            return {}
        out: dict[str, tuple[int, int]] = {}
        for key, cell in zip(("city", "state_or_country", "zip_code"), cells, strict=True):
            if cell is None or (key in spans and key != "city"):
                continue
            out[key] = (words[cell[0]][0], words[cell[1] - 1][1])
            self.p.put(f"{path}.{key}", out[key], 0.6)
        spans.update(out)
        return out

    def cik_below(self, lo: int, hi: int) -> tuple[str, tuple[int, int]] | None:
        """The CIK as the first word of a line just below its caption, when the caption's row holds other
        captions and words (OCR: "CIK (Filer ID Number) Previous Names None Entity Type" over
        "0001000275 Corporation", the columns lost)."""
        m = self.p.find(CIK, lo, hi)
        if m is None:
            return None
        i = self.p.line_index(m.start())
        for ln in [x for x in self.p.lines[i + 1 : i + 6] if x.start < hi and not x.blank][:2]:
            dm = re.match(r"[ \t]{0,8}(\d{4,10})(?![\d,.])", self.p.view[ln.start : ln.end])
            if dm:
                return dm.group(1), (ln.start + dm.start(1), ln.start + dm.end(1))
        return None

    def persons(self) -> list[RelatedPerson]:
        """Item 3: one block per "Last Name" caption (continuation pages repeat the item heading)."""
        lo, hi = self.item(3)
        heads = self.p.find_all(LAST, lo, hi)
        starts = self.block_starts(heads, lo)
        out: list[RelatedPerson] = []
        for k, m in enumerate(heads):
            b_lo, b_hi = starts[k], starts[k + 1] if k + 1 < len(heads) else hi
            path = f"related_persons[{len(out)}]"
            parts: dict[str, str] = {}
            spans: dict[str, tuple[int, int]] = {}
            for key, caption in (
                ("last_name", LAST),
                ("first_name", FIRST),
                ("middle_name", MIDDLE),
                ("street1", STREET1),
                ("street2", STREET2),
                ("city", CITY),
                ("state_or_country", STATE),
                ("zip_code", ZIP),
            ):
                got = self.value(caption, b_lo, b_hi, f"{path}.{key}")
                if got:
                    parts[key], spans[key] = got
            for key, span in self.city_tail(spans, path).items():
                parts[key] = self.p.value(span)
            if not parts.get("last_name"):
                continue
            parts["last_name"] = repair_name(parts["last_name"])
            if split_person_name(parts["last_name"]).last is None:  # an organisation: "N/A" cells
                for key in ("first_name", "middle_name"):
                    if key in parts:
                        parts[key] = repair_blank(parts[key])
            name = parts["last_name"] + (
                ", " + " ".join(x for x in (parts.get("first_name"), parts.get("middle_name")) if x)
                if parts.get("first_name")
                else ""
            )
            if split_person_name(parts["last_name"]).last is None:
                parts.pop("first_name", None)
            person = RelatedPerson(name=name)
            for key, val in parts.items():
                setattr(person, key, address_value(key, val))
            rel = self.p.find(RELATIONSHIP, m.start(), b_hi)
            if rel is not None:
                clar = self.p.find(CLARIFICATION, rel.end(), b_hi)
                end = clar.start() if clar else self.p.lines[self.p.line_index(rel.end())].end
                person.relationships = [n for n, _ in self.marked(RELATIONSHIPS, rel.end(), end)]
            out.append(person)
        return out

    def investors(self) -> Investors | None:
        """Item 14: the total already invested and the non-accredited count (accredited = the difference).

        Traps: both sentences wrap (w3m at 200 columns, PDFs at the page width), so a count is looked for
        past the sentence's end, across line breaks, up to the next sentence / the item's end; the
        non-accredited count is 0 when its "Select if" box is unmarked and no count is printed.
        """
        lo, hi = self.item(14)
        if hi <= lo:
            return None
        total_m = self.p.find(
            re.compile(r"total\s{1,3}number\s{1,3}of\s{1,3}investors[^:]{0,120}:", IC), lo, hi
        )
        non_m = self.p.find(
            re.compile(r"number\s{1,3}of\s{1,3}such\s{1,3}non-accredited[^.]{0,120}\.", IC), lo, hi
        )
        total = non = None
        if total_m is not None:
            row = [
                c
                for c in cells(self.p.view, total_m.end(), min(hi, total_m.end() + 200))
                if c.value is not None
            ]
            total = float(row[0].value) if row and row[0].value is not None else None
            if row:
                # accredited = total - non-accredited: the span is the total's
                self.p.put("investors.accredited_count", (row[0].start, row[0].end), 0.7)
        if non_m is not None:
            end = total_m.start() if total_m is not None and total_m.start() > non_m.end() else hi
            row = [c for c in cells(self.p.view, non_m.end(), end) if c.value is not None]
            if row and row[0].value is not None:
                non = float(row[0].value)
                self.p.put("investors.non_accredited_count", (row[0].start, row[0].end), 0.8)
            else:
                non = 0.0  # no count printed: the "Select if ... non-accredited" box is not marked
        if total is None and non is None:
            return None
        accredited = total - non if total is not None and non is not None else None
        return Investors(accredited_count=accredited, non_accredited_count=non)

    def signature_row(self, lo: int, hi: int) -> FormDSignature | None:
        """The signature table as a caption row ("Issuer  Signature  Name of Signer  Title  Date") over
        value rows. Traps: the Terms of Submission above it say "issuer" and "signature" in running text,
        so the row must hold captions only; pdftotext -layout wraps "Name of Signer" in its column over
        three lines ("Name of" / the other captions / "Signer"), so adjacent caption-only lines join the
        row, their captions merged by column."""
        for m in self.p.find_all(SIG_DATE, lo, hi):
            block = caption_block(self.p, m, SIG_FRAGMENTS)
            if block is None:
                continue
            heads, top, last = block
            sig = FormDSignature()
            base = self.p.lines[self.p.line_index(m.start())].start
            for k, (hs, _) in enumerate(heads):
                key = SIG_KEYS.get(
                    heads_words(self.p, heads, k, (top, last), base).replace("nameof", "name of")
                )
                if key is None:
                    continue
                probe = _Probe(hs)
                cell = header_cell(self.p, heads, probe, hi, SIG_FRAGMENTS, after=last)
                if cell is None:
                    continue
                text = cell[1]
                if key == "signature_date":
                    if parse_date(text) is None:
                        continue
                    text = parse_date(text) or text
                setattr(sig, key, text)
                self.p.put(f"signature.{key}", cell[0], 0.8)
            if any(v is not None for v in vars(sig).values()):
                return sig
            by_words = self.signature_words(last, hi)
            if by_words is not None:
                return by_words
        return None

    def signature_words(self, last: int, hi: int) -> FormDSignature | None:
        """OCR prints the signature row single-spaced, so columns are lost. The row is read by the form's
        structure instead: Issuer, then the signature (the signer's typed name), then Name of Signer (the
        same words again), then Title, then the date; the repeated name splits the row. A value wrapped in
        its cell puts a second row of the same shape below ("Fund, Ltd. Jamieson Jamieson Manager 16")."""
        parts: dict[str, list[str]] = {
            "issuer_name": [],
            "name_of_signer": [],
            "signature_title": [],
            "date": [],
        }
        spans: list[tuple[int, int]] = []
        # Trap (OCR): a blank line can separate the wrapped rows; a date cut at a hyphen ("2018-06-")
        # continues in the next row ("26").
        for ln in self.p.lines[last + 1 : last + 8]:
            if ln.start >= hi or (ln.blank and parts["date"] and not "".join(parts["date"]).endswith("-")):
                break
            if ln.blank:
                continue
            words = self.p.view[ln.start : ln.end].split()
            split = _repeated_run(words)
            if split is None:
                break
            i, n, copy = split
            date = words[-1] if _DATE_PIECE.match(words[-1]) else ""
            title = words[i + n + copy : len(words) - (1 if date else 0)]
            for key, got in (
                ("issuer_name", words[:i]),
                ("name_of_signer", words[i : i + n]),
                ("signature_title", title),
                ("date", [date] if date else []),
            ):
                parts[key] += got
            spans.append((ln.start, ln.end))
        if not spans:
            return None
        sig = FormDSignature(
            issuer_name=repair_name(" ".join(parts["issuer_name"])) or None,
            name_of_signer=" ".join(parts["name_of_signer"]) or None,
            signature_title=" ".join(parts["signature_title"]) or None,
            signature_date=parse_date("".join(parts["date"])),
        )
        for key in ("issuer_name", "name_of_signer", "signature_title", "signature_date"):
            if getattr(sig, key) is not None:
                self.p.put(f"signature.{key}", (spans[0][0], spans[-1][1]), 0.6)
        return sig if sig.name_of_signer else None

    def signature(self) -> FormDSignature | None:
        if self.sig_lo is None:
            return None
        lo, hi = self.sig_lo, len(self.p.view)
        sig = self.signature_row(lo, hi)
        if sig is not None:
            return sig
        sig = FormDSignature()
        start = self.p.find(re.compile(r"^[\s|]{0,8}Issuer\b", IC | re.MULTILINE), lo, hi)
        if start is None:
            return None
        for key, caption in (
            ("issuer_name", re.compile(r"\bIssuer\b")),
            ("name_of_signer", re.compile(r"Name\s{1,3}of\s{1,3}Signer", IC)),
            ("signature_title", re.compile(r"\bTitle\b")),
            ("signature_date", re.compile(r"\bDate\b")),
        ):
            m = self.p.find(caption, start.start(), hi)
            if m is None:
                continue
            found = self.p.caption_value(m, SIG_CAPTIONS, hi=hi)
            if found is None:
                continue
            text = self.p.value(found[0])
            if key == "signature_date":
                if parse_date(text) is None:
                    continue
                text = parse_date(text) or text
            setattr(sig, key, text)
            self.p.put(f"signature.{key}", found[0], found[1])
        return sig if any(v is not None for v in vars(sig).values()) else None


# Item 4's printed options (the XML's industryGroupType values) and the pooled fund types under them.
INDUSTRY_GROUPS = (
    "Agriculture", "Commercial Banking", "Insurance", "Investing", "Investment Banking",
    "Pooled Investment Fund", "Other Banking and Financial Services", "Business Services", "Coal Mining",
    "Electric Utilities", "Energy Conservation", "Environmental Services", "Oil & Gas", "Other Energy",
    "Biotechnology", "Health Insurance", "Hospitals & Physicians", "Pharmaceuticals", "Other Health Care",
    "Manufacturing", "Commercial", "Construction", "REITS and Finance", "Residential", "Other Real Estate",
    "Retailing", "Restaurants", "Computers", "Telecommunications", "Other Technology", "Airlines & Airports",
    "Lodging & Conventions", "Tourism & Travel Services", "Other Travel", "Other",
)  # fmt: skip
FUND_TYPES = ("Hedge Fund", "Private Equity Fund", "Venture Capital Fund", "Other Investment Fund")
INDUSTRY_OPTIONS = {
    name: re.compile(
        r"(?<![A-Za-z])" + r"\s{1,3}".join(re.escape(w) for w in name.split()) + r"(?![A-Za-z])", IC
    )
    for name in INDUSTRY_GROUPS + FUND_TYPES
}


def marked_all(
    view: str, lo: int, hi: int, options: dict[str, re.Pattern[str]]
) -> list[tuple[str, tuple[int, int]]]:
    """Marked options of a long checkbox list where one option's label can hold another's ("Commercial"
    in "Commercial Banking", "Other" in "Other Travel"): every occurrence of every label is found, one
    inside a longer label is dropped, and each label reads the box just before it."""
    hits: list[tuple[int, int, str]] = []
    for name, pattern in options.items():
        hits += [(m.start(), m.end(), name) for m in pattern.finditer(view, lo, hi)]
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept: list[tuple[int, int, str]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            continue  # inside the previous (longer) label
        kept.append(h)
    out: list[tuple[str, tuple[int, int]]] = []
    prev = lo
    for s, e, name in kept:
        if segment_mark(view[prev:s]) or ocr_mark(view[prev:s]):
            out.append((name, (s, e)))
        prev = e
    return out


# ------------------------------------------------------------------------------------- layout helpers
# A box drawn as a bordered cell holding "X" prints glued to its label in w3m ("XDirector", "XNone"), which
# defeats the options' leading ``\b``; the view's "X" becomes a box glyph (same length, offsets kept).
_GLUED_X = re.compile(r"(?<![A-Za-z0-9'])X(?=[A-Z][a-z])")


_PAREN_WORD = re.compile(r"^\([A-Za-z]{2,3}\)$")
_ENTITY_TAIL = re.compile(r"(?:" + "|".join(p.pattern for p in ENTITY_TYPES.values()) + r")[ \t]{0,8}$", IC)


def mask_entity_column(view: str, lines: list[Line], lo: int, hi: int) -> str:
    """``view`` with the Entity Type option printed at the end of an Item 1 row blanked (same length).

    Trap (OCR): the form's Entity Type column sits right of the CIK, the name and the jurisdiction, and
    tesseract prints each row single-spaced: "ROYAL BANK OF CANADA [_] Limited Liability Company",
    "Name of Issuer CO Limited Partnership". The option is cut from the row's end, once, with its box
    when words remain before the box (a lone "DO" is a value): a bracketed token, a token of box strokes
    ("CJ", "O1", but not the word "CO"), or any short token after a caption. Rows with a column gap
    (w3m, pdftotext -layout) or TABs (HTML) keep their columns and are left alone; so is a label alone
    on its row.

    Trap (clean text, plain pdftotext): an issuer's own name may end with an option's words ("ACME
    HOLDINGS CORPORATION" on a line of its own, the options listed below it). The form prints each option
    once, so an option found more than once in the item is cut only from a caption's row ("Name of Issuer
    L] Limited Partnership"), never from a value's.
    """
    printed = {name: len(rx.findall(view, lo, hi)) for name, rx in ENTITY_TYPES.items()}
    pieces: list[str] = []
    pos = 0
    for ln in lines:
        if ln.end <= lo or ln.start >= hi:
            continue
        text = view[ln.start : ln.end]
        body = text.strip()
        if "  " in body or "\t" in body or len(text) > 300:
            continue
        m = _ENTITY_TAIL.search(text)
        if m is None or not text[: m.start()].strip():
            continue
        before = text[: m.start()].rstrip()
        tok = before.split()[-1]
        head = before[: len(before) - len(tok)].strip()
        cut = m.start()
        caption_head = head and not STOP.sub("", head).strip()
        # a word in parentheses ends many names ("... (USA)") and is no box, however short
        debris = BOX_DEBRIS.match(tok) is not None and tok.upper() != "CO" and not _PAREN_WORD.match(tok)
        box_after_caption = head and (debris or (len(tok) <= 2 and caption_head))
        option = next(name for name, rx in ENTITY_TYPES.items() if rx.match(text, m.start()))
        if printed[option] > 1 and not (box_after_caption and caption_head):
            continue  # the row's value ends with the option's words; the option is printed elsewhere
        if box_after_caption:
            cut = len(before) - len(tok)
        pieces += [view[pos : ln.start + cut], " " * (len(text) - cut)]
        pos = ln.end
    return view if not pieces else "".join(pieces) + view[pos:]


def state_list(text: str) -> list[str]:
    """Item 12's states of solicitation: two-letter codes, and codes OCR glued together ("GATX" -> GA,
    TX) when every pair is a US state code.

    Trap: a state printed by name can read as glued codes ("PUERTO RICO" -> RI, CO; "MAIN" -> MA, IN);
    glued codes are split only where every word of the text is made of codes ("FL GATX").
    """
    words = re.findall(r"\b[A-Z]{2,8}\b", text[:2000])

    def codes(tok: str) -> list[str] | None:
        pairs = [tok[i : i + 2] for i in range(0, len(tok), 2)]
        return pairs if len(tok) % 2 == 0 and all(state_code(p) == p for p in pairs) else None

    glued = all(codes(w) is not None for w in words)
    out: list[str] = []
    for tok in words:
        if len(tok) == 2:
            out.append(tok)
        elif glued:
            out += codes(tok) or []
    return out


def glue_marks(page: Page) -> None:
    """Rewrite glued checkbox marks in ``page.view`` in place (see ``_GLUED_X``)."""
    page.view = _GLUED_X.sub(CHECKED_BOX, page.view)


def header_captions(
    page: Page, m: re.Match[str], stop: re.Pattern[str] = STOP
) -> list[tuple[int, int]] | None:
    """The caption spans of ``m``'s line when that line is a row of 2+ captions and nothing else.

    Trap: a caption alone on its line is not a header row (its value is simply on the next line), and a
    line with a value or a box beside the captions keeps its values beside them.
    """
    line = page.lines[page.line_index(m.start())]
    if line.end - line.start > 1000:
        return None
    heads = [(c.start(), c.end()) for c in stop.finditer(page.view, line.start, line.end)]
    if len(heads) < 2:
        return None
    rest = stop.sub(" ", page.view[line.start : line.end])
    return heads if not rest.strip(" \t_:—") else None  # OCR: "LastName FirstName — Middle Name"


def _cell_start(text: str, lo: int, cap: int, centre: int | None) -> int | None:
    """Where the value row's cell under a caption starting at column ``cap`` begins, or None (empty).

    Candidates are word starts in ``[lo, cap + 2]``: the cell is left-aligned under its caption (pdftotext
    -layout) or the caption is centred over it (w3m), so the cell never starts right of the caption. A word
    after a gap of 2+ spaces wins (a word after one space may be the previous value's second word: "W.
    GEOFFREY"), the one nearest the caption. Among words after one space (w3m separates wide cells by one
    space only), one within 2 columns of ``centre`` wins: where the previous cell ends if its caption is
    centred over it ("David G. Kalergis Chief Executive Officer" under "Name of Signer" and "Title").
    """
    best: tuple[int, int, int] | None = None
    for p in range(max(lo, 0), min(cap + 3, len(text))):
        if text[p] in " \t" or (p > 0 and text[p - 1] not in " \t"):
            continue
        wide = p == 0 or text[p - 1] == "\t" or text[max(0, p - 2) : p] == "  "
        if not wide and (centre is None or abs(centre - p) > 2):
            continue  # one space inside a long value ("RBC CAPITAL MARKETS, LLC"), not a cell boundary
        target = cap if wide or centre is None else centre
        key = (0 if wide else 1, abs(target - p), p)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _row_starts(text: str, heads: list[tuple[int, int]], base: int) -> list[int | None]:
    """Where each caption's cell begins in one value row (columns relative to the row), None if empty."""
    starts: list[int | None] = []
    for j, (s, _) in enumerate(heads):
        if j == 0:
            first = len(text) - len(text.lstrip(" \t"))
            starts.append(first if first <= s - base + 2 else None)
            continue
        ps, pe = heads[j - 1][0] - base, heads[j - 1][1] - base
        prev = starts[-1]
        centre = ps + pe - prev + 1 if prev is not None else None
        starts.append(_cell_start(text, pe - 1, s - base, centre))
    return starts


def _tab_cell(
    page: Page, i: int, pos: int, hi: int, stop: re.Pattern[str], after: int | None
) -> tuple[tuple[int, int], str] | None:
    """HTML tables as our ingest prints them: cells TAB-separated, so the caption's field number in its
    row is its value's field number in the next non-blank row."""
    line = page.lines[i]
    k = page.view.count("\t", line.start, pos)
    for ln in page.lines[(after if after is not None else i) + 1 : i + 5]:
        if ln.start >= hi:
            return None
        if ln.blank:
            continue
        if _caption_line(page, ln.start, ln.end, stop) or ITEM.match(page.view, ln.start, ln.end):
            return None
        fields = page.view[ln.start : ln.end].split("\t")
        if k >= len(fields):
            return None
        s = ln.start + sum(len(f) + 1 for f in fields[:k])
        s, e = trim_span(page.view, s, s + len(fields[k]))
        return ((s, e), page.value((s, e))) if e > s else None
    return None


_DATE_PIECE = re.compile(r"^(?:\d{4}-(?:\d{2}-(?:\d{2})?)?|\d{2}-\d{2}|\d{1,2})$")


def _repeated_run(words: list[str]) -> tuple[int, int, int] | None:
    """The leftmost run of words printed twice in a row: its start ``i``, its length ``n`` and the length
    of the second copy ("DONALD DYE DONALD DYE": 2; OCR can glue the copy, "DONALD DYE DONALDDYE": 1)."""
    for i in range(len(words)):
        for n in range(min(6, (len(words) - i) // 2), 0, -1):
            if words[i : i + n] == words[i + n : i + 2 * n]:
                return i, n, n
        for n in range(min(6, len(words) - i - 1), 1, -1):
            if "".join(words[i : i + n]) == words[i + n]:
                return i, n, 1
    return None


def _one_caption(page: Page, ln: Line) -> bool:
    """A line holding exactly one caption (not an item heading) and nothing else."""
    if ITEM.match(page.view, ln.start, ln.end) or ln.end - ln.start > 300:
        return False
    found = list(STOP.finditer(page.view, ln.start, ln.end))
    return len(found) == 1 and not STOP.sub(" ", page.view[ln.start : ln.end]).strip(" \t_:")


def caption_run(page: Page, m: re.Match[str], hi: int) -> tuple[tuple[int, int] | None] | None:
    """Bare pdftotext prints a table column by column: a run of captions, one per line ("City",
    "State/Province/Country", "ZIP/PostalCode"), then their values one per line in the same order. The
    caption's value is the value at its place in the run; with fewer values than captions, the values
    belong to the last captions (an empty cell is left out: "Middle Name" before "City"). None when the
    caption is not in such a run (then its value is simply below it)."""
    i = page.line_index(m.start())
    lines = page.lines
    if not _one_caption(page, lines[i]):
        return None
    top = i
    k = i - 1
    while k >= 0 and i - k < 20:  # the run may start above the caption
        if lines[k].blank:
            k -= 1
            continue
        if not _one_caption(page, lines[k]):
            break
        top = k
        k -= 1
    run = [top]
    j = top + 1
    while j < len(lines) and lines[j].start < hi and len(run) < 8:
        if lines[j].blank:
            j += 1
            continue
        if not _one_caption(page, lines[j]):
            break
        run.append(j)
        j += 1
    if len(run) < 2 or i not in run:
        return None
    values: list[tuple[int, int]] = []
    while j < len(lines) and lines[j].start < hi and len(values) < len(run):
        ln = lines[j]
        j += 1
        if ln.blank:
            continue
        if STOP.search(page.view, ln.start, ln.end) or ITEM.match(page.view, ln.start, ln.end):
            break
        values.append(trim_span(page.view, ln.start, ln.end))
    place = len(values) - len(run) + 0  # values align with the run's end
    idx = run.index(i) + place
    return (values[idx] if 0 <= idx < len(values) else None,)


def _single_spaced(text: str) -> bool:
    """OCR prints a table row with single spaces between cells: columns cannot be told by position."""
    body = text.strip(" \t")
    return bool(body) and "  " not in body and "\t" not in body


def _token_cell(
    page: Page, ln: Line, heads: list[tuple[int, int]], k: int, stop: re.Pattern[str]
) -> tuple[tuple[int, int], str] | None:
    """Cell ``k`` of a single-spaced row (OCR) under single-spaced captions, read by the shapes of the
    captions' values (``formd_ocr.token_cells``): "Hamilton DO HM12 345-949-7942" under City / State /
    ZIP / Phone, "TORONTO A6 M5J 2J5" (a two-part postcode). An ambiguous row gives no value rather
    than a wrong one."""
    words = [
        (w.start() + ln.start, w.end() + ln.start) for w in re.finditer(r"\S+", page.view[ln.start : ln.end])
    ]
    names = [squash(page.view[s:e]) for s, e in heads]
    cells = token_cells(names, [page.view[s:e] for s, e in words])
    got = cells[k] if cells is not None else None
    if got is None:
        return None
    span = (words[got[0]][0], words[got[1] - 1][1])
    return span, page.value(span)


def _caption_line(page: Page, lo: int, hi: int, stop: re.Pattern[str]) -> bool:
    """Does the line start with a caption, or hold captions only? Trap: a value can contain a caption's
    word ("Managing Member of GP of Issuer" under "Title"); that does not end the cell."""
    first = stop.search(page.view, lo, hi)
    if first is None:
        return False
    if not page.view[lo : first.start()].strip(" \t|" + CHECKED_BOX + UNCHECKED_BOX):
        return True
    return not stop.sub(" ", page.view[lo:hi]).strip(" \t_:")


def _prose(text: str, heads: list[tuple[int, int]], base: int) -> bool:
    """A running-text line (no 2-space gap) spanning two columns: not a continuation of the cells."""
    body = text.strip(" \t")
    return "  " not in body and "\t" not in body and len(text) > heads[1][0] - base


def _row_cell(text: str, starts: list[int | None], k: int) -> tuple[int, int] | None:
    """Columns ``[start, end)`` of cell ``k`` in a row whose cell starts are ``starts``."""
    b = starts[k]
    if b is None:
        return None
    later = [x for x in starts[k + 1 :] if x is not None and x > b]
    return b, later[0] if later else len(text)


def header_cell(
    page: Page,
    heads: list[tuple[int, int]],
    m: re.Match[str] | _Probe,
    hi: int,
    stop: re.Pattern[str] = STOP,
    after: int | None = None,
) -> tuple[tuple[int, int], str] | None:
    """The cell under caption ``m`` in the rows below a caption row; a value wrapped in its cell
    (pdftotext -layout: "Gabelli International Gold" / "Fund, Ltd.") continues on the following rows
    until a blank row or a caption row. The span runs from the first to the last piece."""
    i = page.line_index(m.start())
    base = page.lines[i].start
    k = next((j for j, (s, e) in enumerate(heads) if s <= m.start() < e), None)
    if k is None:
        return None
    if "\t" in page.view[base : page.lines[i].end]:
        return _tab_cell(page, i, m.start(), hi, stop, after)
    pieces: list[tuple[int, int]] = []
    started = False
    first = (after if after is not None else i) + 1
    for ln in page.lines[first : first + 7]:
        if ln.start >= hi:
            break
        if ln.blank:
            if started:
                break
            continue
        if _caption_line(page, ln.start, ln.end, stop) or ITEM.match(page.view, ln.start, ln.end):
            break
        text = page.view[ln.start : ln.end]
        if not started and _single_spaced(page.view[base : page.lines[i].end]) and _single_spaced(text):
            return _token_cell(page, ln, heads, k, stop)
        if started and _prose(text, heads, base):
            break
        cols = _row_cell(text, _row_starts(text, heads, base), k)
        if not started and cols is None:
            return None
        started = True
        if cols is not None:
            s, e = trim_span(page.view, ln.start + cols[0], ln.start + cols[1])
            if e > s:
                pieces.append((s, e))
        if len(pieces) >= 4:
            break
    if not pieces:
        return None
    text = ""
    for s, e in pieces:
        piece = page.value((s, e)) + ("-" if page.view[e : e + 1] == "-" else "")
        text = text + piece if text.endswith("-") or not text else f"{text} {piece}"
    return (pieces[0][0], pieces[-1][1]), text


class _Probe:
    """A stand-in for a caption match: only ``start()`` is read by ``header_cell``."""

    def __init__(self, pos: int) -> None:
        self.pos = pos

    def start(self) -> int:
        return self.pos


def caption_block(
    page: Page, m: re.Match[str], stop: re.Pattern[str]
) -> tuple[list[tuple[int, int]], int, int] | None:
    """A caption row that may wrap over adjacent lines: the merged caption columns (as offsets on ``m``'s
    line) and the indexes of the block's first and last lines; None unless ``m``'s line is a row of 2+
    captions."""
    i = page.line_index(m.start())
    if header_captions(page, m, stop) is None:
        return None
    rows = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(page.lines) and abs(j - i) <= 2:
            ln = page.lines[j]
            if (
                ln.blank
                or ln.end - ln.start > 1000
                or stop.sub(" ", page.view[ln.start : ln.end]).strip(" \t_:")
            ):
                break
            rows.append(j)
            j += step
    cols: list[tuple[int, int]] = []
    for j in rows:
        ln = page.lines[j]
        cols += [
            (c.start() - ln.start, c.end() - ln.start) for c in stop.finditer(page.view, ln.start, ln.end)
        ]
    merged: list[list[int]] = []
    for cs, ce in sorted(cols):
        if merged and cs < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], ce)
        else:
            merged.append([cs, ce])
    base = page.lines[i].start
    return [(base + cs, base + ce) for cs, ce in merged], min(rows), max(rows)


def heads_words(page: Page, heads: list[tuple[int, int]], k: int, rows: tuple[int, int], base: int) -> str:
    """The caption words of column ``k`` of a (wrapped) caption row, top to bottom, lower-cased.
    Trap: in TAB-separated rows (our HTML ingest) columns are fields, not character positions."""
    line = page.lines[page.line_index(base)]
    if "\t" in page.view[line.start : line.end]:
        return squash(page.view[heads[k][0] : heads[k][1]]).lower()
    cs, ce = heads[k][0] - base, heads[k][1] - base
    words = [
        page.view[ln.start + cs : min(ln.end, ln.start + ce)] for ln in page.lines[rows[0] : rows[1] + 1]
    ]
    return squash(" ".join(words)).lower()
