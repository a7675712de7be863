"""What the SEC 1474 form prints for a record, independent of layout: value strings, footnote markers,
checkbox marks, the table columns and their captions, per-row cell contents as tagged pieces.

Layout modules (``layout_fixed``, ``layout_linear``) only arrange these pieces; the :class:`Variant` holds
the per-document choices both share (marker style, checkbox style, dollar sign, widths).
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import Any

from extractor.records import OwnershipFiling
from training.generate.canvas import Piece
from training.generate.values import Sample

# Footnote marker styles: (before the id, after the id, glued to the value, id is spanned).
MARKERS: dict[str, tuple[str, str, bool, bool]] = {
    "paren": ("(", ")", True, True),
    "caret": ("^(", ")", False, True),
    "super": ("", "", True, False),  # ⁽¹⁾: the id is not the record's "1", so no span
    "sup_html": ("<sup>(", ")</sup>", True, True),
    "space_paren": ("(", ")", False, True),
}
# Checkbox styles: (marked left, mark, marked right, unmarked).
BOXES: dict[str, tuple[str, str, str, str]] = {
    "under5": ("__", "X", "__", "_____"),
    "under3": ("_", "X", "_", "___"),
    "bracket": ("[", "X", "]", "[ ]"),
    "bare": ("", "X", "", ""),
}
_SUPER = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


@dataclass
class Variant:
    """Per-document layout choices, drawn with the document's RNG and saved with it."""

    marker: str = "paren"
    box: str = "under5"
    dollar: str = "$ "
    width_scale: float = 1.0
    valign: str = "middle"
    blank_between_rows: bool = True
    pipe_table: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def fmt_num(v: float | int | None) -> str:
    if v is None:
        return ""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def fmt_price(v: float | int | None) -> str:
    if v is None:
        return ""
    return f"{v:.4f}".rstrip("0").rstrip(".") if not float(v).is_integer() else str(int(v))


