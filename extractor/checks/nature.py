"""Nature-of-ownership repairs that the edit-budget consensus (``consensus.py``) cannot make safely.

OCR table reading damages the nature cell in ways that are not letter slips:

- a word of the cell is printed but the reader dropped it (``By Sequoia Technology`` / ``Partners XI, LP``
  read as ``By Sequoia Technology Partners LP``): restored when the cell's own printed text holds the word
  AND the footnotes (or another cell) print the whole name with it, in the same order;
- debris glued into a standard value (``1 See Footnote``: a table rule read as ``1``; ``See naar ee
  Footnote``; ``Sequoia Capital k 1 U.S. ...``): dropped when what remains is a value the filing prints;
- a word printed nowhere else in the filing between words that match a printed name (``By Sequoia
  Capital U.S. Olg Partners Fund, LP``): replaced when exactly one printed name fits around it;
- a lone lead word (``See``) whose cell lost the rest: snapped to the one value the filing prints with
  that lead word (``See Footnote``);
- the lower-case continuation of a wrapped cell read as the start of the next row (``By estate`` /
  ``planning vehicle Sequoia Capital ... Fund XV, L.P.``): moved back when the rest of the next row is a
  name the filing prints.

Traps. ``Fund XV`` / ``Partners Fund XV`` / ``Fund XV (Q)`` are distinct funds: a word is never inserted
on the footnote's say-so alone (the cell's printed text must hold it, in order), and a garbled word is
replaced only when exactly one printed name fits around it (``Fund Vll``: ``VII`` and ``VIII`` both fit,
no repair). ``ExpansionFund`` run together is clean text's printing, not garbling. ``By Trust A`` /
``By Trust`` are two owners: a capital letter is debris only after the value's own punctuation
(``XII, P L.p.``). In clean text no cell holds debris or a dropped
word, so these repairs leave w3m/pdftotext output alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from extractor.assemble.ownership_tables_rows import NATURE_LEADS
from extractor.checks.consensus import Family
from extractor.checks.context import CheckContext
from extractor.checks.printed_words import (
    MAX_VALUES,
    NOTE_NAME_MIN_LEN,
    ROMAN,
    TABLES,
    edge_key,
    footnote_text,
    note_key,
    patch_printing,
    words,
)
from extractor.records import OwnershipFiling

WHY_DROPPED = "a word the cell prints, as the footnotes print the name"
WHY_DEBRIS = "OCR debris in a value the filing prints"
WHY_GARBLED = "a garbled word, as the filing prints the name around it"
WHY_LEAD = "a lone lead word, completed as the filing prints it"
WHY_CONT = "the previous row's wrapped continuation"

MAX_INSERTED = 2  # words a reader drops from one cell (a numeral and its comma-word, ``(Q),``)
_LEAD_WORDS = frozenset({"see", "by"})
_CONT_MAX_WORDS = 3
_EDGE = " ,;:"
_DEBRIS_MARKS = frozenset("|©®@“”‘’«»_~[]{}<>*^°§¢()'\".,;:")


def _tokens(text: str) -> list[str]:
    return [t for t in text.split() if edge_key(t)]


class _Source:
    """A text the repairs search for a fuller or cleaner printing (the footnotes, another cell's value),
    tokenised once: the searches run per value against every source."""

    __slots__ = ("keys", "text", "tokens")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.keys = [edge_key(t) for t in self.tokens]


# ---------------------------------------------------------------------------------------------------
# Dropped words, restored from the cell's own printing


def _subsequence(needle: Sequence[str], hay: Sequence[str]) -> bool:
    it = iter(hay)
    return all(any(h == n for h in it) for n in needle)


def _windows(value_keys: list[str], source: _Source) -> list[list[str]]:
    """Token windows of the source that start on the value's first word, end on its last, and hold the
    value's words in order plus 1..MAX_INSERTED more."""
    keys, tokens = source.keys, source.tokens
    n = len(value_keys)
    out: list[list[str]] = []
    for s, key in enumerate(keys):
        if key != value_keys[0]:
            continue
        for length in range(n + 1, n + MAX_INSERTED + 1):
            window = keys[s : s + length]
            if len(window) < length or window[-1] != value_keys[-1]:
                continue
            if _subsequence(value_keys, window) and all(
                _insertable(t) for t in _inserted(value_keys, tokens[s : s + length])
            ):
                out.append(tokens[s : s + length])
    return out


def _inserted(value_keys: list[str], window: list[str]) -> list[str]:
    """The window's tokens left over after matching the value's words in order (greedy)."""
    out: list[str] = []
    j = 0
    for tok in window:
        if j < len(value_keys) and edge_key(tok) == value_keys[j]:
            j += 1
        else:
            out.append(tok)
    return out


def _insertable(tok: str) -> bool:
    """A lone letter is restored only in its parentheses (``(Q)``): a bare ``I``/``D`` in a cell's
    printed text is usually the ownership-form column beside it."""
    return len(edge_key(tok)) >= 2 or "(" in tok


def _clean_end(tokens: list[str]) -> str:
    """A name cut out of prose: no separator at its end, no sentence stop after a plain word."""
    text = " ".join(tokens).strip(_EDGE)
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and last.count(".") == 1:
        text = text[:-1]
    return text


def _restored(value: str, printed: str, sources: list[_Source]) -> str | None:
    """The fuller printing of ``value`` that its own cell text ``printed`` supports, if exactly one."""
    head, _, name = value.partition(" ")
    prefix, needle = (head + " ", name) if head.casefold() == "by" and name else ("", value)
    value_keys = [edge_key(t) for t in _tokens(needle)]
    if len(value_keys) < 2:
        return None
    printed_keys = [edge_key(t) for t in _tokens(printed)]
    found: set[str] = set()
    for source in sources:
        # The value printed as it stands is a name of its own (``Fund XV`` beside ``Partners Fund XV``)
        # unless its own cell prints more of the fuller name: judged by the windows below.
        for window in _windows(value_keys, source):
            if _subsequence([edge_key(t) for t in window], printed_keys):
                found.add(_clean_end(window))
    if not found:
        return None
    longest = max(len(c.split()) for c in found)
    best = {c for c in found if len(c.split()) == longest}
    if len(best) != 1:
        return None
    return patch_printing(value, prefix + best.pop())


# ---------------------------------------------------------------------------------------------------
# A garbled word between two printed anchors

MAX_GARBLED = 2  # garbled words in a row (``Olg`` for ``Venture 2010``, ``ital`` for ``Capital U.S.``)
MAX_REPLACEMENT = 3


def _garbled_run(tokens: list[str], freq: Counter[str]) -> tuple[int, int] | None:
    """The one run of words printed nowhere else in the filing, with words on both sides of it."""
    rare = [i for i, t in enumerate(tokens) if all(freq[w] <= 1 for w in words(t)) and words(t)]
    if not rare or rare[-1] - rare[0] + 1 != len(rare) or len(rare) > MAX_GARBLED:
        return None
    start, end = rare[0], rare[-1] + 1
    if start == 0 or end == len(tokens):
        return None
    return start, end


def _replaced(value: str, sources: list[_Source], freq: Counter[str], note_keys: str) -> str | None:
    """The printing that differs from ``value`` only where ``value`` has its rare, garbled words."""
    head, _, name = value.partition(" ")
    prefix, needle = (head + " ", name) if head.casefold() == "by" and name else ("", value)
    tokens = _tokens(needle)
    run = _garbled_run(tokens, freq)
    if run is None or len(tokens) - (run[1] - run[0]) < 3 or _keyed(needle) in note_keys:
        return None
    before = [edge_key(t) for t in tokens[: run[0]]]
    after = [edge_key(t) for t in tokens[run[1] :]]
    garbled = "".join(edge_key(t) for t in tokens[run[0] : run[1]])
    # Keyed by words alone (``LP``/``Lp``): the first printing wins, and the footnotes come first.
    found: dict[str, str] = {}
    for source in sources:
        src, keys = source.tokens, source.keys
        for s in range(len(keys) - len(before) - len(after)):
            if keys[s : s + len(before)] != before:
                continue
            mid = s + len(before)
            for k in range(1, MAX_REPLACEMENT + 1):
                # Words run together (``ExpansionFund``) are printed so in clean text too: no repair.
                merged = "".join(keys[mid : mid + k]) == garbled
                if keys[mid + k : mid + k + len(after)] == after and not merged:
                    cand = _clean_end(src[s : mid + k + len(after)])
                    # ``_keyed(cand)``: the window's keys (the cut edge punctuation has no key).
                    found.setdefault(" " + " ".join(keys[s : mid + k + len(after)]) + " ", cand)
    if len(found) != 1:
        return None  # none, or two funds the garbled words could stand for (``Fund VII`` / ``VIII``)
    return patch_printing(value, prefix + next(iter(found.values())))


# ---------------------------------------------------------------------------------------------------
# Debris inside a value the filing prints


def _is_debris(tok: str, i: int, toks: list[str], freq: Counter[str], lead: bool) -> bool:
    core = tok.strip(".,;:()[]")
    last = i == len(toks) - 1
    if not any(ch.isalnum() for ch in tok):
        # Scanner marks (``|``, ``©]``), never a dash or ampersand (``Fund III - Endurance`` is a name);
        # a mark closing the value is the filing's own (``LLC (``, as the gold keeps it).
        return not last and set(tok) <= _DEBRIS_MARKS
    if len(core) == 1 and core.isdigit():
        # A table rule or footnote mark; closing the value only as a mark (``1.``), since a bare final
        # number names one of several (``Trust 1``).
        return not last or tok != core
    if len(core) == 1 and core.islower():
        return True
    if lead:
        # Before the value's first word: a footnote mark or a rule with letters (``M10``, ``l``).
        return len(core) <= 3 and any(ch.isdigit() for ch in core) and any(ch.isalpha() for ch in core)
    if len(core) == 1 and core.isupper() and toks[i - 1].endswith(","):
        return True  # ``XII, P L.p.``: a class letter never follows the value's own comma
    # A short lower-case word inside the value printed nowhere else in the filing (``See naar ee
    # Footnote``); a long or final one may be the value's own (``Estate planning vehicles``).
    return (
        not last
        and core.isalpha()
        and core.islower()
        and len(core) <= 4
        and freq[core.casefold()] <= 1
        and not ROMAN.fullmatch(core.upper())
    )


def _without_debris(value: str, freq: Counter[str]) -> str | None:
    toks = value.split()
    keep: list[str] = []
    started = False
    for i, tok in enumerate(toks):
        debris = _is_debris(tok, i, toks, freq, lead=not started)
        if not debris:
            started = True
            keep.append(tok)
    if not keep or len(keep) == len(toks):
        return None
    return " ".join(keep)


def _strip_repeated_lead(value: str) -> str | None:
    """A repeated lead word at the end is the next row's start (``See Footnote See``)."""
    toks = value.split()
    if len(toks) >= 3 and toks[-1] == toks[0] and toks[0].casefold() in _LEAD_WORDS:
        return " ".join(toks[:-1])
    return None


# ---------------------------------------------------------------------------------------------------


class _Cell:
    __slots__ = ("path", "row")

    def __init__(self, path: str, row: object) -> None:
        self.path, self.row = path, row

    @property
    def value(self) -> str | None:
        v = getattr(self.row, "nature_of_ownership", None)
        return v if isinstance(v, str) and v.strip() else None

    def set(self, after: str, ctx: CheckContext, why: str) -> None:
        before = self.value
        self.row.nature_of_ownership = after  # type: ignore[attr-defined]
        ctx.repaired(f"{self.path}.nature_of_ownership", before, after, why)


def _cells(filing: OwnershipFiling) -> list[_Cell]:
    return [_Cell(f"{t}[{i}]", row) for t in TABLES for i, row in enumerate(getattr(filing, t))]


def _keyed(text: str) -> str:
    """Words by their letters and digits only, space-separated and padded: ``L.P.``/``LP.`` alike."""
    return " " + " ".join(edge_key(t) for t in _tokens(text)) + " "


def _printed_elsewhere(value: str, counts: Counter[str], note_keys: str, own: int = 0) -> bool:
    """Another cell prints ``value`` (``counts`` holds ``own`` printings of the cell asking), or the
    footnotes print its name (punctuation aside)."""
    if counts[value] > own:
        return True
    name = _keyed(note_key(value))
    return len(value) >= NOTE_NAME_MIN_LEN and len(name) > 2 and name in note_keys


def _drop_debris(cells: list[_Cell], family: Family, note_keys: str, ctx: CheckContext) -> None:
    counts = Counter(c.value for c in cells if c.value)
    fixes: dict[str, str] = {}
    for value in counts:
        for stripped in (_without_debris(value, family.freq), _strip_repeated_lead(value)):
            if stripped is None:
                continue
            if _printed_elsewhere(stripped, counts, note_keys) or family.best(stripped) is not None:
                fixes[value] = stripped
                break
    for cell in cells:
        if cell.value in fixes:
            cell.set(fixes[cell.value], ctx, WHY_DEBRIS)


def _restore_dropped(cells: list[_Cell], notes: _Source | None, ctx: CheckContext) -> None:
    others = sorted({c.value for c in cells if c.value})
    sources = ([notes] if notes else []) + [_Source(o) for o in others]
    # Rows repeat one value with one printed text (a fund's name on every row): decided once.
    decided: dict[tuple[str, str], str | None] = {}
    for cell in cells:
        value, printed = cell.value, ctx.printed(f"{cell.path}.nature_of_ownership")
        if value is None or printed is None:
            continue
        if (value, printed) not in decided:
            decided[(value, printed)] = _restored(value, printed, [s for s in sources if s.text != value])
        after = decided[(value, printed)]
        if after is not None and after != value:
            cell.set(after, ctx, WHY_DROPPED)


def _replace_garbled(
    cells: list[_Cell], notes: _Source | None, note_keys: str, freq: Counter[str], ctx: CheckContext
) -> None:
    others = sorted({c.value for c in cells if c.value})
    note_source = [notes] if notes else []
    other_sources = [_Source(o) for o in others]
    fixes: dict[str, str] = {}
    for value in others:
        sources = note_source + [o for o in other_sources if o.text != value]
        after = _replaced(value, sources, freq, note_keys)
        if after is not None and after != value:
            fixes[value] = after
    for cell in cells:
        if cell.value in fixes:
            cell.set(fixes[cell.value], ctx, WHY_GARBLED)


def _complete_lead(cells: list[_Cell], ctx: CheckContext) -> None:
    values = {c.value for c in cells if c.value}
    for cell in cells:
        value = cell.value
        if value is None or value.casefold() not in _LEAD_WORDS:
            continue
        fuller = {v for v in values if v.split()[0] == value and len(v.split()) > 1}
        if len(fuller) == 1:
            cell.set(fuller.pop(), ctx, WHY_LEAD)


def _move_continuations(
    filing: OwnershipFiling, counts: Counter[str], note_keys: str, ctx: CheckContext
) -> None:
    """``By estate`` / ``planning vehicle Sequoia Capital ...``: a row's value starting lower-case is the
    wrapped end of the row above when what follows the lower-case words is a name the filing prints."""
    for table in TABLES:
        rows = getattr(filing, table)
        for i in range(1, len(rows)):
            above, value = rows[i - 1].nature_of_ownership, rows[i].nature_of_ownership
            if not isinstance(above, str) or not isinstance(value, str) or not value[:1].islower():
                continue
            toks = value.split()
            # A lead word opens a value of its own (``by Trust``, ``held through ...``), never the
            # wrapped end of the value above.
            if toks[0].casefold().rstrip(":") in NATURE_LEADS:
                continue
            n = 0
            while n < min(len(toks), _CONT_MAX_WORDS) and toks[n][:1].islower() and toks[n].isalpha():
                n += 1
            rest = " ".join(toks[n:])
            # The rest must be a whole name the filing prints (not ``Fund, LP`` after a cut word), and
            # the row above must not be: a complete value there has no wrapped continuation.
            if not n or len(toks) - n < 3 or not _printed_elsewhere(rest, counts, note_keys):
                continue
            if _printed_elsewhere(above, counts, note_keys, own=1):
                continue
            joined = f"{above} {' '.join(toks[:n])}"
            rows[i - 1].nature_of_ownership = joined
            rows[i].nature_of_ownership = rest
            ctx.repaired(f"{table}[{i - 1}].nature_of_ownership", above, joined, WHY_CONT)
            ctx.repaired(f"{table}[{i}].nature_of_ownership", value, rest, WHY_CONT)


def check_nature(filing: OwnershipFiling, ctx: CheckContext) -> None:
    """Run before ``check_consensus``: it then cleans letter slips of the values repaired here.

    A filing with more than ``MAX_VALUES`` distinct values is left as read, as consensus leaves it: the
    repairs compare every value with every other one."""
    cells = _cells(filing)
    values = [c.value for c in cells if c.value]
    if not values or len(set(values)) > MAX_VALUES:
        return
    notes = footnote_text(filing)
    note_fold = notes.casefold()
    freq = (
        Counter(words(ctx.text)) if ctx.text is not None else Counter(words(notes + " " + " ".join(values)))
    )
    # The footnotes are searched for every value: tokenised once here.
    note_source = _Source(notes) if notes else None
    note_keys = " " + " ".join(note_source.keys if note_source else []) + " "  # ``_keyed(notes)``
    _move_continuations(filing, Counter(values), note_keys, ctx)
    _restore_dropped(cells, note_source, ctx)
    values = [c.value for c in cells if c.value]
    _drop_debris(cells, Family(values, notes, note_fold, freq), note_keys, ctx)
    _replace_garbled(cells, note_source, note_keys, freq, ctx)
    _complete_lead(cells, ctx)
