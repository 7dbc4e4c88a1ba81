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


@pytest.fixture
def real_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # prompt_toolkit's full prompt, not dumb
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # Enter at the Ready? prompt


def test_a_behavioral_round_gets_story_advice_not_clarifying_questions(
        mock_pack, real_terminal, capsys) -> None:
    keys = "We shipped it." + ENTER + ENTER + ENTER  # answer; checklist and rating accepted
    with terminal(keys):
        code = run(["mock", "--round", "behavioral", "--questions", "1", "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    briefing = " ".join(captured.err.split("Question 1 of 1")[0].split())
    assert "Structure your stories" in briefing and "numbers in your stories" in briefing
    assert "clarif" not in briefing.lower() and "inputs, edge cases" not in briefing
    assert "clarifying" not in captured.out.lower()  # the summary's advice
    [q] = _session(capsys)["questions"]
    assert set(q["checklist"]) == {"used_star", "measurable_result"}


def test_a_technical_round_keeps_its_clarifying_advice(mock_pack, real_terminal,
                                                       capsys) -> None:
    keys = "Chaining." + ENTER + ENTER * 3
    with terminal(keys):
        code = run(["mock", "--round", "technical", "--questions", "1", "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Ask clarifying questions" in captured.err.split("Question 1 of 1")[0]
    assert "Ask one clarifying question before answering (missed in 1 of 1)" in " ".join(
        captured.out.split())


def test_questions_asked_in_the_coding_drill_count_as_clarifying(real_terminal,
                                                                 capsys) -> None:
    """Built-in content: one technical question, then the drill, where a question is asked
    with "?" before giving up; the summary does not say a clarifying question was missed."""
    keys = ("A hash map from value to index, one pass." + ENTER + ENTER * 3
            + "?can the input be empty" + ENTER + "q" + ENTER + ENTER + "n")
    with terminal(keys):
        code = run(["mock", "--round", "technical", "--questions", "1", "--coding",
                    "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Interviewer" in captured.err or "interviewer" in captured.err
    out = " ".join(captured.out.split())
    assert "Coding drill: " in out
    assert "Ask one clarifying question" not in out


def test_a_drill_without_a_question_still_gets_the_clarifying_tip(real_terminal,
                                                                   capsys) -> None:
    keys = ("A hash map from value to index, one pass." + ENTER + ENTER * 3 + "q" + ENTER
            + ENTER + "n")
    with terminal(keys):
        code = run(["mock", "--round", "technical", "--questions", "1", "--coding",
                    "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Ask one clarifying question before answering (missed in 2 of 2)" in " ".join(
        captured.out.split())
