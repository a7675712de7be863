"""Row fields of fixed-width dumps (w3m, ``pdftotext -layout``): text by column x, values in x-order.

Text tokens go to the text column (title, underlying title, nature) whose x-range they fall in; the
other tokens are sorted left to right and read by ``ownership_tables_fields`` with hints from the
column model (which sub-column a value sits under).

Traps: pdftotext centres the D/I letter of column 6 past the header label of column 7, and starts
a wrapped underlying title a few characters left of the ``7.`` label; nature text holds years
(``Venture 2010 Fund``); a title may hold a number (``$0.0001 par value``); w3m wraps ``$`` and its
amount onto two lines.
"""

from __future__ import annotations

from extractor.assemble.ownership_tables_fields import (
    Hint,
    RowFields,
    parse_table_i,
    parse_table_ii,
    set_text,
)
from extractor.assemble.ownership_tables_rows import TEXT_COLUMNS, RowGroup
from extractor.layout.cells import Token, TokenKind
from extractor.layout.columns import ColumnModel
from extractor.layout.sections import TABLE_I


def parse_fixed_width(row: RowGroup, table: str, model: ColumnModel, form3: bool) -> RowFields:
    """Fixed-width dump: text goes to its column by x; values are read in x-order."""
    buckets: dict[str, list[Token]] = {k: [] for k in TEXT_COLUMNS}
    seq: list[Token] = []
    order = {c.key: i for i, c in enumerate(model.columns)}
    for bl in row.lines:
        line_model = bl.model or model  # a row may straddle a page break: each line on its own grid
        for j, t in enumerate(bl.tokens):
            col = line_model.column_at(t.x0, t.x1)
            key = col.key if col else ""
            # Nature text may hold years and dates ("Venture 2010 Fund"); a number in the title column
            # is a value that drifted left unless a lower-case word follows ("$0.0001 par value").
            if key == "nature_of_ownership" and _lone_letter(bl.tokens, j, ("D", "I")):
                seq.append(t)  # pdftotext centres D/I in its cell, past the header label of column 7
            elif (
                key == "direct_or_indirect_ownership"
                and t.kind is TokenKind.TEXT
                and sum(c.isalpha() for c in t.text) >= 2
            ):
                buckets["nature_of_ownership"].append(t)  # nature text printed left of its label
            elif key == "nature_of_ownership" or (
                key in TEXT_COLUMNS and (not t.is_data or _continues_text(bl.tokens, j))
            ):
                buckets[key].append(t)
            elif (near := _text_column_near(t, line_model)) is not None:
                buckets[near].append(t)  # a word starting just left of a text column's label
            else:
                seq.append(t)
    seq.sort(key=lambda t: (t.x0, t.line))
    seq = _join_split_dollars(seq)
    hint = _make_hint(model)
    if table == TABLE_I:
        out = parse_table_i(seq, hint=hint)
    else:
        u = order.get("underlying_security_title", len(order))

        def col_index(t: Token) -> int:
            c = model.column_at(t.x0, t.x1)
            return order.get(c.key, 0) if c else 0

        pre = [t for t in seq if col_index(t) < u]
        post = [t for t in seq if col_index(t) >= u]
        out = parse_table_ii(pre, post, hint=hint, form3=form3)
        set_text(out, "underlying_security_title", buckets["underlying_security_title"])
    set_text(out, "security_title", buckets["security_title"])
    set_text(out, "nature_of_ownership", buckets["nature_of_ownership"], 0.85)
    return out


def _join_split_dollars(seq: list[Token]) -> list[Token]:
    """``$`` at a line end with its amount wrapped onto the next line (w3m): one money token.

    The amount may start a column left of the ``$`` (``$`` at x=82, ``9.97`` at x=81), so this looks
    for the nearest number below rather than the next token in x-order.
    """
    out = list(seq)
    for d in [t for t in seq if t.text == "$"]:
        below = [
            t
            for t in out
            if t.kind is TokenKind.NUMBER and 0 < t.line - d.line <= 2 and abs(t.x0 - d.x0) <= 4
        ]
        if not below:
            continue
        num = min(below, key=lambda t: (t.line, abs(t.x0 - d.x0)))
        money = Token(
            "$" + num.text,
            TokenKind.MONEY,
            num.start,
            num.end,
            d.x0,
            max(d.x1, num.x1),
            d.line,
            num.cell,
            num.footnotes,
        )
        out = [money if t is d else t for t in out if t is not num]
    return out


_PLACEHOLDERS = frozenset({"immediately", "immed.", "see", "footnote", "various", "n/a", "none"})


def _text_column_near(t: Token, model: ColumnModel, slack: int = 5) -> str | None:
    """The text column whose label starts within ``slack`` characters right of a word in a value
    column (pdftotext starts ``Class A Common Stock`` a few columns left of the ``7.`` label)."""
    if t.kind is not TokenKind.TEXT or sum(c.isalpha() for c in t.text) < 2:
        return None
    if t.text.lower() in _PLACEHOLDERS:
        return None
    for col in model.columns:
        if col.key in TEXT_COLUMNS and col.key != "security_title" and 0 < col.x0 - t.x0 <= slack:
            return col.key
    return None


def _lone_letter(tokens: list[Token], j: int, letters: tuple[str, ...]) -> bool:
    """The token is a one-letter cell (``D`` / ``I``), not a word of a phrase."""
    t = tokens[j]
    return t.text in letters and sum(1 for u in tokens if u.cell == t.cell) == 1


def _continues_text(tokens: list[Token], j: int) -> bool:
    """A number inside a title (``Common Stock, $0.0001 par value``) is followed by a lower-case word."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is not None and nxt.kind is TokenKind.TEXT and nxt.text[:1].islower()


def _make_hint(model: ColumnModel) -> Hint:
    """Column hint of a token: the sub-column mark nearest to it, else its column's key."""
    marks = model.marks

    def hint(t: Token) -> str | None:
        if "acquired" in marks and "disposed" in marks and t.kind in (TokenKind.NUMBER, TokenKind.MONEY):
            a, d = marks["acquired"], marks["disposed"]
            amount_col = model.column_at(t.x0, t.x1)
            if amount_col is not None and amount_col.key == "transaction_shares":
                # Only an amount wholly on one side of the (A)|(D) midpoint tells; pdftotext often
                # centres it across both sub-columns, and then the code's prior decides.
                mid = (a + d + 2) / 2
                if t.x1 <= mid:
                    return "acquired"
                if t.x0 >= mid:
                    return "disposed"
        if t.kind is TokenKind.DATE and "exercise_date" in marks and "expiration_date" in marks:
            e, x = marks["exercise_date"], marks["expiration_date"]
            col = model.column_at(t.x0, t.x1)
            if col is not None and col.key == "exercise_date":
                return "exercise_date" if abs(t.x0 - e) < abs(t.x0 - x) else "expiration_date"
        col = model.column_at(t.x0, t.x1)
        if col is None:
            return None
        if col.key == "transaction_shares" and "transaction_price_per_share" in marks:
            return "transaction_price_per_share" if t.x1 > marks["transaction_price_per_share"] else col.key
        return col.key

    return hint
