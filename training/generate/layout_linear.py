"""Line-oriented renders of the SEC 1474 form: ``tabbed`` (TAB cells, seed-002-like "owned following"
on the next line), ``markdown`` (converter markdown: ``**bold**``, ``\\$``, ``<sup>(1)</sup>``, TAB or
pipe tables) and ``scrambled`` (OCR reading order: header boxes interleaved, a row's cells spread over
several lines).

Header boxes are paragraphs (caption, value); the scrambled style shuffles and joins neighbouring ones.
"""

from __future__ import annotations

import random

from training.generate.canvas import Canvas, Line, Piece, plain
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
from training.generate.layout_fixed import (
    _TITLES,
    EXPLANATION_STAR,
    EXPLANATION_STARS,
    FILED_PURSUANT,
    NOTE,
    PERSONS,
    REMINDER,
)
from training.generate.values import Sample


def _md(text: str, style: str, bold: bool = False) -> str:
    """Markdown escapes of a caption (``*`` -> ``\\*``) and bold titles, in the markdown style only."""
    if style != "markdown":
        return text
    text = text.replace("*", "\\*")
    return f"**{text}**" if bold else text


def _header_paragraphs(s: Sample, v: Variant, style: str) -> list[list[Line]]:
    f = s.filing
    o = f.reporting_owners[0] if f.reporting_owners else None
    p = "reporting_owners[0]"
    form3 = s.form_type.startswith("3")
    owner: list[Line] = [plain(_md("1. Name and Address of Reporting Person *", style))]
    if o:
        street = [Piece(o.street1 or "", f"{p}.street1")]
        if o.street2:
            street += [Piece(", "), Piece(o.street2, f"{p}.street2")]
        owner += [
            [Piece(o.name or "", f"{p}.name")],
            plain("(Last) (First) (Middle)"),
            street,
            plain("(Street)"),
            [
                Piece(o.city or "", f"{p}.city"),
                Piece(", "),
                Piece(o.state or "", f"{p}.state"),
                Piece(" "),
                Piece(o.zip_code or "", f"{p}.zip_code"),
            ],
            plain("(City) (State) (Zip)"),
        ]
    issuer: list[Line] = [plain(f"{3 if form3 else 2}. Issuer Name and Ticker or Trading Symbol")]
    if f.issuer:
        line = [Piece(f.issuer.name or "", "issuer.name")]
        if f.issuer.trading_symbol:
            line += [Piece(" ["), Piece(f.issuer.trading_symbol, "issuer.trading_symbol"), Piece("]")]
        issuer.append(line)
    date_caption = (
        "2. Date of Event Requiring Statement (Month/Day/Year)"
        if form3
        else ("3. Date of Earliest Transaction (Month/Day/Year)")
    )
    date: list[Line] = [plain(date_caption)]
    if f.period_of_report:
        date.append([Piece(fmt_date(f.period_of_report), "period_of_report")])
    amend: list[Line] = [plain(f"{5 if form3 else 4}. If Amendment, Date Original Filed(Month/Day/Year)")]
    if f.date_of_original_submission:
        amend.append([Piece(fmt_date(f.date_of_original_submission), "date_of_original_submission")])
    rel: list[Line] = [
        plain(f"{4 if form3 else 5}. Relationship of Reporting Person(s) to Issuer"),
        plain("(Check all applicable)"),
    ]

    def box(flag: str, label: str) -> Line:
        on = getattr(o, flag) if o else None
        return [*_spaced(checkbox(on, f"{p}.{flag}", v)), Piece(label)]

    rel.append([*box("is_director", "Director"), Piece("  "), *box("is_ten_percent_owner", "10% Owner")])
    rel.append(
        [
            *box("is_officer", "Officer (give title below)"),
            Piece("  "),
            *box("is_other", "Other (specify below)"),
        ]
    )
    if o and o.officer_title:
        rel.append([Piece(o.officer_title, f"{p}.officer_title")])
    if o and o.other_text:
        rel.append([Piece(o.other_text, f"{p}.other_text")])
    single = len(f.reporting_owners) <= 1
    group: list[Line] = [
        plain("6. Individual or Joint/Group Filing(Check Applicable Line)"),
        [*_spaced([q for q in checkbox(single, "", v)]), Piece("Form filed by One Reporting Person")],
        [
            *_spaced([q for q in checkbox(not single, "", v)]),
            Piece("Form filed by More than One Reporting Person"),
        ],
    ]
    paras = [owner, date, issuer, rel, amend, group] if form3 else [owner, issuer, date, amend, rel, group]
    return [[[Piece(q.text, q.path or None) for q in line] for line in para] for para in paras]


