"""Span annotations for NER training: align the values of a gold record to their characters in the text.

``align_record(env, nt)`` walks every leaf value of ``env.filing`` and finds where the normalised text
(``nt.text``) prints it. Each value kind has its own matchers, from strict to loose; loose candidates
compete with strict ones at a cost (below), and the ``method`` of a span says which matcher placed it:

- ``number``: every numeric token of the text is parsed (``1,477``, ``$ 1,477.00``, ``-0-``) and compared
  by value; ``number_split`` joins an OCR-split token (``1,4 77``); ``number_fuzzy`` accepts a digit
  string within a small edit budget (``1.477`` / ``7.68`` for 7068, only for 4+ digits).
- ``date``: every date the text prints (``11/30/2006``, ``November 30, 2006``, ``30-Nov-2006``, ISO) is
  parsed and compared as ISO.
- ``exact``: the value's characters, case-insensitive, any run of whitespace for a space (line breaks).
- ``tokens``: the value's word tokens in order, punctuation ignored, allowing text of *other columns* in
  between where a layout break (line break, tab, or 2+ spaces) lets a wrapped cell go on below.
- ``name_order``: a person name's tokens in another order (``BUTTERFIELD GREGORY S`` printed as
  ``Gregory S. Butterfield``).
- ``code_ocr``: a transaction code glued to OCR debris (``J(1)`` read as ``jm``).
- ``fuzzy``: rapidfuzz partial alignment over the whitespace-squeezed text with an edit budget relative to
  the value's length (OCR damage); never for values shorter than ``FUZZY_MIN_LEN``.

Rows (a transaction, a reporting owner, a related person, a group such as ``expenses``) are placed
together: among the candidate spans of the row's fields, the aligner picks an anchor that minimises the
summed distance to the nearest candidate of each field, then every field takes its candidate nearest to
the anchor. Distance counts lines first (``LINE_COST``) and columns a little (``COL_COST``); each method
adds its cost (``_METHOD_COST``: exact 0 ... fuzzy 150), and characters already given to another value
cost ``USED_COST``, so seven ``Common Stock`` rows land on seven lines and an OCR-damaged figure on the
row's own line beats a clean copy of the same figure on another row's line.

A table cell whose best candidate lies more than ``MAX_ROW_LINES`` from its row is not placed (a copy
quoted in a footnote is not the cell). A value that cannot be placed goes to ``missing``; nothing is
dropped silently. Fields that are not text
(checkboxes, ``cik``, ``person_id``, Form D relationship boxes, the footnote id, name parts that live
inside the full name) are in ``SKIPPED`` (and Table II's implied A/D code in ``SKIPPED_PATHS``); they
are neither placed nor counted. Spans of a value wrapped over lines come as several ``FieldSpan`` pieces
with the same path, so no layout text between them is labelled.

Run ``python -m training.align --gold DIR --docs DIR`` for a coverage report per field.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extractor.assemble.values import US_STATES, parse_date
from extractor.ingest import NormalisedText, read_document
from extractor.pipeline.labels import LABELS, OWNERSHIP_TABLES, field_key
from extractor.records import Envelope, read_gold_dir, to_dict

# Leaf keys that are not text to be found: identifiers, registry ids, checkbox lists, name parts
# (first/middle/last sit inside the related person's full-name span), the footnote id.
SKIPPED = frozenset(
    {"cik", "person_id", "relationships", "states", "id", "first_name", "middle_name", "last_name"}
)
# Table II prints no A/D letter: column 5 has an (A) and a (D) sub-column and the code is implied by
# which one holds the number (any "D" near the row is the ownership form's).
SKIPPED_PATHS = frozenset({"derivative_transactions[].transaction_acquired_disposed_code"})
# Person names are matched in any token order.
NAME_LABELS = frozenset({"OWNER_NAME", "SIGNER_NAME", "RELATED_PERSON_NAME", "RECIPIENT_NAME"})

# --- budgets, as named constants -------------------------------------------------------------------
FUZZY_MIN_LEN = 5  # shorter strings are too ambiguous for fuzzy matching
FUZZY_EDIT_RATE = 0.15  # edits allowed per character of the value (OCR damage)
NUMBER_FUZZY_MIN_DIGITS = 4  # "1.477" may stand for 1477; "7" never stands for "1"
MAX_GAP_CHARS = 400  # a wrapped cell goes on at most this far away (about two layout lines)
MAX_GAP_TOKENS = 40
NAME_MAX_PERMUTED_TOKENS = 4  # 4! = 24 orders
MAX_ANCHORS = 300
LINE_COST = 60.0  # placement cost of one line between two values of a row
COL_COST = 0.25  # ... and of one column
USED_COST = 5000.0  # reusing characters already given to another value
MAX_ROW_LINES = 10  # a table cell farther than this from its row's anchor is not placed
TABLE_ROWS = frozenset({*OWNERSHIP_TABLES, "securities_offered", "use_of_proceeds"})
CASE_COST = 5.0  # an exact match in another letter case ("common stock" for "Common Stock")
ZERO_WORDS = ("none", "no minimum", "nil")  # zero in words ("-0-" is a number token already)

# Placement cost of each method, in the units of LINE_COST: a fuzzy match on the row's own line beats
# an exact one three lines away (seed 002's OCR "7.68" under its transaction, 7,068 on another row).
_METHOD_COST = {
    "number": 0.0,
    "date": 0.0,
    "exact": 0.0,
    "tokens": 20.0,
    "name_order": 20.0,
    "number_split": 60.0,
    "number_fuzzy": 150.0,
    "fuzzy": 150.0,
    "code_ocr": 150.0,
}


@dataclass(frozen=True)
class FieldSpan:
    """One labelled character span ``[start, end)`` of ``NormalisedText.text``."""

    path: str  # e.g. "non_derivative_transactions[0].transaction_shares"
    label: str  # e.g. "TX_SHARES"
    start: int
    end: int
    value: str  # the record value, as a string
    method: str  # which matcher placed it (see the module docstring)


@dataclass
class AlignmentResult:
    """The spans of one document and the values that could not be placed."""

    document_id: str
    spans: list[FieldSpan] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Candidate:
    pieces: tuple[tuple[int, int], ...]  # one piece, or several for a cell wrapped across lines
    method: str
    extra: float = 0.0  # e.g. an exact match that differs in letter case

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def cost(self) -> float:
        return _METHOD_COST[self.method] + self.extra


@dataclass(frozen=True)
class _Leaf:
    path: str
    key: str  # path with indices as []
    row: str  # the object the value belongs to (a table row, a group, or the value itself)
    value: Any


# --- the per-document index --------------------------------------------------------------------------
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")  # linear: one character class, no nesting
_BREAK = re.compile(r"\n|\t| {2,}")
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}\b"), "numeric"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "numeric"),
    (re.compile(r"\b[A-Za-z]{3,9}\.? {1,3}\d{1,2},? {1,3}\d{4}\b"), "words"),
    (re.compile(r"\b(\d{1,2})[- ]([A-Za-z]{3,9})\.?[-, ]{1,2}(\d{2,4})\b"), "day_first"),
)
_STATE_NAMES = {code: name.title() for name, code in US_STATES.items()}


@dataclass
class _DocIndex:
    """Everything the matchers need from one text, computed once."""

    text: str
    tokens: list[tuple[str, int, int]]  # (lowercased token, start, end)
    by_token: dict[str, list[int]]  # lowercased token -> token indices
    squeezed: str  # lowercased, whitespace runs -> one space
    squeeze_map: list[int]  # squeezed index -> text index (one past the end too)
    numbers: list[tuple[float, int, int]]
    dates: list[tuple[str, int, int]]
    line_starts: list[int]

    def line_col(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, pos) - 1
        return line, pos - self.line_starts[line]

    @classmethod
    def build(cls, text: str) -> _DocIndex:
        tokens = [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        by_token: dict[str, list[int]] = defaultdict(list)
        for i, (tok, _, _) in enumerate(tokens):
            by_token[tok].append(i)
        chars: list[str] = []
        smap: list[int] = []
        prev_space = False
        for i, ch in enumerate(text):
            if ch.isspace():
                if prev_space:
                    continue
                chars.append(" ")
                prev_space = True
            else:
                chars.append(ch.lower())
                prev_space = False
            smap.append(i)
        smap.append(len(text))
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        dates = _dates(text)
        return cls(
            text, tokens, dict(by_token), "".join(chars), smap, _numbers(text, dates), dates, line_starts
        )


def _numbers(text: str, dates: list[tuple[str, int, int]]) -> list[tuple[float, int, int]]:
    """Numeric tokens with their values; the parts of a printed date are not numbers."""
    in_date = bytearray(len(text))
    for _, s, e in dates:
        in_date[s:e] = b"\x01" * (e - s)
    out = []
    for m in _NUMBER.finditer(text):
        if in_date[m.start()]:
            continue
        value = _to_float(m.group(0))
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out


def _to_float(raw: str) -> float | None:
    s = raw.replace(",", "")
    if s.count(".") > 1:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def _dates(text: str) -> list[tuple[str, int, int]]:
    out = []
    for pattern, kind in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            raw = m.group(0)
            if kind == "day_first":
                raw = f"{m.group(2)} {m.group(1)}, {m.group(3)}"
            iso = parse_date(raw.replace(" ", "") if kind == "numeric" else raw)
            if iso is not None:
                out.append((iso, m.start(), m.end()))
    return out


# --- matchers: value -> candidate spans ---------------------------------------------------------------
def _number_candidates(value: float, idx: _DocIndex) -> list[_Candidate]:
    out = [_Candidate(((s, e),), "number") for v, s, e in idx.numbers if abs(v - value) < 1e-6]
    nums = idx.numbers
    # OCR splits a number with a space: "1,4 77". Join two neighbours separated by one space.
    for (_, s1, e1), (_, s2, e2) in itertools.pairwise(nums):
        if s2 == e1 + 1 and idx.text[e1] == " ":
            joined = _to_float(idx.text[s1:e1] + idx.text[s2:e2])
            if joined is not None and abs(joined - value) < 1e-6:
                out.append(_Candidate(((s1, e2),), "number_split"))
    if value == 0:
        for word in ZERO_WORDS:
            out.extend(_Candidate(c.pieces, "number") for c in _string_exact(word, idx))
    # Fuzzy candidates compete even when exact ones exist elsewhere: an OCR-damaged figure on the row's
    # own line must beat the same figure printed for another row (placement weighs the method's cost).
    fuzzy = _number_fuzzy(value, idx)
    exact = {c.pieces for c in out}
    return out + [c for c in fuzzy if c.pieces not in exact]


def _digits(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", "").replace("-", "").lstrip("0") or "0"


def _number_fuzzy(value: float, idx: _DocIndex) -> list[_Candidate]:
    """OCR-damaged digit strings ("1.477", "7.68" for 7068) within a budget of 1 (2 from 8 digits)."""
    want = _digits(value)
    if len(want) < NUMBER_FUZZY_MIN_DIGITS:
        return []
    budget = 1 if len(want) < 8 else 2
    out = []
    for _, s, e in idx.numbers:
        raw = idx.text[s:e]
        got = re.sub(r"[.,]0{1,2}$", "", raw).replace(",", "").replace(".", "").lstrip("0")
        if abs(len(got) - len(want)) > budget:
            continue
        if Levenshtein.distance(got, want, score_cutoff=budget) <= budget:
            out.append(_Candidate(((s, e),), "number_fuzzy"))
    return out


def _date_candidates(iso: str, idx: _DocIndex) -> list[_Candidate]:
    out = [_Candidate(((s, e),), "date") for d, s, e in idx.dates if d == iso]
    if not out:
        # OCR damage ("11/3O/2006"): one edit at most, and never a span that reads as another valid date
        y, m, d = iso.split("-")
        out = [
            c
            for c in _fuzzy(f"{m}/{d}/{y}", idx, budget=1)
            if parse_date(idx.text[c.pieces[0][0] : c.pieces[0][1]]) in (None, iso)
        ]
    return out


def _string_exact(value: str, idx: _DocIndex) -> list[_Candidate]:
    needle = " ".join(value.lower().split())
    out: list[_Candidate] = []
    if not needle:
        return out
    start = idx.squeezed.find(needle)
    while start >= 0:
        s, e = idx.squeeze_map[start], idx.squeeze_map[start + len(needle) - 1] + 1
        if _word_bounded(idx.text, s, e):
            same_case = " ".join(idx.text[s:e].split()) == " ".join(value.split())
            out.append(_Candidate(((s, e),), "exact", 0.0 if same_case else CASE_COST))
        start = idx.squeezed.find(needle, start + 1)
    return out


def _word_bounded(text: str, s: int, e: int) -> bool:
    """A match must not cut a word or a number ("25" inside "2,250")."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    return not (before.isalnum() and text[s].isalnum()) and not (after.isalnum() and text[e - 1].isalnum())


