"""The spaCy pipeline of filings: tokenizer rules, the layout tagger, NER, and the joining assembler.

``load_pipeline(path)`` loads a trained pipeline (``models/filings``) with our factories registered.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from extractor.pipeline import factories as factories  # registers the factories and Doc extensions


def load_pipeline(path: str | Path) -> Language:
    """``spacy.load(path)`` after registering our factories; raises ``ModelError`` (E435) on failure."""
    import spacy

    from extractor.errors import Errors, ModelError

    try:
        return spacy.load(path)
    except (OSError, ValueError, KeyError) as e:
        raise ModelError(Errors.E435.format(path=path, reason=e)) from e


__all__ = ["factories", "load_pipeline"]
