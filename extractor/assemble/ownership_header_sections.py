"""Footer sections of Forms 3/4/5: "Explanation of Responses" footnotes, "Remarks", signatures.

Every value comes with a ``[start, end)`` span into the normalised text. Traps handled here:

* w3m, pdf_layout and OCR print a wrapped footnote with its ``(n)`` id on the *middle* line, so the
  lines between two ids must be split between them (blank lines, sentence ends and the centring of
  each id decide); the tabbed / markdown styles print the id on the first line.
* the ``*`` / ``**`` instruction lines of the form wrap too and must not become footnote text.
* several signature blocks each end with their own "**Signature of Reporting Person" label.
* OCR (tesseract) reads the footnote block as separate text blocks: ids land alone between blank lines,
  before or after their text (one by one or as a whole column), ids are lost or damaged ("q)", "4)",
  "(5S)"), and blank lines also cut a footnote mid-sentence. Only a blank line after a finished sentence
  counts as a paragraph start; lost ids are given to spare paragraphs only when the counts agree.
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
_FOOTNOTE_ID = re.compile(r"^\s{0,12}(?:[-•]\s{1,3})?\(\s?(\d{1,2})\s?\),?\s?(.*)$")
# OCR damage of an id, accepted only as the next id in order:
#   "(3 text" / "4) text" (a lost paren), "2 of the" (both lost: only before a lower-case word, so a
#   wrapped "25 LLC." stays text), "(5S)" / "(1g)" (")" or the second digit read as a letter),
#   "(D" / "(I" / "a)" / "q)" for "(1)", "qi)" for "(11)" ("(" read as "q", "1" as "i" / "l" / "I" / "|").
_FOOTNOTE_ID_OCR = re.compile(
    r"^\s{0,12}(?:\(\s?(?P<exact>\d{1,2})|(?P<bare>\d{1,2})(?=\s[a-z])|\((?P<head>\d)[A-Za-z]\)"
    r"|[(q]?(?P<tail>[\dilI|]{1,2})\)|(?P<one>\(\s?[DIl|]\)?|[aq]\)))(?:\s(?P<body>.*))?$"
)
_AS_DIGIT = str.maketrans("ilI|", "1111")
_ID_DEBRIS = re.compile(r"^\(\w{1,3}\)?$")
# the form's own instruction lines, also when OCR lost their "*" / "**" ("Tntentional", "a8 If", "53 If")
_INSTRUCTION = re.compile(
    r"^\W{0,6}(?:\w{1,3}\W{1,3})?(?:If the form is filed by more than one|[IT]ntentional misstatements)",
    re.I,
)
# signature-date debris that OCR reading order drops into the footnote section
_DATE_DEBRIS = re.compile(r"^(?:Date\s{0,4})?(?:\d{1,2}/\d{1,2}/\d{4})?(?:\s{0,4}Date)?$")
# the wrapped end of the "** Intentional misstatements ..." line after a blank line (the blank line
# ended the skipped instruction): "ee 18 U.S.C. 1001 and 15 U.S.C. 78ff(a)." / ". 7ff(a)."
_INSTRUCTION_TAIL = re.compile(r"^.{0,50}\b7?8?ff\s?\(a\)\.?$")
_NOISE_WORD = re.compile(r"^[a-z]{1,4}$")
_STAR_LINE = re.compile(r"^\s{0,12}(?:[-•]\s{1,3})?\*")
_PAGE_NOISE = re.compile(r"^\s{0,12}(?:Edgar Filing:|Page \d{1,3}\b)", re.I)
_SIG_LABEL = re.compile(r"Signature\s{0,3}of\s{0,3}(?:Reporting\s{0,3})?Person", re.I)
_LABEL_DEBRIS = re.compile(r"(?:\s|^)(?:\*{1,2}|Date)\s*$")
_MAX_STATES = 8
# a blank line that does not follow a sentence end (OCR block break): weak boundary evidence
_WEAK_BREAK = 0.5
_WEAK_INSIDE = 0.25
_LOOKAHEAD = 12
_SIG_WINDOW = 6  # printed lines looked at above a signature label
_SIG_RAW_WINDOW = 12
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
    line: str = ""  # the whole source line, to read its id again
    # an exact "(n)" on the section's chain of ids (``_id_chain``): accepted even after a jump of more
    # than three ids (the ids between were all damaged or lost)
    on_chain: bool = False
    # a paragraph start: a blank line above *and* the text above ends a sentence. OCR also breaks a
    # wrapped footnote into blocks mid-sentence ("... or collectively, the" / blank / "(2) Funds."),
    # so a blank line alone is only weak evidence of a new footnote.
    para: bool = False


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
    _mark_paragraphs(units)
    _weak_ids(units)
    _bare_id_run(units)
    _trailing_id_column(units)
    anchors = [i for i, u in enumerate(units) if u.anchor is not None]
    if not anchors:
        return []
    anchors = _recover_lost_ids(units, anchors)
    for u in units:
        _strip_mark_debris(u)
    apart = _ids_apart(units, anchors)
    if apart is None:
        apart = _last_id_after_texts(units, anchors)
    if apart is not None:
        _repair_words(apart)
        return apart
    splits = _best_splits(units, anchors)
    notes: list[_Note] = []
    lo = 0
    for n, a in enumerate(anchors):
        hi = splits[n] if n < len(splits) else len(units)
        notes.append(_Note(units[a].anchor or "", [u for u in units[lo:hi] if u.text]))
        lo = hi
    _fill_empty_ids(notes)
    _carry_unfinished(notes)
    _restore_middle(notes)
    for note in notes:
        _drop_echoed_id(note)
    out = []
    for note in notes:
        if not note.pieces:
            continue
        text = _join_pieces([p.text for p in note.pieces])
        out.append(FootnoteFound(note.id, text, note.pieces[0].start, note.pieces[-1].end))
    _repair_words(out)
    return out


# OCR letter confusions in footnote prose: the letter read -> the letter printed ("shates" / "shares",
# "LLL" / "LLC", "Ine" / "Inc"); and a rule or "(" read as a letter before a word ("(ITTGP)" / "(TTGP)")
_CONFUSED = {"t": "r", "r": "t", "L": "C", "C": "L", "l": "I", "I": "l", "c": "e", "e": "c"}
_STRAY_LEAD = frozenset("Il|")
_PROSE_WORD = re.compile(r"[A-Za-z]{3,}")
_MAX_WORDS = 5000  # distinct words looked at; a section beyond this is garbage and stays as read
_MAX_WORD_LEN = 40


def _repair_words(notes: list[FootnoteFound]) -> None:
    """A word one OCR confusion away from a word the footnotes print more often (and at least twice) is
    that word misread (the footnotes of a filing repeat their names and phrases: "These shares are
    held of record by ..."). One confusion only: a letter (``_CONFUSED``) or a stray leading ``I``."""
    counts: dict[str, int] = {}
    for note in notes:
        for w in _PROSE_WORD.findall(note.text):
            counts[w] = counts.get(w, 0) + 1
    if len(counts) > _MAX_WORDS:
        return
    fix: dict[str, str] = {}
    for w, n in counts.items():
        if len(w) > _MAX_WORD_LEN:
            continue  # no name or phrase is this long: debris, and its variants cost len(w) ** 2
        cands = {w[:i] + _CONFUSED[ch] + w[i + 1 :] for i, ch in enumerate(w) if ch in _CONFUSED}
        # never inside a roman numeral's run of "I"s ("FF-IIIE" is not "FF-IIE")
        if w[0] in _STRAY_LEAD and w[1].isupper() and w[1] not in _STRAY_LEAD:
            cands.add(w[1:])
        good = [c for c in cands if counts.get(c, 0) >= max(2, n + 1)]
        if len(good) == 1:
            fix[w] = good[0]
    if not fix:
        return
    for note in notes:
        note.text = _PROSE_WORD.sub(lambda m: fix.get(m.group(0), m.group(0)), note.text)


# what is left of a damaged id before a footnote's text ("@ These", "()_ These", "® Rivendell 7 LLC."):
# marks only, no letter or digit, at least one of them an id's, before a capitalised word; after an id
# read ("(2). The"), punctuation alone (a wrapped line may start with the "." of "L.P.": kept)
_MARK_DEBRIS = re.compile(r"^(?=\S{0,2}[@®©()_|])[@®©()_,.;:|]{1,3}\s{1,3}(?=[A-Z])")
_ID_PUNCT = re.compile(r"^[,.;:]\s{0,3}(?=[A-Z])")


def _strip_mark_debris(unit: _Unit) -> None:
    m = _MARK_DEBRIS.match(unit.text) or (_ID_PUNCT.match(unit.text) if unit.anchor else None)
    if m is not None:
        unit.text, unit.start = unit.text[m.end() :], unit.start + m.end()


_ECHOED_ID = re.compile(r"^(\d{1,2})\s(?=[A-Z])")


def _drop_echoed_id(note: _Note) -> None:
    """OCR read a footnote's id twice: as "(4)" on its middle line and as a bare "4" before its first
    word ("4 These securities are held ..."); a bare number equal to the note's own id before a
    capitalised word, on a first line that is not the id line, is that echo."""
    if not note.pieces or note.pieces[0].anchor is not None:
        return
    first = note.pieces[0]
    m = _ECHOED_ID.match(first.text)
    if m is not None and m.group(1) == note.id:
        first.text, first.start = first.text[m.end() :], first.start + m.end()


def _fill_empty_ids(notes: list[_Note]) -> None:
    """OCR read a bare id, the next id with its one-sentence text, then the first id's text:

        (3)
        (4) Shares are held by ... over the shares.
        The sales price reported is ... of the Issuer.        <- the text of (3)

    A footnote left without text takes the paragraph that follows the next footnote's finished id line.
    """
    for k in range(len(notes) - 1):
        cur, nxt = notes[k], notes[k + 1]
        if cur.pieces or len(nxt.pieces) < 2 or nxt.pieces[0].anchor is None:
            continue
        if not _ends_sentence(nxt.pieces[0].text) or not nxt.pieces[1].para:
            continue
        end = next((i for i in range(2, len(nxt.pieces)) if nxt.pieces[i].para), len(nxt.pieces))
        cur.pieces, nxt.pieces = nxt.pieces[1:end], [nxt.pieces[0], *nxt.pieces[end:]]


def _carry_unfinished(notes: list[_Note]) -> None:
    """OCR read a bare id after the first lines of the *next* footnote:

        Represents an award ... of the Issuer's Class A Common Stock.
        The Reporting Person is a director ... which is the general partner of     <- starts (2)
        (1)
        (2) Sequoia Capital U.S. Growth Fund VII, L.P. ...

    A footnote whose last paragraph ends mid-sentence, after an earlier paragraph that ends one, hands
    that last paragraph to the next footnote when the next one opens with its own id line.
    """
    for k in range(len(notes) - 1):
        cur, nxt = notes[k], notes[k + 1]
        if not cur.pieces or not nxt.pieces or nxt.pieces[0].anchor is None:
            continue
        if _ends_sentence(cur.pieces[-1].text):
            continue
        cut = next((i for i in range(len(cur.pieces) - 1, 0, -1) if cur.pieces[i].para), 0)
        if cut == 0 or any(p.anchor is not None for p in cur.pieces[cut:]):
            continue
        if not _ends_sentence(cur.pieces[cut - 1].text):
            continue
        cur.pieces, nxt.pieces = cur.pieces[:cut], [*cur.pieces[cut:], *nxt.pieces]


def _restore_middle(notes: list[_Note]) -> None:
    """OCR read a bare id with the footnote's last line as one block, before the lines between:

        Each share of Class B ... All Class A Common
        (5S)
        public offering.                                   <- the last line of (5)
        Stock and Class B Common Stock ... the issuer's initial     <- the middle of (5)
        In addition, each share ...                        <- (6) starts
        (6) or (ii) in the event ...

    A footnote with a bare id whose text is cut mid-sentence and whose last line starts lower-case takes
    back the next footnote's first block when that block also stops mid-sentence before a blank line
    and the next footnote's own text (text ending mid-sentence must continue somewhere).
    """
    for k in range(len(notes) - 1):
        cur, nxt = notes[k], notes[k + 1]
        if len(cur.pieces) < 2 or any(p.anchor is not None for p in cur.pieces):
            continue
        last = cur.pieces[-1]
        if not last.text[:1].islower() or not _ends_sentence(last.text) or last.para:
            continue
        if _ends_sentence(cur.pieces[-2].text) or not nxt.pieces or nxt.pieces[0].anchor is not None:
            continue
        # the next footnote's own text starts after a blank line (a block break; not a sentence end,
        # since the paragraph above it stops mid-sentence)
        e = next(
            (i for i in range(1, len(nxt.pieces)) if nxt.pieces[i].blank_before or nxt.pieces[i].anchor), 0
        )
        if e == 0 or nxt.pieces[e].anchor is not None or _ends_sentence(nxt.pieces[e - 1].text):
            continue
        if not any(p.anchor is not None for p in nxt.pieces[e:]):
            continue
        cur.pieces, nxt.pieces = [*cur.pieces[:-1], *nxt.pieces[:e], last], nxt.pieces[e:]


def _footnote_units(lines: list[Line], first: int) -> list[_Unit]:
    units: list[_Unit] = []
    blank = False
    in_star = False
    last_id = 0
    for k in range(first, len(lines)):
        line = lines[k]
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
        if _DATE_DEBRIS.match(stripped) or _INSTRUCTION_TAIL.search(stripped):
            continue
        if _NOISE_WORD.match(stripped) and blank and (k + 1 >= len(lines) or not lines[k + 1].text.strip()):
            continue  # "ood" / "oko": the "**" of the instruction line read as a block of its own
        if _STAR_LINE.search(text) or _INSTRUCTION.search(text):
            # "*  If the form is filed by more than one ..." and "** Intentional misstatements ...":
            # skip them and their wrapped continuation until the sentence ends.
            in_star = not stripped.endswith(".")
            blank = False
            continue
        if in_star and not _FOOTNOTE_ID.match(text):
            in_star = not stripped.endswith(".")
            continue
        in_star = False  # plain pdftotext prints the "*" / "**" marks alone, then the "(1)" / "(2)" ids
        unit = _Unit(stripped, line.start, line.start + len(text.rstrip()), blank, line=text)
        last_id = _read_anchor(unit, last_id)
        units.append(unit)
        blank = False
    if _id_chain(units):
        last_id = 0
        for unit in units:
            last_id = _read_anchor(unit, last_id)
    return units


_MAX_CHAIN = 200  # exact ids looked at for the chain (quadratic): a real section has at most ~40


def _id_chain(units: list[_Unit]) -> bool:
    """Mark the exact ``(n)`` ids that jump more than three ids ahead yet are on the section's chain.

    OCR of a long section damages several ids in a row ("@", "()_", "(g)"), so the next exact id read
    may be "(7)" after "(2)". The chain is the longest increasing run of exact ids, in line order, with
    the smallest total of skipped numbers (a wrapped "(20) Ordinary Shares" loses against "(3)"); a jump
    must leave at least one line per skipped footnote. A stray id after the chain ("(4)" read at the
    end of the section) stays off it. Returns whether some id was marked.
    """
    ids: list[tuple[int, int]] = []
    for i, u in enumerate(units):
        m = _FOOTNOTE_ID.match(u.line)
        if m is not None and int(m.group(1)) > 0:
            ids.append((i, int(m.group(1))))
    ids = ids[:_MAX_CHAIN]
    # best[j] = (chain length, -skipped numbers, previous index in ids)
    best: list[tuple[int, int, int]] = []
    for j, (i, n) in enumerate(ids):
        top = (1, -(n - 1), -1) if n - 1 <= 3 or i >= n - 1 else (0, 0, -1)
        for k in range(j):
            pi, pn = ids[k]
            if pn >= n or best[k][0] == 0 or (n - pn > 3 and i - pi - 1 < n - pn - 1):
                continue
            cand = (best[k][0] + 1, best[k][1] - (n - pn - 1), k)
            if cand[:2] > top[:2]:
                top = cand
        best.append(top)
    # OCR also misreads a digit ("(6)" for "(5)"): only a chain of three or more ids is trusted, and
    # a jump only when the chain goes on after it
    if not best or max(best)[0] < 3:
        return False
    j = max(range(len(best)), key=lambda k: best[k][:2])
    marked, nxt = False, -1
    while j >= 0:
        prev = best[j][2]
        pn = ids[prev][1] if prev >= 0 else 0
        if ids[j][1] - pn > 3 and nxt >= 0:
            units[ids[j][0]].on_chain = marked = True
        j, nxt = prev, j
    return marked


def _read_anchor(unit: _Unit, last_id: int) -> int:
    """(Re)read the id of a unit's line given the last id read; returns the new last id."""
    text = unit.line
    line_start = unit.end - len(text.rstrip())
    anchor = _anchor(text, last_id, unit.on_chain)
    if anchor is None:
        lead = len(text) - len(text.lstrip())
        unit.text, unit.start, unit.anchor = text.strip(), line_start + lead, None
        if _ID_DEBRIS.match(unit.text):
            unit.text = ""  # "(1g)" / "(12)" out of reading order: an id, never footnote text
        return last_id
    fid, body_at = anchor
    unit.text, unit.start, unit.anchor = text[body_at:].strip(), line_start + body_at, fid
    return int(fid)


def _bare_id_run(units: list[_Unit]) -> None:
    """OCR read one column of ids as a block *after* their texts, amid the section:

        (11) ... text of 11
        These shares are held of record by A ...        <- text of (12)
        These shares are held of record by B ...        <- text of (13)
        (14) text of 14 (its id read in place, but out of order now)
        (12)
        (13)

    A run of two or more bare ids takes the same number of paragraphs just above it (after the previous
    id's footnote, up to a line that carries an id of its own; without blank lines, lines that follow a
    finished sentence); the ids after are then read again.
    """
    anchors = [i for i, u in enumerate(units) if u.anchor is not None]
    for n in range(1, len(anchors)):
        run = [anchors[n]]
        while (
            n + len(run) < len(anchors)
            and anchors[n + len(run)] == run[-1] + 1
            and not units[run[-1] + 1].text
        ):
            run.append(run[-1] + 1)
        if len(run) < 2 or any(units[i].text for i in run):
            continue
        prev = anchors[n - 1]
        cut = next((i for i in range(prev + 1, run[0]) if _FOOTNOTE_ID.match(units[i].line)), run[0])
        starts = [i for i in range(prev + 1, cut) if units[i].para]
        if len(starts) != len(run):
            # OCR may drop the blank lines between footnotes too: lines after a finished sentence
            starts = _after_sentences(units, prev + 1, cut)
        if len(starts) != len(run):
            continue
        first_id = int(units[run[0]].anchor or 0)
        for k, i in enumerate(starts):
            units[i].anchor = str(first_id + k)
        for i in run:
            units[i].anchor, units[i].text = None, ""
        last_id = first_id + len(run) - 1
        for i in range(cut, len(units)):
            if i not in run:
                last_id = _read_anchor(units[i], last_id)
        _mark_paragraphs(units)
        return


# one id of a column read after the texts, however damaged: "6)", ")", "”", "@)", "0°)", "(10)", "ch)"
_ID_TOKEN = re.compile(r"^(?:[^\sA-Za-z]{1,4}|\(?[A-Za-z\d]{1,3}\))$")


def _trailing_id_column(units: list[_Unit]) -> None:
    """OCR read the column of ids of the last footnotes as one block at the end of the section:

        (4) which, in turn, owns Mithril. ...           <- the last id read in place
        These shares are held of record by PLTR ...     <- text of (5)
        ...                                             <- texts of (6) ... (12), one paragraph each
        6)
        )
        ...
        (10)
        ch)
        (12)

    The block's lines are ids in order after the last id read before it: each exact id in the block
    must sit at its own place in that order, and the paragraphs after the id before the block must be
    exactly as many as the block's lines. Then each paragraph gets its id and the block is dropped.
    """
    t = len(units)
    while t > 0 and _ID_TOKEN.match(units[t - 1].line.strip()) and units[t - 1].line.strip() != ".":
        t -= 1
    block = range(t, len(units))
    if len(block) < 2 or not any(units[i].anchor is not None for i in block):
        return
    p = next((i for i in range(t - 1, -1, -1) if units[i].anchor is not None), -1)
    if p < 0:
        return
    first = int(units[p].anchor or 0) + 1
    if any(units[i].anchor is not None and int(units[i].anchor or 0) != first + i - t for i in block):
        return
    starts = [i for i in range(p + 1, t) if units[i].para]
    if len(starts) != len(block):
        return
    for n, i in enumerate(starts):
        units[i].anchor = str(first + n)
    for i in block:
        units[i].anchor, units[i].text = None, ""


# "... general partner of SC U.S." wraps mid-sentence: a line ending in initials ends no sentence
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,6}$")


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return text[-1:] in ".;:\"'" and not _INITIALS_END.search(text)


