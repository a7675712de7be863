"""Output formats besides the JSONL: ``csv`` and ``parquet`` flat tables, ``xml`` EDGAR ownership XML.

All are written at the end of a run *from the JSONL* (which stays the resumable source of truth), read
line by line so memory stays bounded: CSV rows are streamed, Parquet goes out in row groups of
``PARQUET_BATCH`` rows. They land in a directory beside the output: ``out.jsonl`` -> ``out_csv/``,
``out_parquet/`` (one file per table, see :mod:`.tables`) or ``out_xml/`` (one ``<document_id>.xml``
per Form 3/4/5 record without an error; Form D and error records are counted and skipped).
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extractor.batch.tables import TABLES, TableSpec, conform, rows_of
from extractor.errors import BatchError, Errors
from extractor.records import OWNERSHIP_FORM_TYPES, Envelope

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet", "xml")
PARQUET_BATCH = 10_000


def check_format(fmt: str) -> None:
    """Fail before any work: an unknown format (E606) or a missing optional dependency (E604)."""
    if fmt not in FORMATS:
        raise BatchError(Errors.E606.format(format=fmt, choices=", ".join(FORMATS)))
    if fmt == "parquet":
        _pyarrow()


def output_dir(output: Path, fmt: str) -> Path:
    return output.with_name(f"{output.stem}_{fmt}")


def write_format(output: Path, fmt: str) -> Path:
    """Write ``fmt`` from the JSONL at ``output``; returns the directory written."""
    check_format(fmt)
    out_dir = output_dir(output, fmt)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        write_csv(output, out_dir)
    elif fmt == "parquet":
        write_parquet(output, out_dir)
    elif fmt == "xml":
        write_xml(output, out_dir)
    return out_dir


def _records(jsonl: Path) -> Iterator[dict[str, Any]]:
    with open(jsonl, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def write_csv(jsonl: Path, out_dir: Path) -> None:
    with contextlib.ExitStack() as stack:
        writers: dict[str, csv.DictWriter[str]] = {}
        for spec in TABLES.values():
            fh = stack.enter_context(open(out_dir / f"{spec.name}.csv", "w", encoding="utf-8", newline=""))
            writers[spec.name] = csv.DictWriter(fh, fieldnames=spec.names)
            writers[spec.name].writeheader()
        for record in _records(jsonl):
            for table, row in rows_of(record):
                writers[table].writerow(conform(TABLES[table], row))


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise BatchError(
            Errors.E604.format(package="pyarrow", feature="--format parquet", extra="parquet")
        ) from exc
    return pyarrow


def _arrow_schema(pa: Any, spec: TableSpec) -> Any:
    types = {"string": pa.string(), "float": pa.float64(), "bool": pa.bool_(), "int": pa.int64()}
    return pa.schema([(name, types[kind]) for name, kind in spec.columns])


def write_parquet(jsonl: Path, out_dir: Path) -> None:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schemas = {name: _arrow_schema(pa, spec) for name, spec in TABLES.items()}
    writers = {name: pq.ParquetWriter(out_dir / f"{name}.parquet", schemas[name]) for name in TABLES}
    buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def flush(name: str) -> None:
        writers[name].write_table(pa.Table.from_pylist(buffers[name], schema=schemas[name]))
        buffers[name].clear()

    try:
        for record in _records(jsonl):
            for table, row in rows_of(record):
                buffers[table].append(conform(TABLES[table], row))
                if len(buffers[table]) >= PARQUET_BATCH:
                    flush(table)
        for name in TABLES:
            # An empty table still gets its file and schema: downstream code can read it.
            if buffers[name]:
                flush(name)
    finally:
        for w in writers.values():
            w.close()


def write_xml(jsonl: Path, out_dir: Path) -> None:
    from extractor.batch.xml_export import ownership_xml

    skipped = 0
    for record in _records(jsonl):
        if (
            record.get("error")
            or record.get("form_type") not in OWNERSHIP_FORM_TYPES
            or not record.get("filing")
        ):
            skipped += 1
            continue
        env = Envelope.from_dict(record)
        (out_dir / f"{env.document_id}.xml").write_bytes(ownership_xml(env))
    if skipped:
        log.info("xml: no XML for %d records (not Form 3/4/5, or with an error)", skipped)
