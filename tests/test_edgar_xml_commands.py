"""``run_import_xml``: files and directories in, one JSON per document out, errors never stop the batch."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from extractor.edgar_xml.commands import collect_inputs, run_import_xml
from tests.conftest import XML_DIR

GOOD = [
    XML_DIR / "ownership" / "0000899243-19-022340.xml",
    XML_DIR / "formd" / "dgunning__edgartools__D.Shepards.xml",
    XML_DIR / "formd" / "Nicola-Maria-Fiore__SECforms_parser__2381_0001465818-11-000005.txt",
]


def _console() -> tuple[Console, StringIO]:
    buf = StringIO()
    return Console(file=buf, width=200, color_system=None), buf


@pytest.mark.parametrize(
    ("bad_content", "code"),
    [(b"<?xml version='1.0'?><html/>", "E201"), (b"\x00\x01 not xml", "E202"), (b"", "E202")],
)
def test_edgar_xml_run_import_dir_with_bad_file(bad_content: bytes, code: str, tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for p in GOOD:
        shutil.copy(p, src / "sub" / p.name)
    (src / "broken.xml").write_bytes(bad_content)
    (src / "notes.md").write_text("ignored: not an EDGAR suffix", encoding="utf-8")
    out = tmp_path / "out"
    console, buf = _console()
    assert run_import_xml([src], out, console=console) == 0
    written = sorted(p.stem for p in out.glob("*.json"))
    assert written == sorted(p.stem for p in GOOD)
    types = {json.loads(p.read_text(encoding="utf-8"))["form_type"] for p in out.glob("*.json")}
    assert types == {"4", "D", "D/A"}
    report = buf.getvalue()
    assert "broken.xml" in report and code in report


@pytest.mark.parametrize("n_bad", [1, 2])
def test_edgar_xml_run_import_all_failed_exit_1(n_bad: int, tmp_path: Path) -> None:
    paths = []
    for i in range(n_bad):
        p = tmp_path / f"bad{i}.xml"
        p.write_bytes(b"<html/>")
        paths.append(p)
    paths.append(tmp_path / "missing.xml")
    console, buf = _console()
    assert run_import_xml(paths, tmp_path / "out", console=console) == 1
    assert "E205" in buf.getvalue() and "E201" in buf.getvalue()


@pytest.mark.parametrize("name", ["0000899243-19-022340.xml"])
def test_edgar_xml_same_stem_not_overwritten(name: str, tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        shutil.copy(XML_DIR / "ownership" / name, tmp_path / d / name)
    console, _ = _console()
    assert run_import_xml([tmp_path / "a", tmp_path / "b"], tmp_path / "out", console=console) == 0
    assert len(list((tmp_path / "out").glob("*.json"))) == 2


@pytest.mark.parametrize("repeat", [2])
def test_edgar_xml_collect_inputs_dedupes(repeat: int, tmp_path: Path) -> None:
    f = tmp_path / "x.xml"
    f.write_bytes(b"<a/>")
    assert collect_inputs([tmp_path] * repeat + [f]) == [f]
