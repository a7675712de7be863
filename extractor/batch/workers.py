"""A pool of N extraction processes: ordered results, a bounded window, a per-document time budget.

Why not ``concurrent.futures.ProcessPoolExecutor``: it cannot kill the one worker stuck on a
pathological document, and a dead worker breaks the whole pool. Here each worker owns a pipe and works on
one document at a time, so the parent always knows which document a worker holds and since when:

- a document over the time budget gets an E601 record; its worker is killed and replaced;
- a worker that dies (segfault, OOM killer) gives an E602 record for its document and is replaced;
- at most ``window`` documents are dispatched but not yet yielded, so memory stays bounded however
  slow the head-of-line document is; results come out in input order.

Workers start from a ``forkserver`` that has imported the pipeline (``spawn`` where there is none), load
the models once (:func:`~extractor.batch.documents.warm_up`) and say ``ready`` before they get work, so
start-up time never counts against a document's budget.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from extractor.batch.documents import STDIN, document_id_for, process_bytes, process_one, warm_up
from extractor.errors import Errors
from extractor.records import Envelope

log = logging.getLogger(__name__)

Task = Callable[[str], Envelope]

DEFAULT_TIMEOUT = 60.0
_READY = "ready"
PRELOAD = ["extractor.batch.preload"]
# A worker that does not come up in this long (import error loop, broken venv) is a fatal problem.
_START_TIMEOUT = 300.0


def default_start_method() -> str:
    """``forkserver`` where there is one (POSIX): no locks or SQLite handles inherited from the parent,
    and fast worker starts; ``spawn`` elsewhere."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def default_workers() -> int:
    return os.cpu_count() or 1


def _worker_main(conn: Connection, model_dir: str | None, task: Task) -> None:
    """Child process: warm up, then extract one source per message until told to stop (``None``)."""
    if model_dir is not None:
        os.environ["EXTRACTOR_MODELS"] = model_dir
    warm_up()
    conn.send(_READY)
    while True:
        try:
            msg = conn.recv()
        except EOFError:  # the parent went away
            return
        if msg is None:
            return
        index, source = msg
        conn.send((index, task(source)))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    index: int | None = None
    source: str = ""
    started: float = 0.0


@dataclass
class WorkerPool:
    """``with WorkerPool(n) as pool: for env in pool.imap(sources): ...``"""

    n_workers: int = field(default_factory=default_workers)
    timeout: float | None = DEFAULT_TIMEOUT
    window: int = 0  # 0: four documents per worker
    model_dir: str | None = None
    start_method: str = field(default_factory=default_start_method)
    # What a worker runs per source; a module-level function (workers import it by name). Tests swap it.
    task: Task = process_one
    replaced: int = 0
    _workers: list[_Worker] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.n_workers = max(1, self.n_workers)
        self.window = self.window or 4 * self.n_workers
        self._ctx: Any = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            # The fork server imports the pipeline once (sklearn alone takes seconds); every worker,
            # and every replacement of a timed-out one, then forks from it ready-made.
            self._ctx.set_forkserver_preload(PRELOAD)

    def __enter__(self) -> WorkerPool:
        self._workers = [self._spawn() for _ in range(self.n_workers)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=_worker_main, args=(child, self.model_dir, self.task), daemon=True)
        proc.start()
        child.close()
        return _Worker(process=proc, conn=parent)

    def _retire(self, w: _Worker, *, kill: bool) -> None:
        if kill and w.process.is_alive():
            w.process.kill()
        w.process.join(timeout=5)
        w.conn.close()

    def _replace(self, w: _Worker) -> None:
        self._retire(w, kill=True)
        self._workers[self._workers.index(w)] = self._spawn()
        self.replaced += 1

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (benchmarks read their peak RSS)."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def close(self) -> None:
        for w in self._workers:
            with contextlib.suppress(OSError, ValueError):  # pipe already closed: the worker is gone
                w.conn.send(None)
        for w in self._workers:
            w.process.join(timeout=5)
            self._retire(w, kill=True)
        self._workers = []

    def imap(self, sources: Iterable[str], data: dict[int, bytes] | None = None) -> Iterator[Envelope]:
        """Envelopes for ``sources`` in input order. ``data`` holds the bytes of stdin inputs by index:
        those are extracted in this process (a spawned worker has no stdin)."""
        todo = enumerate(sources)
        exhausted = False
        results: dict[int, Envelope] = {}
        next_out = dispatched = 0
        while True:
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            # Feed idle workers while the window has room.
            for w in self._workers:
                if exhausted or dispatched - next_out >= self.window:
                    break
                if not w.ready or w.index is not None:
                    continue
                item = next(todo, None)
                if item is None:
                    exhausted = True
                    break
                index, source = item
                dispatched += 1
                if source == STDIN:
                    results[index] = process_bytes((data or {}).get(index, b""), STDIN)
                    continue
                w.conn.send((index, source))
                w.index, w.source, w.started = index, source, time.monotonic()
            if next_out in results:
                continue
            if exhausted and all(w.index is None for w in self._workers):
                return  # every dispatched document has been yielded
            self._wait_once(results)

    def _wait_once(self, results: dict[int, Envelope]) -> None:
        """Block until a worker answers, dies or overruns its budget; record what happened."""
        now = time.monotonic()
        deadlines = [w.started + self.timeout for w in self._workers if w.index is not None and self.timeout]
        if not any(w.ready for w in self._workers):
            deadlines.append(now + _START_TIMEOUT)
        wait_for = max(0.0, min(deadlines) - now) if deadlines else None
        handles: list[Any] = [w.conn for w in self._workers] + [w.process.sentinel for w in self._workers]
        ready = set(wait(handles, timeout=wait_for))
        for w in list(self._workers):
            if w.conn in ready:
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError) as exc:
                    self._on_death(w, results, f"pipe closed: {exc}")
                    continue
                if msg == _READY:
                    w.ready = True
                    continue
                index, env = msg
                results[index] = env
                w.index = None
            elif w.process.sentinel in ready:
                self._on_death(w, results, f"exit code {w.process.exitcode}")
            elif w.index is not None and self.timeout and time.monotonic() - w.started > self.timeout:
                log.warning("%s over the %.0f s budget; replacing its worker", w.source, self.timeout)
                results[w.index] = _error(w.source, Errors.E601.format(path=w.source, seconds=self.timeout))
                self._replace(w)

    def _on_death(self, w: _Worker, results: dict[int, Envelope], reason: str) -> None:
        if w.index is None and not w.ready:
            # Died during start-up: replacing it forever would spin; the pipeline cannot even import.
            raise RuntimeError(f"extraction worker failed to start ({reason})")
        if w.index is not None:
            log.warning("worker died on %s (%s); replacing it", w.source, reason)
            results[w.index] = _error(w.source, Errors.E602.format(path=w.source, reason=reason))
        self._replace(w)


def _error(source: str, message: str) -> Envelope:
    return Envelope(document_id=document_id_for(source), source=source, error=message)
