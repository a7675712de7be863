"""Group the body lines of a Table I / Table II into rows.

A row's cells may spread over several lines:
- w3m and pdftotext wrap long titles and nature-of-ownership text, and centre the other cells
  vertically, so wrapped text sits *above* and *below* the line holding the numbers;
- pdftotext may even print the numbers of one row on two or three lines (``1,248`` of column 5 one
  line above the dates, ``$ 21.65  1,248  D`` one line below);
- footnote markers that did not fit (``^`` / ``(1)``) sit on the next line;
- TAB dumps put "shares owned following" on its own line after the transaction line.

Rules (layout decisions, kept apart from value parsing so a learned classifier can replace them):
1. a line is a *data* line when it holds a date, amount or number outside the nature column;
2. consecutive data lines merge into one row when they do not fill the same (sub-)column twice
   (fixed-width dumps; a price wrapped as ``$`` / amount is allowed) or when the later one does not
   start with a title (other dumps: a title-less data line joins the nearest titled row);
3. text-only lines between two rows are cut after a phrase end followed by a blank line, else at a
   blank line, else after the phrase end (footnote mark) nearest to the centring estimate, else at
   that estimate;
4. lines that are only footnote markers stay with the row above;
5. scrambled OCR (one cell per paragraph) is first rebuilt into virtual data lines;
6. reading-order dumps: a row that is complete (price, amount owned, D/I) takes no further
   title-less data line; such a line is the amount of a next row that lacks one, else a row of
   its own (OCR centres cells and garbles titles, so values print away from their title).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from extractor.assemble.ownership_tables_fields import split_leading_title
from extractor.layout.cells import Token, TokenKind
from extractor.layout.columns import ColumnModel
from extractor.layout.lines import Line

TEXT_COLUMNS = frozenset({"security_title", "underlying_security_title", "nature_of_ownership"})


@dataclass
class BodyLine:
    line: Line
    tokens: list[Token]
    kind: str  # "blank" | "data" | "text" | "footnote"
    strong: bool = False  # data line that starts with a title (non-fixed-width dumps)
    data_columns: frozenset[str] = frozenset()
    model: ColumnModel | None = None  # the column model of this line's page


@dataclass
class RowGroup:
    """Lines of one table row: ``data`` lines carry the values, ``above``/``below`` wrapped text."""

    data: list[BodyLine] = field(default_factory=list)
    above: list[BodyLine] = field(default_factory=list)
    below: list[BodyLine] = field(default_factory=list)
    orphans: list[Token] = field(default_factory=list)  # data of weak lines printed above the row

    @property
    def lines(self) -> list[BodyLine]:
        return sorted(self.above + self.data + self.below, key=lambda b: b.line.index)


def classify_line(line: Line, tokens: list[Token], model: ColumnModel) -> BodyLine:
    """Blank, data, text-only or footnote-only line (rule 1)."""
    if not tokens:
        return BodyLine(line, tokens, "blank", model=model)
    if all(t.kind is TokenKind.FOOTNOTE for t in tokens):
        return BodyLine(line, tokens, "footnote", model=model)
    cols: set[str] = set()
    has_data = False
    for t in tokens:
        if not t.is_data:
            continue
        if model.fixed_width:
            key = model.subcolumn_at(t.x0, t.x1)
            if key.startswith("nature_of_ownership"):
                continue  # "Trust dated 12/1/2000" in the nature column is text
            cols.add(key)
        has_data = True
    if not has_data:
        return BodyLine(line, tokens, "text", model=model)
    first = tokens[0]
    strong = (
        first.kind in (TokenKind.TEXT, TokenKind.LETTER)
        and any(c.isalpha() for c in first.text)
        and first.x0 <= max(2, line.indent)
    )
    return BodyLine(line, tokens, "data", strong=strong, data_columns=frozenset(cols), model=model)


def group_rows(body: list[BodyLine], model: ColumnModel) -> list[RowGroup]:
    """Rows of a table body (rules 2-4)."""
    rows: list[RowGroup] = []
    pending: list[BodyLine] = []  # text/blank lines since the last data line
    for bl in body:
        if bl.kind != "data":
            pending.append(bl)
            continue
        prev = rows[-1] if rows else None
        if prev is not None and _continues(prev, bl, pending, model):
            prev.below.extend(p for p in pending if p.kind != "blank")
            prev.data.append(bl)
            pending = []
            continue
        row = RowGroup(data=[bl])
        if prev is None:
            row.above = [p for p in pending if p.kind != "blank"]
        else:
            _split_gap(prev, row, pending, model)
        rows.append(row)
        pending = []
    if rows:
        rows[-1].below.extend(p for p in pending if p.kind != "blank")
    if not model.fixed_width:
        rows = _fold_weak_rows(rows)
    return rows


def _continues(prev: RowGroup, bl: BodyLine, pending: list[BodyLine], model: ColumnModel) -> bool:
    if any(p.kind == "blank" for p in pending):
        return False
    if model.fixed_width:
        used: set[str] = set()
        for d in prev.data:
            used |= d.data_columns
        cols = bl.data_columns
        if any(d.model is not bl.model for d in prev.data):
            # a line on the next page's grid: its sub-column marks may be dropped (refitted grid)
            used, cols = {k.split(":")[0] for k in used}, frozenset(k.split(":")[0] for k in cols)
        return not (used & cols) or _wrapped_dollar(prev, bl)
    # A complete row (``$0 48,119 D``) takes no more numbers: the fold decides where they go.
    return not bl.strong and not pending and not _closes_twice(prev, bl) and not _is_complete(prev)


def _closes_twice(prev: RowGroup, bl: BodyLine) -> bool:
    """Trap: scrambled OCR prints a holding's values (``3,693 (9) D``) right under a finished row
    and its title below them; when both lines end with their own D/I cell, the weak line is a row
    of its own, not the continuation of the row above."""
    return _ends_with_owner_letter(prev.data[-1]) and _ends_with_owner_letter(bl)


def _wrapped_dollar(prev: RowGroup, bl: BodyLine) -> bool:
    """A price cell wrapped around the row's line: ``$`` above it, the amount alone below it."""
    data = [t for t in bl.tokens if t.is_data]
    if len(data) != 1 or len(bl.tokens) > 2:
        return False
    x = data[0].x0
    return any(t.text == "$" and abs(t.x0 - x) <= 4 for b in prev.above + prev.data for t in b.tokens)


