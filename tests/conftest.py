"""Shared fixtures: every test gets its own private NETPREP_HOME."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir per test; no user packs, no colour, a fixed width."""
    path = tmp_path / "home"
    monkeypatch.setenv("NETPREP_HOME", str(path))
    monkeypatch.delenv("NETPREP_CONTENT", raising=False)
    monkeypatch.delenv("NETPREP_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")
    from netprep.ui import console

    console.out.cache_clear()
    console.err.cache_clear()
    return path


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run netprep in-process through its real exit point; stdin is a non-terminal stream."""
    from netprep.cli import run

    def invoke(*args: str, input: str = "") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def shown(cli, session: int = 1) -> dict:
    """`history show SESSION --json` of a session the test ran, as a dict."""
    result = cli("history", "show", str(session), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def netprep_command() -> list[str]:
    return [sys.executable, "-m", "netprep"]


@pytest.fixture
def run_netprep():
    """Run netprep as a real process (for exit codes, signals, no-traceback checks)."""

    def invoke(
        *args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [*netprep_command(), *args],
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
        )

    return invoke


@contextmanager
def terminal(keys: str) -> Iterator[None]:
    """Drive prompts for real: `keys` typed into a prompt_toolkit pipe input.

    questionary and prompt_toolkit read from the current app session, so every
    prompt netprep opens inside this block reads these keys.
    """
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        with create_app_session(input=pipe, output=DummyOutput()):
            yield
