"""Reporting owners of Forms 3/4/5: the "Reporting Owners" table, header box 1 and the relationship box.

The "Reporting Owners" table at the end of the form prints each owner as name / street1 / street2 /
"CITY, ST ZIP" lines in the left column and the relationship marks (and officer title) in the
Director / 10% Owner / Officer / Other columns; it is the cleanest source of the street1/street2
split (header box 1 joins the two streets and re-wraps them). Traps:

* w3m / pdf_layout put the ``X`` on the address lines, or on a line of its own between them;
  single-spaced OCR appends it to an address line ("2800 SAND HILL ROAD, SUITE 101 xX X").
* pdf_layout centres the ``X`` in a cell wider than its header word, so table columns are only
  trusted for tabbed text; the header's relationship box (box 5, Form 3 box 4) marks come first.
* a box is ``False`` only when a sibling box is marked (SCHEMA.md): unmarked-and-alone is ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.assemble.ownership_header_sections import Found
from extractor.assemble.ownership_header_text import (
    DATE_RE,
    MAX_LABEL_COL,
    Chunk,
    Line,
    chunks,
    collapse,
    find_line,
)
from extractor.assemble.values import is_checked_mark, state_code

# Printed width of each relationship label ("Director", "10% Owner", "Officer", "Other").
_LABEL_WIDTH = {"is_director": 8, "is_ten_percent_owner": 9, "is_officer": 7, "is_other": 5}
_TABLE_HEAD = re.compile(r"Reporting\s{0,3}Owner\s{0,3}Name\s{0,3}/\s{0,3}Address", re.I)
_REL_HEAD = re.compile(r"Director.{0,40}?(?:Owner|Officer)", re.I)
_TABLE_END = re.compile(r"^\W{0,4}(?:Signatures?\s*$|Explanation of Responses)|Signature\s{0,3}of", re.I)
# "MENLO PARK, CA 94025", "NEW YORK NY 10022-1234", OCR "MENLO PARK, CA 9402 5"
# foreign: "VANCOUVER, A1 V5Y 0A1" (EDGAR country codes such as A1 stand in the state slot)
_CSZ = re.compile(
    r"^(?P<city>[^,]{1,60}?,??),?\s{1,4}(?P<state>[A-Z][A-Z0-9])\.?\s{1,4}"
    r"(?P<zip>(?=[A-Z0-9 -]{0,8}\d)[A-Z0-9][A-Z0-9 -]{2,10}[A-Z0-9])$"
)
# single-spaced OCR appends the relationship marks, or their debris ("xs", "|", "*"), to a line
_TRAILING_MARKS = re.compile(
    r"(?:\s{0,8}[|*»~_]|\s{1,8}(?:[xX×]{1,3}\]?|[a-z]{1,2}))(?:\s{0,8}[|*»~_]|\s{1,8}(?:[xX×]{1,3}\]?|[a-z]{1,2}|\d))*$"
)
_X_MARK = re.compile(r"(?<!\w)[xX×]{1,3}(?!\w)")
_TABLE_WORDS = re.compile(
    r"^[\W_\d]{0,6}(?:(?:Relationships?|Director|1[0O]\s?%(?:\s?Owner)?|Owner|Officer|Other|Reporting\s{0,3}Owners?"
    r"(?:\s{0,3}Name\s{0,3}/\s{0,3}Address)?)[\W_\d]{0,6}){1,6}$",
    re.I,
)
# Table II's last cells that plain pdftotext prints inside the owners table ("(6)" / "See" /
# "Footnote (11)" before the owner's name): never an owner's name or street
_TABLE_CELL_DEBRIS = re.compile(
    r"^(?:\(\d{1,2}\)\s{0,3}){1,4}$|^(?:See\s{1,3})?(?:Footnotes?|See)(?:\s{0,3}\(\d{1,2}\)){0,4}$"
)
# Words of the Table I/II column captions (SEC 1474 / 1473), which plain pdftotext may print inside the
# owners table ("9. Number of" / "Derivative" / "Securities" / ... / "(Instr. 4)" before the owner's
# name). A line of these words only (with box numbers and punctuation) is never a name or a street.
_CAPTION_WORDS = frozenset(
    """title of derivative security securities conversion or exercise price transaction transactions
    date deemed execution if any month day year code instr number acquired disposed and expiration
    exercisable amount underlying beneficially owned following reported ownership form direct
    indirect nature beneficial shares the a d i v s""".split()  # noqa: SIM905 (a word list reads better)
)
_CAPTION_TOKEN = re.compile(r"[A-Za-z]+")
_BOX_NUMBER = re.compile(r"^(?:\d{1,2}[A-Z]?\.|\*{1,3})$")  # "10." (its words on the next lines), "**"
# A Table II cell printed there too: "$ 95", "$ (1)", "D", "I".
_VALUE_DEBRIS = re.compile(r"^(?:\$\s{0,3}[\d.,]{0,14}(?:\s{0,3}\(\d{1,2}\)){0,3}|[DI])$")
_MARK_TOKEN = re.compile(r"^[_\[(|{]{0,8}[xX×✓✔☒][xX]?[_\])|}]{0,8}$")
_BLANK_TOKEN = re.compile(r"^(?:_{1,12}|\[\s?\]|\|_\|)$")

REL_KEYS = ("is_director", "is_ten_percent_owner", "is_officer", "is_other")
# Labels of the relationship box; OCR damages "10%" ("1O%", "10 %").
_REL_LABELS = {
    "is_director": re.compile(r"Direct(?:or|er|o)?\b(?!\s{0,3}\(\s?D\s?\))"),  # OCR: "x Direct"
    "is_ten_percent_owner": re.compile(r"1[0O]\s?%\s?Owner", re.I),
    "is_officer": re.compile(r"Officer\s{0,3}\(\s?give", re.I),
    "is_other": re.compile(r"Other\s{0,3}\(\s?specify", re.I),
}


@dataclass
class OwnerFound:
    """One reporting owner as read from the text; every value carries its span."""

    name: Found | None = None
    street1: Found | None = None
    street2: Found | None = None
    city: Found | None = None
    state: Found | None = None
    zip_code: Found | None = None
    marks: dict[str, bool] = field(default_factory=dict)
    officer_title: Found | None = None
    other_text: Found | None = None
    # single-spaced OCR tables: how many "X" marks trail the owner's address lines (columns unknown)
    mark_count: int = 0
    # fixed-width tables of co-filers: marks by the column of the nearest label, to be trusted only
    # when the first owner's agree with header box 5 (``trust_column_marks``)
    column_marks: dict[str, bool] = field(default_factory=dict)
    column_text: dict[str, Found] = field(default_factory=dict)  # title / description by column


def relationship_marks(lines: list[Line], stop: int) -> tuple[dict[str, bool | None], dict[str, int]]:
    """Marks of the header relationship box in ``lines[:stop]``: key -> True / False / None, and spans.

    The mark is the token right before the label ("__X__ Director", "[X] Director", "X Director").
    """
    marks: dict[str, bool | None] = {}
    where: dict[str, int] = {}
    for key, label in _REL_LABELS.items():
        for line in lines[:stop]:
            if _TABLE_HEAD.search(line.text):
                break
            m = label.search(line.text, 0, MAX_LABEL_COL)
            if m is None:
                continue
            before = line.text[max(0, m.start() - 14) : m.start()].rstrip()
            token = before.split()[-1] if before.split() else ""
            if _MARK_TOKEN.match(token) or (token and is_checked_mark(token)):
                marks[key] = True
                where[key] = line.start + m.start() - 1
            else:
                marks.setdefault(key, None)
                where.setdefault(key, line.start + m.start())
            break
    if any(v for v in marks.values()):
        # The form always prints all four boxes: once one is marked, the others (even those whose
        # OCR-damaged label was not found, e.g. "10% O1") are unmarked.
        marks = {k: bool(marks.get(k)) for k in REL_KEYS}
    return marks, where


def table_owners(lines: list[Line]) -> list[OwnerFound]:
    """Owners of the "Reporting Owners" table (empty when the form has none)."""
    head = find_line(lines, _TABLE_HEAD)
    if head < 0:
        return []
    rel = find_line(lines, _REL_HEAD, head, head + 7)
    rel_cols = _rel_columns(lines[rel]) if rel >= 0 else {}
    body_from = (rel if rel >= 0 else head) + 1
    end = find_line(lines, _TABLE_END, body_from)
    end = end if end >= 0 else min(len(lines), body_from + 40)
    tabbed = rel >= 0 and "\t" in lines[rel].text
    # Columns only when the header words are spread out (w3m / pdf_layout); single-spaced OCR prints
    # "Director] 10% Owner] Officer} Other" as one run and appends marks to the address lines.
    # (pdf_layout prints the header words single-spaced but indented to the relationship columns).
    columnar = rel >= 0 and not tabbed and min(rel_cols.values(), default=0) > 8
    left_limit = min(rel_cols.values()) - 2 if columnar else None
    addr: list[tuple[Line, Chunk]] = []
    side: list[tuple[int, Chunk]] = []  # (index in addr at the time, relationship-column chunk)
    marks_seen = 0
    for line in lines[body_from:end]:
        if _TABLE_WORDS.match(line.text.strip()):
            continue  # OCR may print "Relationships", "Director", ... each on a line of its own
        cells = _cells(line, tabbed)
        if not columnar and not tabbed and cells:
            # single-spaced OCR: the whole line is one cell (stray debris may sit 2 spaces away)
            whole = line.text[cells[0].col : cells[-1].col + len(cells[-1].text)]
            cells = [Chunk(cells[0].col, cells[0].start, whole)]
        for ch in cells:
            is_left = ch.col == 0 if tabbed else (left_limit is None or ch.col < left_limit)
            if is_left:
                if left_limit is None and not tabbed and _MARK_TOKEN.match(ch.text.strip()):
                    # plain pdftotext prints each relationship mark ("X") on a line of its own,
                    # before or after the owner's lines: a mark, never an owner's name or street
                    marks_seen += 1
                    continue
                if not tabbed and is_table_debris(ch.text.strip()):
                    continue
                if left_limit is None and not tabbed:
                    stripped = _strip_ocr_debris(ch)
                    marks_seen += len(_X_MARK.findall(ch.text[stripped.end - ch.start :]))
                    ch = stripped
                if ch.text:
                    addr.append((line, ch))
            else:
                side.append((len(addr), ch))
    owners = _split_owners([c for _, c in addr])
    shifted = False
    if tabbed and rel_cols:
        aligned = _aligned_rel_columns(lines[rel], lines[body_from:end], rel_cols)
        shifted, rel_cols = aligned != rel_cols, aligned
    if tabbed and rel_cols:
        _apply_tab_marks(owners, [c for _, c in addr], side, rel_cols)
        # Inferred columns are a guess: a header box whose marks sit beside their labels wins.
        if shifted and len(owners) == 1 and _box_contradicts(lines, head, owners[0]):
            owners[0].marks = {}
    elif columnar and len(owners) == 1:
        _apply_side_text(owners[0], side, rel_cols)
    elif columnar and rel_cols:
        _apply_column_marks(owners, side, rel_cols)
    elif len(owners) == 1:
        owners[0].mark_count = marks_seen
    return owners


def is_table_debris(text: str) -> bool:
    """Table I/II text that plain pdftotext prints inside the owners table: a cell ("(6)", "See Footnote
    (11)", "$ 95", "D") or a column caption ("6. Nature of Indirect", "Beneficial Ownership",
    "(Instr. 5)")."""
    if _TABLE_CELL_DEBRIS.match(text) or _VALUE_DEBRIS.match(text) or _BOX_NUMBER.match(text):
        return True
    words = _CAPTION_TOKEN.findall(text)
    return bool(words) and all(w.lower() in _CAPTION_WORDS for w in words) and not re.search(r"\d{3}", text)


def _strip_ocr_debris(ch: Chunk) -> Chunk:
    """Drop leading pipes and trailing mark debris of a single-spaced OCR line, keeping the offset."""
    text = ch.text
    lead = len(text) - len(text.lstrip("|[ "))
    text = text[lead:]
    m = _TRAILING_MARKS.search(text)
    if m and m.start() > 0:
        text = text[: m.start()]
    return Chunk(ch.col + lead, ch.start + lead, text.rstrip())


def _apply_side_text(owner: OwnerFound, side: list[tuple[int, Chunk]], rel_cols: dict[str, int]) -> None:
    """Words (not marks) in the relationship columns: the officer title or the "other" text.

    Columns are approximate in pdf_layout, so the text goes to whichever of Officer / Other starts
    nearer; marks themselves are left to the header box.
    """
    for _, ch in side:
        if _MARK_TOKEN.match(ch.text) or is_checked_mark(ch.text) or not re.search(r"[A-Za-z]{2}", ch.text):
            continue
        officer, other = rel_cols.get("is_officer"), rel_cols.get("is_other")
        if officer is None:
            continue
        if other is not None and abs(ch.col - other) < abs(ch.col - officer):
            owner.other_text = owner.other_text or _found(ch)
        else:
            owner.officer_title = owner.officer_title or _found(ch)


def _cells(line: Line, tabbed: bool) -> list[Chunk]:
    if not tabbed:
        return chunks(line)
    out = []
    pos = 0
    for idx, cell in enumerate(line.text.split("\t")):
        s = cell.strip()
        if s:
            out.append(Chunk(idx, line.start + pos + cell.index(s), s))
        pos += len(cell) + 1
    return out


def _rel_columns(line: Line) -> dict[str, int]:
    """Column (or tab index) of each relationship header word."""
    text = line.text
    words = {
        "is_director": r"Director",
        "is_ten_percent_owner": r"1[0O]\s?%",
        "is_officer": r"Officer",
        "is_other": r"Other",
    }
    out: dict[str, int] = {}
    for key, pat in words.items():
        m = re.search(pat, text)
        if m:
            out[key] = text.count("\t", 0, m.start()) if "\t" in text else m.start()
    return out


def _aligned_rel_columns(header: Line, body: list[Line], rel_cols: dict[str, int]) -> dict[str, int]:
    """Tab indexes of the relationship labels as columns of the owner rows, or ``{}`` if unknown.

    Column 0 of a tabbed table is the owner's name/address, so a label at index 0 means the header
    row lost leading cells: HTML's ``<th rowspan=2>Reporting Owner Name / Address</th>`` leaves the
    "Director / 10% Owner / ..." row one cell short unless the converter inserts a placeholder, and
    reading the marks by raw index would shift every mark one box right (a director becomes a 10%
    owner). The rows still end together, so the shift is the owner rows' cell count minus the
    header's, when all rows carrying marks agree on it; otherwise no column is trusted.
    """
    if min(rel_cols.values()) > 0:
        return rel_cols
    widths = {
        line.text.count("\t") for line in body if "\t" in line.text and not _TABLE_WORDS.match(line.text)
    }
    shift = widths.pop() - header.text.count("\t") if len(widths) == 1 else 0
    if shift < 1:
        return {}
    return {key: col + shift for key, col in rel_cols.items()}


def _box_contradicts(lines: list[Line], head: int, owner: OwnerFound) -> bool:
    """True when the header relationship box read all four labels, one marked, and the table's marks
    for the (single) owner differ from it."""
    if not owner.marks:
        return False
    box, where = relationship_marks(lines, head)
    if len(where) < len(REL_KEYS) or not any(box.values()):
        return False
    return any(bool(owner.marks.get(k)) != bool(box.get(k)) for k in REL_KEYS)


def _split_owners(cells: list[Chunk]) -> list[OwnerFound]:
    """Group left-column lines into owners: each owner ends with its "CITY, ST ZIP" line."""
    owners: list[OwnerFound] = []
    block: list[Chunk] = []
    for ch in cells:
        block.append(ch)
        if _CSZ.match(ch.text.strip()):
            owners.append(_owner_from_block(block))
            block = []
    # Lines left after the last owner's city line: a co-filer whose city OCR lost, unless they open
    # with an officer's title (plain pdftotext prints the Officer column's "Chairman, CEO and" /
    # "President" after the address): side text, never an owner.
    if block and (not owners or (len(block) >= 2 and not _TITLE_START.match(block[0].text.strip()))):
        owners.append(_owner_from_block(block))
    return [o for o in owners if o.name is not None]


def _found(ch: Chunk, text: str | None = None, offset: int = 0) -> Found:
    value = text if text is not None else ch.text
    start = ch.start + offset
    return Found(collapse(value), start, start + len(value))


def _owner_from_block(block: list[Chunk]) -> OwnerFound:
    owner = OwnerFound(name=_found(block[0]))
    rest = block[1:]
    if rest:
        m = _CSZ.match(rest[-1].text.strip())
        if m:
            last = rest[-1]
            lead = len(last.text) - len(last.text.lstrip())
            owner.city = _found(last, m.group("city"), lead + m.start("city"))
            owner.state = _found(last, m.group("state"), lead + m.start("state"))
            zip_raw = m.group("zip")
            zf = _found(last, zip_raw, lead + m.start("zip"))
            # OCR splits digits ("9402 5"); a ZIP+4 keeps its hyphen.
            if zip_raw.replace(" ", "").replace("-", "").isdigit():
                zf.value = zip_raw.replace(" ", "")
            owner.zip_code = zf
            rest = rest[:-1]
    streets = rest
    if len(streets) > 2:
        # a wrapped street line: keep the first line as street1, the rest joined as street2
        joined = streets[1:]
        owner.street1 = _found(streets[0])
        owner.street2 = Found(collapse(" ".join(c.text for c in joined)), joined[0].start, joined[-1].end)
    else:
        if streets:
            owner.street1 = _found(streets[0])
        if len(streets) == 2:
            owner.street2 = _found(streets[1])
    return owner


def _apply_tab_marks(
    owners: list[OwnerFound], cells: list[Chunk], side: list[tuple[int, Chunk]], rel_cols: dict[str, int]
) -> None:
    """Tabbed tables: the tab index of a cell names its relationship column."""
    by_col = {v: k for k, v in rel_cols.items()}
    bounds = _owner_bounds(owners)
    for addr_count, ch in side:
        idx = _owner_of(bounds, addr_count)
        if idx < 0:
            continue
        key = by_col.get(ch.col)
        if key is None:
            continue
        if is_checked_mark(ch.text) or _MARK_TOKEN.match(ch.text):
            owners[idx].marks[key] = True
        elif key == "is_officer" and owners[idx].officer_title is None:
            owners[idx].officer_title = _found(ch)
            owners[idx].marks["is_officer"] = True
        elif key == "is_other" and owners[idx].other_text is None:
            owners[idx].other_text = _found(ch)  # "Director by deputization" under "Other"
            owners[idx].marks["is_other"] = True


def _owner_bounds(owners: list[OwnerFound]) -> list[int]:
    """Per owner, the number of address cells read up to and including its own (cells are in order)."""
    bounds: list[int] = []
    n = 0
    for owner in owners:
        n += sum(1 for f in (owner.name, owner.street1, owner.street2, owner.city) if f is not None)
        bounds.append(n)
    return bounds


def _owner_of(bounds: list[int], addr_count: int) -> int:
    """The owner whose address cells a side cell read after ``addr_count`` of them sits beside (the
    last owner past the end; -1 when there is none)."""
    return next((i for i, b in enumerate(bounds) if addr_count <= b), len(bounds) - 1)


def _apply_column_marks(
    owners: list[OwnerFound], side: list[tuple[int, Chunk]], rel_cols: dict[str, int]
) -> None:
    """Fixed-width tables (w3m, ``pdftotext -layout``) of co-filers: each owner's row marks its own
    boxes. A mark belongs to the last relationship label starting at most two characters right of it:
    converters print the X at the start of its cell, one character left of the label or under it
    (w3m: ``Director 10% Owner`` over ``X`` at the column of ``10%`` minus one). Words (an officer's
    title, an "other" description) are centred under their label, so they go to the nearest centre;
    they count as that box's mark."""
    bounds = _owner_bounds(owners)
    labels = sorted(rel_cols.items(), key=lambda kv: kv[1])
    for addr_count, ch in side:
        idx = _owner_of(bounds, addr_count)
        if is_checked_mark(ch.text) or _MARK_TOKEN.match(ch.text):
            key = next((k for k, col in reversed(labels) if col <= ch.col + 2), None)
            if key is not None:
                owners[idx].column_marks[key] = True
            continue
        if not re.search(r"[A-Za-z]{2}", ch.text):
            continue
        centre = ch.col + len(ch.text) / 2
        key = min(labels, key=lambda kv: abs(kv[1] + _LABEL_WIDTH[kv[0]] / 2 - centre))[0]
        if key in ("is_officer", "is_other") and key not in owners[idx].column_text:
            owners[idx].column_text[key] = _found(ch)
            owners[idx].column_marks[key] = True


