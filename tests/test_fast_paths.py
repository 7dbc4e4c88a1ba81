"""Each fast path prints exactly what its Typer command prints, for the same data."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netprep.cli import FAST_PATHS, _typer_main, run


def _seed() -> None:
    """Some of everything, so the compared outputs are not trivially empty."""
    from netprep.store import open_store

    with open_store() as store, store.write() as db:
        db.execute(
            "INSERT INTO stories(title, situation, task, action, result, tags, created_at, "
            "updated_at) VALUES ('Cache fix', 'At my internship the API was slow.', "
            "'I owned the fix.', 'I profiled it and added a cache.', "
            "'Latency fell by 40%.', '[\"impact\"]', '2026-11-01T10:00:00+00:00', "
            "'2026-11-01T10:00:00+00:00')"
        )


@pytest.mark.parametrize("argv", sorted(FAST_PATHS), ids=" ".join)
def test_fast_path_matches_the_typer_command(argv, capsys) -> None:
    _seed()
    assert run(list(argv)) == 0
    fast = capsys.readouterr()
    assert _typer_main(list(argv)) in (0, None)
    slow = capsys.readouterr()
    assert fast.out == slow.out
    assert fast.out.strip()


def test_fast_paths_do_not_import_typer() -> None:
    code = (
        "import sys; from netprep.cli import run, FAST_PATHS\n"
        "for argv in FAST_PATHS: run(list(argv))\n"
        "print('LOADED' if 'typer' in sys.modules or 'rich' in sys.modules else 'LEAN')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("LEAN"), result.stdout + result.stderr
