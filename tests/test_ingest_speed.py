"""Untrusted input: megabyte-long lines and adversarial debris must normalise in linear time."""

from __future__ import annotations

import time

import pytest

from extractor.ingest import normalise

SIZE = 5_000_000
# Adversarial texts with a rule every few characters run at 1-5 MB/s (Python work per rule), so they
# get a smaller size; what this catches is superlinear work, which a bounded size still exposes.
ADVERSARIAL_SIZE = 1_000_000
# Generous bound (the work takes ~0.1-1 s on an idle machine); quadratic or backtracking rules take
# minutes at these sizes.
BOUND_SECONDS = 5.0


def _one_line(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize(
    ("unit", "size"),
    [
        ("Common Stock 11/30/2006 M 2,000 A $ 0.05 68,399 D ", SIZE),  # nothing to rewrite: fast path
        ("Legal Fees.....\t<input checked type=checkbox/> \\$ <u>32,000.00</u> and text ", SIZE),
        ("**bold __under *it ", ADVERSARIAL_SIZE),  # emphasis openers that never close
        ("<!--<input <b <sup>1 &#12", ADVERSARIAL_SIZE),  # openers of every tag rule, never closed
        ("<p>cell</p><td>x</td>&nbsp; ", ADVERSARIAL_SIZE),  # enough structure for the HTML path
        ("__X__ _____ ^* \u00a0⁽¹⁾ ", ADVERSARIAL_SIZE),
    ],
    ids=["plain", "tags", "emphasis", "unclosed", "html", "marks"],
)
def test_ingest_speed_megabyte_single_line(unit: str, size: int) -> None:
    source = _one_line(unit, size)
    started = time.perf_counter()
    nt = normalise(source)
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND_SECONDS, f"{elapsed:.2f}s for {size} chars"
    assert "\n" not in nt.text or "<p>" in unit  # stays one line unless HTML blocks make lines
    assert nt.offsets[len(nt.text)] == size


def test_ingest_speed_plain_text_is_not_copied_piecewise() -> None:
    """Text with nothing to rewrite comes back as one piece: no per-character offsets are stored."""
    nt = normalise(_one_line("FORM 4\tCommon Stock      2,000\n"))
    assert nt.text == nt.source_text
    assert nt.offsets.pieces == 1  # type: ignore[attr-defined]
