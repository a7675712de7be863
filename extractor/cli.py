"""The ``extractor`` command line: extract, evaluate, import-xml, train.

Each command parses its options here and calls one function of the package that owns the work; heavy
imports (spaCy, scikit-learn, matplotlib) happen inside the commands so ``extractor --help`` is fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Turn noisy SEC filing text (Forms 3/4/5, Form D) into EDGAR-grade structured records.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories or globs of filing texts ('-' = stdin).")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="JSONL file to write, one envelope per document.")
    ],
    model: Annotated[
        Path | None, typer.Option(help="Model directory (default: the shipped models/).")
    ] = None,
    registry: Annotated[
        Path | None,
        typer.Option(help="People registry SQLite file (default: people.sqlite beside the output)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes (default: one per CPU; 0 = in this process, no time budget)."),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="Also write csv or parquet flat tables, or xml EDGAR ownership XML (Forms 3/4/5), "
            "into OUTPUT_<format>/ beside the JSONL.",
        ),
    ] = "jsonl",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786): run the extraction on that cluster."),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(help="Per-document time budget in seconds; an overrun becomes an E601 error record."),
    ] = 60.0,
    no_resume: Annotated[
        bool,
        typer.Option("--no-resume", help="Overwrite OUTPUT instead of adding only documents not yet in it."),
    ] = False,
) -> None:
    """Extract SCHEMA.md records from filing texts; people get stable ids from the registry.

    Rerunning with the same OUTPUT resumes: only inputs whose content is not yet there are extracted.
    """
    from extractor.batch.runner import run_extract
    from extractor.errors import BatchError

    try:
        code = run_extract(
            paths,
            output,
            model_dir=model,
            registry_path=registry,
            workers=workers,
            fmt=output_format,
            scheduler=scheduler,
            timeout=timeout if timeout > 0 else None,
            resume=not no_resume,
        )
    except BatchError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    raise typer.Exit(code)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Directory of gold records (one JSON per document).")],
    pred: Annotated[Path, typer.Option(help="Predictions, JSONL of envelopes.")],
    report: Annotated[
        Path | None, typer.Option(help="Directory for report.json, report.md, report.html.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Another prediction JSONL to compare against.")
    ] = None,
    people_gold: Annotated[
        Path | None, typer.Option(help="Gold people file (canonical person -> ['doc_id:name', ...]).")
    ] = None,
) -> None:
    """Score predictions against gold: field P/R/F1 per field, group, form type and source style."""
    from extractor.evaluate.commands import run_evaluate

    raise typer.Exit(
        run_evaluate(gold=gold, pred=pred, report=report, baseline=baseline, people_gold=people_gold)
    )


@app.command("import-xml")
def import_xml(
    paths: Annotated[
        list[Path], typer.Argument(help="EDGAR XML files (or .txt/.nc submissions) or directories.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Directory for one gold JSON per document.")],
) -> None:
    """Turn EDGAR ownershipDocument / Form D edgarSubmission XML into gold records."""
    from extractor.edgar_xml.commands import run_import_xml

    raise typer.Exit(run_import_xml(paths, output))


@app.command()
def train(
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the models.")] = Path(
        "models"
    ),
    quick: Annotated[bool, typer.Option(help="Train tiny models fast (for tests).")] = False,
    seed: Annotated[int, typer.Option(help="Random seed for every trained component.")] = 0,
) -> None:
    """Rebuild every shipped model from annotations/ and generated data."""
    from extractor.training_cli import run_train

    raise typer.Exit(run_train(output, quick=quick, seed=seed))


@app.command()
def review(
    out: Annotated[Path, typer.Argument(help="Extraction JSONL.")],
    threshold: Annotated[float, typer.Option(help="List fields below this confidence.")] = 0.8,
) -> None:
    """List low-confidence fields with the source text around them, for a person to check."""
    from extractor.checks.review import run_review

    raise typer.Exit(run_review(out, threshold))


def _people_app() -> typer.Typer:
    from extractor.people.commands import app as people

    return people


app.add_typer(_people_app(), name="people", help="Inspect and correct the people registry.")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
