"""Row fields of dumps without usable x-positions (OCR, TAB and markdown dumps), in reading order.

Values are read by shape in the form's column order; the title is the leading words of the row's
data line, the underlying title the first run of words after a value (Table II), the nature the
words after the D/I letter. Wrapped text lines above and below are split into column phrases by the
rules; where a trained wrapped-cell classifier is shipped (``wrapped_cells``), it takes the rules'
choice as one feature and decides the cell of each wrapped word.

Traps: OCR drops the parentheses of footnote marks (``L.P, 2``) and leaves years of wrapped names
alone on a line (``2010``): neither is a value. A numbers-only line printed above a row gives its
values to the row's empty fields.
"""

from __future__ import annotations

import itertools
import re

from extractor.assemble.ownership_tables_fields import (
    ACQUIRING_CODES,
    TRANSACTION_CODES,
    FieldValue,
    Hint,
    RowFields,
    code_letter,
    find_underlying_title,
    join_text,
    parse_table_i,
    parse_table_ii,
    set_text,
    split_leading_title,
)
from extractor.assemble.ownership_tables_rows import NATURE_LEADS, BodyLine, RowGroup
from extractor.assemble.values import parse_number, parse_ocr_date
from extractor.assemble.wrapped_cells import (
    NONE,
    TEXT_ROLES,
    RecordedRow,
    RowContext,
    WrappedWord,
    active_classifier,
    assign_roles,
    recorder,
    word_key,
)
from extractor.layout.cells import Token, TokenKind
from extractor.layout.sections import TABLE_I, TABLE_II


def demote_ocr_marks(tokens: list[Token]) -> None:
    """Numbers of wrapped text in dumps without columns.

    OCR drops the parentheses of footnote marks (``L.P, 2``): a one- or two-digit number that ends a
    line right after a word is a mark. A bare year-like integer alone on a line or between two words
    (``Venture`` / ``2010`` / ``Fund``) is part of a wrapped name, not a value.
    """
    for i, t in enumerate(tokens):
        if t.kind is TokenKind.NUMBER and t.text.startswith("(") and not t.text.endswith(")"):
            if len(t.text) <= 3:
                # "(21" is the mark "(2)" with its closing parenthesis lost, not an amount of 21.
                t.kind = TokenKind.FOOTNOTE
                t.footnotes = [t.text[1:2]]
            continue
        if t.kind is TokenKind.NUMBER and t.text.endswith(")") and not t.text.startswith("("):
            if len(t.text) <= 3:
                # "2)" is the mark "(2)" with its opening parenthesis lost.
                t.kind = TokenKind.FOOTNOTE
                t.footnotes = [t.text[:-1]]
            continue
        if t.kind is not TokenKind.NUMBER or not t.text.isdigit() or len(t.text) > 4:
            continue
        before = tokens[i - 1].kind if i > 0 else None
        after = tokens[i + 1].kind if i + 1 < len(tokens) else None
        alone = before is None and after is None
        # "Stock Stock 2010": the year of a wrapped fund name ("Venture 2010 Fund") ends a line
        # of words that holds no other value.
        year_last = (
            after is None
            and before is TokenKind.TEXT
            and bool(_YEAR.match(t.text))
            and sum(1 for u in tokens if u.is_data) == 1
        )
        # "2010 Fund,": the year of a wrapped fund name opens a line of words too.
        year_first = (
            before is None
            and after is TokenKind.TEXT
            and bool(_YEAR.match(t.text))
            and sum(1 for u in tokens if u.is_data) == 1
        )
        if (
            (alone and (len(t.text) <= 2 or _YEAR.match(t.text)))
            or year_last
            or year_first
            or (before is TokenKind.TEXT and after is TokenKind.TEXT)
            or _year_in_nature(tokens, i)
        ):
            # A lone "479" is an amount cell that OCR printed on its own line (one cell per
            # paragraph): only years and mark-sized numbers alone on a line are wrapped text.
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


