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
from dataclasses import dataclass, field

from extractor.assemble.ownership_tables_fields import FieldValue
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
        return not (used & bl.data_columns) or _wrapped_dollar(prev, bl)
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
    if closed:
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
    return last.kind is TokenKind.FOOTNOTE or bool(last.footnotes) or last.text.endswith(")")


_MARK_DEBRIS_END = re.compile(r"^[&@©®]\)?$|^\S{0,2}\)$")


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
        if row.data[0].strong or (not out and (nxt is None or not nxt.data[0].strong)):
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
            nxt.orphans.extend(t for d in row.data for t in d.tokens if t.is_data)
            nxt.above[:0] = [
                *row.above,
                *(BodyLine(d.line, [t for t in d.tokens if not t.is_data], "text") for d in row.data),
                *row.below,
            ]
    return out


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
            out.extend(body[pos : spans[k][0]])
            out.extend(_virtual_rows([body[a:b] for a, b in spans[k:j]], derivative))
            pos = spans[j - 1][1]
            k = j
        else:
            k = max(j, k + 1)
    out.extend(body[pos:])
    return out


def _cell_block(block: list[BodyLine]) -> bool:
    """One value (date, number, amount, letter, short junk) or text lines without values."""
    if len(block) == 1:
        toks = [t for t in block[0].tokens if t.kind is not TokenKind.FOOTNOTE]
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


# ---------------------------------------------------------------------------------------------
# Plain ``pdftotext`` (content-stream order) prints a table one cell per line, in an order of its
# own: the header captions the first data row shares a block with come *after* that row's numbers,
# and the first row's title, date and code come after all rows (``A / 993(1) / A / $0 / 7,267 /
# D ... 1.Title of Security ... Class A Common Stock / 04/13/2022``). Such a table is read as a
# token stream: caption lines are dropped wherever they sit, each row ends at its D/I letter (plus
# the nature text after it), and cells printed away from their row fill the rows lacking them.
# ---------------------------------------------------------------------------------------------

_CAPTION_WORDS = frozenset(
    [
        "1.title",
        "1.",
        "title",
        "of",
        "security",
        "(instr.",
        "3)",
        "4)",
        "5)",
        "8)",
        "3,",
        "3",
        "4,",
        "4",
        "and",
        "5)",
        "2.",
        "2a.",
        "transaction",
        "date",
        "(month/day/year)",
        "deemed",
        "execution",
        "date,",
        "if",
        "any",
        "3.",
        "code",
        "v",
        "4.",
        "securities",
        "acquired",
        "(a)",
        "or",
        "disposed",
        "(d)",
        "amount",
        "price",
        "5.",
        "beneficially",
        "owned",
        "following",
        "reported",
        "transaction(s)",
        "6.",
        "ownership",
        "form:",
        "direct",
        "indirect",
        "(i)",
        "7.",
        "nature",
        "beneficial",
    ]
)
# a caption word that data never is: a line of only caption words needs one of these (or a
# parenthesis) to be a caption and not, say, a nature entry "Direct"
_CAPTION_STRONG = _CAPTION_WORDS - {
    "of",
    "and",
    "if",
    "direct",
    "indirect",
    "security",
    "securities",
    "4",
}
_TITLE_WORDS = re.compile(
    r"\b(?:stock|shares?|depositary|units?|ordinary|common|preferred|warrants?|options?|notes?|debentures?|ads)\b",
    re.I,
)
_STREAM_END = re.compile(r"^\s{0,8}(?:Reminder\s?:|Persons who respond|number\. SEC|SEC 14\d\d)", re.I)


RowCells = dict[str, FieldValue]
_VALUE_KINDS = {TokenKind.DATE: "date", TokenKind.MONEY: "price", TokenKind.NUMBER: "num"}


@dataclass
class _Item:
    kind: str  # "title", "text", "date", "price", "num", "letter"
    tokens: list[Token]
    text: str = ""


def _is_caption(text: str) -> bool:
    words = text.lower().split()
    if not words or len(words) > 12 or not all(w in _CAPTION_WORDS for w in words):
        return False
    return any(
        w in _CAPTION_STRONG or w.startswith("(") or (w[0].isdigit() and not w.isdigit()) for w in words
    )


