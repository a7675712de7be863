"""The ``extractor extract`` job: read, extract and write each document, one bad document never stopping
the batch. Output is written and flushed line by line, so whatever was written survives a crash."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from extractor.batch.inputs import expand_inputs
from extractor.errors import Errors, ExtractorError
from extractor.extract import document_id_for, extract_document
from extractor.ingest import read_document
from extractor.records import Envelope

log = logging.getLogger(__name__)


def process_one(source: str) -> Envelope:
    """Extract one input; any failure becomes an error record for that document."""
    document_id = document_id_for(source)
    try:
        nt = read_document(source)
        return extract_document(nt, document_id=document_id, source=source)
    except ExtractorError as exc:
        return Envelope(document_id=document_id, source=source, error=str(exc))
    except (OSError, UnicodeError) as exc:
        return Envelope(
            document_id=document_id, source=source, error=Errors.E001.format(path=source, reason=exc)
        )
    except Exception as exc:  # the batch goes on: one pathological filing must not kill the run
        log.exception("extraction failed for %s", source)
        return Envelope(
            document_id=document_id,
            source=source,
            error=Errors.E600.format(kind=type(exc).__name__, reason=exc),
        )


def run_extract(
    paths: list[str], output: Path, *, model_dir: Path | None = None, registry_path: Path | None = None
) -> int:
    """Extract every input into ``output`` (JSONL, input order), resolving people against the registry
    (default: ``people.sqlite`` beside the output). Returns the exit code."""
    from extractor.people.registry import Registry
    from extractor.people.resolve import Resolver, resolve_envelope

    if model_dir is not None:
        import os

        os.environ["EXTRACTOR_MODELS"] = str(model_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    n_docs = n_errors = 0
    started = time.perf_counter()
    registry_path = registry_path or output.parent / "people.sqlite"
    with Registry(registry_path) as registry, open(output, "w", encoding="utf-8") as fh:
        resolver = Resolver(registry)
        for source in expand_inputs(paths):
            env = process_one(source)
            if env.error is None:
                resolve_envelope(resolver, env)
            fh.write(json.dumps(env.to_dict(), ensure_ascii=False) + "\n")
            fh.flush()
            n_docs += 1
            n_errors += env.error is not None
            if n_docs % 200 == 0:
                registry.commit()
    elapsed = time.perf_counter() - started
    rate = n_docs / elapsed if elapsed > 0 else 0.0
    print(
        f"extracted {n_docs} documents ({n_errors} errors) in {elapsed:.1f}s, {rate:.1f} docs/s -> {output}",
        file=sys.stderr,
    )
    return 0 if n_docs else 1