def _mark_paragraphs(units: list[_Unit]) -> None:
    """Set ``para`` on the first unit and on units after a blank line that follow a finished sentence."""
    prev = ""
    for i, u in enumerate(units):
        u.para = bool(u.text) and (i == 0 or (u.blank_before and (not prev or _ends_sentence(prev))))
        if u.text:
            prev = u.text


# An id that low-resolution OCR damaged beyond its digits: "(ay", "(zy", "()", "(4" (a wrong digit), "GB)",
# "Q)", "@)", "@", "®", "w". Tier A tokens carry a parenthesis or a symbol, or are one lower-case letter
# (never the articles "a" / "i"); tier B are other one- or two-letter words ("GB", "Oy"), which may be
# real text ("SC US", "In addition"), so they count only where the number of lost ids is known.
_WEAK_ID = re.compile(
    r"^\s{0,12}(?P<tok>\([^\s()]{0,2}\)?|[^\s()]{1,2}\)|[@®©]\)?|(?P<word>[A-Za-z]{1,2}))(?:\s(?P<body>\S.*))?$"
)
# "(i)" / "(ii)" / "(iv)" enumerate clauses inside a footnote's text
_ROMAN_ITEM = re.compile(r"^\((?:i{1,3}|iv|v|x)\)?$")
_WEAK_WORDS = frozenset(
    {"a", "i", "an", "in", "on", "of", "or", "to", "as", "at", "by", "if", "is", "it", "no", "so", "be"}
    | {"do", "he", "we", "my", "us", "mr", "ms", "dr", "st", "co"}
)


