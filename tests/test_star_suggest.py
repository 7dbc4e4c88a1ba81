"""`netprep star suggest QUESTION [--json]`, driven through the real exit point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORIES = Path(__file__).resolve().parent / "data" / "matching" / "stories.yaml"
WRONG = "Tell me about a disagreement where it turned out you were the one who was wrong."


@pytest.fixture
def bank(cli):
    done = cli("star", "add", "--file", str(STORIES))
    assert done.code == 0, done.err


def test_json_names_the_story_and_leaves_out_the_won_argument(cli, bank):
    done = cli("star", "suggest", WRONG, "--json")
    assert done.code == 0, done.err
    data = json.loads(done.out)
    assert list(data) == ["question", "competencies", "polarity", "story", "alternatives",
                          "reason", "closest"]
    assert data["question"] == WRONG
    assert data["polarity"] == "being-wrong"
    assert "conflict" in data["competencies"]
    assert data["story"]["title"] == "Wrong about the database schema"
    assert 0 < data["story"]["fit"] <= 1
    assert "Convincing the team" not in [a["title"] for a in data["alternatives"]]
    assert "Convincing the team" in data["reason"]  # said why it was left out
    assert done.err == ""


def test_same_question_same_answer(cli, bank):
    runs = {cli("star", "suggest", "Tell me about a disagreement with your manager.",
                "--json").out for _ in range(3)}
    assert len(runs) == 1


def test_nothing_fits_shows_the_templates_questions(cli):
    done = cli("star", "suggest", "Tell me about a time you disagreed with a teammate.")
    assert done.code == 0, done.err
    assert "None of your stories fits this question well" in done.out
    assert "Who disagreed, and about what?" in done.out
    assert "netprep star add" in done.out
    data = json.loads(cli("star", "suggest", "Tell me about a time you disagreed with a "
                          "teammate.", "--json").out)
    assert data["story"] is None and data["alternatives"] == []


def test_motivation_question_gets_no_story(cli, bank):
    data = json.loads(cli("star", "suggest", "Tell me about yourself.", "--json").out)
    assert data["story"] is None and data["competencies"] == []
    assert "motivation" in data["reason"].lower()


def test_human_output_shows_fit_and_alternatives(cli, bank):
    done = cli("star", "suggest", "Tell me about a time you disagreed with a teammate "
               "about how to do something. How did you handle it?")
    assert done.code == 0, done.err
    assert "Best story: #" in done.out and "fit 0." in done.out
    assert "Handling conflict" in done.out


@pytest.mark.parametrize("question", ["", "   ", "x" * 1001])
def test_bad_question_is_a_usage_error(cli, question):
    done = cli("star", "suggest", question)
    assert done.code == 2
    assert done.err.startswith("netprep: QUESTION")


def test_markup_in_a_title_is_shown_literally(cli):
    done = cli("star", "add", "--title", "[bold]Wrong[/bold] about the schema",
               "--situation", "In my databases course my teammate and I disagreed about "
               "the schema for a booking app.", "--task", "We had to settle the design.",
               "--action", "I argued for one JSON document per user, we tested both designs "
               "on the three main queries, and I told her she had been right and I had "
               "been wrong.", "--result", "We finished a week early and scored 94%.",
               "--tag", "conflict,learning")
    assert done.code == 0, done.err
    done = cli("star", "suggest", WRONG)
    assert done.code == 0, done.err
    assert "[bold]Wrong[/bold] about the schema" in done.out


def test_the_index_is_cached_in_the_data_dir(cli, bank, home):
    cli("star", "suggest", WRONG, "--json")
    path = home / "cache" / "match-index.json"
    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    first = path.stat().st_mtime_ns
    cli("star", "suggest", WRONG, "--json")  # nothing new learnt: not rewritten
    assert path.stat().st_mtime_ns == first


def test_check_and_plan_count_questions_no_story_fits(cli, bank):
    data = json.loads(cli("star", "check", "--json").out)["bank"]
    gaps = {q["text"] for q in data["no_fit"]}
    assert gaps and all(set(q) == {"key", "text", "round", "competencies"}
                        for q in data["no_fit"])
    assert "Describe a time you missed a deadline." in gaps
    assert WRONG not in gaps  # story 2 fits it
    assert not any("about yourself" in g for g in gaps)  # motivation questions are no gaps
    shown = cli("star", "check")
    assert f"Questions none of your stories fits ({len(gaps)}), most asked first" in shown.out
    assert "answers well" not in shown.out  # one gap list, not two (issue 29, item 2)
    plan = json.loads(cli("plan", "--json").out)
    step = next(s for s in plan["today"] if "none of yours fits" in s["step"])
    assert step["command"] == "netprep star add"
    assert f"{len(gaps)} of the" in step["why"]


def test_the_gaps_are_one_list_most_asked_first_with_the_closest_story(cli, bank):
    """Issue 29, item 2: ten shown, each with the closest story and what it lacks; the
    rest behind --all; the order is how often the question's competency is asked."""
    data = json.loads(cli("star", "check", "--json").out)["bank"]
    gaps = data["gaps"]
    assert {g["text"] for g in gaps} == {q["text"] for q in data["no_fit"]}
    asked = [g["asked"] for g in gaps]
    assert asked == sorted(asked, reverse=True) and asked[0] > asked[-1]
    near = [g for g in gaps[:10] if g["closest"]]
    assert near, "some gap has a story that comes close"
    for gap in near:
        assert gap["closest"]["fit"] >= 0.15 and gap["closest"]["title"]
        assert set(gap["closest"]["lacks"]) <= set(gap["competencies"])
    assert all(g["closest"] is None for g in gaps[10:])  # only the shown are matched
    def listed(text: str) -> list[str]:
        after = text.split("most asked first:", 1)[1]
        return [line for line in after.splitlines() if line.startswith("• ")]

    shown = cli("star", "check").out
    assert len(listed(shown)) == 10
    assert f"… and {len(gaps) - 10} more: `netprep star check --all`." in shown
    assert f"closest: #{near[0]['closest']['id']} " in shown
    every = cli("star", "check", "--all").out
    assert len(listed(every)) == len(gaps)
    assert "more: `netprep star check --all`" not in every


