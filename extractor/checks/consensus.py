"""Document-internal consensus: repair OCR-damaged text values from the filing's own repetitions.

A filing prints many text values several times: one security title on several rows and again as Table II's
underlying title, one fund name in the nature-of-ownership cells of several rows and again in a footnote
("... held by Sequoia Capital U.S. Growth Fund IV, L.P. ..."). OCR damages each printing independently, so
a damaged printing (``Growin``, ``Perate``, ``L.p,``) can be replaced by a near-identical printing of the
same document that is better supported. Per field family (security titles incl. underlying titles; nature
of ownership) a value ``v`` is replaced by a candidate ``c`` only when

- ``c`` is printed in the document: another value of the family, or a passage of the footnotes/remarks
  found by a fuzzy search (snapped to word boundaries): never invented text;
- ``c`` is within a length-relative edit budget of ``v`` (``people.distance.text_value_budget``);
- both carry the same *distinguishing tokens* (class letters, roman numerals, numbers, ``(Q)``);
- ``c`` is printed more often than ``v`` (family count + footnote count);
- ``c`` looks cleaner: every word where they differ is rarer in the whole document in ``v`` than in ``c``,
  and ``c`` has no more OCR debris (``|``, ``L.p``, a trailing comma, ...) than ``v``.

Traps: ``Class A Common Stock`` / ``Class B Common Stock`` and ``Fund VII`` / ``Fund VIII`` are one edit
apart and both correct: the distinguishing-token test keeps them apart. ``Partners Fund (Q), LP`` and
``Partners Fund, LP`` are two funds, not one damaged name. In clean (w3m, pdftotext) text a rarer word is
often a real word (``Options`` beside ``Option``): the word-rarity test alone would merge them, so a
repair also needs the candidate's support to be strictly higher and no new debris.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Protocol

from extractor.checks.context import CheckContext
from extractor.checks.printed_words import (
    MAX_VALUES,
    ROMAN,
    TABLES,
    edge_key,
    footnote_text,
    note_key,
    patch_printing,
    words,
)
from extractor.people.distance import best_passage_match, text_value_budget, within_edits
from extractor.records import OwnershipFiling

WHY = "printed elsewhere in the filing"
WHY_GLUE = "the next row's wrapped start, as the footnotes print its name"
FAMILIES: dict[str, tuple[str, ...]] = {
    "title": ("security_title", "underlying_security_title"),
    "nature": ("nature_of_ownership",),
}
MIN_VALUE_LEN = 6  # shorter values ("Stock") have no room for a safe edit
FOOTNOTE_MIN_RATIO = 0.85  # partial_ratio of a value against its footnote printing
FOOTNOTE_LOOSE_RATIO = 0.75  # the second search, for a printing that lost a whole word
_EDGE_PUNCT = " \t\n,;:(|_"
# OCR debris: pipe/underscore/odd symbols, an abbreviation with a lowercase letter after the dot (``L.p``),
# a value ending on a comma, a stray lowercase single letter that is not a word.
_DEBRIS = re.compile(r"[|_~^{}\[\]<>*“”«»]|[A-Z]\.[a-z]\b|,\s*$|(?:^|\s)[b-hj-z](?=\s|$)")


def _distinguishing(value: str) -> tuple[frozenset[str], frozenset[str]]:
    """Tokens that name *which* security or fund (a class letter, a roman numeral, a number, ``(Q)``),
    and the damaged numerals (``XIL``, ``VIL``: numeral letters that are no valid numeral)."""
    names: set[str] = set()
    damaged: set[str] = set()
    raws = value.split()
    for i, raw in enumerate(raws):
        tok = raw.strip(".,;:()[]")
        if not tok:
            continue
        if any(ch.isdigit() for ch in tok):
            names.add(tok.casefold())
        elif len(tok) == 1 and tok.isalpha() and tok.isupper():
            # A lone capital after a value's last punctuation (``L.p, W``) is debris, not a class letter.
            if not (i == len(raws) - 1 and i > 0 and raws[i - 1][-1] in ",."):
                names.add(tok)
        elif tok.isupper() and tok.isalpha() and ROMAN.fullmatch(tok):
            names.add(tok)
        elif len(tok) >= 2 and tok.isupper() and set(tok) <= set("IVXLCDM"):
            damaged.add(tok)
    return frozenset(names), frozenset(damaged)


def _same_distinguishing(value: str, cand: str) -> bool:
    """Same class letters, numerals and numbers (as sets: ``Class A (A)`` repeats, it does not add);
    a numeral the candidate has more may only stand for a damaged numeral of the value one edit away."""
    (mine, damaged), (theirs, _) = _distinguishing(value), _distinguishing(cand)
    if mine - theirs:
        return False
    return all(any(within_edits(t, d, 1) is not None for d in damaged) for t in theirs - mine)


def _debris(value: str) -> int:
    return len(_DEBRIS.findall(value))


def _snap(passage: str, start: int, end: int) -> str:
    """Widen a fuzzy match to whole words and drop separators at its ends."""
    while start > 0 and not passage[start - 1].isspace():
        start -= 1
    while end < len(passage) and not passage[end].isspace():
        end += 1
    cand = " ".join(passage[start:end].split()).strip(_EDGE_PUNCT)
    # An unbalanced closing parenthesis belongs to the prose around the name ("(GGF)" was cut).
    while cand.endswith(")") and cand.count(")") > cand.count("("):
        cand = cand[:-1].rstrip(_EDGE_PUNCT)
    # A sentence's full stop is not part of the name ("... held by Sequoia Grove II, LLC."), but the
    # stop of an abbreviation is ("L.P.").
    last = cand.rsplit(" ", 1)[-1]
    if cand.endswith(".") and last.count(".") == 1:
        cand = cand[:-1]
    return cand


def _same_edges(value: str, cand: str) -> bool:
    """A footnote match must start and end on the value's own words: the fuzzy alignment happily swaps
    the cell's ``By`` for the prose's ``of``/``and``, or runs on into the next word of the sentence."""
    vt, ct = value.split(), cand.split()
    if not vt or not ct:
        return False
    return _same_word(edge_key(vt[0]), edge_key(ct[0])) and _same_word(edge_key(vt[-1]), edge_key(ct[-1]))


def _same_word(a: str, b: str) -> bool:
    """Equal, or one OCR-damaged word (``Grown``/``Growth``): same first letter, few edits, not short."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    return within_edits(a, b, len(b) // 3) is not None