def _year_in_nature(tokens: list[Token], i: int) -> bool:
    """``32,746 I US Venture 2010``: a year ending the nature cell, after the D/I letter.

    Trap: OCR prints a row on one line and the nature cell's name (``US Venture 2010 Seed``) wraps
    right after its year; read as the last figure, the year became the amount owned and pushed the
    D/I letter and the name out. Only the nature cell follows the D/I letter, so a year after a word
    that comes after an amount and a ``D``/``I`` letter is a word of the nature.
    """
    t = tokens[i]
    if not _YEAR.match(t.text) or i == 0 or tokens[i - 1].kind is not TokenKind.TEXT:
        return False
    if sum(c.isalpha() for c in tokens[i - 1].text) < 2:
        return False
    if any(u.kind not in (TokenKind.TEXT, TokenKind.LETTER, TokenKind.FOOTNOTE) for u in tokens[i + 1 :]):
        return False
    for k in range(i - 1, 0, -1):
        u = tokens[k]
        if u.kind is TokenKind.LETTER and u.text in ("D", "I"):
            prev = tokens[k - 1]
            return prev.kind in (TokenKind.NUMBER, TokenKind.MONEY)
        if u.kind is not TokenKind.TEXT:
            return False
    return False


def parse_reading_order(row: RowGroup, table: str, form3: bool) -> RowFields:
    """OCR and TAB dumps: values by shape and column order; wrapped text lines split into phrases."""
    seq = [t for bl in row.data for t in bl.tokens]
    title, rest = split_leading_title(seq)
    if table == TABLE_I:
        out = parse_table_i(rest, ocr=True, want_nature=True)
        opened = ["security_title", "nature_of_ownership"]
    elif form3:
        title, pre, utitle, post = _split_form3_ii(seq)
        out = parse_table_ii(pre, post, hint=_empty_cell_hint(row), ocr=True, want_nature=True, form3=True)
        set_text(out, "underlying_security_title", utitle, ocr=True)
        opened = ["underlying_security_title", "nature_of_ownership"]
        if not title:
            opened.insert(0, "security_title")
    elif not any(t.kind is TokenKind.DATE for t in seq):
        # A Table II holding whose date cells hold only footnote marks: the marks, not a date,
        # end the title, as on Form 3.
        title, pre, utitle, post = _split_form3_ii(seq)
        pre, utitle, post = _lost_date_transaction(pre, utitle, post)
        out = parse_table_ii(pre, post, ocr=True, want_nature=True)
        set_text(out, "underlying_security_title", utitle, ocr=True)
        opened = ["security_title", "underlying_security_title", "nature_of_ownership"]
    else:
        tx_end = _transaction_end(rest)
        span = find_underlying_title(rest, tx_end)
        if span is None:
            last_date = max((k for k, t in enumerate(rest) if t.kind is TokenKind.DATE), default=-1)
            cut = max(last_date + 1, tx_end)
            pre, utitle, post = rest[:cut], [], rest[cut:]
        else:
            pre, utitle, post = rest[: span[0]], rest[span[0] : span[1]], rest[span[1] :]
        out = parse_table_ii(pre, post, hint=_empty_cell_hint(row), ocr=True, want_nature=True, form3=form3)
        set_text(out, "underlying_security_title", utitle, ocr=True)
        opened = ["security_title", "underlying_security_title", "nature_of_ownership"]
    set_text(out, "security_title", _without_stray_letters(title), ocr=True)
    _fill_orphans(out, row.orphans)
    nature_open = "nature_of_ownership" in out or (
        "direct_or_indirect_ownership" in out and out["direct_or_indirect_ownership"].value == "I"
    )
    buckets = [k for k in opened if k != "nature_of_ownership" or nature_open]
    if table == TABLE_II and not form3 and "underlying_security_title" not in out:
        buckets = [k for k in buckets if k != "underlying_security_title"]
    first_data = row.data[0].line.index
    taken = _amount_from_wrapped(out, row)
    extra: dict[str, list[Token]] = {k: [] for k in buckets}
    wrapped: list[tuple[BodyLine, list[Token]]] = []  # the words of each wrapped line
    in_nature = False  # inside a wrapped nature phrase ("By" / "Sequoia" / "Capital" ...)
    above_keys: set[str] = set()  # buckets that got wrapped text above the data line
    past_data = False
    for bl in row.lines:
        if bl in row.data:
            # Below the data line, nature text printed on it goes on wrapping.
            in_nature = "nature_of_ownership" in out
            if table == TABLE_II and above_keys and "nature_of_ownership" not in above_keys:
                # Cells are centred on the data line: a nature cell with nothing above it
                # does not wrap below it either.
                in_nature = False
            past_data = True
            continue
        if bl.kind == "footnote":
            continue
        words = [
            t
            for t in bl.tokens
            if t.kind is not TokenKind.FOOTNOTE and any(c.isalnum() for c in t.text) and t is not taken
        ]
        wrapped.append((bl, words))
        # The SEC form's Table I title column is wide and its nature column narrow, so a lone phrase
        # there is wrapped nature text; in Table II the title column is the narrow one.
        if table == TABLE_I and title and "nature_of_ownership" in buckets:
            extra["nature_of_ownership"].extend(words)  # the title is printed whole on its data line
            continue
        keys = buckets
        if (
            table == TABLE_II
            and len(buckets) > 1
            and buckets[-1] == "nature_of_ownership"
            and not in_nature
            and not any(w.text.lower() in NATURE_LEADS for w in words)
        ):
            # Title-case cells ("Common Stock") split into phrases at every capital: without a
            # word opening a nature entry, a line above the data line is no nature text.
            keys = buckets[:-1]
        phrases = _phrases(words, len(keys), prefer_last=table == TABLE_I)
        filled = [p for p in phrases if p]
        if (
            past_data
            and table == TABLE_II
            and len(above_keys) == 1
            and len(filled) < len(buckets)
            and words
            and words[0].text.lower() not in NATURE_LEADS
        ):
            # Centring again: the one cell that wrapped above the data line wraps below it too.
            extra[next(iter(above_keys))].extend(words)
            continue
        if "nature_of_ownership" in buckets and (
            (in_nature and len(filled) < min(2, len(buckets)))
            or (len(filled) == 1 and filled[0][0].text.lower() in NATURE_LEADS)
        ):
            extra["nature_of_ownership"].extend(words)
            in_nature = True
            continue
        for key, phrase in zip(keys, phrases, strict=False):
            extra[key].extend(phrase)
            if phrase and not past_data:
                above_keys.add(key)
        in_nature = buckets[-1] == "nature_of_ownership" and bool(phrases) and bool(phrases[-1])
    extra = _learned_roles(out, row, table, form3, buckets, wrapped, extra)
    for key, toks in extra.items():
        if not toks:
            continue
        have = out[key].tokens if key in out else []
        above = [t for t in toks if t.line < first_data]
        below = [t for t in toks if t.line > first_data]
        _set_text_ordered(out, key, above + have + below)
    for key in _DATE_KEYS:
        fv = out.get(key)
        if fv is not None and fv.value is None and len(fv.tokens) == 1:
            # "|95/23/2029|": a month's leading "0" read as "9" leaves no valid date.
            fv.value = parse_ocr_date(fv.tokens[0].text)
    for key in ("underlying_security_title", "nature_of_ownership"):
        fv = out.get(key)
        kept = _without_stray_letters(fv.tokens) if fv is not None else []
        if fv is not None and kept and len(kept) < len(fv.tokens):
            out[key] = FieldValue(join_text(kept, ocr=True), kept, fv.confidence)
    return out


