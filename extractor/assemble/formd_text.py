"""Layout helpers for Form D text: a debris-masked view, lines, checkbox marks, cells, names, addresses.

Everything here works on a *view* of the normalised text that has exactly the same length as the text:
converter debris (``<input type="checkbox" .../>``, ``<u>``, ``\\$``, superscript footnote digits) is
overwritten with spaces or with a one-character box (``☒`` checked / ``☐`` unchecked) padded with spaces.
Because the view keeps every offset, a value found in the view is a span of ``nt.text`` as it stands, so
spans need no mapping back. Regexes are bounded (inputs can carry megabyte-long lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.assemble.values import parse_number, state_code

CHECKED_BOX = "☒"
UNCHECKED_BOX = "☐"

_INPUT_TAG = re.compile(r"<input\b[^<>]{0,300}>", re.IGNORECASE)
# Any other short HTML-ish tag (<u>, </u>, <b>, <sup>, <span class=..>, <br/>): overwritten with spaces.
_OTHER_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,200})?/?>")
# Markdown escapes (\$, \_, \*) and superscript footnote markers (¹, ⁽¹⁾) are not part of any value.
_ESCAPE = re.compile(r"\\(?=[$_*#\[\]().|-])")
_SUPERSCRIPT = re.compile(r"[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}")

# Marks as converters print them. A bare "X" only counts inside a short option segment (see
# ``segment_mark``), never on its own in running text.
_CHECKED = re.compile(r"[☒☑■✓✔⊠]|\[\s{0,2}[xX✓✔]\s{0,2}\]|\|\s?[xX]\s?\||\(\s?[xX]\s?\)|_{1,4}[xX]_{1,4}")
_UNCHECKED = re.compile(r"[☐□]|\[\s{0,2}_?\s{0,2}\]|\(\s?\)")
_BARE_X = re.compile(r"(?<![A-Za-z0-9'])[xX](?![A-Za-z0-9'])")

# One value cell of a form table: a `$` (optional) then a number, -0-, n/a, none, or a blank line ____.
# OCR reads the printed zero of "-0-" as "O", "o" or "Q" ("-Q-"): still a 0. It also puts a stray glyph
# after the "$" and a space after a thousands comma ("$ «33, 744,753.00").
_CELL = re.compile(
    r"(\$\s{0,6}(?:[«»‘’'\"]\s{0,2})?)?"
    r"(-[0OQ]-|-{1,3}|\bn\s?/\s?a\b|\bN/A\b|\bnone\b"
    r"|\(?\d{1,3}(?:, ?\d{3}){1,8}(?:\.\d{1,4})?\)?|\(?\d[\d,]{0,24}(?:\.\d{1,4})?\)?|_{2,})",
    re.IGNORECASE,
)
_PRINTED_ZERO = re.compile(r"-[0OQ]-", re.IGNORECASE)
_LEADER = re.compile(r"(?:\.\s?){3,}|…{1,}")


def mask_debris(text: str) -> str:
    """The same-length view of ``text`` with converter debris blanked and checkbox tags as one glyph."""

    def _box(m: re.Match[str]) -> str:
        glyph = CHECKED_BOX if "checked" in m.group(0).lower() else UNCHECKED_BOX
        return glyph + " " * (len(m.group(0)) - 1)

    view = _INPUT_TAG.sub(_box, text)
    view = _OTHER_TAG.sub(lambda m: " " * len(m.group(0)), view)
    view = _ESCAPE.sub(" ", view)
    return _SUPERSCRIPT.sub(lambda m: " " * len(m.group(0)), view)


@dataclass(frozen=True)
class Line:
    """One line of the view: ``[start, end)`` offsets in the text, without the newline."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip(" \t_.")


def split_lines(view: str) -> list[Line]:
    """Lines with their offsets (``\\r`` is kept out of the line text)."""
    lines: list[Line] = []
    pos = 0
    for raw in view.split("\n"):
        end = pos + len(raw)
        text = raw[:-1] if raw.endswith("\r") else raw
        lines.append(Line(pos, pos + len(text), text))
        pos = end + 1
    return lines