def _weak_id(unit: _Unit) -> tuple[int, bool] | None:
    """Where the text of a line that starts with a damaged id begins, and whether the id is tier A."""
    m = _WEAK_ID.match(unit.line)
    if m is None or _ROMAN_ITEM.match(m.group("tok")):
        return None
    body_at = m.start("body") if m.group("body") is not None else len(unit.line.rstrip())
    word = m.group("word")
    if word is None:
        return body_at, True
    if word.casefold() in _WEAK_WORDS or m.group("body") is None:
        return None
    # "Oy" / "ay": the ")" read as "y"
    return body_at, (len(word) == 1 and word.islower()) or (len(word) == 2 and word[1] == "y")


def _set_weak_anchor(unit: _Unit, fid: int, body_at: int) -> None:
    line_start = unit.end - len(unit.line.rstrip())
    unit.anchor, unit.text = str(fid), unit.line[body_at:].strip()
    unit.start = line_start + body_at + (len(unit.line[body_at:]) - len(unit.line[body_at:].lstrip()))


def _weak_ids(units: list[_Unit]) -> None:
    """Read damaged ids (``_WEAK_ID``) where ids are missing from the sequence read so far.

    Between two ids whose numbers jump (or before the first one), the damaged ids must be exactly as
    many as the ids lost (tier A and B together, else tier A alone). After the last id read (or in a
    section without any), tier A ids are taken in order. Either way a footnote must have ended a
    sentence between an id and the next one: an id on a footnote's middle line follows the end of
    the footnote before it.

    A well-formed enumeration (``(a)``, ``a)``, ``(ii)``, ``iv)``) opens a clause of a footnote's own text
    as often as it is a damaged id (``(a)`` for ``(1)``): it is tier B, an id only where the count of
    lost ids asks for it, never taken in order after the last id (``... vest on the earlier of:`` /
    ``(a) the first anniversary ...`` / ``(b) ...``).
    """

    def weak(unit: _Unit) -> tuple[int, bool] | None:
        w = _weak_id(unit)
        if w is not None and w[1] and re.fullmatch(r"\(?(?:[a-z]|ii|iv|vi|ix)\)", unit.line[: w[0]].strip()):
            return w[0], False
        return w

    anchors = [i for i, u in enumerate(units) if u.anchor is not None]
    bounds = [*anchors, len(units)]
    lo, last = 0, 0
    changed = False
    for hi in bounds:
        fid = int(units[hi].anchor or 0) if hi < len(units) else None
        cands = [(i, w) for i in range(lo, hi) if units[i].anchor is None and (w := weak(units[i]))]
        if fid is not None:
            missing = fid - last - 1
            picked = cands if len(cands) == missing else [c for c in cands if c[1][1]]
            if missing > 0 and len(picked) == missing and _ends_between(units, lo, picked):
                for n, (i, (body_at, _)) in enumerate(picked):
                    _set_weak_anchor(units[i], last + 1 + n, body_at)
                changed = True
        else:
            n = last
            # Whether a line since the last id (taken or read) ends a sentence, scanned once in order
            # (a rescan per candidate is quadratic): from an id just taken, its own line counts again.
            scan, ended = max(lo - 1, 0), False
            for i, (body_at, tier_a) in cands:
                while scan < i:
                    ended = ended or bool(units[scan].text and _ends_sentence(units[scan].text))
                    scan += 1
                if tier_a and (n == 0 or ended):
                    n += 1
                    _set_weak_anchor(units[i], n, body_at)
                    changed = True
                    scan, ended = i, False
        if fid is not None:
            lo, last = hi + 1, fid
    for u in units:
        if (
            u.anchor is None
            and u.text
            and (w := _weak_id(u)) is not None
            and w[1]
            and not u.line[w[0] :].strip()
        ):
            u.text, changed = "", True  # "@)" alone out of reading order: an id, never footnote text
    if changed:
        _mark_paragraphs(units)


