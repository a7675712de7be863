"""Electronic Form D through real converters: render gold as an EDGAR-like page, convert, extract, score.

Gold comes from the Form D XML in ../shared/data/xml/formd (``extractor import-xml``'s Python API). Each
record is rendered by ``training.render_formd_html`` (box style alternating ``cell`` / ``glyph`` by
document, so both kinds of checkbox are exercised), then converted with

- ``html``: the .html page itself as the extractor's input (our HTML ingest does the conversion);
- ``w3m``, ``pdf_layout`` (``pdftotext -layout``), ``pdf_raw`` (bare ``pdftotext``), ``ocr300``,
  ``ocr150`` (chromium print -> pdftoppm -> tesseract) from ``training.converters``.

Documents get the id ``<gold id>_<converter>``; gold copies with that id are written per converter and per
split, and each subset is scored with ``evaluate_files``. Conversions are cached under ``OUT/cache`` by a
hash of the HTML, so re-runs after an extractor change only re-extract.

Split: the 17 filings are few, so fixes are developed against ``DEV`` (11, including every near-duplicate
group) and the other 6 (distinct issuers) are reported as held out.

    python benchmarks/formd_converters.py --out /tmp/formdbench
    python benchmarks/formd_converters.py --out /tmp/formdbench --skip-extract   # re-score only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor.evaluate.commands import evaluate_files  # noqa: E402
from training import converters  # noqa: E402
from training.render_formd_html import render_formd_html  # noqa: E402

XML_DIR = REPO.parent / "shared" / "data" / "xml" / "formd"
CONVERTERS = ("html", "w3m", "pdf_layout", "pdf_raw", "ocr300", "ocr150")
HELD_OUT = frozenset(
    {
        "Halloran__EDGAR__primary_doc",
        "Halloran__EDGAR__filing_with_privacy",
        "Nicola-Maria-Fiore__SECforms_parser__2381_0001465818-11-000005",
        "dgunning__edgartools__D.Shepards",
        "dgunning__edgartools__0002002260-24-000001",
        "dgunning__edgartools__D.1685REIT",
    }
)


def load_gold(xml_dir: Path, tmp: Path) -> dict[str, dict[str, Any]]:
    """Gold envelopes by document id, via the importer (written to ``tmp`` and read back)."""
    import_gold(xml_dir, tmp)
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(tmp.glob("*.json")):
        env = json.loads(path.read_text(encoding="utf-8"))
        if env.get("form_type") in ("D", "D/A") and env.get("filing"):
            out[env["document_id"]] = env
    return out


def import_gold(xml_dir: Path, out: Path) -> None:
    """``extractor import-xml`` (the CLI: its Python entry point's signature is internal)."""
    exe = REPO / ".venv" / "bin" / "extractor"
    subprocess.run([str(exe), "import-xml", str(xml_dir), "-o", str(out)], check=True, capture_output=True)


def _pdf_then(html_path: Path, work: Path, fn: Callable[[Path], str]) -> str:
    pdf = work / (html_path.stem + ".pdf")
    if not pdf.exists():
        converters.html_to_pdf(html_path, pdf)
    return fn(pdf)


def convert(conv: str, html_path: Path, work: Path) -> str:
    """The text ``conv`` prints for the page (``html`` returns the page itself)."""
    if conv == "html":
        return html_path.read_text(encoding="utf-8")
    if conv == "w3m":
        return converters.html_to_w3m(html_path)
    if conv == "pdf_layout":
        return _pdf_then(html_path, work, converters.pdf_to_text_layout)
    if conv == "pdf_raw":
        return _pdf_then(html_path, work, converters.pdf_to_text_raw)
    dpi = {"ocr300": 300, "ocr150": 150}[conv]
    return _pdf_then(html_path, work, lambda pdf: converters.pdf_to_ocr(pdf, dpi))


def build(out: Path, gold: dict[str, dict[str, Any]], convs: tuple[str, ...]) -> None:
    """Render, convert (cached), write docs and gold copies."""
    docs, cache = out / "docs", out / "cache"
    for d in (docs, cache, out / "html"):
        d.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[str, str, Path, Path]] = []
    for i, (doc_id, env) in enumerate(sorted(gold.items())):
        page = render_formd_html(env["filing"], box_style="cell" if i % 2 == 0 else "glyph")
        html_path = out / "html" / f"{doc_id}.html"
        html_path.write_text(page, encoding="utf-8")
        key = hashlib.sha256(page.encode("utf-8")).hexdigest()[:16]
        for conv in convs:
            jobs.append((doc_id, conv, html_path, cache / f"{doc_id}.{key}.{conv}.txt"))
        for conv in convs:
            for split in ("all", "held_out" if doc_id in HELD_OUT else "dev"):
                gdir = out / "gold" / split / conv
                gdir.mkdir(parents=True, exist_ok=True)
                copy = dict(env, document_id=f"{doc_id}_{conv}", converter=conv)
                (gdir / f"{doc_id}_{conv}.json").write_text(json.dumps(copy, indent=1), encoding="utf-8")

    def run(job: tuple[str, str, Path, Path]) -> None:
        doc_id, conv, html_path, cached = job
        if not cached.exists():
            with tempfile.TemporaryDirectory(prefix="formdconv_") as tmp:
                cached.write_text(convert(conv, html_path, Path(tmp)), encoding="utf-8")
        suffix = ".html" if conv == "html" else ".txt"
        shutil.copyfile(cached, docs / f"{doc_id}_{conv}{suffix}")

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(run, jobs))


