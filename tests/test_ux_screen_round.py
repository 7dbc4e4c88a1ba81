"""`mock --round screen` as a student meets it at a terminal (60 and 120 columns): the
question is labelled as a screen's, not "behavioral" (its bank), and gibberish is not
an answer (it scored 60/100 beside three findings about company, experience and
future, as if it had said something)."""

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
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # Enter at the ready prompt


def _screen(typed: str, capsys, monkeypatch, width: int) -> tuple[dict, str, str]:
    monkeypatch.setenv("COLUMNS", str(width))
    with terminal(typed + ENTER + ENTER + ENTER):
        code = run(["mock", "--round", "screen", "--questions", "1", "--seed", "3"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert run(["history", "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    return shown, captured.out, captured.err


@pytest.mark.parametrize("width", [60, 120])
def test_a_screen_question_is_labelled_as_a_screen(capsys, monkeypatch, width: int) -> None:
    _, _, err = _screen("I want to learn the deploy tooling first.", capsys, monkeypatch, width)
    box = [line for line in err.splitlines() if "target 1:00" in line]
    assert box and all("behavioral" not in line for line in box), err
    assert any("screen" in line for line in box), err
    assert run(["history", "show", "1"]) == 0
    history = capsys.readouterr().out
    assert "Q1 · screen" in history and "behavioral" not in history, history


@pytest.mark.parametrize("width", [60, 120])
@pytest.mark.parametrize("typed", ["asdf qwer zxcv lorem blah blah",
                                   "\x1b[200~asdf qwer\nzxcv lorem\nblah blah\x1b[201~"])  # pasted
def test_gibberish_is_told_it_does_not_answer(capsys, monkeypatch, width: int,
                                              typed: str) -> None:
    shown, out, err = _screen(typed, capsys, monkeypatch, width)
    answer = shown["questions"][0]
    assert answer["score"] <= 10 and not answer["ready"], answer
    assert [f["code"] for f in answer["findings"]] == ["not-an-answer"], answer["findings"]
    said = " ".join((out + err).split())
    assert "does not answer the question" in said, said
    assert "score 60" not in said and "Nothing here is specific" not in said, said
    assert "your actions and the outcome" not in said, said  # a screen answer is no story


def test_a_short_screen_answer_gets_a_screen_tip(cli) -> None:
    """Piped (one line per answer, no rating), a very short screen answer is told to lead
    with the answer and back it, not to give "the context, your actions and the outcome"
    of a STAR story."""
    result = cli("mock", "--round", "screen", "--questions", "1", "--seed", "1",
                 input="asdf qwer zxcv lorem blah blah\n")
    assert result.code == 0, result.err
    said = " ".join((result.out + result.err).split())
    assert "does not answer the question" in said, said
    assert "your actions and the outcome" not in said, said
    assert "lead with your answer, then one fact from your own work" in said, said


def test_a_terse_real_answer_is_still_an_answer(capsys, monkeypatch) -> None:
    shown, _, _ = _screen("Debugging.", capsys, monkeypatch, 120)
    codes = [f["code"] for f in shown["questions"][0]["findings"]]
    assert "not-an-answer" not in codes, codes