def _split_gap(prev: RowGroup, row: RowGroup, gap: list[BodyLine], model: ColumnModel) -> None:
    """Share the text lines between two data lines (rules 3 and 4), line by line.

    (Cutting column by column was tried: the centring estimate then drifts from row to row in long
    tables, which costs more than the rare row whose title and nature wrap to different heights.)
    """
    closed = not model.fixed_width and _is_closed(row.data[0])
    head, tail = _cut(gap, prev, closed=closed, reading=not model.fixed_width)
    prev.below.extend(head)
    row.above.extend(tail)


def _cut(
    gap: list[BodyLine], prev: RowGroup, *, closed: bool, reading: bool = False
) -> tuple[list[BodyLine], list[BodyLine]]:
    """Lines of a gap kept by the row above, and lines given to the row below.

    A wrapped cell ends with its footnote marks (``L.P. (6) (7)``): a phrase end followed by a blank
    line is the cut; else a blank line (w3m separates rows by one); else the phrase end nearest to
    the expected cut; else the centring estimate: converters centre a cell on its row's data line,
    so the row above keeps as many wrapped lines below as it had above. A *closed* row (data line
    starting with a title and ending with a bare ``D``: no wrapped title, no nature) takes none.
    """
    g = len(gap)
    above = len(prev.above)
    # Data lines of the row printed below its first one count as part of its lower half.
    target = min(max(0, above - (len(prev.data) - 1)), g)
    blanks = [i for i, b in enumerate(gap) if b.kind == "blank"]
    ends = [c for c in range(1, g + 1) if _ends_phrase(gap[c - 1], reading=reading)]
    leads = [c for c in range(g) if _opens_nature(gap[c]) and (c > 0 or _nature_inline(prev))]
    if closed and reading and ends and ends[-1] < g and _is_title_wrap(gap[ends[-1] :]):
        # Trap: a title wrapped above a data line that starts with its second line (``Restricted``
        # / ``Stock Units ... D``) makes the row look closed; lines after the last phrase end of
        # the row above (``buy)``) that open with a capitalised word are that title's first line.
        cut = ends[-1]
    elif closed:
        cut = g
    elif reading and leads:
        # Reading-order dumps (OCR): a wrapped line opening a nature entry ("By Sequoia", "See
        # Footnote") starts the next row's nature, centred on that row; the row above's own nature
        # never restarts with such a word.
        cut = leads[0]
    elif at_blank := [c for c in ends if c == g or gap[c].kind == "blank"]:
        cut = at_blank[0]
    elif reading and ends:
        # OCR: a footnote mark (or its debris) ends a wrapped cell more surely than a blank line,
        # which scrambled OCR also prints inside a row.
        cut = min(ends, key=lambda c: (abs(c - target), -c))
    elif blanks:
        cut = blanks[-1] + 1
    elif ends:
        cut = min(ends, key=lambda c: (abs(c - target), -c))
    else:
        cut = target
    while cut < g and gap[cut].kind == "footnote":
        cut += 1
    head = [b for b in gap[:cut] if b.kind != "blank"]
    tail = [b for b in gap[cut:] if b.kind != "blank"]
    return head, tail


