"""Readable at 60 and 120 columns, in a real terminal (issue 20, items 1 and 3).

tmux runs netprep at each width; the screen is read back and checked for lines wider than
the pane, words split across lines, and the one keyboard convention at the answer prompt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_e2e_terminal import PACK, Tmux, assert_fits, pytestmark  # noqa: F401 (the tmux skip marks)

WIDTHS = [60, 120]


def _session(tmp_path: Path, width: int, command: list[str], name: str) -> Tmux:
    return Tmux.start(f"ux-{name}", width, 45, command, PACK)


def _netprep(*args: str) -> list[str]:
    return [sys.executable, "-m", "netprep", *args]


@pytest.mark.parametrize("width", WIDTHS)
def test_star_list_and_error_lists_never_split_a_word(tmp_path: Path, home: Path,
                                                      width: int) -> None:
    subprocess.run(_netprep("star", "add", "--title", "Untangling the onboarding documentation",
                            "--situation", "s", "--task", "t", "--action", "I did it.",
                            "--result", "It worked.", "--tag", "collaboration", "--tag",
                            "ownership"), check=True, capture_output=True, timeout=60)
    tmux = _session(tmp_path, width, _netprep("star", "list"), "list")
    try:
        screen = tmux.wait_for(lambda s: "EXIT=" in s)
        assert_fits(screen, width)
        words = screen.replace("│", " ").replace(",", " ").split()
        for word in ("Untangling", "onboarding", "documentation", "collaboration", "ownership"):
            assert word in words, screen
    finally:
        tmux.run("kill-server")
    tmux = _session(tmp_path, width, _netprep("culture", "show", "keepr"), "error")
    try:
        screen = tmux.wait_for(lambda s: "EXIT=" in s)
        assert_fits(screen, width)
        words = screen.replace(",", " ").replace("?", " ").replace(".", " ").split()
        assert "keeper-test" in words and "Did" in words, screen
        ids = [w for w in words if "-" in w and w.islower()]
        assert all(not w.endswith("-") for w in ids), screen  # no id cut at its hyphen
    finally:
        tmux.run("kill-server")


@pytest.mark.parametrize("width", WIDTHS)
def test_mock_at_width_ready_panel_and_bar_fit_and_alt_enter_adds_a_line(
        tmp_path: Path, home: Path, width: int) -> None:
    command = _netprep("mock", "--pack", "mockfix", "--round", "behavioral", "--questions", "1",
                       "--minutes", "2", "--seed", "1")
    tmux = _session(tmp_path, width, command, "mock")
    try:
        ready = tmux.wait_for(lambda s: "Ready?" in s)
        assert_fits(ready, width)
        assert "Ctrl-C leaves" in " ".join(ready.split()), ready  # wrapped between words
        tmux.keys("Enter")
        shown = tmux.wait_for(lambda s: "Question 1 of 1" in s and "left" in s)
        assert_fits(shown, width)
        assert "target 2:00" in shown  # the panel's subtitle keeps the target
        bar = shown.rstrip().splitlines()[-1]
        assert "Enter: submit" in bar and len(bar.rstrip()) <= width, shown
        tmux.keys("First I profiled the query.", literal=True)
        tmux.keys("M-Enter")
        tmux.keys("Then I added an index.", literal=True)
        typed = tmux.wait_for(lambda s: "Then I added an index." in s)
        assert "words" in typed.rstrip().splitlines()[-1]  # the bar counts what was typed
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "What did you do?" in s)
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "Rate this answer" in s)
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "Your question 1" in s)  # questions for the interviewer
        tmux.keys("Enter")  # none
        done = tmux.wait_for(lambda s: "EXIT=" in s)
        assert "EXIT=0" in done
    finally:
        tmux.run("kill-server")
    env = {**os.environ, "NETPREP_CONTENT": str(PACK)}
    shown_json = subprocess.run(_netprep("history", "show", "1", "--json"), capture_output=True,
                                text=True, env=env, timeout=30)
    import json

    answer = json.loads(shown_json.stdout)["questions"][0]["answer"]
    assert answer == "First I profiled the query.\nThen I added an index."

