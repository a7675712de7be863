"""Security-title repair: snap an OCR-damaged title to a clean printing of the same document.

Runs after ``check_consensus``, which only merges near-identical printings. OCR damages narrow, wrapped title
cells in ways an edit budget cannot see:

- two lines of one cell interleaved (``Cl AC Stock ass ommon Stoc`` for ``Class A Common Stock``);
- the words of a wrapped cell read out of order (``Stock Common``, ``Stock Class A Common``);
- a neighbour cell's words joined to the title (``Sequoia Class A Common Stock``, ``Stock Option (right to
  $9-51 buy)``, ``... par value common``);
- a cut or garbled word (``Class A Common Stoc``, ``Stock Pee (right to buy)``, ``commen``, ``Gros``).

A title is *valid* when every word belongs to the general vocabulary of security titles (written from
domain knowledge below) and it ends on a head word (``Stock``, ``Units``, ``(right to buy)``, ``par value``).
Only an invalid value is touched, and only by a valid title printed in the same document (another cell of
the title family, or a capitalised title phrase of the footnotes): a repair picks a better printing, it
never writes new text.

Traps: ``Class A`` / ``Class B`` and ``Series A`` / ``Series B`` differ by one letter and are both correct. A
value that lost its letter (``Series Preferred Stock``, ``ass ommon Stoc``) is explained equally well by
each lettered candidate: a repair needs one unambiguous best candidate, else the value stays. A cut last
word (``Stoc``) is also typed so in some filers' XML and printed so in clean text: the repair of a value
whose only fault is a cut word needs evidence of OCR damage elsewhere in the document.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from extractor.checks.context import CheckContext
from extractor.checks.printed_words import TABLES, footnote_text
from extractor.people.distance import within_edits
from extractor.records import OwnershipFiling

WHY = "OCR-damaged title; printed cleanly elsewhere in the filing"
FIELDS = ("security_title", "underlying_security_title")

# General vocabulary of security titles on Forms 3/4/5 (domain knowledge, not read from any filing).
_VOCABULARY_WORDS = """
    class series common preferred ordinary stock stocks share shares unit units interest interests
    option options right rights to buy sell purchase acquire restricted performance deferred phantom
    warrant warrants convertible exchangeable redeemable participating voting non-voting nonvoting
    non junior senior subordinated secured note notes debenture debentures bond bonds
    american depositary depository receipt receipts ads adr adss adrs par value no per
    limited partnership partner partners llc lp membership member profits incentive ltip op operating
    employee director non-qualified nonqualified qualified iso nso nqso award awards grant
    rsu rsus psu psus sar sars appreciation equity capital beneficial trust call put subscription
    contingent vested unvested of the and or in a an into for with
"""
VOCABULARY = frozenset(_VOCABULARY_WORDS.split())
# Words a title may end on (a noun of the security, or the end of a standard phrase).
_HEAD_WORDS = """
    stock stocks share shares unit units interest interests option options right rights warrant warrants
    note notes debenture debentures bond bonds receipt receipts ads adr adss adrs value buy sell
    purchase acquire award awards rsu rsus psu psus sar sars equity grant
