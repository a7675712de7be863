"""Text and layout features of the form-type classifier.

Every hand feature is a small named function ``(view) -> float`` with a docstring; ``FEATURES`` lists them
in order and ``FEATURE_NAMES`` is what a saved model records. Matching is OCR-tolerant: titles are looked
up in a *compact* view of the text (upper case, letters and digits only, so ``S ecurities`` and
``Securities`` match), and a hashed character n-gram block of the first ``HEAD_CHARS`` characters gives the
estimator something to hold on to when a title is damaged beyond recognition.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

FEATURES_VERSION = "form_type_features.v2"
HEAD_CHARS = 3000
N_HASH_FEATURES = 2**13
HASH_NGRAM_RANGE = (3, 4)
# Only this many characters are examined at all: titles live at the top of a form.
SCAN_CHARS = 12000
# Body markers that make a title hit a form rather than a passing mention.
STRUCTURE_MARKERS = 3

# Title phrases in compact form (upper case, letters and digits only).
T_FORM3 = ("INITIALSTATEMENTOFBENEFICIALOWNERSHIP", "INITIALSTATEMENTOFBENEFIC")
T_FORM5 = ("ANNUALSTATEMENTOFCHANGESINBENEFICIAL", "ANNUALSTATEMENTOFCHANGES")
T_FORM4 = (
    "STATEMENTOFCHANGESINBENEFICIALOWNERSHIP",
    "STATEMENTOFCHANGESINBENEFIC",
    "CHANGESINBENEFICIALOWNERSHIP",
)
T_FORMD_PAPER = ("NOTICEOFSALEOFSECURITIES", "PURSUANTTOREGULATIOND", "UNIFORMLIMITEDOFFERINGEXEMPTION")
T_FORMD_ELECTRONIC = ("NOTICEOFEXEMPTOFFERINGOFSECURITIES", "NOTICEOFEXEMPTOFFERING")

# Structural markers: body wording each form family carries besides its title.
OWNERSHIP_MARKERS = (
    "NAMEANDADDRESSOFREPORTINGPERSON",
    "ISSUERNAMEANDTICKER",
    "RELATIONSHIPOFREPORTINGPERSON",
    "NONDERIVATIVESECURIT",
    "DERIVATIVESECURITIESACQUIRED",
    "DERIVATIVESECURITIESBENEFICIALLYOWNED",
    "INDIVIDUALORJOINTGROUPFILING",
    "EXPLANATIONOFRESPONSES",
    "SIGNATUREOFREPORTINGPERSON",
    "FILEDPURSUANTTOSECTION16A",
)
FORMD_MARKERS = (
    "BASICIDENTIFICATIONDATA",
    "NAMEOFISSUER",
    "ISSUERSIDENTITY",
    "RELATEDPERSONS",
    "FEDERALEXEMPTIONSANDEXCLUSIONS",
    "TYPEOFFILING",
    "OFFERINGANDSALESAMOUNTS",
    "TYPEOFBUSINESSORGANIZATION",
    "USEOFPROCEEDS",
    "SALESCOMPENSATION",
    "ACCREDITEDINVESTOR",
    "RULE506",
)

_WORD = re.compile(r"[A-Za-z0-9]+")
# Lookup table over code points 0..128 (128 stands for "anything beyond ASCII"): True for [A-Za-z0-9].
_ASCII_ALNUM = np.array([chr(i).isascii() and chr(i).isalnum() for i in range(128)] + [False])
# "FORM 4", "F0RM 4", "FORM4", "Form D" as a label; the digit or D must stand alone.
_FORM_LABEL = re.compile(r"\bF[O0o]RM\s{0,3}([345Dd])(?![A-Za-z0-9-])", re.IGNORECASE)
# Dates as written on forms, OCR-tolerant in the digits (callers require four real digits).
_DATE = re.compile(
    r"(?<![\w/])(?:[\dOolI]{1,2} ?[/.-] ?[\dOolI]{1,2} ?[/.-] ?(?:[\dOolIS]{4}(?!/)|[\dOolI]{2}(?![\w/]))"
    r"|\d{4}-\d{2}-\d{2}(?![\w/]))"
)
_DEBRIS = re.compile(r"[|'~`‘’]")
_STOP = re.compile(
    # box 1's captions too: plain pdftotext prints "(State)" / ... / box 3's date after box 4's label
    r"\b[5-7] ?\.|Individual|Relationship|Issuer|Table|Form filed|\((?:Street|City|State|Zip)\)",
    re.IGNORECASE,
)
_AMENDMENT_LABEL = re.compile(
    r"If\s{0,3}Amend\w{0,5},?\s{0,3}Date\s{0,3}Orig\w{0,5}(?:\s{0,4}Filed)?", re.IGNORECASE
)
_FILED = re.compile(r"Filed\s?", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"\(\s?Month\s?/\s?Day\s?/\s?Year\s?\)", re.IGNORECASE)
_MARK = (
    r"(?:\[\s?[xX✓✔]\s?\]|\(\s?[xX]\s?\)|_{1,4}[xX]_{1,4}|[☒☑■✓✔]|\|\s?[xX]\s?\|"
    r"|(?<![A-Za-z0-9])[xX](?![A-Za-z0-9]))"
)
# "Amendment" with at most one OCR split or debris character between letters (linear, no nesting).
_AMENDMENT_WORD = "".join(c + r"[ .'|~]?" for c in "Amendmen") + "t"
_MARKED_AMENDMENT = re.compile(_MARK + r"[ \t|'~.]{0,3}" + _AMENDMENT_WORD, re.IGNORECASE)
_MARKED_NEW = re.compile(_MARK + r"[ \t]{0,3}New\s(?:Filing|Notice)\b", re.IGNORECASE)
_AMENDMENT_YES = re.compile(r"\bAmendment\b[ \t:?]{0,4}\b(?:Yes|True)\b", re.IGNORECASE)


def compact(text: str) -> str:
    """Upper-case letters and digits only: the OCR-tolerant view titles are matched in."""
    return "".join(_WORD.findall(text)).upper()


@dataclass
class TextView:
    """One document prepared once for every feature function."""

    text: str
    scan: str = field(init=False)

    def __post_init__(self) -> None:
        self.scan = self.text[:SCAN_CHARS]

    @cached_property
    def compact(self) -> str:
        """Compact form of the scanned part."""
        return compact(self.scan)

    @cached_property
    def n_lines(self) -> int:
        """Number of lines in the scanned part (at least 1)."""
        return max(1, self.scan.count("\n") + 1)

    @cached_property
    def form_labels(self) -> list[tuple[str, int]]:
        """Form labels (``3``, ``4``, ``5``, ``D``) with their character offsets."""
        return [(m.group(1).upper(), m.start()) for m in _FORM_LABEL.finditer(self.scan)]

    def relative_line(self, offset: int) -> float:
        """Line position of a character offset, 0 = first line, 1 = last scanned line."""
        return self.scan.count("\n", 0, offset) / self.n_lines

    def first_compact_hit(self, phrases: Sequence[str]) -> float:
        """Position (0..1) of the earliest phrase hit in the compact view, or -1 when none occurs."""
        hits = [pos for pos in (self.compact.find(p) for p in phrases) if pos >= 0]
        if not hits:
            return -1.0
        return min(hits) / max(1, len(self.compact))


def _has(view: TextView, phrases: Sequence[str]) -> float:
    return 1.0 if any(p in view.compact for p in phrases) else 0.0


def _title_pos(view: TextView, phrases: Sequence[str]) -> float:
    pos = view.first_compact_hit(phrases)
    return 1.0 - pos if pos >= 0 else 0.0


def _label_count(view: TextView, label: str) -> float:
    return math.log1p(sum(1 for lab, _ in view.form_labels if lab == label))


def _first_label_is(view: TextView, label: str) -> float:
    labels = view.form_labels
    return 1.0 if labels and labels[0][0] == label else 0.0


def count_markers(view: TextView, markers: Sequence[str]) -> int:
    """How many of ``markers`` occur in the compact view."""
    return sum(1 for m in markers if m in view.compact)


def _markers(view: TextView, markers: Sequence[str]) -> float:
    return sum(1 for m in markers if m in view.compact) / len(markers)


def form3_title(view: TextView) -> float:
    """'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP' (the Form 3 title) appears."""
    return _has(view, T_FORM3)


def form4_title(view: TextView) -> float:
    """'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP' appears (Form 4; Form 5 prefixes 'ANNUAL')."""
    return _has(view, T_FORM4)


def form5_title(view: TextView) -> float:
    """'ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP' (the Form 5 title) appears."""
    return _has(view, T_FORM5)


def formd_paper_title(view: TextView) -> float:
    """Paper-era Form D title 'NOTICE OF SALE OF SECURITIES PURSUANT TO REGULATION D' appears."""
    return _has(view, T_FORMD_PAPER)


def formd_electronic_title(view: TextView) -> float:
    """Electronic Form D title 'Notice of Exempt Offering of Securities' appears."""
    return _has(view, T_FORMD_ELECTRONIC)


def form3_title_position(view: TextView) -> float:
    """How early the Form 3 title occurs (1 = at the top, 0 = absent)."""
    return _title_pos(view, T_FORM3)


def form4_title_position(view: TextView) -> float:
    """How early the Form 4 title occurs (1 = at the top, 0 = absent)."""
    return _title_pos(view, T_FORM4)


def form5_title_position(view: TextView) -> float:
    """How early the Form 5 title occurs (1 = at the top, 0 = absent)."""
    return _title_pos(view, T_FORM5)


def formd_title_position(view: TextView) -> float:
    """How early either Form D title occurs (1 = at the top, 0 = absent)."""
    return _title_pos(view, T_FORMD_PAPER + T_FORMD_ELECTRONIC)


def form3_label_count(view: TextView) -> float:
    """log(1 + number of 'FORM 3' labels)."""
    return _label_count(view, "3")


def form4_label_count(view: TextView) -> float:
    """log(1 + number of 'FORM 4' labels)."""
    return _label_count(view, "4")


def form5_label_count(view: TextView) -> float:
    """log(1 + number of 'FORM 5' labels)."""
    return _label_count(view, "5")


def formd_label_count(view: TextView) -> float:
    """log(1 + number of 'FORM D' labels)."""
    return _label_count(view, "D")


def first_label_form3(view: TextView) -> float:
    """The first form label in the text is 'FORM 3'."""
    return _first_label_is(view, "3")


def first_label_form4(view: TextView) -> float:
    """The first form label in the text is 'FORM 4'."""
    return _first_label_is(view, "4")


def first_label_form5(view: TextView) -> float:
    """The first form label in the text is 'FORM 5'."""
    return _first_label_is(view, "5")


def first_label_formd(view: TextView) -> float:
    """The first form label in the text is 'FORM D'."""
    return _first_label_is(view, "D")


def first_label_line_position(view: TextView) -> float:
    """Relative line position of the first form label (1 = first line, 0 = absent or last line)."""
    labels = view.form_labels
    return 1.0 - view.relative_line(labels[0][1]) if labels else 0.0


def table1_present(view: TextView) -> float:
    """A 'Table I - Non-Derivative Securities' heading appears."""
    return _has(view, ("TABLEINONDERIVATIVE", "NONDERIVATIVESECURITIESACQUIRED"))


def table2_present(view: TextView) -> float:
    """A 'Table II - Derivative Securities' heading appears."""
    return _has(view, ("TABLEIIDERIVATIVE", "DERIVATIVESECURITIESACQUIREDDISPOSED"))


def holdings_only_tables(view: TextView) -> float:
    """Table I reads 'Securities Beneficially Owned' without 'Acquired, Disposed of' (Form 3 tables)."""
    c = view.compact
    return 1.0 if "NONDERIVATIVESECURITIESBENEFICIALLYOWNED" in c and "ACQUIREDDISPOSEDOF" not in c else 0.0


def form5_checkboxes(view: TextView) -> float:
    """Form 5's 'Form 3 Holdings Reported' / 'Form 4 Transactions Reported' boxes appear."""
    return _has(view, ("FORM3HOLDINGSREPORTED", "FORM4TRANSACTIONSREPORTED"))