def _ended_sentence(units: list[_Unit], lo: int, hi: int) -> bool:
    """Some line in ``[lo, hi)`` ends a sentence."""
    return any(u.text and _ends_sentence(u.text) for u in units[lo:hi])


def _ends_between(units: list[_Unit], lo: int, picked: list[tuple[int, tuple[int, bool]]]) -> bool:
    """Each picked id after the first footnote follows a sentence end since the id before it."""
    prev = lo - 1
    for i, _ in picked:
        if prev >= 0 and not _ended_sentence(units, prev, i):
            return False
        prev = i
    return True


_BARE_ID = re.compile(r"^\s{0,12}\((\d{1,2})\)\s*$")


def _recover_lost_ids(units: list[_Unit], anchors: list[int]) -> list[int]:
    """Give ids that OCR lost entirely ("(1)" and "(2)" gone, the first id read is "(3)") to paragraphs.

    Before the first id and between two ids whose numbers jump (3 -> 5), the paragraph starts are
    counted: when they are exactly the missing footnotes (plus the next footnote's own lines above its
    id, when its id line does not start a paragraph, unless each missing id is read alone elsewhere
    in the section), each gets the next missing id in order.
    """
    out: list[int] = []
    lo, last = 0, 0
    # ids read alone out of order ("(1)", "(2)" after "(3)"): the footnotes they number exist
    stray = {m.group(1) for u in units if u.anchor is None and (m := _BARE_ID.match(u.line))}
    for a in anchors:
        fid = int(units[a].anchor or 0)
        missing = fid - last - 1
        starts = [i for i in range(lo, a) if units[i].para]
        confirmed = all(str(n) in stray for n in range(last + 1, fid))
        if missing > 0 and not units[a].para and not (confirmed and len(starts) == missing):
            # the last paragraph is the lines above the id read (w3m / OCR centre the id); without
            # that spare paragraph the numbering may simply skip an id: then nothing is invented
            starts = starts[:-1] if len(starts) == missing + 1 else []
            if not starts:
                starts = _sentence_starts(units, lo, a, missing)
        if missing > 0 and len(starts) != missing and units[a].para:
            # OCR drops the blank line between some footnotes (and damages their ids): a line after a
            # finished sentence starts a footnote, when such lines are exactly the lost footnotes
            sentence = _after_sentences(units, lo, a)
            starts = sentence if len(sentence) == missing else starts
        if missing > 0 and len(starts) == missing:
            for n, i in enumerate(starts):
                units[i].anchor = str(last + 1 + n)
            out.extend(starts)
        elif missing > 0 and lo == 0 and a > 0 and any(u.blank_before for u in units[1:a]):
            # old fallback: a paragraph break before the first id read makes the first paragraph "1"
            units[0].anchor = "1"
            out.append(0)
        out.append(a)
        lo, last = a + 1, fid
    return out


