"""Form-type features: OCR-tolerant amendment dates, Form D amendment boxes, synthetic variants."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from extractor.classify import rule_form_type
from extractor.classify.features import FEATURES, HAND_FEATURE_NAMES, formd_amendment_box, original_filed_date
from training.form_type_data import add_amendment_date, to_form3, to_form5

COLUMNS = (
    "   (Street)        4. If Amendment, Date Original Filed(Month/Day/Year)    6. Individual or Joint\n"
    "                                                                            Line)\n"
    "MENLO PARK, CA 94025                                                        _X_ Form filed by One\n"
)
COLUMNS_FILLED = COLUMNS.replace(
    "\n                                                                            Line)",
    "\n                    08/22/2019                                              Line)",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4. If Amendment, Date Original Filed(Month/Day/Year) 6. Individual or Joint/Group Filing", None),
        ("4. If Amendment, Date Original Filed(Month/Day/Year) 03/14/2019 6. Individual", "03/14/2019"),
        ("5. If Amendment, Date Original\nFiled (Month/Day/Year)\n\n03/02/2012\n", "03/02/2012"),
        ("4. If Amend ment, Date Orig inal Filed(Month/Day/Year) O3/l4/2019 6. Individual", "O3/l4/2019"),
        ("4. If Amendment, Date Original Filed(Month/Day/Year) 03/|14/2019 6. Individual", "03/14/2019"),
        (COLUMNS, None),
        (COLUMNS_FILLED, "08/22/2019"),
    ],
)
def test_classify_original_filed_date(text: str, expected: str | None) -> None:
    """Trap: the next column's field or a transaction date must not read as an amendment date."""
    assert original_filed_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Type of Filing: New Filing Amendment", False),
        ("Type of Filing: [X] New Filing [ ] Amendment", False),
        ("Type of Filing: [ ] New Filing [X] Amendment", True),
        ("7. Type of Filing\n☐ New Notice\n☒ Amendment", True),
        ("7. Type of Filing\n___ New Notice\n_X_ Amendrnent".replace("rn", "m"), True),
        ("Name of Offering (check if this is an amendment and name has changed)", False),
    ],
)
def test_classify_formd_amendment_box(text: str, expected: bool) -> None:
    """Only a marked 'Amendment' box makes a D/A; the unmarked paper-form line does not."""
    assert formd_amendment_box(text) is expected


FORM4 = (
    "FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES\n"
    "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.\n"
    "1. Name and Address of Reporting Person\n2. Issuer Name and Ticker or Trading Symbol\n"
    "3. Date of Earliest Transaction (Month/Day/Year)\n"
    "4. If Amendment, Date Original Filed (Month/Day/Year)\n"
    "5. Relationship of Reporting Person(s) to Issuer\n"
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
)


@pytest.mark.parametrize(
    ("make", "expected"),
    [(to_form3, "3"), (to_form5, "5"), (lambda t: t, "4")],
)
def test_classify_synthetic_variants_read_back(make: Callable[[str], str | None], expected: str) -> None:
    """Synthetic Form 3/5 and amendment variants are what the rules read them as."""
    text = make(FORM4)
    assert text is not None
    assert rule_form_type(text) == expected
    amended = add_amendment_date(text, random.Random(0))
    assert amended is not None
    assert rule_form_type(amended) == expected + "/A"


def test_classify_feature_names_unique() -> None:
    """Every hand feature has a distinct name and a docstring (names are saved with the model)."""
    assert len(set(HAND_FEATURE_NAMES)) == len(FEATURES)
    assert all(fn.__doc__ for fn in FEATURES)
