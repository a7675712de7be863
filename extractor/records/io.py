"""Reading and writing records: JSONL prediction files and gold directories (one JSON per document)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.errors import Errors, RecordError
from extractor.records.envelope import Envelope


def read_jsonl(path: str | Path) -> Iterator[Envelope]:
    """Envelopes from a JSON Lines file; a malformed line raises ``RecordError`` (E301) with its number."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordError(Errors.E301.format(path=path, line=lineno, reason=exc)) from exc
            yield Envelope.from_dict(data)


def read_gold_dir(path: str | Path) -> list[Envelope]:
    """Every ``*.json`` gold record under ``path`` (recursively), skipping people files."""
    root = Path(path)
    out = []
    for file in sorted(root.rglob("*.json")):
        if file.name.startswith("people"):
            continue
        data = json.loads(file.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "document_id" in data:
            out.append(Envelope.from_dict(data))
    if not out:
        raise RecordError(Errors.E302.format(path=path))
    return out


def write_json(env: Envelope, path: str | Path) -> None:
    Path(path).write_text(json.dumps(env.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def write_jsonl(envs: Iterable[Envelope], path: str | Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for env in envs:
            fh.write(json.dumps(env.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n
