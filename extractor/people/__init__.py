"""People resolution: name parsing, the one rapidfuzz module, matching, and the SQLite registry."""

from extractor.people.names import ParsedName, SignatureParse, parse_name, parse_signature
from extractor.people.registry import Registry
from extractor.people.resolve import Resolver, resolve_envelopes

__all__ = [
    "ParsedName",
    "Registry",
    "Resolver",
    "SignatureParse",
    "parse_name",
    "parse_signature",
    "resolve_envelopes",
]
