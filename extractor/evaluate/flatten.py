"""Record dict -> field paths: header scalars and objects as flat paths, list fields as rows of keys.

``{"issuer": {"name": "X"}, "reporting_owners": [{"city": "Y"}]}`` becomes scalars
``{"issuer.name": "X"}`` and tables ``{"reporting_owners": [{"city": "Y"}]}`` (row keys are scored under
``reporting_owners[].city``). Absent values (``None``, ``""``, ``[]``) are dropped on both sides.

Trap: converters break an address line in different places (``2800 SAND HILL ROAD`` / ``SUITE 101``
vs one line with both), so ``street1`` and ``street2`` are joined into one key ``street`` before any
comparison; scoring them apart would punish a correct address twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.evaluate.compare import is_present
from extractor.evaluate.schema import IGNORED_KEYS, STREET, field_schema


@dataclass
class FlatRecord:
    """One document's values: ``scalars`` by path, ``tables`` by list field (rows of key -> value)."""

    scalars: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _join_street(obj: dict[str, Any]) -> dict[str, Any]:
    if "street1" not in obj and "street2" not in obj:
        return obj
    out = {k: v for k, v in obj.items() if k not in ("street1", "street2")}
    parts = [str(obj[k]).strip() for k in ("street1", "street2") if is_present(obj.get(k))]
    if parts:
        out[STREET] = " ".join(parts)
    return out


def flatten_row(row: dict[str, Any]) -> dict[str, Any]:
    """One table row or object: street joined, ignored keys and absent values dropped."""
    return {k: v for k, v in _join_street(row).items() if k not in IGNORED_KEYS and is_present(v)}


def flatten(form_type: str | None, filing: dict[str, Any] | None) -> FlatRecord:
    """Flatten an envelope's ``form_type`` and ``filing`` dict into a ``FlatRecord``."""
    tables_known = field_schema().table_keys
    flat = FlatRecord()
    if is_present(form_type) and form_type != "unknown":
        flat.scalars["form_type"] = form_type
    for key, value in (filing or {}).items():
        if key in IGNORED_KEYS or not is_present(value):
            continue
        if key in tables_known or (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            rows = [flatten_row(r) for r in value if isinstance(r, dict)]
            flat.tables[key] = [r for r in rows if r]
        elif isinstance(value, dict):
            for sub, v in flatten_row(value).items():
                flat.scalars[f"{key}.{sub}"] = v
        else:
            flat.scalars[key] = value
    return flat
