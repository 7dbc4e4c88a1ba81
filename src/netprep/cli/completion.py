"""`netprep completion bash|zsh|fish`: a shell completion script, and the id completers.

The script is Click's own: the shell calls `netprep` back with `_NETPREP_COMPLETE` set,
and Click answers with the commands and options at the cursor. Ids (stories, themes,
exercises, packs) come from the completers below, which read the database or the
cached content only while completing, so no other command pays for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import typer

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_NETPREP_COMPLETE"

app = typer.Typer(add_completion=False, help="Print a shell completion script.")


@app.command()
def completion(
    shell: str = typer.Argument(..., metavar="SHELL", help="bash, zsh or fish."),
) -> None:
    """Print a completion script for SHELL: commands, options, and the ids of your stories,
    themes, exercises and packs.

    bash: `eval "$(netprep completion bash)"` in ~/.bashrc. zsh: `eval "$(netprep
    completion zsh)"` in ~/.zshrc. fish: `netprep completion fish >
    ~/.config/fish/completions/netprep.fish`.
    """
    import sys

    import click
    from click.shell_completion import get_completion_class

    from netprep.errors import UsageError
    from netprep.text import did_you_mean

    if shell not in SHELLS:
        raise UsageError(f"No completion for the shell '{shell}'.",
                         did_you_mean(shell, SHELLS, "Shells"))
    from netprep.cli.app import app as root

    command = typer.main.get_command(root)
    completer = get_completion_class(shell)
    if completer is None:  # pragma: no cover - the three are built into click
        raise UsageError(f"Click offers no completion for {shell}.")
    source = completer(command, {}, "netprep", COMPLETE_VAR).source()
    click.echo(source, file=sys.stdout)


def _quietly(read: object) -> list[str]:
    """Completion must never print an error into the user's command line."""
    try:
        return list(read())  # type: ignore[operator]
    except Exception:  # noqa: BLE001 - no ids rather than noise at the prompt
        return []


def _starting(values: list[str], incomplete: str) -> list[str]:
    return [v for v in values if v.startswith(incomplete)]


def story_ids(incomplete: str) -> list[str]:
    def read() -> list[str]:
        from netprep.store import open_store

        with open_store() as store:
            return [str(r[0]) for r in store.query("SELECT id FROM stories ORDER BY id")]

    return _starting(_quietly(read), incomplete)


def _library_ids(incomplete: str, ids: Callable[[Any], Iterable[str]]) -> list[str]:
    """The ids `ids(library)` lists that start with what is typed (the content library is
    read only while completing)."""

    def read() -> list[str]:
        from netprep.content import load_library

        return list(ids(load_library()))

    return _starting(_quietly(read), incomplete)


def theme_ids(incomplete: str) -> list[str]:
    return _library_ids(incomplete, lambda lib: [t.id for t in lib.themes])


def exercise_ids(incomplete: str) -> list[str]:
    return _library_ids(incomplete, lambda lib: [e.id for e in lib.exercises])


def pack_ids(incomplete: str) -> list[str]:
    return _library_ids(incomplete, lambda lib: [p.id for p in lib.packs])


def track_ids(incomplete: str) -> list[str]:
    return _library_ids(incomplete, lambda lib: lib.tracks)


def brief_ids(incomplete: str) -> list[str]:
    return _library_ids(incomplete, lambda lib: [b.id for b in lib.briefs])


def round_names(incomplete: str) -> list[str]:
    from netprep.mock.model import ROUND_CHOICES

    return _starting([*ROUND_CHOICES, "takehome"], incomplete)