def _after_sentences(units: list[_Unit], lo: int, hi: int) -> list[int]:
    """Units in ``[lo, hi)`` whose text follows a finished sentence (blank lines and empty id lines
    skipped; the unit before ``lo`` counts)."""
    out: list[int] = []
    prev = next((units[k].text for k in range(lo - 1, max(-1, lo - 4), -1) if units[k].text), "")
    for i in range(lo, hi):
        if not units[i].text:
            continue
        if prev and _ends_sentence(prev):
            out.append(i)
        prev = units[i].text
    return out


def _sentence_starts(units: list[_Unit], lo: int, a: int, missing: int) -> list[int]:
    """Starts of lost footnotes where no blank line separates footnotes (plain pdftotext).

    Between the previous id and a centred id ``a``, a line after a finished sentence may start a
    footnote; when such lines are exactly the lost footnotes plus the first line of ``a``'s own
    note, the lost ones are all but the last. Nothing when the count differs.
    """
    starts = [i for i in range(max(lo, 1), a) if units[i].text and _ends_sentence(units[i - 1].text)]
    return starts[:-1] if len(starts) == missing + 1 else []


def _anchor(text: str, last_id: int, on_chain: bool = False) -> tuple[str, int] | None:
    """Footnote id of a line and where its text starts; ids must follow in order (1, 2, ...)."""
    m = _FOOTNOTE_ID.match(text)
    if m and last_id < int(m.group(1)) <= last_id + 3:
        return m.group(1), m.start(2)
    if m and on_chain and last_id < int(m.group(1)):
        return m.group(1), m.start(2)
    m = _FOOTNOTE_ID_OCR.match(text)
    if m is None:
        return None
    body_at = m.start("body") if m.group("body") is not None else len(text)
    want = str(last_id + 1)
    exact = m.group("exact") or m.group("bare")
    if exact is not None:
        return (want, body_at) if exact == want else None
    head = m.group("head")
    if head is not None:  # "(5S)" is "(5)", "(1g)" may be "(18)" / "(19)"
        return (want, body_at) if want == head or (len(want) == 2 and want[0] == head) else None
    read = (m.group("tail") or "1").translate(_AS_DIGIT)
    # the damaged id may have lost one digit ("qi)" for "(11)"): accept a one-digit shorter suffix
    if read == want or (len(want) == len(read) + 1 and want.endswith(read)):
        return want, body_at
    return None


