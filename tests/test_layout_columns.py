"""Contract tests: the column model read from a table header (extractor.layout.columns)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.layout import build_column_model, line_features, split_lines, tokenize_line
from extractor.layout.columns import find_header_end

FIXTURES = Path(__file__).parent / "fixtures" / "ownership_tables"


def _fixture(name: str) -> str:
    """A real converter excerpt (fixed-width lines are too long for a source file)."""
    return (FIXTURES / name).read_text(encoding="utf-8").rstrip("\n")


# w3m rendering of the SEC page (dev_01a608e459_w3m), Table I header.
W3M_HEADER = _fixture("w3m_header.txt")

# The same header from OCR: single-spaced, table rules read as pipes.
OCR_HEADER = _fixture("ocr_header.txt")


def test_w3m_header_gives_x_ranges() -> None:
    """Header labels give each column's x-range; the sub-column line pins Code/V/Amount/(A)/Price."""
    lines = split_lines(W3M_HEADER)
    end = find_header_end(lines, 0, len(lines))
    assert lines[end].text.strip().startswith("Code")
    model = build_column_model(lines, "table_i", 0, end)
    assert model.fixed_width
    assert [c.key for c in model.columns][:3] == [
        "security_title",
        "transaction_date",
        "deemed_execution_date",
    ]
    tokens = {t.text: t for t in tokenize_line(lines[-1])}
    keys = {text: model.subcolumn_at(t.x0, t.x1) for text, t in tokens.items()}
    assert keys["10/01/2024"] == "transaction_date"
    assert keys["204"] == "transaction_shares:transaction_shares"
    assert keys["$0"] == "transaction_shares:transaction_price_per_share"
    assert keys["29,968"] == "shares_owned_following_transaction"
    assert keys["D"] == "direct_or_indirect_ownership"


def test_ocr_header_is_not_fixed_width() -> None:
    """Trap: OCR keeps the labels but not their x-positions (pipes are not column gaps)."""
    lines = split_lines(OCR_HEADER)
    end = find_header_end(lines, 0, len(lines))
    model = build_column_model(lines, "table_i", 0, end)
    assert end == 3
    assert not model.fixed_width


@pytest.mark.parametrize(("index", "first_kind"), [(1, "text"), (8, "text")])
def test_line_features_describe_the_line(index: int, first_kind: str) -> None:
    """The feature dict for a learned line classifier: shapes, cells, nearest label."""
    lines = split_lines(W3M_HEADER)
    line = lines[index]
    feats = line_features(
        line, tokenize_line(line), n_lines=len(lines), nearest_label="table_i", label_distance=index
    )
    assert feats["first_kind"] == first_kind
    assert feats["nearest_label"] == "table_i"
    assert float(feats["n_cells"]) >= 1
