"""How common a person's name is, from the US Census 1990 name frequency lists.

The lists ship inside the ``names`` package on PyPI (``dist.all.last``, ``dist.male.first``,
``dist.female.first``: name, percent of population, cumulative percent, rank). We use them for one
decision: whether the same full name seen at unrelated issuers and addresses is evidence of the same
human. "ROELOF BOTHA" is (expected) one person in the country; "JOHN SMITH" is tens of thousands.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

US_POPULATION = 330_000_000
# Names missing from the lists are rarer than the rarest listed one (the lists cover ~90% of people).
UNLISTED_FIRST_SHARE = 0.00001
UNLISTED_LAST_SHARE = 0.000005


@cache
def _table(filename: str) -> dict[str, float]:
    out: dict[str, float] = {}
    text = resources.files("names").joinpath(filename).read_bytes().decode("ascii", errors="ignore")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            try:
                out[parts[0].lower()] = float(parts[1]) / 100.0
            except ValueError:
                continue
    return out


def first_name_share(first: str) -> float:
    """Share of the population with this first name (male and female lists averaged)."""
    male = _table("dist.male.first").get(first, 0.0)
    female = _table("dist.female.first").get(first, 0.0)
    share = (male + female) / 2.0
    return share if share > 0 else UNLISTED_FIRST_SHARE


def last_name_share(last: str) -> float:
    return _table("dist.all.last").get(last, UNLISTED_LAST_SHARE)


def expected_bearers(first: str, last: str) -> float:
    """Expected number of US residents named ``first last`` (independence assumed)."""
    if not first or not last or len(first) < 2:
        return float("inf")  # an initial alone says little about who it is
    return first_name_share(first) * last_name_share(last) * US_POPULATION
