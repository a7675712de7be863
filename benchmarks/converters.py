"""Converter robustness benchmark: the same gold filings, rendered once, read through many converters.

    python benchmarks/converters.py --n 40 --seed 0 --out /tmp/convbench
    python benchmarks/converters.py --synthetic --n 24 --seed 21 --out /tmp/convsyn

1. Picks N gold Form 3/4/5 records from ``annotations/dev`` (distinct source filings, both form types,
   fixed seed) and renders each to an EDGAR-shaped HTML page (``training.render_html``), with footnote marks
   from the filing's EDGAR XML when it is on disk. With ``--synthetic`` the records are drawn by the
   training generator instead (``training.generate.values.synthetic_filing``: Census names, Form D issuers,
   US addresses, generated footnotes and tables), so the pages hold people, issuers and footnote texts
   that no dev filing has: the nearest we have to "other insiders, other companies".
2. Converts every page with each converter (``html`` = the page itself, ``w3m``, ``pdf_layout``,
   ``pdf_raw``, ``ocr300``, ``ocr150``) into ``OUT/docs/<base>_<converter>.txt`` (``.html`` for ``html``),
   two processes in parallel; an existing output file is reused (cache).
3. Writes gold copies to ``OUT/gold/<id>.json`` (``document_id`` = the new id, ``converter`` = the converter
   that made the text, so the evaluator's ``by_source`` groups by it), runs ``extractor extract`` and
   ``extractor evaluate``, then scores each converter's subset on its own for per-field F1.

Traps:

- The evaluator infers the source from the id suffix only for ``w3m``/``pdf_layout``/``ocr300`` and falls
  back to gold's ``converter`` key; that key is therefore set to the new converter, not kept from the dev
  document the record came from.
- Base ids are ``cb_<hash>`` (not ``dev_...``) so a benchmark id cannot collide with a real dev id.
- One PDF per page is printed and shared by ``pdf_layout``/``pdf_raw``/``ocr*``; conversions of one page run
  in one worker so the PDF is made once.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training import converters as conv  # noqa: E402
from training.render_html import footnote_marks_from_xml, render_ownership_html  # noqa: E402

CONVERTERS = ("html", "w3m", "pdf_layout", "pdf_raw", "ocr300", "ocr150")
NEW_CONVERTERS = ("html", "pdf_raw", "ocr150")
GOLD_DIR = ROOT / "annotations" / "dev"


def pick_records(gold_dir: Path, n: int, seed: int) -> list[dict[str, Any]]:
    """N gold envelopes of distinct source filings: all Form 3s up to N/4, the rest Form 4/5, seeded."""
    by_source: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        env = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(env, dict) or str(env.get("form_type", "")).split("/")[0] not in {"3", "4", "5"}:
            continue
        by_source.setdefault(str(env.get("source") or path.stem), env)
    envs = sorted(by_source.values(), key=lambda e: str(e["document_id"]))
    rng = random.Random(seed)
    rng.shuffle(envs)
    form3 = [e for e in envs if str(e["form_type"]).startswith("3")]
    other = [e for e in envs if not str(e["form_type"]).startswith("3")]
    n3 = min(len(form3), max(1, n // 4))
    picked = form3[:n3] + other[: n - n3]
    return sorted(picked, key=lambda e: str(e["document_id"]))


def synthetic_records(n: int, seed: int) -> list[dict[str, Any]]:
    """N generated Form 3/4/5 envelopes (a quarter Form 3, a tenth amendments), footnote marks kept in
    ``marks`` (field path -> footnote ids) for the renderer; seeded, so a seed names one page set."""
    from extractor.records import to_dict
    from training.generate.values import load_pools, synthetic_filing
    from training.import_dev_gold import text_visible

    rng = random.Random(seed)
    pools = load_pools()
    envs = []
    for k in range(n):
        form = "3" if k < max(1, n // 4) else "4"
        if rng.random() < 0.1:
            form += "/A"
        sample = synthetic_filing(rng, pools, form)
        # Gold is what the page prints, as for the dev gold: no CIKs, no unmarked equity-swap box, and
        # no owned-following figure in a Form 3 Table II (the form has no such column).
        filing = text_visible(sample.filing)
        if form.startswith("3"):
            for row in filing.derivative_holdings:
                row.shares_owned_following_transaction = None
        envs.append(
            {
                "document_id": f"gen_syn{seed}x{k:03d}",
                "source": "synthetic",
                "form_type": form,
                "filing": to_dict(filing),
                "marks": {path: list(ids) for path, ids in sample.refs.items()},
            }
        )
    return envs


def base_id(env: dict[str, Any]) -> str:
    """``dev_01a608e459_w3m`` -> ``cb_01a608e459``; ``gen_syn21x003`` -> ``cb_syn21x003``."""
    parts = str(env["document_id"]).split("_")
    return "cb_" + (parts[1] if len(parts) > 1 else parts[0])


def doc_path(out: Path, base: str, converter: str) -> Path:
    suffix = ".html" if converter == "html" else ".txt"
    return out / "docs" / f"{base}_{converter}{suffix}"


def render_page(env: dict[str, Any], out: Path) -> Path:
    """Render the record's HTML into ``OUT/html/<base>.html`` (footnote marks from the XML if present)."""
    page = out / "html" / f"{base_id(env)}.html"
    if page.exists():
        return page
    source = Path(str(env.get("source") or ""))
    marks = env.get("marks") or (
        footnote_marks_from_xml(source) if source.suffix == ".xml" and source.is_file() else {}
    )
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(render_ownership_html(env["filing"], str(env["form_type"]), marks), encoding="utf-8")
    return page


