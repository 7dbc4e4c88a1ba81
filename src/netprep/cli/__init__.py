"""The `netprep` entry point and its single exit point.

Every error becomes one message on stderr and a documented exit code. This
module stays free of heavy imports: Typer (about 100 ms to import) is loaded
only when the arguments need parsing. A few exact, option-free argument
vectors that are run often (`FAST_PATHS`) call their command's own function
directly; tests check that each prints exactly what the Typer command prints, or,
for the interactive ones, calls the same function with the same arguments.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys

from netprep.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, NetprepError

TYPE_CHECKING = False  # `typing` costs ~10 ms to import; annotations are strings here
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# The largest id SQLite can hold; larger ones are refused as usage errors.
MAX_ID = 2**63 - 1

# name -> (module, one-line help). Order is the order `netprep --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "mock": ("netprep.cli.mock", "Timed mock interview: questions, countdown, self-rating."),
    "star": ("netprep.cli.star", "Write, polish and map your STAR stories."),
    "culture": ("netprep.cli.culture", "Learn the culture themes (spaced quiz) and reflect."),
    "code": ("netprep.cli.code", "Timed coding drills run against hidden tests."),
    "takehome": ("netprep.cli.takehome", "Take-home assessment: brief, clock, checks, review."),
    "assess": ("netprep.cli.assess", "Online assessment: 2-4 problems, one clock, partial credit."),
    "resume": ("netprep.cli.resume", "Your resume entries, their deep-dives and your pitch."),
    "partner": ("netprep.cli.partner", "Practise with a friend: a printable interviewer's kit."),
    "history": ("netprep.cli.history", "Past mock interviews, with every answer and time."),
    "stats": ("netprep.cli.stats", "Your progress at a glance."),
    "plan": ("netprep.cli.plan", "What to practise today, counting down to the interview."),
    "report": ("netprep.cli.report", "Your progress as one private HTML page with charts."),
    "tips": ("netprep.cli.tips", "Interview tips, the loop, and the recruiting calendar."),
    "content": ("netprep.cli.content", "List and validate content packs."),
    "info": ("netprep.cli.info", "Where your data lives, schema version and record counts."),
    "completion": ("netprep.cli.completion", "Print a shell completion script (bash, zsh, fish)."),
}

# Exact argument vectors -> "module:function" run without Typer (see the module docstring).
FAST_PATHS: dict[tuple[str, ...], str] = {
    ("--version",): "netprep.cli.fast:version",
    ("star", "list", "--json"): "netprep.cli.fast:star_list_json",
    ("stats", "--json"): "netprep.cli.fast:stats_json",
    # Read every day, and timed against `jrnl --version` (benchmarks/run.py).
    ("star", "check"): "netprep.cli.fast:star_check",
    ("star", "check", "--json"): "netprep.cli.fast:star_check_json",
    ("plan",): "netprep.cli.fast:plan",
    ("plan", "--json"): "netprep.cli.fast:plan_json",
    # The main job, typed every day: the first question appears without Typer's import.
    ("mock",): "netprep.cli.mock_run:run_default",
    ("mock", "--timed"): "netprep.cli.mock_run:run_default",
    ("culture", "quiz"): "netprep.cli.culture_quiz:default",
}


def main(argv: list[str] | None = None) -> None:
    """The console script: run and exit with the code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("NETPREP_DEBUG") == "1"
    _usable_std_streams()
    sys.exit(run(args, debug))


