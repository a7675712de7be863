"""Shared fixtures: where the read-only material in ../shared lives, and the bundled samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EXTRACTOR_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
DEV_DOCS = SHARED / "data" / "dev" / "docs"
DEV_GOLD = SHARED / "data" / "dev" / "gold"
XML_DIR = SHARED / "data" / "xml"
SAMPLES = REPO / "docs" / "samples"
ANNOTATIONS = REPO / "annotations"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"../shared not found at {SHARED} (set EXTRACTOR_SHARED)"
    return SHARED


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    return paths
