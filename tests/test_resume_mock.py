"""Resume deep-dives, the pitch and the questions for the interviewer in `netprep mock`."""

from __future__ import annotations

import io
import json
import sys

import pytest

from netprep.cli import run

from .conftest import terminal

ENTRIES = (
    ("project", "Campus Navigator", "--tech", "React", "--part", "I built the routing.",
     "--outcome", "2,000 students used it."),
    ("internship", "Acme Payments internship", "--org", "Acme Payments"),
    ("community", "Robotics Club", "--role", "Treasurer"),
)
ANSWER = ("I chose a graph search over a grid because it cut routing time from 2 s to 200 ms, "
          "and I tested it with 30 students before the launch.")


def add_entries(cli) -> None:
    for kind, title, *rest in ENTRIES:
        assert cli("resume", "add", "--kind", kind, "--title", title, *rest).code == 0


def history(cli, session_id: int = 1) -> dict:
    result = cli("history", "show", str(session_id), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_resume_round_names_each_entry_and_reads_the_questions_line(cli) -> None:
    add_entries(cli)
    lines = "\n".join([ANSWER, "", ANSWER, "What does the company do? | How does the team "
                       "decide what to build each quarter? | Do you like it? | a fourth"]) + "\n"
    result = cli("mock", "--round", "resume", "--questions", "3", "--seed", "2", input=lines)
    assert result.code == 0, result.err
    assert "Do you have any questions for me?" in result.err
    session = history(cli)
    assert session["round"] == "resume"
    titles = [title for _, title, *_ in ENTRIES]
    questions = session["questions"]
    assert len(questions) == 3 and all(q["round"] == "resume" for q in questions)
    named = [next(t for t in titles if t in q["text"]) for q in questions]
    assert sorted(named) == sorted(titles)  # spread over the entries, one each
    asked = session["questions_for_interviewer"]
    assert [q["text"] for q in asked] == ["What does the company do?", "How does the team "
                                          "decide what to build each quarter?", "Do you like it?"]
    assert [[f["code"] for f in q["findings"]] for q in asked] == [
        ["web-searchable"], ["specific"], ["yes-no"]]
    assert all(f["message"] for q in asked for f in q["findings"])
    assert "Your questions for the interviewer" in result.out
    # The entries now count as practised.
    shown = json.loads(cli("resume", "show", "1", "--json").out)
    assert shown["practised"] == 1


def test_no_questions_line_means_none_asked(cli) -> None:
    add_entries(cli)
    result = cli("mock", "--round", "resume", "--questions", "2", input="a\nb\n")
    assert result.code == 0, result.err
    assert history(cli)["questions_for_interviewer"] == []


def test_declining_to_ask_is_noted(cli) -> None:
    add_entries(cli)
    cli("mock", "--round", "resume", "--questions", "1", input="a\nno, thanks\n")
    [asked] = history(cli)["questions_for_interviewer"]
    assert asked["findings"][0]["code"] == "no-questions"


def test_every_round_ends_with_the_question(cli) -> None:
    result = cli("mock", "--round", "behavioral", "--questions", "1", "--seed", "1",
                 input="an answer\nWhat is the salary?\n")
    assert result.code == 0, result.err
    [asked] = history(cli)["questions_for_interviewer"]
    assert asked["findings"][0]["code"] == "pay-perks"


def test_input_ending_early_asks_nothing_more(cli) -> None:
    add_entries(cli)
    result = cli("mock", "--round", "resume", "--questions", "3", input="only one\n")
    assert result.code == 0
    session = history(cli)
    assert len(session["questions"]) == 1 and session["questions_for_interviewer"] == []


def test_resume_round_without_entries_says_how_to_add_them(cli) -> None:
    result = cli("mock", "--round", "resume", input="a\n")
    assert result.code == 1
    assert "No resume entries yet" in result.err and "resume import" in result.err


def test_mixed_round_adds_one_deep_dive_when_entries_exist(cli) -> None:
    cli("mock", "--seed", "4", input="a\nb\nc\nd\ne\n")
    assert "resume" not in [q["round"] for q in history(cli, 1)["questions"]]
    add_entries(cli)
    cli("mock", "--seed", "4", input="a\nb\nc\nd\ne\n")
    rounds = [q["round"] for q in history(cli, 2)["questions"]]
    assert rounds == ["behavioral", "culture", "role", "technical", "resume"]


def test_the_least_practised_entries_come_first(cli) -> None:
    add_entries(cli)
    cli("mock", "--round", "resume", "--questions", "2", "--seed", "1", input="a\nb\n")
    first = {q["id"].split("-")[1] for q in history(cli, 1)["questions"]}
    cli("mock", "--round", "resume", "--questions", "1", "--seed", "1", input="a\n")
    [second] = history(cli, 2)["questions"]
    assert second["id"].split("-")[1] not in first


def test_pitch_round_compares_with_the_saved_outline(cli, tmp_path) -> None:
    outline = tmp_path / "pitch.txt"
    outline.write_text("- present: I study computer science at State University.\n"
                       "- past: At Acme Payments I cut refund handling time by half.\n"
                       "- why: I want to build payment systems that people trust.\n")
    cli("resume", "pitch", "--file", str(outline))
    said = ("I study computer science at State University. Last summer at Acme Payments I "
            "cut refund handling time by half.")
    result = cli("mock", "--round", "pitch", input=said + "\n")
    assert result.code == 0, result.err
    [q] = history(cli)["questions"]
    assert q["round"] == "pitch" and q["text"] == "Tell me about yourself."
    codes = [f["code"] for f in q["findings"]]
    assert "pitch-beats-missed" in codes and "pitch-too-short" in codes
    assert "missing-situation" not in codes  # a pitch is not a STAR story
    assert "covered 2 of 3 beats" in result.out and "why" not in codes


def test_pitch_round_without_an_outline(cli) -> None:
    result = cli("mock", "--round", "pitch", input="I am a student.\n")
    assert result.code == 0, result.err
    assert "resume pitch" in result.out


# --- at a terminal ------------------------------------------------------------------


class Lines(io.StringIO):
    """stdin for the ready prompt and the questions; Ctrl-C after the given lines."""

    def __init__(self, text: str, interrupt: bool = False):
        super().__init__(text)
        self.interrupt = interrupt

    def readline(self, *args) -> str:  # type: ignore[override]
        line = super().readline(*args)
        if not line and self.interrupt:
            raise KeyboardInterrupt
        return line


def _terminal_round(monkeypatch, capsys, stdin: Lines) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", stdin)
    with terminal("I built it." + "\r" + "\r" + "\r"):  # answer, checklist, rating
        code = run(["mock", "--round", "behavioral", "--questions", "1", "--seed", "1"])
    return code, capsys.readouterr().err


def test_questions_at_a_terminal(cli, monkeypatch, capsys) -> None:
    stdin = Lines("\nWhat does a new intern ship in the first month on your team?\n"
                  "How many vacation days are there?\n\n")
    code, err = _terminal_round(monkeypatch, capsys, stdin)
    assert code == 0, err
    assert "Do you have any questions for me?" in err and "Your question 3" in err
    asked = history(cli)["questions_for_interviewer"]
    assert [[f["code"] for f in q["findings"]] for q in asked] == [["specific"], ["pay-perks"]]


def test_ctrl_c_keeps_the_questions_already_asked(cli, monkeypatch, capsys) -> None:
    stdin = Lines("\nHow does the team review a change?\n", interrupt=True)
    code, _ = _terminal_round(monkeypatch, capsys, stdin)
    assert code == 130
    [asked] = history(cli)["questions_for_interviewer"]
    assert asked["text"] == "How does the team review a change?"


@pytest.mark.parametrize("bad", ["0", "21"])
def test_question_count_limits_still_apply(cli, bad) -> None:
    assert cli("mock", "--round", "resume", "--questions", bad).code == 2


def test_a_long_title_is_named_whole(cli) -> None:
    title = "A " + "very " * 35 + "long project name"
    assert cli("resume", "add", "--kind", "project", "--title", title).code == 0
    cli("mock", "--round", "resume", "--questions", "2", input="a\nb\n")
    assert all(title in q["text"] for q in history(cli)["questions"])
