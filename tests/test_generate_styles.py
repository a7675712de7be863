"""training.generate renders every layout style with its marks, and the record variety we promise."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from extractor.records import OwnershipFiling
from tests.conftest import XML_DIR
from training.generate import STYLES, generate_doc

DATA = XML_DIR.parent

# A layout trait each style must show (the converter's fingerprint).
TRAITS = {
    "w3m": re.compile(r"\S {3,}\S"),  # padded fixed-width columns
    "pdf_layout": re.compile(r"\S {3,}\S"),
    "ocr": re.compile(r"^(?!.* {2,}\S).*Reporting Owners", re.MULTILINE),  # single-spaced lines
    "tabbed": re.compile(r"\t"),
    "markdown": re.compile(r"\*\*FORM \d\*\*"),
    "scrambled": re.compile(r"\t"),
}


@pytest.mark.parametrize("style", STYLES)
def test_generate_style_renders(style: str) -> None:
    doc = generate_doc(1, seed=2, style=style, noise=0.0, data_dir=DATA)
    assert doc.style == style
    assert "Table I" in doc.text and "Reporting Owners" in doc.text and "Explanation of Responses" in doc.text
    assert TRAITS[style].search(doc.text), style
    filing = doc.envelope.filing
    assert isinstance(filing, OwnershipFiling) and filing.issuer and filing.issuer.name
    assert filing.issuer.name in doc.text


def test_generate_variety() -> None:
    """Over a small corpus: Forms 3/4/5 and amendments, several owners, markers and checkbox styles."""
    docs = [
        generate_doc(k, seed=9, style=STYLES[k % len(STYLES)], noise=0.0, data_dir=DATA) for k in range(60)
    ]
    forms = Counter(d.envelope.form_type for d in docs)
    assert {"3", "4"} <= set(forms) and any(f.endswith("/A") for f in forms)
    assert {d.variant["marker"] for d in docs} >= {"paren", "caret", "sup_html", "super"}
    assert {d.variant["box"] for d in docs} >= {"under5", "under3", "bracket"}
    owners = [
        len(d.envelope.filing.reporting_owners)
        for d in docs
        if isinstance(d.envelope.filing, OwnershipFiling)
    ]
    assert max(owners) >= 2
    labels = {label for d in docs for _, label, _, _ in d.spans}
    assert {"OWNER_NAME", "ISSUER_NAME", "TX_SHARES", "SHARES_AFTER", "FOOTNOTE", "CHECKBOX_MARK"} <= labels


def test_generate_holdings_chain_adds_up() -> None:
    """Synthetic Table I rows: owned-following = previous owned-following +/- the row's shares."""
    checked = 0
    for k in range(40):
        doc = generate_doc(k, seed=4, style="tabbed", data_dir=DATA)
        if doc.variant["record"] != "synthetic":
            continue
        filing = doc.envelope.filing
        assert isinstance(filing, OwnershipFiling)
        rows = filing.non_derivative_transactions
        for prev, row in itertools.pairwise(rows):
            sign = 1 if row.transaction_acquired_disposed_code == "A" else -1
            assert prev.shares_owned_following_transaction is not None and row.transaction_shares is not None
            want = max(prev.shares_owned_following_transaction + sign * row.transaction_shares, 0.0)
            assert row.shares_owned_following_transaction == pytest.approx(want)
            checked += 1
    assert checked > 10