def _trim_to(value: str, cand: str) -> str:
    """Drop words the fuzzy window caught beyond the value's own first/last word (``(GFVI)`` after a
    fund's name, ``of`` before it), while the candidate is longer than the value."""
    vt, ct = value.split(), cand.split()
    while len(ct) > len(vt) and not _same_word(edge_key(vt[-1]), edge_key(ct[-1])):
        ct.pop()
    while len(ct) > len(vt) and not _same_word(edge_key(vt[0]), edge_key(ct[0])):
        ct.pop(0)
    return " ".join(ct).strip(_EDGE_PUNCT)


def _keep_case(value: str, cand: str) -> str:
    """A word the footnote prints in lower case mid-sentence (``held by``) keeps the cell's capital
    (``By``); any other case difference (``L.p.``/``L.P.``) is the repair itself and follows the footnote."""
    vt, ct = value.split(), cand.split()
    if len(vt) != len(ct):
        return cand
    return " ".join(
        v if v.casefold() == c.casefold() and c.islower() else c for v, c in zip(vt, ct, strict=True)
    )


def _is_clean_abbrev(value: str, word: str) -> bool:
    """``word`` (casefolded) is printed in ``value`` all in capitals (``LP``), as clean text prints it.

    A dot or colon right after it (``US.``, ``US:``) is a dotted abbreviation that lost a dot, and a comma
    ending the value (``XII, LP,``) is the misread final dot of ``L.P.``: neither is a house style."""
    toks = value.split()
    for i, tok in enumerate(toks):
        last = i == len(toks) - 1
        core = tok[:-1] if tok.endswith(",") and not last else tok
        if core.casefold() == word and core.isalpha() and core.isupper():
            return True
    return False


