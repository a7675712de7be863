"""Table I rows read from the NER's entities, for the rows the rule readers lost.

The rule readers of Tables I/II follow columns (cells under headers, tab or pipe cells, wrapped-cell
classes). Where the text has no columns left, as in plain pdftotext's content-stream order (one cell per
line, a row's cells in sequence, a page's rows one after the other), they can drop or merge rows. The
NER tags the cells themselves, from their context, so its entities in reading order still spell the rows:
``SECURITY_TITLE TX_DATE TX_CODE TX_SHARES TX_AD_CODE TX_PRICE SHARES_AFTER OWNERSHIP_FORM`` ...

``entity_rows`` cuts the Table I entities into rows at each security title and reads each row by column
order; ``plan_repairs`` compares the complete ones with the rules' rows and says what to append or set
(the assembler applies it: ``extractor.pipeline.assembler``). A row the rules read the same way needs
nothing, so on text the rules read whole nothing changes.

Traps:
- One-letter cells (code, A/D, D/I) are one shape to the NER, which often calls a transaction code or
  a D/I mark ``TX_AD_CODE``; a row's letters are assigned by column position (before the shares: code;
  after the shares: A/D; after A/D or the amount owned: D/I), not by label. Amounts likewise: before
  A/D the shares, after it the price only when the NER says price, else the amount owned.
- A row with two entities for one column (two shares amounts, two dates after the deemed date) is
  ambiguous, usually two rows' cells interleaved: it is dropped, not guessed.
- Plain pdftotext can print columns 5-7 of every row after columns 1-4 of every row; those trailing
  cells have no title before them and form no row (the added row then lacks columns 5-7, which costs
  recall, not precision).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from extractor.assemble.values import parse_date
from extractor.layout.lines import split_lines
from extractor.layout.sections import TABLE_I, TABLE_II, find_sections
from extractor.pipeline.fills import CELL_FILLS, Normaliser, text_value
from extractor.records import NonDerivativeHolding, NonDerivativeTransaction

_LETTERS = frozenset({"TX_CODE", "TX_AD_CODE", "OWNERSHIP_FORM"})
_WORD = re.compile(r"[A-Za-z]{4}")
_AMOUNTS = frozenset({"TX_SHARES", "TX_PRICE", "SHARES_AFTER"})
# A leaf's value from its entity's text, normalised as the NER's cell fills are.
_NORMALISE: dict[str, Normaliser] = {
    **{leaf: normalise for leaf, (_label, normalise) in CELL_FILLS.items()},
    "deemed_execution_date": parse_date,
    "nature_of_ownership": text_value,
}


@dataclass
class EntityRow:
    """One Table I row as the NER's entities spell it; ``spans`` maps a leaf to its entity's chars."""

    title: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    ambiguous: bool = False

    def put(self, leaf: str, ent: Span) -> None:
        value = _NORMALISE[leaf](ent.text)
        if value is None:
            return
        if leaf in self.values:
            self.ambiguous = True
            return
        self.values[leaf] = value
        self.spans[leaf] = (ent.start_char, ent.end_char)

    @property
    def is_transaction(self) -> bool:
        """Date, code, shares and A/D: what every transaction row prints."""
        v = self.values
        return not self.ambiguous and all(
            k in v
            for k in (
                "transaction_date",
                "transaction_code",
                "transaction_shares",
                "transaction_acquired_disposed_code",
            )
        )

    @property
    def is_holding(self) -> bool:
        """No transaction column, an amount owned and a D/I mark."""
        v = self.values
        return (
            not self.ambiguous
            and "transaction_date" not in v
            and "transaction_shares" not in v
            and "shares_owned_following_transaction" in v
            and "direct_or_indirect_ownership" in v
        )

    def record(self) -> NonDerivativeTransaction | NonDerivativeHolding:
        if self.is_transaction:
            return NonDerivativeTransaction(security_title=self.title, **self.values)
        keep = ("shares_owned_following_transaction", "direct_or_indirect_ownership", "nature_of_ownership")
        return NonDerivativeHolding(
            security_title=self.title, **{k: self.values[k] for k in keep if k in self.values}
        )


def table_i_region(text: str) -> tuple[int, int] | None:
    """Chars from the Table I label to the Table II label (or the end of the text); None without one.
    The region runs to the Table II label past any other label in between, where ``find_sections``'
    Table I section would stop."""
    lines = split_lines(text)
    sections = {s.name: s for s in find_sections(lines)}
    table_i, table_ii = sections.get(TABLE_I), sections.get(TABLE_II)
    if table_i is None:
        return None
    start = lines[table_i.label_line].start
    if table_ii is not None and table_ii.label_line > table_i.label_line:
        return start, lines[table_ii.label_line].start
    return start, len(text)


def _read_row(row: EntityRow, ent: Span) -> None:
    """Put one entity into its row by column position, its label telling only the kind of cell."""
    v = row.values
    label = ent.label_
    if label == "TX_DATE":
        leaf = "deemed_execution_date" if "transaction_date" in v else "transaction_date"
        if "transaction_code" in v or "transaction_shares" in v:
            row.ambiguous = True  # a date after the code: the next row's cells
        row.put(leaf, ent)
    elif label in _LETTERS:
        if "transaction_acquired_disposed_code" in v or "shares_owned_following_transaction" in v:
            row.put("direct_or_indirect_ownership", ent)
        elif "transaction_shares" in v:
            row.put("transaction_acquired_disposed_code", ent)
        elif "transaction_date" in v:
            row.put("transaction_code", ent)
    elif label in _AMOUNTS:
        # Before the A/D mark an amount is column 4's shares; after it, a price if the NER says so, else
        # column 5's amount owned (plain pdftotext prints a "$" cell's amount owned before its price).
        if label == "TX_PRICE" and "transaction_shares" in v:
            leaf = "transaction_price_per_share"
        elif "transaction_acquired_disposed_code" in v or label == "SHARES_AFTER":
            leaf = "shares_owned_following_transaction"
        else:
            leaf = "transaction_shares"
        row.put(leaf, ent)
    elif label == "OWNERSHIP_NATURE" and "nature_of_ownership" not in v:
        # Free text that wraps, its pieces printed around the next row's title: the first piece only.
        row.put("nature_of_ownership", ent)


def _words_between(text: str, start: int, end: int) -> bool:
    """Whether form words (a column header, a caption) stand between two cells of a row; footnote
    marks, ``$`` and blank lines do not count. Only the first 400 chars are looked at."""
    return _WORD.search(text, start, min(end, start + 400)) is not None


def entity_rows(text: str, ents: Iterable[Span], region: tuple[int, int]) -> list[EntityRow]:
    """Table I rows from the entities inside ``region``, in reading order, cut at security titles.
    A row ends where form words follow its last cell: what comes after them until the next title
    (plain pdftotext's columns 5-7 of every row, printed after the rows) belongs to no row."""
    rows: list[EntityRow] = []
    open_row: EntityRow | None = None
    last_end = region[0]
    for ent in sorted(ents, key=lambda e: e.start_char):
        if not region[0] <= ent.start_char < region[1]:
            continue
        if ent.label_ == "SECURITY_TITLE":
            open_row = EntityRow(title=text_value(ent.text))
            open_row.spans["security_title"] = (ent.start_char, ent.end_char)
            rows.append(open_row)
        elif open_row is not None:
            if _words_between(text, last_end, ent.start_char):
                open_row = None
                continue
            _read_row(open_row, ent)
        last_end = ent.end_char
    return rows


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-6
    return bool(a == b)


def _same_row(row: EntityRow, rule: Any) -> bool:
    """The same transaction: date and shares (one of them alone is not enough, two rows of a day
    share dates)."""
    v = row.values
    return _same(getattr(rule, "transaction_date", None), v["transaction_date"]) and _same(
        getattr(rule, "transaction_shares", None), v["transaction_shares"]
    )


def _accounted_holding(row: EntityRow, rule: Any) -> bool:
    """A holding is known by its amount owned (it prints no date or shares)."""
    return _same(
        getattr(rule, "shares_owned_following_transaction", None),
        row.values["shares_owned_following_transaction"],
    )


@dataclass(frozen=True)
class RowRepair:
    """What to do with one entity row: append it (``index`` None), or set the cells ``leaves`` of rule
    row ``index`` of ``table`` to the entity row's values."""

    table: str
    row: EntityRow
    index: int | None = None
    leaves: tuple[str, ...] = ()


PAIR = ("transaction_price_per_share", "shares_owned_following_transaction")


def _pair_differs(row: EntityRow, rule: Any) -> bool:
    """Whether the entity row reads both price and amount owned, and the rule row not the same two."""
    if any(leaf not in row.values for leaf in PAIR):
        return False
    return not all(_same(getattr(rule, leaf), row.values[leaf]) for leaf in PAIR)


def _values(rule_row: Any) -> list[Any]:
    return [v for v in vars(rule_row).values() if v is not None]


def plan_repairs(
    rows: Sequence[EntityRow], transactions: Sequence[Any], holdings: Sequence[Any]
) -> list[RowRepair]:
    """What to do with each complete entity row.

    - A rule row of the same date and shares accounts for it. Where the two read the row's price and
      amount owned differently and the entity row holds both, the entity row's pair replaces the
      rules' (``PAIR``): the two cells sit side by side after the A/D mark, and where plain pdftotext
      and OCR scramble a "$" cell the rules' column reader swaps them or takes a neighbour row's
      (on the synthetic pages of benchmarks/converters.py seeds 21 and 22, 13 of 14 such
      disagreements were the rules' error, none the NER's).
    - A rule row of its date and code that no entity row accounts for is the same row read
      differently: the rule row is kept, its empty cells filled from the entity row where the value is
      not one the rule row already holds in another cell (that would be the very value the two
      readings put in different columns).
    - Otherwise the entity row is a row the rules lost and is appended. Holdings are appended only
      when every rule holding is accounted for."""
    tx_rows = [r for r in rows if r.is_transaction]
    hold_rows = [r for r in rows if r.is_holding]
    out: list[RowRepair] = []
    unread = [i for i, rule in enumerate(transactions) if not any(_same_row(r, rule) for r in tx_rows)]
    for row in tx_rows:
        same = [i for i, rule in enumerate(transactions) if _same_row(row, rule)]
        if same:
            # Rows of one day and one amount (three grants of 993 shares) pair up in no known order:
            # only a row whose date and shares are its own may have its pair replaced.
            unique = len(same) == 1 and sum(_same_row(r, transactions[same[0]]) for r in tx_rows) == 1
            if unique and _pair_differs(row, transactions[same[0]]):
                out.append(RowRepair("non_derivative_transactions", row, same[0], PAIR))
            continue
        twin = next(
            (
                i
                for i in unread
                if _same(transactions[i].transaction_date, row.values["transaction_date"])
                and transactions[i].transaction_code == row.values["transaction_code"]
            ),
            None,
        )
        if twin is None:
            out.append(RowRepair("non_derivative_transactions", row))
            continue
        unread.remove(twin)
        held = _values(transactions[twin])
        leaves = tuple(
            leaf
            for leaf, value in row.values.items()
            if getattr(transactions[twin], leaf, None) is None and not any(_same(value, h) for h in held)
        )
        if leaves:
            out.append(RowRepair("non_derivative_transactions", row, twin, leaves))
    if all(any(_accounted_holding(r, rule) for r in hold_rows) for rule in holdings):
        out.extend(
            RowRepair("non_derivative_holdings", r)
            for r in hold_rows
            if not any(_accounted_holding(r, rule) for rule in holdings)
        )
    return out
