"""Header part of Forms 3/4/5: dates, issuer, reporting owners, footnotes, remarks, signatures.

Rule- and layout-based. ``extract_header(nt)`` reads ``nt.text`` and returns a ``HeaderResult`` whose
values each carry a ``[start, end)`` span into ``nt.text`` (``spans``, keyed by field path such as
``"issuer.name"`` or ``"reporting_owners[0].city"``), so the spans can later serve as NER labels.

Layouts: w3m and pdf_layout print form boxes side by side on one line (values are cut by the column of
their box label); OCR prints them single-spaced in reading order (values are found by reading on from
the label, bounded by the next section); tabbed and markdown dumps put label and value in one cell or
on consecutive lines. The form's box numbers differ: Form 4 "3. Date of Earliest Transaction" /
"2. Issuer Name", Form 3 "2. Date of Event Requiring Statement" / "3. Issuer Name"; labels are matched
by their words, never by their numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.assemble.ownership_header_owners import (
    REL_KEYS,
    OwnerFound,
    box1_owner,
    header_officer_title,
    relationship_marks,
    split_side_text,
    table_officer_title,
    table_owners,
    trust_column_marks,
)
from extractor.assemble.ownership_header_sections import (
    Found,
    extract_footnotes,
    extract_remarks,
    extract_signatures,
)
from extractor.assemble.ownership_header_text import (
    DATE_RE,
    Line,
    chunks,
    collapse,
    find_line,
    split_lines,
)
from extractor.assemble.values import parse_date, state_code
from extractor.ingest import NormalisedText
from extractor.layout.sections import TABLE_I, TABLE_II, label_of
from extractor.records import Footnote, Issuer, ReportingOwner, Signature

_HEADER_END = re.compile(r"Table I\b|^\s{0,8}1\s?\.\s?Title of Security", re.I)
_PERIOD_LABEL = re.compile(r"Date of Earliest Transaction|Date of Event Requiring", re.I)
_AMEND_LABEL = re.compile(r"If Amendment,?\s{0,3}Date", re.I)
_ANY_DATE_LABEL = re.compile(
    r"Date of Earliest Transaction|Date of Event Requiring|If Amendment,?\s{0,3}Date", re.I
)
_ISSUER_LABEL = re.compile(r"Issuer Name and Ticker", re.I)
_ISSUER_LABEL_PREFIX = re.compile(
    r"^.{0,120}?(?:Trading\s{1,3}Symbol|\(Month/Day/Year\)|Requiring\s{1,3}Statement|Statement)\s{0,8}", re.I
)
# "Block, Inc. [SQ]"; the symbol may be empty or "NONE"; bounded to one line.
_TICKER = re.compile(r"\[\s{0,3}([A-Za-z0-9.\-/ ]{0,12}?)\s{0,3}\]")
_COLUMN_SLACK = 6  # w3m/pdf_layout start a value up to a few columns left of its box label


@dataclass
class HeaderResult:
    """The header fields of one Form 3/4/5 with spans, confidences and warnings."""

    period_of_report: str | None = None
    date_of_original_submission: str | None = None
    issuer: Issuer = field(default_factory=Issuer)
    reporting_owners: list[ReportingOwner] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    remarks: str | None = None
    signatures: list[Signature] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def put(self, path: str, found: Found | None, confidence: float) -> None:
        """Record the span and confidence of a value found at ``path``."""
        if found is not None:
            self.spans[path] = (found.start, found.end)
            self.confidence[path] = confidence


def extract_header(nt: NormalisedText) -> HeaderResult:
    """Header fields of a Form 3/4/5 text (see module docstring)."""
    text = nt.text
    lines = split_lines(text)
    res = HeaderResult()
    stop = find_line(lines, _HEADER_END)
    stop = stop if stop >= 0 else min(len(lines), 80)

    period = _date_after_label(lines, stop, _PERIOD_LABEL, exclude=None)
    if period is not None:
        res.period_of_report = period.value
        res.put("period_of_report", period, 0.95)
    amend = _date_after_label(lines, stop, _AMEND_LABEL, exclude=period)
    if amend is None and period is not None:
        amend = _amendment_date_out_of_place(lines, stop, period)
    if amend is not None:
        res.date_of_original_submission = amend.value
        res.put("date_of_original_submission", amend, 0.85)
    if period is None and find_line(lines, _PERIOD_LABEL, 0, stop + 1) < 0:
        # OCR garbled the label itself ("2. Date of Event Requiring Statement" read as "quontieayveny
        # ne Statement"): the header's first date, printed in box 2 or 3, is the period, unless it is
        # the amendment's date.
        period = _scan_dates(lines, 0, 0, min(stop + 1, len(lines)), None, amend)
        if period is not None:
            res.period_of_report = period.value
            res.put("period_of_report", period, 0.6)

    owners = table_owners(lines)
    box1 = box1_owner(lines, stop)
    if not owners and box1 is not None:
        owners = [box1]
        res.warnings.append("reporting owner read from header box 1 (no Reporting Owners table)")

    # The owners-table row's side text ("Avery Kathy F Chief Executive Officer") is split off first: the
    # issuer reader strips the owner's name from a single-spaced OCR box-1/box-2 line and needs it clean.
    for owner in owners:
        split_side_text(owner, text)
    issuer_name, ticker = _issuer(lines, stop, owners[0].name.value if owners and owners[0].name else None)
    res.issuer = Issuer(
        name=issuer_name.value if issuer_name else None, trading_symbol=ticker.value if ticker else None
    )
    res.put("issuer.name", issuer_name, 0.9)
    res.put("issuer.trading_symbol", ticker, 0.95)

    marks, mark_at = relationship_marks(lines, stop + 1 if stop < len(lines) else len(lines))
    if len(owners) == 1:
        _marks_from_count(marks, mark_at, owners[0].mark_count)
    else:
        trust_column_marks(owners, marks)
    if len(owners) == 1 and owners[0].officer_title is None and marks.get("is_officer") is not False:
        owners[0].officer_title = header_officer_title(lines, stop)
    if len(owners) == 1 and owners[0].officer_title is None and marks.get("is_officer"):
        owners[0].officer_title = table_officer_title(lines, owners[0])
    for i, owner in enumerate(owners):
        res.reporting_owners.append(_owner_record(res, i, owner, marks, mark_at))

    for fn in extract_footnotes(lines):
        k = len(res.footnotes)
        res.footnotes.append(Footnote(id=fn.id, text=fn.text))
        res.put(f"footnotes[{k}].text", Found(fn.text, fn.start, fn.end), 0.85)
    remarks = extract_remarks(lines)
    if remarks is not None:
        res.remarks = remarks.value
        res.put("remarks", remarks, 0.8)
    for k, sig in enumerate(extract_signatures(lines)):
        res.signatures.append(
            Signature(name=sig.name.value if sig.name else None, date=sig.date.value if sig.date else None)
        )
        res.put(f"signatures[{k}].name", sig.name, 0.85)
        res.put(f"signatures[{k}].date", sig.date, 0.95)
    return res


def _marks_from_count(marks: dict[str, bool | None], mark_at: dict[str, int], count: int) -> None:
    """OCR lost a relationship label in the header ("x Direct" with "10% Owner" gone), so that box
    reads unmarked; the single-spaced Reporting Owners table still shows how many boxes are marked
    ("2800 SAND HILL ROAD xX X"). When the missing marks are exactly the boxes whose label was not
    found, those boxes are marked."""
    unseen = [k for k in REL_KEYS if k not in mark_at]
    missing = count - sum(1 for v in marks.values() if v)
    if unseen and missing == len(unseen) and count <= len(REL_KEYS):
        for key in unseen:
            marks[key] = True


def _owner_record(
    res: HeaderResult, i: int, owner: OwnerFound, marks: dict[str, bool | None], mark_at: dict[str, int]
) -> ReportingOwner:
    p = f"reporting_owners[{i}]"
    rec = ReportingOwner()
    for key in ("name", "street1", "street2", "city", "zip_code"):
        found: Found | None = getattr(owner, key)
        if found is not None:
            setattr(rec, key, found.value)
            res.put(f"{p}.{key}", found, 0.9)
    if owner.state is not None:
        rec.state = state_code(owner.state.value) or owner.state.value
        res.put(f"{p}.state", owner.state, 0.9 if state_code(owner.state.value) else 0.5)
    # Header box marks describe the filer; the table's own marks (tabbed text only) win per owner.
    # A co-filer (i > 0) whose table row marks a box has its relationships there: box 5 (the first
    # owner's) must not add a Director mark to a fund that is only a 10% owner.
    own_row = i > 0 and any(owner.marks.values())
    for key in REL_KEYS:
        value = owner.marks.get(key)
        if value is None and not own_row:
            value = marks.get(key)
            if value is not None and key in mark_at:
                res.spans[f"{p}.{key}"] = (mark_at[key], mark_at[key] + 1)
                res.confidence[f"{p}.{key}"] = 0.9 if i == 0 else 0.6
        setattr(rec, key, value)
    if owner.marks and any(owner.marks.values()):
        for key in REL_KEYS:
            if getattr(rec, key) is None:
                setattr(rec, key, False)
    if owner.officer_title is not None:
        rec.officer_title = owner.officer_title.value
        res.put(f"{p}.officer_title", owner.officer_title, 0.7)
    if owner.other_text is not None:
        rec.other_text = owner.other_text.value
        res.put(f"{p}.other_text", owner.other_text, 0.6)
    return rec


def _label_chunk(line: Line, m: re.Match[str]) -> tuple[int, bool]:
    """Column where the label's cell starts, and whether the line is laid out in columns."""
    cells = chunks(line)
    for ch in cells:
        if ch.col <= m.start() < ch.col + len(ch.text):
            return ch.col, len(cells) > 1 and "\t" not in line.text
    return m.start(), False