def _empty_cell_hint(row: RowGroup) -> Hint | None:
    """Which of the two date columns of Table II a lone date sits in, from the empty cell beside it.

    Tabbed rows keep their empty cells as runs of tabs (HTML cells, tab-separated dumps):
    ``2,834<TAB>05/03/2013<TAB><TAB>Common Stock`` is a date exercisable with no expiration date,
    ``2,834<TAB><TAB>05/03/2013<TAB>Common Stock`` an expiration date with no date exercisable. Only
    those two shapes answer; any other (spaces, one tab on each side, empties on both sides) leaves
    the date to the rules' order of cells. Trap: the split-by-cells tokens drop empty cells, so the
    gap is read from the line's text.
    """
    keys: dict[int, str] = {}
    for bl in row.data:
        text, base, toks = bl.line.text, bl.line.start, bl.tokens
        for j in range(1, len(toks) - 1):
            t = toks[j]
            if t.kind is not TokenKind.DATE:
                continue
            before = text[toks[j - 1].end - base : t.start - base]
            after = text[t.end - base : toks[j + 1].start - base]
            if before.strip() or after.strip():
                continue
            tabs_before, tabs_after = before.count("\t"), after.count("\t")
            if tabs_before == 1 and tabs_after >= 2:
                keys[id(t)] = "exercise_date"
            elif tabs_before >= 2 and tabs_after == 1:
                keys[id(t)] = "expiration_date"
    if not keys:
        return None
    return lambda t: keys.get(id(t))