def _token_sequences(words: list[str], idx: _DocIndex, method: str) -> list[_Candidate]:
    """``words`` in order; other tokens may sit between two words only after a layout break."""
    if not words:
        return []
    out = []
    for first in idx.by_token.get(words[0], []):
        pieces = [[idx.tokens[first][1], idx.tokens[first][2]]]
        pos = first
        cell_col = idx.line_col(idx.tokens[first][1])[1]
        for word in words[1:]:
            nxt = _next_token(word, pos, idx, cell_col)
            if nxt is None:
                break
            if nxt == pos + 1:
                pieces[-1][1] = idx.tokens[nxt][2]
                if _BREAK.search(idx.text, idx.tokens[pos][2], idx.tokens[nxt][1]):
                    # a line break between neighbours: keep the pieces apart so no layout text is labelled
                    pieces[-1][1] = idx.tokens[pos][2]
                    pieces.append([idx.tokens[nxt][1], idx.tokens[nxt][2]])
            else:
                pieces.append([idx.tokens[nxt][1], idx.tokens[nxt][2]])
            pos = nxt
        else:
            out.append(_Candidate(tuple((a, b) for a, b in pieces), method))
    return out


def _next_token(word: str, pos: int, idx: _DocIndex, cell_col: int) -> int | None:
    """Index of ``word`` right after token ``pos``, or after skipped tokens that follow a layout break.

    Where the word occurs several times within reach, the one closest to the cell's column wins: a
    wrapped cell goes on *below itself* ("Class A" / "Common" / "Stock" at column 99), not in the
    first column of the next line ("Class B Common" at column 0).
    """
    if pos + 1 < len(idx.tokens) and idx.tokens[pos + 1][0] == word:
        return pos + 1
    end = idx.tokens[pos][2]
    line_here = idx.line_col(end)[0]
    column_gap = (
        _BREAK.search(idx.text[end : idx.tokens[pos + 1][1]]) is not None
        if pos + 1 < len(idx.tokens)
        else False
    )
    occ = idx.by_token.get(word, [])
    best, best_score = None, float("inf")
    for i in range(bisect.bisect_right(occ, pos + 1), len(occ)):
        nxt = occ[i]
        if nxt - pos > MAX_GAP_TOKENS or idx.tokens[nxt][1] - end > MAX_GAP_CHARS:
            break
        line, col = idx.line_col(idx.tokens[nxt][1])
        # Either the word is on a later line (a wrapped cell goes on below; OCR keeps no column gaps,
        # so other cells of the row may sit between), or a column gap follows the matched word.
        # Otherwise this is running text that simply goes on with other words.
        if line == line_here and not column_gap:
            continue
        score = (line - line_here) * 20 + abs(col - cell_col)
        if score < best_score:
            best, best_score = nxt, score
    return best


