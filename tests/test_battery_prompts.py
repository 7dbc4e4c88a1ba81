"""Battery (issue #9): interactive commands without a terminal, and Ctrl-C at every prompt.

stdin from /dev/null: every interactive command either runs its documented
scripted mode or says it needs a terminal (exit 1) — never hangs, never a traceback.
Ctrl-C (through prompt_toolkit's pipe input, and as a real SIGINT in a real
terminal): exit 130 through `netprep.cli.run`, what was answered before is kept.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from .battery import (
    CTRL_C,
    SUBMIT,
    assert_no_traceback,
    prime_content_cache,
    run_devnull,
    story_args,
)
from .conftest import terminal

ENTER = "\r"


@pytest.fixture(autouse=True)
def content_cache(home: Path) -> None:
    prime_content_cache(home)


def first(kind: str) -> str:
    from netprep.content import load_library

    library = load_library()
    return {"theme": library.themes, "exercise": library.exercises}[kind][0].id


def titles(cli) -> list[str]:
    result = cli("star", "list", "--json")
    assert result.code == 0, result.err
    return [s["title"] for s in json.loads(result.out)["stories"]]


def counts(cli) -> dict[str, int]:
    return json.loads(cli("info", "--json").out)["counts"]


@pytest.fixture
def kept_story(cli) -> None:
    """A story written before the interactive command runs: it must survive."""
    assert cli("star", "add", *story_args("Kept")).code == 0


# --- stdin from /dev/null ---------------------------------------------------------------

# argv (with {theme}/{exercise}), exit code, words on stderr (or stdout for data)
NO_TERMINAL = {
    "star add": (("star", "add"), 1, ["not a terminal", "--title", "--file"]),
    "star edit": (("star", "edit", "1"), 1, ["not a terminal", "--file"]),
    "star remove": (("star", "remove", "1"), 1, ["not a terminal", "--yes"]),
    "culture quiz": (("culture", "quiz"), 0, ["not a terminal", "nothing was recorded"]),
    "culture reflect": (("culture", "reflect"), 1, ["not a terminal", "--text"]),
    "culture reflect theme": (("culture", "reflect", "{theme}"), 1, ["not a terminal"]),
    "mock": (("mock", "-n", "2"), 0, ["Input ended", "nothing was saved"]),
    "code start": (("code", "start", "{exercise}"), 0, ["Wrote a starter file"]),
    "code solution": (("code", "solution", "{exercise}"), 0, []),
}


@pytest.mark.parametrize("case", list(NO_TERMINAL))
def test_interactive_command_with_stdin_from_dev_null(cli, kept_story, case: str) -> None:
    argv, code, words = NO_TERMINAL[case]
    names = {"theme": first("theme"), "exercise": first("exercise")}
    argv = tuple(a.format(**names) for a in argv)
    before = counts(cli)
    result = run_devnull(*argv, timeout=30)  # a hang would be a TimeoutExpired
    assert result.returncode == code, result.stderr
    assert_no_traceback(result)
    for word in words:
        assert word in result.stderr + result.stdout, (word, result.stderr)
    if code == 1:
        assert result.stderr.startswith("netprep: ") and result.stdout == ""
    assert titles(cli) == ["Kept"]
    after = counts(cli)
    assert after == before, (before, after)  # nothing half-saved
    if case == "code start":
        assert Path(result.stdout.strip()).is_file()
    if case == "code solution":
        assert "def " in result.stdout or "function" in result.stdout


# --- Ctrl-C at every prompt of the guided `star add` -------------------------------------

STAR_STEPS = [
    ("template", ""),
    ("title", ENTER),
    ("situation", ENTER + "Half typed title" + ENTER),
    ("task", ENTER + "T" + ENTER + "The situation." + SUBMIT),
    ("action", ENTER + "T" + ENTER + "The situation." + SUBMIT + "The task." + SUBMIT),
    ("result", ENTER + "T" + ENTER + "The situation." + SUBMIT + "The task." + SUBMIT
     + "I acted." + SUBMIT),
    ("learned", ENTER + "T" + ENTER + "The situation." + SUBMIT + "The task." + SUBMIT
     + "I acted." + SUBMIT + "It worked 20% better." + SUBMIT),
    ("competencies", ENTER + "T" + ENTER + "The situation." + SUBMIT + "The task." + SUBMIT
     + "I acted." + SUBMIT + "It worked 20% better." + SUBMIT + SUBMIT),
    ("confirm", ENTER + "T" + ENTER + "The situation." + SUBMIT + "The task." + SUBMIT
     + "I acted." + SUBMIT + "It worked 20% better." + SUBMIT + SUBMIT + ENTER),
]


@pytest.mark.parametrize("step, keys", STAR_STEPS, ids=[s for s, _ in STAR_STEPS])
def test_ctrl_c_at_each_step_of_star_add(cli, kept_story, home: Path, step: str,
                                         keys: str) -> None:
    with terminal(keys + CTRL_C):
        result = cli("star", "add")
    assert result.code == 130, result.err
    assert "Interrupted" in result.err
    assert_no_traceback(result)
    assert titles(cli) == ["Kept"]  # nothing half-saved, the earlier story kept
    drafts = sorted((home / "workspace").glob("star-draft-*.yaml"))
    typed = [w for w in ("Half typed title", "The situation.", "I acted.") if w in keys]
    if step in ("template", "title"):
        assert drafts == []  # nothing typed yet, nothing to keep
    else:
        [draft] = drafts
        assert str(draft) in result.err
        text = draft.read_text(encoding="utf-8")
        for word in typed:
            assert word in text, (word, text)


# --- Ctrl-C in the other interactive flows -----------------------------------------------


def test_ctrl_c_in_the_quiz_after_one_answer_keeps_that_review(cli) -> None:
    with terminal("1" + ENTER + CTRL_C):
        result = cli("culture", "quiz", "-n", "3", "--seed", "4", input="\n")
    assert result.code == 130
    assert "Kept the 1 answer given before the interruption." in result.err
    assert "Interrupted" in result.err
    assert_no_traceback(result)
    assert counts(cli)["reviews"] == 1


def test_ctrl_c_at_the_first_quiz_question_records_nothing(cli) -> None:
    with terminal(CTRL_C):
        result = cli("culture", "quiz", "-n", "3", input="\n")  # past the overview
    assert result.code == 130 and "Interrupted" in result.err
    assert counts(cli)["reviews"] == 0


def test_ctrl_c_in_reflect_keeps_the_answers_given(cli) -> None:
    theme = first("theme")
    with terminal(CTRL_C):  # at "does it resonate?"
        result = cli("culture", "reflect", theme)
    assert result.code == 130 and "Interrupted" in result.err
    with terminal(ENTER + "The first answer." + ENTER + "half typed" + CTRL_C):
        result = cli("culture", "reflect", theme)
    assert result.code == 130 and "Interrupted" in result.err
    assert_no_traceback(result)
    kept = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert [r["text"] for r in kept] == ["The first answer."]


def test_ctrl_c_in_mock_after_one_answer_saves_an_incomplete_session(cli) -> None:
    keys = "I fixed the build, and it got 40% faster." + ENTER + ENTER + ENTER + CTRL_C
    with terminal(keys):
        result = cli("mock", "--round", "behavioral", "-n", "3", "--seed", "1", "--untimed",
                     input="\n")  # Enter at the ready prompt, which reads stdin in line mode
    assert result.code == 130, result.err
    assert "1 of 3 answers saved" in result.err and "incomplete" in result.err
    assert_no_traceback(result)
    session = json.loads(cli("history", "show", "1", "--json").out)
    assert session["answered"] == 1 and not session["complete"]
    assert session["questions"][0]["answer"].startswith("I fixed the build")


def test_ctrl_c_at_the_remove_confirmation_keeps_the_story(cli, kept_story) -> None:
    with terminal(CTRL_C):
        result = cli("star", "remove", "1")
    assert result.code == 130 and "Interrupted" in result.err
    assert titles(cli) == ["Kept"]


def test_ctrl_c_at_the_solution_confirmation_shows_nothing(cli) -> None:
    with terminal(CTRL_C):
        result = cli("code", "solution", first("exercise"))
    assert result.code == 130 and "Interrupted" in result.err
    assert result.out == ""


def test_ctrl_c_in_a_coding_drill_saves_the_attempt(cli, monkeypatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    with terminal(CTRL_C):
        result = cli("code", "start", first("exercise"), "--untimed")
    assert result.code == 130 and "Interrupted" in result.err
    assert counts(cli)["code_attempts"] == 1


# --- a real terminal, a real SIGINT ------------------------------------------------------


def _sigint_default() -> None:
    """In the child: SIGINT's default action, even when the tests were started with it
    ignored (a script's background job inherits SIG_IGN, and Python then keeps it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _spawn(*args: str):
    pexpect = pytest.importorskip("pexpect")
    # No cursor-position requests: pexpect never answers them, prompt_toolkit would wait.
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}
    return pexpect, pexpect.spawn(sys.executable, ["-m", "netprep", *args], env=env,
                                  dimensions=(40, 120), encoding="utf-8", timeout=20,
                                  preexec_fn=_sigint_default)


