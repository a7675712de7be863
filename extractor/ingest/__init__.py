"""Files -> normalised text with an offset map back to the source (encodings, HTML, markdown, OCR debris)."""

from extractor.ingest.text import NormalisedText, normalise, read_document

__all__ = ["NormalisedText", "normalise", "read_document"]
