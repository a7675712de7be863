"""Fuzz: random bytes and random text through the batch unit of work never raise and never hang."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.batch.documents import process_bytes, process_one
from tests.conftest import DEV_DOCS

HEADER = (DEV_DOCS / "dev_0140af8cbe_ocr300.txt").read_text(encoding="utf-8")[:1500]
BUDGET_SECONDS = 10.0

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(env_error: str | None, started: float) -> None:
    assert time.monotonic() - started < BUDGET_SECONDS
    assert env_error is None or env_error.startswith("[E")


@FUZZ
@given(data=st.binary(max_size=4000))
def test_batch_fuzz_random_bytes(data: bytes) -> None:
    started = time.monotonic()
    env = process_bytes(data, "fuzz.txt")
    _check(env.error, started)
    assert env.document_id == "fuzz"


@FUZZ
@given(text=st.text(max_size=3000))
def test_batch_fuzz_filing_with_random_tail(text: str) -> None:
    """A real filing header followed by garbage goes through classification and the assembler."""
    started = time.monotonic()
    env = process_bytes((HEADER + text).encode("utf-8", "surrogatepass"), "fuzz.txt")
    _check(env.error, started)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_batch_fuzz_files_on_disk(data: bytes, tmp_path: Path) -> None:
    """The whole path from a file: read, decode, normalise, classify, extract."""
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    started = time.monotonic()
    env = process_one(str(path))
    _check(env.error, started)
    assert env.to_dict()["document_id"] == "fuzz"