def _finish(pexpect, child) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, (child.exitstatus, child.signalstatus, child.before)
    assert "Traceback" not in child.before
    return child.before


@pytest.mark.terminal
@pytest.mark.parametrize("how", ["ctrl-c key", "kill -INT"])
def test_interrupting_the_quiz_in_a_real_terminal(cli, how: str) -> None:
    pexpect, child = _spawn("culture", "quiz", "-n", "3", "--seed", "2")
    child.expect("Ready\\?")
    child.send("\r")
    child.expect("Your answer")
    child.send("1\r")
    child.expect("Question 2")
    child.expect("Your answer")
    if how == "ctrl-c key":
        child.sendintr()  # the terminal's interrupt character, read in raw mode
    else:
        child.kill(signal.SIGINT)  # a real signal, as from `kill -INT` or a parent shell
    tail = _finish(pexpect, child)
    assert "Kept the 1 answer" in tail and "Interrupted" in tail
    assert counts(cli)["reviews"] == 1


@pytest.mark.terminal
def test_sigint_during_a_mock_answer_in_a_real_terminal(cli) -> None:
    pexpect, child = _spawn("mock", "--round", "behavioral", "-n", "2", "--untimed")
    child.expect("Ready\\?")
    child.send("\r")
    child.expect("Question 1 of 2")
    child.send("Half an answer")
    child.expect("Half an answer")
    child.kill(signal.SIGINT)
    tail = _finish(pexpect, child)
    assert "nothing was saved" in tail.lower() or "Interrupted" in tail


