"""Rebuild the dev gold from EDGAR XML with our importer, write ``annotations/dev/``, and compare.

For every ``dev/gold/dev_*.json`` the XML named by its ``source_xml``
(``owner/repo:examples/ingest/paypal/000089924319022340/doc4.xml``) is
``data/xml/ownership/0000899243-19-022340.xml``. We import it, write an envelope with the dev
document's ``document_id``, ``form_type``, ``filing``, ``converter`` and ``source_xml``, and check that
ours and the shared gold hold the same keys and values. Run: ``python -m training.import_dev_gold``.

The XML knows more than the text shows. An annotation is what the *text* makes certain, so before
writing we drop what the rendered form never prints: CIKs, and the Table I/II "V" (equity swap) box
unless it is marked (an unmarked box with no marked sibling is not determinable: SCHEMA.md).
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

from extractor.edgar_xml.importer import import_xml_bytes
from extractor.errors import XmlImportError
from extractor.records import Envelope, OwnershipFiling, write_json

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_ACCESSION_DIGITS = 18  # 0000899243 19 022340


@dataclass
class Comparison:
    """Agreement of our import with one shared gold record."""

    document_id: str
    differences: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def agrees(self) -> bool:
        return self.error is None and not self.differences


def xml_path_for(source_xml: str, xml_dir: Path) -> Path:
    """``...paypal/000089924319022340/doc4.xml`` -> ``<xml_dir>/ownership/0000899243-19-022340.xml``."""
    accession = next(
        (p for p in source_xml.replace(":", "/").split("/") if p.isdigit() and len(p) == _ACCESSION_DIGITS),
        None,
    )
    if accession is None:
        raise ValueError(f"no 18-digit accession number in source_xml {source_xml!r}")
    name = f"{accession[:10]}-{accession[10:12]}-{accession[12:]}.xml"
    return xml_dir / "ownership" / name


def diff_values(gold: Any, ours: Any, where: str = "") -> list[str]:
    """Paths where ``ours`` differs from ``gold`` on the keys ``gold`` has (lists compared by position)."""
    if isinstance(gold, dict):
        if not isinstance(ours, dict):
            return [f"{where}: gold is an object, ours {ours!r}"[:300]]
        out: list[str] = []
        for key, value in gold.items():
            out.extend(diff_values(value, ours.get(key), f"{where}.{key}" if where else key))
        return out
    if isinstance(gold, list):
        if not isinstance(ours, list) or len(ours) != len(gold):
            n = len(ours) if isinstance(ours, list) else ours
            return [f"{where}: gold has {len(gold)} items, ours {n}"]
        out = []
        for i, (g, o) in enumerate(zip(gold, ours, strict=True)):
            out.extend(diff_values(g, o, f"{where}[{i}]"))
        return out
    # bool is an int in Python: compare types too so True never equals 1.
    if gold != ours or type(gold) is not type(ours):
        return [f"{where}: gold {gold!r} ours {ours!r}"[:300]]
    return []


def text_visible(filing: OwnershipFiling) -> OwnershipFiling:
    """Drop what the rendered form does not print (see the module docstring); returns a copy."""
    out = copy.deepcopy(filing)
    if out.issuer is not None:
        out.issuer.cik = None
    for owner in out.reporting_owners:
        owner.cik = None
    for row in (*out.non_derivative_transactions, *out.derivative_transactions):
        if row.equity_swap_involved is not True:
            row.equity_swap_involved = None
    return out


def import_one(gold_file: Path, xml_dir: Path, out_dir: Path) -> Comparison:
    """Import the XML behind one gold file, write ours to ``out_dir``, compare with the gold."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    document_id = gold["document_id"]
    xml_path = xml_path_for(gold["source_xml"], xml_dir)
    try:
        env = import_xml_bytes(xml_path.read_bytes(), document_id=document_id, source=str(xml_path))
    except (OSError, XmlImportError) as exc:
        return Comparison(document_id, error=str(exc))
    out = Envelope(
        document_id=document_id,
        source=str(xml_path),
        form_type=env.form_type,
        filing=text_visible(env.filing) if isinstance(env.filing, OwnershipFiling) else env.filing,
        warnings=env.warnings,
        converter=gold.get("converter"),
        source_xml=gold["source_xml"],
    )
    write_json(out, out_dir / f"{document_id}.json")
    ours = out.to_dict()
    keys = {k: v for k, v in gold.items() if k not in ("converter", "source_xml", "document_id")}
    ours_keys = {k: ours[k] for k in keys}
    # Both directions: same values on the gold's keys, and no key of ours that the gold lacks.
    return Comparison(document_id, differences=diff_values(keys, ours) + diff_values(ours_keys, keys))


def run(gold_dir: Path, xml_dir: Path, out_dir: Path) -> list[Comparison]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [import_one(f, xml_dir, out_dir) for f in sorted(gold_dir.glob("dev_*.json"))]


def main(
    gold_dir: Annotated[Path, typer.Option(help="Shared dev gold directory.")] = SHARED / "data/dev/gold",
    xml_dir: Annotated[Path, typer.Option(help="Shared EDGAR XML directory.")] = SHARED / "data/xml",
    out_dir: Annotated[Path, typer.Option(help="Where to write our records.")] = REPO / "annotations/dev",
) -> None:
    """Import the dev gold's XML, write annotations/dev/, report agreement with the shared gold."""
    from rich.console import Console

    console = Console()
    results = run(gold_dir, xml_dir, out_dir)
    agree = sum(r.agrees for r in results)
    console.print(f"[bold]{agree}/{len(results)}[/bold] records agree with the shared gold on every gold key")
    for r in results:
        if r.error:
            console.print(f"[red]{r.document_id}[/red]: {r.error}")
        for d in r.differences:
            console.print(f"[yellow]{r.document_id}[/yellow]: {d}")
    raise typer.Exit(0 if agree == len(results) else 1)


if __name__ == "__main__":
    typer.run(main)
