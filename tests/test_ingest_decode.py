"""Bytes -> text: encoding detection and the coded refusals (E001-E005)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.ingest import read_bytes, read_document
from extractor.ingest.decode import decode_bytes


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"Form 4 plain ASCII", "Form 4 plain ASCII", "utf-8"),
        ("Café ⁽¹⁾".encode(), "Café ⁽¹⁾", "utf-8"),
        (b"\xef\xbb\xbfForm D", "Form D", "utf-8-sig"),
        (b"\xff\xfe" + "Café \u2019D\u2019".encode("utf-16-le"), "Café \u2019D\u2019", "utf-16-le"),
        (b"\xfe\xff" + "Café \u2019D\u2019".encode("utf-16-be"), "Café \u2019D\u2019", "utf-16-be"),
        ("FORM 4\tIssuer Name\n".encode("utf-16-le"), "FORM 4\tIssuer Name\n", "utf-16-le"),
        ("FORM 4\tIssuer Name\n".encode("utf-16-be"), "FORM 4\tIssuer Name\n", "utf-16-be"),
        (b"Caf\xe9", "Café", "cp1252"),
        (b"\x93quoted\x94 \x96 \x80100", "\u201cquoted\u201d \u2013 €100", "cp1252"),
        # The five bytes cp1252 leaves undefined fall back to Latin-1 instead of failing.
        (b"odd \x81\x8d\x8f\x90\x9d bytes \xe9", "odd \x81\x8d\x8f\x90\x9d bytes é", "cp1252"),
    ],
)
def test_ingest_decode_encodings(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data, "doc")
    assert decoded.text == text
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E002"),
        (b" \n\t\r\n ", "E002"),
        (b"\xef\xbb\xbf", "E002"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "E003"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E003"),
        (b"FORM 4\x00\x00\x00 binary tail", "E003"),
        (bytes(range(1, 9)) * 200 + b"some text", "E003"),
        (b"\xff\xfe" + b"\x00\xd8A\x00", "E004"),  # UTF-16 BOM, then an unpaired surrogate
        (b"\xef\xbb\xbfbad \xff utf-8", "E004"),
    ],
)
def test_ingest_decode_refusals(data: bytes, code: str) -> None:
    with pytest.raises(InputError, match=code):
        decode_bytes(data, "doc")


def test_ingest_decode_random_binary_is_refused() -> None:
    """Pseudo-random bytes (a compressed or image payload) are binary, not cp1252 text."""
    data = bytes((i * 7919 + 13) % 256 for i in range(10_000))
    with pytest.raises(InputError, match="E003"):
        decode_bytes(data, "noise.bin")


@pytest.mark.parametrize(("size", "limit", "refused"), [(100, 99, True), (100, 100, False)])
def test_ingest_decode_size_limit(tmp_path: Path, size: int, limit: int, refused: bool) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * size)
    for read in (
        lambda: read_document(path, max_bytes=limit),
        lambda: read_bytes(b"x" * size, "b", max_bytes=limit),
    ):
        if refused:
            with pytest.raises(InputError, match="E005"):
                read()
        else:
            assert len(read().text) == size


def test_ingest_read_document_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E001"):
        read_document(tmp_path / "absent.txt")


@pytest.mark.parametrize(("data", "text"), [(b"FORM 4\r\nIssuer &amp; Co", "FORM 4\nIssuer & Co")])
def test_ingest_read_document_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, text: str) -> None:
    fake = io.TextIOWrapper(io.BytesIO(data))
    monkeypatch.setattr(sys, "stdin", fake)
    nt = read_document("-")
    assert nt.text == text
    assert nt.source == "<stdin>"


@pytest.mark.parametrize("data", [b"Caf\xe9 &amp; \x93Bar\x94"])
def test_ingest_read_bytes_keeps_encoding_and_source(data: bytes) -> None:
    nt = read_bytes(data, "upload.txt")
    assert (nt.text, nt.encoding, nt.source) == ("Café & \u201cBar\u201d", "cp1252", "upload.txt")


@pytest.mark.parametrize(("data", "limit"), [(b"x" * 101, 100)])
def test_ingest_read_document_stdin_size_limit(
    monkeypatch: pytest.MonkeyPatch, data: bytes, limit: int
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with pytest.raises(InputError, match="E005"):
        read_document("-", max_bytes=limit)
