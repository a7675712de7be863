"""``train_pipeline(quick=True)`` ships a loadable pipeline; extraction falls back to rules without one."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import spacy

import extractor.extract as extract_module
from extractor.ingest import read_document

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "000_5efcf6bf3a65d836.txt"


@pytest.mark.slow
def test_pipeline_train_quick_ships_a_loadable_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quick training ships ``filings/``; ``spacy.load`` reads it and extraction goes through it."""
    from training.train_pipeline import train_pipeline

    scores = train_pipeline(tmp_path, quick=True)
    assert {"ents_p", "ents_r", "ents_f", "ents_per_type"} <= set(scores["heldout"])
    nlp = spacy.load(tmp_path / "filings")
    assert nlp.pipe_names == ["layout_tagger", "tok2vec", "ner", "assembler"]
    assert nlp.meta["performance"]["heldout"]["docs"] == scores["heldout"]["docs"]
    if SEED.is_file():
        monkeypatch.setenv("EXTRACTOR_MODELS", str(tmp_path))
        extract_module.load_filings_pipeline.cache_clear()
        nt = read_document(SEED)
        env = extract_module.extract_document(nt, document_id="s", source=str(SEED))
        extract_module.load_filings_pipeline.cache_clear()
        plain = extract_module.extract_document(nt, document_id="s", source=str(SEED), use_pipeline=False)
        assert env.form_type == plain.form_type
        if env.form_type.startswith(("3", "4", "5")):
            assert env.filing is not None and env.provenance


@pytest.mark.skipif(not SEED.is_file(), reason="seed filings not available")
def test_pipeline_extract_falls_back_to_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Without models/filings the rule assemblers run, and the missing model is logged (once)."""
    monkeypatch.setenv("EXTRACTOR_MODELS", str(tmp_path))
    monkeypatch.setenv("EXTRACTOR_NER", "always")  # "auto" would not even look for the pipeline here
    extract_module.load_filings_pipeline.cache_clear()
    nt = read_document(SEED)
    with caplog.at_level(logging.WARNING, logger="extractor.extract"):
        first = extract_module.extract_document(nt, document_id="a", source=str(SEED))
        second = extract_module.extract_document(nt, document_id="a", source=str(SEED))
    extract_module.load_filings_pipeline.cache_clear()
    assert first.to_dict() == second.to_dict()
    assert sum("no trained pipeline" in r.message for r in caplog.records) == 1
    plain = extract_module.extract_document(nt, document_id="a", source=str(SEED), use_pipeline=False)
    assert plain.to_dict() == first.to_dict()
