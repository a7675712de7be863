"""Value normalisation and equality between a gold and a predicted value of one field.

The kind of a field comes from the schema (``schema.kind_of``), not from the JSON type of the value, so
a prediction that writes a number as a string (``"1,477"``) is still compared as a number. Values of a
key the schema does not know are compared by the gold value's JSON type.

No state normalisation here on purpose: ``Utah`` vs ``UT`` is a mismatch. SCHEMA.md asks for USPS codes,
and mapping them belongs upstream (``extractor.assemble.values.state_code``); forgiving it here would
hide the bug from the scores.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from extractor.assemble.values import parse_date, parse_number
from extractor.evaluate.schema import Kind

_PUNCT = re.compile(r"[^\w\s]|_")
_TRUE = frozenset({"true", "yes", "y", "x", "1", "checked"})
_FALSE = frozenset({"false", "no", "n", "0", "unchecked", ""})


def normalize_text(value: Any) -> str:
    """Case, punctuation and whitespace folded: ``"Levinthal,  Michael H."`` -> ``"levinthal michael h"``."""
    s = unicodedata.normalize("NFKC", str(value)).casefold()
    return " ".join(_PUNCT.sub(" ", s).split())


def as_number(value: Any) -> float | None:
    # bool is an int subclass: True must not read as 1.
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        n = parse_number(value)
        return None if n is None else float(n)
    return None


def as_date(value: Any) -> str | None:
    return parse_date(value) if isinstance(value, str) else None


def as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        s = value.strip().casefold()
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
    return None


def as_set(value: Any) -> frozenset[str]:
    items = value if isinstance(value, list | tuple | set | frozenset) else [value]
    return frozenset(normalize_text(v) for v in items if v is not None and normalize_text(v))


def _cik(value: Any) -> str:
    # EDGAR pads CIKs to 10 digits ("0001539853"); a printed CIK often lacks the zeros.
    return normalize_text(value).lstrip("0")


def infer_kind(value: Any) -> Kind:
    """Kind of a value of an unknown key, from its JSON type."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "set"
    return "text"


def is_present(value: Any) -> bool:
    """``None``, ``""`` and ``[]`` count as absent, both in gold and in predictions."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def values_equal(kind: Kind | None, gold: Any, pred: Any) -> bool:
    """True when ``pred`` states the same value as ``gold`` for a field of ``kind``."""
    if not is_present(gold) or not is_present(pred):
        return not is_present(gold) and not is_present(pred)
    kind = kind or infer_kind(gold)
    if kind == "number":
        g, p = as_number(gold), as_number(pred)
        if g is None or p is None:
            return normalize_text(gold) == normalize_text(pred)
        return math.isclose(g, p, rel_tol=1e-9, abs_tol=1e-9)
    if kind == "date":
        gd, pd = as_date(gold), as_date(pred)
        if gd is not None and pd is not None:
            return gd == pd
        return normalize_text(gold) == normalize_text(pred)
    if kind == "bool":
        gb, pb = as_bool(gold), as_bool(pred)
        return gb is not None and gb == pb
    if kind == "set":
        return as_set(gold) == as_set(pred)
    if kind == "cik":
        return _cik(gold) == _cik(pred)
    return normalize_text(gold) == normalize_text(pred)


def difference(kind: Kind | None, gold: Any, pred: Any) -> float:
    """How far apart two unequal values are, in [0, 1] (1 = unrelated); ranks the worst errors."""
    kind = kind or infer_kind(gold)
    if kind == "number":
        g, p = as_number(gold), as_number(pred)
        if g is not None and p is not None:
            return min(1.0, abs(g - p) / max(abs(g), abs(p), 1e-9))
    a, b = normalize_text(gold), normalize_text(pred)
    if not a or not b:
        return 1.0
    common = sum(1 for x, y in zip(a, b, strict=False) if x == y)
    return 1.0 - common / max(len(a), len(b))
