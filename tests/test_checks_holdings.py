"""Contract tests of the holdings-chain repairs (``extractor.checks.holdings``) on real filing excerpts."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.checks import CheckContext, apply_checks, run_checks
from extractor.checks.holdings import check_holdings
from extractor.checks.slips import digit_slip
from extractor.extract import extract_document
from extractor.ingest import read_document
from extractor.records import Envelope, NonDerivativeTransaction, OwnershipFiling
from tests.conftest import SEEDS

Row = tuple[str, str, int | float, str, int | float]  # date, code, shares, A/D, owned

# Seed 002 (ALTIRIS INC, Form 4 of 2004-11-15): the third owned figure is printed "7.68" for 7,068.
SEED_002_TEXT = (
    "Common Stock\t11/11/2004\t\tM\t\t2,000\tA\t$ 4.5\n\t\t\t\t\t7,068\t\t\n"
    "Common Stock\t11/11/2004\t\tS\t\t2,000\tD\t$ 27.5\n\t\t\t\t\t5,068\t\t\n"
    "Common Stock\t11/12/2004\t\tM\t\t2,000\tA\t$ 4.5\n\t\t\t\t\t7.68\t\t\n"
    "Common Stock\t11/12/2004\t\tS\t\t999\tD\t$ 28.24\n\t\t\t\t\t6,069\t\t\n"
    "Common Stock\t11/12/2004\t\tS\t\t1,001\tD\t$ 28.22\n\t\t\t\t\t5,068\t\t\n"
)
SEED_002_ROWS: list[Row] = [
    ("2004-11-11", "M", 2000, "A", 7068),
    ("2004-11-11", "S", 2000, "D", 5068),
    ("2004-11-12", "M", 2000, "A", 7.68),
    ("2004-11-12", "S", 999, "D", 6069),
    ("2004-11-12", "S", 1001, "D", 5068),
]
OWNED = "shares_owned_following_transaction"


def _filing(rows: list[Row]) -> OwnershipFiling:
    return OwnershipFiling(
        non_derivative_transactions=[
            NonDerivativeTransaction(
                security_title="Common Stock",
                transaction_date=d,
                transaction_code=c,
                transaction_shares=s,
                transaction_acquired_disposed_code=ad,
                shares_owned_following_transaction=o,
                direct_or_indirect_ownership="D",
            )
            for d, c, s, ad, o in rows
        ]
    )


def _spans_by_search(text: str, wanted: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Spans of printed cells, found in order (each search starts after the previous hit)."""
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for path, needle in wanted.items():
        start = text.index(needle, pos)
        spans[path] = (start, start + len(needle))
        pos = start + len(needle)
    return spans


def test_seed_002_decimal_point_for_comma_repaired() -> None:
    """Trap: "7.68" parses as a number, so nothing but the chain 5,068 + 2,000 = 7,068 - 999 = 6,069 shows
    it is 7,068 with the comma read as a point and the 0 lost; the repair must say so."""
    filing = _filing(SEED_002_ROWS)
    printed = ["7,068", "5,068", "7.68", "6,069", "5,068"]
    spans = _spans_by_search(
        SEED_002_TEXT, {f"non_derivative_transactions[{i}].{OWNED}": p for i, p in enumerate(printed)}
    )
    ctx = CheckContext(confidence={}, warnings=[], text=SEED_002_TEXT, spans=spans)
    check_holdings(filing, ctx)
    assert filing.non_derivative_transactions[2].shares_owned_following_transaction == 7068
    path = f"non_derivative_transactions[2].{OWNED}"
    assert ctx.touched == {path: "repaired"}
    assert any(path in w and "7.68" in w and "7068" in w and "digit dropped" in w for w in ctx.warnings)
    assert ctx.confidence[path] < 0.9


def test_seed_002_full_extract_path() -> None:
    """Trap: the repair must survive the whole path (ingest offsets, assembler, checks, calibration) and
    leave exactly one warning naming 7.68 -> 7068, not a second one from the checks."""
    path = next(SEEDS.glob("002_*.txt"))
    nt = read_document(path)
    env = extract_document(nt, document_id=path.stem, source=str(path))
    apply_checks(env, nt)
    assert isinstance(env.filing, OwnershipFiling)
    owned = [r.shares_owned_following_transaction for r in env.filing.non_derivative_transactions]
    assert owned[:5] == [7068, 5068, 7068, 6069, 5068]
    repaired = [w for w in env.warnings if "7.68" in w and "7068" in w]
    assert len(repaired) == 1
    assert not any("do not add up" in w for w in env.warnings)


