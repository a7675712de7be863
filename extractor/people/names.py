"""Name parsing for the orders filings print names in, organisation detection, and signature parsing.

Orders handled:
- EDGAR's ``LAST FIRST MIDDLE`` without a comma (``BUTTERFIELD GREGORY S``, ``Levchin Max R``): the
  reporting-owner box prints this order, so callers pass ``order="edgar"`` for it; without the hint an
  all-caps name or one ending in a bare initial is read this way too.
- ``Last, First M.`` (Form D "Last name first") and ``First M. Last`` (signatures, prose).
Suffixes (Jr., III, M.D.) are split off; particles (Van, De, Del) stay with the last name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Order = Literal["auto", "edgar", "natural", "last_first"]

GENERATIONAL = {
    "jr": "jr",
    "junior": "jr",
    "sr": "sr",
    "senior": "sr",
    "ii": "ii",
    "iii": "iii",
    "iv": "iv",
    "v": "v",
    "2nd": "ii",
    "3rd": "iii",
}
PROFESSIONAL = {"md", "phd", "esq", "cpa", "dds", "jd", "mba", "cfa"}
PARTICLES = {
    "van",
    "von",
    "de",
    "del",
    "della",
    "der",
    "den",
    "da",
    "di",
    "du",
    "la",
    "le",
    "st",
    "ter",
    "ten",
    "dos",
    "das",
    "bin",
    "al",
    "mac",
}

# Words that make a name an organisation (compared on normalised tokens).
ORG_WORDS = {
    "lp",
    "llc",
    "llp",
    "lllp",
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "trust",
    "fund",
    "funds",
    "partners",
    "partnership",
    "ventures",
    "venture",
    "capital",
    "holdings",
    "holding",
    "management",
    "group",
    "foundation",
    "associates",
    "bank",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "nv",
    "bv",
    "entities",
    "affiliated",
    "investments",
    "investors",
    "advisors",
    "advisers",
    "equity",
    "gp",
    "ugp",
    "sarl",
    "pte",
    "university",
    "endowment",
    "estate",
    "securities",
    "technologies",
    "technology",
    "incorporated",
    "l.p",
    "l.l.c",
    "offshore",
    "master",
    "opportunities",
    "family",
    "revocable",
}
_STOPWORDS = {"with", "of", "and", "the", "for", "in", "on", "a", "an", "by"}
_TOKEN = re.compile(r"[A-Za-z0-9'&\-]{1,40}\.?")
_SIG_PREFIX = re.compile(r"^\s{0,10}(?:/s/|/S/|s/|By:|BY:|by:)\s{0,10}")
_ATTORNEY = re.compile(r"attorney[\s-]{0,3}in[\s-]{0,3}fact|power\s{1,3}of\s{1,3}attorney", re.IGNORECASE)


def ascii_fold(text: str) -> str:
    """Strip accents: ``Müller`` -> ``Muller``."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def norm_token(tok: str) -> str:
    """Lower-case ASCII letters and digits only: ``"Gregory,"`` -> ``"gregory"``."""
    return "".join(ch for ch in ascii_fold(tok).lower() if ch.isalnum())


@dataclass(frozen=True)
class ParsedName:
    """A printed name split into parts, all normalised (lower-case ASCII, no punctuation)."""

    printed: str
    kind: Literal["person", "organisation"]
    first: str = ""
    middles: tuple[str, ...] = ()
    last: str = ""
    suffix: str = ""  # generational only (jr, sr, ii, iii): it tells father from son
    org_tokens: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        """Normalised full name, order-independent of how it was printed."""
        if self.kind == "organisation":
            return " ".join(self.org_tokens)
        return " ".join(p for p in (self.first, *self.middles, self.last, self.suffix) if p)

    @property
    def block(self) -> str:
        """Blocking key: candidates are only compared within one block."""
        if self.kind == "organisation":
            head = next(
                (t for t in self.org_tokens if t not in ORG_WORDS and t not in _STOPWORDS),
                self.org_tokens[0] if self.org_tokens else "",
            )
            return "o:" + head[:4]
        # Last-name prefix and first initial: small blocks even for common surnames; an OCR slip in the
        # first three letters of a surname is the price (those go to review, not to a wrong merge).
        return f"p:{self.last[:3]}:{self.first[:1]}"


