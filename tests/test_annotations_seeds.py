"""The hand-made seed gold (annotations/seeds) and the people file (annotations/people.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.records import Envelope, FormDFiling, OwnershipFiling
from tests.conftest import ANNOTATIONS, SEEDS

SEED_GOLD = sorted((ANNOTATIONS / "seeds").glob("*.json"))
PEOPLE = ANNOTATIONS / "people.json"


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _people() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(PEOPLE.read_text(encoding="utf-8"))
    return data


def _person_names(env: Envelope) -> list[str]:
    """Every person-bearing object's name as printed: owners, signatures, related persons, the signer."""
    f = env.filing
    if isinstance(f, OwnershipFiling):
        return [o.name for o in f.reporting_owners if o.name] + [s.name for s in f.signatures if s.name]
    if isinstance(f, FormDFiling):
        names = [p.name for p in f.related_persons if p.name]
        if f.signature and f.signature.name_of_signer:
            names.append(f.signature.name_of_signer)
        return names
    return []


@pytest.mark.parametrize("path", SEED_GOLD, ids=lambda p: p.stem)
def test_annotations_seed_gold_loads(path: Path) -> None:
    """Each seed gold is a valid envelope for an existing seed, with no value the text cannot show."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    env = Envelope.from_dict(data)
    assert env.document_id == path.stem
    assert (SEEDS / f"{path.stem}.txt").is_file()
    assert env.form_type in {"4", "D"}
    assert env.error is None and env.filing is not None
    assert '"cik"' not in path.read_text(encoding="utf-8")  # no seed prints a CIK


def test_annotations_every_seed_has_gold() -> None:
    assert [p.stem for p in SEED_GOLD] == [p.stem for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize(("person", "mentions"), sorted(_people().items()))
def test_annotations_people_mentions_exist(person: str, mentions: list[str]) -> None:
    """Each "document_id:name" names a seed and a name that the seed's text prints (whitespace aside)."""
    for mention in mentions:
        doc_id, _, name = mention.partition(":")
        text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert name and _squeeze(name) in _squeeze(text), mention


@pytest.mark.parametrize("path", SEED_GOLD, ids=lambda p: p.stem)
def test_annotations_people_cover_every_person_object(path: Path) -> None:
    """Trap: a person object left out of the people file would get no gold cluster."""
    env = Envelope.from_dict(json.loads(path.read_text(encoding="utf-8")))
    listed = {m for ms in _people().values() for m in ms}
    for name in _person_names(env):
        assert f"{env.document_id}:{name}" in listed


@pytest.mark.parametrize(
    ("mentions", "same"),
    [
        (
            ("000_5efcf6bf3a65d836:BUTTERFIELD GREGORY S", "003_262aa0aaa1ef1616:Butterfield, Gregory S."),
            True,
        ),
        (
            ("000_5efcf6bf3a65d836:Gregory S. Butterfield", "004_d53a7f08ca81b833:Butterfield, Gregory S."),
            True,
        ),
        (("003_262aa0aaa1ef1616:Levinthal, Michael J.", "004_d53a7f08ca81b833:Levinthal, Michael H."), True),
        (("003_262aa0aaa1ef1616:Christensen, Craig H.", "004_d53a7f08ca81b833:Craig H. Christensen"), True),
        (("002_d4c5844a8aef3774:KINGHORN DWAIN A", "004_d53a7f08ca81b833:Kinghorn, Dwain A."), True),
        (("003_262aa0aaa1ef1616:Erickson, Stephen C.", "003_262aa0aaa1ef1616:Madigan, Stephen M."), False),
        (
            (
                "003_262aa0aaa1ef1616:Hoag, Jay C.",
                "003_262aa0aaa1ef1616:Entities Affiliated with Technology Crossover Ventures",
            ),
            False,
        ),
    ],
)
def test_annotations_people_clusters(mentions: tuple[str, str], same: bool) -> None:
    """Match / non-match pairs: one key per human; the organisation is never merged with a person."""
    owner = {m: person for person, ms in _people().items() for m in ms}
    assert (owner[mentions[0]] == owner[mentions[1]]) is same


def test_annotations_people_count() -> None:
    """15 people and one organisation appear in the five seeds."""
    assert len(_people()) == 16
