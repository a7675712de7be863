"""Footer sections of Forms 3/4/5: "Explanation of Responses" footnotes, "Remarks", signatures.

Every value comes with a ``[start, end)`` span into the normalised text. Traps handled here:

* w3m, pdf_layout and OCR print a wrapped footnote with its ``(n)`` id on the *middle* line, so the
  lines between two ids must be split between them (blank lines, sentence ends and the centring of
  each id decide); the tabbed / markdown styles print the id on the first line.
* the ``*`` / ``**`` instruction lines of the form wrap too and must not become footnote text.
* several signature blocks each end with their own "**Signature of Reporting Person" label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.assemble.ownership_header_text import DATE_RE, Line, collapse, find_line
from extractor.assemble.values import parse_date

_EXPLANATION = re.compile(r"Explanation of Responses", re.I)
_REMARKS = re.compile(r"^\W{0,4}Remarks\s?:", re.I)
_SECTION_END = re.compile(
    r"^\W{0,4}(?:Note\s?:\s?File three|Potential persons who are|Reminder\s?:|Signatures\s*$"
    r"|Reporting Owners\s*\d?\s*$)",
    re.I,
)
_FOOTNOTE_ID = re.compile(r"^\s{0,12}(?:[-•]\s{1,3})?\(\s?(\d{1,2})\s?\)\s?(.*)$")
# OCR damage of an id: "(3 text" (lost paren), "(D text" / "(I" / "a) text" for "(1)"
_FOOTNOTE_ID_OCR = re.compile(r"^\s{0,12}(?:\(\s?(\d{1,2})|\(\s?[DIl|]\)?|[aq]\))(?:\s(.*))?$")
# the form's own instruction lines, also when OCR lost their "*" / "**" ("Tntentional")
_INSTRUCTION = re.compile(
    r"^\W{0,6}(?:[a-z]{1,3}\W{1,3})?(?:If the form is filed by more than one|[IT]ntentional misstatements)",
    re.I,
)
# signature-date debris that OCR reading order drops into the footnote section
_DATE_DEBRIS = re.compile(r"^(?:Date\s{0,4})?(?:\d{1,2}/\d{1,2}/\d{4})?(?:\s{0,4}Date)?$")
_STAR_LINE = re.compile(r"^\s{0,12}(?:[-•]\s{1,3})?\*")
_PAGE_NOISE = re.compile(r"^\s{0,12}(?:Edgar Filing:|Page \d{1,3}\b)", re.I)
_SIG_LABEL = re.compile(r"Signature\s{0,3}of\s{0,3}(?:Reporting\s{0,3})?Person", re.I)
_LABEL_DEBRIS = re.compile(r"(?:\s|^)(?:\*{1,2}|Date)\s*$")
_MAX_STATES = 8
_LOOKAHEAD = 12
_SIGNATURES_HEADING = re.compile(r"^\W{0,4}Signatures?\s*$", re.I)


@dataclass
class Found:
    """A value with the span it was read from."""

    value: str
    start: int
    end: int


@dataclass
class FootnoteFound:
    id: str
    text: str
    start: int
    end: int


@dataclass
class SignatureFound:
    name: Found | None
    date: Found | None


@dataclass
class _Unit:
    """One non-blank text line of the footnote section (``blank_before``: a blank line precedes it)."""

    text: str
    start: int
    end: int
    blank_before: bool
    anchor: str | None = None  # footnote id when the line carries "(n)"


@dataclass
class _Note:
    id: str
    pieces: list[_Unit] = field(default_factory=list)


def extract_footnotes(lines: list[Line]) -> list[FootnoteFound]:
    """Footnotes of the "Explanation of Responses:" section, ids ``"1"``, ``"2"``, ... in order."""
    head = find_line(lines, _EXPLANATION)
    if head < 0:
        return []
    units = _footnote_units(lines, head + 1)
    anchors = [i for i, u in enumerate(units) if u.anchor is not None]
    if not anchors:
        return []
    # OCR lost the "(1)": when a paragraph break precedes the first id, the first paragraph is "1"
    lost_first = units[anchors[0]].anchor != "1" and anchors[0] > 0
    if lost_first and any(u.blank_before for u in units[1 : anchors[0]]):
        units[0].anchor = "1"
        anchors.insert(0, 0)
    apart = _ids_apart(units, anchors)
    if apart is not None:
        return apart
    splits = _best_splits(units, anchors)
    notes: list[_Note] = []
    lo = 0
    for n, a in enumerate(anchors):
        hi = splits[n] if n < len(splits) else len(units)
        notes.append(_Note(units[a].anchor or "", [u for u in units[lo:hi] if u.text]))
        lo = hi
    out = []
    for note in notes:
        if not note.pieces:
            continue
        text = _join_pieces([p.text for p in note.pieces])
        out.append(FootnoteFound(note.id, text, note.pieces[0].start, note.pieces[-1].end))
    return out


def _footnote_units(lines: list[Line], first: int) -> list[_Unit]:
    units: list[_Unit] = []
    blank = False
    in_star = False
    last_id = 0
    for line in lines[first:]:
        text = line.text
        if _SECTION_END.search(text) or _REMARKS.search(text):
            break
        stripped = text.strip()
        if not stripped:
            blank = True
            in_star = False
            continue
        if _PAGE_NOISE.search(text):
            continue
        if _DATE_DEBRIS.match(stripped):
            continue
        if _STAR_LINE.search(text) or _INSTRUCTION.search(text):
            # "*  If the form is filed by more than one ..." and "** Intentional misstatements ...":
            # skip them and their wrapped continuation until the sentence ends.
            in_star = not stripped.endswith(".")
            blank = False
            continue
        if in_star:
            in_star = not stripped.endswith(".")
            continue
        lead = len(text) - len(text.lstrip())
        anchor = _anchor(text, last_id)
        if anchor is not None:
            fid, body_at = anchor
            last_id = int(fid)
            body = text[body_at:].strip()
            units.append(_Unit(body, line.start + body_at, line.start + len(text.rstrip()), blank, fid))
        else:
            units.append(_Unit(stripped, line.start + lead, line.start + len(text.rstrip()), blank))
        blank = False
    return units


def _anchor(text: str, last_id: int) -> tuple[str, int] | None:
    """Footnote id of a line and where its text starts; ids must follow in order (1, 2, ...)."""
    m = _FOOTNOTE_ID.match(text)
    if m and last_id < int(m.group(1)) <= last_id + 3:
        return m.group(1), m.start(2)
    m = _FOOTNOTE_ID_OCR.match(text)
    if m is None:
        return None
    body_at = m.start(2) if m.group(2) is not None else len(text)
    if m.group(1) is not None:
        return (m.group(1), body_at) if int(m.group(1)) == last_id + 1 else None
    return ("1", body_at) if last_id == 0 else None


def _ids_apart(units: list[_Unit], anchors: list[int]) -> list[FootnoteFound] | None:
    """OCR of a two-column footnote block: all ids first ("(1)", "(2)", ...), then the texts.

    Then each blank-line paragraph after the last id is one footnote, in order, when the counts agree.
    """
    if any(units[a].text for a in anchors):
        return None
    if any(len(units[i].text) > 4 for i in range(anchors[0], anchors[-1]) if units[i].anchor is None):
        return None
    paras: list[list[_Unit]] = []
    for u in units[anchors[-1] + 1 :]:
        if u.blank_before or not paras:
            paras.append([])
        paras[-1].append(u)
    if len(paras) != len(anchors):
        return None
    return [
        FootnoteFound(units[a].anchor or "", _join_pieces([u.text for u in p]), p[0].start, p[-1].end)
        for a, p in zip(anchors, paras, strict=True)
    ]


def _best_splits(units: list[_Unit], anchors: list[int]) -> list[int]:
    """For each gap between consecutive anchors, the unit index where the next footnote starts.

    Dynamic programme over the gaps; the state is how many lines the current footnote has above its
    id line. Costs: an id off-centre in its footnote, a boundary without a blank line or sentence end.
    """
    above0 = anchors[0]  # lines above the first id (0 when the id leads its first line)
    # states: above-count -> (cost, splits so far)
    states: dict[int, tuple[float, list[int]]] = {above0: (0.0, [])}
    for g in range(len(anchors) - 1):
        a, b = anchors[g], anchors[g + 1]
        gap = b - a - 1
        new: dict[int, tuple[float, list[int]]] = {}
        # boundary costs do not depend on the state: compute them once per gap (linear in the gap)
        bounds = [_boundary_cost(units, a + 1 + below, b) for below in range(gap + 1)]
        has_text, isolated = units[a].text != "", _isolated(units, a)
        for above, (cost, splits) in states.items():
            for below in range(gap + 1):
                c = cost + _centre_cost(above, below, has_text, isolated) + bounds[below]
                nxt_above = gap - below
                if nxt_above not in new or c < new[nxt_above][0]:
                    new[nxt_above] = (c, [*splits, a + 1 + below])
        # keep the few best states: a footnote section of thousands of lines stays linear
        states = dict(sorted(new.items(), key=lambda kv: kv[1][0])[:_MAX_STATES])
    best = min(states.values(), key=lambda s: s[0])
    return best[1]


def _isolated(units: list[_Unit], i: int) -> bool:
    """An id alone on its line between blank lines (OCR block order)."""
    nxt = units[i + 1] if i + 1 < len(units) else None
    return not units[i].text and units[i].blank_before and (nxt is None or nxt.blank_before)


def _centre_cost(above: int, below: int, id_line_has_text: bool, isolated: bool = False) -> float:
    if above == 0:
        return 0.0  # id on the first line: the tabbed / markdown / single-line style
    if isolated and below == 0:
        return 0.0  # OCR read the id block after its paragraph
    # w3m prints an even-length footnote's id just above the middle, pdf_layout just below it
    diff = below - above
    if diff in (0, 1) or (diff == -1 and not id_line_has_text):
        return 0.0
    return 0.5 if diff == -1 else float(abs(diff))


def _boundary_cost(units: list[_Unit], split: int, next_anchor: int) -> float:
    first = units[split] if split < len(units) else units[next_anchor]
    cost = 0.0
    if first.blank_before:
        cost -= 2.0
    # the footnote before the boundary should end a sentence (pdf_layout prints a bare "(1)" line,
    # so look back past empty id lines) and the next one should start like a sentence
    prev = next((units[k].text for k in range(split - 1, max(-1, split - 4), -1) if units[k].text), "")
    if prev and prev.rstrip()[-1:] not in ".;:\"'":
        cost += 0.75
    nxt = first.text or (units[split + 1].text if split + 1 < len(units) else "")
    if nxt[:1].islower():
        cost += 0.75
    # a blank line inside the chosen footnote is a paragraph break between two footnotes
    # (bounded look-ahead: beyond a few lines the count no longer changes the decision)
    for k in range(split + 1, min(next_anchor + 1, split + 1 + _LOOKAHEAD)):
        if units[k].blank_before and not (k == next_anchor and _isolated(units, k)):
            cost += 1.0
    return cost


def _join_pieces(pieces: list[str]) -> str:
    return collapse(" ".join(pieces))


def extract_remarks(lines: list[Line]) -> Found | None:
    """The "Remarks:" section: text after the label up to the form's closing notes."""
    i = find_line(lines, _REMARKS)
    if i < 0:
        return None
    first = lines[i]
    m = _REMARKS.search(first.text)
    pieces: list[tuple[int, int, str]] = []
    if m and first.text[m.end() :].strip():
        pieces.append((first.start + m.end(), first.end, first.text[m.end() :]))
    for line in lines[i + 1 :]:
        if _SECTION_END.search(line.text) or _EXPLANATION.search(line.text) or _SIG_LABEL.search(line.text):
            break
        if line.text.strip() and not _PAGE_NOISE.search(line.text):
            pieces.append((line.start, line.end, line.text))
    if not pieces:
        return None
    value = collapse(" ".join(p[2] for p in pieces))
    return Found(value, pieces[0][0], pieces[-1][1]) if value else None