def date_of_event_field(view: TextView) -> float:
    """Form 3's 'Date of Event Requiring Statement' field appears."""
    return _has(view, ("DATEOFEVENTREQUIRINGSTATEMENT",))


def earliest_transaction_field(view: TextView) -> float:
    """Form 4's 'Date of Earliest Transaction' field appears."""
    return _has(view, ("DATEOFEARLIESTTRANSACTION",))


def fiscal_year_field(view: TextView) -> float:
    """Form 5's 'Statement for Issuer's Fiscal Year Ended' field appears."""
    return _has(view, ("FISCALYEARENDED",))


def ownership_markers(view: TextView) -> float:
    """Share of Forms 3/4/5 body markers present (reporting person, issuer ticker, tables, ...)."""
    return _markers(view, OWNERSHIP_MARKERS)


def formd_markers(view: TextView) -> float:
    """Share of Form D body markers present (basic identification data, related persons, ...)."""
    return _markers(view, FORMD_MARKERS)


def omb_number(view: TextView) -> float:
    """An 'OMB Number' box appears (every SEC form carries one)."""
    return _has(view, ("OMBNUMBER", "OMBAPPROVAL"))


def amendment_date_filled(view: TextView) -> float:
    """The 'If Amendment, Date Original Filed' field is followed by a date (Forms 3/4/5 amendments)."""
    return 1.0 if original_filed_date(view.scan) else 0.0


