"""The evaluate command and its reports: exit codes, self-contained HTML with plots, source snippets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from extractor.evaluate.commands import run_evaluate
from extractor.evaluate.html import SourceTexts, find_snippet
from extractor.evaluate.metrics import ErrorItem

SOURCE_TEXT = "Table I\nClass A Common Stock 08/20/2019 S 1,477 $20.50 D\nPrice: 0 for 2019\n"


def _gold_env(doc: str, shares: float) -> dict[str, Any]:
    return {
        "document_id": doc,
        "form_type": "4",
        "filing": {
            "issuer": {"name": "Eventbrite, Inc."},
            "non_derivative_transactions": [
                {"security_title": "Class A Common Stock", "transaction_shares": shares}
            ],
        },
    }


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    source = tmp_path / "d1_w3m.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    (gold_dir / "d1_w3m.json").write_text(json.dumps(_gold_env("d1_w3m", 1477)), encoding="utf-8")
    (gold_dir / "people.json").write_text(json.dumps({"A": ["d1_w3m:X"]}), encoding="utf-8")
    pred_env = _gold_env("d1_w3m", 1478) | {"source": str(source)}
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(pred_env) + "\n", encoding="utf-8")
    base = tmp_path / "base.jsonl"
    base.write_text(json.dumps({"document_id": "d1_w3m", "form_type": "4", "filing": {}}) + "\n", "utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    return {"gold": gold_dir, "pred": pred, "base": base, "bad": bad, "people": gold_dir / "people.json"}


@pytest.mark.parametrize("with_baseline", [False, True])
def test_evaluate_html_report_self_contained(
    files: dict[str, Path], tmp_path: Path, with_baseline: bool
) -> None:
    out = tmp_path / "report"
    code = run_evaluate(
        gold=files["gold"],
        pred=files["pred"],
        report=out,
        baseline=files["base"] if with_baseline else None,
        people_gold=files["people"],
    )
    assert code == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<img alt="F1 per field" src="data:image/png;base64,' in page
    # Self-contained: no resource fetched from the network.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?https?:""", page)
    assert ("Baseline vs current F1 per field" in page) is with_baseline
    assert page.count("data:image/png;base64,") == (3 if with_baseline else 2)
    # The worst error shows the source text around the gold value, escaped.
    assert "<mark>1,477</mark>" in page
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["micro"]["fp"] == 1 and report["summary"]["micro"]["fn"] == 1
    assert ("baseline" in report) is with_baseline
    assert "# Evaluation report" in (out / "report.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("pred_key", "gold_key", "code"),
    [("bad", "gold", 2), ("missing", "gold", 2), ("pred", "missing", 2), ("pred", "gold", 0)],
)
def test_evaluate_exit_codes(
    files: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    pred_key: str,
    gold_key: str,
    code: int,
) -> None:
    paths = files | {"missing": tmp_path / "nope"}
    assert run_evaluate(gold=paths[gold_key], pred=paths[pred_key]) == code
    if code == 2:
        assert re.search(r"\[E30\d\]", capsys.readouterr().err)


@pytest.mark.parametrize(
    ("err", "provenance", "hit", "how"),
    [
        (
            ErrorItem("d", "issuer.name", "wrong", "Class A", "x"),
            {"issuer.name": [8, 15]},
            "Class A",
            "provenance",
        ),
        (ErrorItem("d", "x[].price", "wrong", 0, 1, 0, 0), {}, "0", "gold value"),  # not the 0 in 2019
        (
            ErrorItem("d", "x[].shares", "wrong", 1477, 1478, 0, 0),
            {"x[0].shares": [42, 47]},
            "1,477",
            "provenance",
        ),
        (ErrorItem("d", "x[].shares", "missing", 77, None, 0, None), {}, None, ""),  # 77 only inside 1,477
    ],
)
def test_evaluate_find_snippet(
    tmp_path: Path, err: ErrorItem, provenance: dict[str, list[int]], hit: str | None, how: str
) -> None:
    source = tmp_path / "s.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    snip = find_snippet(err, {}, {"source": str(source), "provenance": provenance}, SourceTexts())
    if hit is None:
        assert snip is None
    else:
        assert snip is not None and snip.hit == hit and how in snip.how