def _ids_apart(units: list[_Unit], anchors: list[int]) -> list[FootnoteFound] | None:
    """OCR of a two-column footnote block: all ids first ("(1)", "(2)", ...), then the texts, or all
    texts first and the bare ids after them.

    Then each paragraph on the other side of the id block is one footnote, in order, when the counts
    agree (paragraphs by blank lines, else by blank lines after a finished sentence).
    """
    if any(units[a].text for a in anchors):
        return None
    if any(len(units[i].text) > 4 for i in range(anchors[0], anchors[-1]) if units[i].anchor is None):
        return None
    after = units[anchors[-1] + 1 :]
    before = units[: anchors[0]]
    if after and before:
        return None
    body = after or before
    # plain pdftotext prints the column of ids, then one line per footnote, with no blank lines
    one_line_each = len(body) == len(anchors)
    for starts_para in (lambda u: u.blank_before, lambda u: u.para, lambda u: one_line_each):
        paras: list[list[_Unit]] = []
        for u in body:
            if starts_para(u) or not paras:
                paras.append([])
            paras[-1].append(u)
        if len(paras) == len(anchors):
            return [
                FootnoteFound(units[a].anchor or "", _join_pieces([u.text for u in p]), p[0].start, p[-1].end)
                for a, p in zip(anchors, paras, strict=True)
            ]
    return None


