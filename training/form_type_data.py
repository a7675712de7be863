"""Labelled texts for the form-type classifier.

Sources (the seeds are never used: they are a test):
- the dev docs with their gold form types (Forms 3 and 4, three renderings each);
- synthetic variants of dev docs: Form 4 -> Form 5 / Form 3 titles and fields, and amendments made by writing
  a date into 'If Amendment, Date Original Filed', with light OCR-style noise;
- Form D and D/A texts rendered from the SEC's Form D tables and the Form D XML, with the public form wording
  of both the paper-era form and the electronic form, in a few text layouts;
- 'unknown' texts: prose shipped inside installed packages (READMEs, licences, docs), plus tricky negatives
  (news paragraphs that mention Form 4 or Form D, headers of other SEC forms).

Every example carries a ``group`` (its source filing, package or issuer) so evaluation can split by document.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from extractor.classify.features import _AMENDMENT_LABEL, _MONTH_DAY_YEAR
from extractor.errors import Errors
from extractor.ingest import read_document

PROSE_SUFFIXES = (".rst", ".md", ".txt")
MAX_PROSE_FILES = 400
PROSE_CHUNK = (400, 3500)


@dataclass(frozen=True)
class Example:
    """One labelled text and where it comes from."""

    text: str
    label: str
    group: str
    kind: str


# --------------------------------------------------------------------------- noise


_CONFUSIONS = {
    "O": "0",
    "0": "O",
    "l": "1",
    "1": "l",
    "I": "l",
    "S": "5",
    "5": "S",
    "e": "c",
    "m": "rn",
    "B": "8",
    ",": ".",
    "i": "í",
    "a": "o",
}


def ocr_noise(text: str, rng: random.Random, rate: float) -> str:
    """Light OCR-style damage: character confusions, lost and split spaces, stray marks."""
    out: list[str] = []
    for ch in text:
        r = rng.random()
        if r >= rate:
            out.append(ch)
        elif ch in _CONFUSIONS and r < rate * 0.5:
            out.append(_CONFUSIONS[ch])
        elif ch == " " and r < rate * 0.8:
            continue
        elif ch.isalpha() and r < rate * 0.8:
            out.append(ch + " ")
        else:
            out.append(ch + rng.choice(("", "'", ".", "|", "~")))
    return "".join(out)


# --------------------------------------------------------------------------- ownership variants


def _words(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in phrase.split()), re.IGNORECASE)


_T4 = _words("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP")
_LABEL4 = re.compile(r"\b(form)(\s{0,2})4\b(?!\s+or\s+form)", re.IGNORECASE)
_EARLIEST = _words("Date of Earliest Transaction")
_ACQ_DISP = re.compile(r"Acquired,?\s+Disposed\s+of,?\s+or\s+Beneficially", re.IGNORECASE)


def _same_case(template: str, value: str) -> str:
    return value.upper() if template.isupper() else value


def to_form5(text: str) -> str | None:
    """A Form 4 retitled as a Form 5 (annual statement, fiscal-year field, Form 3/4 report boxes)."""
    if not _T4.search(text):
        return None
    out = _T4.sub(lambda m: _same_case(m.group(0), "ANNUAL ") + m.group(0), text)
    out = _LABEL4.sub(lambda m: m.group(1) + m.group(2) + "5", out)
    out = _EARLIEST.sub(lambda m: _same_case(m.group(0), "Statement for Issuer's Fiscal Year Ended"), out)
    first_break = out.find("\n", out.upper().find("ANNUAL STATEMENT"))
    boxes = "\nForm 3 Holdings Reported\nForm 4 Transactions Reported"
    return out[:first_break] + boxes + out[first_break:] if first_break > 0 else out + boxes


def to_form3(text: str) -> str | None:
    """A Form 4 retitled as a Form 3 (initial statement, event date, holdings-only tables)."""
    if not _T4.search(text):
        return None
    out = _T4.sub(lambda m: _same_case(m.group(0), "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP"), text)
    out = _LABEL4.sub(lambda m: m.group(1) + m.group(2) + "3", out)
    out = _EARLIEST.sub(lambda m: _same_case(m.group(0), "Date of Event Requiring Statement"), out)
    return _ACQ_DISP.sub(lambda m: _same_case(m.group(0), "Beneficially"), out)


def _random_date(rng: random.Random) -> str:
    return f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(2003, 2024)}"


def add_amendment_date(text: str, rng: random.Random) -> str | None:
    """Write a date into 'If Amendment, Date Original Filed': inline, or under the label (column layouts)."""
    m = _AMENDMENT_LABEL.search(text)
    if not m:
        return None
    end = m.end()
    stripped = text[end:].lstrip()
    mdy = _MONTH_DAY_YEAR.match(stripped)
    if mdy:
        end += len(text[end:]) - len(stripped) + mdy.end()
    date = _random_date(rng)
    line_end = text.find("\n", end)
    if rng.random() < 0.5 or line_end < 0:
        return text[:end] + " " + date + text[end:]
    column = m.start() - (text.rfind("\n", 0, m.start()) + 1)
    next_end = text.find("\n", line_end + 1)
    next_end = len(text) if next_end < 0 else next_end
    below = text[line_end + 1 : next_end]
    if below[max(0, column - 2) : column + len(date) + 2].strip():
        return text[:end] + " " + date + text[end:]
    if len(below) < column:
        below = below.ljust(column) + date
    else:
        below = below[:column] + date + below[column + len(date) :]
    return text[: line_end + 1] + below + text[next_end:]


# --------------------------------------------------------------------------- dev docs


def load_dev_examples(docs_dir: Path, gold_dir: Path) -> list[Example]:
    """Dev docs with gold form types; the group is the source XML, shared by a filing's renderings."""
    examples = []
    for path in sorted(docs_dir.glob("*.txt")):
        gold_path = gold_dir / (path.stem + ".json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        label = gold.get("form_type")
        if not label:
            continue
        group = str(gold.get("source_xml") or path.stem)
        examples.append(Example(read_document(path).text, str(label), group, "dev"))
    if not examples:
        raise ValueError(Errors.E422.format(reason=f"no dev docs with gold form types in {docs_dir}"))
    return examples


def ownership_variants(dev: list[Example], rng: random.Random, per_doc: int) -> list[Example]:
    """Form 3, 5 and amendment examples made from dev docs (``per_doc`` noisy copies of each kind)."""
    out: list[Example] = []
    for ex in dev:
        makers: list[tuple[str, Callable[[str], str | None]]] = []
        if ex.label == "4":
            makers += [("4", lambda t: t), ("5", to_form5), ("3", to_form3)]
        else:
            makers += [(ex.label, lambda t: t)]
        for base_label, make in makers:
            base = make(ex.text)
            if base is None:
                continue
            for _ in range(per_doc):
                amended = add_amendment_date(base, rng)
                # Noisy copies of unamended forms too, so noise never stands for "amendment".
                plain = ocr_noise(base, rng, rng.uniform(0.0, 0.02))
                out.append(Example(plain, base_label, ex.group, "synthetic"))
                if amended is not None:
                    noisy = ocr_noise(amended, rng, rng.uniform(0.0, 0.02))
                    out.append(Example(noisy, base_label + "/A", ex.group, "synthetic"))
    return out


# --------------------------------------------------------------------------- Form D


@dataclass(frozen=True)
class Issuer:
    """The Form D facts a rendering needs."""

    cik: str
    name: str
    street: str
    city: str
    state: str
    zip_code: str
    phone: str
    jurisdiction: str
    entity_type: str
    year: str
    submission_type: str


def read_formd_tables(tables_dir: Path, rng: random.Random, limit: int) -> list[Issuer]:
    """Primary issuers of Form D submissions from the SEC's ISSUERS / FORMDSUBMISSION tables."""
    types: dict[str, str] = {}
    for path in sorted(tables_dir.glob("FORMDSUBMISSION_*.tsv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                types[row["ACCESSIONNUMBER"]] = row.get("SUBMISSIONTYPE", "")
    issuers: list[Issuer] = []
    for path in sorted(tables_dir.glob("ISSUERS_*.tsv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                kind = types.get(row["ACCESSIONNUMBER"], "")
                if row.get("IS_PRIMARYISSUER_FLAG") != "YES" or kind not in ("D", "D/A"):
                    continue
                issuers.append(
                    Issuer(
                        cik=row.get("CIK", ""),
                        name=row.get("ENTITYNAME", ""),
                        street=" ".join(x for x in (row.get("STREET1"), row.get("STREET2")) if x),
                        city=row.get("CITY", ""),
                        state=row.get("STATEORCOUNTRY", ""),
                        zip_code=row.get("ZIPCODE", ""),
                        phone=row.get("ISSUERPHONENUMBER", ""),
                        jurisdiction=row.get("JURISDICTIONOFINC", ""),
                        entity_type=row.get("ENTITYTYPE", "") or "Corporation",
                        year=row.get("YEAROFINC_VALUE_ENTERED", ""),
                        submission_type=kind,
                    )
                )
    rng.shuffle(issuers)
    return issuers[:limit]


def _xml_text(node: etree._Element, path: str) -> str:
    found = node.find(path)
    return (found.text or "").strip() if found is not None and found.text else ""


def read_formd_xml(xml_dir: Path) -> tuple[list[Issuer], list[str]]:
    """Issuers and related-person names from Form D XML files (bare or inside EDGAR submissions)."""
    issuers: list[Issuer] = []
    names: list[str] = []
    for path in sorted(p for p in xml_dir.iterdir() if p.is_file()):
        raw = path.read_text(encoding="utf-8", errors="replace")
        start, end = raw.find("<edgarSubmission"), raw.find("</edgarSubmission>")
        if start < 0 or end < 0:
            continue
        try:
            root = etree.fromstring(raw[start : end + len("</edgarSubmission>")].encode("utf-8"))
        except etree.XMLSyntaxError:
            continue
        root_tag = etree.QName(root).localname
        if root_tag != "edgarSubmission":
            continue
        for el in root.iter():
            if isinstance(el.tag, str):
                el.tag = etree.QName(el).localname
        issuers.append(
            Issuer(
                cik=_xml_text(root, "primaryIssuer/cik"),
                name=_xml_text(root, "primaryIssuer/entityName"),
                street=_xml_text(root, "primaryIssuer/issuerAddress/street1"),
                city=_xml_text(root, "primaryIssuer/issuerAddress/city"),
                state=_xml_text(root, "primaryIssuer/issuerAddress/stateOrCountry"),
                zip_code=_xml_text(root, "primaryIssuer/issuerAddress/zipCode"),
                phone=_xml_text(root, "primaryIssuer/issuerPhoneNumber"),
                jurisdiction=_xml_text(root, "primaryIssuer/jurisdictionOfInc"),
                entity_type=_xml_text(root, "primaryIssuer/entityType") or "Corporation",
                year=_xml_text(root, "primaryIssuer/yearOfInc/value"),
                submission_type=_xml_text(root, "submissionType") or "D",
            )
        )
        for person in root.iter("relatedPersonName"):
            name = " ".join(x for x in (_xml_text(person, "firstName"), _xml_text(person, "lastName")) if x)
            if name:
                names.append(name)
    return issuers, names


_MARK_STYLES = (("[X]", "[ ]"), ("X", ""), ("☒", "☐"), ("_X_", "___"), ("(x)", "( )"), ("■", "□"))


def _box(marked: bool, style: tuple[str, str]) -> str:
    return style[0] if marked else style[1]


def render_formd_paper(issuer: Issuer, amendment: bool, person: str, rng: random.Random) -> tuple[str, str]:
    """Paper-era Form D wording; returns (text, label). An unmarked 'Type of Filing' line is labelled D."""
    style = rng.choice(_MARK_STYLES)
    show_marks = rng.random() < 0.8
    marked_amend = amendment and show_marks
    rule = rng.choice(("Rule 504", "Rule 505", "Rule 506", "Section 4(6)", "ULOE"))
    filing_under = " ".join(
        f"{_box(show_marks and r == rule, style)} {r}".strip()
        for r in ("Rule 504", "Rule 505", "Rule 506", "Section 4(6)", "ULOE")
    )
    new_box = _box(show_marks and not amendment, style)
    amend_box = _box(marked_amend, style)
    lines = [
        rng.choice(("FORM D", "", "FORM D\n\nUNITED STATES")),
        "SECURITIES AND EXCHANGE COMMISSION",
        "Washington, D.C. 20549",
        rng.choice(("", "FORM D")),
        "OMB APPROVAL\nOMB Number: 3235-0076\nExpires: "
        + rng.choice(("May 31, 2002", "April 30, 2008", "2005")),
        "Estimated average burden hours per response" + rng.choice(("... 1", "16.00")),
        "NOTICE OF SALE OF SECURITIES\nPURSUANT TO REGULATION D,\nSECTION 4(6), AND/OR\n"
        "UNIFORM LIMITED OFFERING EXEMPTION",
        "SEC USE ONLY\nPrefix Serial\nDATE RECEIVED",
        "Name of Offering (check if this is an amendment and name has changed, and indicate change.)",
        rng.choice(
            ("Sale of common stock", "Series A Preferred Stock financing", "Limited partnership interests")
        ),
        f"Filing Under (Check box(es) that apply): {filing_under}",
        f"Type of Filing: {new_box} New Filing {amend_box} Amendment".replace("  ", " "),
        "A. BASIC IDENTIFICATION DATA",
        "1. Enter the information requested about the issuer",
        "Name of Issuer (check if this is an amendment and name has changed, and indicate change.)",
        issuer.name,
        "Address of Executive Offices (Number and Street, City, State, Zip Code)\t"
        "Telephone Number (Including Area Code)",
        f"{issuer.street}, {issuer.city}, {issuer.state} {issuer.zip_code}\t{issuer.phone}",
        "Brief Description of Business",
        rng.choice(("Software development", "Oil and gas exploration", "Investment fund", "Medical devices")),
        "Type of Business Organization",
        f"{_box(True, style)} corporation {_box(False, style)} limited partnership, already formed",
        f"{_box(False, style)} business trust {_box(False, style)} limited partnership, to be formed",
        "Actual or Estimated Date of Incorporation or Organization: Month Year Actual Estimated",
        "Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service abbreviation "
        "for State:",
        "CN for Canada; FN for other foreign jurisdiction) " + issuer.state,
        "GENERAL INSTRUCTIONS",
        "Federal:",
        "Who Must File: All issuers making an offering of securities in reliance on an exemption under "
        "Regulation D or Section 4(6), 17 CFR 230.501 et seq. or 15 U.S.C. 77d(6).",
        "2. Enter the information requested for the following:",
        "Each promoter of the issuer, if the issuer has been organized within the past five years;",
        f"Check Box(es) that Apply: {_box(False, style)} Promoter {_box(True, style)} Beneficial Owner "
        f"{_box(True, style)} Executive Officer {_box(False, style)} Director "
        f"{_box(False, style)} General and/or Managing Partner",
        "Full Name (Last name first, if individual)",
        person,
        "B. INFORMATION ABOUT OFFERING",
        "1. Has the issuer sold, or does the issuer intend to sell, to non-accredited investors in this "
        "offering?",
        "2. What is the minimum investment that will be accepted from any individual? $"
        + str(rng.randint(1, 500) * 1000),
        "C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS",
        "Type of Security\tAggregate Offering Price\tAmount Already Sold",
        "Equity\t$" + f"{rng.randint(1, 90_000) * 1000:,}",
        "D. FEDERAL SIGNATURE",
    ]
    rng.shuffle(lines[4:8])
    return "\n\n".join(x for x in lines if x), "D/A" if marked_amend else "D"


def render_formd_electronic(
    issuer: Issuer, amendment: bool, person: str, rng: random.Random
) -> tuple[str, str]:
    """Electronic Form D ('Notice of Exempt Offering of Securities') wording; returns (text, label)."""
    style = rng.choice(_MARK_STYLES[:4])
    sep = rng.choice(("\n", "\t", "   "))
    first_sale = f"{rng.randint(2008, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    last, _, first = person.rpartition(" ")
    lines = [
        rng.choice(("FORM D", "**FORM D**", "")),
        rng.choice(
            ("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "U.S. Securities and Exchange Commission")
        ),
        "Washington, DC 20549",
        rng.choice(
            ("Notice of Exempt Offering of Securities", "FORM D\nNotice of Exempt Offering of Securities")
        ),
        "OMB APPROVAL"
        + sep
        + "OMB Number: 3235-0076"
        + sep
        + "Estimated average burden hours per response: 4.00",
        "1. Issuer's Identity",
        f"CIK (Filer ID Number){sep}{issuer.cik}{sep}Previous Names{sep}{_box(True, style)} None",
        f"Name of Issuer{sep}{issuer.name}",
        f"Jurisdiction of Incorporation/Organization{sep}{issuer.jurisdiction}",
        f"Entity Type{sep}{_box(True, style)} {issuer.entity_type}",
        f"Year of Incorporation/Organization{sep}{_box(bool(issuer.year), style)} Within Last Five Years"
        f" (Specify Year) {issuer.year}",
        "2. Principal Place of Business and Contact Information",
        f"Street Address 1{sep}{issuer.street}",
        f"City{sep}{issuer.city}{sep}State/Province/Country{sep}{issuer.state}{sep}ZIP/PostalCode{sep}{issuer.zip_code}",
        f"Phone Number of Issuer{sep}{issuer.phone}",
        "3. Related Persons",
        f"Last Name{sep}First Name{sep}Middle Name",
        f"{last}{sep}{first}",
        f"Relationship: {_box(True, style)} Executive Officer {_box(False, style)} Director"
        f" {_box(False, style)} Promoter",
        "4. Industry Group",
        rng.choice(
            ("Pooled Investment Fund", "Other Technology", "Biotechnology", "Commercial", "Oil and Gas")
        ),
        "5. Issuer Size",
        "6. Federal Exemptions and Exclusions Claimed (select all that apply)",
        f"{_box(True, style)} Rule 506(b)",
        "7. Type of Filing",
        f"{_box(not amendment, style)} New Notice{sep}Date of First Sale{sep}{first_sale}",
        f"{_box(amendment, style)} Amendment",
        "8. Duration of Offering",
        f"Does the Issuer intend this offering to last more than one year?{sep}Yes{sep}No",
        "9. Type(s) of Securities Offered (select all that apply)",
        f"{_box(True, style)} Equity",
        "13. Offering and Sales Amounts",
        f"Total Offering Amount{sep}${rng.randint(1, 90_000) * 1000:,} USD",
        f"Total Amount Sold{sep}${rng.randint(1, 90_000) * 1000:,} USD",
        "14. Investors",
        "Signature and Submission",
        f"Issuer{sep}Signature{sep}Name of Signer{sep}Title{sep}Date",
        f"{issuer.name}{sep}/s/ {person}{sep}{person}{sep}Chief Executive Officer{sep}{first_sale}",
    ]
    if rng.random() < 0.4:
        lines = [f"**{x}**" if re.match(r"^\d+\. ", x) else x for x in lines]
    return "\n".join(x for x in lines if x), "D/A" if amendment else "D"


def formd_examples(xml_dir: Path, rng: random.Random, limit: int, noise: float) -> list[Example]:
    """Form D and D/A texts from the Form D tables and XML, half paper-era and half electronic wording."""
    xml_issuers, names = read_formd_xml(xml_dir)
    names = names or ["John A. Smith", "Mary Jones"]
    tables = xml_dir / "tables"
    table_issuers = read_formd_tables(tables, rng, limit) if tables.is_dir() else []
    out: list[Example] = []
    for issuer in xml_issuers + table_issuers:
        amendment = issuer.submission_type == "D/A"
        person = rng.choice(names)
        render = render_formd_paper if rng.random() < 0.5 else render_formd_electronic
        text, label = render(issuer, amendment, person, rng)
        out.append(
            Example(ocr_noise(text, rng, rng.uniform(0.0, noise)), label, "formd:" + issuer.cik, "formd")
        )
    return out


# --------------------------------------------------------------------------- unknown


def prose_files(site_packages: list[Path], limit: int) -> list[Path]:
    """README / licence / docs text files shipped with installed packages, at most ``limit`` of them."""
    found: list[Path] = []
    for root in site_packages:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            name = path.name.upper()
            is_prose = path.suffix.lower() in PROSE_SUFFIXES or name.startswith(
                ("LICENSE", "LICENCE", "README")
            )
            if is_prose and path.is_file() and 300 < path.stat().st_size < 400_000:
                found.append(path)
    return found[:limit]


def _package_of(path: Path) -> str:
    parts = path.parts
    return parts[parts.index("site-packages") + 1] if "site-packages" in parts else path.parent.name


def text_chunks(text: str, rng: random.Random) -> Iterator[str]:
    """Chunks of 400-3500 characters of ``text``, with random gaps between them."""
    pos = 0
    while pos < len(text):
        size = rng.randint(*PROSE_CHUNK)
        chunk = text[pos : pos + size]
        if len(chunk.strip()) > 200:
            yield chunk
        pos += size * rng.randint(1, 4)


def prose_examples(site_packages: list[Path], rng: random.Random, limit: int) -> list[Example]:
    """'unknown' chunks of package prose, grouped by package."""
    out: list[Example] = []
    for path in prose_files(site_packages, MAX_PROSE_FILES):
        text = path.read_text(encoding="utf-8", errors="replace")
        out.extend(
            Example(chunk, "unknown", "pkg:" + _package_of(path), "prose") for chunk in text_chunks(text, rng)
        )
    rng.shuffle(out)
    return out[:limit]


_NEWS = (
    "{name} disclosed in a Form 4 filed with the Securities and Exchange Commission that the director sold "
    "{n} shares at an average price of ${p}. The transaction was reported on a Statement of Changes in "
    "Beneficial Ownership. Analysts said the sale was part of a pre-arranged trading plan.",
    "According to a Form D filed on {d}, {name} raised ${n} in an equity round. The Notice of Exempt "
    "Offering of Securities lists three related persons; the company relied on Rule 506(b) of Regulation D.",
    "Insider trading tracker: {name}. Recent filings include Form 3, Form 4 and Form 5 reports. Click a row "
    "to see the initial statement of beneficial ownership or the annual statement of changes.",
    "How to read a Form 4: Table I lists non-derivative securities acquired, disposed of, or beneficially "
    "owned; Table II lists derivative securities. Box 4, If Amendment, Date Original Filed, is blank unless "
    "the filing amends an earlier one.",
    "FORM 8-K\nCURRENT REPORT\nPursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934\n"
    "Date of Report (Date of earliest event reported): {d}\n{name}\n(Exact name of registrant as specified "
    "in its charter)\nItem 5.02 Departure of Directors or Certain Officers.",
    "FORM 144\nNOTICE OF PROPOSED SALE OF SECURITIES PURSUANT TO RULE 144 UNDER THE SECURITIES ACT OF 1933\n"
    "1(a) NAME OF ISSUER {name}\n(b) IRS IDENT. NO.\n2(a) NAME OF PERSON FOR WHOSE ACCOUNT THE "
    "SECURITIES ARE TO BE SOLD\nOMB APPROVAL\nOMB Number: 3235-0101",
    "SCHEDULE 13D\nUnder the Securities Exchange Act of 1934\n{name}\n(Name of Issuer)\nCommon Stock\n(Title "
    "of Class of Securities)\n1. Names of Reporting Persons\n11. Aggregate Amount Beneficially Owned by Each "
    "Reporting Person {n}",
    "FORM 10-K\nANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934\n"
    "For the fiscal year ended {d}\n{name}\n"
    "Item 12. Security Ownership of Certain Beneficial Owners and Management",
)


def tricky_negatives(rng: random.Random, n: int, names: list[str]) -> list[Example]:
    """News and other-form texts that mention Form 4 / Form D wording but are none of our forms."""
    out = []
    for i in range(n):
        template = _NEWS[i % len(_NEWS)]
        text = template.format(
            name=rng.choice(names),
            n=f"{rng.randint(1, 900) * 1000:,}",
            p=f"{rng.uniform(1, 300):.2f}",
            d=f"{rng.choice(('March', 'June', 'October'))} {rng.randint(1, 28)}, {rng.randint(2004, 2024)}",
        )
        out.append(Example(ocr_noise(text, rng, 0.01), "unknown", f"news:{i % len(_NEWS)}", "tricky"))
    return out


# --------------------------------------------------------------------------- all together


def site_packages_dirs() -> list[Path]:
    """The site-packages directories of the running interpreter."""
    return [Path(p) for p in sys.path if p.endswith("site-packages")]


def build_dataset(shared: Path, *, seed: int = 0, quick: bool = False) -> list[Example]:
    """Every labelled example (dev docs, synthetic ownership forms, Form D renderings, unknown texts)."""
    rng = random.Random(seed)
    dev = load_dev_examples(shared / "data" / "dev" / "docs", shared / "data" / "dev" / "gold")
    if quick:
        dev = dev[::6]
    variants = ownership_variants(dev, rng, per_doc=1)
    n_formd = 60 if quick else 500
    formd = formd_examples(shared / "data" / "xml" / "formd", rng, n_formd, noise=0.02)
    xml_issuers, people = read_formd_xml(shared / "data" / "xml" / "formd")
    names = [i.name for i in xml_issuers if i.name] + people or ["Acme Corp"]
    unknown = prose_examples(site_packages_dirs(), rng, 80 if quick else 500)
    tricky = tricky_negatives(rng, 16 if quick else 80, names)
    return dev + variants + formd + unknown + tricky
