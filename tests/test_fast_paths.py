"""Each fast path does exactly what its Typer command does."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

from netprep.cli import FAST_PATHS, _typer_main, run

# Fast paths that print data: compared by their output. The others are interactive
# and compared by the call they make (same function, same arguments).
DATA_PATHS = sorted(argv for argv in FAST_PATHS if "--json" in argv or argv == ("--version",))
INTERACTIVE = {
    ("mock",): ("netprep.cli.mock_run", "run_mock"),
    ("mock", "--timed"): ("netprep.cli.mock_run", "run_mock"),
    ("culture", "quiz"): ("netprep.cli.culture_quiz", "run_quiz"),
}


def test_every_fast_path_is_checked() -> None:
    assert set(FAST_PATHS) == set(DATA_PATHS) | set(INTERACTIVE)


def _seed() -> None:
    """Some data, so the compared outputs are not trivially empty."""
    from netprep.store import open_store

    with open_store() as store, store.write() as db:
        db.execute(
            "INSERT INTO stories(title, situation, task, action, result, tags, created_at, "
            "updated_at) VALUES ('Cache fix', 'At my internship the API was slow.', "
            "'I owned the fix.', 'I profiled it and added a cache.', "
            "'Latency fell by 40%.', '[\"impact\"]', '2026-11-01T10:00:00+00:00', "
            "'2026-11-01T10:00:00+00:00')"
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


def test_data_fast_paths_import_neither_typer_nor_rich() -> None:
    code = (
        "import sys, io, contextlib; from netprep.cli import run\n"
        f"for argv in {DATA_PATHS!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()): run(list(argv))\n"
        "print('LOADED' if 'typer' in sys.modules or 'rich' in sys.modules else 'LEAN')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("LEAN"), result.stdout + result.stderr
