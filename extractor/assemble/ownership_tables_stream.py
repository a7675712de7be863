"""Tables printed one cell per line, in an order of their own (plain ``pdftotext``).

Plain ``pdftotext`` (content-stream order) prints a table one cell per line, in an order of its
own: the header captions the first data row shares a block with come *after* that row's numbers,
and the first row's title, date and code come after all rows (``A / 993(1) / A / $0 / 7,267 /
D ... 1.Title of Security ... Class A Common Stock / 04/13/2022``). Such a table is read as a
token stream: caption lines are dropped wherever they sit, each row ends at its D/I letter (plus
the nature text after it), and cells printed away from their row fill the rows lacking them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from extractor.assemble.ownership_tables_fields import FieldValue
from extractor.layout.cells import Token, TokenKind
from extractor.layout.lines import Line

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
    if words == ["or", "indirect"]:
        # the ruled print's narrow column 6 wraps "Direct (D) / or Indirect / (I)": no nature
        # entry reads "or Indirect", and taken as text it hides the D/I letter that follows
        return True
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
    # "$ (3) 1,108,509 (2)" (a price given only by a footnote, then the amount owned) tokenizes as
    # "$" with the mark and the number: a "price" item and a "num" item below.
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


def _join_dollars(items: list[_Item], *, around_title: bool = False) -> list[_Item]:
    """``$`` printed on one line and its price on the next (``$`` / ``25.0017(3)``).

    With ``around_title`` (Table II), a derivative's title may wrap around its conversion price, one
    title line between the ``$`` and the amount (``American $`` / ``Depositary 17.3509``).
    """
    out: list[_Item] = []
    for it in items:
        if it.kind == "num" and out and out[-1].kind == "dollar":
            out[-1] = _Item("price", it.tokens)
        elif (
            around_title
            and it.kind == "num"
            and len(out) >= 2
            and out[-2].kind == "dollar"
            and out[-1].kind in ("title", "text")
            and out[-1].tokens[0].line == it.tokens[0].line
        ):
            out[-2] = _Item("price", it.tokens)
        else:
            out.append(it)
    return [i for i in out if i.kind != "dollar"]


def _is_anchor(items: list[_Item], i: int) -> bool:
    """A D/I letter after the amount owned (not the A/D letter of the amount acquired)."""
    it = items[i]
    if it.kind != "letter" or it.tokens[0].text not in ("D", "I") or i == 0 or items[i - 1].kind != "num":
        return False
    nxt = items[i + 1] if i + 1 < len(items) else None
    if nxt is not None and nxt.kind == "price" and it.tokens[0].text == "D":
        # ``16,862 D`` / ``$`` / ``210.174``: the A/D letter (an I never is one)
        return False
    after = items[i + 2] if i + 2 < len(items) else None
    return _has_ad_pair(items, i - 1) or not (
        nxt is not None
        and nxt.kind == "num"
        and after is not None
        and after.kind == "letter"
        and after.tokens[0].text in ("D", "I")
    )


def _has_ad_pair(items: list[_Item], i: int) -> bool:
    """An amount and its A/D letter (``1,640 A``, one line) among the few cells of this row before
    ``items[i]``: the row's A/D letter is taken, so a D after a later amount is its D/I letter
    (``1,640 A`` / ``M`` / ``9,948 D`` / ``53,602`` / ``I``, the next row's amount and letter)."""
    for k in range(i - 1, max(0, i - 8), -1):
        it = items[k]
        if it.kind == "title" or (it.kind == "letter" and it.tokens[0].text == "I"):
            return False
        prev = items[k - 1]
        if (
            it.kind == "letter"
            and it.tokens[0].text in ("A", "D")
            and prev.kind == "num"
            and prev.tokens[0].line == it.tokens[0].line
        ):
            return True
    return False


def _is_displaced_anchor(items: list[_Item], i: int, cur: list[_Item]) -> bool:
    """A D/I letter right after a title, followed by the next row's amount and D/I letter, while the
    cells before that title (a row of its own: a date and amounts) have no D/I letter yet."""
    it = items[i]
    return (
        it.kind == "letter"
        and it.tokens[0].text in ("D", "I")
        and len(cur) >= 3
        and cur[-1].kind == "title"
        and i + 2 < len(items)
        and items[i + 1].kind == "num"
        and _is_anchor(items, i + 2)
        and any(c.kind == "date" for c in cur[:-1])
        and any(c.kind == "num" for c in cur[:-1])
    )


def _segments(items: list[_Item]) -> tuple[list[list[_Item]], list[_Item]]:
    """Row segments (each ends at its D/I letter and nature text) and the trailing leftovers."""
    rows: list[list[_Item]] = []
    cur: list[_Item] = []
    i = 0
    while i < len(items):
        if _is_displaced_anchor(items, i, cur):
            # ``... / $ / 11,424 / 40.93 / M / Common Stock / D / 1,127,160 / I``: the row's D/I
            # letter printed after the next row's title; the letter follows the amount owned
            body = cur[:-1]
            last = max(k for k, it in enumerate(body) if it.kind == "num")
            head, tail = body[:last], body[last + 1 :]
            if head and head[-1].kind == "price":
                # keep ``price / amount owned`` together for ``_unswap_price``
                head, tail = head[:-1], [*tail, head[-1]]
            rows.append([*head, *tail, body[last], items[i]])
            cur = [cur[-1]]
            i += 1
            continue
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
    """Cells before a segment's last title belong to an earlier row (``Title date A A $0 Title ...``).

    So does a price opening a segment whose row prints a price of its own after its title: the row
    above printed its price below its nature (``... / I`` / ``Sequoia Capital ... (2)`` / ``$0`` /
    ``(3)`` / ``Common Stock`` / ``03/01/2024`` / ... / ``$0`` / ``6,019,273`` / ``I``).
    """
    titles = [k for k, it in enumerate(seg) if it.kind == "title"]
    if len(titles) >= 2:
        return seg[: titles[-1]], seg[titles[-1] :]
    first = titles[0] if titles else 0
    own_price = any(it.kind == "price" for it in seg[first:])
    if first > 0 and own_price and all(it.kind == "price" for it in seg[:first]):
        return seg[:first], seg[first:]
    return [], seg


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
        out["nature_of_ownership"] = _fv(nature, _nature_words(nature))
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
        elif it.kind == "letter" and it.tokens[0].text != "V":
            # the code printed after the amount (``11,424 A`` / ``$`` / ... / ``M``): a letter
            # that is not A/D is the code
            out.setdefault("transaction_code", _fv([it], it.tokens[0].text))
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


def _nature_words(items: list[_Item]) -> str:
    """A nature entry's words, the hyphen plain pdftotext drops at a line break put back.

    pdftotext joins a word broken after a hyphen (``2010-`` / ``Seed Fund``) into ``2010Seed``; a
    number glued to a capitalized word is that join (``Venture 2010Seed Fund`` -> ``2010-Seed``).
    """
    words = " ".join(_strip_marks(it.text or it.tokens[0].text) for it in items)
    return re.sub(r"(?<=\d)(?=[A-Z][a-z])", "-", words)


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


def _first_row_tx_cells(items: list[_Item]) -> list[_Item]:
    """EDGAR's ruled print (3-row caption grid): the stream opens with the first row's amount owned
    and D/I letter (``12,263 / D``), the other rows follow, and only after the "2. Transaction ..."
    captions come that first row's date, code, amount, price and A/D letter (``10/01/2021 / 57(1) /
    $0 / A / A``), then its nature text. Left in place, that run would join the next row's segment
    (or be dropped as leftovers) and the first row would read as a holding; it is moved in front of
    the first row. Nothing moves unless the stream opens with ``amount / D|I`` and a run holding
    exactly one date and an amount follows."""
    if len(items) < 4 or not _is_anchor(items, 1):
        return items
    start = next((k for k in range(2, len(items)) if items[k].kind == "date"), None)
    if start is None:
        return items
    end = start
    while end < len(items) and items[end].kind in ("date", "letter", "num", "price"):
        # the next row's amount owned and D/I letter end the run
        if items[end].kind == "num" and end + 1 < len(items) and _is_anchor(items, end + 1):
            break
        end += 1
    run = items[start:end]
    if sum(it.kind == "date" for it in run) != 1 or not any(it.kind == "num" for it in run):
        return items
    amount = next(k for k, it in enumerate(run) if it.kind == "num")
    after = [k for k, it in enumerate(run) if it.kind == "letter" and k > amount]
    if not any(it.kind == "letter" for it in run[:amount]) and len(after) >= 2:
        # "57(1) / $0 / A / A": the code printed after the amount; the A/D letter is the last
        # letter, so the code is the other one (a code like "S" never reads as A/D)
        code = after[0] if run[after[-1]].tokens[0].text in ("A", "D") else after[-1]
        run = [run[code], *(it for k, it in enumerate(run) if k != code)]
    nature: list[_Item] = []
    # a first row printed with its own nature (``0 / I / See Footnote (4)``) leaves the late text
    # to a later row (an orphan nature, see ``_orphan_natures``)
    if items[1].tokens[0].text == "I" and items[2].kind != "text":
        while end + len(nature) < len(items) and items[end + len(nature)].kind == "text":
            nature.append(items[end + len(nature)])
    tail = items[end + len(nature) :]
    return [*run, items[0], items[1], *nature, *items[2:start], *tail]


def read_cell_stream(
    lines: list[Line], label: int, stop: int, *, form3: bool = False
) -> list[tuple[RowCells, bool]] | None:
    """Table I rows of a one-cell-per-line dump whose captions follow data; None when not such a dump.

    A Form 3 table prints all its captions first (``Common Shares`` / ``891,520`` / ``I`` / ``See
    Footnote (1)``), so there the sign is each row's D/I letter standing on a line of its own.
    """
    found = _stream_items(lines, label, stop)
    if found is None or not (found[1] or form3):
        return None
    segments, pool = _segments(_first_row_tx_cells(found[0]))
    if not segments:
        return None
    if form3 and (found[1] or _lone_letters(lines, label, stop) < len(segments)):
        return None
    segments = _pair_interleaved(segments)
    rows: list[dict[str, FieldValue]] = []
    orphans: list[tuple[int, list[_Item]]] = []
    for seg in segments:
        lead, seg = _leading_nature(seg)
        if lead:
            orphans.append((len(rows), lead))
        early, own = _split_leftovers(seg)
        late_nature = _nature_run(early)
        if late_nature:
            orphans.append((len(rows), late_nature))
        pool = [*pool, *early]
        rows.append(_read_segment(_unswap_price(own)))
    # the trailing cells may hold a nature too (``$0`` / ``Class A Common Stock`` / ``By ...``)
    tail_nature = _nature_run(pool)
    if tail_nature:
        orphans.append((len(rows), tail_nature))
    _fill_from_leftovers(rows, pool)
    _orphan_natures(rows, orphans)
    return [(r, "transaction_shares" in r or "transaction_date" in r) for r in rows]


# the words a nature entry opens with ("See Footnote (5)", "By Trust", "Held through ...")
_NATURE_START = re.compile(r"^\s{0,4}(?:see|by|through|held|footnote)\b", re.I)


def _leading_nature(seg: list[_Item]) -> tuple[list[_Item], list[_Item]]:
    """Nature text opening a row's segment before its title: an earlier row's nature printed late.

    A row whose D/I letter is ``D`` ends its segment at the letter, so the nature of an indirect row
    above that plain pdftotext printed after it (``... / D`` / ``See Footnote (5)`` / ``Series D
    Convertible Preferred Stock`` / ...) opens the next row and would read as its title or nature.
    """
    k = 0
    while k < len(seg) and seg[k].kind == "text" and _NATURE_START.match(seg[k].text):
        k += 1
    if k == 0 or k >= len(seg) or seg[k].kind != "title":
        return [], seg
    return seg[:k], seg[k:]


def _nature_run(items: list[_Item]) -> list[_Item]:
    """The first run of text items opening with a nature word (``By Rivendell`` / ``One LLC (2)``)."""
    start = next(
        (k for k, it in enumerate(items) if it.kind == "text" and _NATURE_START.match(it.text)), None
    )
    if start is None:
        return []
    end = start + 1
    while end < len(items) and items[end].kind == "text":
        end += 1
    return items[start:end]


def _orphan_natures(rows: list[dict[str, FieldValue]], orphans: list[tuple[int, list[_Item]]]) -> None:
    """Each orphan nature goes to the nearest row above it that is indirect and lacks a nature."""
    for at, items in orphans:
        for row in reversed(rows[:at]):
            di = row.get("direct_or_indirect_ownership")
            if di is not None and di.value == "I" and "nature_of_ownership" not in row:
                row["nature_of_ownership"] = _fv(items, _nature_words(items))
                break


def _lone_letters(lines: list[Line], label: int, stop: int) -> int:
    """Lines of the table body that hold only a D/I letter."""
    return sum(line.text.strip() in ("D", "I") for line in lines[label + 1 : min(stop, label + 600)])


def _pair_interleaved(segments: list[list[_Item]]) -> list[list[_Item]]:
    """Rows whose heads were printed together, then their tails.

    Plain pdftotext may print the left half of two rows (title, date, code, amount), then both right
    halves (A/D letter, price, amount owned, D/I letter, nature)::

        Class A Common Stock / 05/27/2021 / C (5) / 258,628 /          <- head of row 1
        Class A Common Stock / 05/27/2021 / J (1) / 2,248,637 D /      <- head of row 2
        A / $ (5) 258,628 / I / By Sequoia ...                         <- tail of row 1
        $ (1) 0 / I / By Sequoia ...                                   <- tail of row 2

    The ``D`` of row 2's ``2,248,637 D`` reads as a D/I letter, so the segment ends there and each
    tail is a segment of its own (else the first tail closes the heads' segment). A segment with k
    heads (a title, one date, one amount each; the last one keeps what its amount's line holds)
    followed by as many tail segments (neither title nor date) as it lacks is cut into k rows,
    head i with tail i.
    """
    out: list[list[_Item]] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        paired = _pair_heads(seg, segments[i + 1 :])
        skip = 1
        if paired is None and i + 1 < len(segments) and _is_bare_head(seg):
            # the first head's A/D letter (``2,456,346 D``, then the next row's title) closed a
            # segment of its own: the heads are this segment and the next one
            paired = _pair_heads(seg + segments[i + 1], segments[i + 2 :])
            skip = 2
        if paired is None:
            out.append(seg)
            i += 1
            continue
        out.extend(paired[0])
        i += skip + paired[1]
    return out


def _is_bare_head(seg: list[_Item]) -> bool:
    """Title, date, code and amount ending in a letter printed on the amount's line, no price."""
    return (
        len(seg) >= 3
        and seg[0].kind == "title"
        and _is_head(seg)
        and seg[-2].kind == "num"
        and seg[-1].tokens[0].line == seg[-2].tokens[0].line
        and not any(it.kind == "price" for it in seg)
    )


def _pair_heads(seg: list[_Item], after: list[list[_Item]]) -> tuple[list[list[_Item]], int] | None:
    """The rows of a segment of k heads and the number of following segments used; None if not one."""
    titles = [k for k, it in enumerate(seg) if it.kind == "title"]
    if len(titles) < 2:
        return None
    heads = [seg[a:b] for a, b in itertools.pairwise(titles)]
    amount = next((k for k in range(titles[-1], len(seg)) if seg[k].kind == "num"), None)
    if amount is None:
        return None
    end = amount + 1
    while end < len(seg) and seg[end].tokens[0].line == seg[amount].tokens[0].line:
        end += 1
    heads.append(seg[titles[-1] : end])
    if not all(_is_head(h) for h in heads):
        return None
    own = seg[end:]
    tails = [own] if any(it.kind == "num" for it in own) else []
    if own and not tails:
        return None
    used = len(heads) - len(tails)
    tails += after[:used]
    if len(tails) != len(heads) or any(it.kind in ("title", "date") for t in tails for it in t):
        return None
    return [h + t for h, t in zip(heads, tails, strict=True)], used


def _is_head(items: list[_Item]) -> bool:
    """Title, one date and one amount: the left half of a transaction row."""
    return sum(it.kind == "date" for it in items) == 1 and sum(it.kind == "num" for it in items) == 1


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

_DERIV_END = re.compile(r"^\s{0,8}(?:Reporting Owner|Explanation of Responses|Signatures)\b", re.I)
# The next section's heading alone on its line. Plain pdftotext may print it among the last cells of
# a short table (``(Class A)`` / ``Reporting Owners`` / ``06/17/2019`` / ``A`` / ... / ``D``), so it
# ends the table only when no row's D/I letter follows it.
_OWNERS_HEADING = re.compile(r"^\s{0,8}Reporting Owners\s{0,4}$", re.I)
# the owners table's column captions, which plain pdftotext may print right after the last row's
# nature (``See Footnote (23)`` / ``Director`` / ``10% Owner`` / ``X`` / ``Reporting Owners``)
_OWNER_CAPTION = re.compile(r"^\s{0,8}(?:Relationships|Director|10% Owner|Officer|Other)\s{0,4}$")
_SLOT_KINDS = frozenset({"date", "mark"})


def _owner_caption(lines: list[Line], i: int) -> bool:
    """An owners-table caption line next to another one (``Director`` / ``10% Owner``); one alone
    may be a title's first word (``Director`` / ``Stock Option (right to buy)``)."""
    if not _OWNER_CAPTION.match(lines[i].text):
        return False
    near = [ln for ln in lines[max(0, i - 2) : min(len(lines), i + 3)] if ln.text.strip() and ln.index != i]
    return any(_OWNER_CAPTION.match(ln.text) for ln in near)


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
    heading: tuple[int, int] | None = None  # items and lone letters read before the owners heading
    for line in lines[label + 1 : min(len(lines), label + 600)]:
        if _OWNERS_HEADING.match(line.text):
            if heading is not None:
                break
            heading = (len(items), lone)
            continue
        if line.index >= stop and heading is None:
            break
        lone += line.text.strip() in ("D", "I")
        if _STREAM_END.search(line.text) or _DERIV_END.search(line.text):
            break
        if not line.text.strip() or _owner_caption(lines, line.index):
            continue
        after_caption = _deriv_caption(line.text, after_caption)
        if after_caption:
            continue
        items.extend(_deriv_line_items(tokenize_line(line), line.text))
    if heading is not None and not any(_is_deriv_anchor(items, k) for k in range(heading[0], len(items))):
        items, lone = items[: heading[0]], heading[1]
    return _join_dollars(items, around_title=True), lone


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
        out["nature_of_ownership"] = _fv(nature, _nature_words(nature))
    tails = [it for it in seg[anchor + 1 :] if it.kind == "tail"]
    body = seg[:anchor]
    if not form3 and body[-1].kind == "num":
        out["shares_owned_following_transaction"] = _fv([body[-1]], parse_number(body[-1].tokens[0].text))
        body = body[:-1]
    # the derivative's title: words before the first date / mark / code / amount
    first = next((k for k, it in enumerate(body) if it.kind in ("date", "mark", "num", "letter")), len(body))
    if _underlying_around_amount(body, first):
        first = 0
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


_CLASS_PHRASE = re.compile(r"^(?:Class|Series)\s[A-Z0-9]{1,2}$")


def _underlying_around_amount(body: list[_Item], first: int) -> bool:
    """A holding's only words before its first value are a bare class (``Class A``) printed on the
    line of an amount, the title's nouns after it (``Class A 2,962,961`` / ``Common`` / ``Stock``):
    that is the underlying title wrapped around the underlying amount (column 7), not the
    derivative's title, whose neighbour is the conversion price."""
    if first != 1 or first >= len(body) or body[0].kind != "text" or not _CLASS_PHRASE.match(body[0].text):
        return False
    amount = body[first]
    return (
        amount.kind == "num"
        and amount.tokens[0].line == body[0].tokens[-1].line
        and first + 1 < len(body)
        and bool(_WRAP_CLOSE.match(body[first + 1].text))
        and not any(it.kind in ("letter", "date", "price", "mark") for it in body)
    )


def _split_deriv_heads(segments: list[list[_Item]]) -> list[list[_Item]]:
    """Rows whose left columns (title, exercise and expiration slots) were printed together.

    Plain pdftotext may print the derivative title and both date slots of the next rows inside the
    first row, their underlying title, amount, price and D/I letter later, each closing a segment::

        Class B Common Stock / (17) / (17) / Class A / Common Stock /     <- row 1 (head, underlying)
        Class B Common Stock / (17) / (17) /                              <- head of row 2
        Class B Common Stock / (17) / (17) /                              <- head of row 3
        13,031,306 / $ (17) / D /                                         <- row 1's tail
        Class A / Common Stock / 2,565,601 / $ (17) / I / See Footnote    <- row 2's tail
        Class A / Common Stock / 7,818,526 / $ (17) / I / See Footnote    <- row 3's tail

    A segment opening with k heads (a whole title, then two slots) followed by k-1 segments that
    hold no slot at all gives head i to segment i.
    """
    out: list[list[_Item]] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        heads = [
            k
            for k in range(len(seg) - 2)
            if seg[k].kind == "title"
            and " " in seg[k].text
            and seg[k + 1].kind in _SLOT_KINDS
            and seg[k + 2].kind in _SLOT_KINDS
        ]
        later = segments[i + 1 : i + len(heads)]
        if (
            len(heads) < 2
            or heads[0] != 0
            or len(later) != len(heads) - 1
            or any(it.kind in _SLOT_KINDS for s in later for it in s)
        ):
            out.append(seg)
            i += 1
            continue
        moved = {k + d for k in heads[1:] for d in range(3)}
        out.append([it for k, it in enumerate(seg) if k not in moved])
        out.extend(seg[k : k + 3] + s for k, s in zip(heads[1:], later, strict=True))
        i += len(heads)
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
    segments, rest = _deriv_segments(items)
    # the converter's sign: each D/I letter a line of its own (every cell its own text block);
    # column dumps and OCR print it at the end of its row's line
    if not segments or 2 * lone < len(segments):
        return None
    rows: list[dict[str, FieldValue]] = []
    orphans: list[tuple[int, list[_Item]]] = []
    for seg in _split_deriv_heads(segments):
        lead, seg = _leading_nature(seg)
        if lead:
            orphans.append((len(rows), lead))
        rows.append(_read_deriv_segment(seg, form3))
    _give_stray_titles(rows)
    _orphan_natures(rows, orphans)
    _fill_late_underlying(rows[-1], rest)
    return [(r, "transaction_code" in r) for r in rows]


_UNDERLYING_KEYS = (
    "exercise_date",
    "expiration_date",
    "underlying_security_title",
    "underlying_security_shares",
)


def _fill_late_underlying(row: dict[str, FieldValue], rest: list[_Item]) -> None:
    """Columns 6 and 7 of the last row printed after its D/I letter.

    Plain pdftotext may print the baseline holding the exercise and expiration dates and the
    underlying title and amount after every other cell of a short table: ``... $ / 6.09 (2) / 2,565
    / D / Amount / or / Number / of / Shares / 04/13/2018 (1) 04/12/2028 Common 2,565 / Stock``.
    The caption words before them (``Amount or Number of Shares``) are dropped; only keys the row
    lacks are filled, and only when the cells hold a date or a date's footnote slot.
    """
    cells = list(rest)
    while cells and cells[0].kind in ("title", "text") and _only_caption_words(cells[0].text):
        cells.pop(0)
    if not any(it.kind in _SLOT_KINDS for it in cells) or any(k in row for k in _UNDERLYING_KEYS):
        return
    late: dict[str, FieldValue] = {}
    _read_underlying(cells, [], late, tx=False)
    for key in _UNDERLYING_KEYS:
        if key in late:
            row[key] = late[key]


def _only_caption_words(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and all(w in _DERIV_CAPTION_WORDS for w in words)
