"""Table I (non-derivative) and Table II (derivative) rows of Forms 3, 4 and 5.

``extract_tables(nt, form_type)`` finds each table by its label, reads its header into a column model
(``extractor.layout.columns``; refitted per page by ``ownership_tables_pages``), groups body lines
into rows (``ownership_tables_rows``) and reads each row's fields: by x-position in fixed-width dumps
(``ownership_tables_fixed``), in reading order elsewhere (``ownership_tables_reading``), both through
the shape grammar of ``ownership_tables_fields``. A table printed one cell per line in an order of its
own (plain ``pdftotext``) is read as a stream of cells instead (``ownership_tables_stream``). Every
value comes with a character span into ``nt.text`` and a confidence, so the rule decisions can be
checked and later become training labels.

Form rules: a row with a transaction date or code is a transaction, a row with only title, amount
owned, D/I (and nature) is a holding; Form 3 rows are all holdings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from extractor.assemble.ownership_tables_fields import (
    FieldValue,
    RowFields,
)
from extractor.assemble.ownership_tables_fixed import parse_fixed_width
from extractor.assemble.ownership_tables_pages import fit_page_model, page_numbers, page_starts
from extractor.assemble.ownership_tables_phantoms import fold_price_rows, merge_phantom_holdings
from extractor.assemble.ownership_tables_reading import demote_ocr_marks, parse_reading_order
from extractor.assemble.ownership_tables_rows import (
    NATURE_LEADS,
    BodyLine,
    RowGroup,
    classify_line,
    group_rows,
    merge_scrambled_blocks,
)
from extractor.assemble.ownership_tables_stream import read_cell_stream, read_derivative_stream
from extractor.ingest import NormalisedText
from extractor.layout.cells import Token, TokenKind, tokenize_line
from extractor.layout.columns import ColumnModel, build_column_model, find_header_end
from extractor.layout.lines import Line, split_lines
from extractor.layout.sections import (
    TABLE_I,
    TABLE_II,
    find_sections,
    is_page_furniture,
    is_table_end,
    squeeze,
)
from extractor.records.ownership import (
    DerivativeHolding,
    DerivativeTransaction,
    NonDerivativeHolding,
    NonDerivativeTransaction,
)

_MAX_BODY_LINES = 400
_NUMERIC_FIELDS = ("transaction_shares", "shares_owned_following_transaction", "underlying_security_shares")


@dataclass
class TablesResult:
    non_derivative_transactions: list[NonDerivativeTransaction] = field(default_factory=list)
    non_derivative_holdings: list[NonDerivativeHolding] = field(default_factory=list)
    derivative_transactions: list[DerivativeTransaction] = field(default_factory=list)
    derivative_holdings: list[DerivativeHolding] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def extract_tables(nt: NormalisedText, form_type: str = "4") -> TablesResult:
    """Rows of Table I and Table II of a Form 3/4/5 text."""
    lines = split_lines(nt.text)
    result = TablesResult()
    starts = page_starts(nt.text, getattr(nt, "source_text", None), getattr(nt, "offsets", None))
    for table, label_line, stop in _locate_tables(lines):
        header_end = find_header_end(lines, label_line, stop)
        form3 = form_type.startswith("3") or _looks_like_form3(lines[label_line : header_end + 1])
        model = build_column_model(lines, table, label_line, header_end, form3=form3)
        if table == TABLE_I and not model.fixed_width and not _whole_row_lines(lines, header_end, stop):
            streamed = read_cell_stream(lines, label_line, stop, form3=form3)
            if streamed is not None:
                for row_fields, is_tx in streamed:
                    _emit(result, table, ParsedRow(row_fields, is_tx), form3)
                continue
        if table == TABLE_II and not model.fixed_width:
            derived = read_derivative_stream(lines, label_line, stop, form3)
            if derived is not None:
                for row_fields, is_tx in derived:
                    _emit(result, table, ParsedRow(row_fields, is_tx), form3)
                continue
        body = _body(lines, header_end, stop, model, starts)
        if not model.fixed_width:
            body = merge_scrambled_blocks(body, derivative=table == TABLE_II)
        rows = group_rows(body, model)
        reading_ii = table == TABLE_II and not model.fixed_width
        if reading_ii:
            rows = fold_price_rows(rows)
        parsed_rows = [p for p in (_parse_row(row, table, model, form3) for row in rows) if p is not None]
        if reading_ii and not form3:
            merged = merge_phantom_holdings([(p.fields, p.is_transaction) for p in parsed_rows])
            parsed_rows = [ParsedRow(f, tx) for f, tx in merged]
        for parsed in parsed_rows:
            _emit(result, table, parsed, form3)
    _paired_codes(result)
    _sibling_codes(result.non_derivative_transactions, "non_derivative_transactions", result, table_i=True)
    _sibling_codes(result.derivative_transactions, "derivative_transactions", result, table_i=False)
    _emptied_holdings(result.non_derivative_transactions, "non_derivative_transactions", result)
    _emptied_holdings(result.derivative_transactions, "derivative_transactions", result)
    return result


# Codes that print one transaction in both tables: the derivative given up (Table II, D) and the
# shares it became (Table I, A), on the same date and for the same number of shares.
_PAIRED_CODES = frozenset("CMX")


def _paired_codes(result: TablesResult) -> None:
    """A transaction code OCR lost, taken from the same transaction's row in the other table.

    Trap: scanned EDGAR tables print the code cell small with a superscript footnote mark
    (``C(1)``), and OCR drops it altogether (``Class B Common Stock 02/28/2019 4,169,733``). A
    conversion or exercise (``C``, ``M``, ``X``) is reported twice: the derivative disposed of in
    Table II and the underlying shares acquired in Table I, on the same date, for the same number
    of shares. A code-less row takes the code only when exactly one such partner row exists and
    its code is one of those codes; other codes (a ``J`` distribution of the same shares) pair
    with nothing.
    """
    table_i = result.non_derivative_transactions
    table_ii = result.derivative_transactions
    for idx, d_row in enumerate(table_ii):
        if d_row.transaction_code is None and d_row.transaction_acquired_disposed_code == "D":
            amounts = {d_row.transaction_shares, d_row.underlying_security_shares}
            found_i = [
                p
                for p in table_i
                if _same_day(p.transaction_date, d_row.transaction_date)
                and p.transaction_acquired_disposed_code == "A"
                and p.transaction_shares in amounts - {None}
            ]
            code = _one_paired_code([p.transaction_code for p in found_i])
            if code is not None:
                d_row.transaction_code = code
                result.confidence[f"derivative_transactions[{idx}].transaction_code"] = 0.4
    for idx, n_row in enumerate(table_i):
        if n_row.transaction_code is None and n_row.transaction_acquired_disposed_code == "A":
            found_ii = [
                p
                for p in table_ii
                if _same_day(p.transaction_date, n_row.transaction_date)
                and p.transaction_acquired_disposed_code == "D"
                and n_row.transaction_shares in {p.transaction_shares, p.underlying_security_shares} - {None}
            ]
            code = _one_paired_code([p.transaction_code for p in found_ii])
            if code is not None:
                n_row.transaction_code = code
                result.confidence[f"non_derivative_transactions[{idx}].transaction_code"] = 0.4


def _same_day(a: str | None, b: str | None) -> bool:
    return a is not None and a == b


def _one_paired_code(codes: list[str | None]) -> str | None:
    """The code of the one partner row, when it is a conversion or exercise code."""
    return codes[0] if len(codes) == 1 and codes[0] in _PAIRED_CODES else None


_MIN_SIBLINGS = 2


def _sibling_codes(
    rows: Sequence[NonDerivativeTransaction | DerivativeTransaction],
    name: str,
    result: TablesResult,
    *,
    table_i: bool,
) -> None:
    """A code OCR lost, taken from the rows of the same table, date and direction (A or D).

    Trap: the code cell is printed small beside a superscript mark and tesseract drops it from some
    rows of a block (``Common Stock 11/18/2021 421,235 D 3,791,114`` among rows reading
    ``11/18/2021 J 1,125,295 D``). The rows one filing reports for one date in one direction are one
    kind of transaction (a distribution to each fund, the conversion of each series): a code-less row
    takes the code when at least two such rows print one and the same code. In Table I a conversion
    or exercise (``C``, ``M``, ``X``) is not guessed: its acquisition always has its own derivative row
    in Table II (``_paired_codes``), and a same-day distribution to the holder (``J``) is not one.
    """
    for idx, row in enumerate(rows):
        if row.transaction_code is not None or row.transaction_date is None:
            continue
        if row.transaction_acquired_disposed_code not in ("A", "D"):
            continue
        codes = [
            r.transaction_code
            for r in rows
            if r.transaction_code is not None
            and r.transaction_date == row.transaction_date
            and r.transaction_acquired_disposed_code == row.transaction_acquired_disposed_code
        ]
        if len(codes) < _MIN_SIBLINGS or len(set(codes)) != 1:
            continue
        if table_i and codes[0] in _PAIRED_CODES:
            continue
        row.transaction_code = codes[0]
        result.confidence[f"{name}[{idx}].transaction_code"] = 0.35


def _emptied_holdings(
    rows: Sequence[NonDerivativeTransaction | DerivativeTransaction], name: str, result: TablesResult
) -> None:
    """A lone ``0`` owned figure OCR dropped, where the row disposes of the whole holding.

    Trap: a cell holding one narrow glyph is what tesseract loses first (``J 4,169,733 D $0`` and no
    amount owned after it). When the previous row of the same holding (title, D/I, nature) owned
    exactly the shares this row disposes of, the holding is empty after it: the figure is ``0``.
    Nothing else is inferred here (other figures need the printed text: ``checks.holdings``).
    """
    for idx, row in enumerate(rows):
        if row.shares_owned_following_transaction is not None or row.transaction_shares is None:
            continue
        if row.transaction_acquired_disposed_code != "D" or row.security_title is None:
            continue
        key = _holding_key(row)
        prev = [
            r.shares_owned_following_transaction
            for r in rows[:idx]
            if _holding_key(r) == key and r.shares_owned_following_transaction is not None
        ]
        if prev and prev[-1] == row.transaction_shares:
            row.shares_owned_following_transaction = 0
            result.confidence[f"{name}[{idx}].shares_owned_following_transaction"] = 0.4


def _holding_key(row: NonDerivativeTransaction | DerivativeTransaction) -> tuple[str, ...]:
    """Title, D/I and nature, letters and digits only: OCR reads one name as ``L.P.`` and ``Lp``."""
    return tuple(
        "".join(c for c in (v or "").lower() if c.isalnum())
        for v in (row.security_title, row.direct_or_indirect_ownership, row.nature_of_ownership)
    )


def _whole_row_lines(lines: list[Line], header_end: int, stop: int) -> bool:
    """A body line printing a title, a date and an amount: rows in reading order, not a cell stream.

    Trap: OCR of a table that spills onto paragraph blocks (one cell per paragraph) looks like a
    pdftotext cell stream from the blocks on, but its first rows are whole lines (``Class A Common
    Stock 05/27/2021 c&) 2,248,637 | A ...``); read as a stream, those rows are lost.
    """
    for line in lines[header_end + 1 : min(stop, header_end + 1 + _MAX_BODY_LINES)]:
        if is_table_end(line):
            break
        toks = tokenize_line(line)
        kinds = [t.kind for t in toks]
        if TokenKind.DATE not in kinds or TokenKind.NUMBER not in kinds:
            continue
        first_date = kinds.index(TokenKind.DATE)
        if any(t.kind is TokenKind.TEXT and len(t.text) >= 4 for t in toks[:first_date]):
            return True
    return False


def _body(
    lines: list[Line], header_end: int, stop: int, model: ColumnModel, starts: set[int]
) -> list[BodyLine]:
    """Classified body lines; fixed-width pages after the header's page get a refitted column model."""
    picked: list[tuple[Line, list[Token]]] = []
    for line in lines[header_end + 1 : min(stop, header_end + 1 + _MAX_BODY_LINES)]:
        if is_table_end(line):
            break
        if is_page_furniture(line) or _is_repeated_header(line):
            continue
        if line.index + 1 in starts and not line.text.strip():
            continue  # the form feed ingest turned into a newline: not a blank line of the table
        picked.append((line, tokenize_line(line)))
    # Pages are numbered from the header's label line: page 0 holds the numbered labels, the
    # sub-column line (``Code V (A) (D)``) may already sit on the next page.
    pages = page_numbers([lines[model.header_start], *(line for line, _ in picked)], starts)[1:]
    marks_page = page_numbers(lines[model.header_start : model.header_end + 1], starts)[-1]
    models = {p: model for p in set(pages) | {0}}
    if model.fixed_width and pages and pages[-1] > 0:
        base_lines = [toks for (_, toks), p in zip(picked, pages, strict=True) if p == 0]
        for p in sorted(set(pages) - {0}):
            page_lines = [toks for (_, toks), q in zip(picked, pages, strict=True) if q == p]
            how = "scale" if marks_page == 0 else ("keep" if p == marks_page else "drop")
            models[p] = fit_page_model(model, base_lines, page_lines, marks=how)
    if not model.fixed_width:
        for _, toks in picked:
            demote_ocr_marks(toks)
    return [classify_line(line, toks, models[p]) for (line, toks), p in zip(picked, pages, strict=True)]


