"""The NER of training/configs/ner.cfg (tiny widths): seeded overfit, reload, ``pipe`` == ``__call__``."""

from __future__ import annotations

import random
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, load_config, load_model_from_config

import extractor.pipeline  # noqa: F401 - registers the factories
from training.train_pipeline import CONFIG

TEXTS = [
    "Name of Reporting Person\nBOTHA ROELOF\nCommon Stock    11/30/2006    1,477(1)    D\n",
    "Name of Reporting Person\nTHIEL PETER\nCommon Stock    01/02/2019    20,000    I\n",
]
TINY = {
    "components.tok2vec.model.embed.width": 16,
    "components.tok2vec.model.encode.width": 16,
    "components.tok2vec.model.encode.depth": 1,
    "components.ner.model.hidden_width": 16,
    "components.layout_tagger.c": 100.0,
}


def _ents(text: str) -> list[tuple[int, int, str]]:
    line = text.split("\n")[1]
    s = text.index(line)
    date = next(w for w in text.split() if "/" in w)
    return [(s, s + len(line), "OWNER_NAME"), (text.index(date), text.index(date) + len(date), "TX_DATE")]


def _train() -> Language:
    fix_random_seed(0)
    random.seed(0)
    config = load_config(CONFIG, overrides=TINY)
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.remove_pipe("assembler")  # rules are tested elsewhere; this test is about the NER
    examples = []
    for text in TEXTS:
        doc = nlp.make_doc(text)
        examples.append(Example.from_dict(doc, {"entities": _ents(text)}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(60):
        nlp.update(examples, sgd=optimizer, drop=0.0, annotates=["layout_tagger"])
    return nlp


def _predicted(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_pipeline_ner_overfit_reload_and_pipe(tmp_path: Path) -> None:
    nlp = _train()
    for text in TEXTS:
        assert _predicted(nlp, text) == [(text[s:e], label) for s, e, label in _ents(text)]
    nlp.to_disk(tmp_path)
    reloaded = spacy.load(tmp_path)
    for text in TEXTS:
        assert _predicted(reloaded, text) == _predicted(nlp, text)
    piped = [[(e.text, e.label_) for e in doc.ents] for doc in reloaded.pipe(TEXTS)]
    assert piped == [_predicted(reloaded, t) for t in TEXTS]
