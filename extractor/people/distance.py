"""The one module that imports rapidfuzz: string similarity for names, with the traps handled once.

- Empty strings never match (rapidfuzz scores two empties as 100).
- Inputs are capped in length, so a garbage 1 MB "name" from a broken OCR line cannot cost seconds.
- ``processor`` is passed explicitly (rapidfuzz >= 3 defaults it to ``None``).
- Thresholds are named constants; the edit budget grows with length (one OCR slip per ~6 characters).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

MAX_LEN = 120
NAME_PART_MIN_RATIO = 0.88
ORG_MIN_RATIO = 0.95
ADDRESS_MIN_RATIO = 0.9


def _cap(s: str) -> str:
    return s[:MAX_LEN]


def edit_budget(length: int) -> int:
    """Edits tolerated in a name part of ``length`` characters: 0 up to 4, then 1 per 6 characters."""
    if length <= 4:
        return 0
    return max(1, length // 6)


@lru_cache(maxsize=65536)
def similar_name_part(a: str, b: str) -> bool:
    """Two normalised name parts (``butterfield`` / ``butterfleld``) are the same within the edit budget."""
    if not a or not b:
        return False
    if a == b:
        return True
    a, b = _cap(a), _cap(b)
    budget = edit_budget(min(len(a), len(b)))
    if budget == 0:
        return False
    return Levenshtein.distance(a, b, score_cutoff=budget) <= budget


def ratio(a: str, b: str, *, score_cutoff: float = 0.0) -> float:
    """Normalised similarity in [0, 1]; 0 for an empty side."""
    if not a or not b:
        return 0.0
    return fuzz.ratio(_cap(a), _cap(b), processor=None, score_cutoff=score_cutoff * 100) / 100.0


def token_set_ratio(a: str, b: str) -> float:
    """Order-insensitive similarity in [0, 1]; 0 for an empty side."""
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(_cap(a), _cap(b), processor=None) / 100.0


def similar_address(a: str, b: str) -> bool:
    """Two normalised street addresses are the same place (OCR slips and abbreviations allowed)."""
    if not a or not b:
        return False
    return a == b or ratio(a, b, score_cutoff=ADDRESS_MIN_RATIO) >= ADDRESS_MIN_RATIO


def similar_org(a: str, b: str) -> bool:
    """Two normalised organisation names, already checked for equal distinguishing tokens, are alike."""
    if not a or not b:
        return False
    return a == b or ratio(a, b, score_cutoff=ORG_MIN_RATIO) >= ORG_MIN_RATIO
