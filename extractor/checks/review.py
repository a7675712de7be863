"""``extractor review OUT.jsonl``: the fields a person should look at, with the text they came from.

Lists every field whose (calibrated) confidence is below the threshold: document id, field path, value,
confidence, and the source text around the field, cut from the envelope's ``source`` file at its
``provenance`` offsets (offsets into the decoded source text, so the file is decoded the way ``extract``
decoded it). A moved or missing source costs the snippet, not the review.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractor.errors import Errors, ExtractorError

CONTEXT_CHARS = 40
_PATH = re.compile(r"([a-z_0-9]+)(?:\[(\d+)\])?")


@dataclass
class ReviewItem:
    """One low-confidence field to review."""

    document_id: str
    path: str
    value: Any
    confidence: float
    snippet: str | None


def value_at(filing: dict[str, Any], path: str) -> Any:
    """``non_derivative_transactions[2].transaction_shares`` -> that value in a filing dict (or None)."""
    obj: Any = filing
    for part in path.split("."):
        m = _PATH.fullmatch(part)
        if m is None or not isinstance(obj, dict):
            return None
        obj = obj.get(m.group(1))
        if m.group(2) is not None:
            i = int(m.group(2))
            obj = obj[i] if isinstance(obj, list) and i < len(obj) else None
    return obj


def _source_text(source: Any, cache: dict[str, str | None]) -> str | None:
    if not isinstance(source, str) or not source or source == "-":
        return None
    if source not in cache:
        from extractor.ingest import read_document

        try:
            cache[source] = read_document(source).source_text
        except (ExtractorError, OSError):
            cache[source] = None
    return cache[source]


def snippet(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> str:
    """``...before [value] after...`` on one line."""
    start, end = max(0, start), min(len(text), end)
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def review_items(envelopes: list[dict[str, Any]], threshold: float) -> list[ReviewItem]:
    """Every field below ``threshold``, lowest confidence first within a document."""
    cache: dict[str, str | None] = {}
    items: list[ReviewItem] = []
    for env in envelopes:
        filing = env.get("filing") or {}
        prov = env.get("provenance") or {}
        low = sorted((c, p) for p, c in (env.get("confidence") or {}).items() if c < threshold)
        for conf, path in low:
            value = env.get("form_type") if path == "form_type" else value_at(filing, path)
            span = prov.get(path)
            text = _source_text(env.get("source"), cache) if span else None
            cut = snippet(text, int(span[0]), int(span[1])) if text is not None and span else None
            items.append(ReviewItem(str(env.get("document_id")), path, value, float(conf), cut))
    return items


def read_envelopes(path: Path) -> list[dict[str, Any]]:
    """Envelope dicts of an extraction JSONL (E703 on a line that is not one)."""
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError as exc:
                raise ExtractorError(Errors.E703.format(path=path, line=n, reason=exc)) from exc
            if not isinstance(data, dict) or "document_id" not in data:
                raise ExtractorError(Errors.E703.format(path=path, line=n, reason="no document_id"))
            out.append(data)
    return out


def run_review(path: Path, threshold: float = 0.8, console: Console | None = None) -> int:
    """The ``review`` command: print the table; returns the exit code (0 ok, 2 unreadable input)."""
    console = console or Console()
    try:
        envelopes = read_envelopes(path)
    except (ExtractorError, OSError) as exc:
        Console(stderr=True).print(f"[red]{escape(str(exc))}[/red]", highlight=False)
        return 2
    items = review_items(envelopes, threshold)
    table = Table(title=f"Fields below confidence {threshold:g} in {path} ({len(items)})")
    for col in ("document", "field", "value", "confidence", "source text"):
        table.add_column(col, overflow="fold")
    for it in items:
        table.add_row(
            escape(it.document_id),
            escape(it.path),
            escape(json.dumps(it.value, ensure_ascii=False)),
            f"{it.confidence:.2f}",
            escape(it.snippet or "(no provenance)"),
        )
    console.print(table)
    return 0
