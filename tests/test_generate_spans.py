"""training.generate: every span covers exactly the printed value (traps: wrapped cells, markers, ``$``)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest

from extractor.records import to_dict
from tests.conftest import XML_DIR
from training.generate import STYLES, GeneratedDoc, generate_doc
from training.generate.content import fmt_date, fmt_num, fmt_price

DATA = XML_DIR.parent
_DATES = ("date", "period_of_report", "date_of_original_submission")
_PRICES = ("transaction_price_per_share", "conversion_or_exercise_price")


def _lookup(record: dict[str, Any], path: str) -> Any:
    obj: Any = record
    for part in re.findall(r"[a-z_0-9]+|\[\d+\]", path):
        obj = obj[int(part[1:-1])] if part.startswith("[") else obj[part]
    return obj


def expected_text(record: dict[str, Any], path: str) -> str:
    """The string a renderer prints for ``path`` (the generator's formatting, re-derived here)."""
    leaf = path.rsplit(".", 1)[-1]
    if leaf.startswith("is_"):
        return "X"
    value = _lookup(record, path)
    if leaf.endswith(_DATES) or leaf in ("exercise_date", "expiration_date"):
        return fmt_date(value)
    if leaf in _PRICES:
        return fmt_price(value)
    if isinstance(value, (int, float)):
        return fmt_num(value)
    return " ".join(str(value).split())


def _docs(style: str, n: int = 4) -> list[GeneratedDoc]:
    return [generate_doc(k, seed=7, style=style, noise=0.0, data_dir=DATA) for k in range(n)]


@pytest.mark.parametrize("style", STYLES)
def test_generate_spans_exact(style: str) -> None:
    """Each span's text is the value's printed string, or a whole-word fragment of it when the value is
    wrapped over lines; the fragments of one path, in order, spell the value (once per place it shows)."""
    for doc in _docs(style):
        record = to_dict(doc.envelope.filing)
        pieces: dict[str, list[str]] = defaultdict(list)
        for path, label, start, end in doc.spans:
            assert label != "MISC", path
            got = doc.text[start:end]
            assert got and got == got.strip() and "\n" not in got, (path, got)
            pieces[path].append(got)
        for path, frags in pieces.items():
            want = expected_text(record, path)
            current = ""
            for frag in frags:  # fragments build the value up word by word, then start again
                current = f"{current} {frag}" if current else frag
                assert want == current or want.startswith(current + " "), (doc.doc_id, path, frags, want)
                if current == want:
                    current = ""
            assert current == "", (doc.doc_id, path, frags, want)


@pytest.mark.parametrize("style", STYLES)
def test_generate_spans_cover_the_record(style: str) -> None:
    """The issuer, every owner name and every row's shares are annotated (nothing silently unspanned)."""
    for doc in _docs(style):
        paths = {p for p, _, _, _ in doc.spans}
        assert "issuer.name" in paths
        filing = doc.envelope.filing
        assert filing is not None
        for i, _ in enumerate(getattr(filing, "reporting_owners", [])):
            assert f"reporting_owners[{i}].name" in paths
        for i, tx in enumerate(getattr(filing, "non_derivative_transactions", [])):
            if tx.transaction_shares is not None:
                assert f"non_derivative_transactions[{i}].transaction_shares" in paths
