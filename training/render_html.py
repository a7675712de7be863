"""Render a Form 3/4/5 record (the gold ``filing`` dict of SCHEMA.md) as an HTML page shaped like EDGAR's.

The page follows the layout the SEC shows for an ownership filing (and which the dev set's ``w3m``,
``pdf_layout`` and ``ocr300`` texts were converted from): the form banner, three header boxes (reporting
person and address; issuer, dates; relationship and filing type), Table I, Table II, the "Reporting
Owners" table, "Signatures", "Explanation of Responses:" with the numbered footnotes, "Remarks:" and the
closing notes. It is written from the form itself, not from the SEC's stylesheet.

``render_ownership_html(filing, form_type, marks=None)`` returns the page. ``marks`` maps a field path
(``non_derivative_transactions[0].transaction_shares``, ``derivative_holdings[2].exercise_date``) to the
footnote ids printed after it as ``<sup>(1)</sup>``; ``footnote_marks_from_xml`` reads them from the
filing's EDGAR XML when it is at hand (the gold record itself does not keep which value cites which note).

Traps:

- Value formats copy EDGAR's page: numbers ``1,234`` (fractions kept, ``0.5``), prices ``$ 12.34`` (a
  space after ``$``), dates ``MM/DD/YYYY``. Reformatting here changes what every converter sees.
- A note cited with no value (``exercise_date`` given only as a footnote) prints the mark alone, as EDGAR
  does; an absent value without a note prints nothing.
- Form 3 has its own box numbering (2 = date of event, 3 = issuer) and its own table columns; Form 4 and 5
  share the Form 4 layout (holdings are Table I/II rows with the transaction cells empty).
- Only the first reporting owner is in the header boxes; all of them are in "Reporting Owners".
- Text is HTML-escaped; names like ``AT&T`` or ``<none>`` must not break the page.
- The CSS is tuned so tesseract reads the printed page as it reads EDGAR's (see docs/converters.md):
  data in Times 13px and labels in Arial 10px (the SEC's ``FormData``/``FormText`` sizes), ruled table
  grids, narrow ownership/nature columns, and footnote ids centred vertically beside their text (a
  top-aligned id column is read as a separate block and the footnote list is lost).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

Marks = Mapping[str, Sequence[str]]

_CSS = """
@page { size: letter landscape; margin: 0.4in; }
body { font-family: Times, "Liberation Serif", serif; font-size: 13px; color: #000; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; vertical-align: top; padding: 2px 4px; }
th { font-family: Arial, Helvetica, "Liberation Sans", sans-serif; font-weight: normal; font-size: 10px;
     text-align: left; vertical-align: top; border: 1px solid #000; }
table.grid td { border: 1px solid #000; }
table.boxes > tbody > tr > td { border: 1px solid #000; }
table.boxes td, table.boxes th, p, h3 { font-family: Arial, Helvetica, "Liberation Sans", sans-serif; }
table.boxes td, p { font-size: 10px; }
table.boxes .data { font-family: Times, "Liberation Serif", serif; font-size: 13px; }
table.plain td { border: none; }
table.notes td { border: none; vertical-align: middle; font-size: 12px; padding: 1px 2px; }
h3 { font-size: 13px; }
.small { font-size: 9px; }
.center { text-align: center; }
.right { text-align: right; }
sup { font-size: 10px; margin-left: 0.4em; }
"""

_TITLES = {
    "3": "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
    "4": "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES",
    "5": "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES",
}
_OMB = {
    "3": ("3235-0104", "SEC 1473 (7-02)"),
    "4": ("3235-0287", "SEC 1474 (9-02)"),
    "5": ("3235-0362", "SEC 2270 (9-02)"),
}


# --- value formatting -------------------------------------------------------------------------------------


def esc(value: Any) -> str:
    """HTML-escaped text of a value; ``None`` is the empty string."""
    return "" if value is None else html.escape(str(value))


def fmt_number(value: Any) -> str:
    """``1234`` -> ``1,234``; ``1234.5`` -> ``1,234.5``; fractions kept as given, never rounded."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return esc(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    text = repr(float(value))
    if "e" in text:
        text = f"{float(value):.10f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}.{frac}" if whole.lstrip("-").isdigit() else text


def fmt_price(value: Any) -> str:
    """``12.34`` -> ``$ 12.34``; ``0`` -> ``$ 0``; whole prices get no decimals."""
    if value is None or value == "":
        return ""
    return "$ " + fmt_number(value)


def fmt_date(value: Any) -> str:
    """ISO ``2024-10-01`` -> ``10/01/2024``; anything unparsable is printed as given."""
    if not value:
        return ""
    try:
        d = date.fromisoformat(str(value))
    except ValueError:
        return esc(value)
    return d.strftime("%m/%d/%Y")


def sup(ids: Sequence[str] | None) -> str:
    """Footnote marks ``<sup>(1)</sup><sup>(2)</sup>`` for the given ids (``F1`` or ``1``)."""
    return "".join(f"<sup>({esc(str(i).lstrip('Ff'))})</sup>" for i in ids or ())


def cell(text: str, path: str, marks: Marks, cls: str = "") -> str:
    """A ``<td>`` with the already-formatted text followed by the value's footnote marks."""
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{text}{sup(marks.get(path))}</td>"


# --- header -----------------------------------------------------------------------------------------------


def _box(checked: bool | None) -> str:
    return "__X__" if checked else "_____"


def _city_line(owner: Mapping[str, Any]) -> str:
    city, state, zip_code = owner.get("city"), owner.get("state"), owner.get("zip_code")
    head = esc(city) + (", " if city and (state or zip_code) else "")
    return head + " ".join(esc(v) for v in (state, zip_code) if v)


def _street_line(owner: Mapping[str, Any]) -> str:
    return ", ".join(esc(owner[k]) for k in ("street1", "street2") if owner.get(k))


def _banner(form: str) -> str:
    omb, _ = _OMB[form]
    checkbox = (
        "<p class='small'>[ ] Check this box if no longer subject to Section 16. Form 4 or Form 5 "
        "obligations may continue. <i>See</i> Instruction 1(b).</p>"
        if form != "3"
        else ""
    )
    return (
        "<table class='plain'><tr>"
        f"<td style='width:18%'><b>FORM {form}</b>{checkbox}</td>"
        "<td class='center' style='width:60%'><b>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</b><br>"
        f"Washington, D.C. 20549<br><br><b>{_TITLES[form]}</b><br><br>"
        "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the "
        "Investment Company Act of 1940</td>"
        "<td style='width:22%'><table><tr><td class='center' colspan='2'>OMB APPROVAL</td></tr>"
        f"<tr><td>OMB Number:</td><td>{omb}</td></tr>"
        "<tr><td>Estimated average burden hours per response...</td><td>0.5</td></tr></table></td>"
        "</tr></table><p>(Print or Type Responses)</p>"
    )


def _owner_box(owner: Mapping[str, Any]) -> list[str]:
    """Box 1 in three parts (name, street, city) so each sits on a row of the header grid."""
    return [
        "1. Name and Address of Reporting Person<sup>*</sup><br>"
        f"<span class='data'>{esc(owner.get('name'))}</span><br>"
        "<table class='plain'><tr><td>(Last)</td><td>(First)</td><td>(Middle)</td></tr></table>",
        f"<span class='data'>{_street_line(owner)}</span><br><div class='center'>(Street)</div>",
        f"<span class='data'>{_city_line(owner)}</span><br>"
        "<table class='plain'><tr><td>(City)</td><td>(State)</td><td>(Zip)</td></tr></table>",
    ]


def _relationship_box(owner: Mapping[str, Any], number: str) -> str:
    """Box 5 (Form 4/5) or 4 (Form 3): the four relationship checkboxes, title/other text below."""
    below = " ".join(t for t in (esc(owner.get("officer_title")), esc(owner.get("other_text"))) if t)
    return (
        f"{number}. Relationship of Reporting Person(s) to Issuer<br>"
        "<div class='center'>(Check all applicable)</div>"
        "<table class='plain'>"
        f"<tr><td>{_box(owner.get('is_director'))} Director</td>"
        f"<td>{_box(owner.get('is_ten_percent_owner'))} 10% Owner</td></tr>"
        f"<tr><td>{_box(owner.get('is_officer'))} Officer (give title below)</td>"
        f"<td>{_box(owner.get('is_other'))} Other (specify below)</td></tr>"
        "</table>"
        f"<div class='center data'>{below}</div>"
    )


def _filing_type_box(n_owners: int) -> str:
    """Box 6: one or more than one reporting person."""
    one, many = ("_X_", "___") if n_owners <= 1 else ("___", "_X_")
    return (
        "6. Individual or Joint/Group Filing(Check Applicable Line)<br>"
        f"{one} Form filed by One Reporting Person<br>{many} Form filed by More than One Reporting Person"
    )


def _issuer_text(filing: Mapping[str, Any]) -> str:
    issuer = filing.get("issuer") or {}
    symbol = issuer.get("trading_symbol")
    text = esc(issuer.get("name")) + (f" [{esc(symbol)}]" if symbol else "")
    return f"<span class='data'>{text}</span>"


def _header(filing: Mapping[str, Any], form: str) -> str:
    """The three header boxes; Form 3 numbers them differently (2 = date of event, 3 = issuer)."""
    owners = filing.get("reporting_owners") or [{}]
    owner = owners[0]
    period = f"<span class='data'>{fmt_date(filing.get('period_of_report'))}</span>"
    original = f"<span class='data'>{fmt_date(filing.get('date_of_original_submission'))}</span>"
    amendment = f"Date Original Filed(Month/Day/Year)<br>{original}"
    name, street, city = _owner_box(owner)
    if form == "3":
        middle = f"2. Date of Event Requiring Statement (Month/Day/Year)<br>{period}"
        right = (
            f"3. Issuer Name and Ticker or Trading Symbol<br>{_issuer_text(filing)}<br><br>"
            f"<table class='plain'><tr><td>{_relationship_box(owner, '4')}</td>"
            f"<td>5. If Amendment, {amendment}<br><br>{_filing_type_box(len(owners))}</td></tr></table>"
        )
        return (
            f"<table class='boxes'><tr><td style='width:33%'>{name}<br>{street}<br>{city}</td>"
            f"<td style='width:20%'>{middle}</td><td>{right}</td></tr></table>"
        )
    # A grid like EDGAR's: box 1's parts, boxes 2-4 and boxes 5-6 share rows, so a line of text runs
    # across the page (OCR reads the header row by row, not column by column).
    return (
        "<table class='boxes'>"
        f"<tr><td style='width:33%'>{name}</td>"
        f"<td style='width:30%'>2. Issuer Name and Ticker or Trading Symbol<br>{_issuer_text(filing)}</td>"
        f"<td rowspan='2'>{_relationship_box(owner, '5')}</td></tr>"
        f"<tr><td>{street}</td><td>3. Date of Earliest Transaction (Month/Day/Year)<br>{period}</td></tr>"
        f"<tr><td>{city}</td><td>4. If Amendment, {amendment}</td>"
        f"<td>{_filing_type_box(len(owners))}</td></tr>"
        "</table>"
    )


# --- tables -----------------------------------------------------------------------------------------------


def _heads(columns: Sequence[tuple[str, Sequence[str]]], widths: Sequence[int] = ()) -> str:
    """Two header rows: numbered headings, sub-headings (``Code``/``V``) under those that span columns."""
    top: list[str] = []
    sub: list[str] = []
    for n, (label, subs) in enumerate(columns):
        width = " width='22%'" if n == 0 and not widths else ""
        if subs:
            top.append(f"<th colspan='{len(subs)}'>{label}</th>")
            sub.extend(f"<th>{s}</th>" for s in subs)
        else:
            top.append(f"<th rowspan='2'{width}>{label}</th>")
    return f"<tr>{''.join(top)}</tr><tr>{''.join(sub)}</tr>"


def _colgroup(columns: Sequence[tuple[str, Sequence[str]]], widths: Sequence[int]) -> str:
    """``<col>`` widths (percent of the page) per leaf column; a spanning heading's share is split evenly."""
    cols: list[str] = []
    for (_, subs), width in zip(columns, widths, strict=True):
        n = max(1, len(subs))
        cols.extend([f"<col style='width:{width / n:.2f}%'>"] * n)
    return f"<colgroup>{''.join(cols)}</colgroup>"


def _table(
    title: str,
    columns: Sequence[tuple[str, Sequence[str]]],
    rows: Sequence[str],
    widths: Sequence[int] = (),
) -> str:
    caption = (
        f"<tr><th class='center' colspan='{sum(max(1, len(s)) for _, s in columns)}'><b>{title}</b></th></tr>"
    )
    # A blank line between rows, as EDGAR's page shows (its cells carry vertical padding; w3m ignores CSS).
    gap = f"<tr><td colspan='{sum(max(1, len(s)) for _, s in columns)}'>&nbsp;</td></tr>"
    cols = _colgroup(columns, widths) if widths else ""
    return f"<table class='grid'>{cols}{caption}{_heads(columns, widths)}{gap}{gap.join(rows)}</table>"


def _price_cell(value: Any, path: str, marks: Marks) -> str:
    """``$ 12.34``; a price given only as a footnote prints ``$`` and the mark, as EDGAR does."""
    text = fmt_price(value) if value is not None else ("$ " if marks.get(path) else "")
    return cell(text, path, marks)


def _ad_cells(row: Mapping[str, Any], path: str, marks: Marks) -> list[str]:
    """Table II's (A) and (D) columns: the shares go under the column their code names."""
    shares = fmt_number(row.get("transaction_shares"))
    code = row.get("transaction_acquired_disposed_code")
    a_text, d_text = (shares, "") if code != "D" else ("", shares)
    ids = [
        *marks.get(f"{path}.transaction_shares", ()),
        *marks.get(f"{path}.transaction_acquired_disposed_code", ()),
    ]
    mark = sup(ids)
    if not a_text and not d_text:
        return ["<td></td>", "<td></td>"]
    return [f"<td>{a_text}{mark if a_text else ''}</td>", f"<td>{d_text}{mark if d_text else ''}</td>"]


def _tail_cells(row: Mapping[str, Any], path: str, marks: Marks, *, price_col: bool) -> list[str]:
    """Owned following / D or I / nature; ``price_col`` puts Table II's column 8 (price) before them."""
    cells = [
        _price_cell(row.get("transaction_price_per_share"), f"{path}.transaction_price_per_share", marks)
    ]
    if not price_col:
        cells = []
    return [
        *cells,
        cell(
            fmt_number(row.get("shares_owned_following_transaction")),
            f"{path}.shares_owned_following_transaction",
            marks,
        ),
        cell(esc(row.get("direct_or_indirect_ownership")), f"{path}.direct_or_indirect_ownership", marks),
        cell(esc(row.get("nature_of_ownership")), f"{path}.nature_of_ownership", marks),
    ]


_F4_TABLE1 = (
    ("1.Title of Security<br>(Instr. 3)", ()),
    ("2. Transaction Date<br>(Month/Day/Year)", ()),
    ("2A. Deemed Execution Date, if any<br>(Month/Day/Year)", ()),
    ("3. Transaction Code<br>(Instr. 8)", ("Code", "V")),
    (
        "4. Securities Acquired (A) or Disposed of (D)<br>(Instr. 3, 4 and 5)",
        ("Amount", "(A) or (D)", "Price"),
    ),
    ("5. Amount of Securities Beneficially Owned Following Reported Transaction(s)<br>(Instr. 3 and 4)", ()),
    ("6. Ownership Form: Direct (D) or Indirect (I)<br>(Instr. 4)", ()),
    ("7. Nature of Indirect Beneficial Ownership<br>(Instr. 4)", ()),
)

_F4_TABLE2 = (
    ("1. Title of Derivative Security<br>(Instr. 3)", ()),
    ("2. Conversion or Exercise Price of Derivative Security", ()),
    ("3. Transaction Date<br>(Month/Day/Year)", ()),
    ("3A. Deemed Execution Date, if any<br>(Month/Day/Year)", ()),
    ("4. Transaction Code<br>(Instr. 8)", ("Code", "V")),
    (
        "5. Number of Derivative Securities Acquired (A) or Disposed of (D)<br>(Instr. 3, 4, and 5)",
        ("(A)", "(D)"),
    ),
    ("6. Date Exercisable and Expiration Date<br>(Month/Day/Year)", ("Date Exercisable", "Expiration Date")),
    (
        "7. Title and Amount of Underlying Securities<br>(Instr. 3 and 4)",
        ("Title", "Amount or Number of Shares"),
    ),
    ("8. Price of Derivative Security<br>(Instr. 5)", ()),
    (
        "9. Number of Derivative Securities Beneficially Owned Following Reported Transaction(s)"
        "<br>(Instr. 4)",
        (),
    ),
    ("10. Ownership Form of Derivative Security: Direct (D) or Indirect (I)<br>(Instr. 4)", ()),
    ("11. Nature of Indirect Beneficial Ownership<br>(Instr. 4)", ()),
)

# Column widths (percent) as EDGAR's page lays them out: narrow ownership/nature columns, so long values
# wrap there and a footnote mark often lands on a line of its own.
_F4_WIDTHS1 = (24, 8, 8, 12, 12, 19, 6, 11)
_F4_WIDTHS2 = (8, 6, 8, 8, 9, 8, 13, 12, 6, 7, 5, 10)

_F3_TABLE1 = (
    ("1.Title of Security<br>(Instr. 4)", ()),
    ("2. Amount of Securities Beneficially Owned<br>(Instr. 4)", ()),
    ("3. Ownership Form: Direct (D) or Indirect (I)<br>(Instr. 5)", ()),
    ("4. Nature of Indirect Beneficial Ownership<br>(Instr. 5)", ()),
)

_F3_TABLE2 = (
    ("1. Title of Derivative Security<br>(Instr. 4)", ()),
    ("2. Date Exercisable and Expiration Date<br>(Month/Day/Year)", ("Date Exercisable", "Expiration Date")),
    (
        "3. Title and Amount of Securities Underlying Derivative Security<br>(Instr. 4)",
        ("Title", "Amount or Number of Shares"),
    ),
    ("4. Conversion or Exercise Price of Derivative Security", ()),
    ("5. Ownership Form of Derivative Security: Direct (D) or Indirect (I)<br>(Instr. 5)", ()),
    ("6. Nature of Indirect Beneficial Ownership<br>(Instr. 5)", ()),
)


def _f4_table1_row(row: Mapping[str, Any], path: str, marks: Marks) -> str:
    """A Table I row; a holding leaves the transaction columns (2 to 4) empty."""
    return (
        "<tr>"
        + "".join(
            [
                cell(esc(row.get("security_title")), f"{path}.security_title", marks),
                cell(fmt_date(row.get("transaction_date")), f"{path}.transaction_date", marks),
                cell(fmt_date(row.get("deemed_execution_date")), f"{path}.deemed_execution_date", marks),
                cell(esc(row.get("transaction_code")), f"{path}.transaction_code", marks),
                "<td></td>",
                cell(fmt_number(row.get("transaction_shares")), f"{path}.transaction_shares", marks),
                cell(
                    esc(row.get("transaction_acquired_disposed_code")),
                    f"{path}.transaction_acquired_disposed_code",
                    marks,
                ),
                _price_cell(
                    row.get("transaction_price_per_share"), f"{path}.transaction_price_per_share", marks
                ),
                *_tail_cells(row, path, marks, price_col=False),
            ]
        )
        + "</tr>"
    )


def _underlying_cells(row: Mapping[str, Any], path: str, marks: Marks) -> list[str]:
    return [
        cell(fmt_date(row.get("exercise_date")), f"{path}.exercise_date", marks),
        cell(fmt_date(row.get("expiration_date")), f"{path}.expiration_date", marks),
        cell(esc(row.get("underlying_security_title")), f"{path}.underlying_security_title", marks),
        cell(fmt_number(row.get("underlying_security_shares")), f"{path}.underlying_security_shares", marks),
    ]


def _f4_table2_row(row: Mapping[str, Any], path: str, marks: Marks) -> str:
    return (
        "<tr>"
        + "".join(
            [
                cell(esc(row.get("security_title")), f"{path}.security_title", marks),
                _price_cell(
                    row.get("conversion_or_exercise_price"), f"{path}.conversion_or_exercise_price", marks
                ),
                cell(fmt_date(row.get("transaction_date")), f"{path}.transaction_date", marks),
                cell(fmt_date(row.get("deemed_execution_date")), f"{path}.deemed_execution_date", marks),
                cell(esc(row.get("transaction_code")), f"{path}.transaction_code", marks),
                "<td></td>",
                *_ad_cells(row, path, marks),
                *_underlying_cells(row, path, marks),
                *_tail_cells(row, path, marks, price_col=True),
            ]
        )
        + "</tr>"
    )


def _f3_table1_row(row: Mapping[str, Any], path: str, marks: Marks) -> str:
    return (
        "<tr>"
        + "".join(
            [
                cell(esc(row.get("security_title")), f"{path}.security_title", marks),
                *_tail_cells(row, path, marks, price_col=False),
            ]
        )
        + "</tr>"
    )


def _f3_table2_row(row: Mapping[str, Any], path: str, marks: Marks) -> str:
    return (
        "<tr>"
        + "".join(
            [
                cell(esc(row.get("security_title")), f"{path}.security_title", marks),
                *_underlying_cells(row, path, marks),
                _price_cell(
                    row.get("conversion_or_exercise_price"), f"{path}.conversion_or_exercise_price", marks
                ),
                *_tail_cells(row, path, marks, price_col=False)[1:],
            ]
        )
        + "</tr>"
    )


def _rows(filing: Mapping[str, Any], key: str, render: Any, marks: Marks) -> list[str]:
    return [render(row, f"{key}[{i}]", marks) for i, row in enumerate(filing.get(key) or [])]


def _tables(filing: Mapping[str, Any], form: str, marks: Marks) -> str:
    """Table I, the reminder, Table II. Transactions come before holdings in each table, as on EDGAR."""
    _, sec_no = _OMB[form]
    reminder = (
        "<p>Reminder: Report on a separate line for each class of securities beneficially owned directly or "
        f"indirectly.</p><p class='right'>Persons who respond to the collection of information contained in "
        f"this form are not required to respond unless the form displays a currently valid OMB control "
        f"number. {sec_no}</p>"
    )
    if form == "3":
        t1 = _table(
            "Table I - Non-Derivative Securities Beneficially Owned",
            _F3_TABLE1,
            _rows(filing, "non_derivative_holdings", _f3_table1_row, marks),
        )
        t2 = _table(
            "Table II - Derivative Securities Beneficially Owned<br>(e.g., puts, calls, warrants, options, "
            "convertible securities)",
            _F3_TABLE2,
            _rows(filing, "derivative_holdings", _f3_table2_row, marks),
        )
        return t1 + reminder + t2
    t1 = _table(
        "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
        _F4_TABLE1,
        _rows(filing, "non_derivative_transactions", _f4_table1_row, marks)
        + _rows(filing, "non_derivative_holdings", _f4_table1_row, marks),
        _F4_WIDTHS1,
    )
    t2 = _table(
        "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned<br>(e.g., puts, "
        "calls, warrants, options, convertible securities)",
        _F4_TABLE2,
        _rows(filing, "derivative_transactions", _f4_table2_row, marks)
        + _rows(filing, "derivative_holdings", _f4_table2_row, marks),
        _F4_WIDTHS2,
    )
    return t1 + reminder + t2


# --- owners, signatures, footnotes ------------------------------------------------------------------------


def _owners_table(filing: Mapping[str, Any]) -> str:
    """ "Reporting Owners": name and address lines, then X under each relationship (the title for Officer)."""
    rows = []
    for owner in filing.get("reporting_owners") or []:
        lines = [esc(owner.get("name")), *(esc(owner[k]) for k in ("street1", "street2") if owner.get(k))]
        lines.append(_city_line(owner))
        officer = esc(owner.get("officer_title")) or ("X" if owner.get("is_officer") else "")
        other = esc(owner.get("other_text")) or ("X" if owner.get("is_other") else "")
        marks = [
            "X" if owner.get("is_director") else "",
            "X" if owner.get("is_ten_percent_owner") else "",
            officer,
            other,
        ]
        rows.append(
            f"<tr><td>{'<br>'.join(lines)}</td>"
            + "".join(f"<td class='center'>{m}</td>" for m in marks)
            + "</tr>"
        )
    head = (
        "<tr><th rowspan='2'>Reporting Owner Name / Address</th>"
        "<th colspan='4' class='center'>Relationships</th></tr>"
        "<tr><th>Director</th><th>10% Owner</th><th>Officer</th><th>Other</th></tr>"
    )
    return f"<h3>Reporting Owners</h3><table class='grid' style='width:70%'>{head}{''.join(rows)}</table>"


def _signatures(filing: Mapping[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{esc(s.get('name'))}</td><td>{fmt_date(s.get('date'))}</td></tr>"
        for s in filing.get("signatures") or []
    )
    return (
        "<h3>Signatures</h3><table class='plain' style='width:60%'>"
        f"{rows}<tr><td><sup>**</sup>Signature of Reporting Person</td><td>Date</td></tr></table>"
    )


def _explanations(filing: Mapping[str, Any]) -> str:
    notes = "".join(
        f"<tr><td>({esc(n.get('id'))})</td><td>{esc(n.get('text'))}</td></tr>"
        for n in filing.get("footnotes") or []
    )
    remarks = filing.get("remarks")
    return (
        "<p><b>Explanation of Responses:</b></p><table class='plain notes'>"
        "<tr><td>*</td><td>If the form is filed by more than one reporting person, "
        "see Instruction 4(b)(v).</td></tr>"
        "<tr><td>**</td><td>Intentional misstatements or omissions of facts constitute Federal Criminal "
        "Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</td></tr>"
        f"{notes}</table>"
        + (f"<p><b>Remarks:</b><br>{esc(remarks)}</p>" if remarks else "")
        + "<p>Note: File three copies of this Form, one of which must be manually signed. If space is "
        "insufficient, see Instruction 6 for procedure.</p>"
        "<p>Potential persons who are to respond to the collection of information contained in this form are "
        "not required to respond unless the form displays a currently valid OMB number.</p>"
    )


def form_number(form_type: str) -> str:
    """``4/A`` -> ``4``; anything but 3 and 5 renders as Form 4."""
    head = str(form_type).split("/")[0].strip()
    return head if head in _TITLES else "4"


def render_ownership_html(filing: Mapping[str, Any], form_type: str, marks: Marks | None = None) -> str:
    """The whole EDGAR-shaped page for one Form 3/4/5 record."""
    form = form_number(form_type)
    marks = marks or {}
    title = f"SEC Form {form}"
    body = (
        _banner(form)
        + _header(filing, form)
        + _tables(filing, form, marks)
        + _owners_table(filing)
        + _signatures(filing)
        + _explanations(filing)
    )
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{_CSS}</style></head><body>{body}</body></html>\n"
    )


# --- footnote marks from EDGAR XML ------------------------------------------------------------------------

_ROW_TAGS = {
    "nonDerivativeTransaction": "non_derivative_transactions",
    "nonDerivativeHolding": "non_derivative_holdings",
    "derivativeTransaction": "derivative_transactions",
    "derivativeHolding": "derivative_holdings",
}
_FIELD_ALIASES = {"transaction_coding": "transaction_code", "transaction_timeliness": "transaction_code"}


def _snake(tag: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", tag).lower()


def footnote_marks_from_xml(xml_path: str | Path) -> dict[str, list[str]]:
    """Field path -> footnote ids, read from an EDGAR ownership XML (``<footnoteId id="F1"/>``).

    Trap: the XML puts a ``footnoteId`` inside the element it annotates (``<transactionShares>``), one or
    two levels below the row; the path is the snake_case of that element's tag (``transactionCoding`` is
    the code). Rows are numbered per kind in document order, which is the gold record's order.
    """
    from lxml import etree  # local: only the benchmark needs it

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    root = etree.parse(str(xml_path), parser).getroot()
    marks: dict[str, list[str]] = {}
    counters: dict[str, int] = {}
    for row in root.iter(*_ROW_TAGS):
        key = _ROW_TAGS[str(row.tag)]
        index = counters.get(key, 0)
        counters[key] = index + 1
        for note in row.iter("footnoteId"):
            parent = note.getparent()
            if parent is None or parent is row:
                continue
            field = _snake(str(parent.tag))
            field = _FIELD_ALIASES.get(field, field)
            ids = marks.setdefault(f"{key}[{index}].{field}", [])
            note_id = str(note.get("id", "")).lstrip("Ff")
            if note_id and note_id not in ids:
                ids.append(note_id)
    return marks
