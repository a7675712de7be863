"""What kind of value each field path holds, read from the record dataclasses of ``extractor.records``.

A path is ``issuer.name`` for an object key, ``reporting_owners[].city`` for a key of a table row and
``period_of_report`` for a header scalar. ``street1``/``street2`` are merged into one synthetic key
``street`` (see ``flatten``), so the schema lists ``street`` instead of them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Literal, Union

from extractor.records import FormDFiling, OwnershipFiling

Kind = Literal["number", "date", "bool", "text", "set", "cik"]

# Keys never scored as fields: registry ids are arbitrary strings; ``people`` scores them.
IGNORED_KEYS = frozenset({"person_id"})
STREET = "street"


def _strip_optional(tp: Any) -> Any:
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _leaf_kind(name: str, tp: Any) -> Kind:
    if tp is bool:
        return "bool"
    if tp in (float, int):
        return "number"
    if typing.get_origin(tp) is list:
        return "set"
    if name == "cik":
        return "cik"
    if "date" in name or name == "period_of_report":
        return "date"
    return "text"


def _record_keys(cls: type) -> dict[str, Kind]:
    """Leaf keys of one row/object class, with street1/street2 folded into ``street``."""
    hints = typing.get_type_hints(cls)
    out: dict[str, Kind] = {}
    for f in dataclasses.fields(cls):
        if f.name in IGNORED_KEYS:
            continue
        name = STREET if f.name in ("street1", "street2") else f.name
        out[name] = _leaf_kind(f.name, _strip_optional(hints[f.name]))
    return out


@dataclasses.dataclass(frozen=True)
class FieldSchema:
    """Kinds per full path, and the keys of each table's rows (for counting extra rows as FP)."""

    kinds: dict[str, Kind]
    table_keys: dict[str, frozenset[str]]
    objects: frozenset[str]


@cache
def field_schema() -> FieldSchema:
    kinds: dict[str, Kind] = {"form_type": "text"}
    table_keys: dict[str, frozenset[str]] = {}
    objects: set[str] = set()
    for filing_cls in (OwnershipFiling, FormDFiling):
        hints = typing.get_type_hints(filing_cls)
        for f in dataclasses.fields(filing_cls):
            tp = _strip_optional(hints[f.name])
            item = typing.get_args(tp)[0] if typing.get_origin(tp) is list else None
            if item is not None and dataclasses.is_dataclass(item):
                keys = _record_keys(item)  # type: ignore[arg-type]
                table_keys[f.name] = frozenset(keys)
                kinds.update({f"{f.name}[].{k}": v for k, v in keys.items()})
            elif isinstance(tp, type) and dataclasses.is_dataclass(tp):
                objects.add(f.name)
                kinds.update({f"{f.name}.{k}": v for k, v in _record_keys(tp).items()})
            else:
                kinds[f.name] = _leaf_kind(f.name, tp)
    return FieldSchema(kinds=kinds, table_keys=table_keys, objects=frozenset(objects))


def kind_of(path: str) -> Kind | None:
    """The schema kind of a path, or ``None`` for a key the schema does not know."""
    return field_schema().kinds.get(path)


def group_of(path: str) -> str:
    """``reporting_owners[].city`` -> ``reporting_owners``; ``issuer.name`` -> ``issuer``; else document."""
    if "." not in path:
        return "document"
    return path.split(".", 1)[0].removesuffix("[]")
