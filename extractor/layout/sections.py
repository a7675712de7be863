"""Sections of a Form 3/4/5 found by their printed labels, tolerant of OCR and converter damage.

Labels are matched on a *squeezed* form of each line (lower case, whitespace removed), so
``Table\\tI - Non-D\\terivative S\\tSecuri\\tties`` (cells torn apart by a PDF dump) and
``Table l - Non-Derivative`` (OCR reads ``I`` as ``l``) are still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.layout.lines import Line

TABLE_I = "table_i"
TABLE_II = "table_ii"
REPORTING_OWNERS = "reporting_owners"
EXPLANATION = "explanation"
SIGNATURES = "signatures"

# Roman numerals as OCR and converters print them: I, l, 1, |, !.
_TABLE_I = re.compile(r"table[il1|!]{1}[-–—~:.,_]{0,2}non-?d")
_TABLE_II = re.compile(r"table[il1|!]{2}[-–—~:.,_]{0,2}deriv")
_OTHER = (
    (REPORTING_OWNERS, re.compile(r"^\W{0,3}reportingowners\W{0,3}$")),
    (EXPLANATION, re.compile(r"^\W{0,3}explanationofresponses")),
    (SIGNATURES, re.compile(r"^\W{0,3}signatures?\W{0,3}$")),
)
# Lines that end a table body (besides the next section label).
_TABLE_END = re.compile(
    r"^\W{0,3}(?:reminder:|personswhorespond|potentialpersons|sec1474|explanationofresponses"
    r"|reportingowners|signatures?\W{0,3}$|note:filethree|\*\*signatureof)"
)
_PAGE_FURNITURE = re.compile(r"^\W{0,3}(?:edgarfiling:|page\d{1,3}(?:of\d{1,3})?\W{0,3}$)")


@dataclass(frozen=True)
class Section:
    """A labelled part of the form: lines ``[start_line, end_line)``; ``label_line`` holds its label."""

    name: str
    label_line: int
    start_line: int
    end_line: int


_SQUEEZE = re.compile(r"[\s*#]+")


def squeeze(text: str) -> str:
    """Lower case without whitespace or markdown emphasis: the form used for label matching."""
    return _SQUEEZE.sub("", text[:400]).lower()


def label_of(line: Line) -> str | None:
    """Which section label this line carries, if any."""
    sq = squeeze(line.text)
    if not sq or (
        "table" not in sq and "owners" not in sq and "explanation" not in sq and "signature" not in sq
    ):
        return None
    if _TABLE_II.search(sq):
        return TABLE_II
    if _TABLE_I.search(sq):
        return TABLE_I
    for name, pattern in _OTHER:
        if pattern.search(sq):
            return name
    return None


def is_table_end(line: Line) -> bool:
    """Form text that follows a table body (reminder, OMB notice, next section)."""
    return bool(_TABLE_END.search(squeeze(line.text))) or label_of(line) is not None


def is_page_furniture(line: Line) -> bool:
    """Running heads of printed pages (``Edgar Filing: X - Form 4``, ``Page 2``) inside a table."""
    return bool(_PAGE_FURNITURE.search(squeeze(line.text)))


def find_sections(lines: list[Line]) -> list[Section]:
    """Sections in document order; each runs to the next label (first occurrence of each name wins)."""
    found: list[tuple[str, int]] = []
    seen: set[str] = set()
    for line in lines:
        name = label_of(line)
        if name and name not in seen:
            seen.add(name)
            found.append((name, line.index))
    sections: list[Section] = []
    for i, (name, idx) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(lines)
        sections.append(Section(name, idx, idx + 1, end))
    return sections
