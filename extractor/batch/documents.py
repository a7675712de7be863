"""One input document -> one envelope, never raising: the unit of work every batch engine maps.

``process_one`` is what the local worker pool, the in-process loop and Dask workers all run, so the three
give the same records. The pipeline is imported lazily inside the call: while colleagues finish an
assembler an import may fail, and that must be this document's error record, not a dead batch.
"""

from __future__ import annotations

import logging
from pathlib import Path

from extractor.errors import Errors, ExtractorError
from extractor.records import Envelope

log = logging.getLogger(__name__)

STDIN = "-"


def document_id_for(source: str) -> str:
    """SCHEMA.md: the input file name without extension (``-`` for stdin becomes ``stdin``)."""
    if source in (STDIN, ""):
        return "stdin"
    return Path(source).stem


def process_one(source: str) -> Envelope:
    """Extract one input file; any failure becomes an error record for that document."""
    return _guarded(source, None)


def process_bytes(data: bytes, source: str) -> Envelope:
    """Extract a document given as bytes (stdin); same fault isolation as :func:`process_one`."""
    return _guarded(source, data)


def warm_up() -> None:
    """Import the pipeline and load the models once, so a worker's first document pays no start-up."""
    try:
        from extractor.classify.form_type import default_model

        default_model()
        import extractor.assemble.formd
        import extractor.assemble.ownership  # noqa: F401
    except Exception:  # a broken import shows up again, as each document's error record
        log.warning("warm-up failed; documents will report the error", exc_info=True)


def _guarded(source: str, data: bytes | None) -> Envelope:
    document_id = document_id_for(source)
    try:
        from extractor.extract import extract_document
        from extractor.ingest import read_bytes, read_document

        nt = read_document(source) if data is None else read_bytes(data, source)
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
