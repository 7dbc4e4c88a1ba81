"""`netprep culture`: themes, show, quiz (scripted and interactive), reflect, reflections."""

from __future__ import annotations

import io
import json
import random
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.culture import quiz as q
from netprep.store import culture as cs
from netprep.store import open_store

from .conftest import terminal

DATA = Path(__file__).parent / "data" / "culture"


@pytest.fixture(autouse=True)
def culture_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the test pack: an empty stand-in for the built-in pack, plus tests/data/culture/mini."""
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "mini"))


def expected(seed: int, count: int = 10) -> list[q.Asked]:
    """What a first quiz with --seed asks (the CLI draws from the same rng the same way)."""
    library = load_library()
    return q.pick(library.quiz_items(), cs.Snapshot(), count, random.Random(seed))


def wrong(asked: q.Asked) -> int:
    return asked.answer % len(asked.choices) + 1


def reviews() -> list[tuple]:
    with open_store() as store:
        return [tuple(r) for r in store.query(
            "SELECT item_id, theme_id, correct, rating FROM reviews ORDER BY id")]


# --- themes and show ---------------------------------------------------------------------


def test_themes_json_keys_and_progress(cli) -> None:
    result = cli("culture", "themes", "--json")
    assert result.code == 0, result.err
    themes = json.loads(result.out)["themes"]
    assert [t["id"] for t in themes] == ["openness", "ownership"]
    for t in themes:
        assert {"id", "title", "items", "reviewed", "correct", "due_now", "next_due"} <= set(t)
    assert themes[0]["items"] == 3 and themes[0]["reviewed"] == 0 and themes[0]["next_due"] is None

    first = expected(seed=5, count=2)
    script = f"{first[0].answer}\n{wrong(first[1])}\n"
    assert cli("culture", "quiz", "--seed", "5", "-n", "2", input=script).code == 0
    themes = {t["id"]: t for t in json.loads(cli("culture", "themes", "--json").out)["themes"]}
    assert sum(t["reviewed"] for t in themes.values()) == 2
    assert sum(t["correct"] for t in themes.values()) == 1
    assert sum(t["due_now"] for t in themes.values()) == 1  # the missed one, back in 10 minutes
    assert any(t["next_due"] for t in themes.values())  # the right one, due in days

    text = cli("culture", "themes")
    assert text.code == 0 and "Openness" in text.out and "share what they know" in text.out


def test_show_json_and_text(cli) -> None:
    cli("culture", "reflect", "openness", "--resonates", "--text", "Sharing early saved a demo.")
    result = cli("culture", "show", "openness", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {"id", "title", "summary", "key_ideas", "reflections", "reflection_prompts"} <= set(data)
    assert data["key_ideas"] == ["Share context before it is asked for.",
                                 "Say what you do not know."]
    assert [p["id"] for p in data["reflection_prompts"]] == ["general", "open-r1"]
    assert data["reflections"][0]["text"] == "Sharing early saved a demo."
    text = cli("culture", "show", "openness")
    assert text.code == 0 and "Key ideas" in text.out and "Sharing early saved a demo." in text.out


def test_show_unknown_theme_lists_the_valid_ids(cli) -> None:
    result = cli("culture", "show", "nope")
    assert result.code == 1
    assert "No culture theme 'nope'" in result.err and "openness, ownership" in result.err
    assert "Traceback" not in result.err


# --- quiz, scripted ----------------------------------------------------------------------


def test_scripted_quiz_prints_numbered_choices_and_explains(cli) -> None:
    plan = expected(seed=1, count=3)
    script = f"{plan[0].answer}\n{wrong(plan[1])}\n{plan[2].answer}\n"
    result = cli("culture", "quiz", "--seed", "1", "--count", "3", input=script)
    assert result.code == 0, result.err
    for asked in plan:
        assert asked.item.question in result.out
        for n, choice in enumerate(asked.choices, start=1):
            assert f"  {n}. {choice}" in result.out
        assert asked.item.explanation in result.out
    assert result.out.count("Right: ") == 2 and result.out.count("Not quite.") == 1
    assert "Score: 2 of 3" in result.out and "Accuracy by theme" in result.out
    assert "Due again: 1 in 10 minutes" in result.out
    assert [r[2] for r in reviews()] == [1, 0, 1]
    assert reviews()[1][3] == q.AGAIN and reviews()[0][3] == q.GOOD  # pipes: time unknown


def test_unreadable_lines_count_as_wrong_with_a_note(cli) -> None:
    result = cli("culture", "quiz", "--seed", "2", "-n", "4", input="abc\n\n7\n2\n")
    assert result.code == 0, result.err
    assert "'abc' is not a choice number from 1 to" in result.err
    assert "an empty line" in result.err and "'7'" in result.err
    assert result.out.count("No answer read (counted as wrong)") == 3
    assert [r[2] for r in reviews()][:3] == [0, 0, 0] and len(reviews()) == 4


def test_end_of_input_ends_the_quiz_keeping_answers(cli) -> None:
    plan = expected(seed=3, count=5)
    result = cli("culture", "quiz", "--seed", "3", "-n", "5", input=f"{plan[0].answer}\n")
    assert result.code == 0, result.err
    assert "Score: 1 of 1" in result.out and "stopped early" in result.out
    assert len(reviews()) == 1
    empty = cli("culture", "quiz", input="")
    assert empty.code == 0 and "No answers read" in empty.err


def test_undecodable_input_is_not_a_crash(capsys, monkeypatch) -> None:
    from netprep.cli import run

    raw = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\n1\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", raw)
    code = run(["culture", "quiz", "-n", "2"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "counted as wrong" in captured.err and "Traceback" not in captured.err


def test_missed_items_open_the_next_session(cli) -> None:
    plan = expected(seed=4, count=2)
    script = f"{wrong(plan[0])}\n{wrong(plan[1])}\n"
    assert cli("culture", "quiz", "--seed", "4", "-n", "2", input=script).code == 0
    result = cli("culture", "quiz", "-n", "3", input="1\n1\n1\n")
    assert result.code == 0, result.err
    headers = re.findall(r"Question \d of 3 · [^·]+· (\w+)\n(.+)", result.out)
    assert [h[0] for h in headers] == ["review", "review", "new"]
    assert {h[1] for h in headers[:2]} == {plan[0].item.question, plan[1].item.question}


def test_nothing_due_says_when_and_all_ignores_the_schedule(cli) -> None:
    plan = expected(seed=6, count=10)
    script = "".join(f"{a.answer}\n" for a in plan)
    assert cli("culture", "quiz", "--seed", "6", input=script).code == 0
    assert len(reviews()) == 5
    result = cli("culture", "quiz", input="1\n")
    assert result.code == 0 and "Nothing is due now" in result.err and "--all" in result.err
    # The interval is the scheduler's (fsrs 6.0 gives 3 days here, 6.3 gives 2): the
    # message names the earliest card's, whatever the release.
    with open_store() as store:
        due = datetime.fromisoformat(store.query("SELECT min(due) FROM cards")[0][0])
    days = round((due - datetime.now(timezone.utc)).total_seconds() / 86400)
    assert days >= 1 and f"falls due in {days} day" in result.err
    practice = cli("culture", "quiz", "--all", "-n", "2", input="1\n1\n")
    assert practice.code == 0 and "· practice" in practice.out and len(reviews()) == 7


def test_theme_and_pack_filters(cli) -> None:
    result = cli("culture", "quiz", "--theme", "ownership", input="1\n1\n1\n")
    assert result.code == 0 and "Question 2 of 2" in result.out
    assert {r[1] for r in reviews()} == {"ownership"}
    assert cli("culture", "quiz", "--pack", "mini", "-n", "1", input="1\n").code == 0


@pytest.mark.parametrize(("args", "code", "needle"), [
    (["--theme", "nope"], 1, "Valid theme ids: openness, ownership"),
    (["--pack", "nope"], 2, "No content pack 'nope'"),
    (["--count", "0"], 2, "--count"),
    (["--count", "many"], 2, "--count"),
])
def test_quiz_bad_options(cli, args, code, needle) -> None:
    result = cli("culture", "quiz", *args, input="1\n")
    assert result.code == code
    assert needle in result.err and "Traceback" not in result.err
    assert reviews() == []


def test_ctrl_c_in_a_script_keeps_earlier_answers(capsys, monkeypatch) -> None:
    from netprep.cli import run

    class Interrupting(io.StringIO):
        def readline(self, *args: object) -> str:
            if self.tell() == 0:
                self.seek(2)
                return "1\n"
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Interrupting("1\n"))
    code = run(["culture", "quiz", "-n", "3"])
    captured = capsys.readouterr()
    assert code == 130
    assert "Kept the 1 answer" in captured.err
    assert len(reviews()) == 1


# --- quiz, interactive -------------------------------------------------------------------


def test_interactive_quiz_with_number_keys_and_arrows(cli) -> None:
    plan = expected(seed=7, count=3)
    # 1st: the number key of the right choice; 2nd: a wrong number; 3rd: arrow keys down to it.
    keys = f"{plan[0].answer}\r{wrong(plan[1])}\r" + "\x1b[B" * (plan[2].answer - 1) + "\r"
    with terminal(keys):
        result = cli("culture", "quiz", "--seed", "7", "-n", "3", input="\n")
    assert result.code == 0, result.err
    assert [r[2] for r in reviews()] == [1, 0, 1]
    assert plan[0].item.question in result.out and plan[1].item.explanation in result.out
    assert "  1. " not in result.out  # the choices are in the menu, not printed
    assert "Score: 2 of 3" in result.out
    assert "stdin is not a terminal" not in result.err
    ratings = [r[3] for r in reviews()]
    assert ratings[1] == q.AGAIN and ratings[0] in (q.EASY, q.GOOD, q.HARD)


def test_interactive_quiz_opens_with_an_overview_and_waits_for_enter(cli) -> None:
    plan = expected(seed=7, count=3)
    with terminal(f"{plan[0].answer}\r" * 3):
        result = cli("culture", "quiz", "--seed", "7", "-n", "3", input="\n")
    assert result.code == 0, result.err
    overview = "Culture quiz: 3 questions (3 new) from "
    assert overview in result.out and "Ready? Press Enter" in result.err
    assert result.out.index(overview) < result.out.index("Question 1 of 3")


def test_end_of_input_at_the_quiz_overview_records_nothing(cli) -> None:
    with terminal("1\r"):
        result = cli("culture", "quiz", "-n", "3", input="")  # Ctrl-D at "Ready?"
    assert result.code == 0, result.err
    assert "Question 1" not in result.out
    assert "Left before the first question; nothing was recorded." in result.err
    assert reviews() == []


def test_interactive_ctrl_c_keeps_earlier_answers(cli) -> None:
    plan = expected(seed=8, count=3)
    with terminal(f"{plan[0].answer}\r\x03"):
        result = cli("culture", "quiz", "--seed", "8", "-n", "3", input="\n")
    assert result.code == 130
    assert "Kept the 1 answer" in result.err
    assert len(reviews()) == 1 and reviews()[0][2] == 1


# --- reflect and reflections -------------------------------------------------------------


def test_reflect_with_flags_and_reflections_json(cli) -> None:
    ok = cli("culture", "reflect", "ownership", "--does-not-resonate", "--text",
             "  Fixing other teams' bugs can step on toes.  ")
    assert ok.code == 0, ok.err
    assert "Saved your reflection on Ownership" in ok.err
    cli("culture", "reflect", "openness", "--prompt", "open-r1", "--text", "A *demo* went well.")
    cli("culture", "reflect", "openness", "--text", "Undecided yet.")
    data = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert [e["theme"] for e in data] == ["openness", "openness", "ownership"]
    first = data[2]
    assert {"id", "theme", "theme_title", "prompt", "resonates", "text", "created_at"} <= set(first)
    assert first["resonates"] is False
    assert first["text"] == "Fixing other teams' bugs can step on toes."
    assert first["prompt"] == q.GENERAL_PROMPT
    assert data[0]["prompt"] == "When did sharing early help you, or hurt you?"
    assert data[1]["resonates"] is None
    assert first["created_at"].endswith("+00:00")


def test_reflections_markdown_keeps_the_latest_answer_per_prompt(cli) -> None:
    cli("culture", "reflect", "openness", "--resonates", "--text", "First thought.")
    cli("culture", "reflect", "openness", "--resonates", "--text", "Better *answer* <b>.")
    result = cli("culture", "reflections", "--markdown")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("# Culture reflections\n") and "## Openness" in out
    assert "First thought." not in out
    assert r"> Better \*answer\* \<b\>." in out and "_Resonates, " in out
    text = cli("culture", "reflections")
    assert "First thought." in text.out and "Better *answer* <b>." in text.out


def test_reflections_empty_and_conflicting_flags(cli) -> None:
    assert json.loads(cli("culture", "reflections", "--json").out) == {"reflections": []}
    assert "No reflections yet" in cli("culture", "reflections").out
    assert "_No reflections yet._" in cli("culture", "reflections", "--markdown").out
    both = cli("culture", "reflections", "--json", "--markdown")
    assert both.code == 2 and "--json" in both.err


@pytest.mark.parametrize(("args", "code", "needle"), [
    ([], 1, "stdin is not a terminal"),
    (["openness"], 1, "--text"),
    (["openness", "--resonates"], 1, "stdin is not a terminal"),
    (["--text", "hi"], 2, "Name the theme"),
    (["nope", "--text", "hi"], 1, "Valid theme ids: openness, ownership"),
    (["openness", "--text", "   "], 2, "--text is empty"),
    (["openness", "--prompt", "zzz", "--text", "hi"], 2, "general, open-r1"),
])
def test_reflect_bad_inputs(cli, args, code, needle) -> None:
    result = cli("culture", "reflect", *args)
    assert result.code == code
    assert needle in result.err and "Traceback" not in result.err
    with open_store() as store:
        assert cs.reflections(store) == []


def test_reflect_interactive_saves_each_answer(cli) -> None:
    # Pick the first theme, say "No, it does not", answer the general prompt, skip the next.
    keys = "\r" + "\x1b[B\r" + "The pace does not suit me.\r" + "\r"
    with terminal(keys):
        result = cli("culture", "reflect")
    assert result.code == 0, result.err
    assert "Saved 1 reflection on Openness" in result.err
    assert "People share what they know early" in result.out
    assert q.GENERAL_PROMPT in result.out
    with open_store() as store:
        saved = cs.reflections(store)
    assert len(saved) == 1
    assert saved[0]["resonates"] is False and saved[0]["text"] == "The pace does not suit me."


def test_reflect_interactive_ctrl_c_keeps_what_was_written(cli) -> None:
    keys = "\r" + "First answer.\r" + "half typed\x03"
    with terminal(keys):
        result = cli("culture", "reflect", "ownership")
    assert result.code == 130
    with open_store() as store:
        saved = cs.reflections(store)
    assert [e["text"] for e in saved] == ["First answer."] and saved[0]["resonates"] is True


def test_every_culture_command_has_help(cli) -> None:
    for command in ("themes", "show", "quiz", "reflect", "reflections"):
        result = cli("culture", command, "--help")
        assert result.code == 0 and "Usage" in result.out, command
