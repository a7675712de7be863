"""Row fields of dumps without usable x-positions (OCR, TAB and markdown dumps), in reading order.

Values are read by shape in the form's column order; the title is the leading words of the row's
data line, the underlying title the first run of words after a value (Table II), the nature the
words after the D/I letter. Wrapped text lines above and below are split into column phrases.

Traps: OCR drops the parentheses of footnote marks (``L.P, 2``) and leaves years of wrapped names
alone on a line (``2010``): neither is a value. A numbers-only line printed above a row gives its
values to the row's empty fields.
"""

from __future__ import annotations

import itertools

from extractor.assemble.ownership_tables_fields import (
    FieldValue,
    RowFields,
    find_underlying_title,
    join_text,
    parse_table_i,
    parse_table_ii,
    set_text,
    split_leading_title,
)
from extractor.assemble.ownership_tables_rows import RowGroup
from extractor.assemble.values import parse_number
from extractor.layout.cells import Token, TokenKind
from extractor.layout.sections import TABLE_I, TABLE_II


def demote_ocr_marks(tokens: list[Token]) -> None:
    """Numbers of wrapped text in dumps without columns.

    OCR drops the parentheses of footnote marks (``L.P, 2``): a one- or two-digit number that ends a
    line right after a word is a mark. A bare year-like integer alone on a line or between two words
    (``Venture`` / ``2010`` / ``Fund``) is part of a wrapped name, not a value.
    """
    for i, t in enumerate(tokens):
        if t.kind is not TokenKind.NUMBER or not t.text.isdigit() or len(t.text) > 4:
            continue
        before = tokens[i - 1].kind if i > 0 else None
        after = tokens[i + 1].kind if i + 1 < len(tokens) else None
        if (before is None and after is None) or (before is TokenKind.TEXT and after is TokenKind.TEXT):
            t.kind = TokenKind.TEXT
    if len(tokens) >= 2:
        last, prev = tokens[-1], tokens[-2]
        if (
            last.kind is TokenKind.NUMBER
            and len(last.text) <= 2
            and last.text.isdigit()
            and prev.kind is TokenKind.TEXT
        ):
            last.kind = TokenKind.FOOTNOTE
            last.footnotes = [last.text]


def parse_reading_order(row: RowGroup, table: str, form3: bool) -> RowFields:
    """OCR and TAB dumps: values by shape and column order; wrapped text lines split into phrases."""
    seq = [t for bl in row.data for t in bl.tokens]
    title, rest = split_leading_title(seq)
    if table == TABLE_I:
        out = parse_table_i(rest, ocr=True, want_nature=True)
        opened = ["security_title", "nature_of_ownership"]
    else:
        span = find_underlying_title(rest)
        if span is None:
            last_date = max((k for k, t in enumerate(rest) if t.kind is TokenKind.DATE), default=-1)
            pre, utitle, post = rest[: last_date + 1], [], rest[last_date + 1 :]
        else:
            pre, utitle, post = rest[: span[0]], rest[span[0] : span[1]], rest[span[1] :]
        out = parse_table_ii(pre, post, ocr=True, want_nature=True, form3=form3)
        set_text(out, "underlying_security_title", utitle, ocr=True)
        opened = ["security_title", "underlying_security_title", "nature_of_ownership"]
    set_text(out, "security_title", title, ocr=True)
    _fill_orphans(out, row.orphans)
    nature_open = "nature_of_ownership" in out or (
        "direct_or_indirect_ownership" in out and out["direct_or_indirect_ownership"].value == "I"
    )
    buckets = [k for k in opened if k != "nature_of_ownership" or nature_open]
    if table == TABLE_II and "underlying_security_title" not in out:
        buckets = [k for k in buckets if k != "underlying_security_title"]
    first_data = row.data[0].line.index
    extra: dict[str, list[Token]] = {k: [] for k in buckets}
    in_nature = False  # inside a wrapped nature phrase ("By" / "Sequoia" / "Capital" ...)
    for bl in row.lines:
        if bl in row.data:
            # Below the data line, nature text printed on it goes on wrapping.
            in_nature = "nature_of_ownership" in out
            continue
        if bl.kind == "footnote":
            continue
        words = [
            t for t in bl.tokens if t.kind is not TokenKind.FOOTNOTE and any(c.isalnum() for c in t.text)
        ]
        # The SEC form's Table I title column is wide and its nature column narrow, so a lone phrase
        # there is wrapped nature text; in Table II the title column is the narrow one.
        if table == TABLE_I and title and "nature_of_ownership" in buckets:
            extra["nature_of_ownership"].extend(words)  # the title is printed whole on its data line
            continue
        phrases = _phrases(words, len(buckets), prefer_last=table == TABLE_I)
        filled = [p for p in phrases if p]
        if "nature_of_ownership" in buckets and (
            (in_nature and len(filled) < len(buckets))
            or (len(filled) == 1 and filled[0][0].text.lower() in _NATURE_LEADS)
        ):
            extra["nature_of_ownership"].extend(words)
            in_nature = True
            continue
        for key, phrase in zip(buckets, phrases, strict=False):
            extra[key].extend(phrase)
        in_nature = buckets[-1] == "nature_of_ownership" and bool(phrases) and bool(phrases[-1])
    for key, toks in extra.items():
        if not toks:
            continue
        have = out[key].tokens if key in out else []
        above = [t for t in toks if t.line < first_data]
        below = [t for t in toks if t.line > first_data]
        _set_text_ordered(out, key, above + have + below)
    return out


# Words that open a nature-of-ownership entry ("By Trust", "See footnote", "Held by ..."): a wrapped
# line starting with one belongs to the nature column, and so do the one-phrase lines after it.


_NATURE_LEADS = frozenset({"by", "see", "held", "through", "via"})


def _set_text_ordered(out: RowFields, key: str, tokens: list[Token]) -> None:
    text = join_text(tokens, ocr=True)
    if text:
        out[key] = FieldValue(text, tokens, 0.6)


def _phrases(words: list[Token], k: int, *, prefer_last: bool) -> list[list[Token]]:
    """Split the words of a wrapped text line into ``k`` column phrases (``Class B Class A See``).

    Phrases start at capitalised words (not single letters: ``Class B``); with fewer phrases than
    columns, the phrases go to the first columns, or to the last ones when ``prefer_last``.
    """
    if k <= 0 or not words:
        return [[] for _ in range(k)]
    cuts = [
        j
        for j in range(1, len(words))
        if words[j].text[:1].isupper() and sum(c.isalpha() for c in words[j].text) >= 2
    ][: k - 1]
    bounds = [0, *cuts, len(words)]
    parts = [words[a:b] for a, b in itertools.pairwise(bounds)]
    pad: list[list[Token]] = [[] for _ in range(k - len(parts))]
    return pad + parts if prefer_last else parts + pad


def _fill_orphans(out: RowFields, orphans: list[Token]) -> None:
    """Numbers of a title-less line printed above the row fill its empty amount fields."""
    nums = [t for t in orphans if t.kind in (TokenKind.NUMBER, TokenKind.MONEY)]
    for key in ("transaction_shares", "shares_owned_following_transaction"):
        if not nums:
            return
        if key == "transaction_shares" and "transaction_date" not in out:
            continue
        if key not in out:
            out[key] = FieldValue(parse_number(nums.pop(0).text), [], 0.5)