def _is_title_wrap(lines: list[BodyLine]) -> bool:
    """One or two text lines whose first word is capitalised and opens no nature entry."""
    text = [b for b in lines if b.kind != "blank"]
    return (
        0 < len(text) <= 2
        and all(b.kind == "text" for b in text)
        and text[0].tokens[0].text[:1].isupper()
        and not _opens_nature(text[0])
    )


# Words that open a nature-of-ownership entry ("By Trust", "See footnote", "Held by ...").
NATURE_LEADS = frozenset({"by", "see", "held", "through", "via"})


def _opens_nature(bl: BodyLine) -> bool:
    return bl.kind == "text" and bool(bl.tokens) and bl.tokens[0].text.lower().rstrip(":") in NATURE_LEADS


def _nature_inline(row: RowGroup) -> bool:
    """The row's data line has words after its D/I letter: its nature started on the data line."""
    toks = [t for d in row.data for t in d.tokens if t.kind is not TokenKind.FOOTNOTE]
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].text in ("D", "I") and toks[i].kind is TokenKind.LETTER:
            return i < len(toks) - 1
        if toks[i].is_data:
            return False
    return False


def _ends_phrase(bl: BodyLine, *, reading: bool = False) -> bool:
    """A wrapped cell ends with its footnote marks; OCR turns a mark into debris (``L.p, &``,
    ``Fund, L.P. @)``): in reading-order dumps ``&``, ``@``, ``©`` or at most two characters
    before ``)`` end the phrase too (not a lone ``,`` or quote: OCR prints those on rules)."""
    if not bl.tokens:
        return False
    last = bl.tokens[-1]
    if reading and len(bl.tokens) > 1 and _MARK_DEBRIS_END.match(last.text):
        return True
    if reading and _ends_entity(bl.tokens):
        return True
    return last.kind is TokenKind.FOOTNOTE or bool(last.footnotes) or last.text.endswith(")")


_MARK_DEBRIS_END = re.compile(r"^[&@©®]\)?$|^\S{0,2}\)$")

# Legal-form suffixes that close an owner's name; OCR drops or swaps their dots (``L.p,``, ``Lp,``).
_ENTITY_SUFFIXES = frozenset({"lp", "llc", "llp", "ltd", "inc"})


def _ends_entity(tokens: list[Token]) -> bool:
    """The line ends an entity name (``L.p,``, ``LLC “4``): in OCR a footnote mark that follows
    the suffix is often lost or printed as debris, so the suffix itself ends the wrapped cell
    (``Fund XV,`` / ``L.p,`` / ``Sequoia``: the last word opens the next row's nature)."""
    k = len(tokens)
    # Trailing marks and their debris (``“4``, ``&``, ``2)``): short and without a letter.
    while k > 1 and (
        tokens[k - 1].kind is TokenKind.FOOTNOTE
        or (len(tokens[k - 1].text) <= 2 and not any(c.isalpha() for c in tokens[k - 1].text))
    ):
        k -= 1
    word = "".join(c for c in tokens[k - 1].text if c.isalnum()).lower()
    return word in _ENTITY_SUFFIXES