def _is_repeated_header(line: Line) -> bool:
    """Header lines a later page repeats (``(Instr. 4)``, ``(Month/Day/Year)``, ``1.Title of``)."""
    sq = squeeze(line.text)
    if "(instr." in sq or "(month/day/year)" in sq or "titleofsecurity" in sq or "titleofderiv" in sq:
        return True
    # Table II's sub-column captions, when OCR printed one of their lines after the header's end
    # ("Exercisable | Date Number of ransaction(s) | (1)"): their words would wrap into the first
    # row's cells ("Date By Sequoia Capital ..."). Two caption words and no value make such a line.
    return sum(1 for w in _SUB_CAPTIONS if w in sq) >= 2 and not any(t.is_data for t in tokenize_line(line))


_SUB_CAPTIONS = ("exercisable", "expiration", "numberof", "amountor", "ofshares")


def _locate_tables(lines: list[Line]) -> list[tuple[str, int, int]]:
    """``(table, label line, stop line)`` for each table; by label, else by the column-1 header."""
    sections = {s.name: s for s in find_sections(lines)}
    found: list[tuple[str, int, int]] = []
    for name, header_word in ((TABLE_I, "titleofsecurity"), (TABLE_II, "titleofderivative")):
        sec = sections.get(name)
        if sec is not None:
            found.append((name, sec.label_line, sec.end_line))
            continue
        for line in lines:
            if header_word in squeeze(line.text):
                found.append((name, max(0, line.index - 1), len(lines)))
                break
    return found