@pytest.mark.terminal
@pytest.mark.parametrize("how", ["ctrl-c key", "kill -INT"])
def test_interrupting_the_mock_at_its_ready_prompt(cli, how: str) -> None:
    pexpect, child = _spawn("mock", "-n", "2")
    child.expect("Ready\\?")
    if how == "ctrl-c key":
        child.sendintr()  # the terminal's interrupt character, in line mode
    else:
        child.kill(signal.SIGINT)
    tail = _finish(pexpect, child)
    assert "Interrupted before the first answer; nothing was saved." in tail
    assert counts(cli)["sessions"] == 0


@pytest.mark.terminal
def test_ctrl_c_at_the_quiz_overview_in_a_real_terminal(cli) -> None:
    pexpect, child = _spawn("culture", "quiz", "-n", "3")
    child.expect("Ready\\?")
    child.sendintr()
    _finish(pexpect, child)
    assert counts(cli)["reviews"] == 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def _running(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc for child processes")
def test_sigint_while_user_code_loops_forever_stops_it_and_exits_130(tmp_path: Path) -> None:
    import subprocess
    import time

    from netprep.content import load_library

    exercise = load_library().exercises[0]
    looping = tmp_path / "loop.py"
    looping.write_text(f"{exercise.signature['python']}\n    while True:\n        pass\n")
    proc = subprocess.Popen([sys.executable, "-m", "netprep", "code", "test", exercise.id,
                             "--file", str(looping)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_sigint_default)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(
        _cpu_ticks(pid) >= 20 for pid in _children(proc.pid)  # the user's loop is spinning
    ):
        time.sleep(0.02)
    harness = _children(proc.pid)
    assert harness, "the test harness never started"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130, err
    assert "Interrupted" in err and "Traceback" not in err
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in harness) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(_running(pid) for pid in harness)  # the loop does not outlive netprep