"""
HEADS = frozenset(_HEAD_WORDS.split())
# Words a title never starts with: prose around a title (``The Series B Preferred Stock is ...``).
_LINKS = frozenset({"the", "an", "of", "and", "or", "in", "into", "for", "with", "to", "per", "no"})
_STRIP = "()[]{},.;:\"'“”‘’|"
# A number printed in a title: a series (``D-1``, ``A2``) or a par value amount (``$0.0001``, only before
# ``par``, see ``_drop_strays``). Anything else with a digit (``$9-51``, ``gg4``, ``10/08/2030``) is a
# neighbour cell's value.
_SERIES = re.compile(r"[A-Z]-?\d{1,2}")
_AMOUNT = re.compile(r"\$?\d*\.\d+|\$\d+")
_RATE = re.compile(r"\d+(?:\.\d+)?%")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_PART = re.compile(r"\d/|/\d")
# Words followed by the name of one series or class of a security (``Series Seed-1``, ``Class AA-1``).
_NAMED_BY = frozenset({"series", "class"})
# Standard phrases of the form (domain knowledge): a value one or two OCR-damaged words away from one of
# them is that phrase even when the filing prints it once only (``Stock Option (ght to buy)``).
STANDARD_TITLES = (
    "Stock Option (right to buy)",
    "Stock Option (right to sell)",
    "Employee Stock Option (right to buy)",
    "Non-Qualified Stock Option (right to buy)",
    "Incentive Stock Option (right to buy)",
    "Restricted Stock Units",
    "Performance Stock Units",
    "Common Stock",
    "Class A Common Stock",
    "Class B Common Stock",
    "Class C Common Stock",
    "Ordinary Shares",
    "American Depositary Shares",
    "Warrants (right to buy)",
)
# Glyph debris that clean text does not print: evidence that the document went through OCR.
_OCR_GLYPHS = re.compile(r"[{}°«»¢]|\b[A-Z]\.[a-z]\b|\b[a-z]+[A-Z][a-z]*\b")
# Footnote phrases that are titles: a run of capitalised vocabulary words (``Class A Common Stock``).
_CAP_RUN = re.compile(r"(?:[A-Z][\w-]{0,30}\s){1,5}[A-Z][a-z]{1,30}")
MIN_COVERAGE = 0.5  # share of the candidate's letters a damaged value must print, unless it is the only one


def _key(word: str) -> str:
    return word.strip(_STRIP).casefold()


def _keys(value: str) -> list[str]:
    # A slash joins the cells of a date run to a title (``10/08/2030;/Common``); titles never print one.
    return [k for k in (_key(w) for w in value.replace("/", " ").split()) if k]


def _same_title_key(value: str) -> tuple[str, ...]:
    """Words of a title without case, punctuation and plural ``s``: equal for printings of one title."""
    return tuple(k[:-1] if len(k) > 3 and k.endswith("s") else k for k in _keys(value))


def _is_class_letter(key: str) -> bool:
    return len(key) == 1 and key.isalpha()


def _vocab(key: str) -> bool:
    return (
        key in VOCABULARY
        or _is_class_letter(key)
        or bool(_SERIES.fullmatch(key.upper()) or _AMOUNT.fullmatch(key) or _RATE.fullmatch(key))
    )


def is_valid_title(value: str) -> bool:
    """Every word is title vocabulary and the title ends on a head word or a closing parenthesis."""
    keys = _keys(value)
    if not keys or keys[0] in _LINKS or not all(_vocab(k) for k in keys):
        return False
    if _scrambled(keys):
        return False
    last = value.rstrip()
    return keys[-1] in HEADS or (last.endswith(")") and keys[-1] not in {"a", "of", "to", "the"})


# Words that open a title's class name: a title never prints one right after ``Stock``.
_OPENERS = frozenset({"common", "preferred", "class", "series"})


def _scrambled(keys: list[str]) -> bool:
    """Vocabulary words in an order no title prints: the lines of two stacked cells read across
    (``Class B Stock Common Stock`` from ``Class B`` / ``Preferred Stock Common`` / ``Stock``) or a
    word of a wrapped cell read twice (``Class A Common Common Stock``)."""
    return any(a == b or (a == "stock" and b in _OPENERS) for a, b in itertools.pairwise(keys))


def _distinguishing(keys: list[str]) -> frozenset[str]:
    """Class/series letters and numbers: what tells two securities of one issuer apart."""
    return frozenset(k for k in keys if _is_class_letter(k) or any(ch.isdigit() for ch in k))


def _letters(keys: list[str]) -> Counter[str]:
    return Counter(ch for k in keys for ch in k if ch.isalnum())


def _coverage(vkeys: list[str], ckeys: list[str]) -> float:
    """Share of the candidate's letters that the value prints (as multisets: order is OCR's to lose)."""
    cand = _letters(ckeys)
    total = sum(cand.values())
    return sum((cand & _letters(vkeys)).values()) / total if total else 0.0


def _explains(word: str, ckeys: list[str], flat: str) -> bool:
    """A value word is a piece of the candidate: one of its words, a fragment of its letters
    (``ommon``, ``AC`` across ``A Common``), or a damaged word (``commen``, ``Stoc``)."""
    if word in ckeys or (len(word) >= 2 and word in flat):
        return True
    if len(word) < 4:
        return False
    return any(len(c) >= 4 and within_edits(word, c, len(c) // 3) is not None for c in ckeys)


@dataclass(frozen=True)
class _Fit:
    cand: str
    score: float
    low: bool  # explained only weakly (little coverage): acceptable from a sole candidate only
    junk: int = 0  # value words the candidate cannot explain


def _strip_strays(vkeys: list[str], ckeys: list[str]) -> list[str]:
    """Drop numbers a title does not print (a price or date of the neighbour cell); never the name after
    ``Series``/``Class`` (``Seed-1``), which tells the security apart."""
    return [
        k
        for i, k in enumerate(vkeys)
        if not any(ch.isdigit() for ch in k) or k in ckeys or (i > 0 and vkeys[i - 1] in _NAMED_BY)
    ]


def _embedded(vkeys: list[str], ckeys: list[str], pool_keys: list[list[str]]) -> bool:
    """``v = junk + c + junk``: the candidate's words contiguous in the value, the junk a neighbour's text.

    The word before the candidate must not be title vocabulary (``Class B`` + ``Common Stock`` is another
    security, not junk), nor the name after ``Series``/``Class`` (``Class AA-1`` + ``Common Stock``); what
    follows may be junk or the start of another title (``... Stock Class``).
    """
    n = len(ckeys)
    for i in range(len(vkeys) - n + 1):
        if vkeys[i : i + n] != ckeys:
            continue
        before, after = vkeys[:i], vkeys[i + n :]
        if before and (_vocab(before[-1]) or (len(before) >= 2 and before[-2] in _NAMED_BY)):
            continue
        rest = [k for k in after if _vocab(k)]
        if not rest or any(p[: len(rest)] == rest for p in pool_keys):
            return True
    return False


def _lead(vkeys: list[str]) -> list[str]:
    """The value's leading title words when they hold a class/series letter and everything after them is
    garbage (no title word); else empty."""
    k = 0
    while k < len(vkeys) and _vocab(vkeys[k]):
        k += 1
    lead, rest = vkeys[:k], vkeys[k:]
    if len(lead) < 2 or not rest or not _distinguishing(lead):
        return []
    return lead


def _fit(value: str, cand: str, pool_keys: list[list[str]]) -> _Fit | None:
    vkeys, ckeys = _keys(value), _keys(cand)
    vkeys = _strip_strays(vkeys, ckeys)
    if not vkeys:
        return None
    if vkeys == ckeys:
        return _Fit(cand, 2.0, False)  # only strays, punctuation or case differ
    if len(vkeys) < len(ckeys) and ckeys[: len(vkeys)] == vkeys:
        return _Fit(cand, 1.0, False)  # a cut cell (``Class B``): ambiguous when two titles start so
    lead = _lead(vkeys)
    if lead and ckeys[: len(lead)] == lead and len(lead) < len(ckeys):
        # ``Series B Bese``: the lettered start of one title, the rest of the cell garbled beyond reading.
        return _Fit(cand, 1.0, False, len(vkeys) - len(lead))
    if _embedded(vkeys, ckeys, pool_keys):
        # The longest title the value holds wins (``Series D ... Stock fen) Common Stock``): the arguments
        # are swapped on purpose, this is the share of the *value's* letters that the candidate prints.
        return _Fit(cand, 1.0 + _coverage(ckeys, vkeys), False)
    if not _distinguishing(vkeys) <= _distinguishing(ckeys):
        return None
    flat = "".join(ckeys)
    explained = [k for k in vkeys if _explains(k, ckeys, flat)]
    # A word the candidate cannot explain must be garbage, not another title word (``Warrant``).
    if not explained or any(_vocab(k) for k in vkeys if k not in explained):
        return None
    cov = _coverage(explained, ckeys)
    junk = len(vkeys) - len(explained)
    if junk > len(explained):
        return None
    return _Fit(cand, cov - 0.1 * junk, cov < MIN_COVERAGE, junk)


def _note_titles(notes: str) -> list[str]:
    """Capitalised title phrases of the footnotes (``... convertible into Class A Common Stock ...``)."""
    out: list[str] = []
    for m in _CAP_RUN.finditer(notes):
        words = m.group(0).split()
        # Trim leading words until the phrase is a title (``The Class A ...`` -> ``Class A ...``).
        while words and not is_valid_title(" ".join(words)):
            words.pop(0)
        if len(words) >= 2:
            out.append(" ".join(words))
    return out


def _ocr_evidence(text: str | None, values: list[str]) -> bool:
    """Glyph debris in the text, or a title word that is neither vocabulary nor a cut vocabulary word."""
    if text is not None and _OCR_GLYPHS.search(text):
        return True
    for v in values:
        for k in _keys(v):
            if not _vocab(k) and not any(w.startswith(k) for w in VOCABULARY if len(k) >= 3):
                return True
    return False


def _cut_only(value: str, cand: str) -> bool:
    """The value is the candidate with its last word cut short (``... Common Stoc``)."""
    vk, ck = _keys(value), _keys(cand)
    return len(vk) == len(ck) and vk[:-1] == ck[:-1] and ck[-1].startswith(vk[-1]) and vk[-1] != ck[-1]


def _choose(
    value: str, pool: list[str], pool_keys: list[list[str]], sole: bool, support: Counter[str]
) -> str | None:
    """The one best candidate explaining ``value``; ``None`` when none does or two differ in their letters.

    Printings of one title that differ in case, punctuation or number only (``Common stock``, ``American
    Depositary Share`` in prose) are one candidate: the most printed one stands for them."""
    fits = [f for c in pool if (f := _fit(value, c, pool_keys)) is not None]
    if not fits:
        return None
    fits.sort(key=lambda f: (f.score, support[f.cand]), reverse=True)
    best_words = _same_title_key(fits[0].cand)
    fits = [fits[0]] + [f for f in fits[1:] if _same_title_key(f.cand) != best_words]
    best = fits[0]
    if best.low and not (sole and len(fits) == 1):
        return None
    lost = bool(_distinguishing(_keys(best.cand)) - _distinguishing(_keys(value)))
    if lost and best.junk:
        # The value has no letter and words the candidate cannot explain (``Series Seed Preferred Stock``
        # against ``Series A Preferred Stock``): those words are the security's own name, not damage.
        return None
    for other in fits[1:]:
        if other.score == best.score and other.junk == best.junk:
            return None  # two titles explain the value equally: no evidence for either
        if _distinguishing(_keys(other.cand)) == _distinguishing(_keys(best.cand)):
            continue
        # Another security explains every word the best one does: when the value lost its letter, the
        # letter would be a guess; otherwise only a candidate that also covers it about as well competes.
        if other.junk <= best.junk and (lost or best.score - other.score < 0.15):
            return None
    return best.cand


def check_titles(filing: OwnershipFiling, ctx: CheckContext) -> None:
    """Replace invalid (OCR-damaged) security and underlying titles by the clean printing they are."""
    cells: list[tuple[str, object, str, str]] = []
    for table in TABLES:
        for i, row in enumerate(getattr(filing, table)):
            for name in FIELDS:
                value = getattr(row, name, None)
                if isinstance(value, str) and value.strip():
                    cells.append((f"{table}[{i}]", row, name, value))
    if not cells:
        return
    values = [c[3] for c in cells]
    fixes: dict[tuple[str, str], str] = {}
    for _, _, name, value in cells:
        own = _drop_strays(value)
        if own is not None:
            fixes[(name, value)] = own
    notes = footnote_text(filing)
    # A lone head word (``Stock``) is a wrapped cell's last line, not a title to copy onto others.
    valid = Counter(v for v in values if is_valid_title(v) and len(_keys(v)) >= 2)
    pool = list(valid) + [t for t in dict.fromkeys(_note_titles(notes)) if t not in valid]
    if pool:
        _snap_to_pool(cells, valid, pool, ctx.text, fixes)
    # Last, a value no printing of the filing explains may still be a standard phrase of the form.
    damaged = _ocr_evidence(ctx.text, values)
    for _, _, name, value in cells:
        if (name, value) in fixes or is_valid_title(value):
            continue
        std = _standard(value)
        if std is not None and (damaged or not _cut_only(value, std)):
            fixes[(name, value)] = std
    for prefix, row, name, value in cells:
        after = fixes.get((name, value))
        if after is not None:
            setattr(row, name, after)
            ctx.repaired(f"{prefix}.{name}", value, after, WHY)


def _snap_to_pool(
    cells: list[tuple[str, object, str, str]],
    valid: Counter[str],
    pool: list[str],
    text: str | None,
    fixes: dict[tuple[str, str], str],
) -> None:
    """Fill ``fixes`` with the clean printing each invalid title value is."""
    pool_keys = [_keys(p) for p in pool]
    # One entry per title however its printings differ in case or punctuation, the most printed one.
    by_words: dict[tuple[str, ...], str] = {}
    for c in cells:
        if c[2] == "underlying_security_title" and c[3] in valid:
            key = _same_title_key(c[3])
            if key not in by_words or valid[c[3]] > valid[by_words[key]]:
                by_words[key] = c[3]
    underlying = set(by_words.values())
    damaged = _ocr_evidence(text, [c[3] for c in cells])
    # One decision per title and candidate set (the pool, or the sole underlying title): a damaged title
    # repeats on many rows, and each choice tries every candidate.
    chosen: dict[tuple[str, bool], str | None] = {}
    for _, _, name, value in cells:
        if (name, value) in fixes or value in valid:
            continue
        sole = name == "underlying_security_title" and len(underlying) == 1
        if (value, sole) not in chosen:
            after = _choose(value, list(underlying) if sole else pool, pool_keys, sole, valid)
            if after is None and sole:
                after = _sole_garbage(value, next(iter(underlying)))
            chosen[(value, sole)] = after
        after = chosen[(value, sole)]
        if after is None or after == value or (_cut_only(value, after) and not damaged):
            continue
        fixes[(name, value)] = after


def _sole_garbage(value: str, cand: str) -> str | None:
    """An underlying title with no title word at all (``Gros``, ``Smock.``) in a filing whose Table II
    names one underlying security only: the cell printed that security, OCR lost every letter of it."""
    keys = _keys(value)
    if keys and not any(_vocab(k) for k in keys):
        return cand
    return None


def _stray(words: list[str], i: int, dated: bool) -> bool:
    """A lone symbol, or a word with a digit that titles do not print: not a series (``D-1``), rate
    (``8%``), year (unless the value holds a date run), or a par value amount next to ``par``/``value``.
    The word after ``Series``/``Class`` is the security's name whatever it prints (``Seed-1``, ``AA-1``)."""
    if i > 0 and _key(words[i - 1]) in _NAMED_BY:
        return False
    w = words[i].strip(_STRIP)
    if not any(ch.isalnum() for ch in w):
        return True  # a lone symbol (``$`` of a price cell, ``&``): nothing a title prints alone
    if not any(ch.isdigit() for ch in w):
        return False
    if _SERIES.fullmatch(w) or _RATE.fullmatch(w) or (_YEAR.fullmatch(w) and not dated):
        return False
    near = {_key(words[j]) for j in (i - 1, i + 1) if 0 <= j < len(words)}
    return not (_AMOUNT.fullmatch(w) and near & {"par", "value"})


