"""Sample Forms 3/4/5 records: real EDGAR records recombined and perturbed, or synthetic ones built from
real value pools (census names, Form D issuers and addresses).

``sample_filing(rng, pools)`` returns a :class:`Sample`: the form type, the ``OwnershipFiling`` (the gold
record, exactly the values the renderers print) and ``refs`` — which footnote ids each value cites (the
record flattens ``{value, footnoteId}``, so the citations live beside it, keyed by field path).

Every random choice comes from the ``random.Random`` passed in; the pools are loaded once per data
directory and never change, so a seed gives the same record.
"""

from __future__ import annotations

import copy
import csv
import functools
import importlib.resources
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from extractor.records import (
    DerivativeHolding,
    DerivativeTransaction,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipFiling,
    ReportingOwner,
    Signature,
)

DATA_DIR = Path("/work/shared/data")
LAST_NAMES_TOP = 20_000  # census surnames kept (the long tail is mostly one-off spellings)

FORM_TYPES = (("4", 70), ("3", 10), ("5", 6), ("4/A", 10), ("3/A", 2), ("5/A", 2))
# Transaction codes with roughly their share of EDGAR Form 4 rows; (code, weight, acquired/disposed).
TX_CODES = (
    ("S", 30, "D"),
    ("A", 18, "A"),
    ("M", 14, "A"),
    ("F", 10, "D"),
    ("P", 9, "A"),
    ("G", 5, "D"),
    ("C", 4, "A"),
    ("J", 4, "D"),
    ("X", 3, "A"),
    ("D", 2, "D"),
    ("W", 1, "D"),
)
EQUITY_TITLES = (
    ("Common Stock", 50),
    ("Class A Common Stock", 15),
    ("Class B Common Stock", 5),
    ("Common Shares", 4),
    ("Ordinary Shares", 3),
    ("Common Stock, par value $0.001 per share", 3),
    ("Series B Preferred Stock", 2),
    ("American Depositary Shares", 1),
)
DERIVATIVE_TITLES = (
    ("Stock Option (Right to Buy)", 30),
    ("Stock Option (right to buy)", 15),
    ("Restricted Stock Units", 20),
    ("Performance Stock Units", 5),
    ("Warrant (right to buy)", 5),
    ("Series B Preferred Stock", 4),
    ("Series D Convertible Preferred Stock", 3),
    ("Employee Stock Option (right to buy)", 6),
    ("Convertible Note", 2),
)
OFFICER_TITLES = (
    "Chief Executive Officer",
    "Chief Financial Officer",
    "President and CEO",
    "EVP, General Counsel",
    "Chief Operating Officer",
    "SVP, Chief Accounting Officer",
    "Chairman, CEO and President",
    "Chief Technology Officer",
    "VP, Sales",
    "Senior Vice President",
    "Chief Strategy & Tech Officer",
    "Secretary",
)
OTHER_TEXTS = ("Member of 10% owner group", "See Remarks", "Former Director", "Director by deputization")
NATURES = (
    "By Trust",
    "By Spouse",
    "By LLC",
    "By estate planning vehicle",
    "See footnote",
    "By Family Trust",
    "By 401(k) Plan",
    "By Children",
    "Held by {fund}",
    "{fund}",
)
FUND_WORDS = ("Capital", "Ventures", "Partners", "Growth", "Opportunity", "Holdings", "Investors", "Equity")
FOOTNOTES = (
    "The price reported in Column 4 is a weighted average price. These shares were sold in multiple "
    "transactions at prices ranging from ${lo} to ${hi}, inclusive.",
    "Each restricted stock unit represents a contingent right to receive one share of the Issuer's "
    "{title} upon settlement.",
    "The shares are held by {fund}. The Reporting Person disclaims beneficial ownership of such shares "
    "except to the extent of his or her pecuniary interest therein.",
    "The option vests in 48 equal monthly installments beginning on {date}.",
    "Represents shares withheld by the Issuer to satisfy tax withholding obligations upon vesting of "
    "restricted stock units.",
    "The sales reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan adopted by "
    "the Reporting Person on {date}.",
    "The option is fully vested and immediately exercisable.",
    "Includes {n} shares acquired under the Issuer's Employee Stock Purchase Plan on {date}.",
)
SIGNATURE_FORMS = (
    "/s/ {name}",
    "/s/ {agent}, Attorney-in-Fact",
    "/s/ {agent}, attorney-in-fact",
    "/s/ {agent}, Attorney-in-Fact for {name}",
    "{name}",
)
_ISSUER_SUFFIX = re.compile(
    r"[,.]?\s+(inc|corp|corporation|co|ltd|llc|plc|holdings|company)\.?$", re.IGNORECASE
)


