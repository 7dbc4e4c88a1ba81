"""The coach's read of "Do you have any questions for me?" wraps under its own indent at
60 columns: a long finding never runs back to column 0."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from netprep.ui.render_resume import render_asked


@pytest.fixture(autouse=True)
def _a_real_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # TERM=dumb pins Rich at 80 columns


@pytest.mark.parametrize("width", [60, 120])
def test_a_long_finding_wraps_under_its_indent(width: int) -> None:
    console = Console(file=io.StringIO(), width=width, force_terminal=True,
                      color_system=None)
    render_asked([{"text": "How does the team review code from interns?", "findings": [
        {"code": "specific", "message": "Good question: specific to this team and its "
                                        "culture, and it invites a real example."}]}],
                 console)
    lines = [line.rstrip() for line in console.file.getvalue().splitlines()]
    finding = [line for line in lines[2:] if line.strip()]
    assert finding and all(line.startswith("      ") for line in finding), lines
    assert all(len(line) <= width for line in lines), lines
    said = " ".join(" ".join(finding).split())
    assert said == ("specific: Good question: specific to this team and its culture, and "
                    "it invites a real example.")