def _drop_strays(value: str) -> str | None:
    """The value without a neighbour cell's numbers (``Stock Option (right to $9-51 buy)``,
    ``Common gg4 Stock``), when what remains is a valid title; ``None`` otherwise."""
    # A slash joins the cells of a date run to a title (``10/08/2030;/Common``); titles never print one.
    dated = bool(_DATE_PART.search(value))
    words = value.replace("/", " ").split()
    kept = [w for i, w in enumerate(words) if not _stray(words, i, dated)]
    if len(kept) == len(words) or not kept:
        return None
    out = " ".join(kept)
    # A parenthesis the dropped value carried off (``Common) g51 Stock``) is debris too.
    if out.count("(") != out.count(")"):
        out = " ".join(w.strip("()") if w.count("(") != w.count(")") else w for w in kept)
    return out if len(kept) >= 2 and is_valid_title(out) else None


def _damaged_form(word: str, std: str) -> bool:
    """``word`` is an OCR-damaged printing of ``std``: a fragment (``ght``), a few edits (``io``), or the
    same first two letters at about the same length (``Riioiin``)."""
    if len(word) >= 2 and word in std:
        return True
    if within_edits(word, std, max(1, len(std) // 2)) is not None:
        return True
    return len(word) >= 2 and word[:2] == std[:2] and abs(len(word) - len(std)) <= 3


def _standard(value: str) -> str | None:
    """The standard phrase the value is, word by word, with at most two damaged words and at least as
    many words printed intact; each word keeps the value's printing or the case of its damaged word."""
    words = value.split()
    keys = [_key(w) for w in words]
    for std in STANDARD_TITLES:
        sk = std.split()
        if len(sk) != len(words):
            continue
        bad = [i for i, (k, s) in enumerate(zip(keys, sk, strict=True)) if k != _key(s)]
        if not bad or len(bad) > 2 or len(bad) * 2 > len(words):
            continue
        if any(_vocab(keys[i]) or not _damaged_form(keys[i], _key(sk[i])) for i in bad):
            continue
        out = list(words)
        for i in bad:
            new = sk[i]
            core = _key(new)
            cased = core.capitalize() if words[i].strip(_STRIP)[:1].isupper() else core
            out[i] = new.replace(new.strip(_STRIP), cased) if new.strip(_STRIP) else new
        return " ".join(out)
    return None