def formd_amendment_marked(view: TextView) -> float:
    """Form D's 'Amendment' box is marked (X, [X], ☒ ...) or answered 'Yes'."""
    return 1.0 if formd_amendment_box(view.scan) else 0.0


def formd_new_marked(view: TextView) -> float:
    """Form D's 'New Filing' / 'New Notice' box is marked."""
    return 1.0 if _MARKED_NEW.search(view.scan) else 0.0


def ownership_structure(view: TextView) -> float:
    """A Forms 3/4/5 title or label together with at least three body markers (not a passing mention)."""
    titled = _has(view, T_FORM3 + T_FORM4 + T_FORM5) or any(lab in "345" for lab, _ in view.form_labels)
    return 1.0 if titled and count_markers(view, OWNERSHIP_MARKERS) >= STRUCTURE_MARKERS else 0.0


def formd_structure(view: TextView) -> float:
    """A Form D title or label together with at least three body markers (not a passing mention)."""
    titled = _has(view, T_FORMD_PAPER + T_FORMD_ELECTRONIC) or any(lab == "D" for lab, _ in view.form_labels)
    return 1.0 if titled and count_markers(view, FORMD_MARKERS) >= STRUCTURE_MARKERS else 0.0


def text_length(view: TextView) -> float:
    """log10 of the text length (forms are 2-60 kB; prose snippets are often shorter)."""
    return math.log10(1 + len(view.text)) / 6


