"""Render a ``FormDFiling`` as paper-era Form D text (the SEC's generic form wording), with variations.

Values come from real data (issuers of the SEC Form D data-set tables, related persons of the Form D
XML in ../shared/data/xml/formd); the paper-only parts (Part C amounts, expenses, use of proceeds) are
drawn with a seeded RNG. ``render`` returns the text and the record *as the text shows it* (the gold for
``measure_formd``): a row printed ``-0-`` in Part C.1 is a type not offered, an expense printed ``n/a``
is null, a relationship is listed only when its box is marked.

Variations: tabs or padded spaces between cells, leader dots or none, checkbox styles (``[X]``, ``_X_``,
bare ``X``, ``☒``, HTML ``<input checked>``), values inline or below their caption, wrapped long values,
the A.2 list split over sheets with the heading repeated and empty slots, states as codes or names.
"""

from __future__ import annotations

import copy
import csv
import random
from dataclasses import dataclass
from pathlib import Path

from extractor.assemble.formd_text import UNIT, split_person_name
from extractor.assemble.values import US_STATES
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

STATE_NAMES = {code: name.title() for name, code in US_STATES.items()}
BOX_STYLES = (
    ("[X]", "[ ]"),
    ("_X_", "___"),
    ("X", ""),
    ("☒", "☐"),
    ('<input checked="checked" type="checkbox"/>', '<input type="checkbox"/>'),
)
RELATIONSHIPS = (
    "Promoter",
    "Beneficial Owner",
    "Executive Officer",
    "Director",
    "General and/or Managing Partner",
)
EXEMPTIONS = ("Rule 504", "Rule 505", "Rule 506", "Section 4(6)", "ULOE")
SECURITY_ROWS = (
    ("debt", "Debt"),
    ("equity", "Equity"),
    ("convertible", "Convertible Securities (including warrants)"),
    ("partnership", "Partnership Interests"),
    ("other", "Other (Specify ____)"),
)
EXPENSE_ROWS = (
    ("transfer_agent_fees", "Transfer Agent's Fees"),
    ("printing_and_engraving_costs", "Printing and Engraving Costs"),
    ("legal_fees", "Legal Fees"),
    ("accounting_fees", "Accounting Fees"),
    ("engineering_fees", "Engineering Fees"),
    ("sales_commissions", "Sales Commissions (specify finders' fees separately)"),
    ("other", "Other Expenses (identify) ____"),
)
PURPOSES = (
    "Salaries and fees",
    "Purchase of real estate",
    "Purchase, rental or leasing and installation of machinery and equipment",
    "Construction or leasing of plant buildings and facilities",
    "Acquisition of other businesses (including the value of securities involved in this offering that may "
    "be used in exchange for the assets or securities of another issuer pursuant to a merger)",
    "Repayment of indebtedness",
    "Working capital",
)
ENTITY_TYPES = {
    "Corporation": "corporation",
    "Limited Partnership": "limited partnership, already formed",
    "Business Trust": "business trust",
    "Other": "other (please specify):",
}
TITLES = (
    "President",
    "Chief Executive Officer",
    "Chief Financial Officer",
    "Secretary",
    "General Partner",
    "Vice President and Chief Financial Officer",
    "Managing Member",
)


@dataclass
class Rendered:
    text: str
    filing: FormDFiling


@dataclass
class Style:
    """One document's layout choices."""

    sep: str
    leader: str
    box: tuple[str, str]
    inline: bool
    wrap: int
    state_names: bool
    columns: bool  # pdftotext -layout: a row of captions, the values in the row below

    @classmethod
    def draw(cls, rng: random.Random) -> Style:
        return cls(
            sep=rng.choice(["\t", "   ", "      "]),
            leader=rng.choice(["", ".....", " . . . . ", "......"]),
            box=rng.choice(BOX_STYLES),
            inline=rng.random() < 0.4,
            wrap=rng.choice([0, 0, 60, 80]),
            state_names=rng.random() < 0.5,
            columns=rng.random() < 0.35,
        )