def _learned_roles(
    out: RowFields,
    row: RowGroup,
    table: str,
    form3: bool,
    buckets: list[str],
    wrapped: list[tuple[BodyLine, list[Token]]],
    rule_extra: dict[str, list[Token]],
) -> dict[str, list[Token]]:
    """The wrapped words per cell as the trained classifier assigns them (``wrapped_cells``).

    The rules' assignment (``rule_extra``) is one of the classifier's features; without a model it
    stands. While training data is being recorded, the row is recorded here with its context.
    """
    model = active_classifier()
    rows = recorder()
    if (model is None and rows is None) or not any(words for _, words in wrapped):
        return rule_extra
    rule_of = {id(t): key for key, toks in rule_extra.items() for t in toks}
    di = out.get("direct_or_indirect_ownership")
    ctx = RowContext(
        table=table,
        form3=form3,
        open_roles=tuple(buckets),
        data_words={k: [word_key(t.text) for t in out[k].tokens] if k in out else [] for k in TEXT_ROLES},
        direct_or_indirect=str(di.value) if di is not None and di.value else None,
    )
    first_data = row.data[0].line.index
    items: list[WrappedWord] = []
    for bl, words in wrapped:
        keys = [word_key(t.text) for t in words]
        for i, t in enumerate(words):
            items.append(
                WrappedWord(
                    token=t,
                    line_offset=bl.line.index - first_data,
                    index=i,
                    count=len(words),
                    prev=keys[i - 1] if i else "",
                    next=keys[i + 1] if i + 1 < len(words) else "",
                    line_first=keys[0],
                    rule_role=rule_of.get(id(t), NONE),
                )
            )
    if rows is not None:
        rows.append(RecordedRow(ctx, items, out))
    if model is None:
        return rule_extra
    learned: dict[str, list[Token]] = {k: [] for k in buckets}
    for w, role in zip(items, assign_roles(items, ctx, model), strict=True):
        if role in learned:
            learned[role].append(w.token)
    return learned


_DATE_KEYS = ("transaction_date", "deemed_execution_date", "exercise_date", "expiration_date")
# Three digits at least: one or two are OCR debris of footnote marks ("Fund, L.P, 2").
_BARE_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3}){1,5}$|^\d{3,9}$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _amount_from_wrapped(out: RowFields, row: RowGroup) -> Token | None:
    """A transaction amount OCR printed on a wrapped text line (``(right to 687 Stock``).

    Trap: OCR reads a row's cells in reading order, and a short amount cell, vertically centred
    beside a title that wraps to three lines, can land on the title's next line, where it looks
    like a word of the title. When the row has a code but no amount, the first bare figure on a
    wrapped line (not a year of a fund name) is the amount, and is kept out of the title text.
    """
    if "transaction_code" not in out or "transaction_shares" in out:
        return None
    for bl in row.lines:
        if bl in row.data:
            continue
        for t in bl.tokens:
            if (
                t.kind in (TokenKind.TEXT, TokenKind.NUMBER)
                and _BARE_AMOUNT.match(t.text)
                and not _YEAR.match(t.text)
            ):
                out["transaction_shares"] = FieldValue(parse_number(t.text), [t], 0.5)
                if "transaction_acquired_disposed_code" not in out:
                    code = out["transaction_code"].value
                    ad = "A" if code in ACQUIRING_CODES else "D"
                    out["transaction_acquired_disposed_code"] = FieldValue(ad, [t], 0.4)
                return t
    return None


# OCR debris of a footnote mark standing for a date or a price: "Q)", "a7)", "ay)", "C1)", "@)", and
# the whole mark read as one symbol ("@ @" for "(1) (1)"), which no title prints.
_MARK_DEBRIS = re.compile(r"^[^\s\w]?[\w@©&]{0,2}\)$|^[@©®]$")