def test_the_mock_suggests_what_star_suggest_suggests(cli, bank):
    from netprep.content import load_library
    from netprep.mock.model import MockConfig
    from netprep.mock.plan import build_plan
    from netprep.star.cache import list_summaries
    from netprep.store import open_store
    from netprep.store.stories import list_stories

    library = load_library()
    with open_store() as store:
        stories = list_stories(store)
        scores = {s.id: s.score for s in list_summaries(store)}
    plan = build_plan(library, MockConfig(round="behavioral", questions=1, seed=4), stories,
                      {}, scores=scores)
    [item] = plan.items
    data = json.loads(cli("star", "suggest", item.question.text, "--json").out)
    assert data["competencies"] == list(item.question.competencies)
    assert (data["story"] or {}).get("id") == item.hint.story_id
    if item.hint.story_id is not None:
        assert data["story"]["fit"] == item.hint.fit


def test_motivation_question_shows_the_saved_pitch_as_talking_points(cli, bank):
    saved = cli("resume", "pitch", "--file", "-", input="I study computer science at Leeds.\n"
                "Last summer I cut a search page from 2.8 s to 0.4 s.\n"
                "I want to build tools that students rely on.\n")
    assert saved.code == 0, saved.err
    done = cli("star", "suggest", "Tell me about yourself.")
    assert done.code == 0, done.err
    assert "Your talking points:" in done.out
    assert "I want to build tools that students rely on." in done.out
    assert "Best story" not in done.out


@pytest.mark.parametrize("extra", [(), ("--json",)])
def test_the_fast_path_prints_what_the_typer_command_prints(cli, bank, capsys, extra):
    from netprep.cli import _typer_main, run

    argv = ["star", "suggest", WRONG, *extra]
    assert run(argv) == 0
    fast = capsys.readouterr()
    assert _typer_main(argv) in (0, None)
    slow = capsys.readouterr()
    assert fast.out == slow.out and fast.out.strip()