@dataclass(frozen=True)
class Address:
    street1: str
    street2: str | None
    city: str
    state: str
    zip_code: str


@dataclass
class ValuePools:
    """Real values to draw from; built once by :func:`load_pools`."""

    last_names: list[str]
    last_weights: list[float]
    first_names: list[str]
    first_weights: list[float]
    issuers: list[str]
    addresses: list[Address]
    records: list[OwnershipFiling]


@dataclass
class Sample:
    form_type: str
    filing: OwnershipFiling
    refs: dict[str, list[str]] = field(default_factory=dict)  # field path -> footnote ids it cites
    source: str = "synthetic"  # or "real:<xml name>"


# ------------------------------------------------------------------------------------------ pools
def _census(name: str, limit: int) -> tuple[list[str], list[float]]:
    names: list[str] = []
    weights: list[float] = []
    text = importlib.resources.files("names").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines()[:limit]:
        parts = line.split()
        if len(parts) >= 2:
            names.append(parts[0])
            weights.append(max(float(parts[1]), 0.001))
    return names, weights


@functools.lru_cache(maxsize=4)
def load_pools(data_dir: Path = DATA_DIR) -> ValuePools:
    """Census names, Form D issuers (corporations) and US addresses, and the real ownership records."""
    from extractor.edgar_xml.importer import import_file

    last, lw = _census("dist.all.last", LAST_NAMES_TOP)
    male, mw = _census("dist.male.first", 5000)
    female, fw = _census("dist.female.first", 5000)
    issuers: list[str] = []
    addresses: list[Address] = []
    for path in sorted((data_dir / "xml/formd/tables").glob("ISSUERS_*.tsv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                state, zip_code = row.get("STATEORCOUNTRY") or "", (row.get("ZIPCODE") or "")[:5]
                if len(state) == 2 and state.isalpha() and zip_code.isdigit() and row.get("STREET1"):
                    addresses.append(
                        Address(row["STREET1"], row.get("STREET2") or None, row["CITY"], state, zip_code)
                    )
                if row.get("ENTITYTYPE") == "Corporation" and row.get("ENTITYNAME"):
                    issuers.append(row["ENTITYNAME"])
    records: list[OwnershipFiling] = []
    for path in sorted((data_dir / "xml/ownership").glob("*.xml")):
        for env in import_file(path).envelopes:
            if isinstance(env.filing, OwnershipFiling):
                records.append(env.filing)
    return ValuePools(last, lw, male + female, mw + fw, sorted(set(issuers)), addresses, records)


# ------------------------------------------------------------------------------------ small draws
def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([t[0] for t in table], weights=[t[1] for t in table])[0]


@dataclass(frozen=True)
class Person:
    first: str
    middle: str | None
    last: str

    def edgar(self, upper: bool) -> str:
        """EDGAR order ``LAST FIRST M`` (``Levchin Max R`` when filed in mixed case)."""
        parts = [self.last, self.first, self.middle or ""]
        text = " ".join(p for p in parts if p)
        return text.upper() if upper else " ".join(p.capitalize() for p in text.split())

    def natural(self) -> str:
        mid = f" {self.middle}." if self.middle else ""
        return f"{self.first.capitalize()}{mid} {self.last.capitalize()}"


def draw_person(rng: random.Random, pools: ValuePools) -> Person:
    last = rng.choices(pools.last_names, weights=pools.last_weights)[0]
    first = rng.choices(pools.first_names, weights=pools.first_weights)[0]
    middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.6 else None
    return Person(first, middle, last)


def ticker_for(name: str, rng: random.Random) -> str:
    """A plausible ticker from the issuer name: initials, or the first letters of the first word."""
    words = [w for w in re.findall(r"[A-Za-z]+", _ISSUER_SUFFIX.sub("", name)) if w]
    if not words:
        return "XYZ"
    if len(words) >= 2 and rng.random() < 0.5:
        tick = "".join(w[0] for w in words[:4])
    else:
        tick = words[0][: rng.randint(2, 4)]
    return tick.upper()


def draw_date(rng: random.Random, lo: int = 2003, hi: int = 2024) -> date:
    return date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def _price(rng: random.Random) -> float:
    base = round(rng.lognormvariate(3.0, 1.0), rng.choice([2, 2, 2, 4, 0]))
    return max(base, 0.01)


def _shares(rng: random.Random) -> float:
    n = int(rng.lognormvariate(8.0, 1.6)) + 1
    if rng.random() < 0.05:
        return n + 0.5
    return float(n)


def _fund(rng: random.Random, pools: ValuePools) -> str:
    base = rng.choice(pools.issuers)
    base = _ISSUER_SUFFIX.sub("", base).strip(" ,")
    return f"{base} {rng.choice(FUND_WORDS)} Fund {rng.choice(['I', 'II', 'III', 'IV', 'XV'])}, L.P."


# --------------------------------------------------------------------------------------- owners
def _owner(rng: random.Random, pools: ValuePools, issuer: str, upper: bool) -> ReportingOwner:
    person = draw_person(rng, pools)
    addr = rng.choice(pools.addresses)
    street1, street2 = addr.street1, addr.street2
    if rng.random() < 0.3:
        street1 = f"C/O {issuer}, {street1}"
    if upper:
        street1, street2 = street1.upper(), street2.upper() if street2 else None
    is_officer = rng.random() < 0.45
    is_director = rng.random() < (0.35 if is_officer else 0.8)
    is_ten = rng.random() < 0.12
    is_other = not (is_officer or is_director or is_ten) or rng.random() < 0.03
    return ReportingOwner(
        name=person.edgar(upper),
        street1=street1,
        street2=street2,
        city=addr.city.upper() if upper else addr.city,
        state=addr.state,
        zip_code=addr.zip_code,
        is_director=is_director,
        is_officer=is_officer,
        is_ten_percent_owner=is_ten,
        is_other=is_other,
        officer_title=rng.choice(OFFICER_TITLES) if is_officer else None,
        other_text=rng.choice(OTHER_TEXTS) if is_other else None,
    )


def _co_owner(rng: random.Random, pools: ValuePools, first: ReportingOwner) -> ReportingOwner:
    """A co-filer: a fund or a second person at the first owner's address, ten-percent owner or other."""
    name = _fund(rng, pools) if rng.random() < 0.6 else draw_person(rng, pools).edgar(True)
    return ReportingOwner(
        name=name,
        street1=first.street1,
        street2=first.street2,
        city=first.city,
        state=first.state,
        zip_code=first.zip_code,
        is_director=False,
        is_officer=False,
        is_ten_percent_owner=True,
        is_other=False,
    )


# ----------------------------------------------------------------------------------- the tables
@dataclass
class _Builder:
    rng: random.Random
    pools: ValuePools
    footnotes: list[Footnote] = field(default_factory=list)
    refs: dict[str, list[str]] = field(default_factory=dict)
    period: date = date(2020, 1, 2)

    def cite(self, path: str, text: str) -> None:
        """Add footnote ``text`` (or reuse it) and make ``path`` cite it."""
        for fn in self.footnotes:
            if fn.text == text and fn.id:
                self.refs.setdefault(path, []).append(fn.id)
                return
        fid = str(len(self.footnotes) + 1)
        self.footnotes.append(Footnote(id=fid, text=text))
        self.refs.setdefault(path, []).append(fid)

    def maybe_cite(self, path: str, p: float, **kw: str) -> None:
        if self.rng.random() < p:
            template = self.rng.choice(FOOTNOTES)
            when = (self.period - timedelta(days=self.rng.randint(30, 400))).strftime("%B %d, %Y")
            self.cite(path, template.format(**{**_FOOTNOTE_DEFAULTS, "date": when, **kw}))


_FOOTNOTE_DEFAULTS = {"lo": "10.00", "hi": "10.50", "title": "Common Stock", "fund": "the Fund", "n": "100"}


def _non_derivative(b: _Builder, title: str, period: date, n: int) -> list[NonDerivativeTransaction]:
    rng = b.rng
    held = _shares(rng) * rng.choice([1, 3, 10])
    price = _price(rng)
    rows: list[NonDerivativeTransaction] = []
    day = period
    for i in range(n):
        code = rng.choices([c[0] for c in TX_CODES], weights=[c[1] for c in TX_CODES])[0]
        ad = next(c[2] for c in TX_CODES if c[0] == code)
        shares = _shares(rng)
        if ad == "D" and held < 1:  # nothing left to sell: this row buys instead
            code, ad = "P", "A"
        if ad == "D":
            shares = min(shares, held)
            held -= shares
        else:
            held += shares
        tx_price: float | None = round(price * rng.uniform(0.97, 1.03), 4 if price < 1 else 2)
        if code in ("A", "G") or (code == "J" and rng.random() < 0.5):
            tx_price = 0.0 if rng.random() < 0.7 else None
        path = f"non_derivative_transactions[{i}]"
        rows.append(
            NonDerivativeTransaction(
                security_title=title,
                transaction_date=day.isoformat(),
                deemed_execution_date=day.isoformat() if rng.random() < 0.05 else None,
                transaction_code=code,
                equity_swap_involved=False,
                transaction_shares=shares,
                transaction_price_per_share=tx_price,
                transaction_acquired_disposed_code=ad,
                shares_owned_following_transaction=held,
                direct_or_indirect_ownership="D",
            )
        )
        if code == "S" and tx_price:
            lo, hi = f"{tx_price * 0.99:.2f}", f"{tx_price * 1.01:.2f}"
            b.maybe_cite(f"{path}.transaction_price_per_share", 0.35, lo=lo, hi=hi)
        b.maybe_cite(f"{path}.shares_owned_following_transaction", 0.1, n=f"{int(shares):,}")
        if rng.random() < 0.3:
            day = day + timedelta(days=rng.randint(0, 2))
    return rows


def _holdings(b: _Builder, title: str, n: int) -> list[NonDerivativeHolding]:
    rows = []
    for i in range(n):
        nature = b.rng.choice(NATURES).format(fund=_fund(b.rng, b.pools))
        rows.append(
            NonDerivativeHolding(
                security_title=title,
                shares_owned_following_transaction=_shares(b.rng) * 10,
                direct_or_indirect_ownership="I",
                nature_of_ownership=nature,
            )
        )
        b.maybe_cite(f"non_derivative_holdings[{i}].nature_of_ownership", 0.5, fund=nature)
    return rows


def _derivative(b: _Builder, title: str, period: date, n: int, holding: bool) -> list[DerivativeTransaction]:
    rng = b.rng
    dtitle = _weighted(rng, DERIVATIVE_TITLES)
    is_unit = "Units" in dtitle
    rows = []
    for i in range(n):
        grant = period - timedelta(days=rng.randint(0, 3000))
        shares = _shares(rng)
        code = rng.choice(["A", "A", "M", "M", "X", "C", "F"])
        ad = "A" if code == "A" else "D"
        price = None if is_unit else round(_price(rng), 2)
        row = DerivativeTransaction(
            security_title=dtitle,
            conversion_or_exercise_price=price,
            exercise_date=None if rng.random() < 0.25 else (grant + timedelta(days=365)).isoformat(),
            expiration_date=None if is_unit else (grant + timedelta(days=3650 - 1)).isoformat(),
            underlying_security_title=title,
            underlying_security_shares=shares,
            shares_owned_following_transaction=shares if ad == "A" else rng.choice([0.0, shares * 2]),
            direct_or_indirect_ownership="D",
        )
        if not holding:
            row.transaction_date = period.isoformat()
            row.transaction_code = code
            row.equity_swap_involved = False
            row.transaction_shares = shares
            row.transaction_price_per_share = 0.0 if rng.random() < 0.7 else None
            row.transaction_acquired_disposed_code = ad
        path = f"derivative_{'holdings' if holding else 'transactions'}[{i}]"
        if row.exercise_date is None:
            b.cite(
                f"{path}.exercise_date",
                rng.choice(FOOTNOTES[3:4] + FOOTNOTES[6:7]).format(date=grant.strftime("%B %d, %Y")),
            )
        if is_unit:
            b.cite(f"{path}.conversion_or_exercise_price", FOOTNOTES[1].format(title=title))
        rows.append(row)
    return rows


def synthetic_filing(rng: random.Random, pools: ValuePools, form_type: str) -> Sample:
    """A record drawn from the pools: 1-3 owners, tables that add up, footnotes cited by values."""
    issuer = rng.choice(pools.issuers)
    upper = rng.random() < 0.75
    owners = [_owner(rng, pools, issuer.upper() if upper else issuer, upper)]
    for _ in range(rng.choices([0, 1, 2], weights=[80, 14, 6])[0]):
        owners.append(_co_owner(rng, pools, owners[0]))
    period = draw_date(rng)
    b = _Builder(rng, pools, period=period)
    title = _weighted(rng, EQUITY_TITLES)
    base = form_type[0]
    filing = OwnershipFiling(
        period_of_report=period.isoformat(),
        issuer=Issuer(name=issuer, trading_symbol=ticker_for(issuer, rng)),
        reporting_owners=owners,
    )
    if base == "3":
        filing.non_derivative_holdings = _holdings(b, title, rng.randint(0, 3))
        filing.derivative_holdings = [
            DerivativeHolding(
                **{k: v for k, v in vars(d).items() if k in DerivativeHolding.__dataclass_fields__}
            )
            for d in _derivative(b, title, period, rng.randint(0, 2), holding=True)
        ]
    else:
        filing.non_derivative_transactions = _non_derivative(
            b, title, period, rng.choice([1, 1, 2, 2, 3, 4, 6, 9])
        )
        filing.non_derivative_holdings = _holdings(b, title, rng.choices([0, 1, 2], weights=[60, 30, 10])[0])
        if rng.random() < 0.35:
            filing.derivative_transactions = _derivative(b, title, period, rng.randint(1, 3), holding=False)
    if form_type.endswith("/A"):
        filing.date_of_original_submission = (period + timedelta(days=rng.randint(2, 40))).isoformat()
    filing.footnotes = b.footnotes
    signer = draw_person(rng, pools)
    sig_date = (period + timedelta(days=rng.randint(0, 4))).isoformat()
    for owner in owners[: rng.choice([1, len(owners)])]:
        name = Person(*_split_edgar(owner.name or "")).natural() if " " in (owner.name or "") else owner.name
        sig = rng.choice(SIGNATURE_FORMS).format(name=name, agent=signer.natural())
        filing.signatures.append(Signature(name=sig, date=sig_date))
    if rng.random() < 0.1:
        filing.remarks = rng.choice(["Exhibit 24 - Power of Attorney", "See Exhibit 99.1."])
    return Sample(form_type, filing, b.refs)


def _split_edgar(name: str) -> tuple[str, str | None, str]:
    parts = name.split()
    if len(parts) >= 3 and len(parts[2].rstrip(".")) == 1:
        return parts[1], parts[2].rstrip("."), parts[0]
    return (parts[1] if len(parts) > 1 else ""), None, parts[0]


def real_filing(rng: random.Random, pools: ValuePools) -> Sample:
    """A real EDGAR record, half the time moved to another issuer and owner, numbers scaled."""
    filing = copy.deepcopy(rng.choice(pools.records))
    for owner in filing.reporting_owners:
        owner.person_id = None
    for sig in filing.signatures:
        sig.person_id = None
    if rng.random() < 0.5:
        issuer = rng.choice(pools.issuers)
        filing.issuer = Issuer(name=issuer, trading_symbol=ticker_for(issuer, rng))
        if filing.reporting_owners:
            person = draw_person(rng, pools)
            filing.reporting_owners[0].name = person.edgar(True)
    scale = rng.choice([1.0, 1.0, 2.0, 0.5, 10.0])
    # Table I shares and holdings scale together, so owned-following = previous +/- shares still holds
    for tx in filing.non_derivative_transactions:
        if tx.transaction_shares is not None:
            tx.transaction_shares = float(round(tx.transaction_shares * scale))
        if tx.shares_owned_following_transaction is not None:
            tx.shares_owned_following_transaction = float(
                round(tx.shares_owned_following_transaction * scale)
            )
    for h in filing.non_derivative_holdings:
        if h.shares_owned_following_transaction is not None:
            h.shares_owned_following_transaction = float(round(h.shares_owned_following_transaction * scale))
    form_type = "3" if not (filing.non_derivative_transactions or filing.derivative_transactions) else "4"
    if filing.date_of_original_submission:
        form_type += "/A"
    refs: dict[str, list[str]] = {}
    ids = [f.id for f in filing.footnotes if f.id]
    if ids:  # the importer flattens footnoteId away: cite each footnote from some value of its table
        rows = [f"non_derivative_transactions[{i}]" for i in range(len(filing.non_derivative_transactions))]
        rows += [f"derivative_transactions[{i}]" for i in range(len(filing.derivative_transactions))]
        rows += [f"non_derivative_holdings[{i}]" for i in range(len(filing.non_derivative_holdings))]
        for fid in ids:
            if rows:
                leaf = (
                    "nature_of_ownership" if "holdings" in (row := rng.choice(rows)) else "transaction_date"
                )
                refs.setdefault(f"{row}.{leaf}", []).append(fid)
    return Sample(form_type, filing, refs, source="real")


def sample_filing(rng: random.Random, pools: ValuePools, *, real_share: float = 0.3) -> Sample:
    """One record: a (perturbed) real one with probability ``real_share``, else synthetic."""
    if pools.records and rng.random() < real_share:
        return real_filing(rng, pools)
    return synthetic_filing(rng, pools, _weighted(rng, FORM_TYPES))