def _line_items(toks: list[Token], text: str) -> list[_Item]:
    """A line with words is one text item (title or nature); else one item per value token."""
    words = [t for t in toks if t.kind is TokenKind.TEXT and sum(c.isalpha() for c in t.text) >= 2]
    if words:
        kind = "title" if _TITLE_WORDS.search(text) else "text"
        return [_Item(kind, [t for t in toks if t.kind is not TokenKind.FOOTNOTE], text.strip())]
    out: list[_Item] = []
    for t in toks:
        if t.kind is TokenKind.TEXT and t.text == "$":
            # "$" alone (value on the next line) or "$ (5)" (a price given only by a footnote)
            out.append(_Item("dollar" if not t.footnotes else "price", [t]))
        elif t.kind is TokenKind.NUMBER and out and out[-1].kind == "dollar":
            out[-1] = _Item("price", [t])
        elif t.kind in (TokenKind.DATE, TokenKind.MONEY, TokenKind.NUMBER, TokenKind.LETTER):
            out.append(_Item(_VALUE_KINDS.get(t.kind, "letter"), [t]))
    return out


def _stream_items(lines: list[Line], label: int, stop: int) -> tuple[list[_Item], bool] | None:
    """Items of the table body and whether a caption line followed a value (the pdftotext sign)."""
    from extractor.layout.cells import tokenize_line  # local: cells imports nothing of ours

    items: list[_Item] = []
    late_caption = False
    for line in lines[label + 1 : min(stop, label + 600)]:
        if _STREAM_END.search(line.text):
            break
        if not line.text.strip():
            continue
        if _is_caption(line.text):
            late_caption = late_caption or any(i.kind in ("num", "date") for i in items)
            continue
        items.extend(_line_items(tokenize_line(line), line.text))
    return _join_wrapped_titles(_join_dollars(items)), late_caption


# a title line ending in one of these continues on the next line (``Class A Common`` / ``Stock``,
# ``Class A`` / ``Common Stock``); the next line must then open with a title noun or adjective
_WRAP_OPEN = frozenset({"common", "preferred", "convertible", "depositary", "ordinary", "restricted"})
_WRAP_CLOSE = re.compile(r"^(?:common|preferred|stock|shares|units?|warrants?)\b", re.I)


def _join_wrapped_titles(items: list[_Item]) -> list[_Item]:
    """One title printed on two lines is one title item, not two rows' titles."""
    out: list[_Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and it.kind in ("title", "text")
            and prev.kind in ("title", "text")
            and _wraps(prev, it)
        ):
            text = f"{prev.text} {it.text}"
            out[-1] = _Item("title", [*prev.tokens, *it.tokens], text)
        else:
            out.append(it)
    return out


def _wraps(prev: _Item, it: _Item) -> bool:
    words = _strip_marks(prev.text).split()
    if not words or not _WRAP_CLOSE.match(it.text) or prev.text.rstrip().endswith(")"):
        return False
    last = words[-1]
    class_letter = len(words) == 2 and words[0].lower() in ("class", "series") and len(last) <= 2
    return last.lower() in _WRAP_OPEN or class_letter


def _join_dollars(items: list[_Item]) -> list[_Item]:
    """``$`` printed on one line and its price on the next (``$`` / ``25.0017(3)``)."""
    out: list[_Item] = []
    for it in items:
        if it.kind == "num" and out and out[-1].kind == "dollar":
            out[-1] = _Item("price", it.tokens)
        else:
            out.append(it)
    return [i for i in out if i.kind != "dollar"]


def _is_anchor(items: list[_Item], i: int) -> bool:
    """A D/I letter after the amount owned (not the A/D letter of the amount acquired)."""
    it = items[i]
    if it.kind != "letter" or it.tokens[0].text not in ("D", "I") or i == 0 or items[i - 1].kind != "num":
        return False
    nxt = items[i + 1] if i + 1 < len(items) else None
    if nxt is not None and nxt.kind == "price":
        return False
    after = items[i + 2] if i + 2 < len(items) else None
    return not (
        nxt is not None
        and nxt.kind == "num"
        and after is not None
        and after.kind == "letter"
        and after.tokens[0].text in ("D", "I")
    )