def _last_id_after_texts(units: list[_Unit], anchors: list[int]) -> list[FootnoteFound] | None:
    """OCR read a footnote's id alone after all the texts, and the others in place (some mid-note):

        (1) Each share is represented ... were vested as of the date of grant.
        SC US (TTGP), Ltd. ... Venture 2010 Management, ...      <- (2), its id lost in place
        ... for any other purposes.
        SC US (TTGP), Ltd. ... SCGF IV Management, ...           <- (3)
        (3) GFIV Funds except to ... for any other purposes.     <- its id on the middle line
        (2)                                                      <- the id of (2), read last

    The ids read after the numbering went wrong, so when the section ends with a bare id and its
    paragraphs (blank line after a finished sentence) are exactly as many as the ids, numbered
    1, 2, ... in order, each paragraph is one footnote in order.
    """
    last = anchors[-1]
    if last != len(units) - 1 or units[last].text or len(anchors) < 2:
        return None
    if [units[a].anchor for a in anchors] != [str(n) for n in range(1, len(anchors) + 1)]:
        return None
    starts = [i for i, u in enumerate(units) if u.para]
    if len(starts) != len(anchors) or not starts or starts[0] != _first_text(units):
        return None
    if all(units[i].anchor is not None for i in starts):
        return None  # every paragraph opens with its own id: the ordinary reading places them
    out = []
    for n, (lo, hi) in enumerate(zip(starts, [*starts[1:], len(units)], strict=True)):
        pieces = [u for u in units[lo:hi] if u.text]
        text = _join_pieces([u.text for u in pieces])
        out.append(FootnoteFound(str(n + 1), text, pieces[0].start, pieces[-1].end))
    return out