def segment_mark(segment: str, *, before: bool = True) -> bool | None:
    """Is the box next to a caption marked? True / False (box shown empty) / None (no box).

    ``segment`` is the text between two captions; the box sits at its end when it precedes its caption
    (``before``), else at its start. Only the 14 characters beside the caption are read: a mark further
    away belongs to another column or question.
    """
    near = segment.rstrip()[-14:] if before else segment.lstrip()[:14]
    if _CHECKED.search(near):
        return True
    if _BARE_X.search(near):
        return True
    if _UNCHECKED.search(near):
        return False
    return None


@dataclass(frozen=True)
class Option:
    """A printed option of a checkbox group found in a line: its name and its label span."""

    name: str
    start: int
    end: int
    marked: bool | None


def marked_options(view: str, start: int, end: int, options: dict[str, re.Pattern[str]]) -> list[Option]:
    """Find each option label in ``view[start:end]`` and read the box printed just before it.

    The paper form prints the box to the left of its label; the segment between the previous label (or the
    group's start) and this label holds this label's box. If no box precedes any label but marks follow the
    labels (``Rule 506 [X]``), the segment after each label is read instead.
    """
    found: list[tuple[int, int, str]] = []
    segment = view[start:end]
    for name, pattern in options.items():
        m = pattern.search(segment)
        if m:
            found.append((start + m.start(), start + m.end(), name))
    found.sort()
    result: list[Option] = []
    prev_end = start
    for s, e, name in found:
        result.append(Option(name, s, e, segment_mark(view[prev_end:s])))
        prev_end = e
    if result and all(o.marked is None for o in result):
        after: list[Option] = []
        for i, (s, e, name) in enumerate(found):
            nxt = found[i + 1][0] if i + 1 < len(found) else min(end, e + 8)
            after.append(Option(name, s, e, segment_mark(view[e:nxt], before=False)))
        if any(o.marked is not None for o in after):
            return after
    return result


@dataclass(frozen=True)
class Cell:
    """One value cell of a table row: the parsed value (None for blank / n/a) and its span."""

    value: float | int | None
    start: int
    end: int
    dollar: bool
    blank: bool


def cells(view: str, start: int, end: int) -> list[Cell]:
    """Value cells of ``view[start:end]`` in reading order; leaders and boxes are skipped.

    Trap: a footnote number printed after an amount (``33,769,753.00 (1)``) is not a cell; ``(1)`` right
    after a cell is dropped. ``-0-`` is 0; ``n/a``, ``none`` and ``____`` are blank cells (value None).
    """
    text = _LEADER.sub(lambda m: " " * len(m.group(0)), view[start:end])
    out: list[Cell] = []
    for m in _CELL.finditer(text):
        raw = m.group(2)
        s, e = start + m.start(2), start + m.end(2)
        if raw.startswith("(") and raw.endswith(")") and out and "," not in raw and len(raw) <= 4:
            continue  # footnote marker after the previous cell
        if raw.startswith("(") != raw.endswith(")"):
            raw = raw.strip("()")
            s, e = (s + 1, e) if view[s] == "(" else (s, e - 1)
        low = raw.lower().replace(" ", "")
        blank = raw.startswith("__") or low in {"n/a", "na", "none"} or set(raw) == {"-"}
        number = raw.strip("()").replace(" ", "")
        value = None if blank else (0 if _PRINTED_ZERO.fullmatch(raw) else parse_number(number))
        out.append(Cell(value, s, e, bool(m.group(1)), blank))
    return out


