"""The ``extractor import-xml PATH... -o DIR`` command: EDGAR XML -> one gold JSON per document.

Accepts files and directories (searched recursively for ``.xml``, ``.txt``, ``.nc``, ``.ori``); an
error in one file is reported and the others go on. Exit code 0 when at least one document was
imported, 1 when none was.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from extractor.edgar_xml.importer import FileImport, import_file
from extractor.records import write_json

logger = logging.getLogger(__name__)

INPUT_SUFFIXES = frozenset({".xml", ".txt", ".nc", ".ori"})


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given, plus every file with an EDGAR suffix under each directory (sorted, no repeats)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        found = (
            sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if path.is_dir()
            else [path]
        )
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def run_import_xml(paths: list[Path], out_dir: Path, *, console: Console | None = None) -> int:
    """Import every input under ``paths`` into ``out_dir``; print a summary; return the exit code."""
    console = console or Console(stderr=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    inputs = collect_inputs(paths)
    results: list[FileImport] = []
    written: set[str] = set()
    per_type: Counter[str] = Counter()
    for path in inputs:
        result = import_file(path)
        results.append(result)
        for env in result.envelopes:
            doc_id = _unique(env.document_id, written)
            if doc_id != env.document_id:
                env.warnings.append(f"document_id {env.document_id!r} already written in this run")
                env.document_id = doc_id
            written.add(doc_id)
            write_json(env, out_dir / f"{doc_id}.json")
            per_type[env.form_type] += 1
    _print_summary(console, inputs, results, per_type, out_dir)
    return 0 if per_type else 1


def _unique(doc_id: str, written: set[str]) -> str:
    """Two inputs with one stem (``a/x.xml``, ``b/x.xml``) must not overwrite each other."""
    if doc_id not in written:
        return doc_id
    n = 2
    while f"{doc_id}__{n}" in written:
        n += 1
    return f"{doc_id}__{n}"


def _print_summary(
    console: Console, inputs: list[Path], results: list[FileImport], per_type: Counter[str], out_dir: Path
) -> None:
    table = Table(title=f"EDGAR XML import -> {out_dir}")
    table.add_column("form type")
    table.add_column("documents", justify="right")
    for form_type, n in sorted(per_type.items()):
        table.add_row(form_type, str(n))
    table.add_row("[bold]total[/bold]", f"[bold]{sum(per_type.values())}[/bold]")
    console.print(table)
    errors = [(r.path, e) for r in results for e in r.errors]
    failed = sum(1 for r in results if not r.envelopes)
    console.print(f"{len(inputs)} input files, {failed} without any imported document, {len(errors)} errors")
    for path, message in errors:
        console.print(f"[red]error[/red] {path.name}: {message}", highlight=False)
