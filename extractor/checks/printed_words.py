"""The printed words of a filing's text values, as the text checks (nature, consensus, titles) read them.

Shared here so the three checks read one filing the same way:

- ``footnote_text``: the footnotes and remarks as one whitespace-collapsed passage, where the prose prints
  the names the table cells abbreviate or damage;
- ``words`` / ``edge_key`` / ``note_key``: a value's words for counting, comparing and finding in prose;
- ``patch_printing``: a repair takes the other printing's words but keeps the cell's house style of an
  abbreviation (``L.P.`` / ``LP``);
- ``MAX_VALUES``: how many distinct values of one field a check compares pairwise at most. A filing with
  more is garbage (or a pathological input) and its values are left as read: the pairwise tests are
  quadratic in the number of values.

Trap: the footnotes of an OCR page come in blocks cut mid-sentence; joined with single spaces a name that
wrapped over a block break (``Sequoia Capital`` / ``U.S. Growth Fund``) reads as printed.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from extractor.records import OwnershipFiling

# The row tables of Forms 3/4/5 whose text cells the checks read, in the filing's order.
TABLES = (
    "non_derivative_transactions",
    "non_derivative_holdings",
    "derivative_transactions",
    "derivative_holdings",
)
MAX_VALUES = 60  # distinct values of one field family compared pairwise; beyond that nothing is repaired
NOTE_NAME_MIN_LEN = 6  # a ``By`` prefix is matched apart only from a name at least this long

ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_WORD = re.compile(r"[^\W_]+")
# The two house styles of an abbreviation in clean text (``LP`` / ``L.P.``); a comma may follow mid-value.
_HOUSE_STYLE = re.compile(r"(?:[A-Z]{2,4}|(?:[A-Z]\.){2,4}),?")


def footnote_text(filing: OwnershipFiling) -> str:
    """The footnotes, then the remarks, as one passage with single spaces (``""`` when there are none)."""
    parts = [f.text for f in filing.footnotes if f.text]
    if filing.remarks:
        parts.append(filing.remarks)
    return " ".join(" ".join(parts).split())


def words(value: str) -> list[str]:
    """The value's words (letters and digits), casefolded: ``L.P.`` is ``l``, ``p``."""
    return [w.casefold() for w in _WORD.findall(value)]


def edge_key(token: str) -> str:
    """A token by its letters and digits only, casefolded: ``L.P.,`` / ``LP`` / ``lp`` alike."""
    return "".join(ch for ch in token.casefold() if ch.isalnum())


def note_key(value: str) -> str:
    """What the footnotes print of a cell value: the name without the cell's ``By`` (prose prints
    ``held by X``, ``partner of X``)."""
    fold = value.casefold()
    return fold[3:] if fold.startswith("by ") and len(fold) > 3 + NOTE_NAME_MIN_LEN else fold


def _house_style(vt: str, ct: str, last: bool) -> bool:
    """``vt`` and ``ct`` print one abbreviation in the two clean styles (``L.P.`` / ``LP``)."""
    if vt == ct or edge_key(vt) != edge_key(ct) or (last and vt.endswith(",")):
        return False
    return _HOUSE_STYLE.fullmatch(vt) is not None and _HOUSE_STYLE.fullmatch(ct) is not None


def patch_printing(value: str, cand: str) -> str:
    """The candidate's printing, except where the two print one abbreviation in the two clean house styles
    (the cell ``L.P.``, the footnote ``LP``): there the cell's own style stays, as the gold keeps it. A
    footnote's printing repairs the damaged words of a cell (``Growin``), not its house style."""
    vt, ct = value.split(), cand.split()
    out: list[str] = []
    ops = SequenceMatcher(a=[edge_key(t) for t in vt], b=[edge_key(t) for t in ct], autojunk=False)
    for tag, i1, i2, j1, j2 in ops.get_opcodes():
        if tag != "equal":
            out.extend(ct[j1:j2])
            continue
        for k in range(i2 - i1):
            v, c = vt[i1 + k], ct[j1 + k]
            out.append(v if _house_style(v, c, i1 + k == len(vt) - 1) else c)
    return " ".join(out)
