"""Extraction throughput on the dev set: docs/s and MB/s in this process and with 1 and N worker
processes, against the floor of spaCy's tokenizer alone on the same normalised texts, and peak RSS.

    python benchmarks/throughput.py --docs ../shared/data/dev/docs --workers 2 --repeat 2

Pool rows time a warm pool (workers started and models loaded before the clock starts); the start-up
itself is reported separately, since it is paid once per run. People resolution and writing are not
included: this measures the extraction a worker does. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path

from extractor.batch.documents import process_one, warm_up
from extractor.batch.workers import WorkerPool, default_workers


@dataclass
class Row:
    name: str
    seconds: float
    n_docs: int
    n_bytes: int
    rss_mb: float | None = None
    note: str = ""


def _peak_rss_mb(pid: int) -> float | None:
    """VmHWM of a live process (Linux); ``None`` where /proc is not there."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _self_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_tokenizer(texts: list[str], n_bytes: int, repeat: int) -> Row:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            tokenizer(text)
        best = min(best, time.perf_counter() - started)
    return Row("spaCy tokenizer only (floor), 1 process", best, len(texts), n_bytes, _self_rss_mb())


def bench_in_process(sources: list[str], n_bytes: int, repeat: int) -> Row:
    warm_up()
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for source in sources:
            process_one(source)
        best = min(best, time.perf_counter() - started)
    return Row("extractor, in process (--workers 0)", best, len(sources), n_bytes, _self_rss_mb())


def bench_pool(sources: list[str], n_bytes: int, n_workers: int, repeat: int) -> tuple[Row, float]:
    started = time.perf_counter()
    with WorkerPool(n_workers, timeout=None) as pool:
        list(pool.imap(sources[: n_workers * 2]))  # every worker up, models loaded
        startup = time.perf_counter() - started
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for _env in pool.imap(sources):
                pass
            best = min(best, time.perf_counter() - t0)
        rss = [r for r in (_peak_rss_mb(pid) for pid in pool.worker_pids()) if r is not None]
    row = Row(
        f"extractor, {n_workers} worker process{'es' if n_workers > 1 else ''}",
        best,
        len(sources),
        n_bytes,
        max(rss) if rss else None,
        f"pool start-up {startup:.1f}s",
    )
    return row, startup


def markdown(rows: list[Row], floor: Row) -> str:
    floor_rate = floor.n_docs / floor.seconds
    out = [
        "| run | docs/s | MB/s | x tokenizer floor | peak RSS per process (MB) | note |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        rate = r.n_docs / r.seconds
        rss = f"{r.rss_mb:.0f}" if r.rss_mb is not None else "n/a"
        out.append(
            f"| {r.name} | {rate:.1f} | {r.n_bytes / r.seconds / 1e6:.3f} | {rate / floor_rate:.4f} | "
            f"{rss} | {r.note} |"
        )
    return "\n".join(out)


def main() -> None:
    default_docs = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev" / "docs"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=default_docs, help="Directory of filing texts.")
    ap.add_argument("--workers", type=int, default=default_workers(), help="N for the N-process row.")
    ap.add_argument("--repeat", type=int, default=2, help="Timed passes per row; the best is reported.")
    args = ap.parse_args()

    from extractor.ingest import read_document

    paths = sorted(p for p in args.docs.iterdir() if p.is_file())
    sources = [str(p) for p in paths]
    n_bytes = sum(p.stat().st_size for p in paths)
    texts = [read_document(s).text for s in sources]

    floor = bench_tokenizer(texts, n_bytes, args.repeat)
    rows = [floor, bench_in_process(sources, n_bytes, args.repeat)]
    for n in sorted({1, args.workers}):
        rows.append(bench_pool(sources, n_bytes, n, args.repeat)[0])
    print(
        f"{len(sources)} documents, {n_bytes / 1e6:.2f} MB, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end\n"
    )
    print(markdown(rows, floor))


if __name__ == "__main__":
    main()
