"""Form D arithmetic: line items sum to their totals, proceeds follow from the offering and its expenses.

Each rule is a linear relation over printed amounts (``sum(coef * value) == 0``):

- expense items sum to ``expenses.total``;
- securities offered (and sold) sum to the offering's total offering amount (and total sold);
- ``total_remaining = total_offering_amount - total_amount_sold``;
- ``adjusted_gross_proceeds = total_offering_amount - expenses.total``;
- use of proceeds (both columns, all rows) sums to ``adjusted_gross_proceeds``;
- investors' amounts sum to ``total_amount_sold``.

A relation that fails is repaired only when exactly one of its amounts has a forced value that is a
plausible OCR slip of what was printed (``checks.slips``) and the repair breaks no relation that held.
Otherwise: a warning, and its amounts lose confidence.

Trap: paper Form D prints many rows as ``$ -0-`` or leaves them blank, and amounts "to be determined"
are often left out of totals; a relation with an unknown term is therefore not checked at all (treating
a blank as 0 would flag half the filings).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.checks.context import CheckContext
from extractor.checks.slips import digit_slip
from extractor.records import FormDFiling

_TOLERANCE = 0.5  # dollars; paper forms round to cents at most
_EXPENSE_ITEMS = (
    "transfer_agent_fees",
    "printing_and_engraving_costs",
    "legal_fees",
    "accounting_fees",
    "engineering_fees",
    "sales_commissions",
    "finders_fees",
    "other",
)


@dataclass
class Term:
    """One amount of a relation: the object holding it, its attribute, its field path, its coefficient."""

    obj: object
    attr: str
    path: str
    coef: float

    @property
    def value(self) -> float | None:
        v = getattr(self.obj, self.attr)
        return None if v is None else float(v)


@dataclass
class Relation:
    """``sum(coef * value) == 0`` over ``terms``, named for the warning."""

    name: str
    terms: list[Term]

    def holds(self) -> bool | None:
        """``None`` when a term is unknown (the relation cannot be checked)."""
        values = [t.value for t in self.terms]
        if any(v is None for v in values) or len(values) < 2:
            return None
        total = sum(t.coef * v for t, v in zip(self.terms, values, strict=True) if v is not None)
        return abs(total) <= _TOLERANCE


def relations(filing: FormDFiling) -> list[Relation]:
    """Every relation the filing's record makes checkable."""
    out: list[Relation] = []
    exp, sales, inv = filing.expenses, filing.offering_sales_amounts, filing.investors
    if exp is not None and exp.total is not None:
        items = [Term(exp, a, f"expenses.{a}", 1.0) for a in _EXPENSE_ITEMS if getattr(exp, a) is not None]
        if items:
            out.append(
                Relation(
                    "expense items sum to the total", [*items, Term(exp, "total", "expenses.total", -1.0)]
                )
            )
    if sales is not None:
        rows = filing.securities_offered
        for attr, total in (
            ("aggregate_offering_price", "total_offering_amount"),
            ("amount_sold", "total_amount_sold"),
        ):
            if rows and getattr(sales, total) is not None:
                terms = [Term(r, attr, f"securities_offered[{i}].{attr}", 1.0) for i, r in enumerate(rows)]
                out.append(
                    Relation(
                        f"securities offered ({attr}) sum to {total}",
                        [*terms, Term(sales, total, f"offering_sales_amounts.{total}", -1.0)],
                    )
                )
        out.append(
            Relation(
                "total remaining = total offering amount - total sold",
                [
                    Term(sales, "total_offering_amount", "offering_sales_amounts.total_offering_amount", 1.0),
                    Term(sales, "total_amount_sold", "offering_sales_amounts.total_amount_sold", -1.0),
                    Term(sales, "total_remaining", "offering_sales_amounts.total_remaining", -1.0),
                ],
            )
        )
        if exp is not None:
            out.append(
                Relation(
                    "adjusted gross proceeds = total offering amount - total expenses",
                    [
                        Term(
                            sales,
                            "total_offering_amount",
                            "offering_sales_amounts.total_offering_amount",
                            1.0,
                        ),
                        Term(exp, "total", "expenses.total", -1.0),
                        Term(filing, "adjusted_gross_proceeds", "adjusted_gross_proceeds", -1.0),
                    ],
                )
            )
        if inv is not None and (inv.accredited_amount is not None or inv.non_accredited_amount is not None):
            terms = [
                Term(inv, a, f"investors.{a}", 1.0)
                for a in ("accredited_amount", "non_accredited_amount")
                if getattr(inv, a) is not None
            ]
            out.append(
                Relation(
                    "investors' amounts sum to the total sold",
                    [
                        *terms,
                        Term(sales, "total_amount_sold", "offering_sales_amounts.total_amount_sold", -1.0),
                    ],
                )
            )
    uses = [(i, u) for i, u in enumerate(filing.use_of_proceeds)]
    if uses and filing.adjusted_gross_proceeds is not None:
        terms = [
            Term(u, a, f"use_of_proceeds[{i}].{a}", 1.0)
            for i, u in uses
            for a in ("to_officers_directors_affiliates", "to_others")
            if getattr(u, a) is not None
        ]
        if terms:
            out.append(
                Relation(
                    "use of proceeds sums to the adjusted gross proceeds",
                    [*terms, Term(filing, "adjusted_gross_proceeds", "adjusted_gross_proceeds", -1.0)],
                )
            )
    return out


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.2f}"


def _try_repair(rel: Relation, rels: list[Relation], ctx: CheckContext) -> bool:
    held = [r for r in rels if r is not rel and r.holds()]
    found: list[tuple[Term, float, str]] = []
    for term in rel.terms:
        current = term.value
        if current is None:
            continue
        rest = sum(t.coef * (t.value or 0.0) for t in rel.terms if t is not term)
        forced = -rest / term.coef
        printed = ctx.printed(term.path) or _fmt(current)
        slip = (
            digit_slip(printed, forced) if forced >= 0 and not abs(forced - current) <= _TOLERANCE else None
        )
        if slip is None:
            continue
        old = getattr(term.obj, term.attr)
        setattr(term.obj, term.attr, forced)
        breaks = any(not r.holds() for r in held)
        setattr(term.obj, term.attr, old)
        if not breaks:
            found.append((term, forced, f"{slip} in the printed {printed.strip()!r}"))
    if len(found) != 1:
        return False
    term, forced, why = found[0]
    before = getattr(term.obj, term.attr)
    after: float = int(forced) if float(forced).is_integer() else round(forced, 2)
    setattr(term.obj, term.attr, after)
    ctx.repaired(term.path, before, after, f"OCR-damaged amount: {why}; forced by: {rel.name}")
    return True


def check_formd(filing: FormDFiling, ctx: CheckContext) -> None:
    """Repair amounts a failing relation forces uniquely; warn about and doubt the rest."""
    for _ in range(10):
        rels = relations(filing)
        if not any(_try_repair(r, rels, ctx) for r in rels if r.holds() is False):
            break
    for rel in relations(filing):
        if rel.holds() is False:
            shown = ", ".join(f"{t.path}={_fmt(t.value or 0.0)}" for t in rel.terms)
            ctx.warnings.append(f"Form D amounts do not add up ({rel.name}): {shown}; values kept")
            for t in rel.terms:
                ctx.doubt(t.path)
