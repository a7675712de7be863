"""Reading evaluation inputs as plain envelope dicts: a gold directory, a prediction JSONL, a people file.

Predictions are read leniently on purpose (no ``Envelope.from_dict`` type checks): a prediction that
writes ``"1,477"`` where the schema wants a number is a scoring question, not an input error. Only what
makes scoring impossible is refused, with a coded ``EvaluationError``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.errors import Errors, ExtractorError


class EvaluationError(ExtractorError, ValueError):
    """An evaluation input (gold, predictions, people file) cannot be read."""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(Errors.E303.format(path=path, reason=exc)) from exc


def read_pred_jsonl(path: Path) -> dict[str, dict[str, Any]]:
    """Document id -> envelope dict; the last line wins when an id repeats."""
    if not path.is_file():
        raise EvaluationError(Errors.E303.format(path=path, reason="no such file"))
    out: dict[str, dict[str, Any]] = {}
    for lineno, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(Errors.E301.format(path=path, line=lineno, reason=exc)) from exc
        if not isinstance(data, dict):
            raise EvaluationError(Errors.E301.format(path=path, line=lineno, reason=type(data).__name__))
        doc = data.get("document_id")
        if not isinstance(doc, str) or not doc:
            raise EvaluationError(Errors.E304.format(path=path, where=f"on line {lineno}"))
        out[doc] = data
    return out


def read_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Document id -> gold envelope dict, from a directory of ``*.json`` (people files skipped) or a JSONL."""
    if path.is_file():
        out = read_pred_jsonl(path)
    elif path.is_dir():
        out = {}
        for file in sorted(path.rglob("*.json")):
            if file.name.startswith("people"):
                continue
            try:
                data = json.loads(_read_text(file))
            except json.JSONDecodeError as exc:
                raise EvaluationError(Errors.E306.format(path=file, reason=exc)) from exc
            if not isinstance(data, dict):
                continue
            doc = data.get("document_id")
            if not isinstance(doc, str) or not doc:
                raise EvaluationError(Errors.E304.format(path=file, where="at top level"))
            out[doc] = data
    else:
        raise EvaluationError(Errors.E303.format(path=path, reason="no such file or directory"))
    if not out:
        raise EvaluationError(Errors.E302.format(path=path))
    return out


def read_people_gold(path: Path) -> dict[str, list[str]]:
    """The people file: ``{person: ["doc_id:name", ...]}``, checked for shape."""
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise EvaluationError(Errors.E306.format(path=path, reason=exc)) from exc
    if not isinstance(data, dict):
        raise EvaluationError(Errors.E305.format(path=path, reason=f"got {type(data).__name__}"))
    for person, mentions in data.items():
        if not isinstance(mentions, list) or not all(isinstance(m, str) and ":" in m for m in mentions):
            raise EvaluationError(Errors.E305.format(path=path, reason=f"bad entry for {person!r}"))
    return data
