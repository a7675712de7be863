# ruff: noqa: E501  (fixtures are form text excerpts; their lines are kept as printed)
"""Form D A.2 related persons: contract tests on real paper-era excerpts (Altiris, 2003 and 2006 notices)."""

from __future__ import annotations

import pytest

from extractor.assemble.formd import extract_formd_text
from extractor.assemble.formd_text import split_person_name

HEAD = """A. BASIC IDENTIFICATION DATA

2. Enter the information requested for the following:

- Each promoter of the issuer, if the issuer has been organized within the past five years;
- Each general and managing partner of partnership issuers.

"""
SLOT = """Check Box(es) that Apply: {boxes}

Full Name (Last name first, if individual)

{name}

Business or Residence Address (Number and Street, City, State, Zip Code)

{address}

"""
PLAIN = "Promoter Beneficial Owner Executive Officer Director General and/or Managing Partner"


def slot(name: str = "", address: str = "", boxes: str = PLAIN) -> str:
    return SLOT.format(name=name, address=address, boxes=boxes)


TWO_SHEETS = (
    HEAD
    + slot("Yarro, Ralph J.", "333 South 520 West, Suite 300, Lindon, Utah 84042")
    + slot("Mott, Darcy G.", "333 South 520 West, Suite 300, Lindon, Utah 84042")
    + "(Use blank sheet, or copy and use additional copies of this sheet, as necessary)\n\n"
    + HEAD
    + slot("Roach, V. Eric", "P.O. Box 525, Rancho Santa Fe, California 92067")
    + slot("Entities Affiliated with Technology Crossover Ventures", "528 Ramona Street, Palo Alto, CA 94301")
    + slot("Poul E. Nielsen", "588 West 400 South, Lindon, Utah 84042")
    + slot()
    + slot()
    + "B. INFORMATION ABOUT OFFERING\n\n"
    + "Full Name (Last name first, if individual)\n\n"
    + "Business or Residence Address (Number and Street, City, State, Zip Code)\n\n"
    + "Name of Associated Broker or Dealer\n\n"
)


def test_formd_related_persons_across_sheets_skip_empty_slots() -> None:
    """Trap: the list continues on a second sheet with the heading repeated; trailing slots are empty, and the
    B.4 "Full Name" caption (sales compensation) is not a related person."""
    r = extract_formd_text(TWO_SHEETS)
    names = [p.name for p in r.filing.related_persons]
    assert names == [
        "Yarro, Ralph J.",
        "Mott, Darcy G.",
        "Roach, V. Eric",
        "Entities Affiliated with Technology Crossover Ventures",
        "Poul E. Nielsen",
    ]
    assert r.filing.sales_compensation_recipients == []
    s, e = r.spans["related_persons[4].name"]
    assert TWO_SHEETS[s:e] == "Poul E. Nielsen"


@pytest.mark.parametrize(
    ("index", "street1", "street2", "city", "state", "zip_code"),
    [
        (0, "333 South 520 West", "Suite 300", "Lindon", "UT", "84042"),  # "Utah" -> "UT"
        (2, "P.O. Box 525", None, "Rancho Santa Fe", "CA", "92067"),
        (3, "528 Ramona Street", None, "Palo Alto", "CA", "94301"),
    ],
)
def test_formd_related_person_address_split(index, street1, street2, city, state, zip_code) -> None:
    """Trap: the state is printed as a name ("Utah", "California") and must come out as its USPS code."""
    p = extract_formd_text(TWO_SHEETS).filing.related_persons[index]
    assert (p.street1, p.street2, p.city, p.state_or_country, p.zip_code) == (
        street1,
        street2,
        city,
        state,
        zip_code,
    )


@pytest.mark.parametrize(
    ("boxes", "expected"),
    [
        (PLAIN, []),  # converter dropped the boxes: nothing is marked, nothing guessed
        (
            "[ ] Promoter [X] Beneficial Owner [X] Executive Officer [ ] Director [ ] General and/or Managing Partner",
            ["Beneficial Owner", "Executive Officer"],
        ),
        (
            '<input type="checkbox"/> Promoter <input type="checkbox"/> Beneficial Owner '
            '<input checked="" type="checkbox"/> Executive Officer <input checked="" type="checkbox"/> Director '
            '<input type="checkbox"/> General and/or Managing Partner',
            ["Executive Officer", "Director"],
        ),
        (
            "___ Promoter ___ Beneficial Owner _X_ Executive Officer ___ Director ___ General and/or Managing Partner",
            ["Executive Officer"],
        ),
    ],
)
def test_formd_relationships_only_where_marked(boxes: str, expected: list[str]) -> None:
    """Trap: every slot prints all five relationship captions; only the marked ones are relationships."""
    text = HEAD + slot("Butterfield, Gregory S.", "588 West 400 South, Lindon, Utah 84042", boxes)
    persons = extract_formd_text(text).filing.related_persons
    assert len(persons) == 1
    assert persons[0].relationships == expected


@pytest.mark.parametrize(
    ("name", "first", "middle", "last"),
    [
        ("Butterfield, Gregory S.", "Gregory", "S.", "Butterfield"),
        ("Roach, V. Eric", "V.", "Eric", "Roach"),
        ("Poul E. Nielsen", "Poul", "E.", "Nielsen"),
        ("Roper, III, Kinsey", "Kinsey", None, "Roper, III"),
        ("Entities Affiliated with Technology Crossover Ventures", None, None, None),
        ("Upshot Capital Advisors, LLC", None, None, None),
    ],
)
def test_formd_person_name_parts(name: str, first, middle, last) -> None:
    """Trap: "Last, First Middle" vs "First Middle Last"; organisations are not split into name parts."""
    parts = split_person_name(name)
    assert (parts.first, parts.middle, parts.last) == (first, middle, last)
