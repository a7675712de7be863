"""Batch inference: the ``extractor extract`` job.

- ``inputs``: PATH arguments -> ordered input list.
- ``documents``: ``process_one`` (one input -> one envelope, never raising), the unit every engine maps.
- ``workers``: N processes, ordered results, bounded window, per-document time budget.
- ``dask_runner``: the same map on a Dask cluster (``--scheduler``).
- ``resume``: content-hash manifest, torn-line repair, append-only reruns.
- ``progress``: rich bar on a terminal, periodic log lines otherwise.
- ``writers`` / ``tables`` / ``xml_export``: CSV, Parquet and EDGAR XML written from the JSONL.
- ``runner``: ``run_extract`` tying them together; people are resolved there, in one process.
"""
