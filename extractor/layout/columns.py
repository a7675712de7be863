"""Column model of a Table I / Table II header, and per-line layout features.

In fixed-width dumps (w3m, ``pdftotext -layout``) a header label's x-position tells where its column
is: ``1.Title of Security`` at x=0, ``2. Transaction Date`` at x=35, ... and the last header line
(``Code  V  Amount  (A) or (D)  Price`` / ``Code V (A) (D) Date Exercisable Expiration Date Title ...``)
pins the sub-columns. A token is assigned to the column whose x-range it overlaps most.

OCR text is single-spaced and TAB dumps do not keep the header's TAB count in the rows, so their
header x-positions mean nothing: ``ColumnModel.fixed_width`` is False there and callers fall back to
token shapes and the form's column order.

``line_features`` gives the future learned line classifier a flat feature dict; it only describes the
line, it decides nothing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from extractor.layout.cells import Token, TokenKind, split_cells
from extractor.layout.lines import Line

# "1.Title", "2. Transaction", "2A. Deemed", "10.", "11. Nature" at the start of a cell or line.
_LABEL = re.compile(r"(?:^|(?<=\s)|(?<=\|))(1[01]|[1-9]A?)\s?\.(?=\s|[A-Za-z]|$)")

_SPACE_GAP = re.compile(r"\S {2,}(?=\S)")

# Field keys of the columns, by printed label number.
TABLE_I_LABELS = {
    "1": "security_title",
    "2": "transaction_date",
    "2A": "deemed_execution_date",
    "3": "transaction_code",
    "4": "transaction_shares",
    "5": "shares_owned_following_transaction",
    "6": "direct_or_indirect_ownership",
    "7": "nature_of_ownership",
}
TABLE_II_LABELS = {
    "1": "security_title",
    "2": "conversion_or_exercise_price",
    "3": "transaction_date",
    "3A": "deemed_execution_date",
    "4": "transaction_code",
    "5": "transaction_shares",
    "6": "exercise_date",
    "7": "underlying_security_title",
    "8": "transaction_price_per_share",
    "9": "shares_owned_following_transaction",
    "10": "direct_or_indirect_ownership",
    "11": "nature_of_ownership",
}
# Form 3 prints holdings only, in another column order.
FORM3_TABLE_I_LABELS = {
    "1": "security_title",
    "2": "shares_owned_following_transaction",
    "3": "direct_or_indirect_ownership",
    "4": "nature_of_ownership",
}
FORM3_TABLE_II_LABELS = {
    "1": "security_title",
    "2": "exercise_date",
    "3": "underlying_security_title",
    "4": "conversion_or_exercise_price",
    "5": "direct_or_indirect_ownership",
    "6": "nature_of_ownership",
}
# Sub-column words of the last header line -> the field they refine.
_SUBCOLUMNS_I = (
    ("Code", "transaction_code"),
    ("V", "equity_swap_involved"),
    ("Amount", "transaction_shares"),
    ("(A)", "transaction_acquired_disposed_code"),
    ("Price", "transaction_price_per_share"),
)
_SUBCOLUMNS_II = (
    ("Code", "transaction_code"),
    ("V", "equity_swap_involved"),
    ("(A)", "acquired"),
    ("(D)", "disposed"),
    ("Exercisable", "exercise_date"),
    ("Expiration", "expiration_date"),
    ("Title", "underlying_security_title"),
)


@dataclass
class Column:
    key: str
    x0: int
    x1: int
    label: str = ""


@dataclass
class ColumnModel:
    """Columns left to right; ``fixed_width`` says whether x-positions are comparable across lines."""

    table: str
    columns: list[Column] = field(default_factory=list)
    fixed_width: bool = False
    header_start: int = 0
    header_end: int = 0  # index of the last header line
    marks: dict[str, int] = field(default_factory=dict)  # sub-column word -> x (e.g. "acquired")

    def column_at(self, x0: int, x1: int) -> Column | None:
        """Column with the largest overlap with ``[x0, x1)``; nearest one when nothing overlaps."""
        if not self.columns:
            return None
        best: Column | None = None
        best_ov = 0
        for col in self.columns:
            if col.x1 <= x0:
                continue
            if col.x0 >= x1:
                break  # columns run left to right
            ov = (x1 if x1 < col.x1 else col.x1) - (x0 if x0 > col.x0 else col.x0)
            if ov > best_ov:
                best, best_ov = col, ov
        if best is not None:
            return best
        return min(self.columns, key=lambda c: min(abs(c.x0 - x1), abs(c.x1 - x0)))

    def subcolumn_at(self, x0: int, x1: int) -> str:
        """Column key refined by the nearest sub-column word inside it (``exercise_date:expiration_date``).

        Two values of one row may share a numbered column (dates exercisable and expiration under
        "6."); the sub-column words of the last header line tell them apart.
        """
        col = self.column_at(x0, x1)
        if col is None:
            return "?"
        inside = [(k, x) for k, x in self.marks.items() if col.x0 - 2 <= x < col.x1]
        if not inside:
            return col.key
        centre = (x0 + x1) / 2
        sub = min(inside, key=lambda kx: abs(kx[1] - centre))[0]
        return f"{col.key}:{sub}"

    def get(self, key: str) -> Column | None:
        for col in self.columns:
            if col.key == key:
                return col
        return None


def find_header_end(lines: list[Line], start: int, stop: int) -> int:
    """Index of the last header line of a table whose label is at ``start``.

    The header ends with the sub-column line (``Code V Amount (A) or (D) Price``, OCR: ``Code (A) (D)
    Exercisable``) and the lines after it made only of sub-column words (``Expiration`` / ``Date`` /
    ``Title`` / ``Number of Shares``: scrambled OCR prints them on their own lines). Tab dumps and
    some renderings have no such line: then the last line carrying header words (``Price``,
    ``(Instr. 4)``).
    """
    last_header = start
    window = min(stop, start + 100)  # scrambled OCR prints one header word per line
    for i in range(start + 1, window):
        sq = _SQUEEZE.sub("", lines[i].text[:1000]).lower()
        if not sq:
            continue
        if "codev" in sq or _CODE_LINE.search(sq):
            return _extend_over_subheaders(lines, i, window)
        if "titleof" in sq or "instr." in sq or "price" in sq or "(a)or(d)" in sq or sq[-6:] == "shares":
            last_header = i
        elif _has_data(lines[i]):
            break
    return last_header


_SQUEEZE = re.compile(r"[\s|]+")
_CODE_LINE = re.compile(r"code[^a-z]{0,3}(?:v(?:\(a\)|amount|_)|\(a\)\(d\)|amount)")
_SUBHEADER_WORDS = frozenset(
    [
        "date",
        "exercisable",
        "expiration",
        "title",
        "amount",
        "or",
        "number",
        "of",
        "shares",
        "(a)",
        "(d)",
        "v",
        "code",
        "price",
        "(i)",
        "(instr.",
        "4)",
        "4)",
        "transaction(s)",
        "(s)",
        "indirect",
    ]
)


# Words of the numbered column labels. Scrambled OCR prints label blocks (``8. Price of`` /
# ``Derivative`` / ``Security`` ... ``11. Nature`` / ``of Indirect``) after the sub-column line too.
_LABEL_WORDS = frozenset(
    [
        "8.",
        "9.",
        "10.",
        "11.",
        "derivative",
        "security",
        "security:",
        "securities",
        "beneficially",
        "owned",
        "following",
        "reported",
        "ownership",
        "form",
        "form:",
        "direct",
        "nature",
        "beneficial",
        "(instr.",
        "3)",
        "5)",
        "(1)",
        "(y)",
    ]
)


def _extend_over_subheaders(lines: list[Line], i: int, stop: int) -> int:
    end = i
    for j in range(i + 1, stop):
        words = lines[j].text[:500].lower().replace("|", " ").split()
        if not words:
            continue
        if all(w in _SUBHEADER_WORDS or w in _LABEL_WORDS for w in words):
            end = j
        else:
            break
    return end


def _has_data(line: Line) -> bool:
    return bool(re.search(r"\d{1,2}/\d{1,2}/\d{2,4}|\d,\d{3}", line.text[:2000]))


def build_column_model(
    lines: list[Line], table: str, label_line: int, header_end: int, *, form3: bool = False
) -> ColumnModel:
    """Columns from the numbered labels and the sub-column line of a header.

    ``fixed_width`` is True only when the labels sit in separate space-aligned cells (not TAB-separated,
    not an OCR single-spaced run) and at least five of them were found left to right.
    """
    if form3:
        labels = FORM3_TABLE_I_LABELS if table == "table_i" else FORM3_TABLE_II_LABELS
    else:
        labels = TABLE_I_LABELS if table == "table_i" else TABLE_II_LABELS
    model = ColumnModel(table, header_start=label_line, header_end=header_end)
    found: dict[str, int] = {}
    tabbed = False
    spaced_cells = 0
    for i in range(label_line + 1, header_end + 1):
        text = lines[i].text
        if "\t" in text:
            tabbed = True
        hits = list(_LABEL.finditer(text[:2000]))
        if hits:
            # Gaps of 2+ spaces, not "|": OCR draws table rules as pipes in single-spaced text.
            spaced_cells = max(spaced_cells, len(_SPACE_GAP.findall(text[:2000])) + 1)
        for m in hits:
            num = m.group(1)
            if num in labels and num not in found:
                found[num] = m.start()
    order = sorted(found.items(), key=lambda kv: kv[1])
    xs = [x for _, x in order]
    increasing = all(a < b for a, b in itertools.pairwise(xs))
    for j, (num, x) in enumerate(order):
        x_end = order[j + 1][1] if j + 1 < len(order) else 10_000
        model.columns.append(Column(labels[num], x, x_end, num))
    model.fixed_width = (not tabbed) and len(order) >= 5 and increasing and spaced_cells >= 4
    if model.fixed_width:
        sub = _SUBCOLUMNS_I if table == "table_i" else _SUBCOLUMNS_II
        for line in lines[max(label_line + 1, header_end - 3) : header_end + 1]:
            for word, key in sub:
                hit = re.search(r"(?:^|(?<=\s))" + re.escape(word) + r"(?=\s|$)", line.text[:2000])
                if hit and key not in model.marks:
                    model.marks[key] = hit.start()
    return model


def line_features(
    line: Line,
    tokens: list[Token],
    *,
    n_lines: int,
    nearest_label: str | None,
    label_distance: int,
    model: ColumnModel | None = None,
) -> dict[str, float | str]:
    """Flat description of a line for a learned layout classifier (no decisions here)."""
    kinds = [t.kind for t in tokens]
    feats: dict[str, float | str] = {
        "position": line.index / max(1, n_lines),
        "indent": float(line.indent),
        "length": float(len(line.text)),
        "blank": float(line.is_blank),
        "n_cells": float(len(split_cells(line))),
        "n_tokens": float(len(tokens)),
        "has_tab": float("\t" in line.text),
        "first_kind": kinds[0].value if kinds else "none",
        "last_kind": kinds[-1].value if kinds else "none",
        "nearest_label": nearest_label or "none",
        "label_distance": float(label_distance),
    }
    for kind in TokenKind:
        feats[f"n_{kind.value}"] = float(sum(1 for k in kinds if k is kind))
    if model is not None and model.fixed_width:
        for tok in tokens:
            col = model.column_at(tok.x0, tok.x1)
            if col is not None:
                feats[f"col_{col.key}"] = feats.get(f"col_{col.key}", 0.0) + 1.0  # type: ignore[operator]
    return feats