def trim_span(view: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding blanks, tabs, leaders, colons, underscores and box glyphs."""
    junk = " \t\r\n.:_-" + CHECKED_BOX + UNCHECKED_BOX
    while start < end and view[start] in junk:
        start += 1
    while end > start and view[end - 1] in junk.replace(".", ""):
        end -= 1
    # a trailing leader ("Total.....") but not the period of "Inc." / "Jr."
    while end - start >= 2 and view[end - 1] == "." and view[end - 2] in ". \t":
        end -= 1
        while end > start and view[end - 1] in " \t":
            end -= 1
    return start, end


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space."""
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------- names
_ORG_WORDS = re.compile(
    r"\b(?:inc|llc|l\.?l\.?c|l\.?p|lp|ltd|corp|corporation|company|co|fund|funds|partners|partnership|"
    r"ventures|capital|trust|holdings|management|group|bank|entities|associates|advisors|foundation|"
    r"limited|plc|gmbh|s\.a)\b\.?",
    re.IGNORECASE,
)
_SUFFIXES = frozenset({"JR", "JR.", "SR", "SR.", "II", "III", "IV", "MD", "M.D.", "PHD", "PH.D.", "ESQ."})


@dataclass(frozen=True)
class NameParts:
    first: str | None
    middle: str | None
    last: str | None


def split_person_name(name: str) -> NameParts:
    """``Butterfield, Gregory S.`` -> (Gregory, S., Butterfield); ``Poul E. Nielsen`` -> (Poul, E., Nielsen).

    Organisations (``Entities Affiliated with ...``, ``... LLC``) are not split: all parts None.
    """
    s = squash(name[:300])
    if not s or len(s) > 200 or _ORG_WORDS.search(s):
        return NameParts(None, None, None)
    if "," in s:
        last, _, rest = s.partition(",")
        head, _, tail = rest.partition(",")
        if tail and head.strip().upper() in _SUFFIXES:  # "Roper, III, Kinsey": the suffix stays with Last
            last, rest = f"{last},{head}", tail
        tokens = [t for t in rest.replace(",", " ").split() if t.upper() not in _SUFFIXES]
        if not tokens:  # "Kinsey Roper, III": first-name-first with a suffix after the comma
            words = last.split()
            if len(words) < 2:
                return NameParts(None, None, last.strip() or None)
            return NameParts(words[0], " ".join(words[1:-1]) or None, f"{words[-1]},{rest}")
        return NameParts(tokens[0], " ".join(tokens[1:]) or None, last.strip() or None)
    tokens = [t for t in s.split() if t.upper() not in _SUFFIXES]
    if len(tokens) == 1:
        return NameParts(None, None, tokens[0])
    return NameParts(tokens[0], " ".join(tokens[1:-1]) or None, tokens[-1])


# ------------------------------------------------------------------------------------------ addresses
_ZIP = re.compile(r"(?<!\d)(\d{5}(?:\s?-\s?\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\s*$")
UNIT = re.compile(
    r"(?:suite|ste\.?|apt\.?|apartment|unit|room|rm\.?|floor|fl\.?|bldg\.?|building|#)\s{0,2}[#\w-]{0,10}$|"
    r"\d{1,3}(?:st|nd|rd|th)\s{1,2}(?:floor|fl\.?)$",
    re.IGNORECASE,
)
_STATE_NAMES = sorted(
    [
        "ALABAMA",
        "ALASKA",
        "ARIZONA",
        "ARKANSAS",
        "CALIFORNIA",
        "COLORADO",
        "CONNECTICUT",
        "DELAWARE",
        "DISTRICT OF COLUMBIA",
        "FLORIDA",
        "GEORGIA",
        "HAWAII",
        "IDAHO",
        "ILLINOIS",
        "INDIANA",
        "IOWA",
        "KANSAS",
        "KENTUCKY",
        "LOUISIANA",
        "MAINE",
        "MARYLAND",
        "MASSACHUSETTS",
        "MICHIGAN",
        "MINNESOTA",
        "MISSISSIPPI",
        "MISSOURI",
        "MONTANA",
        "NEBRASKA",
        "NEVADA",
        "NEW HAMPSHIRE",
        "NEW JERSEY",
        "NEW MEXICO",
        "NEW YORK",
        "NORTH CAROLINA",
        "NORTH DAKOTA",
        "OHIO",
        "OKLAHOMA",
        "OREGON",
        "PENNSYLVANIA",
        "RHODE ISLAND",
        "SOUTH CAROLINA",
        "SOUTH DAKOTA",
        "TENNESSEE",
        "TEXAS",
        "UTAH",
        "VERMONT",
        "VIRGINIA",
        "WASHINGTON",
        "WEST VIRGINIA",
        "WISCONSIN",
        "WYOMING",
        "PUERTO RICO",
    ],
    key=len,
    reverse=True,
)


@dataclass
class AddressParts:
    """An address split into its fields; each value carries its span (offsets into the text)."""

    street1: tuple[str, int, int] | None = None
    street2: tuple[str, int, int] | None = None
    city: tuple[str, int, int] | None = None
    state: tuple[str, int, int] | None = None
    zip_code: tuple[str, int, int] | None = None


def _state_suffix(part: str) -> tuple[str, int] | None:
    """A state at the end of ``part``: (code, index where it starts) or None."""
    upper = re.sub(r"\s", " ", part.upper()).rstrip(" .,")  # same length: "New\nYork" is New York
    m = re.search(r"(?:^|[\s,])([A-Z]\.?[A-Z]\.?)$", upper)
    if m and state_code(m.group(1).replace(".", "")):
        return state_code(m.group(1).replace(".", "")) or "", m.start(1)
    for name in _STATE_NAMES:
        if upper.endswith(name) and (len(upper) == len(name) or upper[-len(name) - 1] in " ,"):
            return state_code(name) or "", len(upper) - len(name)
    return None


def _is_city_state_zip(line: str) -> bool:
    """``Palo Alto CA 94301`` (a city before the state and ZIP), not the tail ``York 10580``."""
    zm = _ZIP.search(line)
    if zm is None:
        return False
    head = line[: zm.start()].strip(" ,")
    st = _state_suffix(head)
    return st is not None and st[1] > 0


def _soft_breaks(view: str, start: int, end: int) -> set[int]:
    """Line breaks inside one address part (a value wrapped mid-phrase: "12TH\\nFLOOR").

    A break separates parts when the line before ends a part (a comma), when either line is a unit
    ("Suite 5"), or when the next line is the last one and holds the whole "City ST ZIP" (no comma).
    """
    soft: set[int] = set()
    chunk = view[start:end]
    lines = chunk.split("\n")
    pos = start
    for i in range(len(lines) - 1):
        pos += len(lines[i])
        before, after = lines[i].strip(), lines[i + 1].strip()
        last = i + 1 == len(lines) - 1
        hard = (
            not before
            or not after
            or before.endswith((",", ";"))
            or bool(UNIT.match(before) or UNIT.match(after))
            or (last and "," not in after and _is_city_state_zip(after))
        )
        if not hard:
            soft.add(pos)
        pos += 1
    return soft


def split_address(view: str, start: int, end: int) -> AddressParts:
    """``588 West 400 South, Lindon, Utah 84042`` -> street1 / city / state (``UT``) / zip, with spans.

    Works from the right: ZIP, then state (code or name), then city (the last comma part left), and the
    remaining comma parts are the street lines (``c/o Altiris, Inc.`` is kept together: a corporate
    suffix part joins the part before it). Line breaks inside the span count as commas.
    """
    parts: list[tuple[int, int]] = []
    pos = start
    soft = _soft_breaks(view, start, end)
    for m in re.finditer(r"[,\n;]", view[start:end]):
        if start + m.start() in soft:
            continue
        parts.append((pos, start + m.start()))
        pos = start + m.end()
    parts.append((pos, end))
    spans = [trim_span(view, s, e) for s, e in parts]
    spans = [(s, e) for s, e in spans if e > s]
    out = AddressParts()
    if not spans:
        return out
    s, e = spans[-1]
    zm = _ZIP.search(view[s:e])
    if zm:
        out.zip_code = (
            view[s + zm.start(1) : s + zm.end(1)].replace(" ", ""),
            s + zm.start(1),
            s + zm.end(1),
        )
        e = trim_span(view, s, s + zm.start())[1]
        if e <= s:
            spans.pop()
            if not spans:
                return out
            s, e = spans[-1]
    st = _state_suffix(view[s:e])
    if st:
        code, idx = st
        out.state = (code, s + idx, e)
        e2 = trim_span(view, s, s + idx)[1] if idx else s
        spans.pop()
        if e2 > s:
            spans.append((s, e2))  # "Palo Alto CA": the city shares the part
        elif spans:
            pass
    if out.state and spans and (out.zip_code or len(spans) > 1):
        s, e = spans.pop()
        out.city = (squash(view[s:e]), s, e)
    # Street lines: a secondary unit ("Suite 300", "15th Floor", "#4") is street2; every other part
    # ("c/o Altiris, Inc.", the number and street) stays in street1, joined as printed.
    main = [(s, e) for s, e in spans if not UNIT.match(view[s:e].strip())]
    units = [(s, e) for s, e in spans if UNIT.match(view[s:e].strip())]
    if main:
        s, e = main[0][0], main[-1][1]
        out.street1 = (squash(", ".join(view[a:b] for a, b in main)), s, e)
    elif units:
        main, units = units[:1], units[1:]
        out.street1 = (squash(view[main[0][0] : main[0][1]]), *main[0])
    if units:
        s, e = units[0][0], units[-1][1]
        out.street2 = (squash(", ".join(view[a:b] for a, b in units)), s, e)
    return out
