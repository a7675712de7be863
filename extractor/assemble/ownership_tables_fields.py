"""Token sequence of one table row -> field values, by token shapes and the form's column order.

Table I columns, left to right: title, transaction date, deemed execution date, code, V, amount,
(A) or (D), price, amount owned following, D/I, nature. Table II: title, conversion/exercise price,
transaction date, deemed date, code, V, number acquired/disposed, date exercisable, expiration date,
underlying title, underlying amount, price, number owned following, D/I, nature.

The parser walks a row's tokens in column order (x-order for fixed-width dumps, reading order for
the others) and gives each one to the first field of the right shape. Where shapes cannot decide
(one date where exercisable and expiration dates could be; the (A)/(D) sub-columns of Table II that
print no letter), a *hint* from the column model decides when there is one, else a prior of the form
(an exercise/conversion code disposes of the derivative; a single date is the expiration date) with
lower confidence.

Traps: footnote markers standing where a value should be (``^(2)`` as conversion price) are not
values; OCR turns ``S(1)`` into ``s2)`` or ``Ss?)`` and ``C(1)`` into ``CW.``: a code is read from the
first letter of a short junk token after the date; a mark that lost its parentheses after an
amount (``3,472,220 4 I``) and a fund-name year after the D/I letter (``42,102 I 2010``) are
not values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractor.assemble.values import parse_date, parse_number, strip_footnote_marks
from extractor.layout.cells import Token, TokenKind

# Transaction codes of Forms 4/5 (General Instructions 8).
TRANSACTION_CODES = frozenset("ACDEFGHIJLMOPSUWXZ")
# Codes that add derivative securities to the holder (the others take them away).
ACQUIRING_CODES = frozenset("APJLIW")
_DATA = (TokenKind.DATE, TokenKind.NUMBER, TokenKind.MONEY)
_NUMERIC = (TokenKind.NUMBER, TokenKind.MONEY)
# Words of a cell that stand in for a date or a price (Table II "Date Exercisable": "Immediately").
_PLACEHOLDER_WORDS = frozenset(
    {"immediately", "immed.", "immediate", "see", "footnote", "various", "n/a", "na", "none", "(1)"}
)

Hint = Callable[[Token], str | None]
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class FieldValue:
    value: object
    tokens: list[Token] = field(default_factory=list)
    confidence: float = 0.9


RowFields = dict[str, FieldValue]


_OCR_MARK = re.compile(r"^\W{0,2}\w{0,2}\)$|^[^\w]{1,3}$")


def join_text(tokens: list[Token], *, ocr: bool = False) -> str | None:
    """Words of a wrapped cell as one string; ``2010-`` + ``Seed`` -> ``2010-Seed``; marks dropped.

    With ``ocr``, trailing debris of footnote marks (``Q)``, ``GB)``, ``©``, ``@``) is dropped too.
    """
    out = ""
    tokens = list(tokens)
    while ocr and tokens and _OCR_MARK.match(tokens[-1].text):
        tokens.pop()
    while ocr and tokens and _OCR_END_MARK.match(tokens[-1].text):
        tokens.pop()
    for t in tokens:
        if t.kind is TokenKind.FOOTNOTE or (ocr and _is_ocr_debris(t.text)):
            continue
        piece = strip_footnote_marks(t.text).strip("^ ")
        if not piece:
            continue
        if not out:
            out = piece
        elif out.endswith("-") and not out.endswith(" -"):
            out += piece
        elif ocr and (k := _overlap(out, piece)):
            out = out[:-k] + piece
        else:
            out += " " + piece
    if ocr and out:
        # OCR reads the final period of an abbreviation as a comma and a footnote mark glued to it
        # as "@"/"©": "Fund, L.P," / "L.P@" end the cell, so they are "L.P.".
        out = out.rstrip("@©®")
        if _ABBREV_COMMA.search(out):
            out = out[:-1] + "."
    return out or None


def _overlap(text: str, piece: str) -> int:
    """Letters OCR read twice where a word was cut between two lines (``Vent`` / ``enture``,
    ``planni`` / ``anning``): the length of the last word's suffix (3+ letters, not the whole
    word) that the lower-case ``piece`` starts with; 0 when there is none."""
    if not piece[:1].islower() or not piece.isalpha():
        return 0
    last = text.rsplit(" ", 1)[-1]
    if not last.isalpha():
        return 0
    for k in range(min(len(last) - 1, len(piece) - 1), 2, -1):
        if last[-k:] == piece[:k]:
            return k
    return 0


# Debris of footnote marks inside OCR'd text: "q)", "g)" (mark without its "("), "“4", a lone ":".
_OCR_INNER_MARK = re.compile(r"^[^\w\s(]?\w{1,2}\)$|^[^\w\s]\d{1,2}$")
# ... and at the end of a cell: a bare "10" / "‘8" ("See Footnote 10": the mark lost its parentheses).
_OCR_END_MARK = re.compile(r"^[^\w\s]?\d{1,2}$")


def _is_ocr_debris(text: str) -> bool:
    if not any(c.isalnum() for c in text):
        return text not in ("&", "-", "/")
    return bool(_OCR_INNER_MARK.match(text))


_ABBREV_COMMA = re.compile(r"(?:^|\s)(?:[A-Za-z]\.){1,3}[A-Za-z],$")


def code_letter(tok: Token, *, ocr: bool) -> str | None:
    """Transaction code of a token: ``M``, ``S`` (from ``S(1)``); with ``ocr``, ``s2)`` -> ``S``."""
    text = tok.text
    if tok.kind is TokenKind.LETTER:
        return text if text in TRANSACTION_CODES else None
    if ocr and tok.kind is TokenKind.TEXT and len(text) <= 4 and text[0].isalpha():
        # In the code column only a code (with its footnote mark) is printed: "S(1)" read as "sh",
        # "J(1)" as "ju"/"j&", "C(1)" as "CW.": the first letter is the code.
        c = text[0].upper()
        return c if c in TRANSACTION_CODES else None
    return None


def _num(tok: Token, conf: float = 0.9) -> FieldValue:
    return FieldValue(parse_number(tok.text), [tok], conf)


def _date(tok: Token, conf: float = 0.9) -> FieldValue:
    return FieldValue(parse_date(tok.text), [tok], conf)


def split_leading_title(seq: list[Token]) -> tuple[list[Token], list[Token]]:
    """Title words at the start of a reading-order row, and the rest.

    The title runs to the first date or number, except a number followed by a lower-case word
    (``Class B Common Stock, $0.0001 par value``).
    """
    for i, t in enumerate(seq):
        if t.kind in _DATA:
            nxt = seq[i + 1] if i + 1 < len(seq) else None
            if (
                t.kind is not TokenKind.DATE
                and nxt is not None
                and nxt.kind is TokenKind.TEXT
                and nxt.text.isalpha()
                and nxt.text.islower()
                and len(nxt.text) >= 3
            ):
                continue
            return seq[:i], seq[i:]
    return seq, []


def _tail(toks: list[Token], start: int, out: RowFields, *, want_nature: bool) -> int:
    """D/I letter and nature text after the last number; returns the index of the last number."""
    last = -1
    for i in range(start, len(toks)):
        if toks[i].kind in _NUMERIC:
            last = i
    rest = toks[last + 1 :] if last >= 0 else toks[start:]
    if want_nature and last >= 0 and not any(t.text.strip("()[]|") in ("D", "I") for t in rest):
        # The D/I cell was lost (OCR): words after the last number are still the nature text.
        words = [w for w in rest if w.kind is TokenKind.TEXT]
        if any(sum(c.isalpha() for c in w.text) >= 2 for w in words):
            out["nature_of_ownership"] = FieldValue(join_text(words, ocr=True), words, 0.5)
        return last
    for j, t in enumerate(rest):
        letter = t.text.strip("()[]|")
        if letter in ("D", "I") and t.kind in (TokenKind.LETTER, TokenKind.TEXT):
            out["direct_or_indirect_ownership"] = FieldValue(letter, [t])
            if want_nature:
                words = [w for w in rest[j + 1 :] if w.kind is not TokenKind.FOOTNOTE]
                if words:
                    out["nature_of_ownership"] = FieldValue(join_text(words, ocr=True), words, 0.8)
            break
    return last


def drop_bare_marks(toks: list[Token]) -> list[Token]:
    """Tokens without a footnote mark that OCR printed as a bare number after an amount.

    Trap: OCR drops the parentheses of a mark glued to an amount (``3,472,220 (4) I`` is read as
    ``3,472,220 4 I``), and the mark, being the last number of the row, would become the amount
    owned. The form prints no cell holding a one- or two-digit integer right after an amount of
    column 4 or 5 (the price that may follow an amount carries ``$``, the amount owned follows
    the price), so a bare 1-2 digit integer that directly follows a plain number and is the row's
    last value is a mark.
    """
    last = max((k for k, t in enumerate(toks) if t.kind in _DATA), default=-1)
    if last < 1:
        return toks
    t, prev = toks[last], toks[last - 1]
    if (
        last >= 2
        and t.kind is TokenKind.NUMBER
        and _YEAR.match(t.text)
        and prev.kind is TokenKind.LETTER
        and prev.text == "I"
        and toks[last - 2].kind in _NUMERIC
    ):
        # "42,102 I 2010" / "Seed": the year of a fund name wrapped into the nature column
        # right after the D/I letter ("Venture 2010 Seed Fund") is nature text, not a value.
        t.kind = TokenKind.TEXT
        return toks
    if (
        t.kind is TokenKind.NUMBER
        and t.text.isdigit()
        and len(t.text) <= 2
        and prev.kind is TokenKind.NUMBER
        and (parse_number(prev.text) or 0) >= 100
    ):
        return toks[:last] + toks[last + 1 :]
    return toks


def _mark_before_letter(toks: list[Token], k: int) -> bool:
    """``993 2 |D $0 |6,274``: a bare 1-2 digit number right after the amount and right before the
    (A)/(D) letter is a footnote mark that lost its parentheses; the form prints no value between
    those two columns, and taken as a value it would become the price."""
    t = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (
        t.kind is TokenKind.NUMBER
        and t.text.isdigit()
        and len(t.text) <= 2
        and nxt is not None
        and nxt.kind is TokenKind.LETTER
        and nxt.text in ("A", "D")
    )


_LETTER_GAP = 3  # junk words OCR leaves between the (A)/(D) letter and the D/I letter (price, owned)


def _lone_amount_letter(toks: list[Token], start: int) -> int | None:
    """``2,248,637 | D ¢ M10 I By``: price and amount owned lost to OCR junk, the amount is the row's
    only number and two letters follow it; the first (right after the amount) is the (A)/(D) letter,
    the second the D/I letter. Without this the (A)/(D) letter is read as D/I. Index of the first."""
    nums = [k for k in range(start, len(toks)) if toks[k].kind in _NUMERIC]
    if len(nums) != 1 or nums[0] + 1 >= len(toks):
        return None
    k = nums[0] + 1
    if toks[k].kind is not TokenKind.LETTER or toks[k].text not in ("A", "D"):
        return None
    for j in range(k + 1, min(k + 2 + _LETTER_GAP, len(toks))):
        t = toks[j]
        if t.kind is TokenKind.LETTER and t.text in ("D", "I"):
            return k
        if t.kind is TokenKind.TEXT and sum(c.isalpha() for c in t.text) >= 3 and t.text.isalpha():
            return None  # a word: the nature text has begun
    return None


def parse_table_i(
    seq: list[Token], *, hint: Hint | None = None, ocr: bool = False, want_nature: bool = False
) -> RowFields:
    """Fields of a Table I row from the tokens after its title (nature too when ``want_nature``)."""
    toks = [t for t in seq if t.kind is not TokenKind.FOOTNOTE]
    if ocr:
        toks = drop_bare_marks(toks)
    out: RowFields = {}
    i = 0
    dates: list[Token] = []
    while i < len(toks) and toks[i].kind is TokenKind.DATE and len(dates) < 2:
        dates.append(toks[i])
        i += 1
    if dates:
        out["transaction_date"] = _date(dates[0])
    if len(dates) > 1:
        out["deemed_execution_date"] = _date(dates[1], 0.8)
    early_ad: Token | None = None  # an (A)/(D) letter printed before any number: the amount is lost
    while i < len(toks) and toks[i].kind not in _DATA:
        t = toks[i]
        c = code_letter(t, ocr=ocr)
        if "transaction_code" not in out and c is not None:
            out["transaction_code"] = FieldValue(c, [t], 0.9 if t.kind is TokenKind.LETTER else 0.6)
        elif ocr and "transaction_code" in out and t.kind is TokenKind.LETTER and t.text in ("A", "D"):
            early_ad = early_ad or t
        elif "transaction_code" in out and t.text in ("V", "(V)") and t.kind is not TokenKind.TEXT:
            out["equity_swap_involved"] = FieldValue(True, [t], 0.7)
        i += 1
    lone_ad = _lone_amount_letter(toks, i) if ocr and (dates or "transaction_code" in out) else None
    if lone_ad is not None:
        out["transaction_acquired_disposed_code"] = FieldValue(toks[lone_ad].text, [toks[lone_ad]], 0.7)
        toks = toks[:lone_ad] + toks[lone_ad + 1 :]
    last = _tail(toks, i, out, want_nature=want_nature)
    nums = [(k, t) for k, t in enumerate(toks[: last + 1]) if k >= i and t.kind in _NUMERIC]
    if not nums:
        return out
    is_tx = bool(dates) or "transaction_code" in out
    if not is_tx:
        out["shares_owned_following_transaction"] = _num(nums[-1][1])
        return out
    first_k, first = nums[0]
    rest = nums[1:]
    if early_ad is not None:
        # "J QM A $0 46,780 I": OCR lost the amount cell (or printed it on another line); the
        # (A)/(D) letter comes before the price, so every number left is price or amount owned.
        out["transaction_acquired_disposed_code"] = FieldValue(early_ad.text, [early_ad], 0.7)
        rest = nums
        first_k = i - 1
    elif first.kind is TokenKind.MONEY and rest:
        rest = nums  # amount lost (OCR): the dollar figure is the price
    else:
        out["transaction_shares"] = _num(first)
        if ocr and len(rest) >= 3 and rest[0][0] == first_k + 1 and _mark_before_letter(toks, rest[0][0]):
            rest = rest[1:]
    # The (A)/(D) letter sits between amount and price; some dumps print it after the price.
    for t in toks[first_k + 1 : last + 1] if early_ad is None and lone_ad is None else []:
        if t.kind is TokenKind.LETTER and t.text in ("A", "D"):
            out["transaction_acquired_disposed_code"] = FieldValue(t.text, [t])
            break
        if ocr and t.kind is TokenKind.TEXT and len(t.text) <= 4 and t.text[-1] in "AD":
            # "183 DIA": the footnote mark "(1)" read as "DI", then the letter.
            out["transaction_acquired_disposed_code"] = FieldValue(t.text[-1], [t], 0.6)
            break
    if len(rest) >= 2:
        out["transaction_price_per_share"] = _num(rest[0][1])
        out["shares_owned_following_transaction"] = _num(rest[-1][1])
    elif len(rest) == 1:
        t = rest[0][1]
        col = hint(t) if hint else None
        if col == "transaction_price_per_share" or (col is None and t.kind is TokenKind.MONEY):
            out["transaction_price_per_share"] = _num(t, 0.7)
        else:
            out["shares_owned_following_transaction"] = _num(t, 0.7)
    return out


def find_underlying_title(toks: list[Token], start: int = 0) -> tuple[int, int] | None:
    """``[start, end)`` of the first run of words after a value that reads like a security title.

    ``start``: where the search begins (after the transaction columns, when the caller found them).
    """
    seen_value = start > 0
    i = start
    while i < len(toks):
        t = toks[i]
        if t.kind in _DATA or t.kind is TokenKind.FOOTNOTE:
            seen_value = True
            i += 1
            continue
        if t.kind in (TokenKind.TEXT, TokenKind.LETTER) and seen_value:
            j = i
            while j < len(toks) and toks[j].kind in (TokenKind.TEXT, TokenKind.LETTER):
                j += 1
            words = [w.text for w in toks[i:j]]
            good = any(sum(c.isalpha() for c in w) >= 4 for w in words)
            if good and words[0].lower().strip("()") not in _PLACEHOLDER_WORDS:
                return i, j
            i = j
            continue
        i += 1
    return None


def parse_table_ii(
    pre: list[Token],
    post: list[Token],
    *,
    hint: Hint | None = None,
    ocr: bool = False,
    want_nature: bool = False,
    form3: bool = False,
) -> RowFields:
    """Fields of a Table II row: ``pre`` = tokens before the underlying title, ``post`` = after it.

    Form 3 prints dates, underlying title and amount, then the conversion price, D/I and nature.
    """
    out: RowFields = {}
    if ocr:
        post = drop_bare_marks(post)
    toks = [t for t in pre if t.kind is not TokenKind.FOOTNOTE or not t.footnotes]
    if form3:
        _exercise_dates(toks, out, hint)
        post_toks = [t for t in post if t.kind is not TokenKind.FOOTNOTE]
        last = _tail(post_toks, 0, out, want_nature=want_nature)
        nums = [t for t in post_toks[: last + 1] if t.kind in _NUMERIC]
        if nums and (nums[0].kind is TokenKind.NUMBER or len(nums) > 1):
            out["underlying_security_shares"] = _num(nums.pop(0))
        if nums:
            out["conversion_or_exercise_price"] = _num(nums[0], 0.8)
        return out
    # Standalone footnote marks stay in ``toks`` as placeholders (a "(1)" in the exercisable column).
    first_date = next((k for k, t in enumerate(toks) if t.kind is TokenKind.DATE), len(toks))
    code_k = None
    for k, t in enumerate(toks):
        if k > first_date and t.kind in _NUMERIC:
            break  # reached the amount column without a code: a holding, or the code was lost
        # OCR junk ("s2)", "CW.") is read as a code only after the transaction date.
        c = code_letter(t, ocr=ocr and k > first_date)
        if c is not None:
            out["transaction_code"] = FieldValue(c, [t], 0.9 if t.kind is TokenKind.LETTER else 0.6)
            code_k = k
            break
    lost_code = (
        ocr
        and code_k is None
        and first_date + 1 < len(toks)
        and toks[first_date + 1].kind is TokenKind.NUMBER
        and any(t.kind in _NUMERIC for t in post)
    )
    if lost_code:
        # OCR lost the code cell: a transaction date followed straight by an amount (a holding's
        # exercisable date is followed by the expiration date or the underlying title).
        code_k = first_date
    conv_end = min(first_date, code_k if code_k is not None else len(toks))
    for t in toks[:conv_end]:
        if t.kind in _NUMERIC:
            out["conversion_or_exercise_price"] = _num(t)
            break
    k = conv_end
    if code_k is not None:
        dates = [
            t for t in toks[first_date : code_k + 1 if lost_code else code_k] if t.kind is TokenKind.DATE
        ]
        if dates:
            out["transaction_date"] = _date(dates[0])
        if len(dates) > 1:
            out["deemed_execution_date"] = _date(dates[1], 0.8)
        k = code_k + 1
        if k < len(toks) and toks[k].text == "V" and toks[k].kind is TokenKind.LETTER:
            out["equity_swap_involved"] = FieldValue(True, [toks[k]], 0.7)
            k += 1
        amount_k = next((j for j in range(k, len(toks)) if toks[j].kind in _NUMERIC), None)
        if amount_k is not None:
            amount = toks[amount_k]
            out["transaction_shares"] = _num(amount)
            out["transaction_acquired_disposed_code"] = _acquired_or_disposed(toks, amount_k, out, hint)
            k = amount_k + 1
    _exercise_dates(toks[k:], out, hint)
    _post_ii(post, out, hint, want_nature)
    return out


def _acquired_or_disposed(toks: list[Token], amount_k: int, out: RowFields, hint: Hint | None) -> FieldValue:
    amount = toks[amount_k]
    col = hint(amount) if hint else None
    if col in ("acquired", "disposed"):
        return FieldValue("A" if col == "acquired" else "D", [amount], 0.85)
    for t in toks[amount_k + 1 : amount_k + 2]:
        if t.kind is TokenKind.LETTER and t.text in ("A", "D"):
            return FieldValue(t.text, [t], 0.9)
    code = out["transaction_code"].value if "transaction_code" in out else None
    return FieldValue("A" if code in ACQUIRING_CODES else "D", [amount], 0.6)


def _exercise_dates(toks: list[Token], out: RowFields, hint: Hint | None) -> None:
    dates = [t for t in toks if t.kind is TokenKind.DATE]
    if len(dates) >= 2:
        out["exercise_date"] = _date(dates[0])
        out["expiration_date"] = _date(dates[1])
        return
    if not dates:
        return
    d = dates[0]
    col = hint(d) if hint else None
    if col in ("exercise_date", "expiration_date"):
        out[col] = _date(d, 0.85)
        return
    idx = toks.index(d)
    before = [t for t in toks[:idx] if t.kind in (TokenKind.TEXT, TokenKind.NA, TokenKind.FOOTNOTE)]
    after = [t for t in toks[idx + 1 :] if t.kind in (TokenKind.TEXT, TokenKind.NA)]
    if after and not before:
        out["exercise_date"] = _date(d, 0.6)
    else:
        out["expiration_date"] = _date(d, 0.6 if not before else 0.8)


def _post_ii(post: list[Token], out: RowFields, hint: Hint | None, want_nature: bool) -> None:
    toks = [t for t in post if t.kind is not TokenKind.FOOTNOTE]
    last = _tail(toks, 0, out, want_nature=want_nature)
    nums = [t for t in toks[: last + 1] if t.kind in _NUMERIC]
    if not nums:
        return
    if nums[0].kind is TokenKind.NUMBER or len(nums) >= 3:
        out["underlying_security_shares"] = _num(nums[0])
        nums = nums[1:]
    if len(nums) >= 2:
        out["transaction_price_per_share"] = _num(nums[0])
        out["shares_owned_following_transaction"] = _num(nums[-1])
    elif len(nums) == 1:
        t = nums[0]
        col = hint(t) if hint else None
        if col == "transaction_price_per_share" or (col is None and t.kind is TokenKind.MONEY):
            out["transaction_price_per_share"] = _num(t, 0.7)
        else:
            out["shares_owned_following_transaction"] = _num(t, 0.7)


def set_text(out: RowFields, key: str, tokens: list[Token], conf: float = 0.9, *, ocr: bool = False) -> None:
    """Words of a text column (sorted top to bottom, left to right) as the value of ``key``."""
    tokens = sorted(tokens, key=lambda t: (t.line, t.x0))
    words = [t for t in tokens if t.kind is not TokenKind.FOOTNOTE]
    text = join_text(words, ocr=ocr)
    if text:
        out[key] = FieldValue(text, words, conf)
