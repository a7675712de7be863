"""XML documents inside full EDGAR submissions (.txt / .nc): found, named, and errors reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.edgar_xml import import_file
from extractor.edgar_xml.submission import find_xml_documents, is_submission
from extractor.records import FormDFiling, OwnershipFiling
from tests.conftest import XML_DIR

FORMD = XML_DIR / "formd"
OWNERSHIP_XML = XML_DIR / "ownership" / "0000899243-19-022340.xml"


def _wrap(*bodies: bytes) -> bytes:
    docs = b"".join(
        b"<DOCUMENT>\n<TYPE>4\n<SEQUENCE>%d\n<FILENAME>doc%d.xml\n<TEXT>\n<XML>\n%s\n</XML>\n</TEXT>\n</DOCUMENT>\n"
        % (i, i, body)
        for i, body in enumerate(bodies, 1)
    )
    return b"<SEC-DOCUMENT>x.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t4\n</SEC-HEADER>\n" + docs


@pytest.mark.parametrize(
    ("name", "form_type", "entity"),
    [
        (
            "Nicola-Maria-Fiore__SECforms_parser__2381_0001465818-11-000005.txt",
            "D",
            "ADMINISTRATIVE SYSTEMS INC",
        ),
        ("dgunning__edgartools__0001398344-24-000491.nc", "D/A", "INVESTURE OPPORTUNITY FUND, LP"),
    ],
)
def test_edgar_xml_formd_found_in_submission(name: str, form_type: str, entity: str) -> None:
    data = (FORMD / name).read_bytes()
    assert is_submission(data)
    blocks = find_xml_documents(data)
    assert len(blocks) == 1 and blocks[0].filename == "primary_doc.xml"
    result = import_file(FORMD / name)
    assert result.errors == []
    (env,) = result.envelopes
    assert env.document_id == Path(name).stem
    assert env.form_type == form_type
    assert isinstance(env.filing, FormDFiling) and env.filing.primary_issuer is not None
    assert env.filing.primary_issuer.entity_name == entity


@pytest.mark.parametrize("n_docs", [2, 3])
def test_edgar_xml_several_documents_suffixed(n_docs: int, tmp_path: Path) -> None:
    path = tmp_path / "0000899243-19-022340.txt"
    path.write_bytes(_wrap(*[OWNERSHIP_XML.read_bytes()] * n_docs))
    result = import_file(path)
    assert result.errors == []
    assert [e.document_id for e in result.envelopes] == [f"{path.stem}_{i}" for i in range(1, n_docs + 1)]
    assert all(isinstance(e.filing, OwnershipFiling) for e in result.envelopes)


@pytest.mark.parametrize(
    ("data", "code", "n_ok"),
    [
        (b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\nno xml here\n</TEXT>\n</DOCUMENT>\n", "E204", 0),
        (_wrap(b"<ownershipDocument><documentType>4</documentType>", b"<<<not xml"), "E202", 1),
        (_wrap(b"<?xml version='1.0'?><xbrl/>"), "E201", 0),  # only non-EDGAR-form XML
    ],
)
def test_edgar_xml_submission_errors(data: bytes, code: str, n_ok: int, tmp_path: Path) -> None:
    path = tmp_path / "sub.txt"
    path.write_bytes(data)
    result = import_file(path)
    assert len(result.envelopes) == n_ok
    assert len(result.errors) == 1 and code in result.errors[0]
