"""`netprep tips`: interview tips, the loop, preparation and the recruiting calendar."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def tips(
    section: str = typer.Argument(
        None, help="Only this section: interview, loop, preparation or calendar."
    ),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Show the interview tips, how the loop works, how to prepare, and the calendar."""
    from netprep.content import load_library
    from netprep.errors import UsageError

    library = load_library()
    sections = [s for s in library.tips if section is None or s.id == section]
    if section is not None and not sections:
        known = ", ".join(dict.fromkeys(s.id for s in library.tips))
        raise UsageError(f"No tips section '{section}'.", f"Choose one of: {known}.")
    data = [
        {
            "id": s.id,
            "title": s.title,
            "pack": s.pack,
            "items": [{"title": t.title, "text": t.text} for t in s.items],
        }
        for s in sections
    ]
    if json:
        from netprep.ui.console import print_json

        print_json({"sections": data})
    else:
        from netprep.ui.render import render_tips

        render_tips(data)
