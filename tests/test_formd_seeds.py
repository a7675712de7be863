"""Form D seeds 003/004 end to end: record vs the hand gold, and every span points at its value."""

from __future__ import annotations

import json
import random
import re

import pytest

from extractor.assemble.formd import extract_formd, extract_formd_text
from extractor.assemble.values import parse_date, parse_number, state_code
from extractor.ingest import read_document
from extractor.records import to_dict
from tests.conftest import ANNOTATIONS, SEEDS, SHARED
from training.measure_formd import flatten, same

FORMD_SEEDS = ["003_262aa0aaa1ef1616", "004_d53a7f08ca81b833"]


def _span_agrees(key: str, value: object, shown: str) -> bool:
    shown = " ".join(re.sub(r"</?u>|\\(?=\$)|<input[^>]*>", " ", shown).split())
    if isinstance(value, bool):
        return True  # a checkbox span covers its caption
    if isinstance(value, (int, float)):
        return (value == 0 and shown.lower() in {"-0-", "no minimum", "none"}) or parse_number(shown) == value
    if key.endswith("signature_date"):
        return parse_date(shown) == value
    if key.endswith("state_or_country"):
        return state_code(shown) == value
    return " ".join(str(value).split()).replace(", ", ",") in shown.replace(", ", ",") or str(value) in shown


@pytest.mark.parametrize("doc_id", FORMD_SEEDS)
def test_formd_seed_matches_gold(doc_id: str) -> None:
    """Every field of the hand gold, and nothing the gold does not hold (-0- rows kept, blanks absent)."""
    gold_path = ANNOTATIONS / "seeds" / f"{doc_id}.json"
    if not gold_path.exists():
        pytest.skip("hand gold not written yet")
    gold = flatten(json.loads(gold_path.read_text(encoding="utf-8"))["filing"])
    pred = flatten(to_dict(extract_formd(read_document(SEEDS / f"{doc_id}.txt")).filing))
    wrong = {
        k: (gold.get(k), pred.get(k)) for k in set(gold) | set(pred) if not same(gold.get(k), pred.get(k))
    }
    assert wrong == {}


@pytest.mark.parametrize("doc_id", FORMD_SEEDS)
def test_formd_spans_point_at_values(doc_id: str) -> None:
    """Each span covers the printed value of its field path (the NER training data depends on it)."""
    nt = read_document(SEEDS / f"{doc_id}.txt")
    r = extract_formd(nt)
    values = flatten(to_dict(r.filing))
    assert r.spans, "no spans"
    for key, (s, e) in r.spans.items():
        if key in values:
            assert _span_agrees(key, values[key], nt.text[s:e]), (key, values[key], nt.text[s:e])


def test_formd_rendered_round_trip() -> None:
    """Rendered paper-era documents (real issuers and persons, varied layout) read back to their record."""
    from training.render_formd import load_issuers, load_persons, make_filing, render

    tables = SHARED / "data" / "xml" / "formd" / "tables"
    if not tables.is_dir():
        pytest.skip("shared Form D tables not available")
    rng = random.Random(11)
    issuers = load_issuers(tables, limit=200)
    pool = load_persons(SHARED / "data" / "xml" / "formd")
    for _ in range(8):
        doc = render(make_filing(rng.choice(issuers), pool, rng), rng)
        gold, pred = flatten(to_dict(doc.filing)), flatten(to_dict(extract_formd_text(doc.text).filing))
        wrong = {
            k: (gold.get(k), pred.get(k)) for k in set(gold) | set(pred) if not same(gold.get(k), pred.get(k))
        }
        assert wrong == {}


def test_formd_long_line_is_fast() -> None:
    """Trap: megabyte-long lines (HTML dumps without newlines) must not make any pattern backtrack."""
    import time

    text = "Full Name (Last name first, if individual) " + "x " * 400_000 + "\n" + "$ ____ " * 50_000
    start = time.perf_counter()
    extract_formd_text(text)
    assert time.perf_counter() - start < 10
