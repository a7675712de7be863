"""Generic dict <-> dataclass codec driven by type hints.

Every record class in this package is a plain dataclass whose field types are one of: ``str``,
``float`` (JSON numbers; ints are accepted and kept), ``bool``, ``list[str]``, a nested record, or a
``list`` of nested records, each optionally ``| None``. ``to_dict`` follows SCHEMA.md key for key;
``from_dict`` refuses unknown keys and wrong types with an error that names the key, where it sits
and the document.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union, cast

from extractor.errors import Errors, RecordError

T = TypeVar("T")

_JSON_NAMES = {str: "a string", float: "a number", bool: "true/false", int: "an integer"}


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _strip_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def to_dict(obj: Any, *, keep_none: bool = False) -> dict[str, Any]:
    """Dataclass record -> JSON-ready dict with SCHEMA.md keys.

    ``None`` values are left out unless ``keep_none``; lists are always kept (an empty table is ``[]``,
    never absent, so a consumer can tell "no rows" from "not extracted").
    """
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if value is None and not keep_none:
            continue
        out[f.name] = _encode(value, keep_none)
    return out


def _encode(value: Any, keep_none: bool) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value, keep_none=keep_none)
    if isinstance(value, list):
        return [_encode(v, keep_none) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v, keep_none) for k, v in value.items()}
    return value


def from_dict(cls: type[T], data: Any, *, document_id: str = "?", where: str = "filing") -> T:
    """JSON dict -> dataclass ``cls``; raises ``RecordError`` (E101/E102/E103) naming key and document."""
    if not isinstance(data, dict):
        raise RecordError(Errors.E103.format(where=where, document_id=document_id, got=type(data).__name__))
    hints = _hints(cast(Any, cls))
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            raise RecordError(Errors.E101.format(key=key, where=where, document_id=document_id))
        kwargs[key] = _decode(hints[key], value, key=key, where=where, document_id=document_id)
    return cls(**kwargs)


def _decode(tp: Any, value: Any, *, key: str, where: str, document_id: str) -> Any:
    optional = _strip_optional(tp) is not tp
    tp = _strip_optional(tp)
    if value is None:
        if optional:
            return None
        raise RecordError(
            Errors.E102.format(key=key, where=where, document_id=document_id, expected=_name(tp), got="null")
        )
    origin = typing.get_origin(tp)
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise RecordError(
                Errors.E102.format(
                    key=key, where=where, document_id=document_id, expected="a list", got=_got(value)
                )
            )
        return [
            _decode(item_tp, v, key=key, where=f"{where}.{key}[{i}]", document_id=document_id)
            for i, v in enumerate(value)
        ]
    if origin is dict:
        if not isinstance(value, dict):
            raise RecordError(
                Errors.E102.format(
                    key=key, where=where, document_id=document_id, expected="an object", got=_got(value)
                )
            )
        return dict(value)
    if _is_record(tp):
        sub_where = where if where.endswith("]") else f"{where}.{key}"
        return from_dict(tp, value, document_id=document_id, where=sub_where)
    ok = (
        (tp is bool and isinstance(value, bool))
        or (tp is str and isinstance(value, str))
        or (tp is float and isinstance(value, int | float) and not isinstance(value, bool))
        or (tp is int and isinstance(value, int) and not isinstance(value, bool))
        or tp is Any
    )
    if not ok:
        raise RecordError(
            Errors.E102.format(
                key=key, where=where, document_id=document_id, expected=_name(tp), got=_got(value)
            )
        )
    return value


def _name(tp: Any) -> str:
    return _JSON_NAMES.get(tp, getattr(tp, "__name__", str(tp)))


def _got(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"[:80]
