"""One EDGAR XML input (bare XML or a full submission) -> envelopes, one per EDGAR document in it.

Dispatch on the root element: ``ownershipDocument`` -> :mod:`.ownership`, ``edgarSubmission`` ->
:mod:`.formd`. Errors are ``XmlImportError`` with an E2xx code; a submission holding several
documents imports those it can and reports the others.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from extractor.edgar_xml import formd, ownership
from extractor.edgar_xml.safe_xml import local_name, parse_xml
from extractor.edgar_xml.submission import find_xml_documents, is_submission
from extractor.errors import Errors, XmlImportError
from extractor.records import Envelope

logger = logging.getLogger(__name__)

EDGAR_ROOTS = (ownership.ROOT_TAG, formd.ROOT_TAG)


class NotEdgarFormError(XmlImportError):
    """E201: well-formed XML, but neither an ownershipDocument nor a Form D edgarSubmission."""


@dataclass
class FileImport:
    """What one input file gave: envelopes to write and per-document error messages."""

    path: Path
    envelopes: list[Envelope] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def import_xml_bytes(data: bytes, *, document_id: str, source: str) -> Envelope:
    """Parse one EDGAR XML document; raises ``XmlImportError`` (E201/E202/E203)."""
    parsed = parse_xml(data, source=source)
    root = parsed.root
    tag = local_name(root)
    if tag == ownership.ROOT_TAG:
        form_type = ownership.form_type_of(root, source=source)
        return Envelope(
            document_id=document_id,
            source=source,
            form_type=form_type,
            filing=ownership.parse_ownership(root),
            warnings=list(parsed.repairs),
        )
    if tag == formd.ROOT_TAG:
        form_type = formd.form_type_of(root, source=source)
        filing, warnings = formd.parse_formd(root)
        return Envelope(
            document_id=document_id,
            source=source,
            form_type=form_type,
            filing=filing,
            warnings=[*parsed.repairs, *warnings],
        )
    raise NotEdgarFormError(Errors.E201.format(path=source))


def import_file(path: Path) -> FileImport:
    """Import every EDGAR document in ``path``; never raises for bad content (errors are collected).

    ``document_id`` is the file stem; when a submission holds several EDGAR documents each gets
    ``<stem>_<n>`` (1-based, submission order).
    """
    result = FileImport(path=path)
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.errors.append(Errors.E205.format(path=source, reason=exc))
        return result
    if not is_submission(data):
        try:
            result.envelopes.append(import_xml_bytes(data, document_id=path.stem, source=source))
        except XmlImportError as exc:
            result.errors.append(str(exc))
        return result
    blocks = find_xml_documents(data)
    if not blocks:
        result.errors.append(Errors.E204.format(path=source))
        return result
    parsed: list[Envelope] = []
    for i, block in enumerate(blocks, 1):
        where = f"{source}#{block.filename or i}"
        try:
            parsed.append(import_xml_bytes(block.data, document_id=path.stem, source=source))
        except NotEdgarFormError:
            # A submission may carry other XML (exhibits, XBRL); only EDGAR forms matter here.
            logger.info("skipping non-EDGAR-form XML %s", where)
        except XmlImportError as exc:
            result.errors.append(str(exc).replace(source, where, 1))
    if not parsed and not result.errors:
        result.errors.append(Errors.E201.format(path=source))
    if len(parsed) > 1:
        for n, env in enumerate(parsed, 1):
            env.document_id = f"{path.stem}_{n}"
    result.envelopes.extend(parsed)
    return result
