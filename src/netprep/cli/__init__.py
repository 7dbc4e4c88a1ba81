"""The `netprep` command: sub-apps loaded lazily, and the single exit point.

Each group lives in its own module (`netprep.cli.<name>`) exposing `app`; it is
imported only when that group runs or help is shown, so `netprep star list`
never pays for the mock interview's imports.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup

from netprep import __version__
from netprep.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, NetprepError

# name -> (module, one-line help). Order is the order `netprep --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "mock": ("netprep.cli.mock", "Timed mock interview: questions, countdown, self-rating."),
    "star": ("netprep.cli.star", "Write, polish and map your STAR stories."),
    "culture": ("netprep.cli.culture", "Learn the culture themes (spaced quiz) and reflect."),
    "code": ("netprep.cli.code", "Timed coding drills run against hidden tests."),
    "history": ("netprep.cli.history", "Past mock interviews, with every answer and time."),
    "stats": ("netprep.cli.stats", "Your progress at a glance."),
    "plan": ("netprep.cli.plan", "What to practise today, counting down to the interview."),
    "tips": ("netprep.cli.tips", "Interview tips, the loop, and the recruiting calendar."),
    "content": ("netprep.cli.content", "List and validate content packs."),
    "info": ("netprep.cli.info", "Where your data lives, schema version and record counts."),
}


def _available(name: str) -> bool:
    module = COMMANDS[name][0]
    return importlib.util.find_spec(module) is not None


class LazyGroup(TyperGroup):
    """A Typer group whose sub-apps are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _available(name)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(cmd_name):
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        command = typer.main.get_command(module.app)
        command.name = cmd_name
        command.short_help = COMMANDS[cmd_name][1]  # the line `netprep --help` lists
        return command


app = typer.Typer(
    cls=LazyGroup,
    name="netprep",
    help="netprep: an offline coach for tech-interview preparation. "
    "Start with `netprep mock --timed`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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


def main(argv: list[str] | None = None) -> None:
    """The single exit point: every error becomes one message on stderr and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("NETPREP_DEBUG") == "1"
    sys.exit(run(args, debug))


def run(args: list[str], debug: bool = False) -> int:
    command = typer.main.get_command(app)
    try:
        result: Any = command.main(args, prog_name="netprep", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except NetprepError as exc:
        if debug:
            raise
        _report(exc.message, exc.hint)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        if exc.exit_code == EXIT_INTERRUPTED:
            _report("Interrupted.", None)
        return exc.exit_code
    except click.UsageError as exc:
        exc.show()
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt, EOFError):
        _report("Interrupted.", None)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_broken_pipe()
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: no traceback without --debug
        if debug:
            raise
        _report(
            f"Unexpected error: {type(exc).__name__}: {exc}.",
            "Run again with --debug for the details, and please report it.",
        )
        return EXIT_ERROR


def _report(message: str, hint: str | None) -> None:
    from netprep.ui.text import clean

    line = f"netprep: {clean(message)}"
    if hint:
        line += f"\n  {clean(hint)}"
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except OSError:
        pass


def _silence_broken_pipe() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