def test_no_text_still_repairs_from_value() -> None:
    """Trap: without the printed text (a caller with no spans) the repair falls back to the value's own
    digits; 7.68 still reads as 7068 with one digit dropped."""
    filing = _filing(SEED_002_ROWS)
    env = Envelope(document_id="x", form_type="4", filing=filing)
    ctx = run_checks(env)
    assert filing.non_derivative_transactions[2].shares_owned_following_transaction == 7068
    assert [p for p, _, _ in ctx.repairs] == [f"non_derivative_transactions[2].{OWNED}"]


# dev_812f2a9fa1 (ocr300): a real chain that does not add up (two ownership lines interleaved); gold agrees
# with every printed figure, so nothing may change.
REAL_INCONSISTENT: list[Row] = [("2021-03-01", "S", 7343, "D", 16840), ("2021-03-01", "S", 7343, "D", 7529)]
# A/D printed in the wrong column would explain 100 + 50 = 150 as well as any digit slip: no repair.
FLIP_EXPLAINS: list[Row] = [("2021-03-01", "P", 50, "A", 100), ("2021-03-02", "P", 50, "D", 150)]


@pytest.mark.parametrize("rows", [REAL_INCONSISTENT, FLIP_EXPLAINS], ids=["not-a-slip", "a-d-flip"])
def test_chain_without_unique_repair_is_kept(rows: list[Row]) -> None:
    """Trap: real filings do not always add up; arithmetic alone is no licence to change a figure."""
    filing = _filing(rows)
    before = [
        (r.transaction_shares, r.shares_owned_following_transaction)
        for r in filing.non_derivative_transactions
    ]
    conf = {f"non_derivative_transactions[1].{OWNED}": 0.9}
    ctx = CheckContext(confidence=conf, warnings=[])
    check_holdings(filing, ctx)
    after = [
        (r.transaction_shares, r.shares_owned_following_transaction)
        for r in filing.non_derivative_transactions
    ]
    assert after == before
    assert not ctx.repairs
    assert any("do not add up" in w and "values kept" in w for w in ctx.warnings)
    assert conf[f"non_derivative_transactions[1].{OWNED}"] < 0.9


# dev_fc9980ff6c (ocr300): "758(1)" printed as "1758 @)"; 1,699 - 758 = 941 forces the amount.
FC_TEXT = (
    "Class A Common Stock 06/28/2022 A 1542) |A $0 |1,699 D\n"
    "Class A Common Stock 06/30/2022 G V 1758 @) ID $0 |941 D\n"
)


def test_footnote_glued_digit_repaired_from_row_text() -> None:
    """Trap: a footnote marker read as a leading digit (``1758`` for ``758``) is one extra digit; only the
    share amount, not the owned figure (941 - 1,699 < 0), can be the damaged one."""
    filing = _filing([("2022-06-28", "A", 154, "A", 1699), ("2022-06-30", "G", 1758, "D", 941)])
    spans = _spans_by_search(
        FC_TEXT,
        {
            f"non_derivative_transactions[0].{OWNED}": "1,699",
            "non_derivative_transactions[1].transaction_shares": "1758",
            f"non_derivative_transactions[1].{OWNED}": "941",
        },
    )
    ctx = CheckContext(confidence={}, warnings=[], text=FC_TEXT, spans=spans)
    check_holdings(filing, ctx)
    assert filing.non_derivative_transactions[1].transaction_shares == 758
    assert "extra digit" in ctx.warnings[0]


# dev_fc9980ff6c: "$0 /1,545" — the slash hid 1,545 and the owned cell was read from "$0".
MISPLACED_TEXT = (
    "Class A Common Stock 07/29/2021 C 758 D\nClass A Common Stock 06/28/2022 A 787 2) |A $0 /1,545 D\n"
)