def is_organisation(printed: str) -> bool:
    """True when the name carries an organisation word (LP, LLC, Inc., Trust, Fund, ...) or ``&``."""
    tokens = [norm_token(t) for t in _TOKEN.findall(printed[:300])]
    if any(t in ORG_WORDS for t in tokens):
        return True
    # "L.P." / "L.L.C." split into letters by the tokenizer: look at the squeezed text too.
    squeezed = norm_token(printed[:300])
    return squeezed.endswith(("lp", "llc")) and bool(
        re.search(r"\bL\.?\s?L?\.?\s?[PC]\.?\s*$", printed[:300])
    )


def org_tokens(printed: str) -> tuple[str, ...]:
    """Normalised tokens of an organisation name, legal forms canonical (``L.P.`` -> ``lp``)."""
    out = []
    text = re.sub(r"\bL\.\s?P\.", "LP", printed[:300])
    text = re.sub(r"\bL\.\s?L\.\s?C\.", "LLC", text)
    canon = {"limited": "ltd", "incorporated": "inc", "corporation": "corp", "company": "co", "the": ""}
    for tok in _TOKEN.findall(text):
        t = norm_token(tok)
        t = canon.get(t, t)
        if t:
            out.append(t)
    return tuple(out)


def clean_printed(printed: str) -> str:
    """Drop signature marks and footnote markers, collapse spaces."""
    s = _SIG_PREFIX.sub("", printed[:300])
    s = re.sub(r"\(\d{1,2}\)|\*{1,3}", " ", s)
    return " ".join(s.split()).strip(" ,;")


def parse_name(printed: str, *, order: Order = "auto") -> ParsedName:
    """Parse a printed person or organisation name."""
    text = clean_printed(printed)
    if is_organisation(text):
        return ParsedName(printed=printed, kind="organisation", org_tokens=org_tokens(text))
    # Split "Last, First M., Jr." into comma parts; a trailing suffix part is not the first name.
    parts = [p.strip() for p in text.split(",") if p.strip()]
    suffix = ""
    while len(parts) > 1 and _suffix_of(parts[-1]) is not None:
        suffix = suffix or (_suffix_of(parts[-1]) or "")
        parts.pop()
    tokens_raw: list[str]
    if len(parts) >= 2 and order in ("auto", "last_first", "edgar"):
        last_raw = parts[0].split()
        rest = " ".join(parts[1:]).split()
        tokens_raw = rest
        first, middles, more_suffix = _first_middles(tokens_raw)
        return ParsedName(
            printed=printed,
            kind="person",
            first=first,
            middles=middles,
            last=_join_last(last_raw),
            suffix=suffix or more_suffix,
        )
    tokens_raw = " ".join(parts).split()
    tokens_raw, more_suffix = _strip_suffixes(tokens_raw)
    suffix = suffix or more_suffix
    if not tokens_raw:
        return ParsedName(printed=printed, kind="person", suffix=suffix)
    if len(tokens_raw) == 1:
        return ParsedName(printed=printed, kind="person", last=norm_token(tokens_raw[0]), suffix=suffix)
    if order == "auto":
        order = _guess_order(tokens_raw)
    if order == "edgar":
        # LAST FIRST MIDDLE: leading particles belong to the last name ("VAN DYKE JOHN").
        i = 0
        while i < len(tokens_raw) - 2 and norm_token(tokens_raw[i]) in PARTICLES:
            i += 1
        last = _join_last(tokens_raw[: i + 1])
        first, middles, _ = _first_middles(tokens_raw[i + 1 :])
        return ParsedName(
            printed=printed, kind="person", first=first, middles=middles, last=last, suffix=suffix
        )
    # Natural order: First Middle... [particles] Last.
    j = len(tokens_raw) - 1
    while j > 1 and norm_token(tokens_raw[j - 1]) in PARTICLES:
        j -= 1
    last = _join_last(tokens_raw[j:])
    first, middles, _ = _first_middles(tokens_raw[:j])
    return ParsedName(printed=printed, kind="person", first=first, middles=middles, last=last, suffix=suffix)