def _first_text(units: list[_Unit]) -> int:
    return next((i for i, u in enumerate(units) if u.text), len(units))


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
    # OCR sets a bare id line ("(7)" alone) apart by blank lines as a block of its own: the blank above
    # it is no boundary evidence (its footnote's text may sit right above it, without a blank line)
    if first.blank_before and first.text:
        cost -= 2.0 if first.para else _WEAK_BREAK
    if _CONTINUED.match(first.text):
        cost -= 3.0  # "(Continued from Footnote 2) ..." opens the next footnote, whatever the layout
    # the footnote before the boundary should end a sentence (pdf_layout prints a bare "(1)" line,
    # so look back past empty id lines) and the next one should start like a sentence
    prev = next((units[k].text for k in range(split - 1, max(-1, split - 4), -1) if units[k].text), "")
    if prev and not _ends_sentence(prev):
        cost += 0.75
    nxt = first.text or (units[split + 1].text if split + 1 < len(units) else "")
    if nxt[:1].islower():
        cost += 0.75
    # a blank line inside the chosen footnote is a paragraph break between two footnotes
    # (bounded look-ahead: beyond a few lines the count no longer changes the decision)
    for k in range(split + 1, min(next_anchor + 1, split + 1 + _LOOKAHEAD)):
        # a bare id line of the next footnote ("(6)" alone) after a blank says nothing about the text
        at_bare_id = k == next_anchor and (_isolated(units, k) or not units[k].text)
        if units[k].blank_before and not at_bare_id:
            cost += 1.0 if units[k].para else _WEAK_INSIDE
    return cost


_CONTINUED = re.compile(r"^\W{0,2}continued from footnote", re.I)
_HYPHEN_END = re.compile(r"\w-$")


def _join_pieces(pieces: list[str]) -> str:
    """Lines of one footnote joined by a space, except after a compound's hyphen at the line end
    ("FF-" / "IIIP" is "FF-IIIP": the converter wrapped the line at the hyphen)."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        # Only the last two characters can match; searching all of ``out`` made long notes quadratic.
        glue = "" if not out or _HYPHEN_END.search(out[-2:]) else " "
        out += glue + piece
    return collapse(out)


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
        seen = 0
        # Plain pdftotext prints "**", "Date" and the name each as its own paragraph, blank lines
        # between: the window counts printed lines, so blank ones do not push the name out of it.
        while j >= floor and j >= i - _SIG_RAW_WINDOW and seen < _SIG_WINDOW:
            t = lines[j].text
            seen += bool(t.strip())
            if _SIGNATURES_HEADING.search(t) or _SIG_LABEL.search(t) or _EXPLANATION.search(t):
                break
            if _SECTION_END.search(t):
                break
            if _LABEL_DEBRIS.sub("", t).strip(' *“"'):
                block.insert(0, lines[j])
            elif block and not lines[j + 1].text.strip():
                break  # two blank lines end the block; one may sit inside a wrapped name
            j -= 1
        if any(_CAPTION_DEBRIS.search(b.text) for b in block):
            block = _block_below_heading(lines, floor, i) or block
        floor = i + 1
        several = _dated_rows(block)
        if several:
            out.extend(sig for sig in map(_signature_from_block, several) if sig is not None)
            continue
        sig = _signature_from_block(block)
        if sig is not None and sig.date is None:
            sig.date = _date_below(lines, i)
        if sig is not None:
            out.append(sig)
    return out


def _dated_rows(block: list[Line]) -> list[list[Line]]:
    """Several signatures above one label: EDGAR prints a co-filed form's signatures as rows of
    "name <tab or spaces> date" over a single "**Signature of Reporting Person  Date" label. Returns
    the block cut after each line that ends in a date with a name before it (a wrapped name's first
    lines go with the dated line below them), or nothing when the block is one signature."""
    rows: list[list[Line]] = []
    current: list[Line] = []
    for line in block:
        current.append(line)
        dates = list(DATE_RE.finditer(line.text))
        if (
            dates
            and re.search(r"[A-Za-z]{2}", line.text[: dates[-1].start()])
            and parse_date(dates[-1].group(0))
        ):
            rows.append(current)
            current = []
    if current or len(rows) < 2:
        return []
    return rows


# Table captions ("(Instr. 5)", "5. Ownership Form of ...") inside a signature block: EDGAR's
# ruled print makes plain pdftotext emit "Signatures / name / date" *before* the relationship
# words and Table II captions of the same band, so walking up from the label finds captions.
_CAPTION_DEBRIS = re.compile(r"\(Instr\.\s?\d\)|^\s{0,4}\d{1,2}[A-Z]?\.\s{1,3}[A-Z]")


def _block_below_heading(lines: list[Line], floor: int, label: int) -> list[Line]:
    """The name line(s) and date line printed right under the nearest "Signatures" heading above
    the label (at most three printed lines, ending at the first date); empty when there is none."""
    heading = next(
        (
            k
            for k in range(label - 1, max(floor, label - 40) - 1, -1)
            if _SIGNATURES_HEADING.search(lines[k].text)
        ),
        -1,
    )
    if heading < 0:
        return []
    block: list[Line] = []
    for line in lines[heading + 1 : label]:
        if not line.text.strip():
            continue
        if _CAPTION_DEBRIS.search(line.text) or len(block) >= 3:
            return []
        block.append(line)
        if DATE_RE.search(line.text):
            return block if len(block) >= 2 else []
    return []


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
