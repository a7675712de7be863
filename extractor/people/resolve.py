"""Resolve mentions to canonical entities against the registry, and fill ``person_id`` in envelopes.

A batch resolves against what the registry holds: every earlier mention is loaded into in-memory
profiles indexed by blocking key and CIK, so a mention is compared with the few entities of its block
(no n x n matrix), and the registry is written once at the end.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.people.matcher import Decision, Mention, Profile, decide
from extractor.people.names import Order, clean_printed, norm_token, org_tokens, parse_name, parse_signature
from extractor.people.registry import Registry
from extractor.records import Envelope, FormDFiling, OwnershipFiling

log = logging.getLogger(__name__)

ROLE_ORDER: dict[str, Order] = {
    "owner": "edgar",  # the reporting-owner box prints (Last) (First) (Middle)
    "signer": "natural",
    "attorney_in_fact": "natural",
    "principal": "natural",
    "related_person": "auto",  # "Last name first, if individual", but not always followed
    "formd_signer": "natural",
}


def normalise_issuer(name: str | None) -> str:
    """``ALTIRIS INC`` and ``Altiris, Inc.`` -> ``altiris inc``: the organisation-name normaliser."""
    return " ".join(org_tokens(name)) if name else ""


def normalise_address(street1: str | None, street2: str | None, zip_code: str | None) -> str:
    """Street lines and 5-digit ZIP as one lower-case string; ``""`` when there is no street."""
    street = " ".join(norm_token(t) for t in f"{street1 or ''} {street2 or ''}".replace(",", " ").split())
    street = " ".join(t for t in street.split() if t)
    if not street:
        return ""
    zip5 = "".join(ch for ch in (zip_code or "") if ch.isdigit())[:5]
    return f"{street} {zip5}".strip()


def _entity_id(kind: str, m: Mention) -> str:
    digest = hashlib.sha1(f"{m.document_id}|{m.field}|{m.printed}".encode()).hexdigest()[:10]
    return ("O" if kind == "organisation" else "P") + digest


@dataclass
class Assignment:
    entity_id: str
    decision: Decision


class Resolver:
    """Incremental resolver over one registry."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.profiles: dict[str, Profile] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)
        self.by_cik: dict[str, str] = {}
        for row in registry.mentions():
            m = Mention(
                document_id=row.document_id,
                field=row.field,
                printed=row.printed,
                role=row.role,
                issuer=row.issuer,
                address=row.address,
                cik=row.cik,
            )
            m.name = parse_name(clean_printed(m.printed), order=ROLE_ORDER.get(m.role, "auto"))
            self._attach(registry.canonical(row.entity_id), m)

    def _attach(self, entity_id: str, m: Mention) -> None:
        if m.name is None:
            return
        p = self.profiles.get(entity_id)
        if p is None:
            p = self.profiles[entity_id] = Profile(entity_id=entity_id, kind=m.name.kind)
        p.add(m)
        self.blocks[m.name.block].add(entity_id)
        if m.cik:
            self.by_cik.setdefault(m.cik, entity_id)

    def resolve(self, m: Mention) -> Assignment:
        """Assign ``m`` to an entity (existing or new), record it, and say why."""
        known = self.registry.find_mention(m.document_id, m.field, m.printed)
        if m.name is None:
            m.name = parse_name(clean_printed(m.printed), order=ROLE_ORDER.get(m.role, "auto"))
        if known is not None:
            return Assignment(known, Decision(True, 1.0, "seen before"))
        best_id, best = None, Decision(False, 0.0, "no candidate")
        candidates = set(self.blocks.get(m.name.block, ()))
        if m.cik and m.cik in self.by_cik:
            candidates.add(self.by_cik[m.cik])
        for eid in sorted(candidates):
            d = decide(m, self.profiles[eid])
            if d.match and (best_id is None or d.score > best.score):
                best_id, best = eid, d
            elif best_id is None and d.score > best.score:
                best = d
        if best_id is None:
            best_id = _entity_id(m.name.kind, m)
            self.registry.add_entity(best_id, m.name.kind, clean_printed(m.printed))
            best = Decision(True, 1.0, f"new entity ({best.reason})")
        self.registry.add_mention(
            document_id=m.document_id,
            field=m.field,
            printed=m.printed,
            role=m.role,
            entity_id=best_id,
            issuer=m.issuer,
            address=m.address,
            cik=m.cik,
            reason=best.reason,
        )
        self._attach(best_id, m)
        return Assignment(best_id, best)


def envelope_mentions(env: Envelope) -> Iterator[tuple[Mention, object, str]]:
    """Every person-bearing object of an envelope as (mention, object, attribute to set)."""
    f = env.filing
    doc = env.document_id
    if isinstance(f, OwnershipFiling):
        issuer = normalise_issuer(f.issuer.name if f.issuer else None)
        for i, o in enumerate(f.reporting_owners):
            if o.name:
                addr = normalise_address(o.street1, o.street2, o.zip_code)
                yield (
                    Mention(
                        doc,
                        f"reporting_owners[{i}]",
                        o.name,
                        "owner",
                        issuer=issuer,
                        address=addr,
                        cik=o.cik or "",
                    ),
                    o,
                    "person_id",
                )
        for i, s in enumerate(f.signatures):
            if s.name:
                sig = parse_signature(s.name)
                role = "signer" if sig.role == "self" else "attorney_in_fact"
                if sig.signer:
                    yield Mention(doc, f"signatures[{i}]", sig.signer, role, issuer=issuer), s, "person_id"
                if sig.principal:
                    yield (
                        Mention(doc, f"signatures[{i}].principal", sig.principal, "principal", issuer=issuer),
                        None,
                        "",
                    )
    elif isinstance(f, FormDFiling):
        pi = f.primary_issuer
        issuer = normalise_issuer(pi.entity_name if pi else None)
        for i, r in enumerate(f.related_persons):
            if r.name:
                addr = normalise_address(r.street1, r.street2, r.zip_code)
                yield (
                    Mention(
                        doc, f"related_persons[{i}]", r.name, "related_person", issuer=issuer, address=addr
                    ),
                    r,
                    "person_id",
                )
        if f.signature and f.signature.name_of_signer:
            yield (
                Mention(doc, "signature", f.signature.name_of_signer, "formd_signer", issuer=issuer),
                f.signature,
                "person_id",
            )


def resolve_envelope(resolver: Resolver, env: Envelope) -> int:
    """Fill ``person_id`` on every person-bearing object of one envelope; returns the mentions resolved."""
    n = 0
    for mention, obj, attr in envelope_mentions(env):
        assignment = resolver.resolve(mention)
        if obj is not None and attr:
            setattr(obj, attr, assignment.entity_id)
        n += 1
    f = env.filing
    name = None
    if isinstance(f, OwnershipFiling) and f.issuer:
        name = f.issuer.name
    elif isinstance(f, FormDFiling) and f.primary_issuer:
        name = f.primary_issuer.entity_name
    if name:
        resolver.registry.add_issuer(normalise_issuer(name))
    return n


def resolve_envelopes(envs: Iterable[Envelope], registry_path: str | Path) -> int:
    """Resolve a batch against the registry at ``registry_path``; returns the mentions resolved."""
    with Registry(registry_path) as registry:
        resolver = Resolver(registry)
        return sum(resolve_envelope(resolver, env) for env in envs)
