"""training.render_html: the EDGAR-shaped page carries every label and gold value, formatted like EDGAR."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from training.converters import html_to_w3m
from training.render_html import fmt_date, fmt_number, fmt_price, render_ownership_html

ANNOTATIONS = Path(__file__).resolve().parents[1] / "annotations" / "dev"

FORM4_LABELS = (
    "1. Name and Address of Reporting Person",
    "(Last)",
    "(Street)",
    "(City)",
    "2. Issuer Name and Ticker or Trading Symbol",
    "3. Date of Earliest Transaction (Month/Day/Year)",
    "4. If Amendment, Date Original Filed",
    "5. Relationship of Reporting Person(s) to Issuer",
    "Officer (give title below)",
    "6. Individual or Joint/Group Filing",
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "11. Nature of Indirect Beneficial Ownership",
    "Explanation of Responses:",
    "Signature of Reporting Person",
)


def _gold(form: str) -> dict:
    for path in sorted(ANNOTATIONS.glob("*.json")):
        env = json.loads(path.read_text(encoding="utf-8"))
        if env["form_type"] == form and env["filing"].get("footnotes"):
            return env
    pytest.skip(f"no Form {form} gold record")


@pytest.mark.parametrize(
    ("func", "value", "expected"),
    [
        (fmt_number, 1234, "1,234"),
        (fmt_number, 33769753.0, "33,769,753"),
        (fmt_number, 1234.5, "1,234.5"),
        (fmt_price, 12.34, "$ 12.34"),
        (fmt_price, 0, "$ 0"),
        (fmt_date, "2024-10-01", "10/01/2024"),
        (fmt_date, None, ""),
    ],
)
def test_render_html_formats(func, value, expected) -> None:
    """Numbers, prices and dates print the way EDGAR's page prints them."""
    assert func(value) == expected


def test_render_html_form4_has_labels_and_values() -> None:
    """Every label of the form and every leaf value of the gold record is on the page."""
    env = _gold("4")
    page = render_ownership_html(env["filing"], env["form_type"])
    for label in FORM4_LABELS:
        assert label in page
    filing = env["filing"]
    expected = [filing["issuer"]["name"], fmt_date(filing["period_of_report"])]
    for key in ("non_derivative_transactions", "non_derivative_holdings", "derivative_transactions"):
        for row in filing.get(key) or []:
            expected.append(fmt_number(row.get("shares_owned_following_transaction")))
            expected.append(row["security_title"].replace("&", "&amp;"))
    for note in filing["footnotes"]:
        expected.append(f"({note['id']})")
    for value in expected:
        assert value in page, value


def test_render_html_form3_uses_its_own_tables() -> None:
    """Form 3 numbers its boxes differently and titles its tables without 'Acquired, Disposed of'."""
    env = _gold("3")
    page = render_ownership_html(env["filing"], env["form_type"])
    assert "Table I - Non-Derivative Securities Beneficially Owned" in page
    assert "2. Date of Event Requiring Statement" in page
    assert "Acquired, Disposed of" not in page


def test_render_html_footnote_marks_and_escaping() -> None:
    """Marks follow their value as <sup>(n)</sup>; a mark with no value prints alone; text is escaped."""
    filing = {
        "issuer": {"name": "AT&T Inc.", "trading_symbol": "T"},
        "reporting_owners": [{"name": "Doe John", "is_director": True}],
        "derivative_holdings": [{"security_title": "Option", "underlying_security_shares": 1000}],
    }
    marks = {
        "derivative_holdings[0].underlying_security_shares": ["1"],
        "derivative_holdings[0].exercise_date": ["2"],
    }
    page = render_ownership_html(filing, "4", marks)
    assert "1,000<sup>(1)</sup>" in page
    assert "<td><sup>(2)</sup></td>" in page
    assert "AT&amp;T Inc. [T]" in page
    assert "__X__ Director" in page


@pytest.mark.skipif(shutil.which("w3m") is None, reason="w3m not installed")
def test_render_html_w3m_text_keeps_values() -> None:
    """Through w3m, the page's text keeps the header labels and the first row's numbers."""
    env = _gold("4")
    text = html_to_w3m(render_ownership_html(env["filing"], env["form_type"]))
    assert "Name and Address of Reporting Person" in text
    assert env["filing"]["reporting_owners"][0]["name"] in text