def _is_closed(bl: BodyLine) -> bool:
    """Trap: a one-word title on the data line (``Common`` between ``Class B`` and ``Stock``) is a
    wrapped title, so the row is not closed even when it ends with ``D``."""
    toks = [t for t in bl.tokens if t.kind is not TokenKind.FOOTNOTE]
    lead = 0
    while lead < len(toks) and toks[lead].kind in (TokenKind.TEXT, TokenKind.LETTER):
        lead += 1
    return (
        bl.strong and lead >= 2 and bool(toks) and toks[-1].text == "D" and toks[-1].kind is TokenKind.LETTER
    )


def _fold_weak_rows(rows: list[RowGroup]) -> list[RowGroup]:
    """Non-fixed-width dumps: a data line without a title joins the nearest titled row.

    A weak line printed *after* a titled row continues it (TAB dumps' "owned following" line); one
    printed *before* it gives its numbers as orphans that fill the row's empty numeric fields.
    """
    out: list[RowGroup] = []
    for i, row in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if nxt is not None and _raised_amount(row, nxt):
            _give_raised_to_next(row, nxt)
            continue
        if out and not row.data[0].strong and len(row.data) == 1 and _fill_open_price(out[-1], row.data[0]):
            out[-1].below.extend([*row.above, *row.below])
            continue
        if row.data[0].strong or (not out and (nxt is None or not nxt.data[0].strong)):
            _fold_price_lines(row)
            out.append(row)
            continue
        d_prev = row.data[0].line.index - out[-1].data[-1].line.index if out else 10**9
        d_next = 10**9
        if nxt is not None and nxt.data[0].strong:
            d_next = nxt.data[0].line.index - row.data[-1].line.index
        if d_prev <= d_next and _closes_twice(out[-1], row.data[-1]):
            _take_title_after_blank(out[-1], row)
            out.append(row)
            continue
        if d_prev <= d_next and d_next < 10**9 and _is_complete(out[-1]):
            # Trap: a weak line right under a complete row (``$0 48,119 D``) cannot continue it
            # (its last number would become the amount owned). OCR centres cells vertically, so
            # it is either the amount of the next row, printed above a data line that lacks it
            # (``16,723`` / ``... J V (a) D $0 16,274 D``), or the cells of a row whose title OCR
            # garbled (``1 k 1 U.S.`` / ``Class A Common Stoc 5,685,76 I``): a row of its own.
            if not _lacks_amount(rows[i + 1]):
                out.append(row)
                continue
            d_prev = 10**9
        if d_prev <= d_next:
            tgt = out[-1]
            tgt.below.extend(row.above)
            tgt.data.extend(row.data)
            tgt.below.extend(row.below)
        elif nxt is not None:
            _give_to_next(row, nxt)
    return out


# A price printed with decimals and without thousands separators (``67.37``, ``17.3509``).
_DECIMAL_PRICE = re.compile(r"^\d{1,4}\.\d{1,4}$")


def _fold_price_lines(row: RowGroup) -> None:
    """A price line that continues its row (``... A $ 18,175 D`` / ``41.82``) fills the open ``$``."""
    for d in list(row.data[1:]):
        if _fill_open_price(row, d):
            row.data.remove(d)


def _fill_open_price(row: RowGroup, bl: BodyLine) -> bool:
    """OCR reads a price cell wrapped below its ``$`` (``$`` / ``67.37``) as ``$ 776``: the sign
    glued to the next column's amount owned, the figure alone on a line of its own (after a blank
    line it looks like a weak line of the next row, whose empty amount owned it would fill). A
    line whose only value is one decimal figure (no D/I, no date) fills the row's open ``$``: a
    bare ``$`` word becomes the price, and ``$ 776`` (a space after the sign, no number after it
    on its line, an integer amount) gives the amount back its own cell. True when it did.
    """
    toks = [t for t in bl.tokens if t.kind is not TokenKind.FOOTNOTE]
    if len(toks) != 1 or toks[0].kind is not TokenKind.NUMBER or not _DECIMAL_PRICE.match(toks[0].text):
        return False
    price = toks[0]
    for d in row.data:
        for k, t in enumerate(d.tokens):
            if t.text == "$" and t.kind is TokenKind.TEXT:
                d.tokens[k] = replace(price, kind=TokenKind.MONEY, text="$" + price.text)
                return True
            if t.kind is TokenKind.MONEY and _spaced_dollar_amount(d, t):
                amount = replace(t, text=t.text[1:].strip(), kind=TokenKind.NUMBER)
                d.tokens[k : k + 1] = [replace(price, kind=TokenKind.MONEY, text="$" + price.text), amount]
                return True
    return False


