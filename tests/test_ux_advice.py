"""Advice that fits the round, and a `?` that never loses an answer (issue 29, items 9, 10)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from netprep.cli import run

from .conftest import terminal

DATA = Path(__file__).parent / "data" / "mock"
ENTER = "\r"


@pytest.fixture
def mock_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "main"))


def _session(capsys) -> dict:
    assert run(["history", "show", "1", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_question_mark_at_the_prompt_asks_and_the_prompt_stays_open(
        mock_pack, capsys, monkeypatch) -> None:
    """A technical question with no clarification bank: the interviewer says what it can,
    and the answer typed next is the one saved."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # Enter at the Ready? prompt
    answer = "Chaining stores colliding keys in a list per bucket."
    keys = "?how many keys are there" + ENTER + answer + ENTER + ENTER * 3
    with terminal(keys):
        code = run(["mock", "--round", "technical", "--questions", "1", "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    err = " ".join(captured.err.split())
    assert "Interviewer: Pick a scale that seems realistic, say the number out loud" in err
    assert "Mock interview: 1 of 1 answered" in captured.out
    [q] = _session(capsys)["questions"]
    assert q["answer"] == answer
    assert q["checklist"]["clarifying_question"] is True


def test_a_question_mark_line_from_stdin_is_never_the_answer(mock_pack, cli) -> None:
    result = cli("mock", "--round", "technical", "--questions", "1", "--seed", "1",
                 input="?is this about java\n?\nOpen addressing probes for a free slot.\n")
    assert result.code == 0, result.err
    err = " ".join(result.err.split())
    assert "Interviewer: Make an assumption and state it" in err
    assert "Type ? and your question" in err
    [q] = json.loads(cli("history", "show", "1", "--json").out)["questions"]
    assert q["answer"] == "Open addressing probes for a free slot."