def compact_with_offsets(text: str) -> tuple[str, list[int]]:
    """Compact view of ``text`` (ASCII letters and digits only, upper-cased) with, for each of its
    characters, the offset it came from.

    Vectorised with numpy: a per-character Python loop here once took half the extraction time.
    """
    if not text:
        return "", []
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    mask = _ASCII_ALNUM[np.minimum(codes, 128)]
    kept = codes[mask]
    return kept.tobytes().decode("utf-32-le").upper(), np.flatnonzero(mask).tolist()


def _amendment_anchors(scan: str) -> list[tuple[int, int]]:
    """(start, end) offsets of 'If Amendment, Date Original [Filed]' labels, found in the compact view."""
    chars, offsets = compact_with_offsets(scan)
    anchors: set[tuple[int, int]] = set()
    for phrase in ("DATEORIGINAL", "AMENDMENTDATE", "ORIGINALFILED"):
        pos = chars.find(phrase)
        while pos >= 0 and len(anchors) < 12:
            anchors.add((offsets[pos], offsets[pos + len(phrase) - 1] + 1))
            pos = chars.find(phrase, pos + 1)
    return sorted(anchors)


def _find_date(cell: str) -> str | None:
    """First date in ``cell`` with at least four real digits, OCR debris (``| ' ~``) ignored."""
    for m in _DATE.finditer(_DEBRIS.sub("", cell)):
        if sum(ch.isdigit() for ch in m.group(0)) >= 4:
            return m.group(0)
    return None


@lru_cache(maxsize=8)
def original_filed_date(text: str) -> str | None:
    """The date written into 'If Amendment, Date Original Filed (Month/Day/Year)', if any.

    The date must follow the label closely (after its 'Filed (Month/Day/Year)' tail) or sit under it in a
    column layout; the label of the next field ('6. Individual or Joint/Group Filing') ends the search.
    Digits may be OCR-damaged (``O`` for ``0``, ``l`` for ``1``).
    """
    scan = text[:SCAN_CHARS]
    anchors = _amendment_anchors(scan)
    if not anchors:
        return None
    header = _header_dates(scan)
    for start, end in anchors:
        tail = scan[end : end + 70]
        stop = _STOP.search(tail)
        searched = tail[: stop.start()] if stop else tail
        found = _find_date(searched) or _date_below(scan, start)
        if found:
            # A lone header date on a later line is box 3's (a Form 3's box 2): single-column OCR and
            # plain pdftotext print it after the amendment label ("5. If Amendment, Date Original" /
            # "(Month/Day/Year)" / "Forshee Estelle H . . 05/22/2024"). Every form prints its period.
            inline = found in searched.split("\n", 1)[0]
            lone = len(header) == 1 and _PERIOD_LABEL.search(scan[:start]) is not None
            return None if lone and not inline else found
    # Plain pdftotext prints the header values in content-stream order, far from their labels: with
    # two or more header dates, the first one after the label that is not box 3's is box 4's.
    if len(header) >= 2:
        period = header[0][1]
        return next((d for at, d in header if at >= anchors[0][1] and d != period), None)
    return None


