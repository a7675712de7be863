"""The local worker pool: same records for any number of workers, in input order; a document over its
time budget or a worker that dies becomes that document's error record and the batch goes on."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from extractor.batch.documents import document_id_for, process_one
from extractor.batch.runner import run_extract
from extractor.batch.workers import WorkerPool
from extractor.records import Envelope
from tests.conftest import DEV_DOCS

N_DOCS = 6


def _dev_docs(n: int = N_DOCS) -> list[str]:
    return [str(p) for p in sorted(DEV_DOCS.glob("*.txt"))[:n]]


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def slow_on_marker(source: str) -> Envelope:
    """Worker task for the tests: hangs on a source named ``hang``, dies on ``die``."""
    name = Path(source).stem
    if name == "hang":
        time.sleep(600)
    if name == "die":
        os._exit(3)
    return Envelope(document_id=document_id_for(source), source=source)


@pytest.fixture(scope="module")
def in_process_run(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    out = tmp_path_factory.mktemp("w0") / "out.jsonl"
    assert run_extract(_dev_docs(), out, workers=0) == 0
    return _records(out)


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_workers_same_output_as_in_process(
    workers: int, in_process_run: list[dict[str, object]], tmp_path: Path
) -> None:
    """Trap: results arrive out of order from N processes; the output must still be in input order and
    byte-for-byte the records of a one-process run (person ids included)."""
    out = tmp_path / "out.jsonl"
    assert run_extract(_dev_docs(), out, workers=workers) == 0
    assert _records(out) == in_process_run


@pytest.mark.parametrize(
    ("bad_name", "code"),
    [("hang", "E601"), ("die", "E602")],
)
def test_batch_workers_isolate_pathological_document(bad_name: str, code: str) -> None:
    """A hanging document is given up after its budget, a crashing one is reported; the worker is
    replaced and the documents after it are still extracted, in order."""
    sources = ["a.txt", f"{bad_name}.txt", "b.txt", "c.txt"]
    started = time.monotonic()
    with WorkerPool(1, timeout=2.0, task=slow_on_marker, window=2) as pool:
        envs = list(pool.imap(sources))
        assert pool.replaced == 1
    assert time.monotonic() - started < 40
    assert [e.document_id for e in envs] == ["a", bad_name, "b", "c"]
    assert envs[1].error is not None and code in envs[1].error
    assert all(e.error is None for i, e in enumerate(envs) if i != 1)


def test_batch_workers_process_one_never_raises(tmp_path: Path) -> None:
    """A missing file is a coded error record, not an exception."""
    env = process_one(str(tmp_path / "missing.txt"))
    assert env.error is not None and env.error.startswith("[E001]")