def extract(out: Path) -> None:
    exe = REPO / ".venv" / "bin" / "extractor"
    subprocess.run(
        [str(exe), "extract", str(out / "docs"), "-o", str(out / "pred.jsonl"), "--no-resume"],
        check=True,
        capture_output=True,
    )


def report(out: Path, convs: tuple[str, ...], worst: int) -> dict[str, dict[str, float]]:
    """Micro F1 per converter and split; prints the worst fields of each converter (all docs)."""
    table: dict[str, dict[str, float]] = {}
    for conv in convs:
        row: dict[str, float] = {}
        for split in ("all", "dev", "held_out"):
            gdir = out / "gold" / split / conv
            if not gdir.is_dir():
                continue
            ev = evaluate_files(gdir, out / "pred.jsonl")
            row[split] = ev.result.overall.f1
            if split == "all":
                fields = sorted(
                    ((c.f1, path, c.support) for path, c in ev.result.by_field.items() if c.tp + c.fp + c.fn),
                )
                print(f"\n{conv}: micro F1 {ev.result.overall.f1:.3f}; worst fields:")
                for f1, path, support in fields[:worst]:
                    print(f"  {f1:.3f}  {path}  (gold {support})")
        table[conv] = row
    print("\nconverter    all    dev   held_out")
    for conv, row in table.items():
        print(
            f"{conv:<11} " + "  ".join(f"{row.get(s, float('nan')):.3f}" for s in ("all", "dev", "held_out"))
        )
    (out / "scores.json").write_text(json.dumps(table, indent=1), encoding="utf-8")
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--xml", type=Path, default=XML_DIR)
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    ap.add_argument("--skip-extract", action="store_true", help="score the existing pred.jsonl")
    ap.add_argument("--worst", type=int, default=8)
    args = ap.parse_args(argv)
    convs = tuple(c for c in args.converters.split(",") if c)
    if not args.skip_extract:
        with tempfile.TemporaryDirectory(prefix="formdgold_") as tmp:
            gold = load_gold(args.xml, Path(tmp))
        if (args.out / "docs").exists():
            shutil.rmtree(args.out / "docs")
        build(args.out, gold, convs)
        extract(args.out)
    report(args.out, convs, args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
