"""`netprep info`: where the data lives and what it holds."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def info(
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Show the version, data dir, database path and schema version, content packs and counts.

    Also lists the audio kept by `mock --voice --keep-audio`. Opens the database,
    creating and migrating it on first use.
    """
    from netprep.store.info import gather
    from netprep.voice.answers import audio_dir, kept_audio

    data = gather()
    data["audio"] = {"dir": str(audio_dir()), "files": kept_audio()}
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render import render_info

        render_info(data)
