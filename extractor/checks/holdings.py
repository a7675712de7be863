"""Forms 3/4/5 holdings arithmetic: repair OCR-damaged figures that the filing's own chain forces.

Within one security and one ownership line (same title, D/I and nature; for derivatives also the same
exercise price and dates), in row order, ``owned following = previous owned +/- transaction shares``
(``+`` for A, ``-`` for D). A link of that chain that does not add up names three suspects: the previous
figure, this row's figure and this row's share amount. Each suspect has one value forced by the link;
a suspect is repaired only when

- its forced value also keeps its other link consistent (both neighbours of the chain agree),
- the forced value is a plausible OCR slip of what the filing printed there (``checks.slips``), and
- it is the *only* suspect that passes, and flipping the A/D code would not explain the link either.

Everything else is left as printed: a warning names the link and the figures lose confidence.

Two slips need no chain, only the row itself (``_row_slips``, run first):

- a table rule read as ``1`` glued to an acquisition's owned figure (``37,310 A $0 137,310`` where other rows
  print ``$0 |744,271``): the figure is ``1`` + the row's own amount, i.e. the holder had nothing before;
- a thousands comma read as a point in one share figure of a row whose other share figure prints the same
  digits (``8,511 ... 8.511 | $0 8,511``).

Trap: real filings often do not add up (several ownership lines summed into one figure, rows out of
order, a grant of another series under the same title). Without the OCR-slip and uniqueness tests, the
arithmetic alone "repairs" dozens of correct figures on the dev set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from extractor.checks.context import CheckContext
from extractor.checks.slips import (
    MIN_GARBLED,
    digit_slip,
    digits_of,
    garbled_reading,
    number_tokens,
    prints_glued_rules,
    rule_read_as_one,
)
from extractor.evaluate.compare import normalize_text
from extractor.records import OwnershipFiling

OWNED = "shares_owned_following_transaction"
SHARES = "transaction_shares"
CODE = "transaction_acquired_disposed_code"
UNDERLYING = "underlying_security_shares"
CHAIN_TABLES = ("non_derivative_transactions", "derivative_transactions")
# Keys that must agree for two rows to be one chain (derivatives: one series of one security).
_KEY_FIELDS = {
    "non_derivative_transactions": ("security_title", "direct_or_indirect_ownership", "nature_of_ownership"),
    "derivative_transactions": (
        "security_title",
        "conversion_or_exercise_price",
        "exercise_date",
        "expiration_date",
        "direct_or_indirect_ownership",
        "nature_of_ownership",
    ),
}
_TOLERANCE = 0.01  # shares can be fractional; printed figures carry at most 4 decimals
_MAX_PASSES = 20


@dataclass(frozen=True)
class Suspect:
    """One field that could be the damaged one in a failing link, with the value the link forces."""

    row: int
    key: str
    value: float
    why: str


def _key(table: str, row: object) -> tuple[object, ...]:
    out: list[object] = []
    for name in _KEY_FIELDS[table]:
        v = getattr(row, name)
        out.append(normalize_text(v) if isinstance(v, str) else v)
    return tuple(out)


def _sign(row: object) -> int | None:
    return {"A": 1, "D": -1}.get(getattr(row, CODE) or "")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE


def _link_ok(prev: object, row: object) -> bool | None:
    """``None`` when the link cannot be checked (a figure or the A/D code missing)."""
    before, amount, owned, sign = getattr(prev, OWNED), getattr(row, SHARES), getattr(row, OWNED), _sign(row)
    if before is None or amount is None or owned is None or sign is None:
        return None
    return _close(before + sign * amount, owned)


def chains(filing: OwnershipFiling) -> list[tuple[str, list[int]]]:
    """(table, row indices in order) for every security/ownership line with at least two rows."""
    out: list[tuple[str, list[int]]] = []
    for table in CHAIN_TABLES:
        groups: dict[tuple[object, ...], list[int]] = {}
        for i, row in enumerate(getattr(filing, table)):
            if getattr(row, "security_title", None):
                groups.setdefault(_key(table, row), []).append(i)
        out.extend((table, idx) for idx in groups.values() if len(idx) > 1)
    return out


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _row_region(ctx: CheckContext, table: str, row: int) -> tuple[int, int] | None:
    prefix = f"{table}[{row}]."
    spans = [s for p, s in ctx.spans.items() if p.startswith(prefix)]
    if ctx.text is None or not spans:
        return None
    start = ctx.text.rfind("\n", 0, min(s for s, _ in spans)) + 1
    end = ctx.text.find("\n", max(e for _, e in spans))
    return start, len(ctx.text) if end < 0 else end


def _free_numbers(ctx: CheckContext, table: str, row: int, key: str) -> list[float]:
    """Numbers printed on the row's lines outside every field of the row other than ``key``."""
    region = _row_region(ctx, table, row)
    if region is None or ctx.text is None:
        return []
    prefix = f"{table}[{row}]."
    others = [s for p, s in ctx.spans.items() if p.startswith(prefix) and p != prefix + key]
    out: list[float] = []
    for start, end, number in number_tokens(ctx.text[region[0] : region[1]]):
        s, e = start + region[0], end + region[0]
        if not any(s < oe and os_ < e for os_, oe in others):
            out.append(number)
    return out