def _date_after_label(
    lines: list[Line], stop: int, label: re.Pattern[str], exclude: Found | None
) -> Found | None:
    """First date after ``label``: in the label's column when the line is columnar, else in reading order."""
    li = find_line(lines, label, 0, stop + 1)
    if li < 0:
        return None
    m = label.search(lines[li].text)
    if m is None:
        return None
    col, columnar = _label_chunk(lines[li], m)
    last = min(stop + 1, li + 12, len(lines))
    found = _scan_dates(lines, li, m.end(), last, col if columnar else None, exclude)
    if found is None and columnar:
        # a long box-1 street can push the date out of its column ("... 1555 BLAKE 11/30/2020"):
        # read on in reading order, but only up to the next label line of the header
        nxt = find_line(lines, _ANY_DATE_LABEL, li + 1, stop + 1)
        found = _scan_dates(lines, li, m.end(), nxt if nxt >= 0 else min(stop + 1, li + 6), None, exclude)
    return found


def _scan_dates(
    lines: list[Line], li: int, from_col: int, last: int, col: int | None, exclude: Found | None
) -> Found | None:
    """First valid date in ``lines[li:last]`` (from ``from_col`` on the first), near ``col`` if given.
    ``last`` may pass the text's end (a page cut off below a date label): the scan stops there."""
    for j in range(li, min(last, len(lines))):
        line = lines[j]
        for d in DATE_RE.finditer(line.text, from_col if j == li else 0):
            start = line.start + d.start()
            if exclude is not None and exclude.start == start:
                continue
            if col is not None and j != li and abs(d.start() - col) > _COLUMN_SLACK:
                continue
            iso = parse_date(d.group(0)) or _month_misread(d)
            if iso:
                return Found(iso, start, line.start + d.end())
    return None


