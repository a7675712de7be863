"""Batch inference: input expansion, per-document fault isolation, streaming writers."""