def _misplaced(ctx: CheckContext, table: str, row: int, key: str, value: float) -> bool:
    """The forced value is printed on the row's lines outside every *other* field of the row."""
    return any(_close(n, value) for n in _free_numbers(ctx, table, row, key))


def _pair_repair(ctx: CheckContext, table: str, rows: Sequence[object], chain: list[int], k: int) -> bool:
    """Both figures of a failing link misread (``3)`` taken for 79,725 *and* for 53,602): repair both
    when exactly one pair of numbers printed free on the two rows satisfies the link and the pair keeps
    the outer links consistent. Two independent printed figures that differ by exactly the transaction
    amount are the evidence; nothing is inferred that the rows do not print."""
    a, b = chain[k - 1], chain[k]
    prev, row = rows[a], rows[b]
    sign = _sign(row) or 0
    amount = getattr(row, SHARES)
    right = set(_free_numbers(ctx, table, b, OWNED))
    pairs = set()
    for x in set(_free_numbers(ctx, table, a, OWNED)):
        y = x + sign * amount
        if y < 0 or not any(_close(y, r) for r in right):
            continue
        if k >= 2 and not _ok_with(rows[chain[k - 2]], prev, OWNED, x):
            continue
        if k + 1 < len(chain) and not _ok_with(row, rows[chain[k + 1]], OWNED, y, prev_side=True):
            continue
        pairs.add((x, y))
    if len(pairs) != 1:
        return False
    x, y = pairs.pop()
    for idx, value in ((a, x), (b, y)):
        before = getattr(rows[idx], OWNED)
        after: float = int(value) if float(value).is_integer() else round(value, 4)
        setattr(rows[idx], OWNED, after)
        ctx.repaired(
            f"{table}[{idx}].{OWNED}",
            before,
            after,
            "OCR-damaged figure: both figures of the link were misread; the only pair printed on the two "
            f"rows that differs by the transaction amount is {_fmt(x)} -> {_fmt(y)}",
        )
    return True


def _plausible(ctx: CheckContext, table: str, s: Suspect, current: float) -> str | None:
    path = f"{table}[{s.row}].{s.key}"
    printed = ctx.printed(path) or _fmt(current)
    slip = digit_slip(printed, s.value)
    if slip is not None:
        return f"{slip} in the printed {printed.strip()!r}"
    if _misplaced(ctx, table, s.row, s.key, s.value):
        return "the figure is printed on the row but was read into another column"
    return None