def _spaced_dollar_amount(d: BodyLine, t: Token) -> bool:
    """``$ 776`` as printed: a space after the sign, an integer amount, no number after it on its line."""
    printed = d.line.text[t.x0 : t.x1] if d.line.text else ""
    later = [u for u in d.tokens if u.start > t.start and u.kind in (TokenKind.NUMBER, TokenKind.MONEY)]
    return printed.startswith("$ ") and "." not in printed and not later


def _give_to_next(row: RowGroup, nxt: RowGroup) -> None:
    """The row's values fill the next row's empty fields; its words become wrapped text above it."""
    nxt.orphans.extend(t for d in row.data for t in d.tokens if t.is_data)
    nxt.above[:0] = [
        *row.above,
        *(BodyLine(d.line, [t for t in d.tokens if not t.is_data], "text") for d in row.data),
        *row.below,
    ]


def _give_raised_to_next(row: RowGroup, nxt: RowGroup) -> None:
    """Like ``_give_to_next``, but a value inside the title (``$0.0001 par``) stays title text."""
    title, rest = split_leading_title(row.data[0].tokens)
    nxt.orphans.extend(t for t in rest if t.is_data)
    words = BodyLine(row.data[0].line, [*title, *(t for t in rest if not t.is_data)], "text")
    nxt.above[:0] = [*row.above, words, *row.below]


def _raised_amount(row: RowGroup, nxt: RowGroup) -> bool:
    """Trap: OCR prints a short amount cell, centred on a row whose title wraps, on the title's
    first line (``Class A Common Stock, $0.0001 par 18,421`` / ``value $ 09/14/2021 A ... D``;
    ``Option 1,559 Common`` / ``(right to $20.27 04/12/2019 ...``). That line starts with words
    like a row of its own, but one bare amount without a date or a D/I is no row: it is the
    first line of the next, dated, row, which takes its amount and its words. The next row's
    title must continue a phrase (small letter, open parenthesis): a holding whose D/I was lost
    (``Class A Common Stock 27,542``) above a row with a title of its own stays a row.
    """
    if len(row.data) != 1 or not nxt.data[0].strong:
        return False
    toks = [t for t in row.data[0].tokens if t.kind is not TokenKind.FOOTNOTE]
    title, rest = split_leading_title(toks)
    data = [t for t in rest if t.is_data]
    if not title or len(data) != 1 or data[0].kind is not TokenKind.NUMBER:
        return False
    if any(t.kind is TokenKind.LETTER and t.text in ("D", "I") for t in rest):
        return False
    lead = nxt.data[0].tokens[0].text
    continues = lead[:1].islower() or (lead.startswith("(") and lead[1:2].islower())
    return continues and any(t.kind is TokenKind.DATE for d in nxt.data for t in d.tokens)


def _take_title_after_blank(prev: RowGroup, row: RowGroup) -> None:
    """A title-less row kept apart from ``prev`` takes the text lines that ``prev`` got below a
    blank line (its own title, printed as a separate paragraph above its values)."""
    if any(t.kind is TokenKind.TEXT for t in row.data[0].tokens):
        return
    last = prev.data[-1].line.index
    for k, bl in enumerate(prev.below):
        if bl.line.index > last + 1:
            row.above[:0] = prev.below[k:]
            del prev.below[k:]
            return
        last = bl.line.index


def _lacks_amount(row: RowGroup) -> bool:
    """The row's first value after its transaction date is the price (``$0``): the amount of
    column 4 is missing from its data line."""
    toks = [t for d in row.data for t in d.tokens]
    date = next((k for k, t in enumerate(toks) if t.kind is TokenKind.DATE), None)
    if date is None:
        return False
    first = next((t for t in toks[date + 1 :] if t.kind in (TokenKind.NUMBER, TokenKind.MONEY)), None)
    return first is not None and first.kind is TokenKind.MONEY


