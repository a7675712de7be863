"""The hardened parser: no entity expansion, no local file or network reads, recovery from damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.edgar_xml import import_xml_bytes
from extractor.errors import XmlImportError
from extractor.records import OwnershipFiling
from tests.conftest import XML_DIR

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<ownershipDocument><documentType>4</documentType><remarks>&lol9;</remarks></ownershipDocument>"""


def _external_entity(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "{target}">]>\n'
        "<ownershipDocument><documentType>4</documentType><remarks>a&xxe;b</remarks></ownershipDocument>"
    ).encode()


@pytest.mark.parametrize("data", [BILLION_LAUGHS])
def test_edgar_xml_billion_laughs_not_expanded(data: bytes) -> None:
    """libxml2 may also stop at its amplification guard; either way nothing is expanded."""
    env = import_xml_bytes(data, document_id="lol", source="lol.xml")
    assert env.form_type == "4"
    assert isinstance(env.filing, OwnershipFiling)
    assert env.filing.remarks is None  # nothing but the unexpanded entity
    assert "lollol" not in str(env.to_dict())
    assert any("DOCTYPE" in w for w in env.warnings)


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_edgar_xml_external_entity_not_read(scheme: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    target = secret.as_uri() if scheme == "file" else "http://127.0.0.1:9/secret.txt"
    env = import_xml_bytes(_external_entity(target), document_id="xxe", source="xxe.xml")
    assert "TOPSECRET" not in str(env.to_dict())
    assert isinstance(env.filing, OwnershipFiling) and env.filing.remarks == "ab"


@pytest.mark.parametrize("cut", [2500, 4000])
def test_edgar_xml_truncated_gives_partial_record(cut: int) -> None:
    data = (XML_DIR / "ownership" / "0000899243-19-022340.xml").read_bytes()[:cut]
    env = import_xml_bytes(data, document_id="t", source="t.xml")
    assert env.form_type == "4"
    assert isinstance(env.filing, OwnershipFiling)
    assert env.filing.issuer is not None and env.filing.issuer.name == "Eventbrite, Inc."
    assert env.filing.signatures == []  # the signature was cut off
    assert any("recovering parser" in w for w in env.warnings)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E202"),
        (b"   \n", "E202"),
        (b"plain text, no markup at all", "E202"),
        (b"<?xml version='1.0'?><html><body/></html>", "E201"),
        (b"<ownershipDocument><documentType>10-K</documentType></ownershipDocument>", "E203"),
        (b"<edgarSubmission><submissionType>S-1</submissionType></edgarSubmission>", "E203"),
    ],
)
def test_edgar_xml_hopeless_input_has_coded_error(data: bytes, code: str) -> None:
    with pytest.raises(XmlImportError, match=code):
        import_xml_bytes(data, document_id="bad", source="bad.xml")
