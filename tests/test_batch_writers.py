"""Output formats: EDGAR ownership XML that ``import-xml`` reads back to the same record, and flat
CSV / Parquet tables keyed by document_id."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from extractor.batch.tables import TABLES
from extractor.batch.writers import write_format
from extractor.batch.xml_export import ownership_xml
from extractor.edgar_xml.importer import import_xml_bytes
from extractor.records import read_gold_dir, write_jsonl
from tests.conftest import DEV_GOLD, XML_DIR

OWNERSHIP_XML = sorted((XML_DIR / "ownership").glob("*.xml"))


def test_batch_writers_xml_round_trip_on_dev_xml() -> None:
    """Every dev gold XML: import -> our record -> export -> import gives the same record. Trap: the
    importer reads an absent relationship box as ``false``, and integral numbers as ints."""
    assert len(OWNERSHIP_XML) > 200
    differing = []
    for path in OWNERSHIP_XML:
        first = import_xml_bytes(path.read_bytes(), document_id=path.stem, source=str(path))
        again = import_xml_bytes(ownership_xml(first), document_id=path.stem, source=str(path))
        if (again.form_type, again.filing) != (first.form_type, first.filing) or again.warnings:
            differing.append(path.name)
    assert not differing


def test_batch_writers_xml_elements_in_schema_order() -> None:
    path = OWNERSHIP_XML[0]
    env = import_xml_bytes(path.read_bytes(), document_id=path.stem, source=str(path))
    xml = ownership_xml(env).decode()
    order = ["<schemaVersion>", "<documentType>", "<periodOfReport>", "<issuer>", "<reportingOwner>"]
    positions = [xml.index(tag) for tag in order]
    assert positions == sorted(positions)


@pytest.fixture(scope="module")
def gold_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    write_jsonl(read_gold_dir(DEV_GOLD), out)
    return out


def _expected_rows(jsonl: Path) -> dict[str, int]:
    counts = dict.fromkeys(TABLES, 0)
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        f = rec["filing"]
        counts["documents"] += 1
        counts["owners"] += len(f.get("reporting_owners", []))
        counts["transactions"] += len(f.get("non_derivative_transactions", [])) + len(
            f.get("derivative_transactions", [])
        )
        holdings = f.get("non_derivative_holdings", []) + f.get("derivative_holdings", [])
        counts["holdings"] += len(holdings)
        counts["footnotes"] += len(f.get("footnotes", []))
        counts["signatures"] += len(f.get("signatures", []))
    return counts


def test_batch_writers_csv_tables(gold_jsonl: Path) -> None:
    out_dir = write_format(gold_jsonl, "csv")
    expected = _expected_rows(gold_jsonl)
    for name, spec in TABLES.items():
        with open(out_dir / f"{name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == expected[name], name
        assert not rows or list(rows[0]) == spec.names


def test_batch_writers_parquet_tables(gold_jsonl: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out_dir = write_format(gold_jsonl, "parquet")
    expected = _expected_rows(gold_jsonl)
    for name, spec in TABLES.items():
        table = pq.read_table(out_dir / f"{name}.parquet")
        assert table.num_rows == expected[name], name
        assert table.column_names == spec.names
    transactions = pq.read_table(out_dir / "transactions.parquet").to_pylist()
    assert {t["table"] for t in transactions} == {"non_derivative", "derivative"}
    assert all(isinstance(t["transaction_shares"], float | None) for t in transactions)


def test_batch_writers_xml_from_jsonl(gold_jsonl: Path) -> None:
    out_dir = write_format(gold_jsonl, "xml")
    files = sorted(out_dir.glob("*.xml"))
    assert len(files) == _expected_rows(gold_jsonl)["documents"]
    env = import_xml_bytes(files[0].read_bytes(), document_id=files[0].stem, source=str(files[0]))
    gold = {e.document_id: e for e in read_gold_dir(DEV_GOLD)}[files[0].stem]
    assert env.filing == gold.filing