def trust_column_marks(owners: list[OwnerFound], box: dict[str, bool | None]) -> bool:
    """Give co-filers their fixed-width table marks when the first owner's equal header box 5's.

    Trap: ``pdftotext -layout`` prints the relationship labels single-spaced over wide cells, so a
    mark under the "10% Owner" cell sits below the word "Officer"; w3m prints the marks under their
    labels. Box 5 describes the first owner, so it tells whether the columns read true.
    """
    first = {k for k, v in owners[0].column_marks.items() if v} if owners else set()
    if len(owners) < 2 or not first or first != {k for k, v in box.items() if v}:
        return False
    for owner in owners:
        owner.marks.update(owner.column_marks)
        if owner.officer_title is None and "is_officer" in owner.column_text:
            owner.officer_title = owner.column_text["is_officer"]
        if owner.other_text is None and "is_other" in owner.column_text:
            owner.other_text = owner.column_text["is_other"]
    return True


def box_state(city_line: str) -> str | None:
    """USPS code of a "CITY, ST ZIP" line, else ``None``."""
    m = _CSZ.match(city_line.strip())
    return state_code(m.group("state")) if m else None


_BOX1_LABEL = re.compile(r"Name and Address of Reporting Person", re.I)
_BOX1_MARKER = re.compile(r"\((?:Last|First|Middle|Street|City|State|Zip)\)", re.I)
_NOT_A_VALUE = re.compile(
    r"^\s{0,4}\d\s?\.\s|Date of|Issuer Name|\(Check all|Month/Day/Year|\[[^\]]{0,12}\]|Relationship of", re.I
)
_OFFICER_LABEL_LINE = re.compile(r"^[\s_\[\]Xx]{0,12}Officer\s{0,3}\(\s?give\s{1,3}title", re.I)


