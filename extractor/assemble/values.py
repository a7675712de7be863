"""One safe parser per value kind: numbers, dates, states, footnote markers, checkbox marks.

Every parser returns ``None`` instead of raising on text it cannot read (edgartools' habit: a noisy
number must never crash a batch). Regexes here are anchored and linear: no nested quantifiers.
"""

from __future__ import annotations

import datetime as dt
import re

# Footnote markers as converters print them: "(1)", "^(1)", "⁽¹⁾", "<sup>(1)</sup>" (after ingest: "(1)").
FOOTNOTE_MARK = re.compile(r"\s*\^?\s*\(\s*\d{1,2}\s*\)")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾", "0123456789()")
_NUMBER = re.compile(r"-?\d[\d,]{0,30}(?:\.\d{1,12})?|-?\.\d{1,12}")

US_STATES = {
    "ALABAMA": "AL",
    "ALASKA": "AK",
    "ARIZONA": "AZ",
    "ARKANSAS": "AR",
    "CALIFORNIA": "CA",
    "COLORADO": "CO",
    "CONNECTICUT": "CT",
    "DELAWARE": "DE",
    "DISTRICT OF COLUMBIA": "DC",
    "FLORIDA": "FL",
    "GEORGIA": "GA",
    "HAWAII": "HI",
    "IDAHO": "ID",
    "ILLINOIS": "IL",
    "INDIANA": "IN",
    "IOWA": "IA",
    "KANSAS": "KS",
    "KENTUCKY": "KY",
    "LOUISIANA": "LA",
    "MAINE": "ME",
    "MARYLAND": "MD",
    "MASSACHUSETTS": "MA",
    "MICHIGAN": "MI",
    "MINNESOTA": "MN",
    "MISSISSIPPI": "MS",
    "MISSOURI": "MO",
    "MONTANA": "MT",
    "NEBRASKA": "NE",
    "NEVADA": "NV",
    "NEW HAMPSHIRE": "NH",
    "NEW JERSEY": "NJ",
    "NEW MEXICO": "NM",
    "NEW YORK": "NY",
    "NORTH CAROLINA": "NC",
    "NORTH DAKOTA": "ND",
    "OHIO": "OH",
    "OKLAHOMA": "OK",
    "OREGON": "OR",
    "PENNSYLVANIA": "PA",
    "RHODE ISLAND": "RI",
    "SOUTH CAROLINA": "SC",
    "SOUTH DAKOTA": "SD",
    "TENNESSEE": "TN",
    "TEXAS": "TX",
    "UTAH": "UT",
    "VERMONT": "VT",
    "VIRGINIA": "VA",
    "WASHINGTON": "WA",
    "WEST VIRGINIA": "WV",
    "WISCONSIN": "WI",
    "WYOMING": "WY",
    "PUERTO RICO": "PR",
    "GUAM": "GU",
    "VIRGIN ISLANDS": "VI",
}
STATE_CODES = frozenset(US_STATES.values())

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("JAN", "JANUARY"),
            ("FEB", "FEBRUARY"),
            ("MAR", "MARCH"),
            ("APR", "APRIL"),
            ("MAY",),
            ("JUN", "JUNE"),
            ("JUL", "JULY"),
            ("AUG", "AUGUST"),
            ("SEP", "SEPT", "SEPTEMBER"),
            ("OCT", "OCTOBER"),
            ("NOV", "NOVEMBER"),
            ("DEC", "DECEMBER"),
        ],
        start=1,
    )
    for m in names
}
_DATE_NUMERIC = re.compile(r"(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_WORDS = re.compile(r"([A-Za-z]{3,9})\.?\s{1,3}(\d{1,2}),?\s{1,3}(\d{4})")


def strip_footnote_marks(text: str) -> str:
    """``"69,672(1)"`` -> ``"69,672"``; also superscript markers (``⁽¹⁾``)."""
    return FOOTNOTE_MARK.sub("", text.translate(_SUPERSCRIPTS)).strip()


def parse_number(text: str | None) -> float | int | None:
    """``"$ 1,477"`` -> ``1477``; ``"0.05"`` -> ``0.05``; ``"-0-"`` -> ``0``; ``"n/a"``/``""`` -> ``None``.

    Integral values come back as ``int`` so JSON shows ``1477``, not ``1477.0``.
    """
    if text is None:
        return None
    s = strip_footnote_marks(text[:200]).replace("$", "").replace(" ", "")
    m = _NUMBER.search(s)
    if m is None:
        return None
    raw = m.group(0).replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in raw else value


def parse_date(text: str | None) -> str | None:
    """``"11/30/2006"``, ``"2006-11-30"``, ``"November 30, 2006"`` -> ``"2006-11-30"``; else ``None``."""
    if not text:
        return None
    s = strip_footnote_marks(text[:100])
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_NUMERIC, "mdy")):
        m = pattern.search(s)
        if m:
            a, b, c = m.groups()
            y, mo, d = (int(a), int(b), int(c)) if order == "ymd" else (int(c), int(a), int(b))
            if y < 100:
                y += 2000 if y < 70 else 1900
            return _iso(y, mo, d)
    m = _DATE_WORDS.search(s)
    if m:
        month = _MONTHS.get(m.group(1).upper())
        if month:
            return _iso(int(m.group(3)), month, int(m.group(2)))
    return None


_MISREAD_MONTH = re.compile(r"^\W{0,2}([689])(\d)/(\d{1,2}/\d{2,4})\W{0,2}$")


def parse_ocr_date(text: str | None) -> str | None:
    """``parse_date``, and a numeric date whose month OCR misread: no month starts with ``6``, ``8``
    or ``9``, the shapes OCR makes of a leading ``0`` (``95/23/2029`` -> ``2029-05-23``)."""
    iso = parse_date(text)
    if iso is not None or not text:
        return iso
    m = _MISREAD_MONTH.match(text.strip()[:20])
    return parse_date(f"0{m.group(2)}/{m.group(3)}") if m else None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def state_code(text: str | None) -> str | None:
    """``"Utah"`` / ``"UT"`` -> ``"UT"``; unknown -> ``None``."""
    if not text:
        return None
    s = " ".join(text.replace(".", " ").split()).upper()
    if s in STATE_CODES:
        return s
    return US_STATES.get(s)


def is_checked_mark(text: str) -> bool:
    """True for checkbox marks converters print: ``X``, ``_X_``, ``__X__``, ``[X]``, ``[x]``, ``|X|``."""
    s = text.strip().strip("_[]|() ").upper()
    return s in {"X", "✓", "✔", "☒", "■"}
