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
from extractor.assemble.formd_text import cells, marked_options, split_person_name
from extractor.assemble.values import parse_date, state_code
from extractor.records import (
    Expenses,
    FormDFiling,
    FormDSignature,
    Investors,
    OfferingSalesAmounts,
    PrimaryIssuer,
    RelatedPerson,
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
ZIP = re.compile(r"ZIP\s{0,2}/\s{0,2}Postal\s{0,2}Code", IC)
PHONE = label("Phone Number of Issuer", parens=False)
LAST = label("Last Name", parens=False)
FIRST = label("First Name", parens=False)
MIDDLE = label("Middle Name", parens=False)
RELATIONSHIP = re.compile(r"Relationship\s{0,2}:", IC)
CLARIFICATION = re.compile(r"Clarification\s{1,3}of\s{1,3}Response(?:\s{0,2}\([^()\n]{0,40}\))?\s{0,2}:?", IC)
FIRST_SALE = label("Date of First Sale", parens=False)
SIG_CAPTIONS = re.compile(r"\bIssuer\b|\bSignature\b|Name\s{1,3}of\s{1,3}Signer|\bTitle\b|\bDate\b", IC)
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
}
FILING_TYPES = {
    "New Notice": re.compile(r"New\s{1,3}Notice", IC),
    "Amendment": re.compile(r"\bAmendment\b", IC),
}
# Item 9 captions -> the importer's SECURITY_FLAGS types; trailing spaces keep keys unique (stripped on use).
SECURITY_TYPES = {
    "equity": re.compile(r"\bEquity\b", IC),
    "debt": re.compile(r"\bDebt\b", IC),
    "convertible": re.compile(r"Option,\s{1,3}Warrant\s{1,3}or\s{1,3}Other\s{1,3}Right", IC),
    "convertible ": re.compile(r"Security\s{1,3}to\s{1,3}be\s{1,3}Acquired", IC),
    "other": re.compile(r"Pooled\s{1,3}Investment\s{1,3}Fund\s{1,3}Interests", IC),
    "other ": re.compile(r"Tenant-in-Common\s{1,3}Securities", IC),
    "other  ": re.compile(r"Mineral\s{1,3}Property\s{1,3}Securities", IC),
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
        )
    ),
    IC | re.MULTILINE,
)
CONF_BOX = 0.9
_USE_OF_PROCEEDS_PURPOSE = "Payments to executive officers, directors or promoters"


def is_electronic_formd(view: str) -> bool:
    """The electronic form's title ("Notice of Exempt Offering of Securities")."""
    return bool(_TITLE.search(view[:200_000]))


