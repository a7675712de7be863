"""People resolution scores on a hand example whose pairwise and B-cubed numbers are worked out below."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from extractor.evaluate.people import score_people

# Gold: person A has mentions a1, a2, a3 (three documents); person B has b1, b2.
PEOPLE_GOLD = {
    "A": ["d1:Levchin Max R", "d2:Levchin Max R", "d3:/s/ Max R. Levchin"],
    "B": ["d1:THIEL PETER", "d2:THIEL PETER"],
}


def _pred(ids: Mapping[tuple[str, str], str | None]) -> dict[str, dict[str, Any]]:
    """Envelopes with reporting owners / signatures carrying the given person ids."""
    out: dict[str, dict[str, Any]] = {}
    for (doc, name), pid in ids.items():
        filing = out.setdefault(
            doc, {"document_id": doc, "filing": {"reporting_owners": [], "signatures": []}}
        )
        table = "signatures" if name.startswith("/s/") else "reporting_owners"
        filing["filing"][table].append({"name": name, "person_id": pid})
    return out


def test_evaluate_people_perfect() -> None:
    ids = {
        ("d1", "Levchin Max R"): "p1",
        ("d2", "LEVCHIN  MAX R"): "p1",
        ("d3", "/s/ Max R. Levchin"): "p1",
        ("d1", "THIEL PETER"): "p2",
        ("d2", "THIEL PETER"): "p2",
        ("d9", "Not In Gold"): "p1",
    }
    r = score_people(PEOPLE_GOLD, _pred(ids))
    assert r.pairwise.f1 == 1.0 and r.bcubed.f1 == 1.0
    assert (r.gold_pairs, r.pred_pairs, r.common_pairs) == (4, 4, 4)  # d9 is outside gold: ignored


@pytest.mark.parametrize(
    ("ids", "pw", "b3"),
    [
        # Predicted clusters {a1,a2}, {a3, b1}, {b2}.
        # Pairwise: gold pairs a1a2 a1a3 a2a3 b1b2 = 4; pred pairs a1a2, a3b1 = 2; common a1a2 = 1
        #   -> P 1/2, R 1/4.
        # B-cubed precision per mention: a1 1, a2 1, a3 1/2, b1 1/2, b2 1 -> 4/5
        # B-cubed recall: a1 2/3, a2 2/3, a3 1/3, b1 1/2, b2 1/2 -> (2/3+2/3+1/3+1/2+1/2)/5 = 8/15
        (
            {
                ("d1", "Levchin Max R"): "x",
                ("d2", "Levchin Max R"): "x",
                ("d3", "/s/ Max R. Levchin"): "y",
                ("d1", "THIEL PETER"): "y",
                ("d2", "THIEL PETER"): "z",
            },
            (1 / 2, 1 / 4),
            (4 / 5, 8 / 15),
        ),
        # Everything in one cluster: 10 pred pairs, 4 common -> P 4/10, R 1.
        # B-cubed P: A mentions 3/5 each, B mentions 2/5 each -> (9/5 + 4/5)/5 = 13/25; R 1.
        (
            {
                ("d1", "Levchin Max R"): "x",
                ("d2", "Levchin Max R"): "x",
                ("d3", "/s/ Max R. Levchin"): "x",
                ("d1", "THIEL PETER"): "x",
                ("d2", "THIEL PETER"): "x",
            },
            (4 / 10, 1.0),
            (13 / 25, 1.0),
        ),
        # Only a1, a2 predicted (same id), rest missing -> singletons.
        # Pairwise: pred pairs 1, common 1 -> P 1, R 1/4. B-cubed P 1; R (2/3+2/3+1/3+1/2+1/2)/5 = 8/15.
        (
            {("d1", "Levchin Max R"): "x", ("d2", "Levchin Max R"): "x", ("d1", "THIEL PETER"): None},
            (1.0, 1 / 4),
            (1.0, 8 / 15),
        ),
    ],
)
def test_evaluate_people_hand_example(
    ids: dict[tuple[str, str], str | None], pw: tuple[float, float], b3: tuple[float, float]
) -> None:
    r = score_people(PEOPLE_GOLD, _pred(ids))
    assert (r.pairwise.precision, r.pairwise.recall) == pytest.approx(pw)
    assert (r.bcubed.precision, r.bcubed.recall) == pytest.approx(b3)
    p, rc = pw
    assert r.pairwise.f1 == pytest.approx(2 * p * rc / (p + rc))