def box1_owner(lines: list[Line], stop: int) -> OwnerFound | None:
    """Name and address from header box 1 (used when the form has no Reporting Owners table).

    Columnar text (w3m / pdf_layout): the box is the part of each line left of the next box label.
    Otherwise (markdown, tabbed, OCR): the name is the first value line after the label (or the rest
    of the label cell), the street the first value line after "(Last) (First) (Middle)", and the city
    the first "CITY, ST ZIP" line after "(Street)".
    """
    li = find_line(lines, _BOX1_LABEL, 0, stop + 1)
    if li < 0:
        return None
    label_line = lines[li]
    m = _BOX1_LABEL.search(label_line.text)
    if m is None:
        return None
    right = [ch.col for ch in chunks(label_line) if ch.col > m.end()]
    limit = right[0] - 3 if right and "\t" not in label_line.text else None
    slots: list[list[Found]] = [[], [], []]  # name, street, city lines
    stage = 0
    # the name may share the label's cell: "1. Name and Address of Reporting Person * BUTTERFIELD GREGORY S"
    tail = re.match(r"[\s*^~\\]{0,8}([^\t]{2,80}?)(?:\t|\s{2}|$)", label_line.text[m.end() :])
    named = tail is not None and re.search(r"[A-Za-z]{2}", tail.group(1)) is not None
    if tail and named and limit is None and not _NOT_A_VALUE.search(tail.group(1)):
        start = label_line.start + m.end() + tail.start(1)
        slots[0].append(Found(collapse(tail.group(1)), start, start + len(tail.group(1))))
    for line in lines[li + 1 : stop]:
        marker = _BOX1_MARKER.search(line.text)
        cells = [c for c in chunks(line) if limit is None or c.col < limit]
        for ch in cells[:1] if limit is None else cells:
            t = _BOX1_MARKER.sub("", ch.text).strip()
            if not t or _NOT_A_VALUE.search(t):
                continue
            if limit is None and (slots[stage] or (stage == 2 and not _CSZ.match(t))):
                continue  # reading order: one line per slot; the city slot wants "CITY, ST ZIP"
            slots[stage].append(Found(collapse(t), ch.start, ch.end))
        if marker:
            word = marker.group(0).lower()
            if "street" in word:
                stage = 2
            elif any(w in word for w in ("last", "first", "middle")):
                stage = max(stage, 1)
            else:
                break
    if not slots[0]:
        return None
    owner = OwnerFound(name=_join(slots[0]))
    if slots[1]:
        owner.street1 = _join(slots[1])
    if slots[2]:
        city = _join(slots[2])
        cm = _CSZ.match(city.value)
        if cm:
            owner.city = Found(cm.group("city").rstrip(","), city.start, city.start + len(cm.group("city")))
            owner.state = Found(cm.group("state"), city.start, city.end)
            owner.zip_code = Found(cm.group("zip").replace(" ", ""), city.start, city.end)
    return owner