def convert_page(page: str, out: str) -> list[str]:
    """All converters for one page (worker entry point); returns error messages, empty when all worked."""
    page_path, out_path = Path(page), Path(out)
    base = page_path.stem
    pdf = out_path / "pdf" / f"{base}.pdf"
    errors: list[str] = []
    for name in CONVERTERS:
        target = doc_path(out_path, base, name)
        if target.exists():
            continue
        try:
            if name in {"pdf_layout", "pdf_raw", "ocr300", "ocr150"} and not pdf.exists():
                conv.html_to_pdf(page_path, pdf)
            text = {
                "html": lambda: page_path.read_text(encoding="utf-8"),
                "w3m": lambda: conv.html_to_w3m(page_path),
                "pdf_layout": lambda: conv.pdf_to_text_layout(pdf),
                "pdf_raw": lambda: conv.pdf_to_text_raw(pdf),
                "ocr300": lambda: conv.pdf_to_ocr(pdf, 300),
                "ocr150": lambda: conv.pdf_to_ocr(pdf, 150),
            }[name]()
        except conv.ConverterError as exc:
            errors.append(f"{base} {name}: {exc}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return errors


def write_gold(envs: list[dict[str, Any]], out: Path) -> None:
    """One gold envelope per (record, converter), id and ``converter`` set to the benchmark document's."""
    gold = out / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    for env in envs:
        for name in CONVERTERS:
            doc_id = f"{base_id(env)}_{name}"
            # the renderer's footnote marks are not part of the record
            copy = {k: v for k, v in env.items() if k != "marks"}
            copy.update(document_id=doc_id, converter=name, origin_document_id=env["document_id"])
            (gold / f"{doc_id}.json").write_text(
                json.dumps(copy, indent=1, ensure_ascii=False), encoding="utf-8"
            )


def run_extractor(out: Path, workers: int) -> None:
    exe = str(ROOT / ".venv" / "bin" / "extractor")
    extract = [exe, "extract", str(out / "docs"), "-o", str(out / "pred.jsonl"), "--workers", str(workers)]
    subprocess.run([*extract, "--no-resume"], check=True, timeout=3600)
    evaluate = [exe, "evaluate", "--gold", str(out / "gold"), "--pred", str(out / "pred.jsonl")]
    subprocess.run(
        [*evaluate, "--report", str(out / "report")], check=True, timeout=600, stdout=subprocess.DEVNULL
    )


def per_converter(out: Path) -> dict[str, dict[str, Any]]:
    """Score each converter's documents alone: micro P/R/F1, per-field counts, all errors to errors.jsonl."""
    from extractor.evaluate.commands import evaluate_files

    preds = [
        json.loads(line) for line in (out / "pred.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    results: dict[str, dict[str, Any]] = {}
    for name in CONVERTERS:
        sub = out / "by_converter" / name
        (sub / "gold").mkdir(parents=True, exist_ok=True)
        for gold in (out / "gold").glob(f"*_{name}.json"):
            (sub / "gold" / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
        keep = [p for p in preds if str(p.get("document_id", "")).endswith(f"_{name}")]
        (sub / "pred.jsonl").write_text("".join(json.dumps(p) + "\n" for p in keep), encoding="utf-8")
        result = evaluate_files(sub / "gold", sub / "pred.jsonl").result
        (sub / "errors.jsonl").write_text(
            "".join(json.dumps(dataclasses.asdict(e), default=str) + "\n" for e in result.errors),
            encoding="utf-8",
        )
        fields = {
            path: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "f1": round(c.f1, 4)}
            for path, c in result.by_field.items()
            if c.tp + c.fp + c.fn
        }
        results[name] = {
            "n_docs": len(keep),
            "errors": sum(1 for p in keep if p.get("error")),
            "micro": {
                "tp": result.overall.tp,
                "fp": result.overall.fp,
                "fn": result.overall.fn,
                "f1": round(result.overall.f1, 4),
            },
            "fields": fields,
        }
    return results


def print_table(results: dict[str, dict[str, Any]]) -> None:
    print(f"{'converter':<12}{'docs':>6}{'err':>5}{'tp':>7}{'fp':>6}{'fn':>6}{'micro F1':>10}")
    for name, r in results.items():
        m = r["micro"]
        print(
            f"{name:<12}{r['n_docs']:>6}{r['errors']:>5}{m['tp']:>7}{m['fp']:>6}{m['fn']:>6}{m['f1']:>10.3f}"
        )
    for name in NEW_CONVERTERS:
        worst = sorted(
            results[name]["fields"].items(), key=lambda kv: (kv[1]["f1"], -kv[1]["fn"] - kv[1]["fp"])
        )
        print(f"\n{name}: 10 worst fields")
        for path, c in worst[:10]:
            print(f"  {path:<60} f1={c['f1']:.3f} tp={c['tp']} fp={c['fp']} fn={c['fn']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=40, help="gold records to render")
    ap.add_argument("--seed", type=int, default=0, help="seed of the record sample")
    ap.add_argument("--out", type=Path, default=Path("/tmp/convbench"), help="output directory")
    ap.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help="gold envelopes to sample from")
    ap.add_argument("--workers", type=int, default=2, help="conversion and extraction processes")
    ap.add_argument("--skip-extract", action="store_true", help="only render and convert")
    ap.add_argument(
        "--synthetic", action="store_true", help="generated records (unseen people and issuers), not dev gold"
    )
    args = ap.parse_args(argv)
    out: Path = args.out.resolve()
    envs = (
        synthetic_records(args.n, args.seed)
        if args.synthetic
        else pick_records(args.gold_dir, args.n, args.seed)
    )
    pages = [render_page(env, out) for env in envs]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        errors = [
            e for errs in pool.map(convert_page, map(str, pages), [str(out)] * len(pages)) for e in errs
        ]
    for err in errors:
        print("conversion failed:", err, file=sys.stderr)
    write_gold(envs, out)
    if args.skip_extract:
        return 0
    run_extractor(out, args.workers)
    results = per_converter(out)
    forms: defaultdict[str, int] = defaultdict(int)
    for env in envs:
        forms[str(env["form_type"])] += 1
    summary = {
        "n_records": len(envs),
        "records": "synthetic" if args.synthetic else "dev gold",
        "forms": dict(forms),
        "seed": args.seed,
        "converters": results,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(f"N={len(envs)} records ({dict(forms)}), seed={args.seed}, out={out}")
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
