"""Contract tests of the Form D sums (``extractor.checks.formd``), on seed 004's and seed 003's amounts."""

from __future__ import annotations

import pytest

from extractor.checks import CheckContext
from extractor.checks.formd import check_formd
from extractor.records import Expenses, FormDFiling, OfferingSalesAmounts, SecurityOffered


def _seed_004(total_expenses: float, agp: float = 9699000.0) -> FormDFiling:
    """Seed 004 (paper Form D): $10,000,000 of equity sold, $1,000 transfer agent, $300,000 legal fees."""
    return FormDFiling(
        securities_offered=[SecurityOffered("equity", 10000000.0, 10000000.0)],
        offering_sales_amounts=OfferingSalesAmounts(10000000.0, 10000000.0, None),
        expenses=Expenses(transfer_agent_fees=1000.0, legal_fees=300000.0, total=total_expenses),
        adjusted_gross_proceeds=agp,
    )


def test_expense_total_separator_slip_repaired() -> None:
    """Trap: "$ 301.000" parses as 301.0; the items (1,000 + 300,000) and the proceeds (10,000,000 -
    9,699,000) both force 301,000, and its digits are the printed ones: a forced, explained repair."""
    text = "Total ... $ 301.000\n"
    filing = _seed_004(301.0)
    start = text.index("301.000")
    ctx = CheckContext(confidence={}, warnings=[], text=text, spans={"expenses.total": (start, start + 7)})
    check_formd(filing, ctx)
    assert filing.expenses is not None and filing.expenses.total == 301000
    assert ctx.touched == {"expenses.total": "repaired"}
    assert "301.0" in ctx.warnings[0] and "301000" in ctx.warnings[0]
    assert not any("do not add up" in w for w in ctx.warnings)


@pytest.mark.parametrize("agp", [9699500.0, 9000000.0])
def test_proceeds_that_do_not_add_up_are_kept(agp: float) -> None:
    """Trap: a filer's own arithmetic slip (or an estimate) is not an OCR slip: warn and doubt, keep."""
    filing = _seed_004(301000.0, agp)
    conf = {"adjusted_gross_proceeds": 0.9}
    ctx = CheckContext(confidence=conf, warnings=[])
    check_formd(filing, ctx)
    assert filing.adjusted_gross_proceeds == agp
    assert any("adjusted gross proceeds" in w and "values kept" in w for w in ctx.warnings)
    assert conf["adjusted_gross_proceeds"] < 0.9


def test_unknown_term_is_not_checked() -> None:
    """Trap: seed 003 prints no total remaining; a blank is not 0, so that relation is not checked."""
    filing = FormDFiling(
        offering_sales_amounts=OfferingSalesAmounts(33769753.0, 33769753.0, None),
        expenses=Expenses(legal_fees=32000.0, total=32000.0),
        adjusted_gross_proceeds=33737753.0,
    )
    ctx = CheckContext(confidence={}, warnings=[])
    check_formd(filing, ctx)
    assert ctx.warnings == [] and ctx.touched == {}