def _fuzzy(value: str, idx: _DocIndex, budget: int | None = None) -> list[_Candidate]:
    """The best partial alignment of ``value`` within an edit budget relative to its length."""
    needle = " ".join(value.lower().split())
    if len(needle) < FUZZY_MIN_LEN:
        return []
    if budget is None:
        budget = max(1, round(len(needle) * FUZZY_EDIT_RATE))
    cutoff = 100.0 * (1.0 - budget / len(needle))
    res = fuzz.partial_ratio_alignment(needle, idx.squeezed, processor=None, score_cutoff=cutoff)
    if res is None or res.dest_end <= res.dest_start:
        return []
    s, e = idx.squeeze_map[res.dest_start], idx.squeeze_map[res.dest_end - 1] + 1
    return [_Candidate(((s, e),), "fuzzy")]


def _code_candidates(code: str, idx: _DocIndex, *, ocr_glue: bool) -> list[_Candidate]:
    """Codes ("M", "D", "UT"): a whole token, case as printed.

    A parenthesised letter is a column header ("(A)", "(D)", "(I)"), never a cell value. OCR glues a
    one-letter code to its footnote mark or debris ("J(1)" read as "jm", "je"): a two-letter token that
    starts with the letter competes as ``code_ocr`` (cost as fuzzy), so only a row's own line takes it.
    Only for transaction codes (``ocr_glue``): an ownership "I" would take the "IV" of "Fund IV".
    """
    out = []
    for _, s, e in idx.tokens:
        tok = idx.text[s:e]
        if tok == code and idx.text[s - 1 : s] + idx.text[e : e + 1] != "()":
            out.append(_Candidate(((s, e),), "exact"))
        elif ocr_glue and len(code) == 1 and len(tok) == 2 and tok[0].upper() == code and tok.isalpha():
            out.append(_Candidate(((s, e),), "code_ocr"))
    return out