def _usable_std_streams() -> None:
    """A closed stdin/stdout (`<&-`, `>&-`) reads as empty / writes nowhere, and stdin
    bytes that are not UTF-8 read as U+FFFD instead of failing when saved.

    Output in an encoding that cannot show every character (`PYTHONIOENCODING=cp1252`
    or `ascii`, a Windows pipe) replaces what it cannot encode instead of crashing
    (JSON escapes it instead: see `ui.console.print_json`). Input declared ASCII is
    read as UTF-8, so typed text is stored as typed, not as U+FFFD.
    """
    for name, mode in (("stdin", "r"), ("stdout", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115
    for stream, options in (
        (sys.stdin, {"errors": "replace"}),
        (sys.stdout, {"errors": "replace"}),
        (sys.stderr, {"errors": "replace"}),
    ):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        if stream is sys.stdin and _is_ascii(getattr(stream, "encoding", None)):
            options = {**options, "encoding": "utf-8"}
        try:
            reconfigure(**options)
        except (OSError, ValueError):
            pass


def _is_ascii(encoding: str | None) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding or "utf-8").name == "ascii"
    except LookupError:
        return False


def run(args: list[str], debug: bool = False) -> int:
    """Run one command line and return its exit code; never raises for user errors."""
    fast = FAST_PATHS.get(tuple(args))
    if fast is not None:
        module, function = fast.split(":")
        target: Callable[[], Any] = getattr(importlib.import_module(module), function)
        return _guarded(target, debug)
    suggest = _star_suggest(args)
    if suggest is not None:
        return _guarded(suggest, debug)
    return _guarded(lambda: _typer_main(args), debug)


def _star_suggest(args: list[str]) -> Callable[[], Any] | None:
    """`star suggest QUESTION [--json]`, the one fast path with a free argument: exactly
    one question that is not an option, and nothing else but `--json`."""
    if len(args) not in (3, 4) or args[:2] != ["star", "suggest"]:
        return None
    rest = args[2:]
    words = [a for a in rest if a != "--json"]
    if len(words) != 1 or words[0].startswith("-") or len(rest) - len(words) > 1:
        return None
    from netprep.cli.fast import star_suggest

    return lambda: star_suggest(words[0], "--json" in rest)


def _typer_main(args: list[str]) -> Any:
    import typer

    from netprep.cli.app import app

    command = typer.main.get_command(app)
    instruction = os.environ.get("_NETPREP_COMPLETE")
    if instruction:  # the shell asks what may come next (`netprep completion SHELL`)
        from click.shell_completion import shell_complete

        return shell_complete(command, {}, "netprep", "_NETPREP_COMPLETE", instruction)
    return command.main(args, prog_name="netprep", standalone_mode=False)


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _guarded(call: Callable[[], Any], debug: bool) -> int:
    try:
        return _guarded_call(call, debug)
    finally:
        _print_notices()


def _print_notices() -> None:
    """Notices collected below the command layer (netprep.paths.NOTICES), once each."""
    paths = sys.modules.get("netprep.paths")
    notices = getattr(paths, "NOTICES", None)
    while notices:
        try:
            sys.stderr.write(f"netprep: {notices.pop(0)}\n")
        except (OSError, ValueError):
            return


def _guarded_call(call: Callable[[], Any], debug: bool) -> int:
    try:
        result = call()
        if result == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into Exit(130); click returns it
            _report("Interrupted.", None)
        return result if isinstance(result, int) else 0
    except NetprepError as exc:
        if debug:
            raise
        _report(exc.message, exc.hint)
        return exc.exit_code
    except (KeyboardInterrupt, EOFError) as stop:
        return _stopped(stop)
    except BrokenPipeError:
        _silence_broken_pipe()
        return EXIT_ERROR
    except Exception as exc:
        code = _click_exit_code(exc)
        if code is not None:
            return code
        if debug:
            raise
        if isinstance(exc, OSError) and exc.filename is None and exc.errno in _OUTPUT_ERRNOS:
            _report(f"Could not write the output: {exc.strerror}.",
                    "Free some space, or send the output somewhere else.")
            _silence_broken_pipe()
            return EXIT_ERROR
        # The last line of defence: no traceback without --debug.
        _report(
            f"Unexpected error: {type(exc).__name__}: {exc}.",
            "Run again with --debug for the details, and please report it.",
        )
        return EXIT_ERROR


def _click_exit_code(exc: Exception) -> int | None:
    """Click's own outcomes (usage errors, --help exits, aborts); None for anything else."""
    if "click" not in sys.modules:  # the fast paths never import click
        return None
    import click

    if isinstance(exc, click.exceptions.Exit):
        if exc.exit_code == EXIT_INTERRUPTED:
            _report("Interrupted.", None)
        return exc.exit_code
    if isinstance(exc, click.UsageError):
        exc.show()
        return EXIT_USAGE
    if isinstance(exc, click.ClickException):
        exc.show()
        return exc.exit_code
    if isinstance(exc, click.Abort):  # click wraps Ctrl-C and Ctrl-D in Abort
        return _stopped(exc.__cause__)
    return None


def _stopped(cause: BaseException | None) -> int:
    """Ctrl-C is an interruption; Ctrl-D at a choice or a confirmation is the user leaving."""
    if isinstance(cause, EOFError):
        _report("Stopped at Ctrl-D (end of input); nothing more was asked.", None)
    else:
        _report("Interrupted.", None)
    return EXIT_INTERRUPTED


def _report(message: str, hint: str | None) -> None:
    from netprep.text import clean, fit, terminal_width

    line = f"netprep: {clean(message)}"
    if hint:
        line += f"\n  {clean(hint)}"
    try:
        sys.stderr.write(fit(line, terminal_width(sys.stderr), "  ") + "\n")
        sys.stderr.flush()
    except OSError:
        pass


def _silence_broken_pipe() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
