"""Record model: SCHEMA.md keys round-trip, and bad input names the key and the document."""

from __future__ import annotations

import json

import pytest

from extractor.errors import RecordError
from extractor.records import Envelope, OwnershipFiling, read_gold_dir
from tests.conftest import DEV_GOLD


def test_records_dev_gold_round_trips_key_for_key() -> None:
    """Every dev gold record parses and writes back the same filing dict."""
    files = sorted(DEV_GOLD.glob("dev_*.json"))
    assert len(files) == 217
    for file in files:
        data = json.loads(file.read_text())
        env = Envelope.from_dict(data)
        assert isinstance(env.filing, OwnershipFiling)
        assert env.to_dict()["filing"] == data["filing"], file.name


def test_records_read_gold_dir_skips_people_file() -> None:
    envs = read_gold_dir(DEV_GOLD)
    assert len(envs) == 217
    assert {e.form_type for e in envs} == {"3", "4"}


@pytest.mark.parametrize(
    ("patch", "match"),
    [
        ({"issuer": {"nme": "X"}}, r"E101.*'nme'.*filing\.issuer.*doc-1"),
        (
            {"reporting_owners": [{"name": "A", "is_director": "yes"}]},
            r"E102.*is_director.*reporting_owners\[0\]",
        ),
        ({"non_derivative_transactions": [{"transaction_shares": "1,477"}]}, r"E102.*transaction_shares"),
        ({"footnotes": {"id": "1"}}, r"E102.*footnotes.*a list"),
        ({"bogus": 1}, r"E101.*'bogus'"),
    ],
)
def test_records_bad_input_names_key_and_document(patch: dict, match: str) -> None:
    with pytest.raises(RecordError, match=match):
        Envelope.from_dict({"document_id": "doc-1", "form_type": "4", "filing": patch})


def test_records_unknown_form_type_rejected() -> None:
    with pytest.raises(RecordError, match="E104"):
        Envelope.from_dict({"document_id": "d", "form_type": "10-K", "filing": {}})


def test_records_numbers_accept_int_and_float_but_not_bool() -> None:
    env = Envelope.from_dict(
        {
            "document_id": "d",
            "form_type": "4",
            "filing": {
                "non_derivative_holdings": [
                    {"shares_owned_following_transaction": 1477},
                    {"shares_owned_following_transaction": 0.5},
                ]
            },
        }
    )
    assert env.to_dict()["filing"]["non_derivative_holdings"][0] == {
        "shares_owned_following_transaction": 1477
    }
    with pytest.raises(RecordError, match="E102"):
        Envelope.from_dict(
            {
                "document_id": "d",
                "form_type": "4",
                "filing": {"non_derivative_holdings": [{"shares_owned_following_transaction": True}]},
            }
        )


def test_records_form_d_round_trip() -> None:
    data = {
        "document_id": "d",
        "form_type": "D",
        "filing": {
            "offering_name": "Issuance of Warrant",
            "federal_exemptions": [],
            "primary_issuer": {"entity_name": "Altiris, Inc.", "state_or_country": "UT"},
            "related_persons": [{"name": "Butterfield, Gregory S.", "relationships": ["Director"]}],
            "expenses": {"legal_fees": 32000.0, "total": 32000.0},
            "signature": {"name_of_signer": "Stephen C. Erickson", "signature_date": "2006-11-30"},
        },
    }
    out = Envelope.from_dict(data).to_dict()["filing"]
    assert {k: out[k] for k in data["filing"]} == data["filing"]
    # Tables the input left out come back as empty lists, never absent: "no rows" is explicit.
    assert {k: v for k, v in out.items() if k not in data["filing"]} == {
        "securities_offered": [],
        "use_of_proceeds": [],
        "sales_compensation_recipients": [],
    }