def _amendment_date_out_of_place(lines: list[Line], stop: int, period: Found) -> Found | None:
    """Plain pdftotext prints the header values in content-stream order, far from their labels
    (box 3's date above box 4's label, box 4's date after "(State)" / "6. Individual ..."). With
    nothing near the amendment label, the first header date after that label that is not the
    period's value is box 4's; a header with one date has no amendment date."""
    li = find_line(lines, _AMEND_LABEL, 0, stop + 1)
    if li < 0:
        return None
    for line in lines[li + 1 : min(stop, len(lines))]:
        if label_of(line) in (TABLE_I, TABLE_II):
            break  # OCR's "Table | -" is not ``_HEADER_END``: without this the rows' dates would be read
        for d in DATE_RE.finditer(line.text):
            iso = parse_date(d.group(0))
            if iso and iso != period.value and line.start + d.start() != period.start:
                return Found(iso, line.start + d.start(), line.start + d.end())
    return None


def _month_misread(d: re.Match[str]) -> str | None:
    """OCR reads a month's leading "0" as "9", "8" or "6" ("98/25/2022"): no month starts so."""
    month = d.group(1)
    if len(month) != 2 or month[0] not in "689":
        return None
    return parse_date(f"0{month[1]}/{d.group(2)}/{d.group(3)}")


