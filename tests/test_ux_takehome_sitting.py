"""A take-home as a nervous student sits it, in a real terminal (tmux) at 60 and 120
columns: the clock runs from the start, so the brief is one key away (b) and rewrapped
to the window (its YAML line breaks cut sentences at 60 columns); leaving says how to
hand it in; submit says where the attempt stands before freezing it, its "(Y/n)" whole;
below 100 columns the acceptance checks are a list (the table squeezed each requirement
to a word a line)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.test_e2e_copy import _start
from tests.test_e2e_terminal import pytestmark  # noqa: F401  (the same markers)

NETPREP = [sys.executable, "-m", "netprep", "takehome"]


def _joined(tmux) -> list[str]:
    """The whole pane, scrolled-off lines too, the terminal's own soft wraps undone."""
    return [line.rstrip() for line in
            tmux.run("capture-pane", "-p", "-J", "-S", "-400", "-t", "e2e").splitlines()]


@pytest.mark.parametrize("width", [60, 120])
def test_the_brief_is_one_key_away_and_submit_says_where_you_stand(home: Path,
                                                                    width: int) -> None:
    tmux = _start("takehome-sit", width, [*NETPREP, "start", "log-summary"])
    try:
        tmux.wait_for(lambda s: "press b to read it here" in " ".join(s.split()), timeout=20)
        tmux.keys("b", "Enter")
        tmux.wait_for(lambda s: "Files you start from" in s, timeout=20)
        brief = _joined(tmux)
        tmux.keys("q", "Enter")
        tmux.wait_for(lambda s: "EXIT=" in s, timeout=20)
        left = " ".join(" ".join(_joined(tmux)).split())
    finally:
        tmux.run("kill-server")
    brief = brief[next(n for n, line in enumerate(brief)
                       if line.startswith("A command-line log summariser")):]
    assert all(len(line) <= width for line in brief), brief
    said = " ".join(" ".join(brief).split())
    # One sentence, whole, wherever the window breaks it (the YAML broke it after "so").
    assert ("(argv without the program name), so that `python logtool.py FILE [--since "
            "TIMESTAMP] [--top N] [--json]`:") in said
    item = next(n for n, line in enumerate(brief) if line.startswith("- with `--top N`"))
    if width < 100:  # an item wraps under its text
        assert brief[item + 1] == "  messages (most common first, ties alphabetical);", brief
    else:
        assert brief[item].endswith("(most common first, ties alphabetical);"), brief
    assert "When you are done, hand it in with `netprep takehome submit`." in left

    tmux = _start("takehome-submit", width, [*NETPREP, "submit", "--rate", "3,3,3,3,3"])
    try:
        screen = tmux.wait_for(lambda s: "(Y/n)" in s, timeout=60)
        tmux.keys("n")
        done = tmux.wait_for(lambda s: "EXIT=" in s, timeout=20)
    finally:
        tmux.run("kill-server")
    lines = screen.splitlines()
    asked = " ".join(" ".join(lines[next(n for n, ln in enumerate(lines)
                                         if ln.startswith("? 0 of 7")):]).split())
    assert re.match(r"\? 0 of 7 requirements met, [12]:[0-5]\d:\d\d of the time box left",
                    asked), asked
    assert "of the time box left. Submit now? The folder is frozen and the clock stops. " \
           "(Y/n)" in asked
    assert all(len(line.rstrip()) <= width for line in lines)
    assert "Not submitted; the attempt stays open." in done and "EXIT=1" in done


@pytest.mark.parametrize("width", [60, 120])
def test_the_acceptance_checks_fit_the_window(cli, monkeypatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    assert cli("takehome", "start", "log-summary").code == 0
    result = cli("takehome", "check")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("Acceptance checks: 0/7 requirements met")
    assert all(len(line) <= width for line in lines), result.out
    if width < 100:
        assert lines[1] == "  fail  counts: Counts per level are printed as LEVEL COUNT,"
        assert lines[2] == "        most severe first"
    else:
        assert any("│ since" in line for line in lines)