class ElectronicFormD:
    """Reads one electronic Form D ``Page`` into a ``FormDFiling`` (spans land in ``page.spans``)."""

    def __init__(self, page: Page) -> None:
        self.p = page
        self.items: dict[int, tuple[int, int]] = {}
        heads = [(int(m.group(1)), m.start(1)) for m in page.find_all(ITEM)]
        sig = page.find(SIGNATURE_HEADING)
        ends = [s for _, s in heads[1:]] + [len(page.view)]
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
        if re.match(r"\t| {3,}", beside) or not beside.strip():
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
        opts = marked_options(self.p.view, lo, hi, options)
        return [(o.name.strip(), (o.start, o.end)) for o in opts if o.marked]

    # -------------------------------------------------------------------------------------- items
    def read(self) -> FormDFiling:
        f = FormDFiling()
        f.primary_issuer = self.issuer()
        f.related_persons = self.persons()
        lo, hi = self.item(6)
        for i, (name, span) in enumerate(self.marked(EXEMPTIONS, lo, hi)):
            f.federal_exemptions.append(name)
            self.p.put(f"federal_exemptions[{i}]", span, CONF_BOX)
        lo, hi = self.item(7)
        kinds = dict(self.marked(FILING_TYPES, lo, hi))
        if "Amendment" in kinds or "New Notice" in kinds:
            f.is_amendment = "Amendment" in kinds
            self.p.put("is_amendment", kinds.get("Amendment") or kinds["New Notice"], CONF_BOX)
        got = self.value(FIRST_SALE, lo, hi)
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
        f.investors = self.investors()
        lo, hi = self.item(15)
        lo = self.p.lines[self.p.line_index(lo)].end  # past the heading, which names both lines
        ex = Expenses()
        for key, words in (("sales_commissions", "Sales Commissions"), ("finders_fees", "Finders' Fees")):
            m = self.p.find(label(words, parens=False), lo, hi)
            if m is not None:
                line = self.p.lines[self.p.line_index(m.end())]
                setattr(ex, key, self.amount(m.end(), line.end, f"expenses.{key}"))
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
        got = self.value(CIK, lo, hi)
        if got:
            cm = re.search(r"\d{4,10}", got[0])
            if cm:
                iss.cik = cm.group(0).zfill(10)
                self.p.put("primary_issuer.cik", got[1], 0.85)
        got = self.value(NAME_OF_ISSUER, lo, hi, "primary_issuer.entity_name")
        iss.entity_name = got[0] if got else None
        got = self.value(JURISDICTION, lo, hi, "primary_issuer.jurisdiction_of_inc")
        iss.jurisdiction_of_inc = got[0] if got else None
        types = self.marked(ENTITY_TYPES, lo, hi)
        if types:
            iss.entity_type = types[0][0]
            self.p.put("primary_issuer.entity_type", types[0][1], CONF_BOX)
        years = self.marked(YEAR_BOXES, lo, hi)
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
            val = state_code(got[0]) or got[0] if key == "state_or_country" else got[0]
            setattr(iss, key, val)
            self.p.put(f"primary_issuer.{key}", got[1], 0.85)
        return iss

    def persons(self) -> list[RelatedPerson]:
        """Item 3: one block per "Last Name" caption (continuation pages repeat the item heading)."""
        lo, hi = self.item(3)
        heads = self.p.find_all(LAST, lo, hi)
        out: list[RelatedPerson] = []
        for k, m in enumerate(heads):
            b_hi = heads[k + 1].start() if k + 1 < len(heads) else hi
            path = f"related_persons[{len(out)}]"
            parts: dict[str, str] = {}
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
                got = self.value(caption, m.start(), b_hi, f"{path}.{key}")
                if got:
                    parts[key] = got[0]
            if not parts.get("last_name"):
                continue
            name = parts["last_name"] + (
                ", " + " ".join(x for x in (parts.get("first_name"), parts.get("middle_name")) if x)
                if parts.get("first_name")
                else ""
            )
            if split_person_name(parts["last_name"]).last is None:
                parts.pop("first_name", None)
            person = RelatedPerson(name=name)
            for key, val in parts.items():
                setattr(person, key, state_code(val) or val if key == "state_or_country" else val)
            rel = self.p.find(RELATIONSHIP, m.start(), b_hi)
            if rel is not None:
                clar = self.p.find(CLARIFICATION, rel.end(), b_hi)
                end = clar.start() if clar else self.p.lines[self.p.line_index(rel.end())].end
                person.relationships = [n for n, _ in self.marked(RELATIONSHIPS, rel.end(), end)]
            out.append(person)
        return out

    def investors(self) -> Investors | None:
        lo, hi = self.item(14)
        if hi <= lo:
            return None
        total_m = self.p.find(
            re.compile(r"total\s{1,3}number\s{1,3}of\s{1,3}investors[^:\n]{0,80}:?", IC), lo, hi
        )
        non_m = self.p.find(
            re.compile(r"number\s{1,3}of\s{1,3}such\s{1,3}non-accredited[^.\n]{0,80}\.?", IC), lo, hi
        )
        total = non = None
        if total_m is not None:
            line = self.p.lines[self.p.line_index(total_m.end())]
            row = [c for c in cells(self.p.view, total_m.end(), line.end) if c.value is not None]
            total = float(row[0].value) if row and row[0].value is not None else None
            if row:
                # accredited = total - non-accredited: the span is the total's
                self.p.put("investors.accredited_count", (row[0].start, row[0].end), 0.7)
        if non_m is not None:
            line = self.p.lines[self.p.line_index(non_m.end())]
            row = [c for c in cells(self.p.view, non_m.end(), line.end) if c.value is not None]
            if row and row[0].value is not None:
                non = float(row[0].value)
                self.p.put("investors.non_accredited_count", (row[0].start, row[0].end), 0.8)
            elif self.p.view[lo : non_m.start()].strip(" \t\n").endswith(("X", "☒", "[X]")) is False:
                non = 0.0  # the "Select if ... non-accredited" box is not marked
        if total is None and non is None:
            return None
        accredited = total - non if total is not None and non is not None else None
        return Investors(accredited_count=accredited, non_accredited_count=non)

    def signature(self) -> FormDSignature | None:
        if self.sig_lo is None:
            return None
        lo, hi = self.sig_lo, len(self.p.view)
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