def _issuer(lines: list[Line], stop: int, owner_name: str | None) -> tuple[Found | None, Found | None]:
    """Issuer name and trading symbol from "NAME [SYMBOL]" after the issuer label."""
    li = find_line(lines, _ISSUER_LABEL, 0, stop + 1)
    if li < 0:
        return None, None
    m0 = _ISSUER_LABEL.search(lines[li].text)
    if m0 is None:
        return None, None
    for j in range(li, min(stop + 1, li + 8, len(lines))):
        line = lines[j]
        for t in _TICKER.finditer(line.text, m0.start() if j == li else 0):
            sym = t.group(1).strip()
            after = line.text[t.end() : t.end() + 12]
            if sym.upper() == "X" and re.match(r"\s{0,3}(?:Director|Officer|1[0O]%|Other)", after):
                continue  # "[X] Director" is a checkbox, not a ticker
            return _issuer_name(line, t.start(), owner_name), (
                Found(sym, line.start + t.start(1), line.start + t.end(1)) if sym else None
            )
    found = _issuer_before_label(lines, li)
    if found[0] is None:
        found = _issuer_after_label(lines, li, stop)
    return found


# "XOOM Corp [XOOM]" alone on its line
_ISSUER_LINE = re.compile(
    r"^\s{0,8}(?P<name>[^\[\]\s][^\[\]]{0,80}?)\s{0,3}\[\s{0,3}(?P<sym>[A-Z0-9][A-Z0-9.\-/]{0,9})\s{0,3}\]\s{0,8}$"
)


def _issuer_before_label(lines: list[Line], li: int) -> tuple[Found | None, Found | None]:
    """Plain pdftotext may print box 3's value before its label (Form 3: ``XOOM Corp [XOOM]`` /
    ``4. Relationship ...`` / ... / ``3. Issuer Name and Ticker``): the nearest line above the
    label that is a whole "NAME [SYMBOL]" value, never a checkbox ("[X] Director")."""
    for line in reversed(lines[max(0, li - 30) : li]):
        found = _issuer_line(line, symbol_letter=False)
        if found is not None:
            return found
    return None, None