def _suspects(rows: Sequence[object], chain: list[int], k: int) -> tuple[list[Suspect], bool]:
    """Suspects of the failing link chain[k-1] -> chain[k] whose forced value keeps their other link
    consistent, and whether flipping the A/D code would explain the link instead."""
    prev, row = rows[chain[k - 1]], rows[chain[k]]
    sign = _sign(row) or 0
    before, amount, owned = getattr(prev, OWNED), getattr(row, SHARES), getattr(row, OWNED)
    out: list[Suspect] = []
    forced_before = owned - sign * amount
    if k < 2 or _ok_with(rows[chain[k - 2]], prev, OWNED, forced_before):
        out.append(Suspect(chain[k - 1], OWNED, forced_before, "the next row's figure minus its change"))
    forced_owned = before + sign * amount
    if k + 1 >= len(chain) or _ok_with(row, rows[chain[k + 1]], OWNED, forced_owned, prev_side=True):
        out.append(Suspect(chain[k], OWNED, forced_owned, "the previous figure plus this row's change"))
    forced_amount = sign * (owned - before)
    if forced_amount > 0:
        out.append(Suspect(chain[k], SHARES, forced_amount, "the change between the two figures"))
    flip = _close(before - sign * amount, owned)
    return [s for s in out if s.value >= 0], flip


def _ok_with(prev: object, row: object, key: str, value: float, prev_side: bool = False) -> bool:
    """Would link prev -> row add up with ``key`` of ``row`` (or of ``prev`` when ``prev_side``) set?"""
    target = prev if prev_side else row
    old = getattr(target, key)
    setattr(target, key, value)
    try:
        return _link_ok(prev, row) is not False
    finally:
        setattr(target, key, old)


def _neighbours(filing: OwnershipFiling, table: str) -> dict[int, tuple[int | None, int | None]]:
    """Row -> (previous row, next row) of its chain, for rows in a chain of two or more."""
    out: dict[int, tuple[int | None, int | None]] = {}
    for t, chain in chains(filing):
        if t != table:
            continue
        for k, i in enumerate(chain):
            out[i] = (chain[k - 1] if k else None, chain[k + 1] if k + 1 < len(chain) else None)
    return out


def _rule_one_repair(
    ctx: CheckContext,
    table: str,
    rows: Sequence[object],
    i: int,
    nxt: int | None,
    ocr_page: Callable[[], bool],
) -> None:
    """``37,310 A $0 137,310``: an acquisition's owned figure printed as ``1`` + its own amount.

    Genuine only if the holder owned exactly 10, 100, 1,000 ... shares before; a misread rule line in
    front of the figure (``|`` elsewhere in the same column) is the likelier story. Taken only when the
    printed figure really starts with that ``1``, the row has no previous row in its chain (a previous
    figure would decide by arithmetic, see ``_repair_one``), the next link, when it can be checked,
    does not confirm the printed figure, and the page went through OCR (it glues rules to figures
    elsewhere): in clean text (w3m, pdftotext) a figure is printed as filed, so ``5,000`` bought and
    ``15,000`` owned is a holder who owned 10,000 before.
    """
    row = rows[i]
    amount, owned = getattr(row, SHARES), getattr(row, OWNED)
    path = f"{table}[{i}].{OWNED}"
    printed = ctx.printed(path)
    if _sign(row) != 1 or amount is None or owned is None or printed is None:
        return
    if not rule_read_as_one(printed, owned, amount):
        return
    if nxt is not None and _link_ok(row, rows[nxt]) is True:
        return
    after = int(amount) if float(amount).is_integer() else amount
    if nxt is not None and not _ok_with(row, rows[nxt], OWNED, after, prev_side=True):
        return
    if not ocr_page():
        return
    setattr(row, OWNED, after)
    ctx.repaired(
        path,
        owned,
        after,
        f"OCR-damaged figure: a table rule read as '1' in front of the printed {printed.strip()!r}, which "
        "is otherwise the row's own acquired amount (nothing owned before this row)",
    )


_SHARE_FIGURES = (SHARES, UNDERLYING, OWNED)