def _guess_order(tokens: list[str]) -> Order:
    """No comma and no hint: EDGAR order if all caps or the last token is a bare initial (``Max R``)."""
    letters = "".join(t for t in tokens if t.isalpha())
    if letters and letters.isupper() and len(tokens) >= 2:
        return "edgar"
    last = tokens[-1]
    if len(last) == 1 and last.isalpha():
        return "edgar"
    return "natural"


def _suffix_of(token_or_part: str) -> str | None:
    t = norm_token(token_or_part)
    if t in GENERATIONAL:
        return GENERATIONAL[t]
    if t in PROFESSIONAL:
        return ""
    return None


def _strip_suffixes(tokens: list[str]) -> tuple[list[str], str]:
    suffix = ""
    out = list(tokens)
    # Only trailing tokens can be suffixes; "V" alone is an initial unless a name precedes it with a comma.
    while len(out) > 2 and _suffix_of(out[-1]) is not None and norm_token(out[-1]) != "v":
        suffix = suffix or (_suffix_of(out[-1]) or "")
        out.pop()
    return out, suffix


def _first_middles(tokens: list[str]) -> tuple[str, tuple[str, ...], str]:
    tokens, suffix = _strip_suffixes(tokens) if len(tokens) > 1 else (tokens, "")
    normed = [norm_token(t) for t in tokens]
    normed = [t for t in normed if t]
    if not normed:
        return "", (), suffix
    return normed[0], tuple(normed[1:]), suffix


def _join_last(tokens: list[str]) -> str:
    return "".join(norm_token(t) for t in tokens)


@dataclass(frozen=True)
class SignatureParse:
    """Who signed, and for whom: ``By: X, Attorney-in-Fact for Y`` -> signer X, principal Y."""

    signer: str
    principal: str | None = None
    role: Literal["self", "attorney_in_fact"] = "self"


_FOR = re.compile(r"\b(?:for|of|on behalf of)\s{1,3}", re.IGNORECASE)
_BY = re.compile(r",?\s{0,3}\bby:?\s{1,3}", re.IGNORECASE)
_REPORTING_PERSON = re.compile(r"^(?:the\s{1,3})?reporting\s{1,3}(?:person|owner)", re.IGNORECASE)


def parse_signature(printed: str) -> SignatureParse:
    """Split a signature line into signer and principal.

    ``/s/ X, Attorney-in-Fact for Y``, ``/s/ X as attorney-in-fact for Y`` and
    ``By: X, Attorney-in-fact For: the Reporting Person`` are signed by X; ``Y, by X, attorney-in-fact``
    is signed by X for Y; ``/s/ Max R. Levchin`` is signed by Levchin himself.
    """
    text = clean_printed(printed)
    m = _ATTORNEY.search(text)
    if m is None:
        return SignatureParse(signer=text)
    before, after = text[: m.start()], text[m.end() :]
    principal: str | None = None
    after_clean = after.strip(" ,;:.")
    fm = _FOR.match(after_clean.lstrip(": "))
    if fm:
        principal = after_clean.lstrip(": ")[fm.end() :].strip(" ,;:.") or None
        if principal and principal.lower().startswith(("for:", "for ")):
            principal = principal[4:].strip()
    elif after_clean.lower().startswith("for:"):
        principal = after_clean[4:].strip() or None
    before = re.sub(r"\s{1,3}(?:as|under)\s{0,3}$|,\s{0,3}$", "", before.strip()).strip(" ,")
    bm = _BY.search(before)
    if bm and bm.start() > 0:
        # "Y, by X, attorney-in-fact": Y is the principal.
        principal = principal or before[: bm.start()].strip(" ,")
        signer = before[bm.end() :].strip(" ,")
    else:
        signer = before[bm.end() :].strip(" ,") if bm else before
    if principal and _REPORTING_PERSON.match(principal):
        principal = None  # "for the Reporting Person": the owner of the same filing, resolved by context
    return SignatureParse(signer=signer, principal=principal, role="attorney_in_fact")
