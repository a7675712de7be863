"""Resume: a run killed with SIGKILL and started again gives every document exactly once, with the
records of an uninterrupted run; torn and unmatched lines left by the kill are cut, never kept."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch.resume import manifest_path, prepare
from extractor.batch.runner import run_extract
from extractor.errors import BatchError
from tests.conftest import DEV_DOCS, REPO

N_DOCS = 40


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _extract_cmd(docs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "extractor.cli", "extract", str(docs), "-o", str(out), "--workers", "1"]


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    for src in sorted(DEV_DOCS.glob("*.txt"))[:N_DOCS]:
        shutil.copy(src, docs / src.name)
    return docs


def test_batch_resume_after_sigkill(docs_dir: Path, tmp_path: Path) -> None:
    """Trap: a SIGKILL can land mid-line; the rerun must cut the torn line, skip what is done, and the
    people registry must give the resumed documents the ids an uninterrupted run gives them."""
    full = tmp_path / "full" / "out.jsonl"
    assert run_extract([str(docs_dir)], full, workers=0) == 0

    out = tmp_path / "killed" / "out.jsonl"
    proc = subprocess.Popen(
        _extract_cmd(docs_dir, out), cwd=REPO, start_new_session=True, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while _lines(out) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):  # the worker and fork server it started
            os.killpg(proc.pid, signal.SIGKILL)
    written = _lines(out)
    assert proc.returncode == -signal.SIGKILL
    assert 0 < written < N_DOCS, "the kill should land mid-run"
    # What a kill inside write() leaves: a record cut in the middle, no newline.
    with open(out, "ab") as fh:
        fh.write(b'{"document_id": "dev_torn", "filing": {"peri')

    rerun = subprocess.run(_extract_cmd(docs_dir, out), cwd=REPO, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{written} already done" in rerun.stderr

    resumed, expected = _records(out), _records(full)
    ids = [r["document_id"] for r in resumed]
    assert len(ids) == len(set(ids)) == N_DOCS
    differing = [r["document_id"] for r, e in zip(resumed, expected, strict=True) if r != e]
    assert not differing, f"resumed records differ from an uninterrupted run: {differing}"
    assert _lines(manifest_path(out)) == N_DOCS


def test_batch_resume_skips_everything_when_done(docs_dir: Path, tmp_path: Path) -> None:
    """A finished output rerun is a no-op; --no-resume starts over."""
    docs = [str(p) for p in sorted(docs_dir.glob("*.txt"))[:3]]
    out = tmp_path / "out.jsonl"
    assert run_extract(docs, out, workers=0) == 0
    before = out.read_bytes()
    assert run_extract(docs, out, workers=0) == 0
    assert out.read_bytes() == before
    assert run_extract(docs[:1], out, workers=0, resume=False) == 0
    assert _lines(out) == 1


@pytest.mark.parametrize(
    ("output", "manifest", "kept"),
    [
        (b'{"document_id": "a"}\n{"document_id": "b"}\n{"docu', b"h1\ta\nh2\tb\n", 2),
        (b'{"document_id": "a"}\n{"document_id": "b"}\n', b"h1\ta\n", 1),  # killed between the two files
        (b'{"document_id": "a"}\n', b"h1\ta\nh2\tb\nh3", 1),
        (b"", b"", 0),
    ],
)
def test_batch_resume_cuts_torn_and_unmatched_lines(
    output: bytes, manifest: bytes, kept: int, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(output)
    manifest_path(out).write_bytes(manifest)
    state = prepare(out, resume=True)
    assert state.n_records == kept
    assert _lines(out) == _lines(manifest_path(out)) == kept
    assert out.read_bytes().endswith(b"\n") or not kept


@pytest.mark.parametrize(
    ("output", "manifest"),
    [
        (b'{"document_id": "a"}\n', b"h1\tother\n"),  # records and manifest disagree
        (b'{"document_id": "a"}\n', None),  # records without a manifest
    ],
)
def test_batch_resume_refuses_foreign_output(output: bytes, manifest: bytes | None, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(output)
    if manifest is not None:
        manifest_path(out).write_bytes(manifest)
    with pytest.raises(BatchError, match="E605"):
        prepare(out, resume=True)