def extract_signatures(lines: list[Line]) -> list[SignatureFound]:
    """Signature name and date printed above each "**Signature of Reporting Person" label."""
    out: list[SignatureFound] = []
    floor = 0
    for i, line in enumerate(lines):
        if not _SIG_LABEL.search(line.text):
            continue
        block: list[Line] = []
        j = i - 1
        while j >= floor and j >= i - 6:
            t = lines[j].text
            if _SIGNATURES_HEADING.search(t) or _SIG_LABEL.search(t) or _EXPLANATION.search(t):
                break
            if _SECTION_END.search(t):
                break
            if _LABEL_DEBRIS.sub("", t).strip(' *“"'):
                block.insert(0, lines[j])
            elif block and not lines[j + 1].text.strip():
                break  # two blank lines end the block; one may sit inside a wrapped name
            j -= 1
        floor = i + 1
        sig = _signature_from_block(block)
        if sig is not None and sig.date is None:
            sig.date = _date_below(lines, i)
        if sig is not None:
            out.append(sig)
    return out


def _date_below(lines: list[Line], label: int) -> Found | None:
    """OCR reading order can put the signature date on a line of its own below the label."""
    for line in lines[label + 1 : label + 14]:
        if _SIG_LABEL.search(line.text):
            break
        stripped = line.text.strip()
        d = DATE_RE.search(line.text)
        if d and _DATE_DEBRIS.match(stripped):
            iso = parse_date(d.group(0))
            if iso:
                return Found(iso, line.start + d.start(), line.start + d.end())
    return None


def _signature_from_block(block: list[Line]) -> SignatureFound | None:
    if not block:
        return None
    date: Found | None = None
    name_parts: list[tuple[int, int, str]] = []
    for line in block:
        text = line.text
        dates = list(DATE_RE.finditer(text))
        cut = len(text)
        if dates:
            d = dates[-1]
            iso = parse_date(d.group(0))
            if iso:
                date = Found(iso, line.start + d.start(), line.start + d.end())
                cut = d.start()
        # the "**" and "Date" of the signature label row can share the line (pdf_layout)
        part = _LABEL_DEBRIS.sub("", text[:cut]).strip().strip('*“"').strip()
        if part:
            lead = text.index(part)
            name_parts.append((line.start + lead, line.start + lead + len(part), part))
    name = None
    if name_parts:
        name = Found(collapse(" ".join(p[2] for p in name_parts)), name_parts[0][0], name_parts[-1][1])
    if name is None and date is None:
        return None
    return SignatureFound(name, date)
