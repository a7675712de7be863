"""Match decisions between a mention and a known entity, each with the reason that decided it.

Cascade (each step logged in the decision's ``reason``):
1. CIKs on both sides decide alone.
2. A person is never an organisation.
3. Names must be compatible: organisations by their distinguishing tokens (``Mithril II LP`` vs
   ``Mithril II GP LP`` differ by ``gp``), people by last name (OCR slips within an edit budget), first
   name (or its initial), generational suffix (father vs son), middle initial.
4. Compatible names still need evidence that it is the same human: the same document, the same issuer,
   the same address, or a name so rare that a second bearer is implausible. A middle-initial conflict
   (``Michael H.`` / ``Michael J.``) is tolerated only with the same issuer or the same address.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.people.distance import similar_address, similar_name_part, similar_org
from extractor.people.frequency import expected_bearers
from extractor.people.names import ParsedName

# A full name expected to be borne by at most this many US residents merges across unrelated contexts.
RARE_NAME_MAX_BEARERS = 50.0
# A shared middle initial makes a collision this many times less likely.
MIDDLE_INITIAL_FACTOR = 10.0


@dataclass
class Mention:
    """One printed name in one document, with the context that helps tell people apart."""

    document_id: str
    field: str
    printed: str
    role: str = "owner"
    name: ParsedName | None = None
    issuer: str = ""
    address: str = ""
    cik: str = ""


@dataclass
class Profile:
    """What we know of an entity: its names and contexts, merged from its mentions."""

    entity_id: str
    kind: str
    names: list[ParsedName] = field(default_factory=list)
    issuers: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    ciks: set[str] = field(default_factory=set)
    cannot_link: set[str] = field(default_factory=set)

    def add(self, m: Mention) -> None:
        if m.name is not None and all(n.key != m.name.key for n in self.names):
            self.names.append(m.name)
        if m.issuer:
            self.issuers.add(m.issuer)
        if m.address:
            self.addresses.add(m.address)
        self.documents.add(m.document_id)
        if m.cik:
            self.ciks.add(m.cik)


@dataclass(frozen=True)
class Decision:
    match: bool
    score: float
    reason: str


NO = Decision(False, 0.0, "")


def compare_names(a: ParsedName, b: ParsedName) -> tuple[bool, bool, str]:
    """(compatible, middle_conflict, reason) for two parsed names of the same kind."""
    if a.kind != b.kind:
        return False, False, "person vs organisation"
    if a.kind == "organisation":
        if _distinguishing(a) != _distinguishing(b):
            return False, False, "organisation tokens differ"
        return similar_org(a.key, b.key), False, "organisation name"
    if not similar_name_part(a.last, b.last):
        return False, False, "last name differs"
    if a.suffix != b.suffix:
        return False, False, f"suffix differs ({a.suffix or '-'} vs {b.suffix or '-'})"
    if not _first_compatible(a.first, b.first):
        return False, False, "first name differs"
    conflict = bool(a.middles and b.middles and a.middles[0][:1] != b.middles[0][:1])
    return True, conflict, "names compatible" + (" except middle initial" if conflict else "")


def _first_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return similar_name_part(a, b)


def _distinguishing(n: ParsedName) -> tuple[str, ...]:
    """Tokens that tell related organisations apart: numbers, roman numerals, GP/UGP/LP/LLC forms."""
    marks = {"gp", "ugp", "lp", "llc", "ltd", "inc", "corp", "trust", "fund", "management", "entities"}
    romans = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
    return tuple(sorted(t for t in n.org_tokens if t in marks or t in romans or t.isdigit()))


def decide(m: Mention, p: Profile) -> Decision:
    """Should mention ``m`` join entity ``p``? Always returns a reason."""
    if m.cik and p.ciks:
        same = m.cik in p.ciks
        return Decision(same, 1.0 if same else 0.0, "CIK " + ("equal" if same else "differs"))
    if m.name is None or m.name.kind != p.kind:
        return Decision(False, 0.0, "person vs organisation")
    best = NO
    for known in p.names:
        ok, conflict, why = compare_names(m.name, known)
        if not ok:
            if best is NO:
                best = Decision(False, 0.0, why)
            continue
        d = _context(m, p, known, conflict, why)
        if (d.match and d.score > best.score) or (not best.match and d.score >= best.score):
            best = d
    return best


def _context(m: Mention, p: Profile, known: ParsedName, conflict: bool, why: str) -> Decision:
    same_doc = m.document_id in p.documents
    same_issuer = bool(m.issuer) and m.issuer in p.issuers
    same_address = bool(m.address) and any(similar_address(m.address, a) for a in p.addresses)
    if m.name is not None and m.name.kind == "organisation":
        if same_doc or same_issuer or same_address:
            return Decision(True, 0.95, f"{why}; shared context")
        return Decision(True, 0.85, f"{why}; same organisation name")
    if conflict:
        if same_issuer or same_address:
            return Decision(True, 0.7, f"{why}; tolerated: same {'issuer' if same_issuer else 'address'}")
        return Decision(False, 0.3, f"{why}; no shared issuer or address")
    if m.name is None:
        return NO
    full = len(m.name.first) > 1 and len(known.first) > 1
    if same_doc and (full or m.name.first[:1] == known.first[:1]):
        return Decision(True, 0.97, f"{why}; same document")
    if same_issuer:
        return Decision(True, 0.95, f"{why}; same issuer")
    if same_address:
        return Decision(True, 0.93, f"{why}; same address")
    first = m.name.first if len(m.name.first) > 1 else known.first
    bearers = expected_bearers(first, m.name.last)
    if m.name.middles and known.middles and m.name.middles[0][:1] == known.middles[0][:1]:
        bearers /= MIDDLE_INITIAL_FACTOR
    if full and bearers <= RARE_NAME_MAX_BEARERS:
        return Decision(True, 0.85, f"{why}; rare name (~{bearers:.1f} US bearers)")
    return Decision(False, 0.4, f"{why}; common name (~{bearers:.0f} US bearers) and no shared context")
