"""``python -m training.generate`` writes text, envelope and spans per document; Form D docs come along."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.records import Envelope
from tests.conftest import XML_DIR
from training.generate import generate_formd_doc
from training.generate.__main__ import main

DATA = XML_DIR.parent


def test_generate_main_writes_samples(tmp_path: Path) -> None:
    assert main(["--n", "6", "--seed", "0", "--out", str(tmp_path)]) == 0
    texts = sorted(tmp_path.glob("*.txt"))
    assert len(texts) == 6
    for txt in texts:
        doc_id = txt.stem
        env = Envelope.from_dict(json.loads((tmp_path / f"{doc_id}.json").read_text(encoding="utf-8")))
        meta = json.loads((tmp_path / f"{doc_id}.spans.json").read_text(encoding="utf-8"))
        assert env.document_id == doc_id and meta["style"]
        text = txt.read_text(encoding="utf-8")
        for span in meta["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_generate_formd_doc_has_aligned_spans() -> None:
    doc = generate_formd_doc(0, seed=0, data_dir=DATA)
    assert doc.envelope.form_type in ("D", "D/A")
    assert doc.variant["spans"] == "aligned"
    assert any(label == "ISSUER_NAME" for _, label, _, _ in doc.spans)
    for _, _, s, e in doc.spans:
        assert 0 <= s < e <= len(doc.text)
