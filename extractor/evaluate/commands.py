"""``extractor evaluate``: load gold and predictions, score, print a rich summary, write the reports."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractor.errors import Errors, ExtractorError
from extractor.evaluate.html import render_html
from extractor.evaluate.load import read_gold, read_people_gold, read_pred_jsonl
from extractor.evaluate.metrics import Counts, score
from extractor.evaluate.people import score_people
from extractor.evaluate.report import Evaluation, to_json, to_markdown


def evaluate_files(
    gold: Path, pred: Path, baseline: Path | None = None, people_gold: Path | None = None
) -> Evaluation:
    """Load and score; raises ``EvaluationError`` (E30x) on unreadable inputs."""
    gold_docs = read_gold(gold)
    pred_docs = read_pred_jsonl(pred)
    ev = Evaluation(
        result=score(gold_docs, pred_docs),
        gold_path=gold,
        pred_path=pred,
        gold_docs=gold_docs,
        pred_docs=pred_docs,
    )
    if baseline is not None:
        ev.baseline = score(gold_docs, read_pred_jsonl(baseline))
        ev.baseline_path = baseline
    if people_gold is not None:
        ev.people = score_people(read_people_gold(people_gold), pred_docs)
    return ev


def write_reports(ev: Evaluation, report_dir: Path) -> list[Path]:
    """report.json, report.md and report.html in ``report_dir`` (created if needed)."""
    report_dir.mkdir(parents=True, exist_ok=True)
    paths = [report_dir / "report.json", report_dir / "report.md", report_dir / "report.html"]
    paths[0].write_text(json.dumps(to_json(ev), indent=1, ensure_ascii=False, default=str) + "\n", "utf-8")
    paths[1].write_text(to_markdown(ev), encoding="utf-8")
    paths[2].write_text(render_html(ev), encoding="utf-8")
    return paths


def _add_rows(table: Table, section: str, counts: dict[str, Counts]) -> None:
    for i, key in enumerate(sorted(counts)):
        c = counts[key]
        table.add_row(
            section if i == 0 else "",
            key,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            str(c.support),
        )
    table.add_section()


def print_summary(ev: Evaluation, console: Console) -> None:
    """Compact table: overall micro P/R/F1 and macro F1, F1 per group and per source style."""
    r = ev.result
    table = Table(title=f"Evaluation of {ev.pred_path}", show_lines=False)
    table.add_column("")
    # Group names run to 27 characters (non_derivative_transactions); never cut them on an 80-column tty.
    table.add_column("", no_wrap=True, min_width=27)
    for col in ("P", "R", "F1", "gold"):
        table.add_column(col, justify="right")
    o = r.overall
    table.add_row("overall", "micro", f"{o.precision:.3f}", f"{o.recall:.3f}", f"{o.f1:.3f}", str(o.support))
    table.add_row("", f"macro ({len(r.by_field)} fields)", "", "", f"{r.macro_f1:.3f}", "")
    if ev.baseline is not None:
        b, bo = ev.baseline, ev.baseline.overall
        table.add_row(
            "baseline", "micro", f"{bo.precision:.3f}", f"{bo.recall:.3f}", f"{bo.f1:.3f}", str(bo.support)
        )
        table.add_row("", f"macro ({len(b.by_field)} fields)", "", "", f"{b.macro_f1:.3f}", "")
    table.add_section()
    _add_rows(table, "group", r.by_group)
    _add_rows(table, "source", r.by_source)
    if ev.people is not None:
        for name, s in (("pairwise", ev.people.pairwise), ("B-cubed", ev.people.bcubed)):
            table.add_row(
                "people" if name == "pairwise" else "",
                name,
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                str(ev.people.n_gold_mentions),
            )
    console.print(table)
    if r.missing_docs or r.error_docs:
        console.print(
            f"{len(r.missing_docs)} gold documents missing from predictions, "
            f"{len(r.error_docs)} with an error envelope (all their gold counted as FN)."
        )


def run_evaluate(
    gold: Path,
    pred: Path,
    report: Path | None = None,
    baseline: Path | None = None,
    people_gold: Path | None = None,
) -> int:
    """The ``evaluate`` command; returns the exit code (0 ok, 2 bad input)."""
    console = Console()
    err_console = Console(stderr=True)
    try:
        ev = evaluate_files(gold, pred, baseline=baseline, people_gold=people_gold)
    except ExtractorError as exc:
        # escape(): "[E303]" would otherwise be read as a rich markup tag and vanish.
        err_console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
        return 2
    print_summary(ev, console)
    if report is not None:
        try:
            paths = write_reports(ev, report)
        except OSError as exc:
            msg = Errors.E303.format(path=report, reason=exc)
            err_console.print(f"[red]{escape(msg)}[/red]", highlight=False)
            return 2
        console.print("wrote " + ", ".join(str(p) for p in paths))
    return 0
