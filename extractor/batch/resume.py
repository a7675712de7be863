"""Resumable JSONL output: a rerun over the same output appends only the documents not yet done.

Beside ``out.jsonl`` lives ``out.jsonl.done``: one line ``<sha256 of the input bytes>\\t<document_id>``
per record, in the same order. A document is done when its (content hash, document_id) key is there,
so a renamed copy is new work and an edited file is re-extracted (its old record stays: see gaps).

Traps handled on resume:

- SIGKILL mid-write leaves a half line at the end of the output (no ``\\n``): it is cut off.
- The two files are written one after the other, so a kill between them leaves the output one flush
  ahead of the manifest (or the reverse): both are cut back to the records they agree on, which the
  rerun then extracts again, so nothing is lost or duplicated.
- Records and manifest disagree on a document id: the output was edited or written by something else;
  we stop with E605 rather than guess.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from extractor.errors import BatchError, Errors

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


def manifest_path(output: Path) -> Path:
    return output.with_name(output.name + ".done")


def content_hash(source: str) -> str:
    """sha256 of the file's bytes; an unreadable input hashes its error, so it is done once too."""
    h = hashlib.sha256()
    try:
        with open(source, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
    except OSError as exc:
        return f"unreadable:{type(exc).__name__}"
    return h.hexdigest()


def bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def resume_key(digest: str, document_id: str) -> str:
    return f"{digest}\t{document_id}"


@dataclass
class ResumeState:
    """What an output already holds: the keys of its records and how much was cut off."""

    output: Path
    done: set[str] = field(default_factory=set)
    n_records: int = 0
    truncated_bytes: int = 0


def prepare(output: Path, *, resume: bool) -> ResumeState:
    """Make ``output`` and its manifest consistent (or empty them) and return what is already done."""
    output.parent.mkdir(parents=True, exist_ok=True)
    manifest = manifest_path(output)
    if not resume or not output.exists() or output.stat().st_size == 0:
        output.write_bytes(b"")
        manifest.write_bytes(b"")
        return ResumeState(output)
    if not manifest.exists():
        raise BatchError(
            Errors.E605.format(path=output, reason=f"it has records but no manifest {manifest.name}")
        )
    out_ends, out_ids = _complete_lines(output, _json_document_id)
    man_ends, man_keys = _complete_lines(manifest, _manifest_key)
    n = min(len(out_ids), len(man_keys))
    for i in range(n):
        if man_keys[i].split("\t", 1)[1] != out_ids[i]:
            reason = f"record {i + 1} is {out_ids[i]!r} but the manifest says {man_keys[i]!r}"
            raise BatchError(Errors.E605.format(path=output, reason=reason))
    cut = _truncate(output, out_ends[n - 1] if n else 0) + _truncate(manifest, man_ends[n - 1] if n else 0)
    if cut:
        log.warning("resume: cut %d bytes of half-written or unmatched records from %s", cut, output)
    return ResumeState(output, done=set(man_keys[:n]), n_records=n, truncated_bytes=cut)


def _json_document_id(line: bytes) -> str | None:
    try:
        data = json.loads(line)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError: a damaged line ends the good prefix
        return None
    doc = data.get("document_id") if isinstance(data, dict) else None
    return doc if isinstance(doc, str) else None


def _manifest_key(line: bytes) -> str | None:
    text = line.decode("utf-8", errors="replace").rstrip("\n")
    return text if text.count("\t") == 1 else None


def _complete_lines(path: Path, parse: Callable[[bytes], str | None]) -> tuple[list[int], list[str]]:
    """End offsets and parsed values of the leading run of complete, well-formed lines."""
    ends: list[int] = []
    values: list[str] = []
    pos = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break  # the half line a SIGKILL leaves behind
            value = parse(line)
            if value is None:
                break
            pos += len(line)
            ends.append(pos)
            values.append(value)
    return ends, values


def _truncate(path: Path, size: int) -> int:
    extra = path.stat().st_size - size
    if extra > 0:
        with open(path, "r+b") as fh:
            fh.truncate(size)
    return max(0, extra)


class ResumableWriter:
    """Appends records and their manifest lines; records reach the files only on :meth:`flush`."""

    def __init__(self, output: Path) -> None:
        # Held open for the whole run and closed by close(): a context manager cannot span the loop.
        self._out: IO[str] = open(output, "a", encoding="utf-8")  # noqa: SIM115
        self._manifest: IO[str] = open(manifest_path(output), "a", encoding="utf-8")  # noqa: SIM115
        self._lines: list[str] = []
        self._keys: list[str] = []

    def add(self, record: dict[str, object], key: str) -> None:
        self._lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        self._keys.append(key + "\n")

    @property
    def pending(self) -> int:
        return len(self._lines)

    def flush(self) -> None:
        """Output first, then the manifest: a kill in between leaves extra records, cut on resume."""
        if not self._lines:
            return
        self._out.write("".join(self._lines))
        self._out.flush()
        self._manifest.write("".join(self._keys))
        self._manifest.flush()
        self._lines.clear()
        self._keys.clear()

    def close(self) -> None:
        self.flush()
        self._out.close()
        self._manifest.close()
