"""``--scheduler``: the same job on a Dask cluster gives the records of the local run (people are
resolved on the client, in input order)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.batch.runner import run_extract
from tests.conftest import DEV_DOCS

pytest.importorskip("dask.distributed")

N_DOCS = 5


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("chunk_size", [2])
def test_batch_dask_local_cluster_equals_local_run(chunk_size: int, tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    from extractor.batch import dask_runner

    docs = [str(p) for p in sorted(DEV_DOCS.glob("*.txt"))[:N_DOCS]]
    docs.append(str(tmp_path / "missing.txt"))  # a failing document travels as its error record
    local = tmp_path / "local" / "out.jsonl"
    assert run_extract(docs, local, workers=0) == 0

    out = tmp_path / "dask" / "out.jsonl"
    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        dashboard_address=":0",
        protocol="tcp",
        host="127.0.0.1",
    ) as cluster:
        original = dask_runner.DEFAULT_CHUNK
        dask_runner.DEFAULT_CHUNK = chunk_size  # several chunks: the pipelined gather keeps order
        try:
            assert run_extract(docs, out, scheduler=cluster.scheduler_address) == 0
        finally:
            dask_runner.DEFAULT_CHUNK = original
    assert _records(out) == _records(local)