def _words_rarer(value: str, cand: str, freq: Counter[str]) -> bool | None:
    """Whether every word where ``value`` differs from ``cand`` is rarer in the document than its
    replacement; ``None`` when the words agree (only punctuation/case differ)."""
    vw, cw = words(value), words(cand)
    ops = [op for op in SequenceMatcher(a=vw, b=cw, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return None
    for tag, i1, i2, j1, j2 in ops:
        mine = vw[i1:i2]
        # Merged words (``ExpansionFund``) and inflections (``Footnotes``/``Footnote``) are printed that
        # way in clean text too (a split word, ``cl ass``, is not): layout and grammar, not OCR damage.
        theirs_words = cw[j1:j2]
        if (
            tag == "replace"
            and len(mine) < len(theirs_words)
            and "".join(mine) == "".join(theirs_words)
            and min(len(w) for w in theirs_words) > 1
        ):
            return False
        # ``LP`` / ``L.P.`` are both house styles of clean text; ``Lp.`` (mixed case) is OCR damage.
        if tag == "replace" and len(mine) == 1 < len(theirs_words) and _is_clean_abbrev(value, mine[0]):
            return False
        # A mixed-case abbreviation (``Lp.``) spelled out in dotted capitals (``L.P.``): OCR damage,
        # whatever the document's word counts say (a filing printing ``LP`` often makes ``lp`` common).
        # An insert has no word of the value (``L.`` -> ``L.P.`` inserts ``p``): nothing to spell out.
        spelled = len(mine) == 1 and all(len(w) == 1 for w in theirs_words)
        spelled = spelled and "".join(theirs_words) == mine[0]
        if tag == "replace" and len(mine) == 1 < len(theirs_words) and spelled:
            continue
        if tag == "replace" and len(mine) == 1 == j2 - j1 and mine[0].rstrip("s") == cw[j1].rstrip("s"):
            return False
        # A last word cut short (``Stoc`` for ``Stock``) is a cell too narrow for its text, printed so
        # in clean text as well; the gold keeps what the filing prints.
        if tag == "replace" and i2 == len(vw) and len(mine) == 1 == j2 - j1 and cw[j1].startswith(mine[0]):
            return False
        theirs = max((freq[w] for w in cw[j1:j2]), default=0)
        if tag == "insert":
            continue  # the candidate has a word the value lost: the candidate prints it
        if any(freq[w] >= theirs and tag == "replace" for w in mine):
            return False
        if tag == "delete" and any(freq[w] > 1 for w in mine):
            return False
    return True


class Family:
    """The values of one field family in one document, with their supports (``check_nature`` asks it
    whether a value it cleaned is one consensus would repair)."""

    def __init__(self, values: list[str], notes: str, note_fold: str, freq: Counter[str]) -> None:
        self.count = Counter(values)
        self.notes, self.note_fold, self.freq = notes, note_fold, freq

    def support(self, value: str) -> int:
        return self.count[value] + (self.note_fold.count(note_key(value)) if self.note_fold else 0)

    def in_notes(self, value: str) -> bool:
        return bool(self.note_fold) and note_key(value) in self.note_fold

    def candidates(self, value: str) -> list[str]:
        out = [c for c in self.count if c != value]
        for cand in self._note_printings(value):
            if cand and cand != value and cand not in out:
                out.append(cand)
        return out

    def _note_printings(self, value: str) -> list[str]:
        """The value's printing in the footnotes, if any; a cell's ``By`` prefix is matched apart from
        the name (prose prints ``held by X`` or ``partner of X``, so the fuzzy window would start on
        the prose's word instead) and stays the cell's own word."""
        if not self.notes:
            return []
        out: list[str] = []
        head, _, name = value.partition(" ")
        for prefix, needle in (("", value), (head + " ", name) if head.casefold() == "by" else ("", "")):
            if len(needle) < MIN_VALUE_LEN:
                continue
            cand = self._note_printing(needle)
            if cand is not None:
                out.append(prefix + cand)
        return out

    def _note_printing(self, value: str) -> str | None:
        # partial_ratio compares equal-length windows, so a word the cell lost (``U.S. Fund IV`` for
        # ``U.S. Growth Fund IV``) drops the ratio far more than a damaged letter: a second, looser
        # search is still bounded by the edit budget, the same edges and the tests in ``best``.
        for ratio in (FOOTNOTE_MIN_RATIO, FOOTNOTE_LOOSE_RATIO):
            span = best_passage_match(value, self.notes, min_ratio=ratio)
            if span is None:
                continue
            start, end = span
            if ratio < FOOTNOTE_MIN_RATIO:
                # The window is as long as the cell's text, so it stops short of the printing's end by
                # the lost word: widen it; ``_trim_to`` cuts it back to the value's last word.
                end = min(len(self.notes), end + 2 * text_value_budget(len(value)))
            cand = _keep_case(value, _trim_to(value, _snap(self.notes, start, end)))
            if cand and _same_edges(value, cand):
                return cand
        return None

    def best(self, value: str) -> str | None:
        if len(value) < MIN_VALUE_LEN:
            return None
        budget = text_value_budget(len(value))
        mine_support, mine_debris = self.support(value), _debris(value)
        best: tuple[int, int, str] | None = None
        for printed in self.candidates(value):
            # The support is the printing's; every other test judges what would be written.
            cand = patch_printing(value, printed)
            if cand == value:
                continue
            dist = within_edits(value.casefold(), cand.casefold(), budget)
            if dist is None or not _same_distinguishing(value, cand):
                continue
            support = self.support(printed)
            # A tie goes to a printing in the footnotes: prose is OCRed cleaner than table cells.
            in_notes = self.in_notes(printed)
            if support < mine_support or (support == mine_support and not in_notes):
                continue
            if _debris(cand) > mine_debris:
                continue
            rarer = _words_rarer(value, cand, self.freq)
            if rarer is False or (rarer is None and _debris(cand) >= mine_debris):
                continue
            key = (support, -dist, cand)
            if best is None or key > best:
                best = key
        return best[2] if best else None


# A wrapped start glued onto the row above is its first line or two (``By Sequoia Capital``).
_GLUE_MAX_WORDS = 4
_LEAD = "By"


def _glued_start(value: str) -> tuple[str, str] | None:
    """``(head, tail)`` when ``value`` restarts with its own lead word ``By`` near its end: OCR printed
    the next row's wrapped start (``By`` / ``Sequoia`` / ``Capital``) above that row's data line, and
    the reading gave it to the row above (``... Fund IV, L.P. & By Sequoia Capital``)."""
    toks = value.split()
    if len(toks) < 3 or toks[0] != _LEAD:
        return None
    starts = [i for i in range(max(1, len(toks) - _GLUE_MAX_WORDS), len(toks)) if toks[i] == _LEAD]
    if len(starts) != 1:
        return None
    head_words = toks[: starts[0]]
    # The footnote mark between the two (``&``, ``2)``) is debris of the row above: no letters.
    while head_words and not any(ch.isalpha() for ch in head_words[-1]):
        head_words.pop()
    head, tail = " ".join(head_words), " ".join(toks[starts[0] :])
    return (head, tail) if len(head) >= MIN_VALUE_LEN else None


class _NatureRow(Protocol):
    nature_of_ownership: str | None


def _move_glued_starts(table: str, rows: Sequence[_NatureRow], notes: str, ctx: CheckContext) -> None:
    """Give a glued-on wrapped start back to the next row of the same table.

    Evidence, not layout guessing: the next row's nature lacks the lead word, and the tail joined to it
    is printed in the footnotes (``... Sequoia Capital USGF Principals Fund IV, L.P. ...``). Clean text
    never needs this: its cells do not run into each other, and a value like ``By Trust A and By Trust B``
    leaves no lead-less next row whose completion the footnotes print."""
    for i in range(len(rows) - 1):
        value, nxt = rows[i].nature_of_ownership, rows[i + 1].nature_of_ownership
        if not isinstance(value, str) or not isinstance(nxt, str) or nxt.split(" ", 1)[0].casefold() == "by":
            continue
        split = _glued_start(value)
        if split is None:
            continue
        head, tail = split
        joined = f"{tail} {nxt}"
        name = joined.split(" ", 1)[1]
        span = best_passage_match(name, notes, min_ratio=FOOTNOTE_MIN_RATIO)
        if span is None or not _same_edges(name, _trim_to(name, _snap(notes, *span))):
            continue
        rows[i].nature_of_ownership = head
        rows[i + 1].nature_of_ownership = joined
        ctx.repaired(f"{table}[{i}].nature_of_ownership", value, head, WHY_GLUE)
        ctx.repaired(f"{table}[{i + 1}].nature_of_ownership", nxt, joined, WHY_GLUE)


def check_consensus(filing: OwnershipFiling, ctx: CheckContext) -> None:
    """Replace OCR-damaged title and nature-of-ownership values by their best-supported printing."""
    notes = footnote_text(filing)
    note_fold = notes.casefold()
    if notes:
        for table in TABLES:
            _move_glued_starts(table, getattr(filing, table), notes, ctx)
    by_family: list[list[tuple[str, object, str, str]]] = []  # (row path, row, field, value)
    for fields in FAMILIES.values():
        cells: list[tuple[str, object, str, str]] = []
        for table in TABLES:
            for i, row in enumerate(getattr(filing, table)):
                for name in fields:
                    value = getattr(row, name, None)
                    if isinstance(value, str) and value.strip():
                        cells.append((f"{table}[{i}]", row, name, value))
        by_family.append(cells)
    # Word frequencies over the whole document; without the text (a caller with no spans), over what the
    # record itself prints.
    if ctx.text is not None:
        freq = Counter(words(ctx.text))
    else:
        freq = Counter(words(notes + " " + " ".join(c[3] for cells in by_family for c in cells)))
    for cells in by_family:
        family = Family([c[3] for c in cells], notes, note_fold, freq)
        if not cells or len(family.count) > MAX_VALUES:
            continue
        # Decide per distinct value against the supports as printed, then write: a repair must not
        # become the support of the next one (two damaged printings would otherwise chain).
        fixes = {v: b for v in family.count if (b := family.best(v)) is not None}
        for prefix, row, name, value in cells:
            after = fixes.get(value)
            if after is not None:
                setattr(row, name, after)
                ctx.repaired(f"{prefix}.{name}", value, after, WHY)