def _string_candidates(
    value: str, idx: _DocIndex, *, is_name: bool, is_code: bool = False
) -> list[_Candidate]:
    if len(value.strip()) <= 2:
        return _code_candidates(value.strip(), idx, ocr_glue=is_code)
    words = [w.lower() for w in _TOKEN.findall(value)]
    # Token matches compete with exact ones (placement weighs their cost): the row's own cell may be
    # wrapped over three lines while an unwrapped copy of the value sits in another table.
    out = _string_exact(value, idx)
    exact = {c.start for c in out}
    out += [c for c in _token_sequences(words, idx, "tokens") if c.start not in exact]
    if is_name and not out and 1 < len(words) <= NAME_MAX_PERMUTED_TOKENS:
        for order in itertools.permutations(words):
            if list(order) != words:
                out.extend(_token_sequences(list(order), idx, "name_order"))
    if not out:
        out = _fuzzy(value, idx)
    return out


def _candidates(leaf: _Leaf, label: str, idx: _DocIndex) -> list[_Candidate]:
    value = leaf.value
    if isinstance(value, int | float):
        return _number_candidates(float(value), idx)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _date_candidates(text, idx)
    out = _string_candidates(text, idx, is_name=label in NAME_LABELS, is_code=label == "TX_CODE")
    if leaf.key.endswith(("state", "state_or_country")) and text in _STATE_NAMES:
        # both spellings compete: "UT" also prints in every Form D state grid, "Utah" on the address line
        out += _string_candidates(_STATE_NAMES[text], idx, is_name=False)
    return out


