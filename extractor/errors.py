"""Error codes in one place, so tests can ``match="E101"`` and users can search them.

Ranges: E0xx input/ingestion, E1xx records, E2xx EDGAR XML, E3xx evaluation, E4xx models/pipeline,
E5xx people registry, E6xx batch.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error this package raises on purpose."""


class Errors:
    """Message templates; format with keyword arguments."""

    E001 = "[E001] Cannot read {path}: {reason}"
    E002 = "[E002] {path} is empty"
    E003 = "[E003] {path} looks binary (NUL bytes or control characters), not a text filing"
    E004 = "[E004] {path} could not be decoded as text with any supported encoding"
    E005 = "[E005] {path} is {size} bytes, over the limit of {limit} bytes"
    E101 = "[E101] Unknown key '{key}' at {where} in document {document_id}"
    E102 = "[E102] Key '{key}' at {where} in document {document_id} must be {expected}, got {got}"
    E103 = "[E103] Record at {where} in document {document_id} must be an object, got {got}"
    E104 = "[E104] Unknown form_type '{form_type}' in document {document_id}"
    E201 = "[E201] {path}: not an EDGAR ownershipDocument or Form D edgarSubmission"
    E202 = "[E202] {path}: XML could not be parsed: {reason}"
    E203 = "[E203] {path}: unknown EDGAR form type '{form_type}' in <{element}>"
    E204 = "[E204] {path}: no EDGAR XML document (<XML> block) found in the submission"
    E205 = "[E205] {path}: cannot read input: {reason}"
    E301 = "[E301] {path}: line {line} is not a JSON object: {reason}"
    E302 = "[E302] Gold directory {path} holds no gold records"
    E303 = "[E303] Cannot read {path}: {reason}"
    E304 = "[E304] {path}: record {where} has no document_id string"
    E305 = "[E305] {path}: people gold must map a person to a list of 'doc_id:name' strings ({reason})"
    E306 = "[E306] {path}: not valid JSON: {reason}"
    E420 = "[E420] Form-type model in {path} was trained on other features ({reason}); retrain it"
    E421 = "[E421] Form-type model in {path} cannot be loaded: {reason}"
    E422 = "[E422] Form-type training data: {reason}"
    E430 = "[E430] Layout tagger weights in {path} were trained on other features; retrain the pipeline"
    E431 = "[E431] Layout tagger training data: {reason}"
    E432 = "[E432] Pipeline component '{name}' is not initialized (no weights); train or load it first"
    E433 = "[E433] Layout tagger weights in {path} cannot be read: {reason}"
    E434 = "[E434] Pipeline training data: {reason}"
    E435 = "[E435] Filings pipeline in {path} cannot be loaded: {reason}"
    E440 = "[E440] Wrapped-cell model in {path} cannot be loaded: {reason}; retrain it"
    E441 = "[E441] Wrapped-cell training data: {reason}"

    E501 = "[E501] No people registry at {path}"
    E502 = "[E502] No entity {entity_id} in the people registry"
    E600 = "[E600] extraction failed: {kind}: {reason}"
    E601 = "[E601] {path}: gave up after the per-document time budget of {seconds:g} s; worker replaced"
    E602 = "[E602] {path}: the worker process died ({reason}); worker replaced"
    E603 = "[E603] {path}: the Dask task failed: {reason}"
    E604 = "[E604] '{package}' is needed for {feature}: pip install 'filing-extractor[{extra}]'"
    E605 = "[E605] Cannot resume {path}: {reason} (rerun with --no-resume to start over)"
    E606 = "[E606] Unknown output format '{format}'; choose one of {choices}"
    E607 = "[E607] {path}: cannot export form type '{form_type}' as EDGAR ownership XML"
    E701 = "[E701] Calibration map {path} was fitted on other features ({features}); refit it"
    E702 = "[E702] Calibration map {path} cannot be read: {reason}"
    E703 = "[E703] {path}: line {line} is not an extraction envelope: {reason}"


class RecordError(ExtractorError, ValueError):
    """A record does not follow SCHEMA.md (unknown key, wrong type)."""


class InputError(ExtractorError, ValueError):
    """An input document cannot be read as a filing text."""


class XmlImportError(ExtractorError, ValueError):
    """An EDGAR XML file cannot be turned into a record."""


class ModelError(ExtractorError, ValueError):
    """A model directory is missing, damaged or does not match the code that loads it."""


class BatchError(ExtractorError, RuntimeError):
    """A batch job cannot start or go on (missing optional dependency, unresumable output)."""
