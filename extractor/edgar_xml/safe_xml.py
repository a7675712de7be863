"""The one hardened lxml parser of the package, and small readers of EDGAR element values.

Everything that parses EDGAR XML goes through :func:`parse_xml`:

- no entity expansion (``resolve_entities=False``): a billion-laughs document stays small and an
  external entity (``<!ENTITY x SYSTEM "file:///etc/passwd">``) is never read;
- no DTD loading, no network, no huge trees;
- ``recover=True``: 2004-era filings are sometimes malformed (a stray ``&``, an unclosed tag, a
  truncated download); the recovering parser keeps what it can read and we report its complaints as
  warnings instead of dropping the file;
- namespaces stripped, so Form D's ``<ns1:edgarSubmission xmlns:ns1=...>`` reads like the plain one.

The value readers flatten EDGAR's ``{value, footnoteId}`` wrappers and normalise numbers, dates and
booleans the way the shared dev gold (made from this XML) writes them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from lxml import etree

from extractor.errors import Errors, XmlImportError

# A leading BOM or blank lines before "<?xml" make libxml2 refuse the declaration (real files do this:
# edgartools' D.Shepards.xml starts with an empty line).
_LEADING_JUNK = b"\xef\xbb\xbf \t\r\n"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MAX_ERRORS_REPORTED = 3


@dataclass
class ParsedXml:
    """A parsed document: its namespace-free root and what the recovering parser had to repair."""

    root: etree._Element
    repairs: list[str] = field(default_factory=list)


def _parser() -> etree.XMLParser:
    # A fresh parser per document: lxml parsers keep an error log and are not thread-safe.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, *, source: str) -> ParsedXml:
    """Parse EDGAR XML bytes safely; raises ``XmlImportError`` (E202) when nothing could be read."""
    data = data.lstrip(_LEADING_JUNK)
    if not data:
        raise XmlImportError(Errors.E202.format(path=source, reason="empty document"))
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:  # recover=True rarely raises, but can on hopeless input
        raise XmlImportError(Errors.E202.format(path=source, reason=exc)) from exc
    if root is None:
        reason = _first_errors(parser) or "no element found"
        raise XmlImportError(Errors.E202.format(path=source, reason=reason))
    _strip_namespaces(root)
    repairs = [f"XML repaired by the recovering parser: {e}" for e in _errors(parser)]
    if root.getroottree().docinfo.internalDTD is not None:
        # EDGAR XML never declares a DTD; one here is an attack or a broken tool, and is ignored.
        repairs.append("DOCTYPE declaration ignored: entities are never expanded")
    return ParsedXml(root=root, repairs=repairs)


def _errors(parser: etree.XMLParser) -> list[str]:
    out = []
    for entry in parser.error_log:
        if entry.level_name in ("ERROR", "FATAL"):
            out.append(f"line {entry.line}: {entry.message.strip()}")
        if len(out) >= _MAX_ERRORS_REPORTED:
            break
    return out


def _first_errors(parser: etree.XMLParser) -> str:
    return "; ".join(_errors(parser))


def _strip_namespaces(root: etree._Element) -> None:
    for el in root.iter():
        # Entities kept unresolved and any leftover comments have non-string tags: skip them.
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = etree.QName(el).localname
    etree.cleanup_namespaces(root)


def local_name(el: etree._Element) -> str:
    """The element's tag without namespace (``""`` for comments and entities)."""
    return el.tag if isinstance(el.tag, str) else ""


# --- value readers ---------------------------------------------------------------------------------


def text(el: etree._Element | None, *, collapse: bool = False) -> str | None:
    """Stripped text of an element; ``None`` for a missing or empty one.

    Only the element's own text counts (``el.text`` and the tails after its children): a child such as
    ``<footnoteId id="F1"/>`` is not part of the value, and an unresolved entity reference (kept as a
    node because entities are never expanded) contributes nothing.
    """
    if el is None:
        return None
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    joined = "".join(parts)
    # Trap: the gold collapses whitespace runs in free text only (footnotes, remarks: collapse=True);
    # values keep inner double spaces and line breaks exactly as filed ('Class A  Common Stock').
    s = " ".join(joined.split()) if collapse else joined.strip()
    return s or None


def child_text(el: etree._Element | None, path: str, *, collapse: bool = False) -> str | None:
    """Text of ``el.find(path)``, flattening a ``<value>`` wrapper if there is one."""
    if el is None:
        return None
    found = el.find(path)
    if found is None:
        return None
    inner = found.find("value")
    return text(inner if inner is not None else found, collapse=collapse)


def to_number(s: str | None) -> int | float | None:
    """``"46780"`` -> ``46780``; ``"0.00"`` -> ``0``; ``"2.5"`` -> ``2.5``; junk -> ``None``.

    Trap: EDGAR writes prices as ``0.00`` and shares as ``1000.0000``; the gold keeps integral numbers
    as JSON ints, so integral floats become ``int``.
    """
    if s is None:
        return None
    raw = s.replace(",", "").replace("$", "").strip()
    try:
        value = float(raw)
    except ValueError:
        return None
    if not math.isfinite(value):  # float() accepts "nan" and "inf"
        return None
    return int(value) if value.is_integer() else value


def to_bool(s: str | None) -> bool | None:
    """EDGAR booleans: ``1``/``true``/``Y`` -> True, ``0``/``false``/``N`` -> False, else ``None``."""
    if s is None:
        return None
    low = s.strip().lower()
    if low in ("1", "true", "y", "yes"):
        return True
    if low in ("0", "false", "n", "no"):
        return False
    return None


def to_date(s: str | None) -> str | None:
    """ISO date from EDGAR's ``2019-08-20`` (some filers append a zone: ``2019-08-20-05:00``)."""
    if s is None:
        return None
    m = _ISO_DATE.match(s.strip())
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
