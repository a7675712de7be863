"""The ``extractor extract`` job: inputs -> envelopes (in-process, N worker processes or Dask) -> people
resolved -> resumable JSONL in input order -> optional CSV / Parquet / EDGAR XML from that JSONL.

Every engine yields envelopes in input order and never raises for a document, so the rest of the job is
one loop. People are always resolved here, in the one process holding the SQLite registry.

Trap (resume and people): the registry is committed *before* the records that used it are written.
After a kill the registry may know a few documents the output does not; rerun, their mentions are found
as "seen before" and get the same ids, so a resumed run equals an uninterrupted one.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from extractor.batch.documents import STDIN, document_id_for, process_bytes, process_one
from extractor.batch.inputs import expand_inputs
from extractor.batch.progress import BatchProgress
from extractor.batch.resume import ResumableWriter, bytes_hash, content_hash, prepare, resume_key
from extractor.batch.workers import DEFAULT_TIMEOUT, WorkerPool, default_workers
from extractor.batch.writers import check_format, write_format
from extractor.records import Envelope

__all__ = ["process_one", "run_extract"]

log = logging.getLogger(__name__)

# Records reach the output in small groups: one registry commit (an fsync) per group, not per document.
FLUSH_EVERY_DOCS = 32
FLUSH_EVERY_SECONDS = 1.0


def run_extract(
    paths: list[str],
    output: Path,
    *,
    model_dir: Path | None = None,
    registry_path: Path | None = None,
    workers: int | None = None,
    fmt: str = "jsonl",
    scheduler: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    resume: bool = True,
    progress: BatchProgress | None = None,
) -> int:
    """Extract every input into ``output`` (JSONL, input order), resolving people against the registry
    (default: ``people.sqlite`` beside the output). Returns the exit code: 0 when the output holds records.

    ``workers``: processes (default: one per CPU; 0 = in this process, no time budget). ``scheduler``:
    a Dask scheduler address, used instead of local workers. ``resume``: keep what ``output`` holds and
    extract only the inputs not yet in it.
    """
    check_format(fmt)
    if model_dir is not None:
        os.environ["EXTRACTOR_MODELS"] = str(model_dir)
    progress = progress or BatchProgress()
    state = prepare(output, resume=resume)
    sources: list[str] = []
    keys: list[str] = []
    stdin_data: dict[int, bytes] = {}
    for source in expand_inputs(paths):
        if source == STDIN:
            data = sys.stdin.buffer.read()
            digest = bytes_hash(data)
        else:
            digest = content_hash(source)
        key = resume_key(digest, document_id_for(source))
        if key in state.done:
            continue
        if source == STDIN:
            stdin_data[len(sources)] = data
        sources.append(source)
        keys.append(key)
    progress.start(len(sources), skipped=state.n_records)
    engine = _engine(
        sources, stdin_data, workers=workers, scheduler=scheduler, timeout=timeout, model_dir=model_dir
    )
    _write_records(engine, keys, output, registry_path or output.parent / "people.sqlite", progress)
    elapsed = time.perf_counter() - progress.started
    progress.close(
        f"extracted {progress.done} documents ({progress.errors} errors, {state.n_records} already done) "
        f"in {elapsed:.1f}s, {progress.rate:.1f} docs/s -> {output}"
    )
    if fmt != "jsonl":
        written = write_format(output, fmt)
        progress.close(f"wrote {fmt} output: {written}")
    return 0 if progress.done + state.n_records else 1


def _engine(
    sources: list[str],
    stdin_data: dict[int, bytes],
    *,
    workers: int | None,
    scheduler: str | None,
    timeout: float | None,
    model_dir: Path | None,
) -> Iterator[Envelope]:
    """Envelopes for ``sources`` in input order, from the engine the options ask for."""
    if not sources:
        return
    if scheduler:
        from extractor.batch.dask_runner import dask_imap

        yield from dask_imap(sources, scheduler, timeout=timeout, data=stdin_data)
        return
    n = default_workers() if workers is None else workers
    if n <= 0 or len(stdin_data) == len(sources):  # stdin alone: no process pool to start
        for i, source in enumerate(sources):
            yield process_bytes(stdin_data[i], STDIN) if i in stdin_data else process_one(source)
        return
    # No more processes than documents: each one costs a second or two to start.
    n = min(n, len(sources))
    with WorkerPool(n, timeout=timeout, model_dir=str(model_dir) if model_dir else None) as pool:
        yield from pool.imap(sources, stdin_data)


def _write_records(
    engine: Iterator[Envelope], keys: list[str], output: Path, registry_path: Path, progress: BatchProgress
) -> None:
    from extractor.people.registry import Registry
    from extractor.people.resolve import Resolver, resolve_envelope

    with Registry(registry_path) as registry:
        resolver = Resolver(registry)
        writer = ResumableWriter(output)
        last_flush = time.monotonic()
        try:
            for env, key in zip(engine, keys, strict=True):
                if env.error is None:
                    try:
                        resolve_envelope(resolver, env)
                    except Exception as exc:  # a people bug must not cost the record: keep it, say so
                        log.exception("people resolution failed for %s", env.document_id)
                        env.warnings.append(f"people not resolved: {type(exc).__name__}: {exc}")
                writer.add(env.to_dict(), key)
                progress.advance(error=env.error is not None)
                now = time.monotonic()
                if writer.pending >= FLUSH_EVERY_DOCS or now - last_flush >= FLUSH_EVERY_SECONDS:
                    registry.commit()  # before the records: see the module docstring
                    writer.flush()
                    last_flush = now
        finally:
            registry.commit()
            writer.close()
