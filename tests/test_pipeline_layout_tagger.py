"""The layout tagger: seeded overfit on a few lines, persistence, token tags, merged boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import extractor.pipeline  # noqa: F401 - registers the factories
from extractor.errors import ModelError
from extractor.layout import split_lines
from extractor.pipeline.layout_tagger import SPANS_KEY, LayoutTagger, roles_from_entities
from extractor.pipeline.tokenizer import build_tokenizer

TEXT = (
    "FORM 4\n"
    "Reminder: Report on a separate line for each class. See Instruction 4(b)(v) pursuant to Section 16\n"
    "1. Name and Address of Reporting Person *\n"
    "BOTHA ROELOF\n"
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
    "1.Title of Security (Instr. 3)    2. Transaction Date    5. Amount\n"
    "Common Stock    11/30/2006    1,477(1)    D\n"
)
ENTS = [
    (TEXT.index("BOTHA"), TEXT.index("BOTHA") + 12, "OWNER_NAME"),
    (TEXT.index("Common Stock"), TEXT.index("Common Stock") + 12, "SECURITY_TITLE"),
    (TEXT.index("11/30/2006"), TEXT.index("11/30/2006") + 10, "TX_DATE"),
    (TEXT.index("1,477"), TEXT.index("1,477") + 5, "SHARES_AFTER"),
]
EXPECTED = ["other", "boilerplate", "form_label", "field_value", "section_title", "table_header", "data_row"]


def _nlp(tagger_cfg: dict[str, object] | None = None) -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("filings_layout_tagger_v1", name="layout_tagger", config=tagger_cfg or {"c": 100.0})
    return nlp


def _fitted() -> Language:
    nlp = _nlp()
    tagger = nlp.get_pipe("layout_tagger")
    assert isinstance(tagger, LayoutTagger)
    tagger.fit([TEXT] * 3, [ENTS] * 3)
    return nlp


def test_pipeline_layout_roles_from_entities() -> None:
    """Training roles: aligned table values make a data_row, a section label a section_title, ..."""
    roles = roles_from_entities(split_lines(TEXT), ENTS)
    assert [roles[i] for i in sorted(roles)] == EXPECTED


def test_pipeline_layout_tagger_overfit_and_reload(tmp_path: Path) -> None:
    nlp = _fitted()
    doc = nlp(TEXT)
    assert [s.label_ for s in doc.spans[SPANS_KEY]] == EXPECTED
    assert doc.text == TEXT  # merging boilerplate keeps every character
    assert [t.tag_ for t in doc if t.text == "BOTHA"] == ["field_value"]
    boiler = [t for t in doc if t.tag_ == "boilerplate"]
    assert len(boiler) == 1 and boiler[0].text.startswith("Reminder")  # one merged token
    nlp.to_disk(tmp_path)
    reloaded = spacy.load(tmp_path)
    again = reloaded(TEXT)
    assert [(s.start_char, s.end_char, s.label_) for s in again.spans[SPANS_KEY]] == [
        (s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]
    ]
    assert [t.tag_ for t in again] == [t.tag_ for t in doc]


def test_pipeline_layout_tagger_pipe_equals_call() -> None:
    nlp = _fitted()
    texts = [TEXT, TEXT.replace("BOTHA ROELOF", "THIEL PETER")]
    piped = list(nlp.pipe(texts))
    for text, doc in zip(texts, piped, strict=True):
        single = nlp(text)
        assert [t.text for t in doc] == [t.text for t in single]
        assert [t.tag_ for t in doc] == [t.tag_ for t in single]


def test_pipeline_layout_tagger_unfitted_raises() -> None:
    """Trap: an untrained tagger must not silently tag nothing."""
    nlp = _nlp()
    with pytest.raises(ModelError, match="E432"):
        nlp(TEXT)


def test_pipeline_layout_tagger_refuses_other_features(tmp_path: Path) -> None:
    nlp = _fitted()
    tagger = nlp.get_pipe("layout_tagger")
    data = tagger.to_bytes().replace(b'"log_len"', b'"renamed"')
    with pytest.raises(ModelError, match="E430"):
        tagger.from_bytes(data)


@pytest.mark.parametrize("text", [TEXT, TEXT + "Table II - Derivative Securities\nSignatures\nx\n", ""])
def test_pipeline_layout_sections_agree(text: str) -> None:
    """The tagger's one-pass section reading equals ``extractor.layout.find_sections``'s."""
    from extractor.pipeline.layout_tagger import _labels_and_sections, line_sections

    lines = split_lines(text)
    assert _labels_and_sections(lines)[1] == line_sections(lines)


FORMD_TEXT = (
    "FORM D\n"
    "1. Enter the information requested about the issuer\n"
    "Altiris, Inc.\n"
    "4. Enter the information requested for each person who has been or will be paid or given, directly "
    "or indirectly, any commission or similar remuneration for solicitation of purchasers.\n"
    "[AL]\t[AK]\t[AZ]\t[AR]\t[CA]\t[CO]\t[CT]\t[DE]\t[DC]\t[FL]\t[GA]\t[HI]\t[ID]\n"
)


def test_pipeline_layout_roles_formd_boilerplate() -> None:
    """Form D's instruction sentences and state grid are boilerplate in training (merged, not read)."""
    s = FORMD_TEXT.index("Altiris")
    roles = roles_from_entities(split_lines(FORMD_TEXT), [(s, s + 13, "ISSUER_NAME")])
    assert [roles[i] for i in sorted(roles)] == [
        "other",
        "form_label",
        "field_value",
        "form_label",
        "boilerplate",
    ]


SEED_FORMD = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "004_d53a7f08ca81b833.txt"
SHIPPED = Path(__file__).resolve().parents[1] / "models" / "filings"


@pytest.mark.skipif(not (SEED_FORMD.is_file() and SHIPPED.is_dir()), reason="seed or shipped model missing")
def test_shipped_tagger_merges_formd_state_grids() -> None:
    """The shipped pipeline reads a paper Form D's state grids as boilerplate: one token per grid line."""
    from extractor.ingest import read_document
    from extractor.pipeline import load_pipeline

    nlp = load_pipeline(SHIPPED)
    text = read_document(SEED_FORMD).text
    doc = nlp.get_pipe("layout_tagger")(nlp.make_doc(text))
    grids = [s for s in doc.spans[SPANS_KEY] if s.text.startswith("[AL]")]
    assert len(grids) >= 3
    assert all(s.label_ == "boilerplate" and len(s) == 1 for s in grids)
    assert len(doc) < 0.8 * len(nlp.make_doc(text))