def _money(v: float | None, blank: str) -> str:
    if v is None:
        return blank
    return "-0-" if v == 0 else f"{v:,.2f}"


class _Writer:
    def __init__(self, style: Style) -> None:
        self.s = style
        self.out: list[str] = []

    def line(self, text: str = "") -> None:
        self.out.append(text)

    def box(self, on: bool) -> str:
        mark = self.s.box[0] if on else self.s.box[1]
        return (mark + " ") if mark else ""

    def field(self, caption: str, value: str | None) -> None:
        value = value or ""
        if self.s.inline and value:
            self.line(f"{caption} {value}")
        else:
            self.line(caption)
            self.line()
            for part in self.wrap(value):
                self.line(part)
        self.line()

    def wrap(self, value: str) -> list[str]:
        if not self.s.wrap or len(value) <= self.s.wrap:
            return [value]
        words, lines, cur = value.split(), [], ""
        for w in words:
            if cur and len(cur) + len(w) + 1 > self.s.wrap:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}".strip()
        return [*lines, cur]

    def options(self, prefix: str, names: tuple[str, ...], marked: set[str]) -> None:
        self.line(prefix + " " + " ".join(self.box(n in marked) + n for n in names))

    def row(self, caption: str, *cells: str) -> None:
        self.line(caption + self.s.leader + self.s.sep + self.s.sep.join(cells))


def _address(p: PrimaryIssuer | RelatedPerson, names: bool) -> str:
    state = p.state_or_country or ""
    if names and state in STATE_NAMES:
        state = STATE_NAMES[state]
    parts = [x for x in (p.street1, p.street2, p.city) if x]
    return ", ".join(parts) + f", {state} {p.zip_code or ''}".rstrip()