def _is_complete(row: RowGroup) -> bool:
    """The row's data end with price, amount owned and D/I (``$0 29,764 D``, ``$0 455,179 I
    Planning``), or it is a holding (no date) whose last amount is followed by D/I: nothing of
    Table I / II is left to print after it."""
    toks = [t for d in row.data for t in d.tokens if t.kind is not TokenKind.FOOTNOTE]
    last = max((k for k, t in enumerate(toks) if t.kind in (TokenKind.NUMBER, TokenKind.MONEY)), default=-1)
    if last < 0 or last + 1 >= len(toks) or toks[last].kind is not TokenKind.NUMBER:
        return False
    owner = toks[last + 1]
    if owner.kind is not TokenKind.LETTER or owner.text not in ("D", "I"):
        return False
    return any(t.kind is TokenKind.MONEY for t in toks) or not any(t.kind is TokenKind.DATE for t in toks)


def _ends_with_owner_letter(bl: BodyLine) -> bool:
    """The line ends with a D/I letter right after an amount (``118,222 I``, ``3,693 (9) D``)."""
    toks = [t for t in bl.tokens if t.kind is not TokenKind.FOOTNOTE]
    return (
        len(toks) >= 2
        and toks[-1].kind is TokenKind.LETTER
        and toks[-1].text in ("D", "I")
        and toks[-2].kind is TokenKind.NUMBER
    )


def merge_scrambled_blocks(body: list[BodyLine], *, derivative: bool = False) -> list[BodyLine]:
    """Scrambled OCR: rebuild rows printed one cell per blank-separated block.

    Some OCR engines emit every cell of a table as its own paragraph (``Class A Common Stock`` /
    blank / ``02/28/2019`` / blank / ``jm`` / blank / ``4,169,733`` ...). A run of at least three
    such one-value blocks becomes virtual data lines: a text block followed by a value block opens a
    row (its title), every other block joins the open row (values, then wrapped nature text).
    In Table II (``derivative``) the underlying title is such a text block too, printed between
    the transaction amount and the underlying amount: a title opens a row only once the open row
    has words after its first value.
    """
    spans: list[tuple[int, int]] = []
    start = None
    for i, bl in enumerate(body):
        if bl.kind == "blank":
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(body)))
    out: list[BodyLine] = []
    pos = 0
    k = 0
    while k < len(spans):
        j = k
        while j < len(spans) and _cell_block(body[spans[j][0] : spans[j][1]]):
            j += 1
        singles = sum(1 for a, b in spans[k:j] if b - a == 1 and any(t.is_data for t in body[a].tokens))
        if singles >= 3:
            after_row = any(bl.kind == "data" for bl in body[: spans[k][0]])
            lead = _leftover_blocks([body[a:b] for a, b in spans[k:j]]) if after_row else 0
            out.extend(body[pos : spans[k + lead][0]])
            out.extend(_virtual_rows([body[a:b] for a, b in spans[k + lead : j]], derivative))
            pos = spans[j - 1][1]
            k = j
        else:
            k = max(j, k + 1)
    out.extend(body[pos:])
    return out


def _leftover_blocks(blocks: list[list[BodyLine]]) -> int:
    """Text blocks at the head of a scrambled run that belong to no row of the run.

    Trap: OCR often prints the end of the row above (``Fund (Q), L.p, (4)``, ``vehicle``) or the
    start of the next row's nature (``Sequoia``, before ``Class A Common Stock`` / ``479`` /
    ``Capital U.S. ...``) as its own paragraph before the first title of the run. Glued to that
    title they corrupt it (``Fund (Q), L.p, Class A Common Stock``); left as plain text lines, the
    gap rules share them between the row above and the row below. A head that continues the title
    (the next block starts with a small letter: ``Class A ... $0.0001 par`` / ``value``) stays.
    """
    k = 0
    while k + 1 < len(blocks) and not any(t.is_data for b in blocks[k] for t in b.tokens):
        if any(t.is_data for b in blocks[k + 1] for t in b.tokens):
            return 0 if k == 0 or not _capitalised(blocks[k]) else k
        k += 1
    return 0


def _capitalised(block: list[BodyLine]) -> bool:
    first = next((t for b in block for t in b.tokens if any(c.isalpha() for c in t.text)), None)
    return first is not None and first.text[:1].isupper()


# OCR debris of a price cell's "$" beside a footnote mark ("¢", "g") and of a mark itself ("©)", "&)").
_MARK_DEBRIS = re.compile(r"^[^\s\w]?[\w@©&®]{0,2}\)$")


def _price_debris(t: Token) -> bool:
    """``¢ ©) | 438,456``: the "$" and the mark of a price cell glued before the amount owned."""
    return t.kind is TokenKind.TEXT and (t.text in ("$", "¢") or bool(_MARK_DEBRIS.match(t.text)))