def _looks_like_form3(header: list[Line]) -> bool:
    """Form 3 headers have no transaction columns."""
    sq = "".join(squeeze(line.text) for line in header)
    return "transaction" not in sq and "titleof" in sq


@dataclass
class ParsedRow:
    fields: RowFields
    is_transaction: bool


def _parse_row(row: RowGroup, table: str, model: ColumnModel, form3: bool) -> ParsedRow | None:
    if model.fixed_width:
        out = parse_fixed_width(row, table, row.data[0].model or model, form3)
    else:
        out = parse_reading_order(row, table, form3)
    if not any(k in out and out[k].value is not None for k in _NUMERIC_FIELDS):
        return None
    if "direct_or_indirect_ownership" not in out and (
        "shares_owned_following_transaction" in out or "underlying_security_shares" in out
    ):
        # The D/I cell was lost (OCR): column 7 is filled only for indirect ownership (form rule).
        letter = "I" if "nature_of_ownership" in out else "D"
        out["direct_or_indirect_ownership"] = FieldValue(letter, [], 0.5)
    elif "direct_or_indirect_ownership" not in out and _nature_opens(out.get("nature_of_ownership")):
        # Scrambled OCR lost both the amount owned and the D/I cell ("J(1) 846,821 D $0 By
        # Sequoia ..."): a nature entry ("By ...", "See Footnote") is printed only for indirect
        # ownership. Without its lead word the text may be a stray title, so no letter then.
        out["direct_or_indirect_ownership"] = FieldValue("I", [], 0.5)
    is_tx = not form3 and ("transaction_date" in out or "transaction_code" in out)
    return ParsedRow(out, is_tx)


