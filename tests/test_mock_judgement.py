"""The mock's judgement in every round (issue 30, section 5), driven as a user would:
scripted stdin lines, and prompt_toolkit pipe input at a terminal."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from .conftest import terminal

DATA = Path(__file__).parent / "data" / "mock"
# A story with a measured result and no lesson: ready, but probed for the lesson.
NO_LESSON = (
    "Last year our team's deploys failed twice a week because the staging database drifted "
    "from production. I was asked to make deploys reliable before the spring release. I "
    "wrote a script that compared the two schemas every night, I added a CI step that "
    "blocked merges when they differed, and I walked the team through fixing the three "
    "tables that had drifted. Failed deploys dropped from eight a month to one, and the "
    "release shipped on time.")
LESSON = ("Next time I would add the schema check on day one of a project instead of waiting "
          "for failures, because drift is cheap to stop early and expensive to untangle.")
NO_LESSON_FINDING = "What you learned is not stated"


@pytest.fixture(autouse=True)
def fixture_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "judge"))


def shown(cli, session: int = 1) -> dict:
    result = cli("history", "show", str(session), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_a_follow_up_reply_that_gives_the_lesson_closes_the_finding(cli) -> None:
    before = cli("mock", "--round", "behavioral", "-n", "1", "--no-hints",
                 input=NO_LESSON + "\n\n")
    assert NO_LESSON_FINDING in before.err  # without --follow-ups the lesson is missing
    result = cli("mock", "--round", "behavioral", "-n", "1", "--no-hints", "--follow-ups",
                 input=f"{NO_LESSON}\n{LESSON}\n\n")
    assert result.code == 0, result.err
    assert "What would you do differently?" in result.err
    feedback = result.err.split("What would you do differently?")[1]
    assert "Closed by your follow-up: it gave a lesson" in feedback
    assert NO_LESSON_FINDING not in feedback
    assert "No issues left" in result.out  # the summary's main finding
    q = shown(cli, 2)["questions"][0]
    assert q["follow_up_closed"] is True and q["score"] == 100 and q["ready"] is True
    assert all(f["code"] != "no-learning" for f in q["findings"])
    assert shown(cli, 1)["questions"][0]["score"] < q["score"]  # the lesson counts
    history = cli("history", "show", "2")
    assert "Closed by your follow-up" in history.out
    assert NO_LESSON_FINDING not in history.out


def test_a_vacuous_reply_leaves_the_finding_open(cli) -> None:
    result = cli("mock", "--round", "behavioral", "-n", "1", "--no-hints", "--follow-ups",
                 input=f"{NO_LESSON}\nI learned a lot.\n\n")
    assert result.code == 0, result.err
    assert "Your follow-up did not give a lesson." in result.err
    q = shown(cli)["questions"][0]
    assert q["follow_up_closed"] is False
    assert [f["code"] for f in q["findings"]] == ["no-learning"]
    history = cli("history", "show", "1")
    assert "did not give a lesson" in history.out and NO_LESSON_FINDING in history.out


def test_at_a_terminal_the_closed_gap_is_in_the_panel_and_the_rating(capsys, monkeypatch
                                                                     ) -> None:
    from netprep.cli import run

    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # Enter at the ready prompt
    keys = NO_LESSON + "\r" + LESSON + "\r" + "\r" * 3
    with terminal(keys):
        code = run(["mock", "--round", "behavioral", "-n", "1", "--no-hints", "--follow-ups"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Closed by your follow-up" in captured.err
    assert NO_LESSON_FINDING not in captured.err.split("What would you do differently?")[1]
    assert run(["history", "show", "1", "--json"]) == 0
    q = json.loads(capsys.readouterr().out)["questions"][0]
    assert q["rating"] == 5 and q["ready"] is True  # the suggestion counts the reply
