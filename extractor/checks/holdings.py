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

Trap: real filings often do not add up (several ownership lines summed into one figure, rows out of
order, a grant of another series under the same title). Without the OCR-slip and uniqueness tests, the
arithmetic alone "repairs" dozens of correct figures on the dev set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.checks.context import CheckContext
from extractor.checks.slips import digit_slip, number_tokens
from extractor.evaluate.compare import normalize_text
from extractor.records import OwnershipFiling

OWNED = "shares_owned_following_transaction"
SHARES = "transaction_shares"
CODE = "transaction_acquired_disposed_code"
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


def check_holdings(filing: OwnershipFiling, ctx: CheckContext) -> None:
    """Repair forced OCR slips in the holdings chains, then warn about links that still do not add up."""
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
