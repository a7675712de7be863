"""Bad inputs in a batch: each gives one record (with a coded error where it cannot be processed) and
the documents after it are still extracted. Run through real worker processes, as users run it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.batch.runner import run_extract
from tests.conftest import DEV_DOCS

DEV_DOC = DEV_DOCS / "dev_0140af8cbe_ocr300.txt"
BIG_BYTES = 50 * 1024 * 1024


def _big_text(path: Path) -> None:
    line = "Class A Common Stock 08/20/2019 J 46,780 A $0 46,780 I By Fund (1)\n"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(BIG_BYTES // len(line) + 1):
            fh.write(line)


def _text() -> str:
    return DEV_DOC.read_text(encoding="utf-8")


# name -> (writer, error code expected or None when the file is readable text)
BAD_INPUTS: dict[str, tuple[Callable[[Path], object], str | None]] = {
    "empty.txt": (lambda p: p.write_bytes(b""), "E002"),
    "binary.txt": (lambda p: p.write_bytes(b"\x00\x01\x02\x03BIN\x00\xff" * 50), "E003"),
    "random.txt": (lambda p: p.write_bytes(bytes(range(256)) * 20), "E003"),
    "big.txt": (_big_text, None),
    "cp1252.txt": (lambda p: p.write_bytes(("Café – “quoted” " + _text()).encode("cp1252", "replace")), None),
    "utf16.txt": (lambda p: p.write_bytes(_text().encode("utf-16")), None),
    "truncated.txt": (lambda p: p.write_text(_text()[: len(_text()) * 3 // 10], encoding="utf-8"), None),
    "prose.txt": (lambda p: p.write_text("The quick brown fox jumps over the lazy dog. " * 300), None),
    "missing.txt": (lambda p: None, "E001"),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """One batch: every bad input, each followed by the same good filing under another name."""
    root = tmp_path_factory.mktemp("bad")
    sources: list[str] = []
    for i, (name, (write, _)) in enumerate(BAD_INPUTS.items()):
        path = root / name
        write(path)
        good = root / f"good_{i}.txt"
        good.write_bytes(DEV_DOC.read_bytes())
        sources += [str(path), str(good)]
    out = root / "out.jsonl"
    assert run_extract(sources, out, workers=1, timeout=30) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == sources
    return {str(r["document_id"]): r for r in records}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_batch_bad_input_gives_a_record(name: str, batch: dict[str, dict[str, object]]) -> None:
    _, code = BAD_INPUTS[name]
    record = batch[Path(name).stem]
    if code is None:
        error = record["error"]
        # Readable text: processed, or (50 MB) at worst given up with a coded error, never a crash.
        assert error is None or str(error).startswith(("[E005]", "[E601]")), error
    else:
        assert str(record["error"]).startswith(f"[{code}]")


@pytest.mark.parametrize("name", ["cp1252.txt", "utf16.txt"])
def test_batch_bad_input_other_encodings_are_read(name: str, batch: dict[str, dict[str, object]]) -> None:
    """Trap: a UTF-16 file is full of NUL bytes and must not be called binary."""
    record = batch[Path(name).stem]
    assert record["error"] is None and record["form_type"] == "4"


def test_batch_bad_input_batch_goes_on(batch: dict[str, dict[str, object]]) -> None:
    goods = [r for doc_id, r in batch.items() if doc_id.startswith("good_")]
    assert len(goods) == len(BAD_INPUTS)
    assert all(r["error"] is None and r["form_type"] == "4" for r in goods)
    assert len({json.dumps(r["filing"], sort_keys=True) for r in goods}) == 1
