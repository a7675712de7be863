"""Contract tests of ``run_review`` (``extractor review OUT.jsonl``)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from extractor.checks.review import run_review, value_at


def test_review_lists_low_fields_with_source_text(tmp_path: Path) -> None:
    """Trap: provenance offsets point into the *source* file; the snippet must show the printed 7.68."""
    source = tmp_path / "002.txt"
    text = "Common Stock\t11/12/2004\t\tM\t\t2,000\tA\t$ 4.5\n\t\t\t\t\t7.68\t\t\n"
    source.write_text(text, encoding="utf-8")
    start = text.index("7.68")
    env = {
        "document_id": "002",
        "source": str(source),
        "form_type": "4",
        "filing": {"non_derivative_transactions": [{"shares_owned_following_transaction": 7068}]},
        "confidence": {
            "non_derivative_transactions[0].shares_owned_following_transaction": 0.42,
            "form_type": 0.95,
        },
        "provenance": {
            "non_derivative_transactions[0].shares_owned_following_transaction": [start, start + 4]
        },
        "warnings": [],
        "error": None,
    }
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(env) + "\n", encoding="utf-8")
    console = Console(record=True, width=200)
    assert run_review(out, threshold=0.8, console=console) == 0
    shown = console.export_text()
    assert "shares_owned_following_transaction" in shown and "[7.68]" in shown and "0.42" in shown
    assert "form_type" not in shown


def test_review_bad_input_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert run_review(bad, console=Console(record=True)) == 2


def test_value_at() -> None:
    filing = {"issuer": {"name": "ALTIRIS INC"}, "signatures": [{"date": "2004-11-15"}]}
    assert value_at(filing, "issuer.name") == "ALTIRIS INC"
    assert value_at(filing, "signatures[0].date") == "2004-11-15"
    assert value_at(filing, "signatures[3].date") is None