def render(filing: FormDFiling, rng: random.Random) -> Rendered:
    """Paper-era Form D text of ``filing`` and the record the text shows."""
    s = Style.draw(rng)
    gold = copy.deepcopy(filing)
    w = _Writer(s)
    w.line("UNITED STATES")
    w.line("SECURITIES AND EXCHANGE COMMISSION")
    w.line("Washington, D.C. 20549")
    w.line()
    w.line("FORM D")
    w.line()
    w.line("NOTICE OF SALE OF SECURITIES")
    w.line("PURSUANT TO REGULATION D,")
    w.line("SECTION 4(6), AND/OR")
    w.line("UNIFORM LIMITED OFFERING EXEMPTION")
    w.line()
    w.field(
        "Name of Offering (check if this is an amendment and name has changed, and indicate change.)",
        filing.offering_name,
    )
    w.options("Filing Under (Check box(es) that apply):", EXEMPTIONS, set(filing.federal_exemptions))
    w.options(
        "Type of Filing:", ("New Filing", "Amendment"), {"Amendment" if filing.is_amendment else "New Filing"}
    )
    w.line()
    w.line("A. BASIC IDENTIFICATION DATA")
    w.line()
    w.line("1. Enter the information requested about the issuer")
    w.line()
    iss = filing.primary_issuer or PrimaryIssuer()
    w.field(
        "Name of Issuer (check if this is an amendment and name has changed, and indicate change.)",
        iss.entity_name,
    )
    addr = _address(iss, s.state_names)
    if s.inline:
        w.line(
            f"Address of Executive Offices (Number and Street, City, State, Zip Code) {addr}{s.sep}"
            f"Telephone Number (Including Area Code) {iss.phone_number or ''}"
        )
        w.line()
    else:
        w.field("Address of Executive Offices (Number and Street, City, State, Zip Code)", addr)
        w.field("Telephone Number (Including Area Code)", iss.phone_number)
    w.field(
        "Address of Principal Business Operations (Number and Street, City, State, Zip Code) "
        "(if different from Executive Offices)",
        rng.choice(["", "same as above", ""]),
    )
    w.field("Brief Description of Business", filing.business_description)
    w.line("Type of Business Organization")
    et = ENTITY_TYPES.get(iss.entity_type or "", "")
    opts = (
        "corporation",
        "limited partnership, already formed",
        "other (please specify):",
        "business trust",
        "limited partnership, to be formed",
    )
    w.line(" ".join(w.box(o == et) + o for o in opts[:3]))
    w.line(" ".join(w.box(o == et) + o for o in opts[3:]))
    w.line()
    month = rng.randint(1, 12)
    w.line(
        f"Actual or Estimated Date of Incorporation or Organization: Month Year {month:02d} "
        f"{iss.year_of_inc or ''} {w.box(True)}Actual {w.box(False)}Estimated"
    )
    w.line(
        "Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service abbreviation "
        f"for State: CN for Canada; FN for other foreign jurisdiction) {iss.jurisdiction_of_inc or ''}"
    )
    w.line()
    per_sheet = rng.choice([3, 4, 6])
    persons = filing.related_persons
    sheets = [persons[i : i + per_sheet] for i in range(0, max(len(persons), 1), per_sheet)]
    for k, sheet in enumerate(sheets):
        w.line("A. BASIC IDENTIFICATION DATA")
        w.line()
        w.line("2. Enter the information requested for the following:")
        w.line("- Each promoter of the issuer, if the issuer has been organized within the past five years;")
        w.line()
        empties = per_sheet - len(sheet) if k == len(sheets) - 1 else 0
        for p in [*sheet, *([None] * empties)]:
            w.options("Check Box(es) that Apply:", RELATIONSHIPS, set(p.relationships) if p else set())
            w.line()
            w.field("Full Name (Last name first, if individual)", p.name if p else "")
            w.field(
                "Business or Residence Address (Number and Street, City, State, Zip Code)",
                _address(p, s.state_names) if p else "",
            )
        w.line("(Use blank sheet, or copy and use additional copies of this sheet, as necessary.)")
        w.line()
    w.line("B. INFORMATION ABOUT OFFERING")
    w.line()
    w.line(
        f"1. Has the issuer sold, or does the issuer intend to sell, to non-accredited investors in this "
        f"offering? "
        f"{w.box(False)}Yes {w.box(True)}No"
    )
    mi = filing.minimum_investment_accepted
    if mi is None:
        gold.minimum_investment_accepted = 0.0  # printed "no minimum"
    w.line(
        "2. What is the minimum investment that will be accepted from any individual? $ "
        + (f"{mi:,.0f}" if mi is not None else "no minimum")
    )
    w.line("3. Does the offering permit joint ownership of a single unit? Yes No")
    w.line(
        "4. Enter the information requested for each person who has been or will be paid or given, directly "
        "or indirectly, any commission or similar remuneration for solicitation of purchasers."
    )
    w.line()
    w.field("Full Name (Last name first, if individual)", "")
    w.field("Business or Residence Address (Number and Street, City, State, Zip Code)", "")
    w.field("Name of Associated Broker or Dealer", "")
    w.line("States in Which Person Listed Has Solicited or Intends to Solicit Purchasers")
    w.line('(Check "All States" or check individual States) All States')
    w.line(s.sep.join(f"[{c}]" for c in ("AL", "AK", "AZ", "AR", "CA", "CO", "CT")))
    w.line()
    w.line("C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS")
    w.line()
    w.line(
        "1. Enter the aggregate offering price of securities included in this offering and the total amount "
        'already sold. Enter "0" if answer is "none" or "zero."'
    )
    w.line()
    w.line(f"Type of Security{s.sep}Aggregate Offering Price{s.sep}Amount Already Sold")
    blank = rng.choice(["$ ____", "$ -0-", "$"])
    offered = {x.type: x for x in filing.securities_offered}
    for kind, caption in SECURITY_ROWS:
        x = offered.get(kind)
        if x is None:
            w.row(caption, blank, blank)
            if blank == "$ -0-":  # a printed zero is a filled row
                gold.securities_offered.append(
                    SecurityOffered(type=kind, aggregate_offering_price=0.0, amount_sold=0.0)
                )
        else:
            w.row(
                caption,
                "$ " + _money(x.aggregate_offering_price, "____"),
                "$ " + _money(x.amount_sold, "____"),
            )
        if kind == "equity":
            w.line(f"{w.box(kind in offered)}Common {w.box(False)}Preferred")
    order = [k for k, _ in SECURITY_ROWS]
    gold.securities_offered.sort(key=lambda x: order.index(x.type or "other"))
    tot = filing.offering_sales_amounts or OfferingSalesAmounts()
    w.row(
        "Total",
        "$ " + _money(tot.total_offering_amount, "____"),
        "$ " + _money(tot.total_amount_sold, "____"),
    )
    w.line("Answer also in Appendix, Column 3, if filing under ULOE.")
    w.line()
    w.line(
        "2. Enter the number of accredited and non-accredited investors who have purchased securities in "
        "this offering and the aggregate dollar amounts of their purchases."
    )
    w.line(f"{s.sep}Number Investors{s.sep}Aggregate Dollar Amount of Purchases")
    inv = filing.investors or Investors()
    w.row(
        "Accredited Investors",
        _money(inv.accredited_count, "____").replace(".00", ""),
        "$ " + _money(inv.accredited_amount, "____"),
    )
    w.row(
        "Non-accredited Investors",
        _money(inv.non_accredited_count, "____").replace(".00", ""),
        "$ " + _money(inv.non_accredited_amount, "____"),
    )
    w.row("Total (for filings under Rule 504 only)", "n/a", "$ n/a")
    w.line()
    w.line(
        "3. If this filing is for an offering under Rule 504 or 505, enter the information requested for all "
        "securities sold by the issuer, to date."
    )
    w.line(f"Type of Offering{s.sep}Type of Security{s.sep}Dollar Amount Sold")
    w.row("Rule 505", "n/a", "$ n/a")
    w.row("Total", "n/a", "$ n/a")
    w.line()
    w.line(
        "4. a. Furnish a statement of all expenses in connection with the issuance and distribution of the "
        "securities in this offering."
    )
    w.line()
    ex = filing.expenses or Expenses()
    for key, caption in EXPENSE_ROWS:
        v = getattr(ex, key)
        w.row(
            caption,
            w.box(v is not None and v > 0 and rng.random() < 0.5)
            + "$ "
            + _money(v, rng.choice(["n/a", "____"])),
        )
    w.row("Total", w.box(False) + "$ " + _money(ex.total, "____"))
    w.line()
    w.line(
        "b. Enter the difference between the aggregate offering price given in response to Part C - Question "
        "1 and total expenses furnished in response to Part C - Question 4.a. This difference is the "
        '"adjusted gross proceeds to the issuer."'
        + (" $ " + _money(filing.adjusted_gross_proceeds, ""))
        * s.inline
    )
    if not s.inline:
        w.line()
        w.line("$ " + _money(filing.adjusted_gross_proceeds, ""))
    w.line()
    w.line(
        "5. Indicate below the amount of the adjusted gross proceeds to the issuer used or proposed to be "
        "used for each of the purposes shown."
    )
    w.line(f"{s.sep}Payments to Officers, Directors, & Affiliates{s.sep}Payments to Others")
    uses = {u.purpose: u for u in filing.use_of_proceeds}
    for caption in PURPOSES:
        u = uses.get(caption.split(" (")[0])
        a = u.to_officers_directors_affiliates if u else None
        b = u.to_others if u else None
        w.row(caption, w.box(False) + "$ " + _money(a, "____"), w.box(False) + "$ " + _money(b, "____"))
    w.row("Column Totals", "$ ____", "$ ____")
    w.line()
    w.line("D. FEDERAL SIGNATURE")
    w.line()
    w.line("The issuer has duly caused this notice to be signed by the undersigned duly authorized person.")
    w.line()
    sig = filing.signature or FormDSignature()
    date = _long_date(sig.signature_date, rng)
    if s.columns:
        w.line(_padded(["Issuer (Print or Type)", "Signature", "Date"]))
        w.line(_padded([sig.issuer_name or "", "", date]))
        w.line()
        w.line(_padded(["Name of Signer (Print or Type)", "Title of Signer (Print or Type)"]))
        w.line(_padded([sig.name_of_signer or "", sig.signature_title or ""]))
    else:
        w.line(f"Issuer (Print or Type) {sig.issuer_name or ''}{s.sep}Signature {s.sep}Date {date}")
        w.line(
            f"Name of Signer (Print or Type) {sig.name_of_signer or ''}{s.sep}"
            f"Title of Signer (Print or Type) {sig.signature_title or ''}"
        )
    w.line()
    w.line("ATTENTION")
    w.line(
        "Intentional misstatements or omissions of fact constitute federal criminal violations. "
        "(See 18 U.S.C. 1001.)"
    )
    return Rendered("\n".join(w.out) + "\n", gold)


