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
from extractor.layout.columns import Column, ColumnModel
from extractor.layout.sections import TABLE_I


def parse_fixed_width(row: RowGroup, table: str, model: ColumnModel, form3: bool) -> RowFields:
    """Fixed-width dump: text goes to its column by x; values are read in x-order."""
    buckets: dict[str, list[Token]] = {k: [] for k in TEXT_COLUMNS}
    seq: list[Token] = []
    order = {c.key: i for i, c in enumerate(model.columns)}
    stacked = _stacked_columns(row, model)
    for bl in row.lines:
        line_model = bl.model or model  # a row may straddle a page break: each line on its own grid
        for j, t in enumerate(bl.tokens):
            col = line_model.column_at(t.x0, t.x1)
            key = stacked.get(id(t)) or (col.key if col else "")
            # Nature text may hold years and dates ("Venture 2010 Fund"); a number in the title column
            # is a value that drifted left unless a lower-case word follows ("$0.0001 par value").
            if t.text == "$":
                seq.append(t)  # an empty price cell ("$ (3)") printed inside the text column
            elif key == "nature_of_ownership" and _lone_letter(bl.tokens, j, ("D", "I")):
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
    hint = _after_empty_price(row, _make_hint(model))
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


def _stacked_columns(row: RowGroup, model: ColumnModel) -> dict[int, str]:
    """Text column of the words of a wrapped text cell that start outside the column's label.

    w3m left-aligns a cell and wraps it inside its column, so the lines of one cell start at one x
    (``Class`` / ``A`` / ``Common`` / ``Stock`` at x=107 while the ``7.`` label is at x=109). A short
    line of such a cell (the lone ``A``) overlaps the column to its left more than its own and would
    be read as a value there (an A/D code, a transaction code). Runs of words standing one above the
    other at the same x on consecutive lines form a stack; the stack goes to the text column of its
    widest extent. Only words move (a run of a cell's words between values), and only into a text
    column: values keep their own x. See ``_squeezed_title`` for ``pdftotext -layout``.
    Returns ``id(token) -> column key`` for the words that move.
    """
    models = {bl.line.index: bl.model or model for bl in row.lines}
    starts: dict[int, list[list[Token]]] = {}  # x0 of a run of words -> the runs starting there
    for bl in row.lines:
        for run in _word_runs(bl.tokens):
            starts.setdefault(run[0].x0, []).append(run)
    out: dict[int, str] = {}
    for x0, runs in _chains(starts):
        if len(runs) < 2:
            continue
        col = models[runs[0][0].line].column_at(x0, max(t.x1 for r in runs for t in r))
        if col is not None and col.key in TEXT_COLUMNS:
            out.update(_moves(runs, col.key, models))
    return out | _squeezed_title(row, models)


def _squeezed_title(row: RowGroup, models: dict[int, ColumnModel]) -> dict[int, str]:
    """Words of the underlying title that ``pdftotext -layout`` squeezed into the date column.

    A squeezed row prints the title right after the expiration date, one space away
    (``06/14/2027 Common 1,997``), and centres the title's other lines around it (``Class A`` above,
    ``Stock`` below, a character or two off). The dates come before the title, so a word right of an
    exercise-column date on its line is the title; the runs of words of the row that overlap it in x
    are its other lines.
    """
    runs = [(bl, run) for bl in row.lines for run in _word_runs(bl.tokens)]
    anchors = [run for bl, run in runs if _after_exercise_date(run[0], bl.tokens, models[bl.line.index])]
    if not anchors or models[anchors[0][0].line].get("underlying_security_title") is None:
        return {}
    cell = [run for _, run in runs if any(run[0].x0 < a[-1].x1 and a[0].x0 < run[-1].x1 for a in anchors)]
    return _moves(cell, "underlying_security_title", models)


def _moves(runs: list[list[Token]], key: str, models: dict[int, ColumnModel]) -> dict[int, str]:
    """``id(token) -> key`` for the words of ``runs`` that their own x puts in a value column."""
    out: dict[int, str] = {}
    for run in runs:
        for t in run:
            own = models[t.line].column_at(t.x0, t.x1)
            if own is not None and own.key != key and own.key not in TEXT_COLUMNS:
                out[id(t)] = key
    return out


