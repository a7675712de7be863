"""Table I rows read from the NER's entities where the rules lost them (``pipeline/entity_rows.py``).

Fixtures: plain ``pdftotext`` (content-stream order, one cell per line) of EDGAR-shaped Form 4 pages whose
records the generator drew (no dev filer). In ``lost_first_row.txt`` the rules read one of the two
transactions; the page prints columns 5-7 of both rows after columns 1-4 of both.

The unit tests give the entities by hand, with the labels the shipped NER gives these cells (it calls the
second row's code and both D/I marks ``TX_AD_CODE``), so they test the row reading, not the model; the
last test runs the shipped model end to end.
"""

from __future__ import annotations

import copy
import re
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
from extractor.pipeline.entity_rows import PAIR, entity_rows, plan_repairs, table_i_region
from extractor.pipeline.labels import LABELS, field_key
from extractor.pipeline.tokenizer import build_tokenizer
from extractor.records import NonDerivativeTransaction, OwnershipFiling

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_raw_rows"
LOST_ROW = FIXTURES / "lost_first_row.txt"
DOLLAR = FIXTURES / "dollar_before_owned.txt"
W3M = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "docs" / "dev_02c25c8e45_w3m.txt"

# Table I of lost_first_row.txt in reading order: (cell, label as the shipped NER tags it).
LOST_ROW_CELLS = [
    ("Ordinary Shares", "SECURITY_TITLE"),
    ("02/14/2005", "TX_DATE"),
    ("S", "TX_CODE"),
    ("784", "TX_SHARES"),
    ("D", "TX_AD_CODE"),
    ("28.8", "TX_PRICE"),
    ("Ordinary Shares", "SECURITY_TITLE"),
    ("02/14/2005", "TX_DATE"),
    ("A", "TX_AD_CODE"),  # the transaction code, by its column
    ("1,838", "TX_SHARES"),
    ("A", "TX_AD_CODE"),
    # after the "5. Amount of Securities ..." captions: columns 5-7 of both rows
    ("3,676", "SHARES_AFTER"),
    ("D", "TX_AD_CODE"),
    ("5,514", "TX_SHARES"),
    ("D", "TX_AD_CODE"),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = build_tokenizer(nlp)
    return nlp


def _line_cells(text: str, start: int, cells: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Char spans of ``cells``, each a whole word of ``text`` (a footnote mark may follow), found in
    order from ``start``."""
    out = []
    pos = start
    for cell, label in cells:
        m = re.compile(rf"(?<!\S)({re.escape(cell)})(?=[ \n])").search(text, pos)
        assert m is not None, cell
        out.append((m.start(1), m.end(1), label))
        pos = m.end(1)
    return out


def _doc(nlp: Language, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in ents]
    return doc


def _lost_row(nlp: Language) -> tuple[Doc, AssemblyResult]:
    nt = read_document(LOST_ROW)
    result = run_rules(nt.text, "4", nt=nt)
    assert result is not None
    region = table_i_region(nt.text)
    assert region is not None
    return _doc(nlp, nt.text, _line_cells(nt.text, region[0], LOST_ROW_CELLS)), result


def test_entity_rows_read_by_column_position(nlp: Language) -> None:
    doc, _ = _lost_row(nlp)
    region = table_i_region(doc.text)
    assert region is not None
    rows = entity_rows(doc.text, doc.ents, region)
    assert [r.values for r in rows] == [
        {
            "transaction_date": "2005-02-14",
            "transaction_code": "S",
            "transaction_shares": 784,
            "transaction_acquired_disposed_code": "D",
            "transaction_price_per_share": 28.8,
        },
        # The code comes from its column, not its label; the trailing columns 5-7 (after form words)
        # belong to no row, so no second amount makes the row ambiguous.
        {
            "transaction_date": "2005-02-14",
            "transaction_code": "A",
            "transaction_shares": 1838,
            "transaction_acquired_disposed_code": "A",
        },
    ]
    assert all(r.is_transaction and r.title == "Ordinary Shares" for r in rows)


def test_lost_row_is_appended_and_the_read_row_kept(nlp: Language) -> None:
    doc, result = _lost_row(nlp)
    filing = result.filing
    assert isinstance(filing, OwnershipFiling)
    # The rules read one row of two: the cascade runs the NER because Table I prints two dates.
    assert [r.transaction_shares for r in filing.non_derivative_transactions] == [1838]
    assert rules_incomplete(result, doc.text)
    join_entities(doc, result)
    rows = filing.non_derivative_transactions
    assert [(r.transaction_code, r.transaction_shares) for r in rows] == [("A", 1838), ("S", 784)]
    added = rows[1]
    assert (added.transaction_date, added.transaction_acquired_disposed_code) == ("2005-02-14", "D")
    assert added.transaction_price_per_share == 28.8
    assert added.shares_owned_following_transaction is None  # printed apart: not guessed
    assert result.confidence["non_derivative_transactions[1].transaction_shares"] == NER_FILL_CONFIDENCE
    assert any("non_derivative_transactions[1]: row read from the NER" in w for w in result.warnings)
    start, end = result.spans["non_derivative_transactions[1].transaction_shares"]
    assert doc.text[start:end] == "784"


# The first row of dollar_before_owned.txt up to its A/D mark.
DOLLAR_ROW_HEAD = [
    ("Common Stock", "SECURITY_TITLE"),
    ("11/02/2018", "TX_DATE"),
    ("P", "TX_CODE"),
    ("1,886", "TX_SHARES"),
    ("A", "TX_AD_CODE"),
]


def test_dollar_cell_prints_amount_owned_before_price(nlp: Language) -> None:
    """Plain pdftotext prints a "$" price cell's glyph, then column 5's amount owned, then the price:
    after the A/D mark an amount is the price only when the NER says so, else the amount owned."""
    nt = read_document(DOLLAR)
    region = table_i_region(nt.text)
    assert region is not None
    cells = [*DOLLAR_ROW_HEAD, ("6,299", "TX_SHARES"), ("35.44", "TX_PRICE"), ("D", "TX_AD_CODE")]
    doc = _doc(nlp, nt.text, _line_cells(nt.text, region[0], cells))
    (row,) = entity_rows(doc.text, doc.ents, region)
    assert row.is_transaction
    assert row.values["shares_owned_following_transaction"] == 6299
    assert row.values["transaction_price_per_share"] == 35.44
    assert row.values["direct_or_indirect_ownership"] == "D"


def test_ambiguous_row_is_not_added(nlp: Language) -> None:
    """Two amounts owned in a row: two rows' cells interleaved, or a price the NER took for one; no
    row is read rather than a guess."""
    nt = read_document(DOLLAR)
    region = table_i_region(nt.text)
    assert region is not None
    cells = [*DOLLAR_ROW_HEAD, ("6,299", "SHARES_AFTER"), ("35.44", "SHARES_AFTER")]
    doc = _doc(nlp, nt.text, _line_cells(nt.text, region[0], cells))
    rows = entity_rows(doc.text, doc.ents, region)
    assert len(rows) == 1 and rows[0].ambiguous and not rows[0].is_transaction
    assert plan_repairs(rows, [], []) == []


def test_swapped_price_and_amount_owned_are_replaced(nlp: Language) -> None:
    """ "1,802.5 A / $ / 2,336.5 / 34.35": the rules' column reader takes the amount owned printed after
    the "$" for the price; the entity row of the same date and shares reads the pair the other way."""
    nt = read_document(DOLLAR)
    result = run_rules(nt.text, "4", nt=nt)
    assert result is not None and isinstance(result.filing, OwnershipFiling)
    rows = result.filing.non_derivative_transactions
    (i,) = [k for k, r in enumerate(rows) if r.transaction_shares == 1802.5]
    assert (rows[i].transaction_price_per_share, rows[i].shares_owned_following_transaction) == (
        2336.5,
        34.35,
    )
    cells = [
        ("Common Stock", "SECURITY_TITLE"),
        ("11/04/2018", "TX_DATE"),
        ("C", "TX_CODE"),
        ("1,802.5", "TX_SHARES"),
        ("A", "TX_AD_CODE"),
        ("2,336.5", "TX_SHARES"),
        ("34.35", "TX_PRICE"),
        ("D", "TX_AD_CODE"),
    ]
    row_start = nt.text.index("\nCommon Stock\n\n11/04/2018")
    join_entities(_doc(nlp, nt.text, _line_cells(nt.text, row_start, cells)), result)
    assert (rows[i].transaction_price_per_share, rows[i].shares_owned_following_transaction) == (
        34.35,
        2336.5,
    )
    prefix = f"non_derivative_transactions[{i}]."
    assert result.confidence[prefix + "transaction_price_per_share"] == NER_FILL_CONFIDENCE
    assert any(
        w.startswith(prefix + "transaction_price_per_share: replaced (2336.5") for w in result.warnings
    )


def test_rows_of_one_day_and_amount_keep_the_rules_pair(nlp: Language) -> None:
    """Two rule rows of the same date and shares: which entity row is which is unknown, so neither
    pair is replaced."""
    doc, _ = _lost_row(nlp)
    region = table_i_region(doc.text)
    assert region is not None
    (row, _) = entity_rows(doc.text, doc.ents, region)
    row.values["shares_owned_following_transaction"] = 3676
    twin = NonDerivativeTransaction(
        transaction_date="2005-02-14",
        transaction_code="S",
        transaction_shares=784,
        transaction_price_per_share=3676,
        shares_owned_following_transaction=28.8,
    )
    assert plan_repairs([row], [twin], [])[0].leaves == PAIR
    assert plan_repairs([row], [twin, copy.copy(twin)], []) == []


def test_disagreeing_reading_fills_only_empty_cells(nlp: Language) -> None:
    """A rule row of the same date and code that no entity row accounts for is the same row read
    differently: it is kept, and only its empty cells are filled, never with a value it holds."""
    nt = read_document(LOST_ROW)
    region = table_i_region(nt.text)
    assert region is not None
    doc = _doc(nlp, nt.text, _line_cells(nt.text, region[0], LOST_ROW_CELLS[:6]))
    rows = entity_rows(doc.text, doc.ents, region)
    # The rules read the 784 row with the shares in the amount-owned column and no A/D mark.
    rule = NonDerivativeTransaction(
        security_title="Ordinary Shares",
        transaction_date="2005-02-14",
        transaction_code="S",
        shares_owned_following_transaction=784,
    )
    (repair,) = plan_repairs(rows, [rule], [])
    assert repair.index == 0
    assert repair.leaves == ("transaction_acquired_disposed_code", "transaction_price_per_share")


@pytest.mark.skipif(not W3M.is_file(), reason="shared documents not available")
def test_no_repair_where_the_rules_read_every_row(nlp: Language) -> None:
    """On text the rules read whole, entities on every cell they read account for every row."""
    nt = read_document(W3M)
    result = run_rules(nt.text, "4", nt=nt)
    assert result is not None and isinstance(result.filing, OwnershipFiling)
    assert not rules_incomplete(result, nt.text)
    ents: list[tuple[int, int, str]] = []
    for path, (s, e) in sorted(result.spans.items(), key=lambda item: item[1]):
        # Not the nature of ownership: its span runs over the next row's lines, which no entity does.
        wanted = path.startswith("non_derivative") and not path.endswith("nature_of_ownership")
        if wanted and field_key(path) in LABELS and (not ents or s >= ents[-1][1]):  # one per cell
            ents.append((s, e, LABELS[field_key(path)]))
    doc = _doc(nlp, nt.text, ents)
    region = table_i_region(nt.text)
    assert region is not None
    rows = entity_rows(doc.text, doc.ents, region)
    f = result.filing
    assert sum(r.is_transaction for r in rows) == len(f.non_derivative_transactions) == 11
    assert plan_repairs(rows, f.non_derivative_transactions, f.non_derivative_holdings) == []


def test_shipped_pipeline_recovers_the_lost_row() -> None:
    from extractor.extract import default_pipeline_dir, extract_document

    if not (default_pipeline_dir() / "meta.json").is_file():
        pytest.skip("no trained pipeline in models/")
    env = extract_document(read_document(LOST_ROW), document_id="lost_first_row", source=str(LOST_ROW))
    assert isinstance(env.filing, OwnershipFiling)
    got = sorted((r.transaction_code, r.transaction_shares) for r in env.filing.non_derivative_transactions)
    assert got == [("A", 1838), ("S", 784)]
