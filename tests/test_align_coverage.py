"""training.align on real texts: coverage floors measured on the seeds and dev documents, and the report."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any

import pytest

from extractor.ingest import read_document
from extractor.records import Envelope, FormDFiling, OwnershipFiling
from tests.conftest import ANNOTATIONS, DEV_DOCS, DEV_GOLD, SEEDS
from training.align import LABELS, SKIPPED, SKIPPED_PATHS, align_record, coverage, main


def _placed_ratio(gold: Path, doc: Path) -> float:
    env = Envelope.from_dict(json.loads(gold.read_text(encoding="utf-8")))
    cov = coverage([align_record(env, read_document(doc))])
    placed = sum(p for p, _ in cov.values())
    total = sum(t for _, t in cov.values())
    return placed / total


# Floors a little under what was measured (1.0, 1.0, 1.0, 25/26) so a better ingest can only help.
@pytest.mark.parametrize(
    ("document_id", "floor"),
    [
        ("dev_0261950a26_pdf_layout", 0.95),
        ("dev_01a608e459_w3m", 0.95),
        ("dev_02c25c8e45_w3m", 0.95),
        ("dev_0140af8cbe_ocr300", 0.90),
    ],
)
def test_align_coverage_dev_document(document_id: str, floor: float) -> None:
    """Trap: an aligner that only finds clean, unwrapped values; these are real w3m/pdftotext/OCR texts."""
    gold, doc = DEV_GOLD / f"{document_id}.json", DEV_DOCS / f"{document_id}.txt"
    if not gold.is_file():
        pytest.skip(f"{gold} not available")
    assert _placed_ratio(gold, doc) >= floor


@pytest.mark.parametrize("gold", sorted((ANNOTATIONS / "seeds").glob("*.json")), ids=lambda p: p.stem)
def test_align_coverage_seed(gold: Path) -> None:
    """Every value of the hand-made seed gold is placed (measured 365/365)."""
    assert _placed_ratio(gold, SEEDS / f"{gold.stem}.txt") >= 0.97


def _leaf_keys(cls: Any, prefix: str = "") -> list[str]:
    """Schema field keys (``reporting_owners[].name``) of a record class, checkboxes (bool) left out."""
    out = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        if typing.get_origin(tp) is list:
            (item,) = typing.get_args(tp)
            if dataclasses.is_dataclass(item):
                out += _leaf_keys(item, f"{prefix}{f.name}[].")
            else:
                out.append(f"{prefix}{f.name}[]")
        elif dataclasses.is_dataclass(tp):
            out += _leaf_keys(tp, f"{prefix}{f.name}.")
        elif tp is not bool:
            out.append(f"{prefix}{f.name}")
    return out


@pytest.mark.parametrize("cls", [OwnershipFiling, FormDFiling])
def test_align_label_table_covers_schema(cls: type) -> None:
    """Every text-bearing schema field has a label or is listed as skipped: none is forgotten."""
    keys = _leaf_keys(cls)
    assert "reporting_owners[].name" in keys or "related_persons[].name" in keys
    for key in keys:
        leaf = key.split(".")[-1].rstrip("[]")
        assert key in LABELS or leaf in SKIPPED or key in SKIPPED_PATHS, key


@pytest.mark.parametrize("args", [["--gold", str(ANNOTATIONS / "seeds"), "--docs", str(SEEDS)]])
def test_align_report_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """The report prints coverage per field and a section of unplaced values."""
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "non_derivative_transactions[].transaction_shares" in out
    assert "unplaced values per field" in out
