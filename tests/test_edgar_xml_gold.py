"""Our importer reproduces the shared dev gold (made from the same EDGAR XML) on every gold key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.edgar_xml import import_xml_bytes
from tests.conftest import DEV_GOLD, XML_DIR
from training.import_dev_gold import diff_values, run, xml_path_for

GOLD_KEYS_IGNORED = ("converter", "source_xml", "document_id")


@pytest.mark.parametrize(
    "document_id",
    [
        "dev_0140af8cbe_ocr300",  # footnoteIds inside values, price 0.00 -> 0
        "dev_01a608e459_w3m",  # trap: 'Class A  Common Stock' keeps its double space
        "dev_674da4b8bf_ocr300",  # trap: remarks have whitespace runs collapsed
        "dev_b0b3604b2a_pdf_layout",  # trap: isOfficer/isOther absent -> false
        "dev_80be5179cf_pdf_layout",  # officer_title
        "dev_29be342418_ocr300",  # Form 3
        "dev_5602e95f61_pdf_layout",  # trap: a line break inside nature_of_ownership is kept
    ],
)
def test_edgar_xml_reproduces_dev_gold(document_id: str) -> None:
    gold = json.loads((DEV_GOLD / f"{document_id}.json").read_text(encoding="utf-8"))
    path = xml_path_for(gold["source_xml"], XML_DIR)
    env = import_xml_bytes(path.read_bytes(), document_id=document_id, source=str(path))
    expected = {k: v for k, v in gold.items() if k not in GOLD_KEYS_IGNORED}
    assert diff_values(expected, env.to_dict()) == []


@pytest.mark.parametrize(
    ("source_xml", "name"),
    [
        (
            "john-friedman/datamule-python:examples/ingest/paypal/000089924319022340/doc4.xml",
            "0000899243-19-022340.xml",
        ),
        (
            "john-friedman/datamule-python:examples/ingest/paypal/000121390018011670/ownership.xml",
            "0001213900-18-011670.xml",
        ),
    ],
)
def test_edgar_xml_source_xml_names_accession_file(source_xml: str, name: str) -> None:
    assert xml_path_for(source_xml, Path("x")) == Path("x") / "ownership" / name


@pytest.mark.parametrize(
    ("gold", "ours", "n_diffs"),
    [
        ({"a": 1}, {"a": 1, "b": 2}, 0),  # extra keys in ours are fine
        ({"a": True}, {"a": 1}, 1),  # trap: True == 1 in Python, not in JSON
        ({"a": [1, 2]}, {"a": [1]}, 1),
        ({"a": {"b": "x"}}, {"a": {"b": "y"}}, 1),
    ],
)
def test_edgar_xml_diff_values(gold: dict[str, object], ours: dict[str, object], n_diffs: int) -> None:
    assert len(diff_values(gold, ours)) == n_diffs


@pytest.mark.parametrize("gold_dir", [DEV_GOLD])
def test_edgar_xml_all_dev_gold_agree(gold_dir: Path, tmp_path: Path) -> None:
    results = run(gold_dir, XML_DIR, tmp_path)
    assert len(results) == 217
    assert [r.document_id for r in results if not r.agrees] == []
    assert len(list(tmp_path.glob("dev_*.json"))) == 217
