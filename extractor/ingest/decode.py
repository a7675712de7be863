"""Bytes -> str: encoding detection and the refusals of what is not a text filing.

Order of decisions (first match wins):

1. size over ``max_bytes`` -> E005; no bytes -> E002;
2. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-16 LE/BE (strict; a broken BOM'd file -> E004);
3. BOM-less UTF-16 recognised by its NUL pattern (every other byte NUL in ASCII-heavy text);
4. binary sniffing on the first 64 KB: a known binary magic number, any NUL byte, or a high share of
   C0 control characters -> E003 (done *after* the UTF-16 checks: UTF-16 text is full of NULs);
5. strict UTF-8;
6. cp1252, with Latin-1 for the five bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D), so
   that decoding never fails on legacy single-byte text.

A text that decodes to nothing but whitespace is reported as empty (E002).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.errors import Errors, InputError

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
SNIFF_BYTES = 64 * 1024
# Share of C0 control bytes (other than TAB LF VT FF CR ESC) above which a file counts as binary.
CONTROL_SHARE_LIMIT = 0.05
# BOM-less UTF-16: share of NULs in one byte lane (odd or even positions) and the most in the other.
UTF16_NUL_LANE_MIN = 0.40
UTF16_NUL_OTHER_MAX = 0.05

_BINARY_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x7fELF",
    b"II*\x00",  # TIFF (scans)
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",  # OLE2 (old .doc/.xls)
)
# Control bytes that text files legitimately contain.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"
# The bytes cp1252 leaves undefined; decoded as Latin-1 (U+0081 ...), via surrogateescape.
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"
_SURROGATE_TO_LATIN1 = {0xDC00 + b: b for b in _CP1252_UNDEFINED}


@dataclass(frozen=True)
class Decoded:
    """A decoded document: its text and the name of the encoding that produced it."""

    text: str
    encoding: str


def decode_bytes(data: bytes, source: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode a filing's bytes; raise :class:`InputError` (E002-E005) for what is not a text filing."""
    if len(data) > max_bytes:
        raise InputError(Errors.E005.format(path=source, size=len(data), limit=max_bytes))
    if not data:
        raise InputError(Errors.E002.format(path=source))
    decoded = _decode(data, source)
    if not decoded.text.strip():
        raise InputError(Errors.E002.format(path=source))
    return decoded


def _decode(data: bytes, source: str) -> Decoded:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "utf-8-sig", source)
    # TRAP: FF FE 00 00 is also a UTF-32 LE BOM; UTF-32 filings do not occur, so UTF-16 wins.
    if data.startswith(b"\xff\xfe"):
        return _strict(data[2:], "utf-16-le", "utf-16-le", source)
    if data.startswith(b"\xfe\xff"):
        return _strict(data[2:], "utf-16-be", "utf-16-be", source)
    head = data[:SNIFF_BYTES]
    utf16 = _sniff_utf16(head)
    if utf16 is not None:
        return _strict(data, utf16, utf16, source)
    if _looks_binary(head):
        raise InputError(Errors.E003.format(path=source))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="surrogateescape")
    if any(b in data for b in _CP1252_UNDEFINED):
        text = text.translate(_SURROGATE_TO_LATIN1)
    return Decoded(text, "cp1252")


def _strict(data: bytes, codec: str, name: str, source: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), name)
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E004.format(path=source)) from exc


def _sniff_utf16(head: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by NULs concentrated in one byte lane."""
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_share = even.count(0) / len(even)
    odd_share = odd.count(0) / len(odd)
    if odd_share >= UTF16_NUL_LANE_MIN and even_share <= UTF16_NUL_OTHER_MAX:
        return "utf-16-le"
    if even_share >= UTF16_NUL_LANE_MIN and odd_share <= UTF16_NUL_OTHER_MAX:
        return "utf-16-be"
    return None


def _looks_binary(head: bytes) -> bool:
    """A known binary magic number, a NUL byte, or too many control bytes in the first bytes."""
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    # bytes.translate with a delete table counts control bytes at C speed.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > CONTROL_SHARE_LIMIT * len(head)
