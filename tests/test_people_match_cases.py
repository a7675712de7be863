"""Match / non-match pairs as one table (nomenklatura's habit): each row states the expected decision.

Each case: mention A seen first (it creates the entity), then mention B is decided against it.
A mention is (printed name, role, issuer, address, document, cik).
"""

from __future__ import annotations

import pytest

from extractor.people.matcher import Mention, Profile, decide
from extractor.people.names import clean_printed, parse_name, parse_signature
from extractor.people.resolve import ROLE_ORDER

ALT, ALT_ADDR = "altiris inc", "c o altiris inc 588 west 400 south 84042"
TCV_ADDR = "528 ramona street 94301"


def mention(
    printed: str, role: str = "owner", issuer: str = "", address: str = "", doc: str = "d1", cik: str = ""
) -> Mention:
    if role in ("signer", "attorney_in_fact"):
        printed = parse_signature(printed).signer
    m = Mention(
        document_id=doc, field="f", printed=printed, role=role, issuer=issuer, address=address, cik=cik
    )
    m.name = parse_name(clean_printed(printed), order=ROLE_ORDER[role])
    return m


def decision(a: Mention, b: Mention) -> bool:
    assert a.name is not None
    profile = Profile(entity_id="E", kind=a.name.kind)
    profile.add(a)
    return decide(b, profile).match


