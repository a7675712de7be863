"""EDGAR value readers: numbers int when integral, EDGAR booleans, ISO dates, wrappers flattened."""

from __future__ import annotations

import pytest

from extractor.edgar_xml.safe_xml import child_text, parse_xml, to_bool, to_date, to_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("46780", 46780),
        ("0.00", 0),
        ("1000.0000", 1000),
        ("12.345", 12.345),
        ("1,234", 1234),
        ("Indefinite", None),
        ("nan", None),
        ("inf", None),
        (None, None),
    ],
)
def test_edgar_xml_to_number(raw: str | None, expected: float | None) -> None:
    got = to_number(raw)
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("0", False),
        ("false", False),
        (" FALSE ", False),
        ("", None),
        (None, None),
    ],
)
def test_edgar_xml_to_bool(raw: str | None, expected: bool | None) -> None:
    assert to_bool(raw) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2019-08-20", "2019-08-20"), ("2019-08-20-05:00", "2019-08-20"), ("2019-02-30", None), ("soon", None)],
)
def test_edgar_xml_to_date(raw: str, expected: str | None) -> None:
    assert to_date(raw) == expected


@pytest.mark.parametrize(
    ("xml", "path", "expected"),
    [
        (b"<r><a><value>X</value><footnoteId id='F1'/></a></r>", "a", "X"),
        (b"<r><a>Common<footnoteId id='F1'/></a></r>", "a", "Common"),
        (b"<r><a><value></value></a></r>", "a", None),
        (b"<r><a>  </a></r>", "a", None),
        (b"<r><a>Class A  Common</a></r>", "a", "Class A  Common"),
        (b"<r/>", "a", None),
    ],
)
def test_edgar_xml_child_text_flattens(xml: bytes, path: str, expected: str | None) -> None:
    assert child_text(parse_xml(xml, source="t").root, path) == expected