def _spaced(pieces: list[Piece]) -> list[Piece]:
    """Checkbox pieces joined as printed (``_X_ `` then the label)."""
    if not pieces:
        return [Piece(" ")]
    return [*pieces, Piece(" ")]


def _cell(pieces: list[Piece]) -> Line:
    """A table cell's pieces on one line: words joined by one space, glued pieces attached."""
    out: Line = []
    for k, q in enumerate(pieces):
        if k and not q.glue:
            out.append(Piece(" "))
        out.append(Piece(q.text, q.path))
    return out


def _joined(cells: list[Line], sep: str) -> Line:
    out: Line = []
    for k, cell in enumerate(cells):
        if k:
            out.append(Piece(sep))
        out.extend(cell)
    return out


def _table(c: Canvas, s: Sample, spec: TableSpec, v: Variant, style: str, rng: random.Random) -> None:
    rows: list[Row] = table_rows(s, spec, v)
    c.line(plain(_md(spec.title, style, bold=True)))
    c.line()
    keys = [k for k, _, _ in spec.columns]
    pipe = style == "markdown" and v.pipe_table
    # pipe tables need one header cell per column: a group caption heads its first sub-column
    captions = (
        [cap for cap, n in spec.groups for cap in [cap] + [""] * (n - 1)]
        if pipe
        else [cap for cap, _ in spec.groups]
    )
    sep = " | " if pipe else "\t"
    wrap_pipe = (lambda ln: [Piece("| "), *ln, Piece(" |")]) if pipe else (lambda ln: ln)
    c.line(wrap_pipe(_joined([plain(x) for x in captions], sep)))
    if pipe:
        c.line(plain("|" + "---|" * len(captions)))
    subs = [sub for _, _, sub in spec.columns]
    c.line(wrap_pipe(_joined([plain(x) for x in subs], sep)))
    split_owned = style == "tabbed" and "owned" in keys and rng.random() < 0.6
    for row in rows:
        cells = [_cell(row.get(k, [])) for k in keys]
        if split_owned:  # seed 002: the figure owned following sits on the next line, under column 5
            cut = keys.index("owned")
            c.line(_joined(cells[:cut], "\t"))
            c.line(_joined([[] for _ in range(cut)] + cells[cut:], "\t"))
        elif style == "scrambled":
            first: list[Line] = []
            later: list[Line] = []
            for cell in cells:
                (later if cell and rng.random() < 0.3 else first).append(cell)
            c.line(_joined(first, "\t"))
            for cell in later:
                c.line(cell)
        else:
            c.line(wrap_pipe(_joined(cells, sep)))
    c.line()


