"""The self-rating a mock offers, as a student meets it at a terminal: gibberish typed at
a screen question was offered "3) okay: got the point across" (qa2 finding 8)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from netprep.cli import run

from .conftest import terminal

ENTER = "\r"


@pytest.fixture(autouse=True)
def _ready(monkeypatch: pytest.MonkeyPatch) -> None:
    # Enter at the ready prompt (it reads stdin in line mode); the rest goes to the pipe.
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))


def _screen_answer(typed: str, capsys) -> tuple[dict, str, str]:
    # The answer, Enter accepts the suggested rating, Enter: no questions for them.
    with terminal(typed + ENTER + ENTER + ENTER):
        code = run(["mock", "--round", "screen", "--questions", "1", "--seed", "3"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert run(["history", "show", "1", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["questions"][0], captured.out, captured.err


@pytest.mark.parametrize("typed", ["asdf", "I don't know"])
def test_a_few_words_are_offered_lost_the_thread(typed: str, capsys) -> None:
    q, out, err = _screen_answer(typed, capsys)
    assert q["answer"] == typed
    assert q["rating"] == 1, err  # Enter accepted the suggestion: 1) lost the thread
    said = " ".join(out.split())
    # No story for this question: the advice does not send the student to write one.
    assert "(you rated it 1/5): write down two or three reasons first" in said
    assert "star add" not in said and "Several answers" not in said


def test_one_very_short_answer_is_not_several(capsys) -> None:
    typed = ("In my internship I learned to test carefully, and your team ships to millions "
             "of members, so careful tests on every change are the skill you would notice "
             "in my first month.")  # typed at once: far under the 1:00 target
    q, out, _ = _screen_answer(typed, capsys)
    assert q["rating"] >= 3
    said = " ".join(out.split())
    assert "The answer was very short: lead with your answer" in said, said  # a screen answer
    assert "Several answers" not in said


def test_a_thin_outline_is_offered_at_most_weak(capsys) -> None:
    typed = "I like your product and I used it at my internship to ship a small feature."
    q, _, err = _screen_answer(typed, capsys)
    assert q["rating"] <= 2, err
