"""In a real terminal (tmux): a command prompt's bottom bar wraps by words instead of
being cut at the window's edge (takehome's clock read "1:59:19 l" at 60 columns)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.test_e2e_copy import _start
from tests.test_e2e_terminal import pytestmark  # noqa: F401  (the same markers)


@pytest.mark.parametrize("width", [60, 120])
def test_the_takehome_clock_bar_is_never_cut(home: Path, width: int) -> None:
    tmux = _start("takehome-bar", width,
                  [sys.executable, "-m", "netprep", "takehome", "start", "log-summary"])
    try:
        screen = tmux.wait_for(lambda s: "Attempt 1 at log-summary" in s and "2:00:00" in s,
                               timeout=20)
        tmux.keys("q", "Enter")
        tmux.wait_for(lambda s: "EXIT=" in s, timeout=20)
    finally:
        tmux.run("kill-server")
    lines = [line.rstrip() for line in screen.splitlines()]
    bar = lines[next(n for n, line in enumerate(lines) if "Attempt 1 at log-summary" in line):]
    said = " ".join(" ".join(bar).split())
    assert "(running):" in said and "left of 2:00:00" in said, screen
    assert all(len(line) <= width for line in lines)