# --- record walking and row placement ----------------------------------------------------------------
def _leaves(obj: Any, path: str = "", row: str = "") -> Iterator[_Leaf]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            sub = f"{path}.{k}" if path else k
            yield from _leaves(v, sub, row or sub if isinstance(v, dict) else row)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            sub = f"{path}[{i}]"
            yield from _leaves(v, sub, sub if isinstance(v, dict) else row)
    elif obj is not None and not isinstance(obj, bool):
        yield _Leaf(path, re.sub(r"\[\d+\]", "[]", path), row or path, obj)


def _skipped(key: str) -> bool:
    return key in SKIPPED_PATHS or key.split(".")[-1].rstrip("[]") in SKIPPED


def align_record(env: Envelope, nt: NormalisedText) -> AlignmentResult:
    """Spans of every text-bearing value of ``env.filing`` in ``nt.text``; unplaced values in ``missing``."""
    result = AlignmentResult(env.document_id)
    if env.filing is None:
        return result
    idx = _DocIndex.build(nt.text)
    rows: dict[str, list[_Leaf]] = defaultdict(list)
    for leaf in _leaves(to_dict(env.filing)):
        if not _skipped(leaf.key):
            rows[leaf.row].append(leaf)
    used = bytearray(len(nt.text))  # characters already given to a value
    for leaves in rows.values():
        found = []
        for leaf in leaves:
            label = LABELS.get(leaf.key, "MISC")
            cands = _candidates(leaf, label, idx)
            if cands:
                found.append((leaf, label, cands))
            else:
                result.missing.append((leaf.path, str(leaf.value)))
        is_table_row = leaves[0].row.split("[")[0] in TABLE_ROWS and "[" in leaves[0].row
        for leaf, label, cand, lines_away in _place_row(found, idx, used):
            if is_table_row and lines_away > MAX_ROW_LINES:
                # A table row sits on a few lines; a copy of the value far away (a footnote quoting
                # the nature of ownership) is not this cell, whose own print is too damaged to find.
                result.missing.append((leaf.path, str(leaf.value)))
                continue
            for s, e in cand.pieces:
                used[s:e] = b"\x01" * (e - s)
            result.spans.extend(
                FieldSpan(leaf.path, label, s, e, str(leaf.value), cand.method) for s, e in cand.pieces
            )
    result.spans.sort(key=lambda sp: (sp.start, sp.end))
    return result


