"""Whole dev documents: spans point at their values, and the extractor stays fast."""

from __future__ import annotations

import time

import pytest

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_header_text import collapse
from extractor.ingest import read_document
from tests.conftest import DEV_DOCS

DOCS = sorted(DEV_DOCS.glob("*.txt"))[::12] if DEV_DOCS.is_dir() else []


@pytest.mark.skipif(not DOCS, reason="dev documents not available")
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_ownership_header_dev_spans_cover_values(path: object) -> None:
    """Trap: a span computed before collapsing whitespace or after stripping a prefix drifts off."""
    nt = read_document(str(path))
    res = extract_header(nt)
    assert res.issuer.trading_symbol is not None
    checks = {"issuer.name": res.issuer.name, "issuer.trading_symbol": res.issuer.trading_symbol}
    for i, owner in enumerate(res.reporting_owners):
        checks[f"reporting_owners[{i}].name"] = owner.name
        checks[f"reporting_owners[{i}].street1"] = owner.street1
    for path_, value in checks.items():
        if value is None or path_ not in res.spans:
            continue
        s, e = res.spans[path_]
        assert collapse(nt.text[s:e]) == value
    for path_, conf in res.confidence.items():
        assert 0.0 <= conf <= 1.0, path_


@pytest.mark.skipif(not DOCS, reason="dev documents not available")
def test_ownership_header_dev_fast() -> None:
    """Trap: a quadratic scan over long lines; the budget is 20 ms per document."""
    texts = [read_document(str(p)) for p in DOCS]
    t0 = time.perf_counter()
    for nt in texts:
        extract_header(nt)
    assert (time.perf_counter() - t0) / len(texts) < 0.02