def test_value_read_into_wrong_column() -> None:
    """Trap: the forced 758 + 787 = 1,545 is printed on the row, outside every other field: the owned cell
    took the price's ``0``. A number inside another field's span (787) must not count as evidence."""
    filing = _filing([("2021-07-29", "C", 758, "A", 758), ("2022-06-28", "A", 787, "A", 0)])
    line2 = MISPLACED_TEXT.index("\n") + 1
    zero = MISPLACED_TEXT.index("$0") + 1
    spans = {
        f"non_derivative_transactions[0].{OWNED}": (
            MISPLACED_TEXT.index("758"),
            MISPLACED_TEXT.index("758") + 3,
        ),
        "non_derivative_transactions[1].transaction_date": (line2 + 21, line2 + 31),
        "non_derivative_transactions[1].transaction_shares": (line2 + 34, line2 + 37),
        f"non_derivative_transactions[1].{OWNED}": (zero, zero + 1),
    }
    ctx = CheckContext(confidence={}, warnings=[], text=MISPLACED_TEXT, spans=spans)
    check_holdings(filing, ctx)
    assert filing.non_derivative_transactions[1].shares_owned_following_transaction == 1545
    assert "another column" in ctx.warnings[0]


@pytest.mark.parametrize(
    ("printed", "candidate", "expected"),
    [
        ("7.68", 7068, "a digit dropped"),
        ("7.068", 7068, "separator misread or digits split"),
        ("7 068", 7068, "separator misread or digits split"),
        ("1758", 758, "an extra digit read"),
        ("7088", 7068, "a digit misread as a look-alike"),
        ("7028", 7068, None),  # 2/6 are not look-alikes
        ("0", 10, None),  # too short for a digit edit to mean anything
        ("5,068", -5, None),
    ],
)
def test_digit_slip(printed: str, candidate: float, expected: str | None) -> None:
    """Trap: any number is "one edit" from a short one; slips are judged on printed digits, >= 3 of them."""
    assert digit_slip(printed, candidate) == expected


def test_seed_002_source_is_the_shared_seed() -> None:
    """The excerpt above is the seed's own text (tabs and all), not a paraphrase."""
    text = Path(next(SEEDS.glob("002_*.txt"))).read_text(encoding="utf-8")
    assert "\t\t\t\t\t7.68\t\t" in text


# dev_ad231dfbfd (ocr300): both owned figures were read from the footnote line "3)"; the rows print
# 79,725 and 53,602, and 79,725 - 26,123 = 53,602.
AD_TEXT = (
    "Class A Common Stock 11/20/2017 sa) 134,682/D 178.8256 |79,725 I One LLC\n"
    "2) 3)\n"
    "Class A Common Stock 11/20/2017 sf) 26,123 |D 179.3099 |53,602 I One LLC\n"
    "\u201c 3)\n"
)


def test_both_figures_of_a_link_misread() -> None:
    """Trap: with both figures wrong no single repair adds up; only the one pair of numbers printed free
    on the two rows that differs by the amount (26,123) may replace them, never the footnote digits."""
    filing = _filing([("2017-11-20", "S", 134682, "D", 3), ("2017-11-20", "S", 26123, "D", 3)])
    second = AD_TEXT.index("Class", 10)
    spans = _spans_by_search(
        AD_TEXT,
        {
            "non_derivative_transactions[0].transaction_date": "11/20/2017",
            "non_derivative_transactions[0].transaction_shares": "134,682",
            f"non_derivative_transactions[0].{OWNED}": "3)",
        },
    )
    spans.update(
        {
            k: (v[0] + second, v[1] + second)
            for k, v in _spans_by_search(
                AD_TEXT[second:],
                {
                    "non_derivative_transactions[1].transaction_date": "11/20/2017",
                    "non_derivative_transactions[1].transaction_shares": "26,123",
                    f"non_derivative_transactions[1].{OWNED}": "3)",
                },
            ).items()
        }
    )
    ctx = CheckContext(confidence={}, warnings=[], text=AD_TEXT, spans=spans)
    check_holdings(filing, ctx)
    owned = [r.shares_owned_following_transaction for r in filing.non_derivative_transactions]
    assert owned == [79725, 53602]
    assert len(ctx.repairs) == 2 and all("both figures" in w for w in ctx.warnings)
