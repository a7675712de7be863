"""``extractor people list|show|merge|split``: inspect and correct the registry; corrections persist."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from extractor.errors import Errors
from extractor.people.registry import Registry

app = typer.Typer(help="Inspect and correct the people registry.", no_args_is_help=True)
console = Console()

RegistryOpt = Annotated[Path, typer.Option("--registry", "-r", help="The registry SQLite file.")]
DEFAULT_REGISTRY = Path("out/people.sqlite")


def _open(path: Path) -> Registry:
    if not path.exists():
        console.print(f"[red]{Errors.E501.format(path=path)}[/red]")
        raise typer.Exit(2)
    return Registry(path)


@app.command("list")
def list_(
    registry: RegistryOpt = DEFAULT_REGISTRY, kind: str = typer.Option("", help="person or organisation")
) -> None:
    """Every canonical person and organisation with its number of mentions."""
    with _open(registry) as reg:
        table = Table("id", "kind", "name", "mentions")
        for eid, k, name, n in reg.entities():
            if not kind or k == kind:
                table.add_row(eid, k, name, str(n))
        console.print(table)


@app.command()
def show(entity_id: str, registry: RegistryOpt = DEFAULT_REGISTRY) -> None:
    """An entity's aliases and mentions, with the reason each mention was matched."""
    with _open(registry) as reg:
        ent = reg.entity(entity_id)
        if ent is None:
            console.print(f"[red]{Errors.E502.format(entity_id=entity_id)}[/red]")
            raise typer.Exit(2)
        console.print(f"[bold]{ent[0]}[/bold] ({ent[1]}): {ent[2]}")
        table = Table("mention", "document", "field", "printed", "issuer", "reason")
        for m in reg.mentions(ent[0]):
            table.add_row(
                str(m.id),
                m.document_id,
                m.field,
                m.printed,
                m.issuer,
                ("[pinned] " if m.pinned else "") + m.reason,
            )
        console.print(table)


@app.command()
def merge(keep: str, other: str, registry: RegistryOpt = DEFAULT_REGISTRY) -> None:
    """Merge entity OTHER into KEEP (both ids keep resolving)."""
    with _open(registry) as reg:
        if reg.entity(keep) is None or reg.entity(other) is None:
            console.print(f"[red]{Errors.E502.format(entity_id=keep + ' or ' + other)}[/red]")
            raise typer.Exit(2)
        reg.merge(keep, other)
        console.print(f"merged {other} into {reg.canonical(keep)}")


@app.command()
def split(
    entity_id: str,
    mentions: Annotated[list[int], typer.Argument(help="Mention ids (from `people show`) to move out.")],
    registry: RegistryOpt = DEFAULT_REGISTRY,
) -> None:
    """Move mentions of an entity to a new entity that the matcher will not rejoin."""
    with _open(registry) as reg:
        ent = reg.entity(entity_id)
        if ent is None:
            console.print(f"[red]{Errors.E502.format(entity_id=entity_id)}[/red]")
            raise typer.Exit(2)
        new_id = f"{ent[0]}-s{min(mentions)}"
        reg.split(ent[0], mentions, new_id)
        console.print(f"split mentions {mentions} of {ent[0]} into {new_id}")
