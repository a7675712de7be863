"""NER fills of fields the rules left empty (``extractor/pipeline/fills.py``, ``assembler.join_entities``),
on real filing text: a Form 4 table row's empty cell and a paper Form D's empty amount."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractor.pipeline  # noqa: F401 - registers the factories and Doc extensions
from extractor.assemble.result import AssemblyResult
from extractor.extract import rules_incomplete
from extractor.ingest import read_document
from extractor.pipeline.assembler import NER_FILL_CONFIDENCE, join_entities, run_rules
from extractor.pipeline.fills import CELL_FILLS, get_path, set_path
from extractor.pipeline.tokenizer import build_tokenizer
from extractor.records import FormDFiling, OwnershipFiling

SHARED = Path(__file__).resolve().parents[2] / "shared"
FORM4 = SHARED / "data" / "dev" / "docs" / "dev_02c25c8e45_w3m.txt"  # 11 Table I rows
FORMD = SHARED / "seeds" / "003_262aa0aaa1ef1616.txt"  # paper-era Form D
pytestmark = pytest.mark.skipif(not FORM4.is_file(), reason="shared documents not available")


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = build_tokenizer(nlp)
    return nlp


def _rules(path: Path, form_type: str) -> tuple[str, AssemblyResult]:
    nt = read_document(path)
    result = run_rules(nt.text, form_type, nt=nt)
    assert result is not None
    return nt.text, result


def _doc(nlp: Language, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in ents]
    return doc


def _forget(result: AssemblyResult, path: str) -> tuple[int, int]:
    """Forget the span of a field the rules read (its value is emptied by the caller); returns it."""
    result.confidence.pop(path, None)
    return result.spans.pop(path)


def _empty_cell(result: AssemblyResult, row: int, leaf: str) -> tuple[int, int]:
    """Empty one cell the rules read, as if they had missed it; returns where it is printed."""
    filing = result.filing
    assert isinstance(filing, OwnershipFiling)
    setattr(filing.non_derivative_transactions[row], leaf, None)
    return _forget(result, f"non_derivative_transactions[{row}].{leaf}")


@pytest.mark.parametrize("leaf", ["transaction_shares", "shares_owned_following_transaction"])
def test_fills_empty_table_cell_from_entity_on_the_row(nlp: Language, leaf: str) -> None:
    text, result = _rules(FORM4, "4")
    truth = copy.deepcopy(result.filing)
    start, end = _empty_cell(result, 2, leaf)
    assert rules_incomplete(result)  # the cascade would run the pipeline for this record
    label = CELL_FILLS[leaf][0]
    join_entities(_doc(nlp, text, [(start, end, label)]), result)
    assert isinstance(result.filing, OwnershipFiling) and isinstance(truth, OwnershipFiling)
    got = getattr(result.filing.non_derivative_transactions[2], leaf)
    assert got == getattr(truth.non_derivative_transactions[2], leaf)
    assert result.confidence[f"non_derivative_transactions[2].{leaf}"] == NER_FILL_CONFIDENCE
    assert any("filled from the NER" in w for w in result.warnings)


def test_no_fill_from_another_rows_line(nlp: Language) -> None:
    """An entity on row 10's line is not row 2's value, even of the right label."""
    text, result = _rules(FORM4, "4")
    _empty_cell(result, 2, "transaction_shares")
    other = _empty_cell(result, 10, "transaction_shares")
    result.spans["non_derivative_transactions[10].transaction_shares"] = other  # row 10 keeps its value
    join_entities(_doc(nlp, text, [(other[0], other[1], "TX_SHARES")]), result)
    assert isinstance(result.filing, OwnershipFiling)
    assert result.filing.non_derivative_transactions[2].transaction_shares is None


def test_no_fill_when_the_entities_disagree(nlp: Language) -> None:
    """Two different amounts tagged on the row's line: the NER is not sure, nothing is filled."""
    text, result = _rules(FORM4, "4")
    shares = _empty_cell(result, 10, "transaction_shares")  # 58,919 and, after it, 177,141
    after = _empty_cell(result, 10, "shares_owned_following_transaction")
    join_entities(_doc(nlp, text, [(*shares, "TX_SHARES"), (*after, "TX_SHARES")]), result)
    assert isinstance(result.filing, OwnershipFiling)
    assert result.filing.non_derivative_transactions[10].transaction_shares is None


@pytest.mark.parametrize("garbled", ["s4", "$.40.78", "j4951", "2,3365", "439,548)A"])
def test_no_fill_from_ocr_garbled_amount(garbled: str) -> None:
    """Tesseract's reading of the cells the rules could not read: no number is pulled out of them."""
    normalise = CELL_FILLS["transaction_price_per_share"][1]
    assert normalise(garbled) is None
    assert normalise("$ 19.88(1)") == 19.88 and normalise("1,802.5") == 1802.5


@pytest.mark.skipif(not FORMD.is_file(), reason="seeds not available")
def test_fills_empty_formd_amount(nlp: Language) -> None:
    text, result = _rules(FORMD, "D")
    assert isinstance(result.filing, FormDFiling)
    path = "offering_sales_amounts.total_offering_amount"
    truth = get_path(result.filing, path)
    assert truth is not None
    set_path(result.filing, path, None)
    start, end = _forget(result, path)
    join_entities(_doc(nlp, text, [(start, end, "TOTAL_OFFERING_AMOUNT")]), result)
    assert get_path(result.filing, path) == truth
    assert result.confidence[path] == NER_FILL_CONFIDENCE


def test_set_path_creates_missing_parts() -> None:
    filing = FormDFiling()
    set_path(filing, "expenses.total", 5000)
    set_path(filing, "primary_issuer.city", "Lindon")
    assert get_path(filing, "expenses.total") == 5000
    assert filing.primary_issuer is not None and filing.primary_issuer.city == "Lindon"
    owners = OwnershipFiling()
    set_path(owners, "reporting_owners[0].city", "Menlo Park")
    assert get_path(owners, "reporting_owners[0].city") == "Menlo Park"
