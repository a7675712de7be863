"""Entities + layout -> records; value normalisers (dates, numbers, names, states)."""
