"""`netprep content`: list and validate content packs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from netprep.content.models import Library

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
            "memo": p.memo,
            "counts": counts(library, p.id),
            "languages": [
                {"id": lang.id, "name": lang.name, "command": list(lang.command)}
                for lang in library.languages.values()
                if lang.pack == p.id
            ],
        }
        for p in library.packs
    ]
    data: dict[str, Any] = {
        "packs": packs,
        "tracks": [{"id": t.id, "name": t.name, "pack": t.pack} for t in library.tracks.values()],
        "competencies": [
            {"id": c.id, "name": c.name, "pack": c.pack} for c in library.competencies.values()
        ],
        "topics": [{"id": t.id, "name": t.name, "pack": t.pack} for t in library.topics.values()],
    }
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render import render_packs

        render_packs(packs, data["tracks"])
        _announce_pack_languages(library)


def _announce_pack_languages(library: Library) -> None:
    """Name every language a user pack adds, with the command it runs (it is code)."""
    from netprep.coding.trust import command_line, needs_consent
    from netprep.ui.console import message

    for language in library.languages.values():
        if needs_consent(library, language):
            message(
                f"The pack '{language.pack}' adds the language '{language.id}', which runs "
                f"`{command_line(language)}` and the pack's harness: this is code, run only "
                "after you confirm it."
            )


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
    _announce_pack_languages(library)
    for problem in problems:
        message(problem)
    if problems:
        count = len(problems)
        message(f"{count} problem{'s' if count != 1 else ''} found.")
        raise typer.Exit(EXIT_ERROR)
    names = ", ".join(p.id for p in library.packs) or "nothing"
    message(f"Valid: {names}.")