_PERIOD_LABEL = re.compile(
    r"Date\s{0,3}of\s{0,3}(?:Earliest|Event)|Fiscal\s{0,3}Year\s{0,3}Ended", re.IGNORECASE
)
_TABLE_I_LABEL = re.compile(r"Table\s{0,3}[I1l|]\s{0,3}[-–—]", re.IGNORECASE)


def _header_dates(scan: str) -> list[tuple[int, str]]:
    """(offset, text) of every date above the Table I label (the header's boxes 2-4), in text order."""
    table = _TABLE_I_LABEL.search(scan)
    head = scan[: table.start()] if table else scan
    out = []
    for m in _DATE.finditer(head):
        if sum(ch.isdigit() for ch in m.group(0)) >= 4:
            out.append((m.start(), m.group(0)))
    return out


def _date_below(text: str, offset: int) -> str | None:
    """A date in the next four lines under the column that starts at ``offset`` (column layouts)."""
    line_start = text.rfind("\n", 0, offset) + 1
    column = offset - line_start
    line_end = text.find("\n", offset)
    for _ in range(4):
        if line_end < 0:
            return None
        next_end = text.find("\n", line_end + 1)
        line = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
        cell = line[max(0, column - 12) : column + 40]
        stop = _STOP.search(cell)
        found = _find_date(cell[: stop.start()] if stop else cell)
        if found:
            return found
        line_end = next_end
    return None


def formd_amendment_box(text: str) -> bool:
    """True when a Form D marks its 'Amendment' box (or answers 'Amendment: Yes')."""
    scan = text[:SCAN_CHARS]
    return bool(_MARKED_AMENDMENT.search(scan) or _AMENDMENT_YES.search(scan))


FeatureFn = Callable[[TextView], float]

FEATURES: tuple[FeatureFn, ...] = (
    form3_title,
    form4_title,
    form5_title,
    formd_paper_title,
    formd_electronic_title,
    form3_title_position,
    form4_title_position,
    form5_title_position,
    formd_title_position,
    form3_label_count,
    form4_label_count,
    form5_label_count,
    formd_label_count,
    first_label_form3,
    first_label_form4,
    first_label_form5,
    first_label_formd,
    first_label_line_position,
    table1_present,
    table2_present,
    holdings_only_tables,
    form5_checkboxes,
    date_of_event_field,
    earliest_transaction_field,
    fiscal_year_field,
    ownership_markers,
    formd_markers,
    omb_number,
    amendment_date_filled,
    formd_amendment_marked,
    formd_new_marked,
    ownership_structure,
    formd_structure,
    text_length,
)

HAND_FEATURE_NAMES: tuple[str, ...] = tuple(f.__name__ for f in FEATURES)


def hash_feature_names(n_features: int = N_HASH_FEATURES) -> tuple[str, ...]:
    """Names of the hashed n-gram columns (they record the hashing configuration)."""
    lo, hi = HASH_NGRAM_RANGE
    return tuple(f"char{lo}_{hi}_head{HEAD_CHARS}:{i}" for i in range(n_features))


def feature_names(n_hash_features: int = N_HASH_FEATURES) -> list[str]:
    """All column names in order: the hand features, then the hashed n-gram block."""
    return [*HAND_FEATURE_NAMES, *hash_feature_names(n_hash_features)]


def hand_features(texts: Sequence[str]) -> np.ndarray:
    """Dense matrix of the hand features, one row per text."""
    rows = []
    for text in texts:
        view = TextView(text)
        rows.append([fn(view) for fn in FEATURES])
    return np.asarray(rows, dtype=np.float64).reshape(len(texts), len(FEATURES))


def _head(text: str) -> str:
    return " ".join(text[:HEAD_CHARS].split()).lower()


def hashed_ngrams(texts: Sequence[str], n_features: int = N_HASH_FEATURES) -> sp.csr_matrix:
    """Hashed, L2-normalised character n-grams of each text's first ``HEAD_CHARS`` characters."""
    vectorizer = HashingVectorizer(
        analyzer="char_wb",
        ngram_range=HASH_NGRAM_RANGE,
        n_features=n_features,
        alternate_sign=False,
        norm="l2",
        lowercase=False,
    )
    return sp.csr_matrix(vectorizer.transform([_head(t) for t in texts]))


def featurize(texts: Sequence[str], n_hash_features: int = N_HASH_FEATURES) -> sp.csr_matrix:
    """Full feature matrix: hand features next to the hashed n-gram block."""
    dense = sp.csr_matrix(hand_features(texts))
    return sp.csr_matrix(sp.hstack([dense, hashed_ngrams(texts, n_hash_features)], format="csr"))