def header_officer_title(lines: list[Line], stop: int) -> Found | None:
    """Officer title printed under "Officer (give title below)" when box 5 sits on lines of its own."""
    i = find_line(lines, _OFFICER_LABEL_LINE, 0, stop)
    if i < 0:
        return None
    for line in lines[i + 1 : min(stop, i + 3)]:
        t = line.text.strip()
        if not t:
            continue
        # "below)" is the tail of the "(give title below)" caption that OCR printed a line lower
        if (
            _NOT_A_VALUE.search(t)
            or DATE_RE.search(t)
            or _CSZ.match(t)
            or re.search(r"Form filed|\(|below\)", t)
        ):
            return None
        start = line.start + line.text.index(t)
        return Found(collapse(t), start, start + len(t))
    return None


# An officer's title printed on a line of its own: a title word anywhere in it ("VP, Sales",
# "General Counsel", "Chief Strategy & Tech Officer").
_TITLE_WORD = re.compile(
    r"\b(?:Officer|President|Counsel|Secretary|Treasurer|Controller|Chairman|Chair|VP|EVP|SVP|CEO|CFO|"
    r"COO|CTO|Vice|Chief)\b",
    re.I,
)


def table_officer_title(lines: list[Line], owner: OwnerFound) -> Found | None:
    """Plain pdftotext prints an owners-table row's officer title on its own line after the
    relationship labels ("Officer" / "Other" / "VP, Sales"), apart from the name and address.

    Only a short line with a title word that is none of the owner's values is taken, and only one.
    """
    head = find_line(lines, _TABLE_HEAD)
    if head < 0:
        return None
    end = find_line(lines, _TABLE_END, head + 1)
    end = end if end >= 0 else min(len(lines), head + 40)
    used = {f.start for f in (owner.name, owner.street1, owner.street2, owner.city) if f is not None}
    found: list[Found] = []
    for line in lines[head + 1 : end]:
        t = line.text.strip()
        if not t or len(t) > 60 or _TABLE_WORDS.match(t) or _CSZ.match(t) or re.search(r"\d", t):
            continue
        start = line.start + line.text.index(t)
        if any(line.start <= u < line.end for u in used) or not _TITLE_WORD.search(t):
            continue
        found.append(Found(collapse(t), start, start + len(t)))
    return found[0] if len(found) == 1 else None


