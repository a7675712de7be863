"""Flat tables from the JSONL records, one per row type, keyed by ``document_id``.

Tables: ``documents`` (one row per record: form type, issuer, error), ``owners``, ``transactions``
(non-derivative and derivative rows with a ``table`` column), ``holdings`` (likewise), ``related_persons``
(Form D), ``footnotes`` and ``signatures`` (Forms 3/4/5 and the Form D signer). ``row`` is the row's
position in its list in the record, so a table row can be traced back to the JSON.

Columns and their types come from the record dataclasses, so every file of a table has the same
columns in the same order whatever the documents hold (a Parquet dataset needs one schema). List values
(``relationships``) are joined with ``"; "``.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractor.records import (
    DerivativeHolding,
    DerivativeTransaction,
    Footnote,
    ReportingOwner,
    Signature,
)
from extractor.records.formd import RelatedPerson

ColumnType = str  # "string" | "float" | "bool" | "int"
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[tuple[str, ColumnType], ...]

    @property
    def names(self) -> list[str]:
        return [c for c, _ in self.columns]


def _columns_of(cls: type) -> tuple[tuple[str, ColumnType], ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        hint = str(hints[f.name])
        kind = "float" if "float" in hint else "bool" if "bool" in hint else "string"
        out.append((f.name, kind))
    return tuple(out)


_KEY = (("document_id", "string"),)
_ROW = (("row", "int"),)
TABLES: dict[str, TableSpec] = {
    "documents": TableSpec(
        "documents",
        (
            *_KEY,
            ("source", "string"),
            ("form_type", "string"),
            ("error", "string"),
            ("warnings", "string"),
            ("period_of_report", "string"),
            ("date_of_original_submission", "string"),
            ("issuer_cik", "string"),
            ("issuer_name", "string"),
            ("issuer_trading_symbol", "string"),
            ("remarks", "string"),
        ),
    ),
    "owners": TableSpec("owners", (*_KEY, *_ROW, *_columns_of(ReportingOwner))),
    "transactions": TableSpec(
        "transactions", (*_KEY, ("table", "string"), *_ROW, *_columns_of(DerivativeTransaction))
    ),
    "holdings": TableSpec("holdings", (*_KEY, ("table", "string"), *_ROW, *_columns_of(DerivativeHolding))),
    "related_persons": TableSpec("related_persons", (*_KEY, *_ROW, *_columns_of(RelatedPerson))),
    "footnotes": TableSpec("footnotes", (*_KEY, *_columns_of(Footnote))),
    "signatures": TableSpec(
        "signatures",
        (*_KEY, *_ROW, *_columns_of(Signature), ("issuer_name", "string"), ("signature_title", "string")),
    ),
}

Row = dict[str, Any]


def rows_of(record: dict[str, Any]) -> Iterator[tuple[str, Row]]:
    """(table name, row) for every row one JSONL record contributes."""
    doc = record.get("document_id")
    filing = record.get("filing") or {}
    issuer = filing.get("issuer") or {}
    primary = filing.get("primary_issuer") or {}
    yield (
        "documents",
        {
            "document_id": doc,
            "source": record.get("source"),
            "form_type": record.get("form_type"),
            "error": record.get("error"),
            "warnings": LIST_SEPARATOR.join(record.get("warnings") or []) or None,
            "period_of_report": filing.get("period_of_report"),
            "date_of_original_submission": filing.get("date_of_original_submission"),
            "issuer_cik": issuer.get("cik") or primary.get("cik"),
            "issuer_name": issuer.get("name") or primary.get("entity_name"),
            "issuer_trading_symbol": issuer.get("trading_symbol"),
            "remarks": filing.get("remarks"),
        },
    )
    for i, owner in enumerate(filing.get("reporting_owners") or []):
        yield "owners", {"document_id": doc, "row": i, **owner}
    for key, table, kind in (
        ("non_derivative_transactions", "transactions", "non_derivative"),
        ("derivative_transactions", "transactions", "derivative"),
        ("non_derivative_holdings", "holdings", "non_derivative"),
        ("derivative_holdings", "holdings", "derivative"),
    ):
        for i, row in enumerate(filing.get(key) or []):
            yield table, {"document_id": doc, "table": kind, "row": i, **row}
    for i, person in enumerate(filing.get("related_persons") or []):
        yield "related_persons", {"document_id": doc, "row": i, **person}
    for note in filing.get("footnotes") or []:
        yield "footnotes", {"document_id": doc, **note}
    for i, sig in enumerate(filing.get("signatures") or []):
        yield "signatures", {"document_id": doc, "row": i, **sig}
    signer = filing.get("signature")
    if isinstance(signer, dict) and any(v is not None for v in signer.values()):
        yield (
            "signatures",
            {
                "document_id": doc,
                "row": 0,
                "name": signer.get("name_of_signer"),
                "date": signer.get("signature_date"),
                "person_id": signer.get("person_id"),
                "issuer_name": signer.get("issuer_name"),
                "signature_title": signer.get("signature_title"),
            },
        )


def conform(spec: TableSpec, row: Row) -> Row:
    """The row with exactly the table's columns, lists joined and numbers as the column's type."""
    out: Row = {}
    for name, kind in spec.columns:
        value = row.get(name)
        if isinstance(value, list):
            value = LIST_SEPARATOR.join(str(v) for v in value)
        elif kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
            value = float(value)
        elif kind == "float" and value is not None and not isinstance(value, float):
            value = None  # a record that broke the contract: never let one cell sink a whole file
        out[name] = value
    return out