def _split_form3_ii(seq: list[Token]) -> tuple[list[Token], list[Token], list[Token], list[Token]]:
    """Title, date cells, underlying title and the rest of a Form 3 Table II data line.

    Form 3 Table II: title, date exercisable, expiration date, underlying title, underlying amount,
    conversion price, D/I, nature. Traps: OCR prints the date cells, which often hold only a
    footnote mark, as debris (``Q) Q)``, ``a7) ay)``) that reads like words and glues the title to
    the underlying title; where no mark separates them, the title ends with the underlying title
    (``Class B Common Stock Common Stock``): the doubled phrase is the cut.
    """
    opened = False  # an open parenthesis before: "buy)" closes "(right to", it is no mark
    for k, t in enumerate(seq):
        # Trap: "(right to" may wrap above the data line, which then holds "to buy)" or "buy)"
        # alone: only a closing word right after a capitalised title word is taken for debris.
        after_title = k > 0 and seq[k - 1].text[:1].isupper() and seq[k - 1].kind is TokenKind.TEXT
        unmatched = t.text.endswith(")") and "(" not in t.text and not opened and after_title
        if (
            t.kind is TokenKind.TEXT
            and len(t.text) <= 4
            and (_MARK_DEBRIS.match(t.text) or (unmatched and t.text[:-1].isalpha() and t.text.islower()))
            and t.text.strip("()[]|") not in ("D", "I")
        ):
            # ``fen)``: a mark's debris may be three letters long; without an open parenthesis
            # before it, a closing one ends no phrase of the title.
            t.kind = TokenKind.FOOTNOTE
        if "(" in t.text:
            opened = ")" not in t.text.split("(")[-1]
        elif t.text.endswith(")"):
            opened = False
    n = len(seq)
    i = 0
    while i < n:
        t = seq[i]
        if t.kind in (TokenKind.DATE, TokenKind.NUMBER, TokenKind.FOOTNOTE, TokenKind.NA):
            break
        if t.kind is TokenKind.MONEY:
            nxt = seq[i + 1] if i + 1 < n else None
            # "$0.0001 par value" is part of the title.
            if nxt is None or not (nxt.kind is TokenKind.TEXT and nxt.text.isalpha() and nxt.text.islower()):
                break
        i += 1
    j = i
    while j < n and (
        seq[j].kind in (TokenKind.DATE, TokenKind.FOOTNOTE, TokenKind.NA)
        or seq[j].text.lower().strip("()") in _PLACEHOLDERS
    ):
        j += 1
    k = j
    while k < n and seq[k].kind in (TokenKind.TEXT, TokenKind.LETTER):
        k += 1
    title, pre, utitle, post = seq[:i], seq[i:j], seq[j:k], seq[k:]
    if (
        len(post) >= 2
        and post[0].text.isdigit()
        and len(post[0].text) <= 2
        and post[1].kind is TokenKind.NUMBER
    ):
        # "Clas 2 2,565,601": a digit of the garbled underlying title, not the amount.
        utitle, post = [*utitle, post[0]], post[1:]
    if j == i and not utitle:
        words = [t.text.lower() for t in title]
        for size in range(len(words) // 2, 0, -1):
            if words[-size:] == words[-2 * size : -size]:
                title, utitle = title[:-size], title[-size:]
                break
    return title, pre, utitle, post


_PLACEHOLDERS = frozenset({"immediately", "immed.", "immediate", "various", "n/a", "none"})


def _lost_date_transaction(
    pre: list[Token], utitle: list[Token], post: list[Token]
) -> tuple[list[Token], list[Token], list[Token]]:
    """Date cells, underlying title and the rest of a Form 4 Table II row whose transaction date
    OCR garbled into letters (``Stock Units (3) Oantanabils A 7.278 (4) (4) Stock 7.278 $0 7,278 D``).

    Trap: without a date the row reads like a holding, and the date debris with the code after it
    (``Oantanabils A``) like its underlying title. A holding prints one run of words after its
    marks (the underlying title) and then its amounts; a row whose first word run ends with a
    transaction code letter right before an amount, and which prints a second word run followed by
    an amount before any D/I letter, is a transaction: the first run is its date cell and code,
    the second its underlying title. The debris is dropped (no date is guessed); the rows of
    ``(pre, utitle, post)`` are returned unchanged when the evidence is not there.
    """
    code = utitle[-1] if utitle else None
    if (
        code is None
        or code.kind is not TokenKind.LETTER
        or code.text not in TRANSACTION_CODES
        or not post
        or post[0].kind is not TokenKind.NUMBER
    ):
        return pre, utitle, post
    k = 1
    while k < len(post) and post[k].kind in (TokenKind.FOOTNOTE, TokenKind.DATE, TokenKind.NA):
        k += 1
    j = k
    while j < len(post) and post[j].kind in (TokenKind.TEXT, TokenKind.LETTER):
        if post[j].kind is TokenKind.LETTER and post[j].text in ("D", "I"):
            return pre, utitle, post
        j += 1
    words = post[k:j]
    if not any(sum(c.isalpha() for c in w.text) >= 4 for w in words):
        return pre, utitle, post
    if j >= len(post) or post[j].kind is not TokenKind.NUMBER:
        return pre, utitle, post
    return [*pre, code, *post[:k]], words, post[j:]


def _transaction_end(rest: list[Token]) -> int:
    """Index after the transaction columns of a Table II row (date, deemed date, code, V, amount).

    Trap: OCR garbles the footnote mark after a code (``A qd)``) and the underlying title
    (``Gros``/``en``); a short run of such junk right after the code must not be read as the
    underlying title, which would swallow the code and leave the row a holding. 0 when the row
    shows no date followed by a code; just after the code when no amount follows it.
    """
    d = next((k for k, t in enumerate(rest) if t.kind is TokenKind.DATE), None)
    if d is None:
        return 0
    k = d + 1
    if k < len(rest) and rest[k].kind is TokenKind.DATE:
        k += 1  # deemed execution date
    while k < len(rest) and rest[k].kind is TokenKind.FOOTNOTE:
        k += 1
    if k >= len(rest) or code_letter(rest[k], ocr=True) is None:
        return 0
    for j in range(k + 1, min(len(rest), k + 4)):
        t = rest[j]
        if t.kind in (TokenKind.NUMBER, TokenKind.MONEY):
            return j + 1
        if t.kind is TokenKind.DATE or (t.kind is TokenKind.TEXT and len(t.text) > 4):
            break
    return k + 1  # no amount on the data line (printed on a wrapped line, or lost)


def _without_stray_letters(tokens: list[Token]) -> list[Token]:
    """Words without lone lower-case letters (``Class B g Common Stock``, ``l l Estate Planning``).

    Trap: OCR reads a ``$`` beside a footnote mark as ``g`` and a table rule as ``l``; inside a title
    or a nature cell a lone lower-case letter is never a word of the name (``a`` aside), and it is
    kept out of the value as debris.
    """
    return [t for t in tokens if not (len(t.text) == 1 and t.text.islower() and t.text != "a")]


def _set_text_ordered(out: RowFields, key: str, tokens: list[Token]) -> None:
    tokens = _without_stray_letters(tokens)
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
    cuts = [j for j in range(1, len(words)) if _starts_phrase(words[j].text)][: k - 1]
    bounds = [0, *cuts, len(words)]
    parts = [words[a:b] for a, b in itertools.pairwise(bounds)]
    pad: list[list[Token]] = [[] for _ in range(k - len(parts))]
    return pad + parts if prefer_last else parts + pad


def _starts_phrase(text: str) -> bool:
    """A capitalised word (``Class``, ``Sequoia``), not a single letter (``Class B``) and not an
    all-capitals word (``IV,``, ``LLC``, ``U.S.``), which goes on a name rather than opening one."""
    letters = [c for c in text if c.isalpha()]
    return text[:1].isupper() and len(letters) >= 2 and not all(c.isupper() for c in letters)


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
            code = out["transaction_code"].value if "transaction_code" in out else None
            if key == "transaction_shares" and code and "transaction_acquired_disposed_code" not in out:
                # As for an amount on a wrapped line: the code's direction is the form's prior.
                ad = "A" if code in ACQUIRING_CODES else "D"
                out["transaction_acquired_disposed_code"] = FieldValue(ad, [], 0.4)
