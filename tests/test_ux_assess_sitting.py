"""An online assessment as a nervous student sits it: a problem's view shows the
function to write and its examples (they were only in the file), submitting says how
much time is still on the clock, and `assess start` after leaving one with q offers to
go back to it instead of opening a second assessment beside it."""

from __future__ import annotations

import io
import json
import sys

import pytest

from netprep.cli import run

from .conftest import terminal

ENTER = "\r"


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def _problems(capsys) -> list[dict]:
    assert run(["assess", "show", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["problems"]


def test_a_problem_shows_its_function_and_examples(capsys) -> None:
    with terminal("1" + ENTER + "q" + ENTER):
        code = run(["assess", "start", "--seed", "3", "--problems", "2"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    from netprep.content import load_library

    first = _problems(capsys)[0]
    exercise = load_library().exercise(first["exercise"])
    said = " ".join(captured.err.split())
    signature = " ".join(exercise.signature["python"].split())
    assert f"Write: {signature}" in said
    example = exercise.examples[0]
    assert "Examples" in said and f"{exercise.function}(" in said
    assert json.dumps(example["expected"]) in said


def test_submit_says_the_time_left_and_leaving_then_starting_goes_back(capsys,
                                                                     monkeypatch) -> None:
    from netprep.ui import prompts

    asked: list[str] = []
    real = prompts.confirm

    def confirm(message: str, default: bool = True) -> bool:  # the question, as shown
        asked.append(" ".join(message.split()))
        return real(message, default)

    monkeypatch.setattr(prompts, "confirm", confirm)
    # Leave the first assessment with q, its clock running.
    with terminal("q" + ENTER):
        assert run(["assess", "start", "--seed", "3", "--problems", "2"]) == 0
    capsys.readouterr()
    # Start again: Enter goes back to it (the default); s, then y submits it.
    with terminal(ENTER + "s" + ENTER + "y"):
        code = run(["assess", "start", "--seed", "3", "--problems", "2"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    said = " ".join(captured.err.split())
    assert "Online assessment 1: 2 problems" in said  # back to it (the menu: DummyOutput)
    [question] = asked
    assert question.startswith("Submit now, with 6") or question.startswith(
        "Submit now, with 7"), question
    assert question.endswith("still on the clock? The hidden tests run once.")
    assert run(["assess", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    rows = listed.get("assessments", listed)
    assert len(rows) == 1  # no second assessment was opened beside the first
    assert rows[0]["submitted_at"] is not None
