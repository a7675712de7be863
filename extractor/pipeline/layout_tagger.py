"""``filings_layout_tagger_v1``: the role of every line of a filing (a trained scikit-learn classifier).

Roles (``ROLES``): ``form_label`` (printed captions such as ``1. Name and Address``), ``table_header``,
``data_row``, ``continuation`` (a wrapped table cell), ``section_title``, ``field_value`` (a header line
holding values), ``boilerplate`` (instructions, notices), ``footnote``, ``signature``, ``other``.

Training labels come from the reference entities (the aligner's spans of the gold record; see
``training/ner_data.py``) plus the layout rules of ``extractor.layout``: a line holding aligned table
values is a ``data_row``, one holding only wrapped text of a table cell a ``continuation``, a line the
section rules name is a ``section_title``, and so on (``roles_from_entities``).

What the component writes:
- ``doc.spans["layout"]``: one span per non-blank line, labelled with its role;
- ``token.tag_`` = the role of the token's line. Trap: TAG is spaCy's part-of-speech slot; we borrow it
  because ``MultiHashEmbed`` can embed TAG and nothing else in this pipeline sets it. Never add a
  tagger/morphologizer to this pipeline, it would overwrite the roles;
- with ``merge_roles`` set, each line of those roles (boilerplate) is merged into ONE token
  (``doc.retokenize``). The text and every character offset stay as they were, but the tok2vec and NER
  after us read one token instead of dozens: this is what keeps extraction fast.

Weights persist as JSON (feature names, classes, scaler, coefficients; no pickle). A model trained on
other features is refused on load (E430).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from spacy.attrs import TAG
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example

from extractor.errors import Errors, ModelError
from extractor.layout import Line, find_sections, split_lines
from extractor.layout.sections import is_page_furniture, label_of

SPANS_KEY = "layout"
ALIGNED_KEY = "aligned"  # reference span group of all aligned values (training/ner_data.py)
ROLES = (
    "form_label",
    "table_header",
    "data_row",
    "continuation",
    "section_title",
    "field_value",
    "boilerplate",
    "footnote",
    "signature",
    "other",
)
# Roles whose lines hold nothing the NER looks for (instructions, column captions, notes): one token each.
DEFAULT_MERGE_ROLES = ("boilerplate", "table_header", "footnote")
TABLE_SECTIONS = ("table_i", "table_ii")
_SECTION_NAMES = ("header", "table_i", "table_ii", "reporting_owners", "explanation", "signatures")
# Entity labels that sit in a table row; the text-only ones may wrap onto continuation lines.
_TEXT_CELL_LABELS = frozenset({"SECURITY_TITLE", "OWNERSHIP_NATURE", "UNDERLYING_TITLE"})
_TABLE_LABELS = _TEXT_CELL_LABELS | frozenset(
    {
        "EXERCISE_PRICE",
        "TX_DATE",
        "DEEMED_DATE",
        "TX_CODE",
        "TX_SHARES",
        "TX_PRICE",
        "TX_AD_CODE",
        "EXERCISABLE_DATE",
        "EXPIRATION_DATE",
        "UNDERLYING_SHARES",
        "SHARES_AFTER",
        "OWNERSHIP_FORM",
    }
)
_SIGNATURE_LABELS = frozenset({"SIGNER_NAME", "SIGNATURE_DATE", "SIGNER_TITLE"})
_FOOTNOTE_LABELS = frozenset({"FOOTNOTE", "REMARKS"})

_ITEM = re.compile(r"^\W{0,3}\d{1,2}[A-Za-z]?\s?[.)]")
_PAREN = re.compile(r"^\W{0,2}\((?:[A-Za-z ./]{2,40})\)")
_FOOT_START = re.compile(r"^\W{0,2}(?:\(\d{1,2}\)|\d{1,2}[.)]\s|\^?\(\d{1,2}\)|⁽)")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"(?<![\w/])\$?\d[\d,]*(?:\.\d+)?(?![\w/])")
_CHECK = re.compile(r"_{1,6}[Xx]_{1,6}|\[[Xx]\]")
_BOILER_WORDS = re.compile(  # matched on lower-cased text (faster than re.I)
    r"instr\.|instruction|reminder|persons who respond|omb|respond|pursuant|section 16|"
    r"response|burden|intentional|misstatement|if the form|u\.s\.c"
)
# Form D boilerplate: the state grid of Part B.4 / the Appendix (``[AL] [AK] [AZ]``) and instruction prose.
_STATE_CELL = re.compile(r"\[[A-Z]{2}\]")
_PROSE_WORD = re.compile(r"\b[a-z]{2,}\b")
_PROSE_MIN = 12  # lower-case words on a line without values: an instruction sentence, not a caption
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")
_CELL_SEP = re.compile(r"\t|\s{2,}|\|")  # extractor.layout.cells' cell separators
_FURNITURE_MAX = 120  # running heads and page numbers are short lines
_MAX_CHARS = 400  # features read at most this much of a line (OCR can glue a page into one line)
_LABEL_WORDS = re.compile(r"\((?:street|city|state|zip|last|first|middle|month/day/year)\)", re.I)


# --- features: small named functions of (line, context) --------------------------------------------
def _f_log_len(line: Line, ctx: dict[str, Any]) -> float:
    """Log length of the stripped line."""
    return math.log1p(len(line.text.strip()))


def _f_cells(line: Line, ctx: dict[str, Any]) -> float:
    """Number of layout cells (TAB / 2+ spaces / pipe separated, as ``extractor.layout.split_cells``;
    counted by regex here because building the cell objects cost a third of the tagger's time)."""
    return float(min(sum(1 for piece in _CELL_SEP.split(line.text[:_MAX_CHARS]) if piece.strip()), 20))


def _f_digit_frac(line: Line, ctx: dict[str, Any]) -> float:
    """Share of digits among non-space characters."""
    text = line.text[:_MAX_CHARS]
    return len(_DIGIT.findall(text)) / max(len(text) - text.count(" "), 1)


def _f_upper_frac(line: Line, ctx: dict[str, Any]) -> float:
    """Share of upper-case letters among letters."""
    text = line.text[:_MAX_CHARS]
    return len(_UPPER.findall(text)) / max(len(_LETTER.findall(text)), 1)


def _f_dates(line: Line, ctx: dict[str, Any]) -> float:
    """Number of dates printed on the line."""
    return float(min(len(_DATE.findall(line.text[:_MAX_CHARS])), 5))


def _f_numbers(line: Line, ctx: dict[str, Any]) -> float:
    """Number of free-standing numbers (amounts, shares)."""
    return float(min(len(_NUMBER.findall(line.text[:_MAX_CHARS])), 10))


def _f_item(line: Line, ctx: dict[str, Any]) -> float:
    """Starts like a numbered caption (``1. Name``, ``2A.``)."""
    return float(bool(_ITEM.match(line.text)))


def _f_paren(line: Line, ctx: dict[str, Any]) -> float:
    """Starts with a parenthesised caption (``(Street)``) or holds ``(City)`` style labels."""
    return float(bool(_PAREN.match(line.text) or _LABEL_WORDS.search(line.text)))


def _f_foot_start(line: Line, ctx: dict[str, Any]) -> float:
    """Starts with a footnote marker."""
    return float(bool(_FOOT_START.match(line.text)))


def _f_checkbox(line: Line, ctx: dict[str, Any]) -> float:
    """Holds a checkbox mark."""
    return float(bool(_CHECK.search(line.text)))


def _f_boiler_words(line: Line, ctx: dict[str, Any]) -> float:
    """Words of form instructions and notices."""
    return float(min(len(_BOILER_WORDS.findall(line.text[:_MAX_CHARS].lower())), 3))


def _f_state_cells(line: Line, ctx: dict[str, Any]) -> float:
    """Bracketed state codes (the Form D state grid)."""
    return float(min(len(_STATE_CELL.findall(line.text[:_MAX_CHARS])), 10))


def _f_prose_words(line: Line, ctx: dict[str, Any]) -> float:
    """Log number of lower-case words (instructions are sentences; values and captions are short)."""
    return math.log1p(len(_PROSE_WORD.findall(line.text[:_MAX_CHARS])))


def _f_section_label(line: Line, ctx: dict[str, Any]) -> float:
    """The section rules read a label on this line (computed once per line in ``featurize``)."""
    return float(ctx["label"] is not None)


def _f_furniture(line: Line, ctx: dict[str, Any]) -> float:
    """Page furniture (running heads, page numbers: short lines, so longer ones are not tested)."""
    return float(len(line.text) < _FURNITURE_MAX and is_page_furniture(line))


def _f_position(line: Line, ctx: dict[str, Any]) -> float:
    """Relative position of the line in the document."""
    return float(line.index) / max(ctx["n_lines"], 1)


def _f_since_label(line: Line, ctx: dict[str, Any]) -> float:
    """Log lines since the current section's label."""
    return math.log1p(ctx["since_label"])


def _f_indent(line: Line, ctx: dict[str, Any]) -> float:
    """Log indentation."""
    return math.log1p(line.indent)


def _f_prev_digits(line: Line, ctx: dict[str, Any]) -> float:
    """Numbers on the previous non-blank line (a continuation follows a data row)."""
    return float(min(ctx["prev_numbers"], 10))


FEATURES: tuple[Callable[[Line, dict[str, Any]], float], ...] = (
    _f_log_len,
    _f_cells,
    _f_digit_frac,
    _f_upper_frac,
    _f_dates,
    _f_numbers,
    _f_item,
    _f_paren,
    _f_foot_start,
    _f_checkbox,
    _f_boiler_words,
    _f_state_cells,
    _f_prose_words,
    _f_section_label,
    _f_furniture,
    _f_position,
    _f_since_label,
    _f_indent,
    _f_prev_digits,
)
_NUMBERS_COLUMN = FEATURES.index(_f_numbers)
FEATURE_NAMES = [f.__name__[3:] for f in FEATURES] + [f"section={s}" for s in _SECTION_NAMES]


def line_sections(lines: Sequence[Line]) -> list[tuple[str, int]]:
    """Per line: the section it lies in (``header`` before the first label) and lines since its label."""
    out = [("header", line.index) for line in lines]
    for sec in find_sections(list(lines)):
        for i in range(sec.label_line, sec.end_line):
            out[i] = (sec.name, i - sec.label_line)
    return out


def _labels_and_sections(lines: Sequence[Line]) -> tuple[list[str | None], list[tuple[str, int]]]:
    """``label_of`` of each line and ``line_sections``, reading each line's label once.

    Same rule as ``extractor.layout.find_sections`` (first occurrence of each label opens its section,
    which runs to the next opened one); ``test_pipeline_layout_sections_agree`` keeps the two equal.
    """
    labels = [None if line.is_blank else label_of(line) for line in lines]
    out = [("header", line.index) for line in lines]
    opened: list[tuple[str, int]] = []
    seen: set[str] = set()
    for i, name in enumerate(labels):
        if name and name not in seen:
            seen.add(name)
            opened.append((name, i))
    for k, (name, start) in enumerate(opened):
        end = opened[k + 1][1] if k + 1 < len(opened) else len(lines)
        for i in range(start, end):
            out[i] = (name, i - start)
    return labels, out


def featurize(lines: Sequence[Line]) -> tuple[list[Line], np.ndarray]:
    """The non-blank lines and their feature matrix (columns: ``FEATURE_NAMES``)."""
    labels, sections = _labels_and_sections(lines)
    kept: list[Line] = []
    rows: list[list[float]] = []
    prev_numbers = 0
    for line in lines:
        if line.is_blank:
            continue
        section, since = sections[line.index]
        ctx = {
            "n_lines": len(lines),
            "since_label": since,
            "prev_numbers": prev_numbers,
            "label": labels[line.index],
        }
        row = [f(line, ctx) for f in FEATURES]
        row += [float(section == s) for s in _SECTION_NAMES]
        rows.append(row)
        kept.append(line)
        prev_numbers = int(row[_NUMBERS_COLUMN])
    matrix = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURE_NAMES))
    return kept, matrix


