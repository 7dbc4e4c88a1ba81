"""`mock --round technical --coding` is one round (issue 20, item 8): the briefing names the
drill, its header comes before the editor, the summary follows it and includes it, and
`history show` lists it."""

from __future__ import annotations

import io
import json
import sys

import pytest

from netprep.cli import run

from .conftest import terminal

ENTER = "\r"


@pytest.fixture(autouse=True)
def real_terminal_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # prompt_toolkit's full prompt, not dumb
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


def test_the_coding_drill_is_part_of_the_round(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # Enter at the Ready? prompt
    # The answer; key points, checklist and rating accepted; in the drill `q` gives up,
    # then no to the reference solution.
    keys = "A hash map from value to index, one pass." + ENTER + ENTER * 3 + "q" + ENTER + "n"
    with terminal(keys):
        code = run(["mock", "--round", "technical", "--questions", "1", "--coding",
                    "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    err, out = captured.err, captured.out
    assert "one timed coding drill ends the round" in err  # the briefing says so
    header = err.index("Coding drill: ")
    assert header < err.index("Wrote a starter file")  # the header before the editor step
    assert "Mock interview: 1 of 1 answered" in out
    assert "Coding drill: " in out.split("Mock interview: 1 of 1 answered", 1)[1]
    assert run(["history", "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    [attempt] = shown["code_attempts"]
    assert attempt["session_id"] == 1 and attempt["solved"] is False
    assert run(["history", "show", "1"]) == 0
    assert "Coding drill: " in capsys.readouterr().out
