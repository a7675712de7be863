"""Find the XML documents embedded in a full EDGAR submission (``.txt`` / ``.nc`` / ``.ori``).

A submission is SGML-ish text: a header, then ``<DOCUMENT>`` blocks, each with ``<TYPE>``,
``<SEQUENCE>``, ``<FILENAME>`` lines and a ``<TEXT>`` body; an XML body sits between ``<XML>`` and
``</XML>``. Some files hold only the ``<XML>`` block without ``<DOCUMENT>`` around it. The search uses
plain ``bytes.find`` (no regex), so it is linear on any input.
"""

from __future__ import annotations

from dataclasses import dataclass

_DOC_OPEN = b"<DOCUMENT>"
_DOC_CLOSE = b"</DOCUMENT>"
_XML_OPEN = b"<XML>"
_XML_CLOSE = b"</XML>"
_MAX_HEADER_VALUE = 200


@dataclass
class EmbeddedXml:
    """One ``<XML>`` block: its bytes and what its ``<DOCUMENT>`` header says about it."""

    data: bytes
    doc_type: str | None = None
    filename: str | None = None
    sequence: str | None = None


def is_submission(data: bytes) -> bool:
    """True when the bytes are an EDGAR submission wrapper rather than a bare XML document.

    Trap: a bare EDGAR XML document never contains an upper-case ``<XML>`` or ``<DOCUMENT>``
    element; so the test is the wrapper's tags, not the file's suffix (``.txt`` files from some
    collections are bare XML, and ``.nc``/``.ori`` are submissions).
    """
    return _XML_OPEN in data or _DOC_OPEN in data


def find_xml_documents(data: bytes) -> list[EmbeddedXml]:
    """Every ``<XML>`` block in submission order, with its document's TYPE/FILENAME/SEQUENCE."""
    out: list[EmbeddedXml] = []
    if _DOC_OPEN not in data:
        out.extend(EmbeddedXml(data=block) for block in _xml_blocks(data))
        return out
    pos = 0
    while True:
        start = data.find(_DOC_OPEN, pos)
        if start < 0:
            break
        end = data.find(_DOC_CLOSE, start)
        stop = end if end >= 0 else len(data)  # a truncated last document still counts
        doc = data[start + len(_DOC_OPEN) : stop]
        for block in _xml_blocks(doc):
            out.append(
                EmbeddedXml(
                    data=block,
                    doc_type=_header_value(doc, b"<TYPE>"),
                    filename=_header_value(doc, b"<FILENAME>"),
                    sequence=_header_value(doc, b"<SEQUENCE>"),
                )
            )
        if end < 0:
            break
        pos = end + len(_DOC_CLOSE)
    return out


def _xml_blocks(data: bytes) -> list[bytes]:
    blocks = []
    pos = 0
    while True:
        start = data.find(_XML_OPEN, pos)
        if start < 0:
            break
        body_start = start + len(_XML_OPEN)
        end = data.find(_XML_CLOSE, body_start)
        # Without </XML> (a truncated file) take the rest: the recovering parser reads what it can.
        blocks.append(data[body_start : end if end >= 0 else len(data)].strip())
        if end < 0:
            break
        pos = end + len(_XML_CLOSE)
    return blocks


def _header_value(doc: bytes, tag: bytes) -> str | None:
    """The rest of the line after ``<TYPE>`` etc. in a document's header (before ``<TEXT>``)."""
    text_at = doc.find(b"<TEXT>")
    head = doc if text_at < 0 else doc[:text_at]
    at = head.find(tag)
    if at < 0:
        return None
    line_end = head.find(b"\n", at)
    raw = head[at + len(tag) : line_end if line_end >= 0 else len(head)][:_MAX_HEADER_VALUE]
    value = raw.decode("utf-8", errors="replace").strip()
    return value or None
