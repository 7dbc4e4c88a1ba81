"""`netprep mock` without a terminal (one stdin line per answer) and its bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "mock"
PACK = DATA / "main"
ANSWER = ("When I was an intern the build kept failing. My task was to fix it. So I wrote a "
          "script and I set up retries. As a result build time dropped by 40%.")


@pytest.fixture(autouse=True)
def fixture_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the fixture pack: an empty stand-in for the built-in one (faster, and counts fixed)."""
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(PACK))


def history(cli) -> list[dict]:
    result = cli("history", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["sessions"]


def test_scripted_session_reads_one_line_per_answer_and_prints_the_summary(cli) -> None:
    result = cli("mock", "--pack", "mockfix", "--seed", "1", "--questions", "3",
                 input=f"{ANSWER}\n\nshort one\n")
    assert result.code == 0, result.err
    assert "Mock interview: 3 of 3 answered (session 1)" in result.out
    assert "What to work on:" in result.out and "netprep history show 1" in result.out
    assert "Question 1 of 3" in result.err and "Question 3 of 3" in result.err
    assert "Tip 1" in result.err and "Structure your stories" in result.err  # mostly stories
    assert "Traceback" not in result.err
    [session] = history(cli)
    assert session["complete"] and session["answered"] == 3 and session["total"] == 3
    shown = json.loads(cli("history", "show", "1", "--json").out)
    answers = [q["answer"] for q in shown["questions"]]
    assert answers == [ANSWER, "", "short one"]
    assert all(q["rating"] is None for q in shown["questions"])  # nothing asked without a tty
    assert all(q["elapsed_seconds"] >= 0 for q in shown["questions"])


def test_end_of_input_before_the_last_question_saves_and_exits_zero(cli) -> None:
    result = cli("mock", "--pack", "mockfix", "--seed", "2", input=f"{ANSWER}\n")
    assert result.code == 0, result.err
    assert "Input ended after 1 of 5 questions" in result.out
    [session] = history(cli)
    assert session["answered"] == 1 and session["total"] == 5 and not session["complete"]


def test_no_input_at_all_saves_nothing(cli) -> None:
    result = cli("mock", "--pack", "mockfix", input="")
    assert result.code == 0, result.err
    assert "nothing was saved" in result.out
    assert history(cli) == []


def test_untimed_round_and_minutes_are_recorded(cli) -> None:
    result = cli("mock", "--untimed", "--round", "technical", "--minutes", "0.5",
                 "--pack", "mockfix", input="chaining\nmerge sort\n")
    assert result.code == 0, result.err
    assert "untimed" in result.err and "Only 2 questions" in result.err
    shown = json.loads(cli("history", "show", "1", "--json").out)
    assert shown["timed"] is False and shown["round"] == "technical"
    assert [q["target_seconds"] for q in shown["questions"]] == [30, 30]
    assert {q["round"] for q in shown["questions"]} == {"technical"}


def test_follow_ups_read_another_line(cli) -> None:
    result = cli("mock", "--round", "technical", "--pack", "mockfix", "--follow-ups",
                 "--seed", "1", input="a\nb\nc\nd\n")
    assert result.code == 0, result.err
    assert "Follow-up" in result.err
    shown = json.loads(cli("history", "show", "1", "--json").out)
    probed = [q for q in shown["questions"] if q["follow_up"]]
    assert probed and probed[0]["follow_up_answer"] in ("b", "c")


def test_user_text_is_never_markup_or_terminal_codes(cli) -> None:
    result = cli("mock", "--pack", "mockfix", "--questions", "1",
                 input="[bold red]I[/] did \x1b[31mthis\x1b[0m\n")
    assert result.code == 0, result.err
    assert "\x1b[31m" not in result.out + result.err
    shown = json.loads(cli("history", "show", "1", "--json").out)
    assert shown["questions"][0]["answer"] == "[bold red]I[/] did \x1b[31mthis\x1b[0m"
    view = cli("history", "show", "1")
    assert "[bold red]I[/] did this" in view.out


@pytest.mark.parametrize("args, words", [
    (["--round", "coding"], "--round"),
    (["--questions", "0"], "--questions"),
    (["--questions", "many"], "--questions"),
    (["--minutes", "-1"], "--minutes"),
    (["--minutes", "soon"], "--minutes"),
    (["--pack", "nope"], "No content pack 'nope'"),
    (["--seed", "x"], "--seed"),
])
def test_bad_options_are_usage_errors(cli, args, words) -> None:
    result = cli("mock", *args, input="")
    assert result.code == 2, result.err
    assert words in result.err and "Traceback" not in result.err


def test_a_round_without_questions_is_one_clear_error(cli, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "pack.yaml").write_text('id: empty\nname: E\ndescription: d\nversion: "1"\n')
    monkeypatch.setenv("NETPREP_CONTENT", str(empty))
    result = cli("mock", "--pack", "empty", input="")
    assert result.code == 1
    assert "no questions in pack 'empty'" in result.err


def test_as_a_real_process_piped_stdin_exits_zero_without_traceback(run_netprep) -> None:
    done = run_netprep("mock", "--pack", "mockfix", "--questions", "2", "--seed", "4",
                       input="first answer\n", env={"NETPREP_CONTENT": str(PACK)})
    assert done.returncode == 0, done.stderr
    assert "Input ended after 1 of 2" in done.stdout and "Traceback" not in done.stderr


def test_history_show_lists_the_key_points_of_technical_answers(cli) -> None:
    result = cli("mock", "--round", "technical", "--questions", "1", "--seed", "1",
                 input="Chaining keeps a list per bucket; merge sort and heap sort are n log n "
                 "in the worst case\n")
    assert result.code == 0, result.err
    assert "Key points a good answer covers:" in result.err
    view = cli("history", "show", "1")
    assert "Key points:" in view.out and "[x]" in view.out and "[ ]" in view.out