def _join(parts: list[Found]) -> Found:
    return Found(collapse(" ".join(p.value for p in parts)), parts[0].start, parts[-1].end)


# Words that open an officer's title (SEC filers' usual wording; "Director" is a box of its own).
# Words that also name organisations ("General", "Group", "Managing", "Principal") are left out:
# "KKR Financial Group LLC" is a name, not "KKR Financial" with the title "Group LLC".
_TITLE_START = re.compile(
    r"^(?:President|CEO|CFO|COO|CTO|CAO|CIO|Chief|Vice|VP|EVP|SVP|Sr\.?|Senior|Executive|"
    r"Secretary|Treasurer|Chairman|Controller|Co-?CEO|Co-?President)\b",
    re.I,
)
# An organisation's row is never split: its words after the name are part of it.
_ORG_WORD = re.compile(r"^(?:L\.?L\.?C|L\.?P|Inc|Corp|Ltd|Fund|Trust|Partners|Holdings|Capital)\b", re.I)
_SIDE_DEBRIS = re.compile(r"^(?:[xX×]{1,3}|[|\[\](){}_~=-]+)$")


def split_side_text(owner: OwnerFound, text: str) -> None:
    """Single-spaced OCR prints an owners-table row as one run: "ELLEDGE BRYAN President and CEO" (the
    name, then the Officer column's title where the X would be). When the row's name goes on, after at
    least two name words and any marks, with a word that opens an officer's title, the rest is the
    officer title and the name ends before it. Rows of other shapes are left as read."""
    if owner.name is None or owner.officer_title is not None:
        return
    tokens = list(re.finditer(r"\S+", text[owner.name.start : owner.name.end]))
    cut = next(
        (k for k, t in enumerate(tokens) if k >= 2 and _TITLE_START.match(t.group(0).lstrip("|_"))), None
    )
    if cut is None:
        return
    name_tokens = [t for t in tokens[:cut] if not _SIDE_DEBRIS.match(t.group(0))]
    rest = [t for t in tokens[cut:] if not _SIDE_DEBRIS.match(t.group(0))]
    if len(name_tokens) < 2 or not rest or any(_ORG_WORD.match(t.group(0).strip(",")) for t in tokens):
        return
    at = owner.name.start
    owner.officer_title = Found(" ".join(t.group(0) for t in rest), at + rest[0].start(), at + rest[-1].end())
    name_end = at + name_tokens[-1].end()
    owner.name = Found(collapse(text[owner.name.start : name_end]), owner.name.start, name_end)