def _segments(items: list[_Item]) -> tuple[list[list[_Item]], list[_Item]]:
    """Row segments (each ends at its D/I letter and nature text) and the trailing leftovers."""
    rows: list[list[_Item]] = []
    cur: list[_Item] = []
    i = 0
    while i < len(items):
        cur.append(items[i])
        if _is_anchor(items, i):
            while i + 1 < len(items) and items[i + 1].kind == "text" and items[i].tokens[0].text != "D":
                i += 1
                cur.append(items[i])
            rows.append(cur)
            cur = []
        i += 1
    return rows, cur


def _split_leftovers(seg: list[_Item]) -> tuple[list[_Item], list[_Item]]:
    """Cells before a segment's last title belong to an earlier row (``Title date A A $0 Title ...``)."""
    titles = [k for k, it in enumerate(seg) if it.kind == "title"]
    if len(titles) < 2:
        return [], seg
    return seg[: titles[-1]], seg[titles[-1] :]


def _fv(items: list[_Item], value: object) -> FieldValue:
    return FieldValue(value, [t for it in items for t in it.tokens], 0.6)


def _read_segment(seg: list[_Item]) -> dict[str, FieldValue]:
    from extractor.assemble.values import parse_date, parse_number

    out: dict[str, FieldValue] = {}
    anchor, owned = seg_anchor(seg)
    out["direct_or_indirect_ownership"] = _fv([seg[anchor]], seg[anchor].tokens[0].text)
    out["shares_owned_following_transaction"] = _fv([seg[owned]], parse_number(seg[owned].tokens[0].text))
    nature = [it for k, it in enumerate(seg) if it.kind == "text"]
    if nature and seg[anchor].tokens[0].text == "I":
        out["nature_of_ownership"] = _fv(nature, " ".join(_strip_marks(it.text) for it in nature))
    title = next((it for it in seg if it.kind == "title"), None)
    if title is not None:
        out["security_title"] = _fv([title], _strip_marks(title.text))
    rest = [it for k, it in enumerate(seg[:owned]) if it.kind in ("date", "price", "num", "letter")]
    amount = next((k for k, it in enumerate(rest) if it.kind == "num"), None)
    for k, it in enumerate(rest):
        if it.kind == "date" and "transaction_date" not in out:
            out["transaction_date"] = _fv([it], parse_date(it.tokens[0].text))
        elif it.kind == "price" and "transaction_price_per_share" not in out:
            out["transaction_price_per_share"] = _fv([it], _price(it))
        elif it.kind == "letter" and (amount is None or k < amount):
            out.setdefault("transaction_code", _fv([it], it.tokens[0].text))
        elif it.kind == "letter" and it.tokens[0].text in ("A", "D"):
            out.setdefault("transaction_acquired_disposed_code", _fv([it], it.tokens[0].text))
    if amount is not None:
        out["transaction_shares"] = _fv([rest[amount]], parse_number(rest[amount].tokens[0].text))
    return out


def _unswap_price(seg: list[_Item]) -> list[_Item]:
    """``$`` / ``3,643,679`` / ``11.1596(3)`` / ``I``: a footnoted price printed below the amount
    owned, so ``$`` joined the amount. A whole-number "price" before a decimal "amount" is swapped."""
    anchor, owned = seg_anchor(seg)
    if owned < 1 or seg[owned].kind != "num" or seg[owned - 1].kind != "price":
        return seg
    price, amount = seg[owned - 1].tokens[0], seg[owned].tokens[0]
    if price.kind is not TokenKind.NUMBER or "." in price.text or not re.search(r"\.\d\d", amount.text):
        return seg
    return [*seg[: owned - 1], _Item("price", [amount]), _Item("num", [price]), *seg[anchor:]]


def seg_anchor(seg: list[_Item]) -> tuple[int, int]:
    """Index of a segment's D/I letter and of the amount owned before it."""
    anchor = max(k for k, it in enumerate(seg) if it.kind == "letter" and it.tokens[0].text in ("D", "I"))
    return anchor, anchor - 1