def _separator_repair(ctx: CheckContext, table: str, row: object, i: int) -> None:
    """``8.511`` beside ``8,511`` in one row: a share figure with exactly three decimals whose digits
    are those of another, whole share figure of the same row had its thousands comma read as a point."""
    whole = {
        digits_of(v)
        for k in _SHARE_FIGURES
        if (v := getattr(row, k, None)) is not None and float(v).is_integer()
    }
    for key in _SHARE_FIGURES:
        value = getattr(row, key, None)
        path = f"{table}[{i}].{key}"
        printed = ctx.printed(path)
        if value is None or float(value).is_integer() or printed is None:
            continue
        head, _, decimals = printed.strip().partition(".")
        if len(decimals) != 3 or not head.isdigit() or not decimals.isdigit() or len(head) > 3:
            continue
        if head + decimals not in whole:
            continue
        after = int(head + decimals)
        setattr(row, key, after)
        ctx.repaired(
            path,
            value,
            after,
            f"OCR-damaged figure: thousands comma read as a point in {printed.strip()!r}; the row prints "
            f"the same digits as {_fmt(after)} in another share column",
        )


def _grant_amount_repair(ctx: CheckContext, table: str, row: object, i: int) -> None:
    """``A 1309) ... Stock 1,300 | $12.01 1,300``: a derivative acquired into an empty line prints its
    amount three times (amount, underlying amount, amount owned after). When the last two agree and the
    first is a one-digit OCR slip of them, the first is repaired to them."""
    amount, underlying, owned = (
        getattr(row, SHARES),
        getattr(row, UNDERLYING),
        getattr(row, OWNED),
    )
    if _sign(row) != 1 or amount is None or underlying is None or owned is None:
        return
    if not _close(underlying, owned) or _close(amount, owned) or not float(owned).is_integer():
        return
    path = f"{table}[{i}].{SHARES}"
    printed = ctx.printed(path)
    if printed is None:
        return
    slip = digit_slip(printed, owned)
    if slip is None:
        return
    after = int(owned)
    setattr(row, SHARES, after)
    ctx.repaired(
        path,
        amount,
        after,
        f"OCR-damaged figure: {slip} in the printed {printed.strip()!r}; the underlying amount and the "
        f"amount owned after both print {_fmt(after)}",
    )


_ROW_TABLES = (*CHAIN_TABLES, "derivative_holdings")
# Cell columns of a transaction row, left to right (text columns left out: their spans wrap over lines).
_COLUMNS = {
    "non_derivative_transactions": (
        "transaction_date",
        "deemed_execution_date",
        "transaction_code",
        SHARES,
        CODE,
        "transaction_price_per_share",
        OWNED,
        "direct_or_indirect_ownership",
    ),
    "derivative_transactions": (
        "conversion_or_exercise_price",
        "transaction_date",
        "deemed_execution_date",
        "transaction_code",
        SHARES,
        "exercise_date",
        "expiration_date",
        UNDERLYING,
        "transaction_price_per_share",
        OWNED,
        "direct_or_indirect_ownership",
    ),
}
_WORD = re.compile(r"[^\s|]+")


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _garbled_candidates(ctx: CheckContext, table: str, i: int, key: str) -> list[tuple[int, str]]:
    """Words (start, text) printed between the row's cells left and right of column ``key``, on a line
    where both neighbours were read, that no field of the row was read from."""
    if ctx.text is None:
        return []
    cols = _COLUMNS[table]
    k = cols.index(key)
    spans = {c: ctx.spans.get(f"{table}[{i}].{c}") for c in cols}
    taken = [s for s in spans.values() if s is not None]
    out: list[tuple[int, str]] = []
    for left in (spans[c] for c in reversed(cols[:k])):
        if left is None:
            continue
        line = _line_of(ctx.text, left[0])
        right = next(
            (s for c in cols[k + 1 :] if (s := spans[c]) is not None and line[0] <= s[0] < line[1]), None
        )
        if right is None:
            return []
        for m in _WORD.finditer(ctx.text, left[1], right[0]):
            a, b = m.start(), m.end()
            if not any(a < e and s < b for s, e in taken):
                out.append((a, m.group(0)))
        return out
    return []


