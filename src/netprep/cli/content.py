"""`netprep content`: list and validate content packs."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="List and validate content packs (the built-in pack and your own).",
)


@app.command("list")
def list_packs(
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """List the loaded packs and what each holds."""
    from netprep.content import counts, load_library

    library = load_library()
    packs = [
        {
            "id": p.id,
            "name": p.name,
            "version": p.version,
            "description": p.description,
            "source": p.source,
            "path": str(p.path),
            "counts": counts(library, p.id),
        }
        for p in library.packs
    ]
    if json:
        from netprep.ui.console import print_json

        print_json({"packs": packs})
    else:
        from netprep.ui.render import render_packs

        render_packs(packs)


@app.command()
def validate(
    paths: list[Path] = typer.Argument(
        None, help="Pack folders or YAML files. Default: the built-in pack and your packs."
    ),
) -> None:
    """Check packs strictly and list every problem as file:line: field: message.

    Exit 0 when everything is valid, 1 otherwise.
    """
    from netprep.content import collect, validate_paths
    from netprep.errors import EXIT_ERROR
    from netprep.ui.console import message

    library, problems = validate_paths(list(paths)) if paths else collect()
    for problem in problems:
        message(problem)
    if problems:
        count = len(problems)
        message(f"{count} problem{'s' if count != 1 else ''} found.")
        raise typer.Exit(EXIT_ERROR)
    names = ", ".join(p.id for p in library.packs) or "nothing"
    message(f"Valid: {names}.")
