"""Imported by the worker pool's fork server: import the pipeline and load the models once, there.

Importing this module never raises (``warm_up`` turns any failure into a log line): the fork server
dies on an exception that is not ``ImportError``, and a colleague's half-finished assembler must
cost only its documents, never the pool.
"""

from extractor.batch.documents import warm_up

warm_up()