def _price(it: _Item) -> object:
    from extractor.assemble.values import parse_number

    tok = it.tokens[0]
    return None if tok.text == "$" else parse_number(tok.text.lstrip("$"))


def _strip_marks(text: str) -> str:
    return re.sub(r"\(\d{1,2}\)", "", text).strip()


def _fill_from_leftovers(rows: list[dict[str, FieldValue]], pool: list[_Item]) -> None:
    """Cells printed away from their row go, in order, to the rows lacking that cell."""
    titles = [it for it in pool if it.kind == "title"]
    dates = [it for it in pool if it.kind == "date"]
    letters = [it for it in pool if it.kind == "letter"]
    prices = [it for it in pool if it.kind == "price"]
    for row in rows:
        is_tx = "transaction_shares" in row
        if "security_title" not in row and titles:
            it = titles.pop(0)
            row["security_title"] = _fv([it], _strip_marks(it.text))
        if not is_tx:
            continue
        if "transaction_date" not in row and dates:
            it = dates.pop(0)
            row["transaction_date"] = _fv([it], _date(it))
        if "transaction_code" not in row and letters:
            row["transaction_code"] = _fv([letters[0]], letters.pop(0).tokens[0].text)
        if "transaction_acquired_disposed_code" not in row and letters and letters[0].tokens[0].text in "AD":
            row["transaction_acquired_disposed_code"] = _fv([letters[0]], letters.pop(0).tokens[0].text)
        if "transaction_price_per_share" not in row and prices:
            it = prices.pop(0)
            row["transaction_price_per_share"] = _fv([it], _price(it))


def _date(it: _Item) -> object:
    from extractor.assemble.values import parse_date

    return parse_date(it.tokens[0].text)


def read_cell_stream(lines: list[Line], label: int, stop: int) -> list[tuple[RowCells, bool]] | None:
    """Table I rows of a one-cell-per-line dump whose captions follow data; None when not such a dump."""
    found = _stream_items(lines, label, stop)
    if found is None or not found[1]:
        return None
    segments, pool = _segments(found[0])
    if not segments:
        return None
    rows: list[dict[str, FieldValue]] = []
    for seg in segments:
        early, own = _split_leftovers(seg)
        pool = [*pool, *early]
        rows.append(_read_segment(_unswap_price(own)))
    _fill_from_leftovers(rows, pool)
    return [(r, "transaction_shares" in r or "transaction_date" in r) for r in rows]


# ---------------------------------------------------------------------------------------------
# Table II read as a cell stream (same pdftotext dumps as above). Differences from Table I:
# - no A/D letter is printed (the amount sits in column (A) or (D)); the letter follows the code;
# - a line may mix words and values (``Class A 26,066 $ 0``: underlying title, amount, price), and a
#   title may wrap around its values (``Class B $ (5)(6)`` / ``Common`` / ``Stock``), so titles are
#   taken by *position* (before the first date/code/amount: the derivative's title; after the
#   amount: the underlying title), not by line;
# - a date given only by a footnote prints as a bare ``(17)`` line: a "mark" that fills the slot;
# - the D/I letter follows the amount owned (Form 4) or the conversion price (Form 3).
# Used when the D/I letters stand on lines of their own (at least one per two rows): column dumps
# (w3m, pdftotext -layout) and OCR print the letter at the end of its row's line, so their Table II
# keeps the row grouping. Captions there need not follow data (Form 3 prints them all first).
# ---------------------------------------------------------------------------------------------

_DERIV_END = re.compile(r"^\s{0,8}(?:Reporting Owners|Explanation of Responses|Signatures)\b", re.I)
_SLOT_KINDS = frozenset({"date", "mark"})
# Table II captions add these words; the weak ones (data may wrap to them: ``Common`` / ``Shares``)
# make a caption line only right after another caption line (``Number of`` / ``Shares``)
_DERIV_WEAK = frozenset(
    {"shares", "number", "amount", "price", "derivative", "beneficial", "ownership", "title"}
)
_DERIV_CAPTION_WORDS = (
    _CAPTION_WORDS
    | _DERIV_WEAK
    | {
        "2.",
        "3a.",
        "6.",
        "7.",
        "8.",
        "9.",
        "10.",
        "11.",
        "conversion",
        "exercise",
        "expiration",
        "exercisable",
        "underlying",
        "form",
        "security:",
        "(instr.",
        "(a)",
        "4)",
        "5)",
        "3,",
        "4,",
    }
)


def _deriv_line_items(toks: list[Token], text: str) -> list[_Item]:
    """Runs of words (with class letters: ``Class A``) as text items, one item per value between.

    pdftotext joins cells of one baseline: ``Class A 26,066 $ 0``, ``07/23/2021 07/22/2031 Common 252 Stock``.
    """
    out: list[_Item] = []
    run: list[Token] = []
    for t in [*toks, None]:
        if t is not None and _is_word(t, run):
            run.append(t)
            continue
        if any(sum(c.isalpha() for c in w.text) >= 2 for w in run):
            part = " ".join(w.text for w in run)
            out.append(_Item("title" if _TITLE_WORDS.search(part) else "text", run, part))
        run = []
        if t is None:
            break
        if t.kind is TokenKind.TEXT and t.text == "$":
            out.append(_Item("dollar" if not t.footnotes else "price", [t]))
        elif t.kind is TokenKind.FOOTNOTE and not out:
            out.append(_Item("mark", [t]))
        elif t.kind in (TokenKind.DATE, TokenKind.MONEY, TokenKind.NUMBER, TokenKind.LETTER):
            out.append(_Item(_VALUE_KINDS.get(t.kind, "letter"), [t]))
    return out


def _is_word(t: Token, run: list[Token]) -> bool:
    """A word of a title or nature run; a capital letter only right after a word (``Class A``)."""
    if t.kind is TokenKind.TEXT:
        return t.text != "$"
    return t.kind is TokenKind.LETTER and bool(run) and run[-1].kind is TokenKind.TEXT


def _deriv_caption(text: str, after_caption: bool) -> bool:
    """A Table II caption line (``(e.g., puts, ...)``, ``9. Number of``, ``Shares`` after a caption)."""
    words = text.lower().split()
    if not words or len(words) > 12 or words[0] == "(e.g.,":
        return bool(words)
    if not all(w in _DERIV_CAPTION_WORDS for w in words):
        return False
    strong = any(
        (w in _CAPTION_STRONG or w in _DERIV_CAPTION_WORDS - _CAPTION_WORDS - _DERIV_WEAK)
        or w.startswith("(")
        or (w[0].isdigit() and not w.isdigit())
        for w in words
    )
    return strong or after_caption


def _deriv_items(lines: list[Line], label: int, stop: int) -> tuple[list[_Item], int]:
    """Items of the Table II body (caption lines dropped) and the number of lone D/I lines."""
    from extractor.layout.cells import tokenize_line

    items: list[_Item] = []
    after_caption = False
    lone = 0
    for line in lines[label + 1 : min(stop, label + 600)]:
        lone += line.text.strip() in ("D", "I")
        if _STREAM_END.search(line.text) or _DERIV_END.search(line.text):
            break
        if not line.text.strip():
            continue
        after_caption = _deriv_caption(line.text, after_caption)
        if after_caption:
            continue
        items.extend(_deriv_line_items(tokenize_line(line), line.text))
    return _join_dollars(items), lone


def _is_deriv_anchor(items: list[_Item], i: int) -> bool:
    """A D/I letter after the amount owned (Form 4) or the conversion price (Form 3)."""
    it = items[i]
    return (
        it.kind == "letter"
        and it.tokens[0].text in ("D", "I")
        and i > 0
        and items[i - 1].kind in ("num", "price")
    )


def _deriv_segments(items: list[_Item]) -> tuple[list[list[_Item]], list[_Item]]:
    """Rows ending at their D/I letter plus nature text; trailing leftovers."""
    rows: list[list[_Item]] = []
    cur: list[_Item] = []
    i = 0
    while i < len(items):
        cur.append(items[i])
        if _is_deriv_anchor(items, i):
            direct = items[i].tokens[0].text == "D"
            while not direct and i + 1 < len(items) and _is_nature(items, i + 1, cur):
                i += 1
                cur.append(items[i])
            if _is_title_tail(items, i + 1):
                # the last word of the underlying title printed after the row's D/I letter
                i += 1
                cur.append(_Item("tail", items[i].tokens, items[i].text))
            rows.append(cur)
            cur = []
        i += 1
    return rows, cur


def _is_nature(items: list[_Item], i: int, cur: list[_Item]) -> bool:
    """Nature text, not the next row's title (``Class B`` / ``$ (5)`` / ``Common`` / ``Stock``);
    a number inside it (``By`` / ``2012`` / ``MRL Investments LLC``) only after its first line, as
    is the row's price printed on the nature's baseline (``Growth`` / ``$0`` / ``Fund VII, L.P.``)."""
    it = items[i]
    if it.kind in ("num", "price") and cur[-1].kind == "text" and i + 1 < len(items):
        return items[i + 1].kind == "text"
    return it.kind == "text" and it.text.split(" ", 1)[0].lower() not in ("class", "series")


def _is_title_tail(items: list[_Item], i: int) -> bool:
    return (
        i + 1 < len(items)
        and items[i].kind == "title"
        and " " not in items[i].text
        and items[i + 1].kind in ("title", "text")
    )


def _text_of(items: list[_Item]) -> str:
    return " ".join(_strip_marks(it.text) for it in items if it.text).strip()


def _read_deriv_segment(seg: list[_Item], form3: bool) -> dict[str, FieldValue]:
    from extractor.assemble.ownership_tables_fields import ACQUIRING_CODES
    from extractor.assemble.values import parse_number

    out: dict[str, FieldValue] = {}
    anchor = max(k for k, it in enumerate(seg) if _is_deriv_anchor(seg, k))
    letter = seg[anchor].tokens[0].text
    out["direct_or_indirect_ownership"] = _fv([seg[anchor]], letter)
    nature = [it for it in seg[anchor + 1 :] if it.kind in ("text", "num")]
    if nature and letter == "I":
        words = " ".join(_strip_marks(it.text or it.tokens[0].text) for it in nature)
        out["nature_of_ownership"] = _fv(nature, words)
    tails = [it for it in seg[anchor + 1 :] if it.kind == "tail"]
    body = seg[:anchor]
    if not form3 and body[-1].kind == "num":
        out["shares_owned_following_transaction"] = _fv([body[-1]], parse_number(body[-1].tokens[0].text))
        body = body[:-1]
    # the derivative's title: words before the first date / mark / code / amount
    first = next((k for k, it in enumerate(body) if it.kind in ("date", "mark", "num", "letter")), len(body))
    title = [it for it in body[:first] if it.kind in ("title", "text")]
    if title:
        out["security_title"] = _fv(title, _text_of(title))
    rest = body[first:]
    code = next((k for k, it in enumerate(rest) if it.kind == "letter" and it.tokens[0].text != "V"), None)
    prices = [it for it in body if it.kind == "price"]
    if form3 and prices:  # Form 3: the conversion price is the column before D/I
        out["conversion_or_exercise_price"] = _fv(prices[-1:], _price(prices[-1]))
    elif prices and (code is None or body.index(prices[0]) < first + code):
        out["conversion_or_exercise_price"] = _fv(prices[:1], _price(prices[0]))
    if form3 or code is None:
        _read_underlying(rest, tails, out, tx=False)
        return out
    # pdftotext prints a row's cells by baseline, not by column: dates before the code are the
    # transaction (and deemed) dates; dates after it, wherever they sit, the exercise/expiration
    dates = [it for it in rest[:code] if it.kind == "date"]
    # words before the code still wrap the derivative's title (``American`` / ``$17.35`` /
    # ``03/16/2021`` / ``Depositary`` / ``Shares`` / ``Purchase`` / ``Warrant`` / ``P``)
    title += [it for it in rest[:code] if it.kind in ("title", "text")]
    if title:
        out["security_title"] = _fv(title, _text_of(title))
    for key, it in zip(("transaction_date", "deemed_execution_date"), dates, strict=False):
        out[key] = _fv([it], _date(it))
    letter_code = rest[code].tokens[0].text
    out["transaction_code"] = _fv([rest[code]], letter_code)
    _read_underlying(rest[code + 1 :], tails, out, tx=True)
    late = [it for it in seg[anchor + 1 :] if it.kind == "price"]
    if late and "transaction_price_per_share" not in out:
        out["transaction_price_per_share"] = _fv(late[:1], _price(late[0]))
    if "transaction_shares" in out:
        # no A/D letter is printed (the amount's column says it): the code implies it
        ad = "A" if letter_code in ACQUIRING_CODES else "D"
        out["transaction_acquired_disposed_code"] = FieldValue(ad, out["transaction_shares"].tokens, 0.5)
    return out


