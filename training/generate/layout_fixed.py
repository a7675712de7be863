"""Fixed-width renders of the SEC 1474 form: ``w3m`` (text-browser dump) and ``pdf_layout``
(``pdftotext -layout``); the ``ocr`` style starts from a ``pdf_layout`` render (see ``noise.ocr_flatten``).

The page is a sequence of grids: the title block, the header boxes 1-6 side by side, Table I and Table II
(group captions, sub-captions, one grid per row with wrapped cells), Reporting Owners, Signatures and the
Explanation of Responses. Column widths grow to fit the longest word of their content, like w3m's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from training.generate.canvas import Canvas, Line, Piece, grid, line_text, plain, wrap, wrap_paragraphs
from training.generate.content import (
    Row,
    TableSpec,
    Variant,
    checkbox,
    fmt_date,
    footnote_index,
    markers,
    table_rows,
    table_specs,
)
from training.generate.values import Sample


@dataclass(frozen=True)
class Geometry:
    page: int
    boxes: tuple[int, int, int]
    widths: dict[str, dict[str, int]]  # table key -> sub-column key -> base width
    star: str  # "^*" (w3m) or "*" (pdf)


W3M = Geometry(
    page=168,
    boxes=(57, 56, 60),
    widths={
        "I4": dict(
            title=35, date=12, deemed=10, code=8, v=4, amount=7, ad=5, price=6, owned=28, di=28, nature=30
        ),
        "II4": dict(
            title=14,
            conv=11,
            date=12,
            deemed=10,
            code=8,
            v=4,
            acq=8,
            disp=8,
            exdate=12,
            expdate=11,
            utitle=7,
            ushares=12,
            price=11,
            owned=13,
            di=11,
            nature=11,
        ),
        "I3": dict(title=67, owned=34, di=18, nature=40),
        "II3": dict(title=48, exdate=12, expdate=11, utitle=17, ushares=16, conv=17, di=17, nature=30),
    },
    star="^*",
)
PDF = Geometry(
    page=190,
    boxes=(70, 69, 60),
    widths={
        "I4": dict(
            title=52, date=17, deemed=17, code=10, v=4, amount=14, ad=8, price=8, owned=40, di=12, nature=14
        ),
        "II4": dict(
            title=18,
            conv=12,
            date=17,
            deemed=17,
            code=10,
            v=7,
            acq=7,
            disp=7,
            exdate=17,
            expdate=14,
            utitle=22,
            ushares=12,
            price=12,
            owned=15,
            di=12,
            nature=12,
        ),
        "I3": dict(title=60, owned=36, di=20, nature=45),
        "II3": dict(title=44, exdate=16, expdate=16, utitle=24, ushares=14, conv=18, di=18, nature=34),
    },
    star="*",
)

_TITLES = {
    "3": ("INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES", "3235-0104"),
    "4": ("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES", "3235-0287"),
    "5": ("ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES", "3235-0362"),
}
FILED_PURSUANT = (
    "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the "
    "Investment Company Act of 1940"
)
REMINDER = (
    "Reminder: Report on a separate line for each class of securities beneficially owned directly or "
    "indirectly."
)
PERSONS = (
    "Persons who respond to the collection of information contained in this form are not required to "
    "respond unless the form displays a currently valid OMB control number."
)
EXPLANATION_STAR = "If the form is filed by more than one reporting person, see Instruction 4(b)(v)."
EXPLANATION_STARS = (
    "Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. "
    "1001 and 15 U.S.C. 78ff(a)."
)
NOTE = (
    "Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, "
    "see Instruction 6 for procedure."
)
POTENTIAL = (
    "Potential persons who are to respond to the collection of information contained in this form are not "
    "required to respond unless the form displays a currently valid OMB number."
)


def _center(text: str, width: int) -> Line:
    return plain(" " * max((width - len(text)) // 2, 0) + text)


def _starts(widths: Sequence[int]) -> list[int]:
    out, cur = [], 0
    for w in widths:
        out.append(cur)
        cur += w
    return out


# ------------------------------------------------------------------------------------------ header
def title_block(c: Canvas, form_type: str, g: Geometry) -> None:
    base = form_type[0]
    title, omb = _TITLES[base]
    mid_w = g.page - 20 - 40
    left = [plain(f"FORM {base}")]
    if base != "3":
        left += wrap(
            [
                Piece(
                    "[ ]  Check this box if no longer subject to Section 16. Form 4 or Form 5 "
                    "obligations may continue. See Instruction 1(b)."
                )
            ],
            19,
        )
    middle = [
        _center("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", mid_w),
        _center("Washington, D.C. 20549", mid_w),
        [],
        _center(title, mid_w),
        [],
        *[_center(line_text(ln), mid_w) for ln in wrap([Piece(FILED_PURSUANT)], 105)],
    ]
    right = [
        plain("OMB APPROVAL"),
        plain(f"OMB Number:       {omb}"),
        plain("Estimated average burden"),
        plain("hours per response...   0.5"),
    ]
    c.lines(grid([left, middle, right], [0, 20, 20 + mid_w], "top"))
    c.line()
    c.line(plain("(Print or Type Responses)"))


def _owner_box(s: Sample, g: Geometry) -> list[Line]:
    owner = s.filing.reporting_owners[0] if s.filing.reporting_owners else None
    w = g.boxes[0] - 2
    p = "reporting_owners[0]"
    paras: list[list[Piece]] = [[Piece(f"1. Name and Address of Reporting Person {g.star}")]]
    if owner is None:
        return wrap_paragraphs(paras, w)
    street = [Piece(owner.street1 or "", f"{p}.street1")]
    if owner.street2:
        street += [Piece(",", glue=True), Piece(owner.street2, f"{p}.street2")]
    city = [
        Piece(owner.city or "", f"{p}.city"),
        Piece(",", glue=True),
        Piece(owner.state or "", f"{p}.state"),
        Piece(owner.zip_code or "", f"{p}.zip_code"),
    ]
    paras += [
        [Piece(owner.name or "", f"{p}.name")],
        [],
        [Piece("     (Last)            (First)            (Middle)")],
        street,
        [],
        [Piece("                       (Street)")],
        [],
        city,
        [],
        [Piece("      (City)            (State)             (Zip)")],
    ]
    return _keep_indent(paras, w)


def _keep_indent(paras: list[list[Piece]], width: int) -> list[Line]:
    """Wrap, but keep the leading spaces of caption lines such as ``     (Last)   (First)``."""
    out: list[Line] = []
    for para in paras:
        if len(para) == 1 and para[0].path is None and para[0].text.startswith(" "):
            out.append([para[0]])
        else:
            out.extend(wrap(para, width) or [[]])
    return out


def _issuer_box(s: Sample, g: Geometry, width: int | None = None, part: str = "") -> list[Line]:
    """Boxes 2-4 (Form 4/5) as one column; for Form 3 one ``part``: ``event``, ``issuer`` or ``amend``."""
    f = s.filing
    w = (width or g.boxes[1]) - 2
    issuer = [Piece(f.issuer.name or "", "issuer.name")] if f.issuer else []
    if f.issuer and f.issuer.trading_symbol:
        issuer += [
            Piece("["),
            Piece(f.issuer.trading_symbol, "issuer.trading_symbol", glue=True),
            Piece("]", glue=True),
        ]
    date = [Piece(fmt_date(f.period_of_report), "period_of_report")] if f.period_of_report else []
    amend = (
        [Piece(fmt_date(f.date_of_original_submission), "date_of_original_submission")]
        if f.date_of_original_submission
        else []
    )
    if s.form_type.startswith("3"):  # Form 3: box 2 is the event date, box 5 the amendment (see header_boxes)
        paras = {
            "event": [[Piece("2. Date of Event Requiring Statement (Month/Day/Year)")], date],
            "issuer": [[Piece("3. Issuer Name and Ticker or Trading Symbol")], issuer],
            "amend": [[Piece("5. If Amendment, Date Original Filed(Month/Day/Year)")], amend],
        }[part]
    else:
        paras = [
            [Piece("2. Issuer Name and Ticker or Trading Symbol")],
            issuer,
            [],
            [],
            [Piece("3. Date of Earliest Transaction (Month/Day/Year)")],
            date,
            [],
            [],
            [Piece("4. If Amendment, Date Original Filed(Month/Day/Year)")],
            amend,
        ]
    return wrap_paragraphs(paras, w)


def _relationship_box(
    s: Sample, v: Variant, g: Geometry, width: int | None = None, group: bool = True
) -> list[Line]:
    w = (width or g.boxes[2]) - 1
    owner = s.filing.reporting_owners[0] if s.filing.reporting_owners else None
    p = "reporting_owners[0]"
    num = ("4", "6") if s.form_type.startswith("3") else ("5", "6")
    out = wrap([Piece(f"{num[0]}. Relationship of Reporting Person(s) to Issuer")], w)
    out.append(plain("            (Check all applicable)"))
    half = w // 2

    def box(flag: str, label: str) -> list[Line]:
        on = getattr(owner, flag) if owner else None
        return wrap([*checkbox(on, f"{p}.{flag}", v), Piece(label)], half - 1)

    out += grid([box("is_director", "Director"), box("is_ten_percent_owner", "10% Owner")], [0, half])
    out += grid(
        [box("is_officer", "Officer (give title below)"), box("is_other", "Other (specify below)")], [0, half]
    )
    extra = [(owner.officer_title, "officer_title"), (owner.other_text, "other_text")] if owner else []
    for text, key in extra:
        if text:
            out += [[Piece("          "), *line] for line in wrap([Piece(text, f"{p}.{key}")], w - 10)]
    if group:
        out.append([])
        out += _group_box(s, v, w)
    return [[Piece(q.text, q.path or None, q.glue) for q in line] for line in out]


def _group_box(s: Sample, v: Variant, w: int) -> list[Line]:
    num = ("4", "6") if s.form_type.startswith("3") else ("5", "6")
    out = wrap([Piece(f"{num[1]}. Individual or Joint/Group Filing(Check Applicable Line)")], w)
    single = len(s.filing.reporting_owners) <= 1
    out += wrap([*checkbox(single, "", v), Piece("Form filed by One Reporting Person")], w)
    out += wrap([*checkbox(not single, "", v), Piece("Form filed by More than One Reporting Person")], w)
    return [[Piece(q.text, q.path or None, q.glue) for q in line] for line in out]


def header_boxes(c: Canvas, s: Sample, v: Variant, g: Geometry) -> None:
    if s.form_type.startswith("3"):  # boxes 1 | 2 | 3 over (4 | 5 over 6), as the Form 3 stylesheet prints
        a, b = g.boxes[0] - 6, 34
        right = [*_issuer_box(s, g, 82, "issuer"), []]
        lower = [*_issuer_box(s, g, 44, "amend"), [], *_group_box(s, v, 42)]
        right += grid([_relationship_box(s, v, g, 44, group=False), lower], [0, 44], "top")
        c.lines(grid([_owner_box(s, g), _issuer_box(s, g, b, "event"), right], [0, a, a + b], "top"))
        return
    cols = [_owner_box(s, g), _issuer_box(s, g), _relationship_box(s, v, g)]
    c.lines(grid(cols, _starts(g.boxes), "top"))


# ------------------------------------------------------------------------------------------ tables
def _widths(spec: TableSpec, rows: list[Row], base: dict[str, int], scale: float) -> list[int]:
    out = []
    for key, _, sub in spec.columns:
        longest = max((len(w) for r in rows for w in line_text(r.get(key, [])).split()), default=0)
        longest = max(longest, max((len(w) for w in sub.split()), default=0))
        out.append(max(round(base.get(key, 10) * scale), longest + 1))
    return out


def table(c: Canvas, s: Sample, spec: TableSpec, v: Variant, g: Geometry, table_key: str) -> int:
    rows = table_rows(s, spec, v)
    widths = _widths(spec, rows, g.widths[table_key], v.width_scale)
    starts = _starts(widths)
    total = sum(widths)
    if len(spec.title) < total:  # centred over the table, as both converters print it
        c.line([Piece(" " * ((total - len(spec.title)) // 2)), Piece(spec.title)])
    else:
        c.lines(wrap([Piece(spec.title)], total))
    c.line()
    gcells, gstarts, k = [], [], 0
    for caption, span in spec.groups:
        gw = sum(widths[k : k + span]) - 1
        gcells.append(wrap([Piece(caption)], gw))
        gstarts.append(starts[k])
        k += span
    c.lines(grid(gcells, gstarts, "top"))
    subs = [wrap([Piece(sub)], w - 1) for (_, _, sub), w in zip(spec.columns, widths, strict=True)]
    if any(subs):
        c.lines(grid(subs, starts, "top"))
    c.line()
    for row in rows:
        cells = [wrap(row.get(key, []), w - 1) for (key, _, _), w in zip(spec.columns, widths, strict=True)]
        c.lines(grid(cells, starts, v.valign))
        if v.blank_between_rows:
            c.line()
    return len(rows)


def reporting_owners(c: Canvas, s: Sample, v: Variant, g: Geometry) -> None:
    c.line(plain("Reporting Owners"))
    c.line()
    starts = [0, 43, 53, 64, 73, 82]
    c.line(plain(" " * 53 + "Relationships"))
    c.line(plain("     Reporting Owner Name / Address"))
    c.line(plain(" " * 43 + "Director  10% Owner  Officer  Other"))
    c.line()
    for i, o in enumerate(s.filing.reporting_owners):
        p = f"reporting_owners[{i}]"
        name_cell = wrap([Piece(o.name or "", f"{p}.name")], 42)
        name_cell += wrap([Piece(o.street1 or "", f"{p}.street1")], 42)
        if o.street2:
            name_cell += wrap([Piece(o.street2, f"{p}.street2")], 42)
        name_cell += wrap(
            [
                Piece(o.city or "", f"{p}.city"),
                Piece(",", glue=True),
                Piece(o.state or "", f"{p}.state"),
                Piece(o.zip_code or "", f"{p}.zip_code"),
            ],
            42,
        )
        marks: list[list[Line]] = [name_cell]
        for flag, text_key in (
            ("is_director", None),
            ("is_ten_percent_owner", None),
            ("is_officer", "officer_title"),
            ("is_other", "other_text"),
        ):
            text = getattr(o, text_key) if text_key else None
            if text:
                marks.append(wrap([Piece(text, f"{p}.{text_key}")], 9 if flag == "is_officer" else 20))
            elif getattr(o, flag):
                marks.append([[Piece("X", f"{p}.{flag}")]])
            else:
                marks.append([])
        c.lines(
            grid(marks, [starts[0], starts[1] + 4, starts[2] + 4, starts[3] + 2, starts[4] + 1], "middle")
        )
        c.line()


def signatures(c: Canvas, s: Sample, g: Geometry) -> None:
    c.line(plain("Signatures"))
    c.line()
    for i, sig in enumerate(s.filing.signatures):
        name = wrap([Piece(sig.name or "", f"signatures[{i}].name")], 60)
        date = [[Piece(fmt_date(sig.date), f"signatures[{i}].date")]] if sig.date else []
        c.lines(grid([name, date], [1, max(47, 2 + len(line_text(name[0])) + 3) if name else 47], "top"))
        c.line()
    c.line(plain(f" {'^**' if g.star == '^*' else '**'}Signature of Reporting Person               Date"))
    c.line()


def explanation(c: Canvas, s: Sample, v: Variant, g: Geometry) -> None:
    c.line(plain("Explanation of Responses:"))
    c.line()
    width = g.page - 8
    c.lines(grid([[plain("*")], wrap([Piece(EXPLANATION_STAR)], width)], [0, 4]))
    c.line()
    c.lines(grid([[plain("**")], wrap([Piece(EXPLANATION_STARS)], width)], [0, 4]))
    c.line()
    fn_index = footnote_index(s.filing)
    for i, fn in enumerate(s.filing.footnotes):
        mark = markers([fn.id or str(i + 1)], Variant(marker="paren"), fn_index)
        text = wrap([Piece(fn.text or "", f"footnotes[{i}].text")], width)
        c.lines(grid([[mark], text], [0, 4], v.valign))
        c.line()
    if s.filing.remarks:
        c.line(plain("Remarks:"))
        c.lines(wrap([Piece(s.filing.remarks, "remarks")], width))
        c.line()
    c.lines(wrap([Piece(NOTE)], g.page))
    c.line()
    c.lines(wrap([Piece(POTENTIAL)], g.page))


def render_fixed(s: Sample, v: Variant, style: str) -> Canvas:
    """A whole form in the ``w3m`` or ``pdf_layout`` geometry."""
    g = W3M if style == "w3m" else PDF
    c = Canvas()
    title_block(c, s.form_type, g)
    header_boxes(c, s, v, g)
    c.line()
    t1, t2 = table_specs(s.form_type)
    key = "3" if s.form_type.startswith("3") else "4"
    table(c, s, t1, v, g, "I" + key)
    c.line()
    c.lines(wrap([Piece(REMINDER)], 105))
    c.lines(grid([wrap([Piece(PERSONS)], 66), [plain("SEC 1474 (9-02)")]], [84, 154]))
    c.line()
    table(c, s, t2, v, g, "II" + key)
    c.line()
    reporting_owners(c, s, v, g)
    signatures(c, s, g)
    explanation(c, s, v, g)
    return c
