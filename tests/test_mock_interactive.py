"""`netprep mock` at a terminal, driven for real through prompt_toolkit's pipe input."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from netprep.cli import run

from .conftest import terminal

DATA = Path(__file__).parent / "data" / "mock"
ENTER, CTRL_C, CTRL_D, DOWN, ESC_ENTER = "\r", "\x03", "\x04", "\x1b[B", "\x1b\r"
ANSWER = ("When I was an intern the build kept failing. My task was to fix it. So I wrote a "
          "script and I set up retries. As a result build time dropped by 40%.")


@pytest.fixture(autouse=True)
def fixture_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "main"))
    # Enter at the ready prompt (it reads stdin in line mode); the rest goes to the pipe input.
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))


def mock(keys: str, *args: str, capsys) -> tuple[int, str, str]:
    with terminal(keys):
        code = run(["mock", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def session(capsys, session_id: int = 1) -> dict:
    assert run(["history", "show", str(session_id), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_answer_checklist_and_rating_with_enter_accepting_defaults(capsys) -> None:
    keys = ANSWER + ENTER + ENTER + ENTER
    code, out, err = mock(keys, "--round", "behavioral", "--questions", "1", "--seed", "1",
                          capsys=capsys)
    assert code == 0, err
    assert "Question 1 of 1" in err and "Alt+Enter (or Esc then Enter) adds a new line" in err
    assert "Mock interview: 1 of 1 answered (session 1)" in out
    q = session(capsys)["questions"][0]
    assert q["answer"] == ANSWER
    assert q["rating"] in (1, 2, 3, 4, 5)  # the suggested default, accepted with Enter
    # Defaults come from the analysis: STAR parts and a number were found.
    # A story's checklist: STAR and a number (no clarifying question, issue 29 item 10).
    assert q["checklist"] == {"used_star": True, "measurable_result": True}


def test_ticking_the_checklist_and_choosing_a_rating(capsys) -> None:
    # Tick "gave a measurable result" (second row), then pick 5 with its number key.
    keys = "short" + ENTER + DOWN + " " + ENTER + "5" + ENTER
    code, _, err = mock(keys, "--round", "behavioral", "--questions", "1", capsys=capsys)
    assert code == 0, err
    q = session(capsys)["questions"][0]
    assert q["rating"] == 5 and q["checklist"]["measurable_result"] is True
    assert q["checklist"]["used_star"] is False


def test_esc_enter_inserts_a_new_line_and_empty_means_answered_aloud(capsys) -> None:
    keys = ("first line" + ESC_ENTER + "second line" + ENTER + ENTER + ENTER
            + ENTER + ENTER + ENTER)
    code, out, err = mock(keys, "--round", "behavioral", "--questions", "2", "--no-hints",
                          capsys=capsys)
    assert code == 0, err
    answers = [q["answer"] for q in session(capsys)["questions"]]
    assert answers == ["first line\nsecond line", ""]
    assert "Answered aloud" in out


def test_technical_questions_tick_the_key_points_covered(capsys) -> None:
    # Empty answer; tick the first key point only, accept the checklist and the rating.
    keys = ENTER + " " + ENTER + ENTER + ENTER
    code, out, err = mock(keys, "--round", "technical", "--questions", "1", "--seed", "1",
                          capsys=capsys)
    assert code == 0, err
    q = session(capsys)["questions"][0]
    assert len(q["checklist"]["key_points"]) == 1
    assert len(q["checklist"]["key_points_missed"]) == 2
    assert q["findings"][0]["code"] == "key-points-missed"
    assert "Missed 2 of 3 key points" in out
    # the advice names the topic as a person would ("Review complexity"), never by an id
    advice = q["findings"][0]["suggestion"]
    assert advice.startswith("Review ") and ", then say each in a sentence" in advice
    assert not any(p.rstrip(".") in advice for p in q["checklist"]["key_points_missed"])
    assert not re.search(r"Review [a-z]+-[a-z]+", advice), advice


def test_ctrl_c_mid_session_keeps_earlier_answers_exit_130(capsys) -> None:
    keys = ANSWER + ENTER + ENTER + ENTER + "half an ans" + CTRL_C
    code, out, err = mock(keys, "--questions", "3", "--seed", "2", capsys=capsys)
    assert code == 130
    assert "Interrupted: 1 of 3 answers saved in session 1 (marked incomplete)." in err
    assert "netprep history show 1" in err and "Traceback" not in err
    saved = session(capsys)
    assert not saved["complete"] and saved["answered"] == 1
    assert saved["questions"][0]["answer"] == ANSWER


def test_ctrl_c_in_the_rating_prompt_keeps_the_answer(capsys) -> None:
    keys = ANSWER + ENTER + ENTER + CTRL_C
    code, _, err = mock(keys, "--round", "behavioral", "--questions", "2", capsys=capsys)
    assert code == 130 and "1 of 2 answers saved" in err
    assert session(capsys)["questions"][0]["rating"] is None


def test_ctrl_c_before_the_first_answer_saves_nothing(capsys) -> None:
    code, _, err = mock(CTRL_C, capsys=capsys)
    assert code == 130 and "nothing was saved" in err
    assert run(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == []


def test_ctrl_d_on_an_empty_prompt_ends_the_session_early(capsys) -> None:
    keys = "one" + ENTER + ENTER + ENTER + CTRL_D
    code, out, err = mock(keys, "--round", "behavioral", "--questions", "3", capsys=capsys)
    assert code == 0, err
    assert "1 of 3 answered" in out
    assert not session(capsys)["complete"]


def test_the_suggested_story_is_shown(capsys) -> None:
    from netprep.star.cache import add_story
    from netprep.star.model import Story
    from netprep.store import open_store

    with open_store() as store:
        add_story(store, Story(None, "The Postgres argument", "At my internship two of us "
                               "disagreed.", "I had to settle it.", "I wrote a comparison.",
                               "We shipped a week early.", tags=("fx-conflict",)))
    keys = ENTER * 9
    code, _, err = mock(keys, "--round", "behavioral", "--questions", "3", capsys=capsys)
    assert code == 0, err
    assert "Your story: #1 The Postgres argument" in err
    assert "No story for Ownership yet" in err  # no story and no template for the others


def test_toolbar_shows_position_and_clock() -> None:
    from netprep.content import load_library
    from netprep.mock.model import MockConfig, Turn
    from netprep.mock.plan import build_plan
    from netprep.ui.interview import toolbar

    library = load_library([(DATA / "main", "user")])
    plan = build_plan(library, MockConfig(questions=2, minutes=1, seed=1))
    now = [50.0]
    turn = Turn(plan.items[1], 2, lambda: now[0], True)
    text = "".join(t for _, t in toolbar(turn))
    assert "Question 2 of 2" in text and "1:00 left" in text
    now[0] += 35
    styles = dict((t.strip(), s) for s, t in toolbar(turn))
    assert styles["0:25 left"] == "class:clock.warn"
    now[0] += 40
    styles = dict((t.strip(), s) for s, t in toolbar(turn))
    assert styles["0:15 over"] == "class:clock.over"
    untimed = Turn(plan.items[0], 2, lambda: now[0], False)
    assert "untimed" in "".join(t for _, t in toolbar(untimed))


def test_the_ready_prompt_waits_before_the_first_question(capsys) -> None:
    code, out, err = mock(ANSWER + ENTER + ENTER + ENTER, "--round", "behavioral", "-n", "1",
                          capsys=capsys)
    assert code == 0, err
    briefing, ready, question = err.index("Mock interview"), err.index("Ready?"), \
        err.index("Question 1 of 1")
    assert briefing < ready < question
    assert sys.stdin.read() == ""  # the gate took its Enter from stdin


def test_end_of_input_at_the_ready_prompt_saves_nothing(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # Ctrl-D: stdin ends
    code, out, err = mock("", "--round", "behavioral", "-n", "2", capsys=capsys)
    assert code == 0, err
    assert "Question 1" not in err
    assert "Input ended before the first answer: nothing was saved." in out
    assert run(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == []
