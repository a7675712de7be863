"""The HTML rewriter: an HTML document -> layout text (cells TAB-separated, rows and blocks on lines).

Only real HTML documents come here (:func:`looks_like_html`); stray tags in a text file are handled by
the plain-text pass. The pass is one linear scan like ``normalise.py``'s:

* ``<tr>`` and block elements (``p``, ``div``, ``table``, ``li``, ``h1``...) start a new line, ``<br>``
  always ends one; ``<td>``/``<th>`` are separated by TAB, ``colspan="n"`` giving ``n`` TABs so the
  columns of a row stay aligned with its header;
* a cell with ``rowspan="n"`` leaves an empty placeholder (one TAB per column it covers) in the next
  ``n - 1`` rows, so EDGAR's two-row headers (``<th rowspan=2>Name</th><th colspan=4>Relationships``
  over ``Director / 10% Owner / ...``) keep every label above its column (see :class:`_Table`);
* ``script``, ``style`` and ``title`` are dropped with their content, as are comments and declarations;
* whitespace runs (NBSP included) collapse to one space, none at the start or end of a line or cell;
  inside ``<pre>`` whitespace is kept (line breaks normalised);
* entities, checkboxes, superscripts and zero-width characters as in the plain-text pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from extractor.ingest.normalise import (
    BLOCK_TAGS,
    CHAR_TABLE,
    DROP_CHARS,
    ENTITY,
    INPUT_TAG,
    SPACE_CHARS,
    SUP_NUMBER,
    SUPERSCRIPT_DIGITS,
    CloserFinder,
    checkbox,
    decode_entity,
    superscript_digits,
)
from extractor.ingest.offsets import OffsetBuilder, OffsetMap

SNIFF_CHARS = 64 * 1024
# A document (not a text file with stray tags) if it declares itself, or has real structure.
_DOCUMENT_SIGNS = re.compile(r"<(?i:!doctype\s{1,10}html|html|body|head)\b")
_STRUCTURE_TAG = re.compile(r"<(?i:table|tr|td|th|div|p)\b[^<>]{0,1000}>")
MIN_STRUCTURE_TAGS = 5

_WS = " \t\n\r\f\v\x85\u2028\u2029" + SPACE_CHARS
# Whitespace that starts a rule: not the plain space, which mostly separates words and is copied with
# them (a rule per word would cost a piece per word); a run of spaces after one of these is one rule.
_WS_TRIGGER = _WS.replace(" ", "")
_SPACE_RUN = re.compile(" {2,}")
# Block elements start a line (tr/td/th/pre/br have their own handling, col/colgroup hold no text).
_BLOCKS = frozenset(BLOCK_TAGS.split("|")) - {"col", "colgroup"}
_RAW_TEXT = frozenset({"script", "style", "title", "textarea"})
_RAW_END = {name: re.compile(f"</(?i:{name})\\s{{0,10}}>") for name in _RAW_TEXT}
_COLSPAN = re.compile(r"""\bcolspan\s{0,3}=\s{0,3}["']?([0-9]{1,3})""", re.IGNORECASE)
MAX_COLSPAN = 50
_ROWSPAN = re.compile(r"""\browspan\s{0,3}=\s{0,3}["']?([0-9]{1,3})""", re.IGNORECASE)
# Hostile-input caps: a rowspan lasts at most MAX_ROWSPAN rows, only cells starting before MAX_COLUMN
# carry down, tables nest at most MAX_TABLE_DEPTH deep, and a document gets at most
# MAX_PLACEHOLDER_TABS placeholder TABs in all (then rowspans are ignored, as before), so a page of
# "<tr><td>x" rows under huge rowspans cannot multiply its size.
MAX_ROWSPAN = 100
MAX_COLUMN = 1000
MAX_TABLE_DEPTH = 32
MAX_PLACEHOLDER_TABS = 200_000

_TRIGGER = re.compile(f"[<&{_WS_TRIGGER}{DROP_CHARS}{SUPERSCRIPT_DIGITS}⁽⁾]")
_RULES = re.compile(
    "|".join(
        (
            f"(?P<ws>[{_WS}]+)",
            f"(?P<drop>[{DROP_CHARS}]{{1,256}})",
            f"(?P<supd>[{SUPERSCRIPT_DIGITS}]{{1,6}})",
            r"(?P<supp>[⁽⁾])",
            f"(?P<ent>{ENTITY})",
            f"(?P<input>{INPUT_TAG})",
            f"(?P<supnum>{SUP_NUMBER})",
            r"(?P<comment><!--)",
            r"(?P<decl><[!?][^<>]{0,2000}>)",
            r"(?P<tag><(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:_-]{0,30})(?P<attrs>(?:\s[^<>]{0,2000})?)/?>)",
        )
    )
)


def looks_like_html(text: str) -> bool:
    """True for an HTML document: ``<html>``/``<body>``/doctype, or several table/div/p tags."""
    head = text[:SNIFF_CHARS]
    if "<" not in head:
        return False
    if _DOCUMENT_SIGNS.search(head):
        return True
    found = islice(_STRUCTURE_TAG.finditer(head), MIN_STRUCTURE_TAGS)
    return sum(1 for _ in found) >= MIN_STRUCTURE_TAGS


def _span(pattern: re.Pattern[str], attrs: str, cap: int) -> int:
    """A ``colspan``/``rowspan`` value in ``attrs``, 1 when absent or 0 (HTML's "to the end"), capped."""
    m = pattern.search(attrs)
    return min(max(int(m.group(1)), 1), cap) if m else 1


@dataclass
class _Table:
    """Column state of one ``<table>`` (tables nest, so the writer keeps a stack of these).

    ``col``/``span`` are the column and colspan of the last cell of the current row (``cells`` counts
    the row's cells). ``carried`` maps the start column of a cell still spanning down to
    ``[rows left including the current row, width]``; a new cell skips the columns those cover.
    """

    cells: int = 0
    col: int = 0
    span: int = 1
    in_row: bool = False
    carried: dict[int, list[int]] = field(default_factory=dict)

    def end_row(self) -> None:
        """Close the current row: every carried cell now covers one row less."""
        if not self.in_row:
            return
        for start in list(self.carried):
            left = self.carried[start]
            left[0] -= 1
            if left[0] <= 0:
                del self.carried[start]
        self.in_row = False
        self.cells, self.col, self.span = 0, 0, 1

    def place(self) -> tuple[int, int]:
        """Column of the next cell and the column it would take ignoring rowspans."""
        natural = self.col + self.span if self.cells else 0
        col = natural
        # One sorted pass suffices: after jumping past a carried cell only later starts can cover col.
        for start in sorted(self.carried):
            width = self.carried[start][1]
            if start <= col < start + width:
                col = start + width
        return col, natural


class _HtmlWriter:
    """Layout state of the scan: pending whitespace, cells of the current row, ``<pre>`` depth."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out = OffsetBuilder(source)
        self.pending: tuple[int, int] | None = None  # a whitespace run not yet written
        self.tables = [_Table()]  # [0]: rows and cells outside any <table>
        self.deep = 0  # <table> tags opened past MAX_TABLE_DEPTH (share the innermost state)
        self.placeholder_budget = MAX_PLACEHOLDER_TABS
        self.pre = 0
        self.closers = CloserFinder(source)

    def text(self, start: int, end: int) -> None:
        """Copy literal text, writing the pending whitespace first when it separates words."""
        if start >= end:
            return
        self.flush()
        if not self.pre and self.out.last_char in ("", "\n", "\t"):
            # No spaces at the start of a line or cell (single spaces do not trigger a rule).
            while start < end and self.source[start] == " ":
                start += 1
        if self.pre or "  " not in self.source[start:end]:
            self.out.copy(start, end)
            return
        # Space runs inside text collapse to one space, as a browser shows them.
        for m in _SPACE_RUN.finditer(self.source, start, end):
            self.out.copy(start, m.start() + 1)
            start = m.end()
        self.out.copy(start, end)

    def emit(self, text: str, start: int, end: int) -> None:
        self.flush()
        self.out.replace(text, start, end)

    def flush(self) -> None:
        if self.pending is not None:
            if self.out.last_char not in ("", "\n", "\t", " "):
                self.out.replace(" ", *self.pending)
            self.pending = None

    def newline(self, start: int, end: int, *, always: bool = False) -> None:
        self.pending = None
        if not self.pre:
            self.out.trim_end()
        if always or self.out.last_char not in ("", "\n"):
            self.out.replace("\n", start, end)

    def cell(self, start: int, end: int, attrs: str) -> None:
        table = self.tables[-1]
        table.in_row = True  # a cell without <tr> (sloppy HTML) still makes a row
        self.pending = None
        self.out.trim_end()
        col, natural = table.place()
        if col - natural > self.placeholder_budget:
            col = natural
        self.placeholder_budget -= col - natural
        tabs = col - table.col if table.cells else col
        if tabs:
            self.out.replace("\t" * tabs, start, end)
        table.col, table.cells = col, table.cells + 1
        table.span = _span(_COLSPAN, attrs, MAX_COLSPAN)
        rows = _span(_ROWSPAN, attrs, MAX_ROWSPAN)
        if rows > 1 and col < MAX_COLUMN:
            table.carried[col] = [rows, table.span]

    def table(self, closing: bool) -> None:
        """Open or close a table's column state (an unmatched ``</table>`` is ignored)."""
        if not closing:
            if len(self.tables) > MAX_TABLE_DEPTH:
                self.deep += 1
            else:
                self.tables.append(_Table())
        elif self.deep:
            self.deep -= 1
        elif len(self.tables) > 1:
            self.tables.pop()

    def whitespace(self, start: int, end: int) -> None:
        if not self.pre:
            if self.pending is None:
                self.pending = (start, end)
            return
        run = self.source[start:end]
        plain = run.replace("\r\n", "\n").replace("\r", "\n").translate(CHAR_TABLE)
        self.flush()
        if len(plain) == len(run):
            self.out.substitute(plain, start)
        else:
            self.out.replace(plain, start, end)

    def tag(self, start: int, end: int, name: str, closing: bool, attrs: str) -> int:
        """Write a tag's layout effect; return where scanning resumes (after raw text if any)."""
        if name in _RAW_TEXT and not closing:
            close = self.closers.end(_RAW_END[name], end)
            return end if close < 0 else close  # an unclosed <script> is dropped alone
        if name == "br":
            self.newline(start, end, always=True)
        elif name == "tr":
            self.newline(start, end)
            self.tables[-1].end_row()
            self.tables[-1].in_row = not closing
        elif name == "table":
            self.newline(start, end)
            self.table(closing)
        elif name in ("td", "th"):
            if not closing:
                self.cell(start, end, attrs)
        elif name == "pre":
            self.newline(start, end)
            self.pre = max(self.pre + (-1 if closing else 1), 0)
        elif name in _BLOCKS:
            self.newline(start, end)
        elif name == "input":
            self.emit(checkbox(self.source[start:end]), start, end)
        return end


def normalise_html(source: str) -> tuple[str, OffsetMap]:
    """Rewrite an HTML document into layout text; return the text and its offsets."""
    w = _HtmlWriter(source)
    pos = 0
    scan = 0
    trigger = _TRIGGER.search
    rule = _RULES.match
    while True:
        t = trigger(source, scan)
        if t is None:
            break
        start = t.start()
        m = rule(source, start)
        if m is None:
            scan = start + 1
            continue
        w.text(pos, start)
        kind = m.lastgroup
        end = m.end()
        if kind == "ws":
            w.whitespace(start, end)
        elif kind == "supd":
            w.emit(superscript_digits(source, m.group(), start), start, end)
        elif kind == "supp":
            w.emit(m.group().translate(CHAR_TABLE), start, end)
        elif kind == "ent":
            decoded = decode_entity(m.group())
            if decoded and not decoded.strip() and not w.pre:
                w.whitespace(start, end)  # &nbsp; is layout whitespace here, like a space
            else:
                w.emit(decoded, start, end)
        elif kind == "input":
            w.emit(checkbox(m.group()), start, end)
        elif kind == "supnum":
            w.emit("(", start, m.start("supval"))
            w.text(m.start("supval"), m.end("supval"))
            w.emit(")", m.end("supval"), end)
        elif kind == "comment":
            close = w.closers.end("-->", end)
            end = end if close < 0 else close  # an unclosed "<!--" is dropped alone
        elif kind == "tag":
            end = w.tag(start, end, m.group("name").lower(), bool(m.group("close")), m.group("attrs"))
        # "drop" and "decl": nothing written.
        pos = scan = end
    w.text(pos, len(source))
    return w.out.build()
