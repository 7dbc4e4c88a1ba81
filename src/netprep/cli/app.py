"""The Typer root app, whose sub-apps are loaded lazily.

Each group lives in its own module (`netprep.cli.<name>`) exposing `app`; it is
imported only when that group runs or help is shown, so `netprep star list`
never pays for the mock interview's imports.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup

from netprep import __version__
from netprep.cli import COMMANDS


def _available(name: str) -> bool:
    module = COMMANDS[name][0]
    return importlib.util.find_spec(module) is not None


class LazyGroup(TyperGroup):
    """A Typer group whose sub-apps are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _available(name)]

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        return _suggesting(super().resolve_command, self, ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(cmd_name):
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        command = typer.main.get_command(module.app)
        _plain_help(command)
        command.name = cmd_name
        command.short_help = COMMANDS[cmd_name][1]  # the line `netprep --help` lists
        return command


def _suggesting(resolve: Any, group: click.Group, ctx: click.Context,
                args: list[str]) -> Any:
    """Click's "No such command" with the nearest command named: `netprep stars`."""
    try:
        return resolve(ctx, args)
    except click.UsageError:
        name = args[0] if args else ""
        if not name or name.startswith("-") or group.get_command(ctx, name) is not None:
            raise
        from netprep.text import closest

        near = closest(name, group.list_commands(ctx))
        if not near:
            raise
        raise click.UsageError(f"No such command '{name}'. Did you mean "
                               f"{' or '.join(near)}?", ctx) from None


class _SuggestingGroup(TyperGroup):
    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        return _suggesting(super().resolve_command, self, ctx, args)


def _plain_help(command: click.Command) -> None:
    """Click's plain help for every command: Typer's Rich help imports rich.markdown and
    markdown-it, which would more than double the time of `netprep ... --help`.

    A group's list shows each command's whole first sentence (wrapped), never one cut
    with "..." at Click's 45 characters."""
    if hasattr(command, "rich_markup_mode"):
        command.rich_markup_mode = None
    if type(command) is TyperGroup:  # `netprep star lsit`: the nearest subcommand
        command.__class__ = _SuggestingGroup
    for sub in getattr(command, "commands", {}).values():
        if not sub.short_help and sub.help:
            sub.short_help = _first_sentence(sub.help)
        _plain_help(sub)


def _first_sentence(text: str) -> str:
    import re

    flat = " ".join(text.split("\n\n")[0].split())
    match = re.search(r"(?<=[.!?])\s", flat)
    return flat[: match.start()] if match else flat


app = typer.Typer(
    cls=LazyGroup,
    name="netprep",
    help="netprep: an offline coach for tech-interview preparation. "
    "Start with `netprep mock --timed`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help (see _plain_help)
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"netprep {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for unexpected errors."),
) -> None:
    """netprep: an offline coach for tech-interview preparation.

    Your data stays in one private SQLite file (see `netprep info`); set NETPREP_HOME
    to keep it elsewhere.
    """