def _nature_opens(fv: FieldValue | None) -> bool:
    text = str(fv.value).lower() if fv is not None and fv.value else ""
    return text.split(" ", 1)[0].rstrip(":") in NATURE_LEADS


_RECORDS = {
    ("table_i", True): ("non_derivative_transactions", NonDerivativeTransaction),
    ("table_i", False): ("non_derivative_holdings", NonDerivativeHolding),
    ("table_ii", True): ("derivative_transactions", DerivativeTransaction),
    ("table_ii", False): ("derivative_holdings", DerivativeHolding),
}


def _emit(result: TablesResult, table: str, row: ParsedRow, form3: bool) -> None:
    name, cls = _RECORDS[(table, row.is_transaction)]
    target: list[object] = getattr(result, name)
    allowed = {f.name for f in fields(cls)}
    kwargs = {k: v.value for k, v in row.fields.items() if k in allowed}
    idx = len(target)
    target.append(cls(**kwargs))
    for key, fv in row.fields.items():
        if key not in allowed or fv.value is None:
            continue
        path = f"{name}[{idx}].{key}"
        result.confidence[path] = fv.confidence
        if fv.tokens:
            result.spans[path] = (min(t.start for t in fv.tokens), max(t.end for t in fv.tokens))
    if row.fields.get("security_title") is None:
        result.warnings.append(f"{name}[{idx}]: no security title found")


__all__ = ["TablesResult", "extract_tables"]