def _place_row(
    found: list[tuple[_Leaf, str, list[_Candidate]]], idx: _DocIndex, used: bytearray
) -> list[tuple[_Leaf, str, _Candidate, int]]:
    """Pick one candidate per field so the row's spans sit close together (see the module docstring).

    Returns each pick with how many lines it lies from the row's anchor.

    Cost of a candidate for an anchor = layout distance + tier cost + a penalty when its characters
    were already given to another value. Distance counts lines first: a table row lives on one line
    (or a few, when cells wrap), so "the same column one line down" is far, "another column" is near.
    """
    pools = []
    for leaf, label, cands in found:
        keyed = sorted(((idx.line_col(c.start), c) for c in cands), key=lambda lc: (lc[0][0], lc[0][1]))
        pools.append((leaf, label, keyed, [lc[0][0] for lc in keyed]))
    if not pools:
        return []
    anchors = sorted({pos for _, _, keyed, _ in pools for pos, _ in keyed})
    if len(anchors) > MAX_ANCHORS:
        step = len(anchors) / MAX_ANCHORS
        anchors = [anchors[int(i * step)] for i in range(MAX_ANCHORS)]
    # a value alone (a top-level scalar): the first occurrence, the header's, wins ties
    best_anchor, best_cost = anchors[0], float("inf")
    for anchor in anchors:
        cost = 0.0
        for _, _, keyed, lines in pools:
            cost += _nearest(keyed, lines, anchor, used)[0]
            if cost >= best_cost:
                break
        if cost < best_cost:
            best_anchor, best_cost = anchor, cost
    out = []
    for leaf, label, keyed, lines in pools:
        # fields in record order, each blocking its characters for the next (a title's "common stock"
        # is not the underlying title's "Common Stock")
        _, pick = _nearest(keyed, lines, best_anchor, used)
        for s, e in pick.pieces:
            used[s:e] = b"\x01" * (e - s)
        out.append((leaf, label, pick, abs(idx.line_col(pick.start)[0] - best_anchor[0])))
    return out