def _issuer_line(line: Line, *, symbol_letter: bool) -> tuple[Found, Found] | None:
    """The line as a whole "NAME [SYMBOL]" value, never a checkbox ("[X] Director"); with
    ``symbol_letter`` the symbol must hold a letter too (no footnote mark such as "[1]")."""
    m = _ISSUER_LINE.match(line.text)
    if m is None or m.group("sym") == "X" or not re.search(r"[A-Za-z]{2}", m.group("name")):
        return None
    if symbol_letter and not re.search(r"[A-Z]", m.group("sym")):
        return None
    name = m.group("name").rstrip()
    return (
        Found(collapse(name), line.start + m.start("name"), line.start + m.start("name") + len(name)),
        Found(m.group("sym"), line.start + m.start("sym"), line.start + m.end("sym")),
    )


# Plain pdftotext prints the header boxes in content-stream order, so box 2's value may come many lines
# after its label, past boxes 3-5 (seen on EDGAR-shaped pages of issuers no dev filing has).
AFTER_LABEL_LINES = 40


def _issuer_after_label(lines: list[Line], li: int, stop: int) -> tuple[Found | None, Found | None]:
    """The first line below the label (within the header) that is a whole "NAME [SYMBOL]" value whose
    symbol has a letter: never a checkbox ("[X]") or a footnote mark ("[1]")."""
    for line in lines[li + 1 : min(stop + 1, li + 1 + AFTER_LABEL_LINES, len(lines))]:
        found = _issuer_line(line, symbol_letter=True)
        if found is not None:
            return found
    return None, None


def _issuer_name(line: Line, bracket: int, owner_name: str | None) -> Found | None:
    cell_start = 0
    for ch in chunks(line):
        if ch.col <= bracket < ch.col + len(ch.text) + 1:
            cell_start = ch.col
    # the bracket may sit in its own cell ("Block, Inc.  [SQ]"): take the previous cell too
    raw = line.text[cell_start:bracket]
    if not raw.strip():
        prev = [ch for ch in chunks(line) if ch.col + len(ch.text) <= bracket]
        if prev:
            cell_start = prev[-1].col
            raw = line.text[cell_start:bracket]
    offset = cell_start
    lm = _ISSUER_LABEL_PREFIX.match(raw)
    if lm and (_ISSUER_LABEL.search(line.text) or "Month/Day/Year" in lm.group(0)):
        offset += lm.end()
        raw = raw[lm.end() :]
    k = _owner_prefix(raw, owner_name) if owner_name else 0
    if k:
        # single-spaced OCR: "BOTHA ROELOF Eventbrite, Inc. [EB]" (box 1 and box 2 on one line)
        offset += k
        raw = raw[k:]
    dm = _LEADING_DATE.match(raw)
    if dm:
        # Form 3 prints box 2 (date of event) between the owner and the issuer; on a single-spaced
        # OCR line it opens the issuer's cell ("Hurley Chad 08/23/2018 Megalith Financial ...").
        offset += dm.end()
        raw = raw[dm.end() :]
    lead = len(raw) - len(raw.lstrip())
    value = collapse(raw)
    if not value:
        return None
    return Found(value, line.start + offset + lead, line.start + offset + len(raw.rstrip()))


_LEADING_DATE = re.compile(r"\s{0,8}\d{1,2}/\d{1,2}/\d{2,4}\s")


def _owner_prefix(raw: str, owner_name: str) -> int:
    """Offset in ``raw`` just after a leading copy of ``owner_name`` that ends at a word boundary, or 0.
    Spaces are ignored in the comparison: OCR glues or splits a middle initial ("SMITH DEEDRAB" for
    "SMITH DEEDRA B"), and the owners table and box 1 need not be read the same way."""
    want = "".join(owner_name.split()).upper()
    got = 0
    for pos, ch in enumerate(raw):
        if ch.isspace():
            continue
        if got >= len(want) or ch.upper() != want[got]:
            return 0
        got += 1
        if got == len(want):
            end = pos + 1
            if end < len(raw) and not raw[end].isspace():
                return 0  # "SMITH DEEDRABC": the name goes on, it is not this owner
            return end if raw[end:].strip() else 0  # nothing after it: no issuer would be left
    return 0
