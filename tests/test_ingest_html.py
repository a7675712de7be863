"""HTML documents -> layout text: cells by TAB, rows and blocks by newline, scripts dropped."""

from __future__ import annotations

import pytest

from extractor.ingest import normalise
from extractor.ingest.html import looks_like_html

FORM4_HTML = """<!DOCTYPE html>
<html><head><title>Form 4</title>
<style>td { font: 8pt }</style><script>var x = "<td>not text</td>";</script></head>
<body>
  <p>1. Name and Address of Reporting Person<sup>*</sup></p>
  <div>BOTHA&nbsp;ROELOF</div><!-- a comment <td> -->
  <table>
    <tr><th>Title</th><th colspan="2">Amount</th><th>Price</th></tr>
    <tr>
      <td> Common   Stock </td>
      <td>1,477</td><td>(D)</td>
      <td>$&nbsp;32.43<sup>1</sup></td>
    </tr>
    <tr><td><input type="checkbox" checked> Director</td><td><input type="checkbox"> Officer</td></tr>
  </table>
  Line one<br>Line&#160;two<br/>AT&amp;T
</body></html>
"""

EXPECTED = (
    "1. Name and Address of Reporting Person*\n"
    "BOTHA ROELOF\n"
    "Title\tAmount\t\tPrice\n"
    "Common Stock\t1,477\t(D)\t$ 32.43(1)\n"
    "[X] Director\t[ ] Officer\n"
    "Line one\nLine two\nAT&T"
)


@pytest.mark.parametrize(("source", "expected"), [(FORM4_HTML, EXPECTED)])
def test_ingest_html_layout(source: str, expected: str) -> None:
    nt = normalise(source)
    assert nt.is_html
    assert nt.text.strip("\n") == expected


@pytest.mark.parametrize(
    ("value", "source_value"),
    [("1,477", "1,477"), ("32.43", "32.43"), ("BOTHA ROELOF", "BOTHA&nbsp;ROELOF"), ("[X]", None)],
)
def test_ingest_html_spans_map_back(value: str, source_value: str | None) -> None:
    nt = normalise(FORM4_HTML)
    start = nt.text.index(value)
    s, e = nt.source_span(start, start + len(value))
    if source_value is None:  # a checkbox maps to its whole tag
        assert nt.source_text[s:e].startswith("<input") and nt.source_text[s:e].endswith(">")
    else:
        assert nt.source_text[s:e] == source_value


@pytest.mark.parametrize(
    ("source", "is_html"),
    [
        (FORM4_HTML, True),
        ("<HTML><BODY>x</BODY></HTML>", True),
        ("<p>a</p>" * 5, True),
        # A text file with stray tags is not an HTML document.
        ('Legal Fees\t<input checked="" type="checkbox"/> \\$ <u>32,000.00</u>\n' * 20, False),
        ("69,672 <sup>(1)</sup> <p>one paragraph</p>", False),
        ("plain text only", False),
    ],
)
def test_ingest_html_detection(source: str, is_html: bool) -> None:
    assert looks_like_html(source) is is_html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<html><pre>a   b\r\n  c</pre><p>x  \n  y</p></html>", "a   b\n  c\nx y"),
        ("<html><body>a <script>never closed", "a never closed"),
        ("<html><body>" + "<!--" * 1000 + "z", "z"),
    ],
)
def test_ingest_html_edge_cases(source: str, expected: str) -> None:
    assert normalise(source).text.strip() == expected
