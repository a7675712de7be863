# ruff: noqa: E501  (fixtures are form text excerpts; their lines are kept as printed)
"""Form D Part C amounts: contract tests on real paper-era excerpts (seeds 003/004 wording and debris).

Each test names the trap it guards. Fixtures are run twice: as the converter printed them (HTML checkbox
tags, ``<u>``, ``\\$``) and as the ingest normalisation prints them (``[X]`` / ``[ ]``, no tags, ``$``).
"""

from __future__ import annotations

import re

import pytest

from extractor.assemble.formd import extract_formd_text


def as_ingested(text: str) -> str:
    """What the ingest rewrite produces: checked boxes "[X]", unchecked "[ ]", no <u>, "\\$" -> "$"."""
    text = re.sub(r"<input[^>]*checked[^>]*>", "[X]", text)
    text = re.sub(r"<input[^>]*>", "[ ]", text)
    return text.replace("<u>", "").replace("</u>", "").replace("\\$", "$")


FORMS = [pytest.param(lambda t: t, id="raw-converter"), pytest.param(as_ingested, id="ingested")]

C1_UNDERLINED = """C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS

1. Enter the aggregate offering price of securities included in this offering and the total amount already sold.

Type of Security\tAggregate Offering Price\tAmount Already Sold
Debt.....\t\\$ _____\t\\$ _____
Equity.....\t\\$ _____\t\\$ _____
<input type="checkbox"/> Common <input type="checkbox"/> Preferred\t\t
Convertible Securities (including warrants)\t\\$ <u>33,769,753.00</u>\t\\$ <u>33,769,753.00</u> ¹
Partnership Interests\t\\$ _____\t\\$ _____
Other (Specify _____)\t\\$ _____\t\\$ _____
Total.....\t\\$ <u>33,769,753.00</u>\t\\$ <u>33,769,753.00</u>

2. Enter the number of accredited and non-accredited investors who have purchased securities in this offering.

\tNumber Investors\tAggregate Dollar Amount of Purchases
Accredited Investors\t<u>1</u>\t\\$ <u>33,769,753.00</u>
Non-accredited Investors\t_____\t\\$ _____
Total (for filings under Rule 504 only).....\t_____\t\\$ _____
"""

C1_ZEROS = """C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS

Type of Security\tAggregate Offering Price\tAmount Already Sold
Debt.....\t\\$ -0-\t\\$ -0-
Equity.....\t\\$ 10,000,000.00\t\\$ 10,000,000.00
<input checked="" type="checkbox"/> Common <input type="checkbox"/> Preferred\t\t
Convertible Securities (including warrants)\t\\$ -0-\t\\$ -0-
Partnership Interests\t\\$ -0-\t\\$ -0-
Other (Specify ___).....\t\\$ -0-\t\\$ -0-
Total.....\t\\$ 10,000,000.00\t\\$ 10,000,000.00

2. Enter the number of accredited and non-accredited investors who have purchased securities in this offering.

\tNumber Investors\tAggregate Dollar Amount of Purchase
Accredited investors.....\t2\t\\$ 10,000,000.00
Non-accredited Investors.....\t-0-\t\\$ -0-
Total (for filings under Rule 504 only)\tn/a\t\\$ n/a
"""

