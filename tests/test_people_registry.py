"""The registry: ids stable across runs, incremental batches, and human corrections that win."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from extractor.people.registry import Registry
from extractor.people.resolve import resolve_envelopes
from extractor.records import Envelope, read_gold_dir
from tests.conftest import ANNOTATIONS


@pytest.fixture()
def seed_gold() -> list[Envelope]:
    return read_gold_dir(ANNOTATIONS / "seeds")


def _ids(envs: list[Envelope]) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for e in envs:
        f = e.filing
        for o in getattr(f, "reporting_owners", []):
            out[(e.document_id, o.name)] = o.person_id
        for r in getattr(f, "related_persons", []):
            out[(e.document_id, r.name)] = r.person_id
        sig = getattr(f, "signature", None)
        if sig is not None:
            out[(e.document_id, sig.name_of_signer)] = sig.person_id
    return out


def test_people_registry_seed_people_resolve_to_gold_clusters(
    seed_gold: list[Envelope], tmp_path: Path
) -> None:
    """Butterfield's three spellings are one id; Levinthal H./J. one id; TCV is an organisation."""
    resolve_envelopes(seed_gold, tmp_path / "p.sqlite")
    ids = _ids(seed_gold)
    butterfield = {ids[k] for k in ids if "utterfield" in k[1].lower()}
    assert len(butterfield) == 1
    levinthal = {ids[k] for k in ids if k[1].startswith("Levinthal")}
    assert len(levinthal) == 1
    tcv = {v for k, v in ids.items() if k[1].startswith("Entities Affiliated")}
    assert len(tcv) == 1 and next(iter(tcv)).startswith("O")
    assert len({v for v in ids.values()}) == 16  # 15 people and one organisation


def test_people_registry_ids_stable_across_runs_and_batches(
    seed_gold: list[Envelope], tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    first = copy.deepcopy(seed_gold)
    resolve_envelopes(first, db)
    # Rerun on the same registry: same ids.
    again = copy.deepcopy(seed_gold)
    resolve_envelopes(again, db)
    assert _ids(again) == _ids(first)
    # Incremental: Form D first, Form 4s in a later batch still join the existing people.
    db2 = tmp_path / "q.sqlite"
    formd = [copy.deepcopy(e) for e in seed_gold if e.form_type == "D"]
    form4 = [copy.deepcopy(e) for e in seed_gold if e.form_type == "4"]
    resolve_envelopes(formd, db2)
    resolve_envelopes(form4, db2)
    ids = _ids(formd + form4)
    assert len({ids[k] for k in ids if "utterfield" in k[1].lower()}) == 1


def test_people_registry_corrections_persist_and_win(seed_gold: list[Envelope], tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    envs = copy.deepcopy(seed_gold)
    resolve_envelopes(envs, db)
    ids = _ids(envs)
    hoag = ids[("003_262aa0aaa1ef1616", "Hoag, Jay C.")]
    filler = ids[("003_262aa0aaa1ef1616", "Filler, Gary B.")]
    assert hoag != filler
    with Registry(db) as reg:
        reg.merge(hoag, filler)
        # Split Levinthal's 004 mention out of his entity.
        lev = ids[("004_d53a7f08ca81b833", "Levinthal, Michael H.")]
        mention_ids = [m.id for m in reg.mentions(lev) if m.document_id.startswith("004")]
        reg.split(lev, mention_ids, "P-levinthal-split")
    rerun = copy.deepcopy(seed_gold)
    resolve_envelopes(rerun, db)
    ids2 = _ids(rerun)
    assert ids2[("003_262aa0aaa1ef1616", "Filler, Gary B.")] == hoag
    assert ids2[("004_d53a7f08ca81b833", "Filler, Gary B.")] == hoag
    assert ids2[("004_d53a7f08ca81b833", "Levinthal, Michael H.")] == "P-levinthal-split"
    assert ids2[("003_262aa0aaa1ef1616", "Levinthal, Michael J.")] == lev
