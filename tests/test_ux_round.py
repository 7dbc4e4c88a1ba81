"""`mock --round technical --coding` is one round (issue 20, item 8): the briefing names the
drill, its header comes before the editor, the summary follows it and includes it, and
`history show` lists it."""

from __future__ import annotations

import io
import json
import random
import shutil
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
    # no reply to the feedback, then no to the reference solution.
    keys = ("A hash map from value to index, one pass." + ENTER + ENTER * 3 + "q" + ENTER
            + ENTER + "n")
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


def test_the_drill_fits_the_time_left_and_the_rounds_level(capsys, monkeypatch) -> None:
    """After a short round the drill is one that fits the minutes left, never harder than
    the round's questions (issue 29, item 16)."""
    from netprep.content import load_library
    from netprep.mock import drill

    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    keys = ("A hash map from value to index, one pass." + ENTER + ENTER * 3 + "q" + ENTER
            + ENTER + "n")  # no reply to the interviewer's feedback
    with terminal(keys):
        code = run(["mock", "--round", "technical", "--questions", "1", "--coding",
                    "--seed", "1"])
    err = capsys.readouterr().err
    assert code == 0, err
    said = " ".join(err.split())
    assert "About 45 minutes are left of a 45-minute round" in said
    library = load_library()
    title = said.split("Coding drill: ", 1)[1].split(" (", 1)[0]
    [exercise] = [e for e in library.exercises if e.title == title]
    assert run(["history", "show", "1", "--json"]) == 0
    asked = json.loads(capsys.readouterr().out)["questions"][0]["id"]
    level = drill.round_level(q for q in library.questions if q.id == asked)
    assert drill.LEVELS.index(exercise.difficulty) <= drill.LEVELS.index(level)
    assert f"a {exercise.difficulty} exercise of about {exercise.minutes} minutes" in said


@pytest.mark.parametrize("spent_minutes, most", [(0, 45), (20, 25), (30, 15), (44, 10)])
def test_the_drill_is_sized_to_the_minutes_left(spent_minutes, most) -> None:
    from netprep.content import load_library
    from netprep.mock import drill

    library = load_library()
    medium = [q for q in library.questions if getattr(q, "level", None) == "medium"][:1]
    for seed in range(20):
        choice = drill.choose(library.exercises, medium, [spent_minutes * 60],
                              rng=random.Random(seed))
        assert choice is not None and choice.level == "medium"
        assert choice.exercise.difficulty in ("easy", "medium")
        assert choice.exercise.minutes <= most  # 1 minute left: the shortest (10 minutes)
        assert choice.minutes_left == 45 - spent_minutes


def test_a_hard_round_may_end_with_a_hard_drill_and_an_easy_one_never_does() -> None:
    from netprep.content import load_library
    from netprep.mock import drill

    library = load_library()
    hard = [q for q in library.questions if getattr(q, "level", None) == "hard"][:1]
    easy = [q for q in library.questions if getattr(q, "level", None) == "easy"][:1]
    assert hard and easy
    picks = {drill.choose(library.exercises, hard, [0], rng=random.Random(s))
             .exercise.difficulty for s in range(200)}
    assert "hard" in picks
    assert {drill.choose(library.exercises, easy, [0], rng=random.Random(s))
            .exercise.difficulty for s in range(50)} == {"easy"}


@pytest.mark.skipif(shutil.which("javac") is None or shutil.which("java") is None,
                    reason="no JDK here (.ci/run installs Debian's default-jdk-headless)")
def test_the_rounds_coding_drill_in_java(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    # The answer and its review, then in the drill Enter runs the tests on the untouched
    # starter, `q` gives up, no reply to the feedback and no to the reference solution.
    keys = ("A hash map from value to index, one pass." + ENTER + ENTER * 3 + ENTER
            + "q" + ENTER + ENTER + "n")
    with terminal(keys):
        code = run(["mock", "--round", "technical", "--questions", "1", "--coding",
                    "--lang", "java", "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    said = " ".join(captured.err.split())
    assert "in Java." in said and ".java" in said
    assert "UnsupportedOperationException" in captured.err + captured.out
    assert run(["mock", "--round", "technical", "--lang", "java"]) == 2
