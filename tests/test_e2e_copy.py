"""In a real terminal (tmux), a path or a command the user must copy is printed whole, on a
line of its own, with nothing stuck to it, at 60 and at 120 columns."""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import pytest

from tests.test_e2e_terminal import Tmux, pytestmark  # noqa: F401  (the same markers)


def _start(name: str, width: int, argv: list[str]) -> Tmux:
    env = {**os.environ, "TERM": "xterm-256color"}
    for key in ("NO_COLOR", "COLUMNS", "NETPREP_CONTENT"):
        env.pop(key, None)
    tmux = Tmux(f"netprep-{name}-{os.getpid()}-{width}", env)
    line = " ".join(shlex.quote(part) for part in argv)
    tmux.run("new-session", "-d", "-s", "e2e", "-x", str(width), "-y", "40",
             f"{line}; echo EXIT=$?; sleep 30")
    return tmux


def _joined(tmux: Tmux) -> list[str]:
    """The screen with the terminal's own soft wraps undone (as a copy would read it)."""
    return [line.rstrip() for line in
            tmux.run("capture-pane", "-p", "-J", "-t", "e2e").splitlines()]


@pytest.mark.parametrize("width", [60, 120])
def test_star_add_ctrl_d_prints_the_draft_path_and_command_whole(home: Path, width: int) -> None:
    tmux = _start("star-draft", width, [sys.executable, "-m", "netprep", "star", "add"])
    try:
        tmux.wait_for(lambda s: "Start from a competency template?" in s)
        tmux.keys("Enter")  # no template
        tmux.wait_for(lambda s: "Title" in s)
        tmux.keys("Database schema", literal=True)
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "Situation:" in s)
        tmux.keys("Our team of four disagreed about the schema.", literal=True)
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "Task:" in s)
        tmux.keys("C-d")
        tmux.wait_for(lambda s: "EXIT=" in s)
        lines = _joined(tmux)
    finally:
        tmux.run("kill-server")
    drafts = list((home / "workspace").glob("star-draft-*.yaml"))
    assert len(drafts) == 1, lines
    path = str(drafts[0])
    assert "Our team of four disagreed about the schema." in drafts[0].read_text()
    at = lines.index("Your draft is kept in:")
    assert lines[at + 1] == f"  {path}", lines
    assert lines[at + 2] == "Finish it there and run:", lines
    assert lines[at + 3] == f"  netprep star add --file {path}", lines
    assert "EXIT=130" in lines
    # Nothing the terminal did not wrap itself is wider than the screen.
    assert all(len(line) <= width for line in lines if path not in line), lines
    assert not any(re.search(r"`|;$", line) for line in lines[at:at + 4]), lines