def roles_from_entities(lines: Sequence[Line], ents: Iterable[tuple[int, int, str]]) -> dict[int, str]:
    """Training roles of the non-blank lines from labelled character spans and the section rules."""
    starts = [line.start for line in lines]
    labels_on: dict[int, set[str]] = {}
    for s, _e, label in ents:
        i = max(bisect.bisect_right(starts, s) - 1, 0)
        labels_on.setdefault(i, set()).add(label)
    sections = line_sections(lines)
    roles: dict[int, str] = {}
    seen_data: set[str] = set()
    for line in lines:
        if line.is_blank:
            continue
        section, _ = sections[line.index]
        labels = labels_on.get(line.index, set())
        if label_of(line) is not None:
            role = "section_title"
        elif labels & _SIGNATURE_LABELS:
            role = "signature"
        elif labels & _FOOTNOTE_LABELS:
            role = "footnote"
        elif labels & _TABLE_LABELS and section in TABLE_SECTIONS:
            seen_data.add(section)
            role = (
                "continuation"
                if labels <= _TEXT_CELL_LABELS and not _NUMBER.search(line.text)
                else "data_row"
            )
        elif labels:
            role = "field_value"
        elif section in TABLE_SECTIONS and section not in seen_data:
            role = "table_header"
        elif _ITEM.match(line.text) or _PAREN.match(line.text) or _LABEL_WORDS.search(line.text):
            role = "form_label"
        elif section == "explanation" and _FOOT_START.match(line.text):
            role = "footnote"
        elif (
            _BOILER_WORDS.search(line.text)
            or is_page_furniture(line)
            or section == "explanation"
            or _STATE_CELL.search(line.text)
            or len(_PROSE_WORD.findall(line.text[:_MAX_CHARS])) >= _PROSE_MIN
        ):
            role = "boilerplate"
        else:
            role = "other"
        roles[line.index] = role
    return roles


