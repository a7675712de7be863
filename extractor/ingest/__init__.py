"""Files -> normalised text with an offset map back to the source (encodings, HTML, markdown, OCR debris)."""

from extractor.ingest.offsets import OffsetMap
from extractor.ingest.text import NormalisedText, normalise, read_bytes, read_document

__all__ = ["NormalisedText", "OffsetMap", "normalise", "read_bytes", "read_document"]
