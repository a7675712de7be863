"""Expand the user's PATH arguments (files, directories, globs, ``-``) into an ordered list of inputs."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

# What a directory walk picks up; a file named explicitly is read whatever its suffix.
TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".text", ".nc"})


def expand_inputs(paths: list[str]) -> Iterator[str]:
    """Yield input paths in the order given; directories are walked in sorted order. Duplicates dropped."""
    seen: set[str] = set()
    for arg in paths:
        for path in _expand_one(arg):
            if path not in seen:
                seen.add(path)
                yield path


def _expand_one(arg: str) -> Iterator[str]:
    if arg == "-":
        yield "-"
        return
    p = Path(arg)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                yield str(child)
        return
    if p.exists():
        yield str(p)
        return
    matches = sorted(glob.glob(arg, recursive=True))
    if matches:
        for m in matches:
            yield from _expand_one(m)
    else:
        # Keep it: the runner turns a missing file into that document's error record.
        yield arg
