"""Paper-era Form D (before 2009): sections A-D read from the form's printed captions.

Sections: A. BASIC IDENTIFICATION DATA (offering, exemptions, issuer, related persons), B. INFORMATION
ABOUT OFFERING (minimum investment, sales compensation recipients), C. OFFERING PRICE... (securities,
investors, expenses, adjusted gross proceeds, use of proceeds), D. FEDERAL SIGNATURE. The captions are the
same on every paper Form D; every rule here is keyed to them, never to an issuer's layout.
"""

from __future__ import annotations

import re

from extractor.assemble.formd_layout import Page
from extractor.assemble.formd_paper_captions import (
    ACCREDITED_ROW,
    BROKER,
    BUSINESS_ORG,
    C1_ANCHOR,
    C2_ANCHOR,
    C3_ANCHOR,
    C4A_ANCHOR,
    C4B_ANCHOR,
    C5_ANCHOR,
    C5_END,
    CHECK_BOXES,
    CONF_BOX,
    CONF_CELL,
    DESCRIPTION,
    EXEC_ADDRESS,
    EXEMPTIONS,
    EXPENSE_ROWS,
    FILING_TYPES,
    FILING_UNDER,
    FULL_NAME,
    IC,
    INC_DATE,
    JURISDICTION,
    MINIMUM,
    NAME_OF_ISSUER,
    NAME_OF_OFFERING,
    NO_MINIMUM,
    NON_ACCREDITED_ROW,
    ORG_TYPES,
    PERSON_ADDRESS,
    PHONE,
    PRINCIPAL_ADDRESS,
    PROCEEDS_ROWS,
    RELATIONSHIPS,
    SECTION_HEADINGS,
    SECURITY_ROWS,
    SIG_DATE,
    SIG_ISSUER,
    SIG_NAME,
    SIG_STOP,
    SIG_TITLE,
    STATE_BOXES,
    STATES,
    STOP,
    TELEPHONE,
    TOTAL_ROW,
    TYPE_OF_FILING,
    YEAR,
)
from extractor.assemble.formd_text import (
    Cell,
    cells,
    marked_options,
    split_address,
    split_person_name,
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


def is_paper_formd(view: str) -> bool:
    """Paper-era captions: 'NOTICE OF SALE OF SECURITIES' or the A./C. section headings."""
    head = view[:200_000]
    return bool(
        re.search(r"NOTICE\s{1,3}OF\s{1,3}SALE\s{1,3}OF\s{1,3}SECURITIES", head, IC)
        or (SECTION_HEADINGS["A"].search(head) and SECTION_HEADINGS["C"].search(head))
    )


class PaperFormD:
    """Reads one paper-era Form D ``Page`` into a ``FormDFiling`` (spans land in ``page.spans``)."""

    def __init__(self, page: Page) -> None:
        self.p = page
        self.sections: list[tuple[int, str]] = sorted(
            (m.start(), name) for name, pat in SECTION_HEADINGS.items() for m in page.find_all(pat)
        )

    # ------------------------------------------------------------------------------------ helpers
    def section_at(self, pos: int) -> str | None:
        current = None
        for start, name in self.sections:
            if start > pos:
                break
            current = name
        return current

    def section_span(self, name: str) -> tuple[int, int] | None:
        """From the first heading ``name`` to the next heading of another section after its last one."""
        starts = [s for s, n in self.sections if n == name]
        if not starts:
            return None
        ends = [s for s, n in self.sections if s > starts[-1] and n != name]
        return starts[0], ends[0] if ends else len(self.p.view)

    def text_field(
        self, path: str, caption: re.Pattern[str], lo: int = 0, hi: int | None = None, *, multi: bool = False
    ) -> tuple[str, tuple[int, int]] | None:
        m = self.p.find(caption, lo, hi)
        if m is None:
            return None
        found = self.p.value_after(m.end(), STOP, hi=hi, multi=multi)
        if found is None:
            return None
        span, conf = found
        self.p.put(path, span, conf)
        return self.p.value(span), span

    def boxes(
        self,
        caption: re.Pattern[str],
        options: dict[str, re.Pattern[str]],
        lo: int = 0,
        hi: int | None = None,
        lines: int = 2,
    ) -> tuple[list[str], list[str], dict[str, tuple[int, int]]]:
        """(marked, shown unmarked, spans) of a checkbox group that follows ``caption``."""
        m = self.p.find(caption, lo, hi)
        if m is None:
            return [], [], {}
        i = self.p.line_index(m.end())
        end = self.p.lines[min(i + lines - 1, len(self.p.lines) - 1)].end
        nxt = STOP.search(self.p.view, m.end(), end)
        end = nxt.start() if nxt else end
        opts = marked_options(self.p.view, m.end(), end, options)
        marked = [o.name.strip() for o in opts if o.marked]
        unmarked = [o.name.strip() for o in opts if o.marked is False]
        return marked, unmarked, {o.name.strip(): (o.start, o.end) for o in opts if o.marked}

    def row_cells(self, pattern: re.Pattern[str], lo: int, hi: int) -> tuple[list[Cell], int] | None:
        m = self.p.find(pattern, lo, hi)
        if m is None:
            return None
        line = self.p.lines[self.p.line_index(m.end())]
        return cells(self.p.view, m.end(), line.end), m.start()

    # ---------------------------------------------------------------------------------- sections
    def read(self) -> FormDFiling:
        f = FormDFiling()
        a = self.section_span("A")
        a_lo = 0
        a_hi = a[1] if a else len(self.p.view)
        name = self.text_field("offering_name", NAME_OF_OFFERING, a_lo, a_hi, multi=True)
        f.offering_name = name[0] if name else None
        marked, _, spans = self.boxes(FILING_UNDER, EXEMPTIONS, a_lo, a_hi)
        f.federal_exemptions = marked
        for i, ex in enumerate(marked):
            self.p.put(f"federal_exemptions[{i}]", spans[ex], CONF_BOX)
        marked, _, spans = self.boxes(TYPE_OF_FILING, FILING_TYPES, a_lo, a_hi)
        if "Amendment" in marked:
            f.is_amendment = True
            self.p.put("is_amendment", spans["Amendment"], CONF_BOX)
        elif "New Filing" in marked:
            f.is_amendment = False
            self.p.put("is_amendment", spans["New Filing"], CONF_BOX)
        f.primary_issuer = self.issuer(a_lo, a_hi)
        desc = self.text_field("business_description", DESCRIPTION, a_lo, a_hi, multi=True)
        f.business_description = desc[0] if desc else None
        f.related_persons, f.sales_compensation_recipients = self.people()
        self.offering_b(f)
        self.offering_c(f)
        f.signature = self.signature()
        return f

    def issuer(self, lo: int, hi: int) -> PrimaryIssuer:
        iss = PrimaryIssuer()
        got = self.text_field("primary_issuer.entity_name", NAME_OF_ISSUER, lo, hi, multi=True)
        iss.entity_name = got[0] if got else None
        m = self.p.find(EXEC_ADDRESS, lo, hi)
        if m is not None:
            found = self.p.value_after(m.end(), STOP, hi=hi, multi=True)
            if found:
                self._address(iss, "primary_issuer", found[0], found[1])
            tel = self.p.find(TELEPHONE, m.end(), hi)
            nxt = self.p.find(PRINCIPAL_ADDRESS, m.end(), hi)
            if tel is not None and (nxt is None or tel.start() < nxt.start()):
                got_tel = self.p.value_after(tel.end(), STOP, hi=hi)
                if got_tel:
                    s, e = got_tel[0]
                    pm = PHONE.search(self.p.view, s, e) or re.fullmatch(
                        r"[\d()+. \-]{7,20}", self.p.view[s:e]
                    )
                    if pm:  # a phone as printed, even one the filer typed short
                        iss.phone_number = pm.group(0).strip()
                        self.p.put("primary_issuer.phone_number", (pm.start(), pm.end()), got_tel[1])
        marked, _, spans = self.boxes(BUSINESS_ORG, ORG_TYPES, lo, hi, lines=5)
        if marked:
            iss.entity_type = marked[0]
            self.p.put("primary_issuer.entity_type", spans[marked[0]], CONF_BOX)
        m = self.p.find(INC_DATE, lo, hi)
        if m is not None:
            i = self.p.line_index(m.end())
            end = self.p.lines[min(i + 2, len(self.p.lines) - 1)].end
            nxt = STOP.search(self.p.view, m.end(), end)
            ym = YEAR.search(self.p.view, m.end(), nxt.start() if nxt else end)
            if ym:
                iss.year_of_inc = ym.group(1)
                self.p.put("primary_issuer.year_of_inc", (ym.start(1), ym.end(1)), 0.8)
        m = self.p.find(JURISDICTION, lo, hi)
        if m is not None:
            found = self.p.value_after(m.end(), STOP, hi=hi)
            if found:
                s, e = found[0]
                # a short value only: a stamp or sentence below an empty slot is not a jurisdiction
                jm = re.fullmatch(r"\W{0,3}([A-Z]{2})\W{0,3}", self.p.view[s:e])
                if jm and (state_code(jm.group(1)) or jm.group(1) in ("CN", "FN")):
                    iss.jurisdiction_of_inc = jm.group(1)
                    self.p.put("primary_issuer.jurisdiction_of_inc", (s + jm.start(1), s + jm.end(1)), 0.8)
                elif state_code(self.p.value(found[0])):
                    iss.jurisdiction_of_inc = state_code(self.p.value(found[0]))
                    self.p.put("primary_issuer.jurisdiction_of_inc", found[0], 0.7)
        return iss

    def _address(
        self,
        rec: PrimaryIssuer | RelatedPerson | SalesCompensationRecipient,
        path: str,
        span: tuple[int, int],
        conf: float,
    ) -> None:
        parts = split_address(self.p.view, *span)
        pairs = (
            ("street1", parts.street1),
            ("street2", parts.street2),
            ("city", parts.city),
            ("state_or_country", parts.state),
            ("zip_code", parts.zip_code),
        )
        for key, part in pairs:
            if part is None or not hasattr(rec, key):
                continue
            setattr(rec, key, part[0])
            self.p.put(f"{path}.{key}", (part[1], part[2]), conf * 0.95)

    def people(self) -> tuple[list[RelatedPerson], list[SalesCompensationRecipient]]:
        """Related persons (A.2, every sheet) and sales compensation recipients (B.4).

        Trap: the A.2 list continues over several sheets with the section heading and instructions
        repeated, and ends with empty slots (captions with no name): each "Full Name" caption is one slot,
        empty slots are skipped. A slot is a recipient when it sits in section B or is followed by the
        broker/dealer caption.
        """
        persons: list[RelatedPerson] = []
        recipients: list[SalesCompensationRecipient] = []
        names = self.p.find_all(FULL_NAME)
        prev_end = 0
        for k, m in enumerate(names):
            hi = names[k + 1].start() if k + 1 < len(names) else len(self.p.view)
            nxt_heading = [s for s, _ in self.sections if s > m.end()]
            slot_hi = min(hi, nxt_heading[0]) if nxt_heading else hi
            is_recipient = (
                self.section_at(m.start()) == "B" or self.p.find(BROKER, m.end(), slot_hi) is not None
            )
            found = self.p.value_after(m.end(), STOP, hi=slot_hi, multi=True)
            if found is None:
                prev_end = m.end()
                continue
            span, conf = found
            name = self.p.value(span)
            addr = self.p.find(PERSON_ADDRESS, m.end(), slot_hi)
            addr_found = self.p.value_after(addr.end(), STOP, hi=slot_hi, multi=True) if addr else None
            if is_recipient:
                path = f"sales_compensation_recipients[{len(recipients)}]"
                rec = SalesCompensationRecipient(name=name)
                self.p.put(f"{path}.name", span, conf)
                if addr_found:
                    self._address(rec, path, *addr_found)
                broker = self.p.find(BROKER, m.end(), slot_hi)
                if broker is not None:
                    got = self.p.value_after(broker.end(), STOP, hi=slot_hi)
                    if got:
                        rec.associated_broker_dealer = self.p.value(got[0])
                        self.p.put(f"{path}.associated_broker_dealer", got[0], got[1])
                states = self.p.find(STATES, m.end(), slot_hi)
                if states is not None:
                    opts = marked_options(self.p.view, states.end(), slot_hi, STATE_BOXES)
                    rec.states = (
                        ["All States"]
                        if any(o.marked and o.name == "All States" for o in opts)
                        else [o.name for o in opts if o.marked]
                    )
                recipients.append(rec)
            else:
                path = f"related_persons[{len(persons)}]"
                parts = split_person_name(name)
                person = RelatedPerson(
                    name=name, first_name=parts.first, middle_name=parts.middle, last_name=parts.last
                )
                self.p.put(f"{path}.name", span, conf)
                if addr_found:
                    self._address(person, path, *addr_found)
                box = None
                for bm in self.p.find_all(CHECK_BOXES, prev_end, m.start()):
                    box = bm
                if box is not None:
                    opts = marked_options(self.p.view, box.end(), m.start(), RELATIONSHIPS)
                    person.relationships = [o.name for o in opts if o.marked]
                    for j, o in enumerate(o for o in opts if o.marked):
                        self.p.put(f"{path}.relationships[{j}]", (o.start, o.end), CONF_BOX)
                persons.append(person)
            prev_end = addr_found[0][1] if addr_found else span[1]
        return persons, recipients

    def offering_b(self, f: FormDFiling) -> None:
        m = self.p.find(MINIMUM)
        if m is None:
            return
        line = self.p.lines[self.p.line_index(m.end())]
        answer = self.p.view[m.end() : line.end]
        nomin = NO_MINIMUM.search(answer)
        if nomin:  # "$ No minimum": the electronic form's "$0" -- any amount is accepted
            f.minimum_investment_accepted = 0.0
            self.p.put("minimum_investment_accepted", (m.end() + nomin.start(), m.end() + nomin.end()), 0.8)
            return
        row = [c for c in cells(self.p.view, m.end(), line.end) if c.dollar or c.value is not None]
        if row and row[0].value is not None:
            f.minimum_investment_accepted = float(row[0].value)
            self.p.put("minimum_investment_accepted", (row[0].start, row[0].end), CONF_CELL)

    def _money(self, path: str, cell: Cell | None) -> float | None:
        if cell is None or cell.value is None:
            return None
        self.p.put(path, (cell.start, cell.end), CONF_CELL)
        return float(cell.value)

    def offering_c(self, f: FormDFiling) -> None:
        """Part C: the tables are found by their anchor sentences, rows by their printed captions."""
        c = self.section_span("C")
        lo, hi = c if c else (0, len(self.p.view))
        v = self.p
        c1 = v.find(C1_ANCHOR, lo, hi)
        c2 = v.find(C2_ANCHOR, lo, hi)
        c3 = v.find(C3_ANCHOR, c2.end() if c2 else lo, hi)
        c4a = v.find(C4A_ANCHOR, c3.end() if c3 else lo, hi)
        c4b = v.find(C4B_ANCHOR, c4a.end() if c4a else lo, hi)
        c5 = v.find(C5_ANCHOR, c4b.end() if c4b else lo, hi)
        if c1 is not None:
            t_hi = c2.start() if c2 else hi
            total = v.find(TOTAL_ROW, c1.end(), t_hi)
            s_hi = total.start() if total else t_hi
            for kind, pattern in SECURITY_ROWS.items():
                got = self.row_cells(pattern, c1.end(), s_hi)
                if got is None:
                    continue
                row = [x for x in got[0] if x.dollar] or got[0]
                # A row is present when a cell is filled: "-0-" is a printed 0 (kept), while blank
                # "$ ____" / "n/a" cells mean the filer left the type out.
                if all(x.value is None for x in row[:2]):
                    continue
                path = f"securities_offered[{len(f.securities_offered)}]"
                sec = SecurityOffered(type=kind)
                sec.aggregate_offering_price = self._money(f"{path}.aggregate_offering_price", row[0])
                sec.amount_sold = self._money(f"{path}.amount_sold", row[1] if len(row) > 1 else None)
                f.securities_offered.append(sec)
            got = self.row_cells(TOTAL_ROW, c1.end(), t_hi)
            if got is not None:
                row = [x for x in got[0] if x.dollar] or got[0]
                amounts = OfferingSalesAmounts()
                amounts.total_offering_amount = self._money(
                    "offering_sales_amounts.total_offering_amount", row[0] if row else None
                )
                amounts.total_amount_sold = self._money(
                    "offering_sales_amounts.total_amount_sold", row[1] if len(row) > 1 else None
                )
                if amounts.total_offering_amount is not None or amounts.total_amount_sold is not None:
                    f.offering_sales_amounts = amounts
        if c2 is not None:
            i_hi = c3.start() if c3 else hi
            inv = Investors()
            for prefix, pattern in (("accredited", ACCREDITED_ROW), ("non_accredited", NON_ACCREDITED_ROW)):
                got = self.row_cells(pattern, c2.end(), i_hi)
                if got is None:
                    continue
                count = next((x for x in got[0] if not x.dollar), None)
                amount = next((x for x in got[0] if x.dollar), None)
                setattr(inv, f"{prefix}_count", self._money(f"investors.{prefix}_count", count))
                setattr(inv, f"{prefix}_amount", self._money(f"investors.{prefix}_amount", amount))
            if any(x is not None for x in vars(inv).values()):
                f.investors = inv
        if c4a is not None:
            e_hi = c4b.start() if c4b else hi
            ex = Expenses()
            for key, pattern in EXPENSE_ROWS.items():
                got = self.row_cells(pattern, c4a.start(), e_hi)
                if got is not None:
                    # Trap: the box left of an amount marks an *estimate*; it does not gate the amount.
                    row = [x for x in got[0] if x.dollar] or got[0]
                    setattr(ex, key, self._money(f"expenses.{key}", row[0] if row else None))
            first_row = self.p.find(EXPENSE_ROWS["transfer_agent_fees"], c4a.start(), e_hi)
            got = self.row_cells(TOTAL_ROW, first_row.end() if first_row else c4a.end(), e_hi)
            if got is not None:
                row = [x for x in got[0] if x.dollar] or got[0]
                ex.total = self._money("expenses.total", row[0] if row else None)
            if any(x is not None for x in vars(ex).values()):
                f.expenses = ex
        if c4b is not None:
            p_hi = c5.start() if c5 else min(hi, c4b.end() + 2000)
            row = [x for x in cells(v.view, c4b.end(), p_hi) if x.dollar and x.value is not None]
            f.adjusted_gross_proceeds = self._money("adjusted_gross_proceeds", row[0] if row else None)
        if c5 is not None:
            end = v.find(C5_END, c5.start(), hi)
            u_hi = end.start() if end else hi
            for purpose, pattern in PROCEEDS_ROWS.items():
                m = v.find(pattern, c5.start(), u_hi)
                if m is None:
                    continue
                line = v.lines[v.line_index(m.end())]
                row = [x for x in cells(v.view, m.end(), line.end) if x.dollar]
                if all(x.value is None for x in row):
                    continue  # only rows with a filled cell ("-0-" counts, "$ ____" does not)
                name = purpose
                if purpose == "Other":  # "Other (specify): Marketing  [ ] $ 5,000": the specified purpose
                    spec = re.match(r"[^$☐☒\t]{0,200}", v.view[m.end() : line.end])
                    s, e = trim_span(v.view, m.end(), m.end() + (spec.end() if spec else 0))
                    if e > s:
                        name = v.value((s, e))
                path = f"use_of_proceeds[{len(f.use_of_proceeds)}]"
                use = UseOfProceeds(purpose=name)
                self.p.put(
                    f"{path}.purpose", (m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()), 0.9
                )
                cols = self._proceeds_columns(row, line.start, m.end())
                use.to_officers_directors_affiliates = self._money(
                    f"{path}.to_officers_directors_affiliates", cols[0]
                )
                use.to_others = self._money(f"{path}.to_others", cols[1])
                f.use_of_proceeds.append(use)

    def _proceeds_columns(
        self, row: list[Cell], line_start: int, caption_end: int
    ) -> tuple[Cell | None, Cell | None]:
        """Two columns (officers/affiliates, others). With one cell, two tab stops before it mean column 2."""
        if len(row) >= 2:
            return row[0], row[1]
        if not row:
            return None, None
        gap = self.p.view[caption_end : row[0].start]
        return (None, row[0]) if gap.count("\t") >= 2 else (row[0], None)

    def signature(self) -> FormDSignature | None:
        d = self.section_span("D")
        lo, hi = d if d else (0, len(self.p.view))
        e = self.section_span("E")
        if e and e[0] > lo:
            hi = min(hi, e[0])
        sig = FormDSignature()
        start = self.p.find(SIG_ISSUER, lo, hi)
        if start is None:
            return None
        fields = (
            ("issuer_name", SIG_ISSUER),
            ("signature_date", SIG_DATE),
            ("name_of_signer", SIG_NAME),
            ("signature_title", SIG_TITLE),
        )
        for key, caption in fields:
            m = self.p.find(caption, start.start(), hi)
            if m is None:
                continue
            # A row of captions only (pdftotext -layout) has its values in the row below, by column.
            found = self.p.caption_value(m, SIG_STOP, hi=hi)
            if found is None:
                continue
            span, conf = found
            text = self.p.value(span)
            if key == "signature_date":
                iso = parse_date(text)
                if iso is None:
                    continue
                sig.signature_date = iso
            else:
                setattr(sig, key, text)
            self.p.put(f"signature.{key}", span, conf)
        return sig if any(x is not None for x in vars(sig).values()) else None