RP = "related_person"
MATCH = [
    (mention("BUTTERFIELD GREGORY S", issuer=ALT), mention("Butterfield, Gregory S.", RP, ALT, doc="d2")),
    (mention("BUTTERFIELD GREGORY S", doc="d1"), mention("/s/ Gregory S. Butterfield", "signer", doc="d1")),
    (
        mention("Butterfield, Gregory S.", RP, ALT, doc="d3"),
        mention("Gregory S. Butterfield", "signer", ALT, doc="d0"),
    ),
    (
        mention("Levinthal, Michael J.", RP, ALT, ALT_ADDR, "d3"),
        mention("Levinthal, Michael H.", RP, ALT, "2800 sand hill road 94025", "d4"),
    ),
    (mention("Levchin Max R", doc="x"), mention("/s/ Max R. Levchin", "signer", doc="x")),
    (
        mention("THIEL PETER", issuer="palantir", address="a st 1"),
        mention("THIEL PETER", issuer="facebook", address="b st 2", doc="d2"),
    ),
    (mention("BOTHA ROELOF", issuer="natera inc"), mention("BOTHA ROELOF", issuer="block inc", doc="d9")),
    (mention("SMITH JOHN", cik="0001"), mention("Smith J", cik="0001", doc="d2")),
    (mention("Kinghorn, Dwain A.", RP, ALT), mention("KINGHORN DWAIN A", issuer=ALT, doc="d2")),
    (mention("BUTTERFIELD GREGORY S", issuer=ALT), mention("Butterfleld, Gregory S.", RP, ALT, doc="d2")),
    (mention("BUTTERFIELD GREGORY S", issuer=ALT), mention("G. Butterfield", "signer", ALT, doc="d2")),
    (
        mention("Roach, V. Eric", RP, ALT, ALT_ADDR),
        mention("Roach, V. Eric", RP, ALT, "p o box 525 92067", "d4"),
    ),
    (mention("Mithril II LP", issuer="x"), mention("MITHRIL II, L.P.", issuer="y", doc="d2")),
    (
        mention("Sequoia Capital U.S. Growth Fund IV, L.P."),
        mention("SEQUOIA CAPITAL U.S. GROWTH FUND IV LP", doc="d2"),
    ),
    (mention("Smith, John A., Jr.", RP, "acme"), mention("SMITH JOHN A JR", issuer="acme", doc="d2")),
    (mention("Van Dyke, John", RP, "acme"), mention("VAN DYKE JOHN", issuer="acme", doc="d2")),
    (mention("de la Cruz, Maria", RP, "acme"), mention("Maria de la Cruz", "signer", "acme", doc="d2")),
    (mention("Müller, Jörg", RP, "acme"), mention("MULLER JORG", issuer="acme", doc="d2")),
    (mention("Hurley Chad", doc="h"), mention("/s/ Chad Hurley", "signer", doc="h")),
    (mention("Singerman Brian Aaron", doc="s"), mention("/s/ Brian A. Singerman", "signer", doc="s")),
    (mention("O'Brien, Patrick", RP, "acme"), mention("OBRIEN PATRICK", issuer="acme", doc="d2")),
    (
        mention("SMITH JOHN", issuer="a", address="1 main st 10001"),
        mention("John Smith", RP, "b", "1 main st 10001", "d2"),
    ),
    (
        mention("Jung Yeon Son, Attorney-in-fact for Roelof Botha", "attorney_in_fact", "x"),
        mention("/s/ Jung Yeon Son, Attorney-In-Fact", "attorney_in_fact", "x", doc="d7"),
    ),
]
NON_MATCH = [
    (mention("Mithril II LP"), mention("Mithril II GP LP", doc="d2")),
    (mention("Mithril II LP"), mention("Mithril II UGP LLC", doc="d2")),
    (mention("Mithril II GP LP"), mention("Mithril II UGP LLC", doc="d2")),
    (
        mention("Reid Hoffman & Michelle Yee Living Trust", RP, "x"),
        mention("Hoffman Reid", issuer="x", doc="d2"),
    ),
    (
        mention("Hoffman Reid", issuer="x"),
        mention("Reid Hoffman & Michelle Yee Living Trust", RP, "x", doc="d2"),
    ),
    (mention("Smith, John, Jr.", RP, "acme"), mention("Smith, John", RP, "acme", doc="d2")),
    (mention("SMITH JOHN SR", issuer="acme"), mention("SMITH JOHN JR", issuer="acme", doc="d2")),
    (
        mention("SMITH JOHN", issuer="a", address="1 main st 10001"),
        mention("SMITH JOHN", issuer="b", address="9 elm rd 60601", doc="d2"),
    ),
    (
        mention("Johnson, Michael", RP, "a", "1 main st 10001"),
        mention("JOHNSON MICHAEL", issuer="b", address="2 oak 94025", doc="d2"),
    ),
    (mention("THIEL PETER", cik="0001"), mention("THIEL PETER", cik="0002", doc="d2")),
    (
        mention("Levinthal, Michael H.", RP, "a", "1 x st 1"),
        mention("Levinthal, Michael J.", RP, "b", "2 y st 2", "d2"),
    ),
    (mention("Butterfield, Gregory", RP, ALT), mention("Butterfield, Steven", RP, ALT, doc="d2")),
    (mention("Erickson, Stephen C.", RP, ALT), mention("Erickson, Stephanie", RP, ALT, doc="d2")),
    (mention("BOTHA ROELOF"), mention("Roelof Botha Family Trust", RP, doc="d2")),
    (
        mention("Hoag, Jay C.", RP, "x", TCV_ADDR),
        mention("Jay C. Hoag Revocable Trust", RP, "x", TCV_ADDR, "d2"),
    ),
    (mention("Kinghorn, Dwain", RP, ALT), mention("Kinghorn, Dale", RP, ALT, doc="d2")),
    (
        mention("Entities Affiliated with Technology Crossover Ventures", RP),
        mention("Technology Crossover Ventures", RP, doc="d2"),
    ),
    (
        mention("BOTHA ROELOF", doc="b"),
        mention("/s/ Susan Szotek, Attorney-in-Fact", "attorney_in_fact", doc="b"),
    ),
    (mention("Smith, J.", RP, "a"), mention("Smith, John", RP, "b", doc="d2")),
    (mention("Sequoia Capital Fund XV LP"), mention("Sequoia Capital Fund XIV LP", doc="d2")),
    (mention("Growth Fund 1 LP"), mention("Growth Fund 2 LP", doc="d2")),
    (mention("Levinthal, Michael H.", RP, ALT), mention("Levinthal, Michelle H.", RP, ALT, doc="d2")),
]


@pytest.mark.parametrize(("a", "b"), MATCH, ids=[f"{a.printed}~{b.printed}" for a, b in MATCH])
def test_people_match_cases_match(a: Mention, b: Mention) -> None:
    assert decision(a, b)


@pytest.mark.parametrize(("a", "b"), NON_MATCH, ids=[f"{a.printed}!~{b.printed}" for a, b in NON_MATCH])
def test_people_match_cases_non_match(a: Mention, b: Mention) -> None:
    assert not decision(a, b)


def test_people_match_cases_table_is_large_enough() -> None:
    assert len(MATCH) + len(NON_MATCH) >= 40