def _nearest(
    keyed: list[tuple[tuple[int, int], _Candidate]],
    lines: list[int],
    anchor: tuple[int, int],
    used: bytearray,
) -> tuple[float, _Candidate]:
    """The cheapest candidate for ``anchor``, scanning outward line by line until no closer one can exist."""
    a_line, a_col = anchor
    i = bisect.bisect_left(lines, a_line)
    best_cost, best = float("inf"), keyed[min(i, len(keyed) - 1)][1]
    lo, hi = i - 1, i
    while lo >= 0 or hi < len(keyed):
        for j in (lo, hi):
            if 0 <= j < len(keyed):
                (line, col), cand = keyed[j]
                cost = abs(line - a_line) * LINE_COST + abs(col - a_col) * COL_COST + cand.cost
                if any(used[s:e].count(1) for s, e in cand.pieces):
                    cost += USED_COST
                if cost < best_cost or (cost == best_cost and cand.start < best.start):
                    best_cost, best = cost, cand
        lo, hi = lo - 1, hi + 1
        near = min(
            abs(lines[lo] - a_line) if lo >= 0 else 10**9,
            abs(lines[hi] - a_line) if hi < len(keyed) else 10**9,
        )
        if near * LINE_COST > best_cost:
            break
    return best_cost, best


def coverage(results: Iterable[AlignmentResult]) -> dict[str, tuple[int, int]]:
    """Field key -> (values placed, values to place), over all ``results``."""
    placed: dict[str, set[str]] = defaultdict(set)
    total: dict[str, int] = defaultdict(int)
    for res in results:
        for sp in res.spans:
            placed[field_key(sp.path)].add(f"{res.document_id}\x00{sp.path}")
        for path, _ in res.missing:
            total[field_key(path)] += 1
    for key, paths in placed.items():
        total[key] += len(paths)
    return {k: (len(placed.get(k, ())), total[k]) for k in sorted(total)}


# --- the report ------------------------------------------------------------------------------------------
def _group_of(env: Envelope) -> str:
    return env.converter or "all"


def _report(gold: Path, docs: Path, show: int) -> int:
    envs = read_gold_dir(gold)
    groups: dict[str, list[AlignmentResult]] = defaultdict(list)
    no_doc = []
    for env in envs:
        doc = docs / f"{env.document_id}.txt"
        if not doc.is_file():
            no_doc.append(env.document_id)
            continue
        groups[_group_of(env)].append(align_record(env, read_document(doc)))
    groups_all = {**groups, "ALL": [r for rs in groups.values() for r in rs]} if len(groups) > 1 else groups
    for name, results in groups_all.items():
        cov = coverage(results)
        placed = sum(p for p, _ in cov.values())
        total = sum(t for _, t in cov.values())
        print(
            f"\n== {name}: {len(results)} documents, {placed}/{total} values placed ({_pct(placed, total)})"
        )
        for key, (p, t) in cov.items():
            print(f"  {key:62s} {p:5d}/{t:<5d} {_pct(p, t)}")
    print("\n== unplaced values per field")
    missing: dict[str, list[str]] = defaultdict(list)
    for res in groups_all.get("ALL", next(iter(groups_all.values()), [])):
        for path, value in res.missing:
            missing[field_key(path)].append(f"{res.document_id}: {value[:70]!r}")
    for key in sorted(missing):
        items = missing[key]
        print(f"  {key} ({len(items)})")
        for line in items[:show]:
            print(f"     {line}")
        if len(items) > show:
            print(f"     ... {len(items) - show} more")
    if no_doc:
        print(f"\n{len(no_doc)} gold records without a document: {', '.join(no_doc[:10])}")
    return 0


def _pct(p: int, t: int) -> str:
    return f"{100.0 * p / t:5.1f}%" if t else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.align", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="directory of gold envelope JSON files")
    parser.add_argument("--docs", type=Path, required=True, help="directory of <document_id>.txt texts")
    parser.add_argument("--show", type=int, default=5, help="unplaced values listed per field")
    args = parser.parse_args(argv)
    return _report(args.gold, args.docs, args.show)


if __name__ == "__main__":
    sys.exit(main())