def _padded(cells: list[str], width: int = 40) -> str:
    """Cells at fixed columns, as ``pdftotext -layout`` prints a table row."""
    return "".join(c.ljust(width) for c in cells).rstrip()


def _long_date(iso: str | None, rng: random.Random) -> str:
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    months = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    return rng.choice([f"{months[m - 1]} {d}, {y}", f"{m}/{d}/{y}"])


# ------------------------------------------------------------------------------------ value sources
def load_issuers(tables_dir: Path, limit: int = 2000) -> list[PrimaryIssuer]:
    """Primary issuers of the SEC Form D data-set ISSUERS_*.tsv tables (US addresses only)."""
    out: list[PrimaryIssuer] = []
    for path in sorted(tables_dir.glob("ISSUERS_*.tsv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("IS_PRIMARYISSUER_FLAG") != "YES" or row.get("STATEORCOUNTRY") not in STATE_NAMES:
                    continue
                out.append(
                    PrimaryIssuer(
                        entity_name=row["ENTITYNAME"],
                        street1=row["STREET1"] or None,
                        street2=row["STREET2"] or None,
                        city=row["CITY"],
                        state_or_country=row["STATEORCOUNTRY"],
                        zip_code=row["ZIPCODE"][:5],
                        phone_number=row["ISSUERPHONENUMBER"],
                        entity_type=row["ENTITYTYPE"] if row["ENTITYTYPE"] in ENTITY_TYPES else None,
                        year_of_inc=row["YEAROFINC_VALUE_ENTERED"] or None,
                    )
                )
                if len(out) >= limit:
                    return out
    return out


def load_persons(xml_dir: Path) -> list[RelatedPerson]:
    """Related persons of the Form D XML files (names rendered "Last, First Middle", US addresses)."""
    from extractor.edgar_xml.importer import import_file

    out: list[RelatedPerson] = []
    for path in sorted(xml_dir.iterdir()):
        if path.is_dir():
            continue
        for env in import_file(path).envelopes:
            if isinstance(env.filing, FormDFiling):
                out.extend(
                    p for p in env.filing.related_persons if p.last_name and p.state_or_country in STATE_NAMES
                )
    return out


def _as_printed(rec: PrimaryIssuer | RelatedPerson) -> None:
    """The gold street lines of a comma-joined printed address, by the annotation convention of the seeds:
    secondary units ("Suite 150", "20th Floor") are street2, every other part stays in street1."""
    parts = [p.strip() for x in (rec.street1, rec.street2) if x for p in x.split(", ")]
    units = [p for p in parts if UNIT.match(p)]
    main = [p for p in parts if not UNIT.match(p)]
    rec.street1 = ", ".join(main) or None
    rec.street2 = ", ".join(units) or None
    if rec.street1 is None and units:
        rec.street1, rec.street2 = units[0], ", ".join(units[1:]) or None


def make_filing(issuer: PrimaryIssuer, pool: list[RelatedPerson], rng: random.Random) -> FormDFiling:
    """A paper-era record around a real issuer: persons from the pool, Part C amounts drawn."""
    persons = []
    for p in rng.sample(pool, k=min(len(pool), rng.randint(1, 9))):
        q = copy.deepcopy(p)
        q.person_id = None
        _as_printed(q)
        if split_person_name(q.name or "").last is None:  # organisations: the name is not split
            q.first_name = q.middle_name = q.last_name = None
        if rng.random() < 0.2 and q.first_name:  # printed "First Middle Last" (no comma)
            q.name = " ".join(x for x in (q.first_name, q.middle_name, q.last_name) if x)
        q.relationships = sorted(rng.sample(RELATIONSHIPS[:4], k=rng.randint(0, 2)), key=RELATIONSHIPS.index)
        persons.append(q)
    total = float(rng.choice([250_000, 1_000_000, 2_500_000, 10_000_000, 33_769_753]))
    sold = float(round(total * rng.choice([1, 0.5, 0.25]), 2))
    kind = rng.choice(["equity", "debt", "convertible", "partnership", "other"])
    legal = float(rng.choice([5_000, 25_000, 32_000]))
    ex = Expenses(
        legal_fees=legal,
        transfer_agent_fees=rng.choice([None, 0.0, 1_000.0]),
        printing_and_engraving_costs=rng.choice([None, 0.0]),
    )
    ex.total = legal + (ex.transfer_agent_fees or 0)
    agp = total - ex.total
    iss = copy.deepcopy(issuer)
    _as_printed(iss)
    iss.jurisdiction_of_inc = rng.choice(["DE", "NV", issuer.state_or_country])
    use = UseOfProceeds(
        purpose=rng.choice(["Working capital", "Repayment of indebtedness", "Salaries and fees"]),
        to_officers_directors_affiliates=None,
        to_others=agp,
    )
    signer = rng.choice(
        [p for p in persons if p.first_name] or [RelatedPerson(first_name="Pat", last_name="Lee")]
    )
    y = rng.randint(1997, 2008)
    return FormDFiling(
        offering_name=rng.choice(
            [
                f"Series {rng.choice('ABC')} Preferred Stock Financing",
                "Issuance of Warrant",
                f"Sale of common stock of {issuer.entity_name} to accredited investors in a "
                "private placement",
                "Limited partnership interests",
            ]
        ),
        is_amendment=rng.random() < 0.2,
        federal_exemptions=sorted(
            rng.sample(EXEMPTIONS[1:3], k=1) + (["ULOE"] if rng.random() < 0.3 else [])
        ),
        primary_issuer=iss,
        business_description=rng.choice(
            [
                "Software development and sales",
                "Oil and gas exploration",
                "Real estate investment",
                "Biotechnology research",
            ]
        ),
        related_persons=persons,
        minimum_investment_accepted=rng.choice([None, 25_000.0, 100_000.0]),
        securities_offered=[SecurityOffered(type=kind, aggregate_offering_price=total, amount_sold=sold)],
        offering_sales_amounts=OfferingSalesAmounts(total_offering_amount=total, total_amount_sold=sold),
        investors=Investors(
            accredited_count=float(rng.randint(1, 40)),
            accredited_amount=sold,
            non_accredited_count=0.0,
            non_accredited_amount=0.0,
        ),
        expenses=ex,
        adjusted_gross_proceeds=agp,
        use_of_proceeds=[use],
        signature=FormDSignature(
            issuer_name=issuer.entity_name,
            name_of_signer=" ".join(
                x for x in (signer.first_name, signer.middle_name, signer.last_name) if x
            ),
            signature_title=rng.choice(TITLES),
            signature_date=f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ),
    )