def _cell_block(block: list[BodyLine]) -> bool:
    """One value (date, number, amount, letter, short junk) or text lines without values."""
    if len(block) == 1:
        toks = [t for t in block[0].tokens if t.kind is not TokenKind.FOOTNOTE and not _price_debris(t)]
        data = [t for t in toks if t.is_data]
        # Two neighbouring value cells may share a paragraph ("02/28/2019 4,169,733").
        return (len(data) <= 1 and (not data or len(toks) <= 2)) or (len(toks) == 2 and len(data) == 2)
    if all(not any(t.is_data for t in b.tokens) for b in block):
        return True
    # A price cell wrapped around its ``$`` and footnote mark (``$`` / ``183.5573`` / ``(12)``).
    toks = [t for b in block for t in b.tokens]
    return sum(1 for t in toks if t.is_data) == 1 and all(
        t.is_data or t.kind is TokenKind.FOOTNOTE or t.text == "$" for t in toks
    )


def _words_after_value(toks: list[Token]) -> bool:
    first = next((i for i, t in enumerate(toks) if t.is_data), None)
    return first is not None and any(
        t.kind is TokenKind.TEXT and sum(c.isalpha() for c in t.text) >= 3 for t in toks[first + 1 :]
    )


def _revive_cells(toks: list[Token], row: list[Token]) -> None:
    """Values of a one-cell paragraph that the line-level rules took for text.

    Traps: a price wrapped around its sign (``$`` / ``183.5573`` / ``(12)``) is a bare number
    after a lone ``$``: it is money. A small amount (``73``) alone in its paragraph reads like a
    mark without parentheses (``demote_ocr_marks``), but where the form's column order puts a
    value (after the price: the amount owned; right after the code after the date: the amount)
    it is that value.
    """
    for a, b in itertools.pairwise(toks):
        if a.text == "$" and b.kind is TokenKind.NUMBER:
            b.kind = TokenKind.MONEY
    if len(toks) != 1 or toks[0].kind is not TokenKind.TEXT or not toks[0].text.isdigit():
        return
    before = [t for t in row if t.kind is not TokenKind.FOOTNOTE]
    after_price = bool(before) and before[-1].kind is TokenKind.MONEY
    after_code = (
        len(before) >= 2
        and before[-2].kind is TokenKind.DATE
        and before[-1].kind in (TokenKind.TEXT, TokenKind.LETTER)
        and len(before[-1].text) <= 4
        and before[-1].text[:1].isalpha()
    )
    if after_price or after_code:
        toks[0].kind = TokenKind.NUMBER


def _virtual_rows(blocks: list[list[BodyLine]], derivative: bool = False) -> list[BodyLine]:
    rows: list[list[Token]] = []
    for i, block in enumerate(blocks):
        toks = [t for b in block for t in b.tokens]
        if rows:
            _revive_cells(toks, rows[-1])
        has_data = any(t.is_data for t in toks)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        # A title: words (not a short code like "jm") before a value, once the open row has numbers.
        opens = (
            not has_data
            and nxt is not None
            and any(t.is_data for b in nxt for t in b.tokens)
            and any(t.kind is TokenKind.TEXT and sum(c.isalpha() for c in t.text) >= 3 for t in toks)
            and (not rows or any(t.kind in (TokenKind.NUMBER, TokenKind.MONEY) for t in rows[-1]))
            and (not rows or not derivative or _words_after_value(rows[-1]))
        )
        if opens or not rows:
            rows.append([])
        rows[-1].extend(toks)
    out: list[BodyLine] = []
    for toks in rows:
        if not toks:
            continue
        first = min(toks, key=lambda t: t.start)
        last = max(toks, key=lambda t: t.end)
        line = Line(first.line, first.start, last.end, "")
        kind = "data" if any(t.is_data for t in toks) else "text"
        # Trap: the previous row's footnote mark (``(1)``) is often its own block just before the
        # next title; it must not make the rebuilt row look title-less (it would then be folded
        # into the row above and lose its own values).
        lead = next((t for t in toks if t.kind is not TokenKind.FOOTNOTE), toks[0])
        strong = lead.kind in (TokenKind.TEXT, TokenKind.LETTER)
        out.append(BodyLine(line, toks, kind, strong=strong))
    return out