def render_linear(s: Sample, v: Variant, style: str, rng: random.Random) -> Canvas:
    """A whole form in the ``tabbed``, ``markdown`` or ``scrambled`` style."""
    c = Canvas()
    base = s.form_type[0]
    title, omb = _TITLES[base]
    br = "  " if style == "markdown" else ""
    c.line(plain(_md(f"FORM {base}", style, bold=True)))
    c.line()
    c.line(plain(_md("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", style, bold=True) + br))
    c.line(plain("Washington, D.C. 20549"))
    c.line()
    c.line(plain("OMB APPROVAL"))
    c.line()
    c.line(plain(f"OMB Number: {omb}{br}"))
    c.line(plain("Estimated average burden hours per response... 0.5"))
    c.line()
    c.line(plain(_md(title, style, bold=True)))
    c.line()
    c.line(plain(FILED_PURSUANT))
    c.line()
    c.line(plain("(Print or Type Responses)"))
    c.line()
    paras = _header_paragraphs(s, v, style)
    if style == "scrambled":
        _scrambled_header(c, paras, rng)
    else:
        for para in paras:
            for line in para:
                c.line([*line, Piece(br)] if br and line else line)  # markdown hard line break
            c.line()
    t1, t2 = table_specs(s.form_type)
    _table(c, s, t1, v, style, rng)
    c.line(plain(REMINDER))
    c.line()
    c.line(plain(_md(PERSONS, style, bold=True)))
    c.line()
    c.line(plain("SEC 1474 (9-02)"))
    c.line()
    _table(c, s, t2, v, style, rng)
    _owners(c, s, v, style)
    c.line(plain(_md("Signatures", style, bold=True)))
    c.line()
    for i, sig in enumerate(s.filing.signatures):
        c.line(
            [
                Piece(sig.name or "", f"signatures[{i}].name"),
                Piece("\t"),
                Piece(fmt_date(sig.date), f"signatures[{i}].date"),
            ]
        )
    c.line(plain(_md("**Signature of Reporting Person", style) + "\tDate"))
    c.line()
    c.line(plain(_md("Explanation of Responses:", style, bold=True)))
    c.line()
    c.line(plain(_md("* ", style) + EXPLANATION_STAR))
    c.line(plain(_md("** ", style) + EXPLANATION_STARS))
    fn_index = footnote_index(s.filing)
    for i, fn in enumerate(s.filing.footnotes):
        mark = markers([fn.id or str(i + 1)], Variant(marker="paren"), fn_index)
        c.line([*mark, Piece(" "), Piece(fn.text or "", f"footnotes[{i}].text")])
    if s.filing.remarks:
        c.line()
        c.line(plain("Remarks:"))
        c.line([Piece(s.filing.remarks, "remarks")])
    c.line()
    c.line(plain(NOTE))
    return c


def _owners(c: Canvas, s: Sample, v: Variant, style: str) -> None:
    c.line(plain(_md("Reporting Owners", style, bold=True)))
    c.line()
    c.line(plain("Reporting Owner Name / Address\tRelationships"))
    c.line(plain("\tDirector\t10% Owner\tOfficer\tOther"))
    for i, o in enumerate(s.filing.reporting_owners):
        p = f"reporting_owners[{i}]"
        cells: list[Line] = [[Piece(o.name or "", f"{p}.name")]]
        for flag, text_key in (
            ("is_director", None),
            ("is_ten_percent_owner", None),
            ("is_officer", "officer_title"),
            ("is_other", "other_text"),
        ):
            text = getattr(o, text_key) if text_key else None
            if text:
                cells.append([Piece(text, f"{p}.{text_key}")])
            elif getattr(o, flag):
                cells.append([Piece("X", f"{p}.{flag}")])
            else:
                cells.append([])
        c.line(_joined(cells, "\t"))
        c.line([Piece(o.street1 or "", f"{p}.street1")])
        if o.street2:
            c.line([Piece(o.street2, f"{p}.street2")])
        c.line(
            [
                Piece(o.city or "", f"{p}.city"),
                Piece(", "),
                Piece(o.state or "", f"{p}.state"),
                Piece(" "),
                Piece(o.zip_code or "", f"{p}.zip_code"),
            ]
        )
    c.line()


def _scrambled_header(c: Canvas, paras: list[list[Line]], rng: random.Random) -> None:
    """Seed 000's reading order: the three header columns read line by line, cells joined by TABs, with
    the caption and its value sometimes on one line and the boxes' lines interleaved."""
    flat = [
        [_joined([ln for ln in para if ln], " ")] if rng.random() < 0.4 else [ln for ln in para if ln]
        for para in paras
    ]
    cols = [flat[0], flat[1] + flat[2] + flat[3], flat[4] + flat[5]]
    height = max(len(col) for col in cols)
    for r in range(height):
        cells = [col[r] for col in cols if r < len(col)]
        if rng.random() < 0.25 and len(cells) > 1:
            for cell in cells:
                c.line(cell)
            c.line()
        else:
            c.line(_joined(cells, "\t" * rng.randint(1, 3)))
