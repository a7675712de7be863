"""Owner hold-out of the ablation benchmark: owner-name matching, ``split_by_owner`` and the folds."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from extractor.ingest import normalise
from extractor.records import read_gold_dir
from training.ner_data import GoldDoc, owner_matches, split_by_owner

from .conftest import ANNOTATIONS, REPO

# Real dev gold: the Thiel/Singerman co-filed Form 3, a Selby and a Hurley filing (plus a Botha and a
# Levchin one, found by owner).
IDS = ("dev_ed48f40bb2_pdf_layout", "dev_3fac32ecd8_w3m", "dev_752eb69557_ocr300")


@pytest.fixture(scope="module")
def gold() -> list[GoldDoc]:
    envs = read_gold_dir(ANNOTATIONS / "dev")
    empty = normalise("")

    def first(owner: str) -> str:
        return next(e.document_id for e in envs if owner in _names(e.filing))

    ids = {*IDS, first("BOTHA ROELOF"), first("Levchin Max R")}
    return [GoldDoc(e.document_id, e, empty) for e in envs if e.document_id in ids]


def _names(filing: object) -> list[str]:
    return [o.name or "" for o in getattr(filing, "reporting_owners", []) or []]


def _ablation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ablation", REPO / "benchmarks" / "ablation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_owner_matches_whole_words_any_case() -> None:
    assert owner_matches("THIEL PETER", "thiel")
    assert owner_matches("Levchin Max R", "max levchin")
    assert owner_matches("Levchin Max R.", "LEVCHIN MAX R")
    assert not owner_matches("THIEL PETER", "thie")
    assert not owner_matches("THIEL PETER", "thiel roelof")
    assert not owner_matches("THIEL PETER", " ")


def _owners(docs: list[GoldDoc]) -> set[str]:
    return {o for d in docs for o in d.owners}


def test_split_holds_out_matching_owners_and_their_co_filings(gold: list[GoldDoc]) -> None:
    train, held = split_by_owner(gold, heldout_owners=["thiel"])
    assert "dev_ed48f40bb2_pdf_layout" in {d.doc_id for d in held}  # co-filed with Singerman
    assert _owners(held) == {"THIEL PETER", "Singerman Brian Aaron"}
    assert _owners(train) == {"BOTHA ROELOF", "Levchin Max R", "Selby Jack", "Hurley Chad"}
    train, held = split_by_owner(gold, heldout_owners=["singerman"])
    assert [d.doc_id for d in held] == ["dev_ed48f40bb2_pdf_layout"]
    _, held = split_by_owner(gold, heldout_owners=["Selby", "hurley chad"])
    assert _owners(held) == {"Selby Jack", "Hurley Chad"}


def test_split_default_unchanged(gold: list[GoldDoc]) -> None:
    train, held = split_by_owner(gold)
    assert _owners(held) == {"Levchin Max R", "Selby Jack", "Hurley Chad"}
    assert _owners(train) == {"BOTHA ROELOF", "THIEL PETER", "Singerman Brian Aaron"}


def test_all_folds_partition_the_documents(gold: list[GoldDoc]) -> None:
    folds = _ablation().fold_owners("all", [d.owners for d in gold])
    assert folds == [["botha roelof"], ["thiel peter"], ["Hurley Chad", "Levchin Max R", "Selby Jack"]]
    held = [split_by_owner(gold, heldout_owners=f)[1] for f in folds]
    ids = [d.doc_id for h in held for d in h]
    assert sorted(ids) == sorted(d.doc_id for d in gold)
    assert _ablation().fold_owners(" levchin, selby ", []) == [["levchin", "selby"]]