def _stray_titles(cells: list[_Item]) -> list[_Item]:
    """Whole titles before a row's last date/mark slot: titles of later rows printed early
    (``Series A Preferred Stock`` / ``(1)`` / ``Series B Preferred Stock`` / ``(1)`` / ``Common``);
    the underlying title follows both slots."""
    last = max((k for k, it in enumerate(cells) if it.kind in _SLOT_KINDS), default=-1)
    return [it for it in cells[:last] if it.kind == "title" and " " in it.text]


def _give_stray_titles(rows: list[dict[str, FieldValue]]) -> None:
    """Rows lacking a title take the stray titles, in order."""
    pool = [fv for row in rows for key, fv in row.items() if key.startswith("_stray")]
    for row in rows:
        for key in [k for k in row if k.startswith("_stray")]:
            del row[key]
        if "security_title" not in row and pool:
            row["security_title"] = pool.pop(0)


def _read_underlying(cells: list[_Item], tails: list[_Item], out: dict[str, FieldValue], *, tx: bool) -> None:
    """Exercise/expiration dates, underlying title and amount (and a transaction's amount and price)."""
    from extractor.assemble.values import parse_number

    extra = _stray_titles(cells)
    cells = [it for it in cells if not any(it is x for x in extra)]
    # parked under "_stray<n>" keys until every row is read (``_give_stray_titles`` removes them)
    out.update({f"_stray{k}": _fv([it], _strip_marks(it.text)) for k, it in enumerate(extra)})
    slots = [it for it in cells if it.kind in _SLOT_KINDS]
    for key, it in zip(("exercise_date", "expiration_date"), slots, strict=False):
        if it.kind == "date":
            out[key] = _fv([it], _date(it))
    under = [it for it in cells if it.kind in ("title", "text")] + tails
    if under:
        out["underlying_security_title"] = _fv(under, _text_of(under))
    nums = [it for it in cells if it.kind == "num"]
    if tx and nums:
        # the amount acquired/disposed comes first in column order; the underlying amount after it
        out["transaction_shares"] = _fv(nums[:1], parse_number(nums[0].tokens[0].text))
    if nums[1 if tx else 0 :]:
        out["underlying_security_shares"] = _fv(nums[-1:], parse_number(nums[-1].tokens[0].text))
    late_prices = [it for it in cells if it.kind == "price"]
    if tx and late_prices:
        out["transaction_price_per_share"] = _fv(late_prices[-1:], _price(late_prices[-1]))


def read_derivative_stream(
    lines: list[Line], label: int, stop: int, form3: bool
) -> list[tuple[RowCells, bool]] | None:
    """Table II rows of a one-cell-per-line (plain pdftotext) dump; None when not such a dump."""
    items, lone = _deriv_items(lines, label, stop)
    segments, _ = _deriv_segments(items)
    # the converter's sign: each D/I letter a line of its own (every cell its own text block);
    # column dumps and OCR print it at the end of its row's line
    if not segments or 2 * lone < len(segments):
        return None
    rows = [_read_deriv_segment(seg, form3) for seg in segments]
    _give_stray_titles(rows)
    return [(r, "transaction_code" in r) for r in rows]