def _chains(starts: dict[int, list[list[Token]]]) -> list[tuple[int, list[list[Token]]]]:
    """Runs starting at one x, cut where a line is skipped: each chain may be one wrapped cell.
    Two runs at one x on one line (cannot happen within a cell) drop that x."""
    out: list[tuple[int, list[list[Token]]]] = []
    for x0, runs in starts.items():
        runs = sorted(runs, key=lambda r: r[0].line)
        if len({r[0].line for r in runs}) != len(runs):
            continue
        chain = [runs[0]]
        for r in runs[1:]:
            if r[0].line != chain[-1][0].line + 1:
                out.append((x0, chain))
                chain = []
            chain.append(r)
        out.append((x0, chain))
    return out


def _word_runs(tokens: list[Token]) -> list[list[Token]]:
    """Runs of words of one cell between values (``Common`` of ``Common 2,248,637``), footnote
    marks ignored; a lone ``$`` (an empty price cell) is not a word."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for t in tokens:
        if t.kind is TokenKind.FOOTNOTE:
            continue
        if t.is_data or t.text == "$" or (cur and t.cell != cur[-1].cell):
            if cur:
                runs.append(cur)
            cur = []
        if not t.is_data and t.text != "$":
            cur.append(t)
    if cur:
        runs.append(cur)
    return runs


def _after_exercise_date(t: Token, tokens: list[Token], grid: ColumnModel) -> bool:
    """A word in the exercise-date column to the right of a date of that column on its line: the
    dates come before the underlying title, so the word is the title, squeezed left."""
    col = grid.column_at(t.x0, t.x1)
    if col is None or col.key != "exercise_date" or t.kind is not TokenKind.TEXT:
        return False
    if sum(c.isalpha() for c in t.text) < 2 or t.text.lower() in _PLACEHOLDERS:
        return False
    return any(
        u.kind is TokenKind.DATE
        and u.x1 <= t.x0
        and (c := grid.column_at(u.x0, u.x1)) is not None
        and c.key == "exercise_date"
        for u in tokens
    )


def _after_empty_price(row: RowGroup, hint: Hint) -> Hint:
    """``hint`` that reads a number printed right after an empty, marked price cell as the amount owned.

    A price cell holding only ``$`` and a footnote mark (``$ ^(1) 0``, ``$ (5) 2,248,637``) may end one
    space before the amount owned, so both land in one cell, and the amount sits where the price's
    sub-column would be. The mark closes the price: what follows is the next column.
    """
    owned: set[int] = set()
    for bl in row.lines:
        for t, nxt in zip(bl.tokens, bl.tokens[1:], strict=False):
            if t.text == "$" and t.footnotes and nxt.cell == t.cell and nxt.kind is TokenKind.NUMBER:
                owned.add(id(nxt))
    if not owned:
        return hint

    def wrapped(t: Token) -> str | None:
        return "shares_owned_following_transaction" if id(t) in owned else hint(t)

    return wrapped


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
        col = _cell_edge_column(t, model) or model.column_at(t.x0, t.x1)
        if col is None:
            return None
        if col.key == "transaction_shares" and "transaction_price_per_share" in marks:
            return "transaction_price_per_share" if t.x1 > marks["transaction_price_per_share"] else col.key
        return col.key

    return hint


def _cell_edge_column(t: Token, model: ColumnModel, slack: int = 2) -> Column | None:
    """The column whose numbered label starts at most ``slack`` characters right of a short value.

    w3m left-aligns a value at its cell's left edge, which is where the header cell's widest line
    starts (``Owned Following Reported``), a character or two left of the ``9.`` label: a one-digit
    ``0`` there overlaps only the column to its left. A value of the left column would end before the
    gap of two spaces that separates cells, so it cannot start this close to the label.
    """
    if not t.is_data:
        return None
    for col in model.columns:
        if 0 < col.x0 - t.x0 <= slack and t.x1 <= col.x0 + 1:
            return col
    return None
