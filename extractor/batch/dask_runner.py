"""``--scheduler ADDRESS``: the same job on a Dask cluster (``dask.distributed.Client``).

The cluster only extracts: :func:`~extractor.batch.documents.process_one` is mapped over the inputs in
chunks and gathered in input order; people are resolved afterwards on the client against the one SQLite
registry (a registry must not be written from many machines), so the output equals a local run's.

While chunk k is gathered and written, chunk k+1 is already running, which keeps the cluster busy and
at most two chunks of envelopes in memory. Workers must see the input paths (shared filesystem) and
have this package installed.

Trap: a Dask task cannot be killed from the client. The per-document budget is applied while waiting
for the result: an overrun becomes an E601 record and the future is cancelled, but a thread stuck in
a worker stays stuck until that worker restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from extractor.batch.documents import STDIN, document_id_for, process_bytes, process_one
from extractor.errors import BatchError, Errors
from extractor.records import Envelope

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 64


def _client(scheduler: str) -> Any:
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise BatchError(
            Errors.E604.format(package="dask[distributed]", feature="--scheduler", extra="dask")
        ) from exc
    return Client(scheduler, set_as_default=False)


def dask_imap(
    sources: Iterable[str],
    scheduler: str,
    *,
    timeout: float | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    data: dict[int, bytes] | None = None,
) -> Iterator[Envelope]:
    """Envelopes for ``sources`` in input order, extracted on the cluster at ``scheduler``."""
    client = _client(scheduler)
    try:
        it = iter(enumerate(sources))
        pending = _submit(client, list(islice(it, chunk_size)), data)
        while pending:
            following = _submit(client, list(islice(it, chunk_size)), data)
            yield from _gather(pending, timeout)
            pending = following
    finally:
        client.close()


def _submit(
    client: Any, chunk: list[tuple[int, str]], data: dict[int, bytes] | None
) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for index, source in chunk:
        if source == STDIN:  # the cluster cannot read our stdin: extract it here
            out.append((source, process_bytes((data or {}).get(index, b""), STDIN)))
        else:
            # pure=False: two inputs with equal paths must not share one task key.
            out.append((source, client.submit(process_one, source, pure=False)))
    return out


def _gather(pending: list[tuple[str, Any]], timeout: float | None) -> Iterator[Envelope]:
    for source, future in pending:
        if isinstance(future, Envelope):
            yield future
            continue
        try:
            yield future.result(timeout=timeout)
        except TimeoutError:
            future.cancel()
            yield _error(source, Errors.E601.format(path=source, seconds=timeout))
        except Exception as exc:  # a lost worker or a failed task: this document's error, batch goes on
            log.warning("Dask task for %s failed: %s", source, exc)
            yield _error(source, Errors.E603.format(path=source, reason=f"{type(exc).__name__}: {exc}"))


def _error(source: str, message: str) -> Envelope:
    return Envelope(document_id=document_id_for(source), source=source, error=message)
