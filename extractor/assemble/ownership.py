"""Forms 3/4/5: join the header fields (issuer, owners, footnotes, signatures) and the Table I/II rows."""

from __future__ import annotations

from extractor.assemble.ownership_header import extract_header
from extractor.assemble.ownership_tables import extract_tables
from extractor.assemble.result import AssemblyResult
from extractor.ingest import NormalisedText
from extractor.records import OwnershipFiling


def extract_ownership(nt: NormalisedText, form_type: str) -> AssemblyResult:
    """The OwnershipFiling of a Form 3/4/5 text, with spans and confidence per field path."""
    header = extract_header(nt)
    tables = extract_tables(nt, form_type=form_type)
    filing = OwnershipFiling(
        period_of_report=header.period_of_report,
        date_of_original_submission=header.date_of_original_submission,
        issuer=header.issuer,
        reporting_owners=header.reporting_owners,
        non_derivative_transactions=tables.non_derivative_transactions,
        non_derivative_holdings=tables.non_derivative_holdings,
        derivative_transactions=tables.derivative_transactions,
        derivative_holdings=tables.derivative_holdings,
        footnotes=header.footnotes,
        remarks=header.remarks,
        signatures=header.signatures,
    )
    return AssemblyResult(
        filing=filing,
        spans={**header.spans, **tables.spans},
        confidence={**header.confidence, **tables.confidence},
        warnings=[*header.warnings, *tables.warnings],
    )
