"""Generated w3m Form 4s read back by the rule extractors: a realism check of the layout (the trap: a
render that looks right to people but not to the column logic users' files need)."""

from __future__ import annotations

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_tables import extract_tables
from extractor.ingest import normalise
from extractor.records import OwnershipFiling
from tests.conftest import XML_DIR
from training.generate import generate_doc

DATA = XML_DIR.parent


def _readback(k: int) -> tuple[bool, bool] | None:
    doc = generate_doc(k, seed=1, style="w3m", data_dir=DATA)
    filing = doc.envelope.filing
    if doc.envelope.form_type != "4" or not isinstance(filing, OwnershipFiling) or filing.issuer is None:
        return None
    nt = normalise(doc.text)
    header = extract_header(nt)
    tables = extract_tables(nt, "4")
    rows = len(tables.non_derivative_transactions) + len(tables.derivative_transactions)
    want = len(filing.non_derivative_transactions) + len(filing.derivative_transactions)
    return header.issuer.name == filing.issuer.name, rows == want


def test_generate_w3m_form4_reads_back() -> None:
    """One w3m Form 4: issuer name and transaction count come back from extract_header/extract_tables."""
    assert _readback(0) == (True, True)


def test_generate_w3m_readback_rate() -> None:
    """Most w3m Form 4s read back (misses measured: long issuer names wrapped, ``[X]`` boxes)."""
    results = [r for k in range(30) if (r := _readback(k)) is not None]
    assert len(results) >= 10
    assert sum(i for i, _ in results) / len(results) >= 0.85
    assert sum(t for _, t in results) / len(results) >= 0.9