def test_the_fast_path_loads_no_typer(bank):
    import os
    import subprocess
    import sys

    code = ("import sys; from netprep.cli import run; "
            f"run(['star', 'suggest', {WRONG!r}, '--json']); "
            "print('typer' in sys.modules, 'click' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("False False")
    assert json.loads(done.stdout)["story"]["id"] == 2


@pytest.mark.parametrize("argv", [
    ["star", "suggest", "--help"], ["star", "suggest", "-x"],
    ["star", "suggest", "Why here?", "--json", "--json"], ["star", "suggest", "a", "b"],
])
def test_anything_else_goes_through_typer(argv):
    from netprep.cli import _star_suggest

    assert _star_suggest(argv) is None


def test_a_new_pack_is_read_by_the_next_suggest(cli, bank, tmp_path, monkeypatch):
    question = "Tell me about the zeppelin launch you coordinated."
    before = json.loads(cli("star", "suggest", question, "--json").out)
    pack = tmp_path / "pack"
    (pack / "questions").mkdir(parents=True)
    (pack / "pack.yaml").write_text('id: zeppelin\nname: Zeppelin\ndescription: A test '
                                    'pack.\nversion: "1"\n', encoding="utf-8")
    (pack / "questions" / "behavioral.yaml").write_text(
        f"round: behavioral\nquestions:\n  - id: zep\n    text: {question}\n"
        "    competencies: [perseverance, customer-focus]\n", encoding="utf-8")
    monkeypatch.setenv("NETPREP_CONTENT", str(pack))
    after = json.loads(cli("star", "suggest", question, "--json").out)
    assert after["competencies"] == ["perseverance", "customer-focus"]
    assert before["competencies"] != after["competencies"]
    monkeypatch.delenv("NETPREP_CONTENT")
    again = json.loads(cli("star", "suggest", question, "--json").out)
    assert again == before


MISSED = """stories:
  - title: Missed hackathon deadline
    tags: [failure]
    situation: At a 24-hour hackathon our team of three was building a study planner app.
    task: I was responsible for the calendar sync and the final demo build.
    action: >-
      I spent most of the night on a sync feature the demo did not need and left no time
      to test the build. When the submission deadline came, the build crashed and we
      submitted twenty minutes late.
    result: >-
      We were disqualified from judging. Afterwards I wrote a checklist for hackathons that
      freezes features four hours before the end, and our next team used it.
    learned: I now plan backwards from the deadline and keep the last hours for testing.
"""
MET = """stories:
  - title: Shipping the hackathon demo before the deadline
    situation: >-
      At a 24-hour hackathon our team of three was building a study planner app, and the
      submission deadline was 9 am.
    task: I was responsible for the calendar sync and the final demo build.
    action: >-
      At 3 am I saw the sync would not be ready, so I cut it, froze features and spent the
      last hours testing the build with my teammates.
    result: We submitted ten minutes before the deadline and came second of 40 teams.
    learned: I now plan backwards from the deadline and keep the last hours for testing.
"""


def test_a_story_that_tells_the_missed_deadline_is_suggested(cli, tmp_path):
    """Issue 29 item 8: it used to get "None of your stories fits ... write one"."""
    path = tmp_path / "missed.yaml"
    path.write_text(MISSED, encoding="utf-8")
    assert cli("star", "add", "--file", str(path)).code == 0
    for question in ("Tell me about a time you missed a deadline.",
                     "Describe a time you missed a deadline."):
        data = json.loads(cli("star", "suggest", question, "--json").out)
        assert data["story"]["title"] == "Missed hackathon deadline", data["reason"]


def test_a_story_close_in_topic_is_named_with_what_to_change(cli, tmp_path):
    path = tmp_path / "met.yaml"
    path.write_text(MET, encoding="utf-8")
    assert cli("star", "add", "--file", str(path)).code == 0
    done = cli("star", "suggest", "Tell me about a time you missed a deadline.")
    assert done.code == 0, done.err
    said = " ".join(done.out.split())
    assert "Closest story: #1 Shipping the hackathon demo" in said
    assert "close in topic" in said
    # the angle asked for is a missed deadline, and the advice says so
    assert "which deadline you missed" in said and "netprep star edit 1" in said
    assert "Write one with" not in said
    data = json.loads(cli("star", "suggest", "Tell me about a time you missed a deadline.",
                          "--json").out)
    assert data["story"] is None
    assert data["closest"]["id"] == 1 and "star edit 1" in data["closest"]["improve"]