EXPENSES = """C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS

4. a. Furnish a statement of all expenses in connection with the issuance and distribution of the securities.

Transfer Agent's Fees\t<input checked="" type="checkbox"/>\t\\$ 1,000.00
Printing and Engraving Costs\t<input type="checkbox"/>\t\\$ n/a
Legal Fees\t<input checked="" type="checkbox"/>\t\\$ 300,000.00
Accounting Fees.....\t<input type="checkbox"/>\t\\$ -0-
Engineering Fees\t<input type="checkbox"/>\t\\$ _____
Sales Commissions (specify finders' fees separately)\t<input type="checkbox"/> \\$ <u>2,500.00</u>
Other Expenses (identify).....\t<input type="checkbox"/>\t\\$ n/a
Total.....\t<input checked="" type="checkbox"/>\t\\$ 303,500.00

b. Enter the difference between the aggregate offering price given in response to Part C - Question 1 and total
expenses furnished in response to Part C - Question 4.a. This difference is the "adjusted gross proceeds to the issuer."

\\$ 9,696,500.00

5. Indicate below the amount of the adjusted gross proceeds to the issuer used or proposed to be used.

\tPayments to Officers, Directors & Affiliates\tPayments To Others
Salaries and fees\t<input type="checkbox"/> \\$ <u>-0-</u>\t<input type="checkbox"/> \\$ <u>-0-</u>
Purchase of real estate\t<input type="checkbox"/> \\$ _____\t<input type="checkbox"/> \\$ _____
Working capital.....\t<input type="checkbox"/> \\$ _____\t<input checked="" type="checkbox"/> \\$ <u>9,696,500.00</u>
Column Totals\t<input type="checkbox"/> \\$ <u>0.00</u>\t<input checked="" type="checkbox"/> \\$ <u>9,696,500.00</u>
Total Payments Listed (column totals added).....\t\t<input checked="" type="checkbox"/> \\$ <u>9,696,500.00</u>

D. FEDERAL SIGNATURE
"""


@pytest.mark.parametrize("form", FORMS)
def test_formd_amounts_underline_debris_and_footnote_digit(form) -> None:
    """Trap: `<u>33,769,753.00</u>` and a superscript footnote `¹` after it; blank `$ _____` rows absent."""
    r = extract_formd_text(form(C1_UNDERLINED))
    f = r.filing
    assert [(s.type, s.aggregate_offering_price, s.amount_sold) for s in f.securities_offered] == [
        ("convertible", 33769753.0, 33769753.0)
    ]
    assert f.offering_sales_amounts is not None
    assert f.offering_sales_amounts.total_offering_amount == 33769753.0
    assert f.offering_sales_amounts.total_remaining is None
    assert f.investors is not None
    assert (f.investors.accredited_count, f.investors.accredited_amount) == (1.0, 33769753.0)
    assert f.investors.non_accredited_count is None and f.investors.non_accredited_amount is None
    s, e = r.spans["securities_offered[0].amount_sold"]
    assert form(C1_UNDERLINED)[s:e] == "33,769,753.00"


@pytest.mark.parametrize("form", FORMS)
def test_formd_amounts_dash_zero_is_zero_na_is_null(form) -> None:
    """Trap: `-0-` is a printed 0 (row kept), `n/a` is null; "Common" box line is not a row."""
    f = extract_formd_text(form(C1_ZEROS)).filing
    assert [(s.type, s.aggregate_offering_price) for s in f.securities_offered] == [
        ("debt", 0),
        ("equity", 10_000_000.0),
        ("convertible", 0),
        ("partnership", 0),
        ("other", 0),
    ]
    assert f.investors is not None
    assert f.investors.accredited_count == 2
    assert f.investors.non_accredited_count == 0 and f.investors.non_accredited_amount == 0


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("transfer_agent_fees", 1000.0),  # box checked (estimate)
        ("printing_and_engraving_costs", None),  # n/a
        ("legal_fees", 300_000.0),
        ("accounting_fees", 0),  # -0-
        ("engineering_fees", None),  # blank $ _____
        ("sales_commissions", 2500.0),  # box NOT checked: the amount still counts
        ("other", None),
        ("total", 303_500.0),
    ],
)
def test_formd_expenses_checked_and_unchecked_boxes(form, key: str, expected: float | None) -> None:
    """Trap: the box left of an expense marks an estimate; checked or not, the printed amount is the value."""
    f = extract_formd_text(form(EXPENSES)).filing
    assert f.expenses is not None
    assert getattr(f.expenses, key) == expected


@pytest.mark.parametrize("form", FORMS)
def test_formd_adjusted_gross_proceeds_and_use_rows(form) -> None:
    """Trap: 4.b's amount sits lines below its sentence; Column Totals / Total Payments are not purposes."""
    f = extract_formd_text(form(EXPENSES)).filing
    assert f.adjusted_gross_proceeds == 9_696_500.0
    rows = [(u.purpose, u.to_officers_directors_affiliates, u.to_others) for u in f.use_of_proceeds]
    assert rows == [("Salaries and fees", 0, 0), ("Working capital", None, 9_696_500.0)]
