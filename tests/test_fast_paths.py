"""Each fast path does exactly what its Typer command does."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

from netprep.cli import FAST_PATHS, _typer_main, run

# Fast paths that print data: compared by their output. The others are interactive
# and compared by the call they make (same function, same arguments).
INTERACTIVE = {
    ("mock",): ("netprep.cli.mock_run", "run_mock"),
    ("mock", "--timed"): ("netprep.cli.mock_run", "run_mock"),
    ("culture", "quiz"): ("netprep.cli.culture_quiz", "run_quiz"),
}
DATA_PATHS = sorted(argv for argv in FAST_PATHS if argv not in INTERACTIVE)
# Machine-readable ones load neither Typer nor Rich; the views load Rich, never Typer.
LEAN_PATHS = [argv for argv in DATA_PATHS if "--json" in argv or argv == ("--version",)]
VIEWS = [argv for argv in DATA_PATHS if argv not in LEAN_PATHS]


def test_every_fast_path_is_checked() -> None:
    assert set(FAST_PATHS) == set(DATA_PATHS) | set(INTERACTIVE)


def _seed() -> None:
    """Some data, so the compared outputs are not trivially empty: a short story with
    findings and a ready one, so `star check` shows findings, coverage and gaps."""
    from netprep.store import open_store

    with open_store() as store, store.write() as db:
        db.execute(
            "INSERT INTO stories(title, situation, task, action, result, tags, created_at, "
            "updated_at) VALUES ('Cache fix', 'At my internship the API was slow.', "
            "'I owned the fix.', 'I profiled it and added a cache.', "
            "'Latency fell by 40%.', '[\"impact\"]', '2026-11-01T10:00:00+00:00', "
            "'2026-11-01T10:00:00+00:00')"
        )
        db.execute(
            "INSERT INTO stories(title, situation, task, action, result, learned, tags, "
            "created_at, updated_at) VALUES ('The flaky deploy', "
            "'During my internship our deploys failed about once a day.', "
            "'I was asked to find out why and to make them reliable.', "
            "'I read the logs of 40 failures, found a race in the migration step, and I "
            "wrote a lock around it, then I added a test that reproduced it.', "
            "'Failed deploys fell from 7 a week to 0 over the next month.', "
            "'I learned to measure the failure before guessing at a fix.', "
            "'[\"ownership\", \"learning-from-failure\"]', '2026-11-02T10:00:00+00:00', "
            "'2026-11-02T10:00:00+00:00')"
        )


@pytest.mark.parametrize("argv", DATA_PATHS, ids=" ".join)
def test_data_fast_path_prints_what_the_typer_command_prints(argv, capsys) -> None:
    _seed()
    assert run(list(argv)) == 0
    fast = capsys.readouterr()
    assert _typer_main(list(argv)) in (0, None)
    slow = capsys.readouterr()
    assert fast.out == slow.out
    assert fast.out.strip()


@pytest.mark.parametrize("columns", ["60", "120"])
@pytest.mark.parametrize("colour", ["NO_COLOR", "FORCE_COLOR"])
@pytest.mark.parametrize("argv", VIEWS, ids=" ".join)
def test_view_fast_path_prints_what_the_typer_command_prints_at_any_width(
        argv, columns, colour, capsys, monkeypatch) -> None:
    """Byte for byte, in a split pane and a wide window, plain and in colour."""
    from netprep.ui import console

    _seed()
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv(colour, "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    outputs = []
    for call in (run, _typer_main):
        console.out.cache_clear()
        assert call(list(argv)) in (0, None)
        outputs.append(capsys.readouterr())
    fast, slow = outputs
    assert (fast.out, fast.err) == (slow.out, slow.err)
    assert ("\x1b[" in fast.out) == (colour == "FORCE_COLOR")


@pytest.mark.parametrize("argv", sorted(INTERACTIVE), ids=" ".join)
def test_interactive_fast_path_makes_the_typer_commands_call(argv, monkeypatch) -> None:
    import importlib

    module_name, function = INTERACTIVE[argv]
    module = importlib.import_module(module_name)
    real = getattr(module, function)
    calls: list[dict] = []

    def record(*args, **kwargs) -> None:
        bound = inspect.signature(real).bind(*args, **kwargs)
        bound.apply_defaults()
        calls.append(dict(bound.arguments))

    monkeypatch.setattr(module, function, record)
    assert run(list(argv)) == 0
    assert _typer_main(list(argv)) in (0, None)
    assert len(calls) == 2 and calls[0] == calls[1], calls


def _loaded_after(paths: list[tuple[str, ...]], modules: tuple[str, ...]) -> str:
    """Which of `modules` a fresh process has imported after running `paths`."""
    code = (
        "import sys, io, contextlib; from netprep.cli import run\n"
        f"for argv in {paths!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()): run(list(argv))\n"
        f"print('LOADED', [m for m in {modules!r} if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "LOADED" in result.stdout, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_data_fast_paths_import_neither_typer_nor_rich() -> None:
    assert _loaded_after(LEAN_PATHS, ("typer", "click", "rich")) == "LOADED []"


def test_star_check_and_plan_start_without_typer() -> None:
    """`star check` and `plan` (timed against `jrnl --version`) skip Typer and Click."""
    _seed()
    assert _loaded_after(VIEWS, ("typer", "click")) == "LOADED []"