def _garbled_repair(ctx: CheckContext, table: str, row: object, i: int) -> None:
    """A share figure lost because its digits were read as letters (``T44,271``, ``g51``): filled from
    the word printed in its column when that word reads as another whole share figure of the row."""
    for key in (SHARES, UNDERLYING):
        if not hasattr(row, key) or getattr(row, key) is not None:
            continue
        figures = {
            v
            for c in _SHARE_FIGURES
            if c != key and (v := getattr(row, c, None)) is not None and v >= MIN_GARBLED
        }
        hits = {
            (w, v)
            for _, w in _garbled_candidates(ctx, table, i, key)
            for v in figures
            if garbled_reading(w, v)
        }
        if len({v for _, v in hits}) != 1:
            continue
        word, value = hits.pop()
        after = int(value)
        setattr(row, key, after)
        ctx.repaired(
            f"{table}[{i}].{key}",
            None,
            after,
            f"OCR-damaged figure: digits read as letters in the printed {word!r} in this column; it reads "
            f"as {_fmt(after)}, printed in another share column of the row",
        )


def _row_slips(filing: OwnershipFiling, ctx: CheckContext) -> None:
    # Whether the page went through OCR, read from the whole text once and only when a repair asks.
    ocr_page = cache(lambda: ctx.text is not None and prints_glued_rules(ctx.text))
    for table in _ROW_TABLES:
        rows = getattr(filing, table)
        links = _neighbours(filing, table) if table in CHAIN_TABLES else {}
        for i, row in enumerate(rows):
            _separator_repair(ctx, table, row, i)
            if table in _COLUMNS:
                _garbled_repair(ctx, table, row, i)
            prev, nxt = links.get(i, (None, None))
            if table in CHAIN_TABLES and prev is None:
                _rule_one_repair(ctx, table, rows, i, nxt, ocr_page)
            if table == "derivative_transactions" and prev is None:
                _grant_amount_repair(ctx, table, row, i)


def check_holdings(filing: OwnershipFiling, ctx: CheckContext) -> None:
    """Repair forced OCR slips in the holdings chains, then warn about links that still do not add up."""
    _row_slips(filing, ctx)
    for _ in range(_MAX_PASSES):
        if not _repair_one(filing, ctx):
            break
    for table, chain in chains(filing):
        rows = getattr(filing, table)
        for k in range(1, len(chain)):
            if _link_ok(rows[chain[k - 1]], rows[chain[k]]) is False:
                a, b = chain[k - 1], chain[k]
                prev, row = rows[a], rows[b]
                ctx.warnings.append(
                    f"{table}[{b}]: holdings do not add up: {_fmt(getattr(prev, OWNED))} "
                    f"{getattr(row, CODE)} {_fmt(getattr(row, SHARES))} != {_fmt(getattr(row, OWNED))} "
                    f"(row {a} -> row {b}); no unique OCR repair, values kept"
                )
                for path in (f"{table}[{a}].{OWNED}", f"{table}[{b}].{OWNED}", f"{table}[{b}].{SHARES}"):
                    ctx.doubt(path)


def _repair_one(filing: OwnershipFiling, ctx: CheckContext) -> bool:
    """Find and apply one forced repair; ``True`` when something changed (chains are then re-read)."""
    for table, chain in chains(filing):
        rows = getattr(filing, table)
        for k in range(1, len(chain)):
            if _link_ok(rows[chain[k - 1]], rows[chain[k]]) is not False:
                continue
            suspects, flip = _suspects(rows, chain, k)
            found: list[tuple[Suspect, str]] = []
            for s in suspects:
                current = getattr(rows[s.row], s.key)
                why = _plausible(ctx, table, s, current)
                if why is not None:
                    found.append((s, why))
            if flip:
                continue
            if not found and _pair_repair(ctx, table, rows, chain, k):
                return True
            if len(found) != 1:
                continue
            s, why = found[0]
            before = getattr(rows[s.row], s.key)
            after: float = int(s.value) if float(s.value).is_integer() else round(s.value, 4)
            setattr(rows[s.row], s.key, after)
            ctx.repaired(
                f"{table}[{s.row}].{s.key}",
                before,
                after,
                f"OCR-damaged figure: {why}; forced by the holdings arithmetic, {s.why}",
            )
            return True
    return False
