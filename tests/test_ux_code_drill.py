"""The coding drill as a student meets it: the reply to the interviewer's feedback is the
free-text prompt every answer uses (new lines, Ctrl-C keeps the text, the bar counts the
words), the results table keeps its headers whole at 60 columns, and the summary names
the clarifications worth asking by their questions, not their ids."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from netprep.store import open_store
from netprep.store.code import code_attempts

from .conftest import terminal
from .test_code_cli import _editor_that_solves
from .test_e2e_copy import _start
from .test_e2e_terminal import pytestmark as terminal_marks


def _reply_of(store) -> dict:
    [attempt] = code_attempts(store, exercise_id="two-sum")
    return attempt.to_dict()["feedback"]["reply"]


def test_the_feedback_reply_takes_several_lines_and_is_read(cli, tmp_path: Path,
                                                            monkeypatch) -> None:
    _editor_that_solves(tmp_path, "two-sum", monkeypatch)
    # Enter runs the tests (they pass); the reply has two lines (Esc Enter adds one).
    reply = ("Sorting would lose the original indices and costs O(n log n).\x1b\r"
             "The hash map is one O(n) pass, so I would keep it and add [3, 3] as a test.")
    with terminal("\r" + reply + "\r"):
        result = cli("code", "start", "two-sum")
    assert result.code == 0, result.err
    assert "Your reply" in result.out
    with open_store() as store:
        kept = _reply_of(store)
    assert " ".join(kept["text"].split()) == (  # both lines: Esc Enter did not submit
        "Sorting would lose the original indices and costs O(n log n). "
        "The hash map is one O(n) pass, so I would keep it and add [3, 3] as a test.")


def test_the_summary_names_missed_clarifications_by_their_questions(cli, tmp_path: Path,
                                                                    monkeypatch) -> None:
    _editor_that_solves(tmp_path, "two-sum", monkeypatch)
    with terminal("?Can I use the same element twice?\r\r\r"):  # ask, run, no reply
        result = cli("code", "start", "two-sum")
    assert result.code == 0, result.err
    said = " ".join(result.out.split())
    assert ("Key clarifications asked before the first run: 1: - Can I use the same "
            "element twice?") in said
    assert "Worth asking next time: - What if more than one pair adds up to the target?" \
        in said
    assert "multiple-answers" not in said and "same-element" not in said


def _report(cases: int = 3, status: str = "error") -> dict:
    return {"error": None, "total": cases, "passed": 0, "all_passed": False,
            "cases": [{"index": i, "status": status, "args": [[2, 7, 11, 15, i], 9],
                       "expected": [0, 1], "actual": None, "seconds": 3e-6,
                       "error": "Traceback (most recent call last):\n  File \"/tmp/a/very/"
                                "long/path/to/the/workspace/two-sum.py\", line 20, in "
                                "two_sum\n    raise NotImplementedError",
                       "output": ""}
                      for i in range(cases)]}


@pytest.mark.parametrize("width", [60, 120])
def test_the_results_table_keeps_every_header_whole(width: int, monkeypatch) -> None:
    from rich.console import Console

    from netprep.ui.render_code import render_report

    console = Console(width=width, record=True, color_system=None)
    monkeypatch.setattr("netprep.ui.render_code.out", lambda: console)
    render_report(_report())
    lines = console.export_text().splitlines()
    header = lines[0].split()
    assert header == ["#", "result", "input", "expected", "got", "time"], lines[0]
    assert all(len(line) <= width for line in lines), lines
    # The traceback wraps under its own indent, never back at column 0.
    body = [line for line in lines[1:] if line.strip() and not line.lstrip()[:1].isdigit()]
    assert all(line.startswith("  ") for line in body if "Case" not in line), lines


@pytest.mark.parametrize("width", [60, 120])
def test_in_a_real_terminal_the_reply_counts_words_and_ctrl_c_keeps_it(
        home: Path, tmp_path: Path, monkeypatch, width: int) -> None:
    for mark in terminal_marks:
        if mark.name == "skipif" and mark.args[0]:
            pytest.skip(mark.kwargs["reason"])
    _editor_that_solves(tmp_path, "two-sum", monkeypatch)
    tmux = _start("drill-reply", width, [sys.executable, "-m", "netprep", "code", "start",
                                         "two-sum"])
    try:
        tmux.wait_for(lambda s: "Enter: run the tests" in s, timeout=30)
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "Your answer:" in s, timeout=30)
        tmux.keys("The hash map keeps the indices", literal=True)
        tmux.wait_for(lambda s: "6 words" in s, timeout=10)
        tmux.keys("Escape", "Enter")  # a new line, not a submit
        tmux.keys("so I would keep it.", literal=True)
        screen = tmux.wait_for(lambda s: "11 words, 2 lines" in s, timeout=10)
        tmux.keys("C-c")
        done = tmux.wait_for(lambda s: "EXIT=" in s, timeout=30)
    finally:
        tmux.run("kill-server")
    assert "so I would keep it." in screen and "EXIT=130" in done
    assert all(len(line.rstrip()) <= width for line in screen.splitlines())
    with open_store() as store:
        kept = _reply_of(store)
    assert " ".join(kept["text"].split()) == "The hash map keeps the indices so I would keep it."
