"""Table II rows of reading-order dumps (OCR) that are debris of a neighbouring row, not rows.

OCR centres the cells of a row vertically and reads them line by line, so the right half of a
transaction row (underlying amount, price, amount owned, D/I, nature) can land on a line of its
own, above or below the line with the transaction date, behind a word of the wrapped title
(``Shek 996,184 Stock 996,184 $0 Growth`` under ``Preferred (1) 09/22/2020 1 (1) ...``). With no
date or code such a line reads like a holding: a phantom row whose fields are exactly the ones
its transaction row lacks. And a price cell wrapped below its ``$`` (``6.09`` under ``|$ 2,565 D``)
or a year of a fund name at the start of a wrapped line (``2010 Fund,``) makes a line of words
with one figure look like a row too.

Rules (Table II of reading-order dumps):
1. Forms 4/5 only (a Form 3 prints no transaction columns): a holding that prints a price (a ``$``
   figure: column 8 is filled only for a transaction), next to a transaction row that has neither an
   underlying amount nor an amount owned, is that row's right half: its values fill the transaction
   row's empty fields and the holding goes;
2. Forms 3, 4 and 5 (a Form 3 holding prints its exercise price, which wraps the same way): a row whose
   only value is one decimal figure (``6.09``, ``17.3509``), with no D/I letter and no date, is a price
   cell wrapped below its row: it is folded into the row above as wrapped text, and the figure fills a
   price cell printed there as a bare ``$``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.assemble.ownership_tables_fields import FieldValue, RowFields
from extractor.assemble.ownership_tables_rows import BodyLine, RowGroup
from extractor.assemble.values import parse_number
from extractor.layout.cells import Token, TokenKind

# The right half of a Table II transaction row, in column order.
_RIGHT_HALF = (
    "underlying_security_title",
    "underlying_security_shares",
    "transaction_price_per_share",
    "shares_owned_following_transaction",
    "direct_or_indirect_ownership",
    "nature_of_ownership",
)
# A price printed with decimals and without thousands separators (``6.09``, ``17.3509``).
_DECIMAL_PRICE = re.compile(r"^\d{1,4}\.\d{1,4}$")


def merge_phantom_holdings(rows: list[tuple[RowFields, bool]]) -> list[tuple[RowFields, bool]]:
    """Rule 1: ``(fields, is_transaction)`` rows of one Table II, phantom holdings merged away."""
    out = list(rows)
    i = 0
    while i < len(out):
        fields, is_tx = out[i]
        target = None if is_tx or not _prints_price(fields) else _lacking_neighbour(out, i)
        if target is None:
            i += 1
            continue
        _fill_right_half(out[target][0], fields)
        del out[i]
    return out


def _prints_price(fields: RowFields) -> bool:
    return any(t.kind is TokenKind.MONEY for fv in fields.values() for t in fv.tokens)


def _lacking_neighbour(rows: list[tuple[RowFields, bool]], i: int) -> int | None:
    """The adjacent transaction row (the one above first) whose right half is empty."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(rows):
            fields, is_tx = rows[j]
            if (
                is_tx
                and "underlying_security_shares" not in fields
                and "shares_owned_following_transaction" not in fields
            ):
                return j
    return None


def _fill_right_half(target: RowFields, phantom: RowFields) -> None:
    """The phantom's values, re-read in column order, fill the transaction row's empty cells."""
    values = _right_values(phantom)
    if "underlying_security_title" not in values and "security_title" in phantom:
        # The words before the phantom's amounts stand in the underlying title column.
        values["underlying_security_title"] = phantom["security_title"]
    for key in _RIGHT_HALF:
        have = target.get(key)
        if key in values and (have is None or (not have.tokens and have.confidence <= 0.5)):
            target[key] = replace(values[key], confidence=min(values[key].confidence, 0.6))


def _right_values(phantom: RowFields) -> RowFields:
    """Underlying amount, price and amount owned around the phantom's ``$`` figure (a holding's
    parse reads its columns differently), plus its text cells and D/I as parsed."""
    toks = sorted({id(t): t for fv in phantom.values() for t in fv.tokens}.values(), key=lambda t: t.start)
    out: RowFields = {
        k: phantom[k]
        for k in ("underlying_security_title", "direct_or_indirect_ownership", "nature_of_ownership")
        if k in phantom
    }
    price = next((k for k, t in enumerate(toks) if t.kind is TokenKind.MONEY), None)
    if price is None:
        return out
    before = [t for t in toks[:price] if t.kind is TokenKind.NUMBER]
    after = [t for t in toks[price + 1 :] if t.kind in (TokenKind.NUMBER, TokenKind.MONEY)]
    out["transaction_price_per_share"] = _value(toks[price])
    if before:
        out["underlying_security_shares"] = _value(before[-1])
    if after:
        out["shares_owned_following_transaction"] = _value(after[0])
    return out


def _value(tok: Token) -> FieldValue:
    return FieldValue(parse_number(tok.text), [tok], 0.6)


def fold_price_rows(rows: list[RowGroup]) -> list[RowGroup]:
    """Rule 2: rows that are only a price cell wrapped below the row above join that row."""
    out: list[RowGroup] = []
    for row in rows:
        prev = out[-1] if out else None
        price = _lone_price(row)
        if prev is None or price is None:
            out.append(row)
            continue
        _give_price(prev, price)
        words = [
            BodyLine(d.line, [t for t in d.tokens if t is not price and not t.is_data], "text")
            for d in row.data
        ]
        prev.below.extend([*row.above, *words, *row.below])
    return out


def _lone_price(row: RowGroup) -> Token | None:
    toks = [t for d in row.data for t in d.tokens if t.kind is not TokenKind.FOOTNOTE]
    data = [t for t in toks if t.is_data]
    if len(data) != 1 or data[0].kind is not TokenKind.NUMBER or not _DECIMAL_PRICE.match(data[0].text):
        return None
    if any(t.kind is TokenKind.LETTER and t.text in ("D", "I") for t in toks):
        return None
    return data[0]


def _give_price(prev: RowGroup, price: Token) -> None:
    """Fill the row's bare ``$`` with the figure: a lone ``$`` word becomes the price, and a
    ``$`` glued to the next column's amount (``$ 2,565``: OCR kept the space) gives the amount
    back its own cell."""
    for d in prev.data:
        for k, t in enumerate(d.tokens):
            if t.text == "$" and t.kind is TokenKind.TEXT:
                d.tokens[k] = replace(price, kind=TokenKind.MONEY, text="$" + price.text)
                return
            if t.kind is TokenKind.MONEY and _spaced_dollar(d, t):
                amount = replace(t, text=t.text[1:].strip(), kind=TokenKind.NUMBER)
                d.tokens[k : k + 1] = [replace(price, kind=TokenKind.MONEY, text="$" + price.text), amount]
                return


def _spaced_dollar(d: BodyLine, t: Token) -> bool:
    """``$ 2,565`` as printed: a space after the sign, and no number after the token on its line."""
    printed = d.line.text[t.x0 : t.x1] if d.line.text else ""
    later = [u for u in d.tokens if u.start > t.start and u.kind in (TokenKind.NUMBER, TokenKind.MONEY)]
    return printed.startswith("$ ") and not later
