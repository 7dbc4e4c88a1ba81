"""End to end in a real terminal (tmux): the countdown ticks while the answer is typed."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

PACK = Path(__file__).parent / "data" / "mock" / "main"
CLOCK = re.compile(r"(\d+:\d\d) left")

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None,
                       reason="tmux is not installed; the real-terminal test drives netprep in it"),
]


class Tmux:
    """One detached session on a private tmux server (its own socket), killed afterwards."""

    def __init__(self, socket: str, env: dict[str, str]):
        self.socket = socket
        self.env = env

    def run(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, env=self.env, timeout=10)
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, predicate, timeout: float = 8.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out; the screen was:\n{screen}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", "e2e", *(["-l"] if literal else []), *keys)

    @classmethod
    def start(cls, name: str, width: int, height: int, argv: list[str], pack: Path) -> Tmux:
        """`argv` in a fresh width x height terminal, with `pack` as the user's content
        and no COLUMNS or NO_COLOR from the caller; the pane stays after it exits."""
        env = {**os.environ, "TERM": "xterm-256color", "NETPREP_CONTENT": str(pack)}
        env.pop("NO_COLOR", None)
        env.pop("COLUMNS", None)
        tmux = cls(f"netprep-{name}-{os.getpid()}-{width}", env)
        line = " ".join(shlex.quote(part) for part in argv)
        tmux.run("new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height),
                 f"{line}; echo EXIT=$?; sleep 30")
        return tmux


def assert_fits(screen: str, width: int) -> None:
    """No line of the screen is wider than the terminal."""
    too_wide = [line for line in screen.splitlines() if len(line.rstrip()) > width]
    assert not too_wide, screen


def test_countdown_ticks_while_typing_then_the_summary(tmp_path: Path, home: Path) -> None:
    env = {**os.environ, "TERM": "xterm-256color", "NETPREP_CONTENT": str(PACK)}
    env.pop("NO_COLOR", None)
    command = " ".join(shlex.quote(part) for part in (
        sys.executable, "-m", "netprep", "mock", "--pack", "mockfix", "--round", "behavioral",
        "--questions", "1", "--minutes", "1", "--seed", "1"))
    tmux = Tmux(f"netprep-e2e-{os.getpid()}", env)
    tmux.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
             f"{command}; echo EXIT=$?; sleep 30")
    try:
        briefing = tmux.wait_for(lambda s: "Ready?" in s)
        assert "Mock interview" in briefing and "Question 1" not in briefing
        time.sleep(3)  # reading the briefing: no clock runs yet
        tmux.keys("Enter")
        shown = tmux.wait_for(lambda s: "Question 1 of 1" in s and CLOCK.search(s) is not None)
        opening = CLOCK.search(shown)
        # Had the clock run during those 3 s, it would show 0:57 or less.
        assert opening is not None and opening.group(1) in ("1:00", "0:59", "0:58"), shown
        tmux.keys("I was the intern who", literal=True)
        first = tmux.wait_for(lambda s: "> I was the intern who" in s)
        start = CLOCK.search(first)
        assert start is not None
        # Keep typing; the clock must move on by itself while the text grows.
        typed = "I was the intern who"
        later = first
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            typed += " fixed"
            tmux.keys(" fixed", literal=True)
            time.sleep(0.3)
            later = tmux.screen()
            now = CLOCK.search(later)
            if now and now.group(1) != start.group(1) and typed in later:
                break
        now = CLOCK.search(later)
        assert now is not None and now.group(1) != start.group(1), later
        assert typed in later
        assert "Question 1 of 1" in later.splitlines()[-1]  # the toolbar, at the bottom

        tmux.keys("Enter")  # submit the answer
        tmux.wait_for(lambda s: "What did you do?" in s)
        tmux.keys("Enter")  # accept the checklist
        tmux.wait_for(lambda s: "Rate this answer" in s)
        tmux.keys("Enter")  # accept the suggested rating
        tmux.wait_for(lambda s: "Do you have any questions for me?" in s)
        tmux.keys("How does the team review a change?", literal=True)
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "Your question 2:" in s)
        tmux.keys("Enter")  # no more questions
        done = tmux.wait_for(lambda s: "EXIT=" in s)
        assert "How does the team review a change?" in done and "specific" in done
        assert "EXIT=0" in done and "1 of 1 answered (session 1)" in done
    finally:
        tmux.run("kill-server")
    shown = subprocess.run([sys.executable, "-m", "netprep", "history", "show", "1", "--json"],
                           capture_output=True, text=True, env=env, timeout=30)
    answer = json.loads(shown.stdout)["questions"][0]
    assert answer["answer"].startswith("I was the intern who fixed")
    assert answer["elapsed_seconds"] > 0.5 and answer["rating"] in range(1, 6)
