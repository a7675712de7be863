"""``generate_corpus``: a seeded stream of generated documents (Forms 3/4/5 in every style, and Form D).

Document ``k`` of a corpus uses its own ``random.Random(f"{seed}:{k}")``, so a document does not depend
on how many came before it and ``--n 20`` is a prefix of ``--n 200``.

Form D documents come from the colleague's paper-era renderer (``training.render_formd``), which returns
text and record but no spans; their spans are placed by the aligner (``training.align.align_record``) and
are therefore *aligned*, not exact: a value the aligner cannot place has no span
(``variant["unplaced"]`` counts them).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from extractor.records import Envelope, PrimaryIssuer, RelatedPerson
from training.generate.document import GeneratedDoc
from training.generate.layouts import STYLES, render
from training.generate.values import DATA_DIR, load_pools, sample_filing


def generate_doc(
    k: int, *, seed: int, style: str, noise: float | None = None, data_dir: Path = DATA_DIR
) -> GeneratedDoc:
    rng = random.Random(f"{seed}:{k}")
    pools = load_pools(data_dir)
    sample = sample_filing(rng, pools)
    rendered = render(sample, style, rng, noise)
    doc_id = f"gen_{seed}_{k:06d}_{style}"
    env = Envelope(
        document_id=doc_id, source=f"{doc_id}.txt", form_type=sample.form_type, filing=sample.filing
    )
    return GeneratedDoc(
        doc_id=doc_id,
        text=rendered.text,
        envelope=env,
        spans=rendered.spans,
        style=style,
        seed=seed,
        noise=rendered.noise,
        variant={**rendered.variant.to_dict(), "record": sample.source, "refs": sample.refs},
    )


def generate_formd_doc(k: int, *, seed: int, data_dir: Path = DATA_DIR) -> GeneratedDoc:
    """A paper-era Form D via ``training.render_formd``; spans placed by the aligner (not exact)."""
    from extractor.ingest import normalise
    from training import render_formd
    from training.align import align_record

    rng = random.Random(f"{seed}:{k}:D")
    issuers, persons = _formd_pools(data_dir)
    filing = render_formd.make_filing(rng.choice(issuers), persons, rng)
    rendered = render_formd.render(filing, rng)
    doc_id = f"gen_{seed}_{k:06d}_formd"
    form_type = "D/A" if rendered.filing.is_amendment else "D"
    env = Envelope(document_id=doc_id, source=f"{doc_id}.txt", form_type=form_type, filing=rendered.filing)
    nt = normalise(rendered.text)
    result = align_record(env, nt)
    spans = []
    for fs in result.spans:
        s, e = nt.source_span(fs.start, fs.end)
        spans.append((fs.path, fs.label, s, e))
    return GeneratedDoc(
        doc_id,
        rendered.text,
        env,
        spans,
        "formd_paper",
        seed,
        0.0,
        {"spans": "aligned", "unplaced": len(result.missing)},
    )


@functools.lru_cache(maxsize=4)
def _formd_pools(data_dir: Path) -> tuple[list[PrimaryIssuer], list[RelatedPerson]]:
    from training import render_formd

    return (
        render_formd.load_issuers(data_dir / "xml/formd/tables"),
        render_formd.load_persons(data_dir / "xml/formd"),
    )


def generate_corpus(
    n: int,
    *,
    seed: int,
    styles: Sequence[str] = STYLES,
    noise: float | None = None,
    formd_share: float = 0.0,
    data_dir: Path = DATA_DIR,
) -> Iterator[GeneratedDoc]:
    """``n`` documents, styles in rotation; a ``formd_share`` of them Form D (aligned spans)."""
    for k in range(n):
        pick = random.Random(f"{seed}:{k}:pick")
        if formd_share and pick.random() < formd_share:
            yield generate_formd_doc(k, seed=seed, data_dir=data_dir)
        else:
            yield generate_doc(k, seed=seed, style=styles[k % len(styles)], noise=noise, data_dir=data_dir)
