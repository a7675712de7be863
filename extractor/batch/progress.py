"""Progress of a batch on stderr: a rich bar (docs, docs/s, ETA, errors) on a terminal, plain periodic
log lines otherwise (CI logs, ``nohup``, a data team's scheduler), so a pipe never fills with redraws."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

LOG_EVERY_SECONDS = 10.0


@dataclass
class BatchProgress:
    """``start(total)``, ``advance(error=...)`` per document, ``close()``; counts kept for the summary."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    interactive: bool | None = None  # None: ask the stream whether it is a terminal
    every: float = LOG_EVERY_SECONDS
    total: int = 0
    done: int = 0
    errors: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.perf_counter)
    _last_log: float = 0.0
    _bar: Any = None
    _task: Any = None

    def start(self, total: int, *, skipped: int = 0) -> None:
        self.total, self.skipped = total, skipped
        self.started = self._last_log = time.perf_counter()
        if self.interactive is None:
            self.interactive = bool(getattr(self.stream, "isatty", lambda: False)())
        if skipped:
            self._line(f"resume: {skipped} documents already in the output, {total} to do")
        if self.interactive:
            self._start_bar()

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            TextColumn("extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[errors]} errors"),
            console=Console(file=self.stream),
            transient=False,
        )
        self._bar.start()
        self._task = self._bar.add_task("extract", total=self.total or None, rate=0.0, errors=0)

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, *, error: bool) -> None:
        self.done += 1
        self.errors += error
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=self.rate, errors=self.errors)
            return
        now = time.perf_counter()
        if now - self._last_log >= self.every:
            self._last_log = now
            rate = self.rate
            eta = (self.total - self.done) / rate if rate > 0 else float("nan")
            self._line(
                f"extract: {self.done}/{self.total} docs, {rate:.1f} docs/s, ETA {eta:.0f}s, "
                f"{self.errors} errors"
            )

    def close(self, summary: str) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        self._line(summary)

    def _line(self, text: str) -> None:
        # CLI-facing output: the progress log of the `extract` command.
        print(text, file=self.stream, flush=True)