def fmt_date(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{m}/{d}/{y}"


def footnote_index(filing: OwnershipFiling) -> dict[str, int]:
    return {fn.id: i for i, fn in enumerate(filing.footnotes) if fn.id}


def markers(ids: list[str], variant: Variant, fn_index: dict[str, int]) -> list[Piece]:
    before, after, glued, spanned = MARKERS[variant.marker]
    out: list[Piece] = []
    for k, fid in enumerate(ids):
        glue = glued or k > 0
        if variant.marker == "super":
            out.append(Piece(f"({fid})".translate(_SUPER), glue=glue))
            continue
        path = f"footnotes[{fn_index[fid]}].id" if spanned and fid in fn_index else None
        out += [Piece(before, glue=glue), Piece(fid, path, glue=True), Piece(after, glue=True)]
    return [p for p in out if p.text]


def checkbox(on: bool | None, path: str, variant: Variant) -> list[Piece]:
    left, mark, right, off = BOXES[variant.box]
    if on:
        return [p for p in (Piece(left), Piece(mark, path, glue=True), Piece(right, glue=True)) if p.text]
    return [Piece(off)] if off else []


# ---------------------------------------------------------------------------------------- tables
# Sub-columns of each table: (key, record field, sub-caption under the group caption).
Column = tuple[str, str | None, str]
T1_F4: list[Column] = [
    ("title", "security_title", ""),
    ("date", "transaction_date", ""),
    ("deemed", "deemed_execution_date", ""),
    ("code", "transaction_code", "Code"),
    ("v", None, "V"),
    ("amount", "transaction_shares", "Amount"),
    ("ad", "transaction_acquired_disposed_code", "(A) or (D)"),
    ("price", "transaction_price_per_share", "Price"),
    ("owned", "shares_owned_following_transaction", ""),
    ("di", "direct_or_indirect_ownership", ""),
    ("nature", "nature_of_ownership", ""),
]
T1_F4_GROUPS = [
    ("1.Title of Security (Instr. 3)", 1),
    ("2. Transaction Date (Month/Day/Year)", 1),
    ("2A. Deemed Execution Date, if any (Month/Day/Year)", 1),
    ("3. Transaction Code (Instr. 8)", 2),
    ("4. Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)", 3),
    ("5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)", 1),
    ("6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", 1),
    ("7. Nature of Indirect Beneficial Ownership (Instr. 4)", 1),
]
T2_F4: list[Column] = [
    ("title", "security_title", ""),
    ("conv", "conversion_or_exercise_price", ""),
    ("date", "transaction_date", ""),
    ("deemed", "deemed_execution_date", ""),
    ("code", "transaction_code", "Code"),
    ("v", None, "V"),
    ("acq", "transaction_shares", "(A)"),
    ("disp", "transaction_shares", "(D)"),
    ("exdate", "exercise_date", "Date Exercisable"),
    ("expdate", "expiration_date", "Expiration Date"),
    ("utitle", "underlying_security_title", "Title"),
    ("ushares", "underlying_security_shares", "Amount or Number of Shares"),
    ("price", "transaction_price_per_share", ""),
    ("owned", "shares_owned_following_transaction", ""),
    ("di", "direct_or_indirect_ownership", ""),
    ("nature", "nature_of_ownership", ""),
]
T2_F4_GROUPS = [
    ("1. Title of Derivative Security (Instr. 3)", 1),
    ("2. Conversion or Exercise Price of Derivative Security", 1),
    ("3. Transaction Date (Month/Day/Year)", 1),
    ("3A. Deemed Execution Date, if any (Month/Day/Year)", 1),
    ("4. Transaction Code (Instr. 8)", 2),
    ("5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4, and 5)", 2),
    ("6. Date Exercisable and Expiration Date (Month/Day/Year)", 2),
    ("7. Title and Amount of Underlying Securities (Instr. 3 and 4)", 2),
    ("8. Price of Derivative Security (Instr. 5)", 1),
    ("9. Number of Derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)", 1),
    ("10. Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 4)", 1),
    ("11. Nature of Indirect Beneficial Ownership (Instr. 4)", 1),
]
T1_F3: list[Column] = [
    ("title", "security_title", ""),
    ("owned", "shares_owned_following_transaction", ""),
    ("di", "direct_or_indirect_ownership", ""),
    ("nature", "nature_of_ownership", ""),
]
T1_F3_GROUPS = [
    ("1.Title of Security (Instr. 4)", 1),
    ("2. Amount of Securities Beneficially Owned (Instr. 4)", 1),
    ("3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)", 1),
    ("4. Nature of Indirect Beneficial Ownership (Instr. 5)", 1),
]
T2_F3: list[Column] = [
    ("title", "security_title", ""),
    ("exdate", "exercise_date", "Date Exercisable"),
    ("expdate", "expiration_date", "Expiration Date"),
    ("utitle", "underlying_security_title", "Title"),
    ("ushares", "underlying_security_shares", "Amount or Number of Shares"),
    ("conv", "conversion_or_exercise_price", ""),
    ("di", "direct_or_indirect_ownership", ""),
    ("nature", "nature_of_ownership", ""),
]
T2_F3_GROUPS = [
    ("1. Title of Derivative Security (Instr. 4)", 1),
    ("2. Date Exercisable and Expiration Date (Month/Day/Year)", 2),
    ("3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)", 2),
    ("4. Conversion or Exercise Price of Derivative Security", 1),
    ("5. Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 5)", 1),
    ("6. Nature of Indirect Beneficial Ownership (Instr. 5)", 1),
]
_DATES = {"transaction_date", "deemed_execution_date", "exercise_date", "expiration_date"}
_PRICES = {"transaction_price_per_share", "conversion_or_exercise_price"}
_NUMBERS = {"transaction_shares", "shares_owned_following_transaction", "underlying_security_shares"}


@dataclass
class TableSpec:
    name: str  # "I" or "II"
    title: str
    columns: list[Column]
    groups: list[tuple[str, int]]


def table_specs(form_type: str) -> tuple[TableSpec, TableSpec]:
    if form_type.startswith("3"):
        return (
            TableSpec("I", "Table I - Non-Derivative Securities Beneficially Owned", T1_F3, T1_F3_GROUPS),
            TableSpec(
                "II",
                "Table II - Derivative Securities Beneficially Owned (e.g., puts, calls, warrants, options, "
                "convertible securities)",
                T2_F3,
                T2_F3_GROUPS,
            ),
        )
    return (
        TableSpec(
            "I",
            "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
            T1_F4,
            T1_F4_GROUPS,
        ),
        TableSpec(
            "II",
            "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, "
            "calls, warrants, options, convertible securities)",
            T2_F4,
            T2_F4_GROUPS,
        ),
    )


Row = dict[str, list[Piece]]


def value_pieces(fld: str, value: Any, path: str, variant: Variant) -> list[Piece]:
    """The printed value of one field (``$`` outside the span), or nothing when it is null."""
    if value is None or isinstance(value, bool):
        return []
    if fld in _DATES:
        return [Piece(fmt_date(value), path)]
    if fld in _PRICES:
        glue = not variant.dollar.endswith(" ")
        return [Piece(variant.dollar.strip()), Piece(fmt_price(value), path, glue=glue)]
    if fld in _NUMBERS:
        return [Piece(fmt_num(value), path)]
    return [Piece(" ".join(str(value).split()), path)]


def table_rows(sample: Sample, spec: TableSpec, variant: Variant) -> list[Row]:
    """The rows of Table I or II: transactions first, then holdings (as the stylesheet prints them)."""
    f = sample.filing
    fn_index = footnote_index(f)
    lists: list[tuple[str, list[Any]]]
    if spec.name == "I":
        lists = [
            ("non_derivative_transactions", f.non_derivative_transactions),
            ("non_derivative_holdings", f.non_derivative_holdings),
        ]
    else:
        lists = [
            ("derivative_transactions", f.derivative_transactions),
            ("derivative_holdings", f.derivative_holdings),
        ]
    rows: list[Row] = []
    for name, items in lists:
        for i, item in enumerate(items):
            prefix = f"{name}[{i}]"
            row: Row = {}
            for key, fld, _ in spec.columns:
                if fld is None or not hasattr(item, fld):
                    continue
                value = getattr(item, fld)
                if key in ("acq", "disp"):
                    want = "A" if key == "acq" else "D"
                    if getattr(item, "transaction_acquired_disposed_code", None) != want:
                        continue
                path = f"{prefix}.{fld}"
                pieces = value_pieces(fld, value, path, variant)
                refs = sample.refs.get(path, [])
                if (refs and key != "disp") or (refs and key == "disp" and pieces):
                    pieces = pieces + markers(refs, variant, fn_index)
                if pieces:
                    row[key] = pieces
            rows.append(row)
    return rows


def draw_variant(rng: random.Random, style: str) -> Variant:
    marker_choices = {
        "w3m": ["caret", "caret", "paren"],
        "pdf_layout": ["paren", "paren", "space_paren"],
        "ocr": ["paren", "space_paren"],
        "tabbed": ["space_paren", "super", "paren"],
        "markdown": ["sup_html", "sup_html", "super"],
        "scrambled": ["paren", "super"],
    }[style]
    box_choices = {
        "w3m": ["under5", "under5", "bracket"],
        "pdf_layout": ["under5", "under3"],
        "ocr": ["under5", "under3", "bracket"],
        "tabbed": ["under3", "under5", "bracket", "bare"],
        "markdown": ["bare", "under3", "bracket"],
        "scrambled": ["under3", "bare"],
    }[style]
    return Variant(
        marker=rng.choice(marker_choices),
        box=rng.choice(box_choices),
        dollar=rng.choice(["$ ", "$ ", "$"]) if style != "markdown" else rng.choice(["\\$ ", "\\$"]),
        width_scale=rng.uniform(0.85, 1.3),
        valign=rng.choice(["middle", "middle", "top"]),
        blank_between_rows=rng.random() < (0.8 if style == "w3m" else 0.3),
        pipe_table=style == "markdown" and rng.random() < 0.4,
    )
