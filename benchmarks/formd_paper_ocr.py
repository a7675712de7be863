"""Paper-era Form D through a printer and real OCR: generated filings, printed, OCR'd, extracted, scored.

    python benchmarks/formd_paper_ocr.py --n 16 --seed 901 --out /tmp/formdpaper

1. Draws N paper-era Form D filings with ``training.generate.corpus.generate_formd_doc`` at ``--seed``
   (issuers of the SEC Form D tables, related persons of the Form D XML, generated Part C amounts; the
   NER is trained on seed 0 draws, so these records are other draws of the same generator).
2. Prints each text as a monospaced page (HTML ``<pre>``, headless chromium) and converts the PDF with
   ``pdftotext -layout`` (``pdf_layout``) and tesseract at 300 and 150 dpi (``ocr300``, ``ocr150``); the
   generator's text itself is ``text``. Conversions are cached in ``OUT/docs``.
3. Extracts every document twice, ``EXTRACTOR_NER=never`` (the Form D rules alone) and ``auto`` (the
   shipped pipeline: layout tagger + NER joined to the rules), and scores each converter with
   ``evaluate_files``: what the NER adds to the rules on OCR the rules were not tuned on.

Trap: the gold is the record *as the generator printed it* (``render_formd.render``), so a row printed
``-0-`` is a type not offered and an ``n/a`` expense is null, as in ``training.measure_formd``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training import converters as conv  # noqa: E402

CONVERTERS = ("text", "pdf_layout", "ocr300", "ocr150")
MODES = ("never", "auto")
PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: letter; margin: 0.5in; }}
pre {{ font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; white-space: pre-wrap; }}
</style></head><body><pre>{text}</pre></body></html>
"""


def make_docs(n: int, seed: int, out: Path) -> list[str]:
    """Generate the filings, write their gold envelopes per converter and their pages; the base ids."""
    from extractor.records import to_dict
    from training.generate.corpus import generate_formd_doc

    (out / "gold").mkdir(parents=True, exist_ok=True)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    bases = []
    for k in range(n):
        gen = generate_formd_doc(k, seed=seed)
        base = f"fdp_{seed}_{k:03d}"
        bases.append(base)
        env = to_dict(gen.envelope)
        for name in CONVERTERS:
            gold = {**env, "document_id": f"{base}_{name}", "converter": name, "source": None}
            (out / "gold" / f"{base}_{name}.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
        (out / "docs" / f"{base}_text.txt").write_text(gen.text, encoding="utf-8")
        (out / "pages" / f"{base}.html").write_text(PAGE.format(text=html.escape(gen.text)), encoding="utf-8")
    return bases


def convert(base: str, out: str) -> list[str]:
    """PDF once, then each converter's text (cached); the errors, if any."""
    root = Path(out)
    pdf = root / "pages" / f"{base}.pdf"
    errors = []
    try:
        if not pdf.exists():
            conv.html_to_pdf(root / "pages" / f"{base}.html", pdf)
        for name, fn in (
            ("pdf_layout", conv.pdf_to_text_layout),
            ("ocr300", lambda p: conv.pdf_to_ocr(p, dpi=300)),
            ("ocr150", lambda p: conv.pdf_to_ocr(p, dpi=150)),
        ):
            target = root / "docs" / f"{base}_{name}.txt"
            if not target.exists():
                target.write_text(fn(pdf), encoding="utf-8")
    except conv.ConverterError as e:
        errors.append(f"{base}: {e}")
    return errors


def extract(out: Path, mode: str, workers: int) -> Path:
    pred = out / f"pred_{mode}.jsonl"
    exe = str(ROOT / ".venv" / "bin" / "extractor")
    env = {**os.environ, "EXTRACTOR_NER": mode}
    cmd = [exe, "extract", str(out / "docs"), "-o", str(pred), "--workers", str(workers), "--no-resume"]
    subprocess.run(cmd, check=True, timeout=3600, env=env, stdout=subprocess.DEVNULL)
    return pred


def score(out: Path, pred: Path, name: str) -> dict[str, Any]:
    from extractor.evaluate.commands import evaluate_files

    sub = out / "by_converter" / pred.stem / name
    (sub / "gold").mkdir(parents=True, exist_ok=True)
    for gold in (out / "gold").glob(f"*_{name}.json"):
        (sub / "gold" / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    lines = [ln for ln in pred.read_text(encoding="utf-8").splitlines() if ln]
    keep = [ln for ln in lines if str(json.loads(ln).get("document_id", "")).endswith(f"_{name}")]
    (sub / "pred.jsonl").write_text("".join(ln + "\n" for ln in keep), encoding="utf-8")
    result = evaluate_files(sub / "gold", sub / "pred.jsonl").result
    fields = {
        path: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "f1": round(c.f1, 4)}
        for path, c in result.by_field.items()
        if c.tp + c.fp + c.fn
    }
    o = result.overall
    return {"docs": len(keep), "tp": o.tp, "fp": o.fp, "fn": o.fn, "f1": round(o.f1, 4), "fields": fields}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=16, help="generated filings")
    ap.add_argument("--seed", type=int, default=901, help="generator seed (the NER trains on seed 0)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/formdpaper"), help="output directory")
    ap.add_argument("--workers", type=int, default=2, help="conversion and extraction processes")
    args = ap.parse_args(argv)
    out: Path = args.out.resolve()
    bases = make_docs(args.n, args.seed, out)
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for errs in pool.map(convert, bases, [str(out)] * len(bases)):
            for e in errs:
                print("conversion failed:", e, file=sys.stderr)
    results: dict[str, dict[str, Any]] = {}
    for mode in MODES:
        pred = extract(out, mode, args.workers)
        results[mode] = {name: score(out, pred, name) for name in CONVERTERS}
    (out / "summary.json").write_text(
        json.dumps({"n": args.n, "seed": args.seed, "results": results}, indent=1), encoding="utf-8"
    )
    print(f"N={args.n} paper-era Form D, seed={args.seed}, out={out}")
    print(f"{'converter':<12}{'docs':>6}" + "".join(f"{'F1 ' + m:>12}" for m in MODES) + f"{'fills':>8}")
    for name in CONVERTERS:
        row = f"{name:<12}{results[MODES[0]][name]['docs']:>6}"
        row += "".join(f"{results[m][name]['f1']:>12.4f}" for m in MODES)
        fills = sum(
            1
            for ln in (out / "pred_auto.jsonl").read_text(encoding="utf-8").splitlines()
            if ln and json.loads(ln)["document_id"].endswith(f"_{name}")
            for w in json.loads(ln).get("warnings", [])
            if "filled from the NER" in w
        )
        print(row + f"{fills:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