class LayoutTagger(Pipe):
    """Line-role classifier; see the module docstring. Fitted in ``initialize``, not by ``nlp.update``
    (a ``Pipe``, not a ``TrainablePipe``: during NER training it only annotates)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "layout_tagger",
        *,
        merge_roles: Sequence[str] = (),
        c: float = 1.0,
        seed: int = 0,
    ) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.cfg: dict[str, Any] = {"merge_roles": list(merge_roles), "c": c, "seed": seed}
        self.classes_: list[str] = []
        self.scaler_: StandardScaler | None = None
        self.clf_: LogisticRegression | None = None

    @property
    def is_fitted(self) -> bool:
        return self.clf_ is not None and self.scaler_ is not None

    # -- training -----------------------------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        model_dir: str | None = None,
    ) -> None:
        """Load weights from ``model_dir`` when given, else fit on the examples' reference entities."""
        if model_dir:
            self.from_disk(Path(model_dir), exclude=())
            return
        texts, ents = [], []
        for eg in get_examples():
            ref = eg.reference
            texts.append(ref.text)
            # Every aligned value when the data has them (``training/ner_data.py``), else the entities.
            spans = ref.spans.get(ALIGNED_KEY, ref.ents)
            ents.append([(e.start_char, e.end_char, e.label_) for e in spans])
        self.fit(texts, ents)

    def fit(self, texts: Sequence[str], ents: Sequence[Iterable[tuple[int, int, str]]]) -> LayoutTagger:
        """Fit on texts with their labelled character spans; returns ``self``."""
        xs, ys = [], []
        for text, doc_ents in zip(texts, ents, strict=True):
            lines = split_lines(text)
            kept, matrix = featurize(lines)
            roles = roles_from_entities(lines, doc_ents)
            xs.append(matrix)
            ys += [roles[line.index] for line in kept]
        if len(set(ys)) < 2:
            raise ModelError(
                Errors.E431.format(reason=f"need at least two line roles, got {sorted(set(ys))}")
            )
        x = np.vstack(xs)
        self.scaler_ = StandardScaler().fit(x)
        self.clf_ = LogisticRegression(C=self.cfg["c"], max_iter=2000, random_state=self.cfg["seed"])
        self.clf_.fit(self.scaler_.transform(x), ys)
        self.classes_ = [str(c) for c in self.clf_.classes_]
        return self

    # -- prediction ---------------------------------------------------------------------------------
    def predict_lines(self, text: str) -> list[tuple[Line, str]]:
        """``(line, role)`` of every non-blank line of ``text``."""
        if self.clf_ is None or self.scaler_ is None:
            raise ModelError(Errors.E432.format(name=self.name))
        kept, matrix = featurize(split_lines(text))
        if not kept:
            return []
        roles = self.clf_.predict(self.scaler_.transform(matrix))
        return [(line, str(role)) for line, role in zip(kept, roles, strict=True)]

    def predict(self, docs: Iterable[Doc]) -> list[list[tuple[Line, str]]]:
        return [self.predict_lines(doc.text) for doc in docs]

    def set_annotations(self, docs: Iterable[Doc], preds: list[list[tuple[Line, str]]]) -> None:
        merge = set(self.cfg["merge_roles"])
        for doc, lines in zip(docs, preds, strict=True):
            spans = _line_spans(doc, lines)
            if merge:
                with doc.retokenize() as retok:
                    for span in spans:
                        if span.label_ in merge and len(span) > 1:
                            retok.merge(span)
                spans = _line_spans(doc, lines)  # token indices moved
            _tag_tokens(doc, spans)
            doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations([doc], self.predict([doc]))
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:  # type: ignore[override]
        for doc in stream:
            yield self(doc)

    # -- persistence (JSON, no pickle) --------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data: dict[str, Any] = {"cfg": self.cfg, "features": FEATURE_NAMES, "classes": self.classes_}
        if self.clf_ is not None and self.scaler_ is not None:
            data["scaler"] = {"mean": self.scaler_.mean_.tolist(), "scale": self.scaler_.scale_.tolist()}
            data["clf"] = {"coef": self.clf_.coef_.tolist(), "intercept": self.clf_.intercept_.tolist()}
        return json.dumps(data).encode("utf-8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> LayoutTagger:
        try:
            data = json.loads(bytes_data.decode("utf-8"))
        except ValueError as e:
            raise ModelError(Errors.E433.format(path=self.name, reason=e)) from e
        if data.get("features") != FEATURE_NAMES:
            raise ModelError(Errors.E430.format(path=self.name))
        self.cfg.update(data["cfg"])
        self.classes_ = list(data["classes"])
        if "clf" in data:
            scaler = StandardScaler()
            scaler.mean_ = np.asarray(data["scaler"]["mean"])
            scaler.scale_ = np.asarray(data["scaler"]["scale"])
            scaler.var_ = scaler.scale_**2
            scaler.n_features_in_ = len(FEATURE_NAMES)
            clf = LogisticRegression(C=self.cfg["c"], random_state=self.cfg["seed"])
            clf.classes_ = np.asarray(self.classes_)
            clf.coef_ = np.asarray(data["clf"]["coef"])
            clf.intercept_ = np.asarray(data["clf"]["intercept"])
            clf.n_features_in_ = len(FEATURE_NAMES)
            self.scaler_, self.clf_ = scaler, clf
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "model.json").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LayoutTagger:
        try:
            data = (Path(path) / "model.json").read_bytes()
        except OSError as e:
            raise ModelError(Errors.E433.format(path=path, reason=e)) from e
        return self.from_bytes(data)


def _line_spans(doc: Doc, lines: Sequence[tuple[Line, str]]) -> list[Span]:
    """One span per line over its non-blank characters; lines cut inside a token are skipped."""
    spans: list[Span] = []
    for line, role in lines:
        lead = len(line.text) - len(line.text.lstrip())
        trail = len(line.text) - len(line.text.rstrip())
        span = doc.char_span(line.start + lead, line.end - trail, label=role, alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    return spans


def _tag_tokens(doc: Doc, spans: Sequence[Span]) -> None:
    """``token.tag_`` = line role (see the module docstring's trap); tokens between lines keep no tag.

    Written as one array (``doc.from_array``): setting ``token.tag_`` token by token costs a Python
    ``Token`` object per token, several milliseconds a filing.
    """
    tags = np.zeros((len(doc), 1), dtype="uint64")
    strings = doc.vocab.strings
    for span in spans:
        tags[span.start : span.end, 0] = strings.add(span.label_)
    doc.from_array([TAG], tags)  # type: ignore[arg-type]  # thinc's Ints2d is a numpy uint array
