"""One self-contained HTML page of an evaluation: numbers, tables, plots (base64 PNG), worst errors.

Everything is inline (CSS, images as ``data:`` URIs) so the page can be mailed or archived; every value
that comes from a record or a filing goes through ``html.escape``. Plots use matplotlib's object API
(``Figure``), not ``pyplot``, so no global figure state leaks between calls.
"""

from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from extractor.evaluate.metrics import Counts, ErrorItem, EvalResult, worst_errors
from extractor.evaluate.report import Evaluation, f1_delta

CONTEXT_CHARS = 120
_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
h1{margin-bottom:.2em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:1em;flex-wrap:wrap} .card{border:1px solid #ccc;border-radius:6px;padding:.6em 1em}
.card b{display:block;font-size:1.6em} .ctx{font-family:monospace;white-space:pre-wrap;font-size:12px;
background:#fafafa;max-width:420px} mark{background:#ffe066} .wrong{color:#b00} .plots img{max-width:100%}
.flex{display:flex;gap:2em;flex-wrap:wrap}
td code{word-break:break-all} td{overflow-wrap:anywhere} td.k{white-space:nowrap}
"""


@dataclass
class Snippet:
    """Source text around a value: ``before`` + highlighted ``hit`` + ``after``; ``how`` says how found."""

    before: str
    hit: str
    after: str
    how: str


def _png(fig: Figure) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def plot_field_f1(result: EvalResult) -> str:
    """Horizontal bars of F1 per field path, worst at the top."""
    items = sorted(result.by_field.items(), key=lambda kv: (kv[1].f1, kv[0]), reverse=True)
    fig = Figure(figsize=(8, max(2.5, 0.2 * len(items) + 1)))
    ax = fig.add_subplot()
    f1s = [c.f1 for _, c in items]
    colors = ["#c0392b" if f < 0.5 else "#e67e22" if f < 0.9 else "#27ae60" for f in f1s]
    ax.barh([k for k, _ in items], f1s, color=colors)
    ax.set_xlim(0, 1)
    ax.set_xlabel("F1")
    ax.set_title("F1 per field")
    ax.tick_params(axis="y", labelsize=7)
    return _png(fig)


def plot_group_errors(result: EvalResult) -> str:
    """Stacked FN and FP counts per group, as horizontal bars (group names are long), most errors on top."""
    groups = sorted(result.by_group, key=lambda g: (result.by_group[g].fp + result.by_group[g].fn, g))
    fp = [result.by_group[g].fp for g in groups]
    fn = [result.by_group[g].fn for g in groups]
    fig = Figure(figsize=(8, 0.6 + 0.32 * max(len(groups), 1)))
    ax = fig.add_subplot()
    ax.barh(groups, fn, label="false negatives", color="#2980b9")
    ax.barh(groups, fp, left=fn, label="false positives", color="#e74c3c")
    ax.set_xlabel("errors")
    ax.set_title("Errors per group")
    ax.tick_params(axis="y", labelsize=8)
    if not any(fp) and not any(fn):
        # Matplotlib draws an empty axis from -0.05 to 0.05 otherwise, which reads like a broken plot.
        ax.set_xlim(0, 1)
        ax.text(0.5, 0.5, "no errors", transform=ax.transAxes, ha="center", va="center", fontsize=12)
    else:
        ax.legend(loc="lower right")
    fig.tight_layout()
    return _png(fig)


def plot_baseline(current: EvalResult, baseline: EvalResult) -> str:
    """Paired bars: baseline vs current F1 per field, largest change first."""
    rows = f1_delta(current, baseline)
    fig = Figure(figsize=(8, max(2.5, 0.25 * len(rows) + 1)))
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    ax.barh([y + 0.2 for y in ys], [b for _, b, _ in rows], height=0.4, label="baseline", color="#95a5a6")
    ax.barh([y - 0.2 for y in ys], [c for _, _, c in rows], height=0.4, label="current", color="#2980b9")
    ax.set_yticks(ys, [f for f, _, _ in rows], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("F1")
    ax.set_title("Baseline vs current F1 per field")
    ax.legend(loc="lower right")
    return _png(fig)


class SourceTexts:
    """Filing texts read once each, by the path an envelope's ``source`` names."""

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {}

    def get(self, path: Any) -> str | None:
        if not isinstance(path, str) or not path:
            return None
        if path not in self._cache:
            try:
                self._cache[path] = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                self._cache[path] = None  # a moved source file costs the snippet, not the report
        return self._cache[path]


def _provenance_keys(err: ErrorItem) -> list[str]:
    """Keys a predictor may have used in ``provenance`` for this error's field."""
    head, _, key = err.path.partition("[].")
    keys = [err.path]
    if key and err.pred_row is not None:
        keys = [f"{head}[{err.pred_row}].{key}", f"{head}.{err.pred_row}.{key}", *keys]
    if err.path.endswith(".street"):
        keys += [k.removesuffix("street") + "street1" for k in keys]
    return keys


def _needles(value: Any) -> list[str]:
    """Spellings of a value to look for in the text (``46780`` is printed ``46,780``)."""
    if value is None or isinstance(value, bool | list | dict):
        return []
    out = [str(value)]
    if isinstance(value, int | float):
        if float(value).is_integer():
            out += [f"{int(value):,}", str(int(value))]
        else:
            out.append(f"{value:,}")
    return [s for s in dict.fromkeys(out) if s.strip()]


def _search(text: str, needle: str) -> tuple[int, int] | None:
    """First whole-token, case-insensitive occurrence of ``needle``.

    Trap: a plain ``find`` locates ``0`` inside ``2019`` and ``Smith`` inside ``Smithson``; the guards
    refuse a hit glued to letters, digits, or a digit group (``1,477`` must not match inside ``21,477``).
    """
    pattern = r"(?<![\w.,])" + re.escape(needle) + r"(?![\w]|[.,]\d)"
    m = re.search(pattern, text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def find_snippet(
    err: ErrorItem, gold_env: dict[str, Any], pred_env: dict[str, Any], texts: SourceTexts
) -> Snippet | None:
    """Source text around the error: by the prediction's provenance, else by searching the values."""
    text = texts.get(pred_env.get("source")) or texts.get(gold_env.get("source"))
    if text is None:
        return None
    prov = pred_env.get("provenance") or {}
    for key in _provenance_keys(err):
        span = prov.get(key)
        if isinstance(span, list) and len(span) == 2 and all(isinstance(i, int) for i in span):
            start, end = max(0, span[0]), min(len(text), span[1])
            if start < end:
                return _cut(text, start, end, "provenance")
    for label, value in (("gold value", err.gold), ("predicted value", err.pred)):
        for needle in _needles(value):
            hit = _search(text, needle)
            if hit is not None:
                return _cut(text, *hit, f"first occurrence of the {label} (no provenance)")
    return None


def _cut(text: str, start: int, end: int, how: str) -> Snippet:
    return Snippet(
        text[max(0, start - CONTEXT_CHARS) : start], text[start:end], text[end : end + CONTEXT_CHARS], how
    )


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _counts_table(title: str, counts: dict[str, Counts], sort_by_f1: bool = False) -> str:
    keys = sorted(counts, key=lambda k: (counts[k].f1, k)) if sort_by_f1 else sorted(counts)
    rows = "".join(
        f"<tr><td><code>{_e(k)}</code></td><td class=n>{c.precision:.3f}</td><td class=n>{c.recall:.3f}</td>"
        f"<td class=n><b>{c.f1:.3f}</b></td><td class=n>{c.tp}</td><td class=n>{c.fp}</td>"
        f"<td class=n>{c.fn}</td></tr>"
        for k in keys
        for c in [counts[k]]
    )
    return (
        f"<h3>{_e(title)}</h3><table><tr><th></th><th>P</th><th>R</th><th>F1</th><th>TP</th><th>FP</th>"
        f"<th>FN</th></tr>{rows}</table>"
    )


def _errors_table(ev: Evaluation) -> str:
    texts = SourceTexts()
    rows = []
    for err in worst_errors(ev.result):
        snip = find_snippet(
            err, ev.gold_docs.get(err.document_id, {}), ev.pred_docs.get(err.document_id, {}), texts
        )
        ctx = (
            f"{_e(snip.before)}<mark>{_e(snip.hit)}</mark>{_e(snip.after)}<br><i>({_e(snip.how)})</i>"
            if snip
            else "<i>source text not available or value not found</i>"
        )
        rows.append(
            f"<tr><td>{_e(err.document_id)}</td><td><code>{_e(err.path)}</code></td>"
            f"<td class=k>{_e(err.kind)}</td>"
            f"<td>{_e(err.gold)}</td><td class=wrong>{_e(err.pred)}</td><td class=ctx>{ctx}</td></tr>"
        )
    return (
        "<table><tr><th>document</th><th>field</th><th>kind</th><th>gold</th><th>predicted</th>"
        f"<th>source text</th></tr>{''.join(rows)}</table>"
    )


def _card(label: str, value: str) -> str:
    return f"<div class=card>{_e(label)}<b>{_e(value)}</b></div>"


def render_html(ev: Evaluation) -> str:
    """The whole report page as one string."""
    r, o = ev.result, ev.result.overall
    cards = [
        _card("micro F1", f"{o.f1:.3f}"),
        _card("precision", f"{o.precision:.3f}"),
        _card("recall", f"{o.recall:.3f}"),
        _card("macro F1", f"{r.macro_f1:.3f}"),
        _card("documents", f"{r.n_gold_docs} gold / {r.n_pred_docs} pred"),
        _card("missing / error docs", f"{len(r.missing_docs)} / {len(r.error_docs)}"),
    ]
    if ev.baseline is not None:
        cards.append(_card("baseline micro F1", f"{ev.baseline.overall.f1:.3f}"))
    if ev.people is not None:
        cards += [
            _card("people pairwise F1", f"{ev.people.pairwise.f1:.3f}"),
            _card("people B-cubed F1", f"{ev.people.bcubed.f1:.3f}"),
        ]
    plots = [
        ("Errors per group", plot_group_errors(r)),
        ("F1 per field", plot_field_f1(r)),
    ]
    if ev.baseline is not None:
        plots.append(("Baseline vs current F1 per field", plot_baseline(r, ev.baseline)))
    imgs = "".join(
        f'<figure><img alt="{_e(t)}" src="data:image/png;base64,{png}">'
        f"<figcaption>{_e(t)}</figcaption></figure>"
        for t, png in plots
    )
    people = ""
    if ev.people is not None:
        p = ev.people
        people = (
            "<h2>People resolution</h2><table><tr><th></th><th>P</th><th>R</th><th>F1</th></tr>"
            + "".join(
                f"<tr><td>{name}</td><td class=n>{s.precision:.3f}</td><td class=n>{s.recall:.3f}</td>"
                f"<td class=n><b>{s.f1:.3f}</b></td></tr>"
                for name, s in (("pairwise", p.pairwise), ("B-cubed", p.bcubed))
            )
            + f"</table><p>{p.n_gold_mentions} gold mentions of {p.n_gold_clusters} people; "
            f"{p.n_found_mentions} carry a predicted person_id; pairs gold {p.gold_pairs}, "
            f"predicted {p.pred_pairs}, shared {p.common_pairs}.</p>"
        )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Evaluation report</title>"
        f"<style>{_CSS}</style></head><body>"
        f"<h1>Evaluation report</h1><p>gold <code>{_e(ev.gold_path)}</code> &middot; predictions "
        f"<code>{_e(ev.pred_path)}</code>"
        + (f" &middot; baseline <code>{_e(ev.baseline_path)}</code>" if ev.baseline is not None else "")
        + f"</p><div class=cards>{''.join(cards)}</div>"
        f"<h2>Plots</h2><div class=plots>{imgs}</div>"
        "<h2>Scores</h2><div class=flex>"
        f"<div>{_counts_table('By group', r.by_group)}</div>"
        f"<div>{_counts_table('By form type', r.by_form_type)}"
        f"{_counts_table('By source style', r.by_source)}</div></div>"
        f"{people}"
        f"<h2>Worst errors</h2>{_errors_table(ev)}"
        f"<h2>All fields</h2>{_counts_table('By field (worst first)', r.by_field, sort_by_f1=True)}"
        "</body></html>\n"
    )
