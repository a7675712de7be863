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


# Document-internal consensus (``extractor.checks.consensus``): one OCR slip per ~8 characters of a text
# value, and a fuzzy search of a value inside a longer passage (a footnote).
TEXT_VALUE_CHARS_PER_EDIT = 8
MAX_PASSAGE_LEN = 20000


def text_value_budget(length: int) -> int:
    """Edits tolerated between two printings of one text value of ``length`` characters (at least 1)."""
    return max(1, length // TEXT_VALUE_CHARS_PER_EDIT)


def within_edits(a: str, b: str, budget: int) -> int | None:
    """Levenshtein distance of ``a`` and ``b`` when it is at most ``budget``, else ``None``; empty -> None."""
    if not a or not b:
        return None
    d = Levenshtein.distance(_cap(a), _cap(b), score_cutoff=budget)
    return d if d <= budget else None


def best_passage_match(needle: str, passage: str, *, min_ratio: float) -> tuple[int, int] | None:
    """Offsets in ``passage`` of the substring most like ``needle`` (``partial_ratio``), or ``None``.

    The passage is capped (``MAX_PASSAGE_LEN``) so a huge footnote cannot cost more than a few ms.
    """
    if not needle or not passage:
        return None
    al = fuzz.partial_ratio_alignment(
        _cap(needle), passage[:MAX_PASSAGE_LEN], processor=None, score_cutoff=min_ratio * 100
    )
    if al is None or al.score < min_ratio * 100:
        return None
    return al.dest_start, al.dest_end
