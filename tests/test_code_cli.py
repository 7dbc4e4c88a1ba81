"""`netprep code`: list, show, test, solution, start (scripted and interactive)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.store import open_store
from netprep.store.code import code_attempts

from .conftest import terminal

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


needs_java = pytest.mark.skipif(
    shutil.which("javac") is None or shutil.which("java") is None,
    reason="no JDK here (javac and java; Debian: default-jdk-headless)",
)


def solution_file(tmp_path: Path, exercise_id: str, lang: str = "python") -> Path:
    exercise = load_library().exercise(exercise_id)
    assert exercise is not None
    suffix = {"python": ".py", "javascript": ".js", "java": ".java"}[lang]
    path = tmp_path / f"solution{suffix}"
    path.write_text(exercise.solution[lang], encoding="utf-8")
    return path


def test_list_json_keys_and_topic_filter(cli) -> None:
    result = cli("code", "list", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)["exercises"]
    assert len(rows) >= 20
    for row in rows:
        assert set(row) == {"id", "title", "difficulty", "topics", "minutes"}
    trees = json.loads(cli("code", "list", "--json", "--topic", "trees").out)["exercises"]
    assert trees and all("trees" in row["topics"] for row in trees)
    assert len(trees) < len(rows)
    unknown = cli("code", "list", "--topic", "no-such-topic")
    assert unknown.code == 2 and "Topics:" in unknown.err


def test_list_table(cli) -> None:
    result = cli("code", "list")
    assert result.code == 0 and "two-sum" in result.out


def test_show_json_includes_the_function(cli) -> None:
    result = cli("code", "show", "two-sum", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["function"] == "two_sum"
    assert data["signature"]["javascript"].startswith("function twoSum(")
    assert data["examples"] and "solution" not in data
    text = cli("code", "show", "two-sum")
    assert "def two_sum(" in text.out and "Examples" in text.out


def test_unknown_exercise_suggests_close_ids(cli) -> None:
    result = cli("code", "show", "two-sums")
    assert result.code == 1 and "two-sum" in result.err


def test_test_exit_codes(cli, tmp_path: Path) -> None:
    passing = cli("code", "test", "two-sum", "--file", str(solution_file(tmp_path, "two-sum")))
    assert passing.code == 0, passing.err
    total = len(load_library().exercise("two-sum").tests)
    assert f"{total}/{total} cases pass" in passing.out
    missing = cli("code", "test", "two-sum")
    assert missing.code == 1 and "code start two-sum" in missing.err
    cli("code", "start", "two-sum")  # no terminal: writes the starter
    failing = cli("code", "test", "two-sum", "--json")
    assert failing.code == 1
    data = json.loads(failing.out)
    assert data["exercise"] == "two-sum" and data["passed"] == 0 and not data["all_passed"]
    assert data["cases"][0]["status"] == "error"
    assert "NotImplementedError" in data["cases"][0]["error"]


@needs_node
def test_test_infers_javascript_from_the_suffix(cli, tmp_path: Path) -> None:
    path = solution_file(tmp_path, "valid-parentheses", "javascript")
    result = cli("code", "test", "valid-parentheses", "--file", str(path), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["language"] == "javascript"


@needs_java
def test_java_start_test_and_show(cli, tmp_path: Path) -> None:
    shown = json.loads(cli("code", "show", "reverse-linked-list", "--json").out)
    assert shown["languages"] == ["python", "javascript", "java"]
    assert shown["signature"]["java"] == "public ListNode reverseList(ListNode head) {"
    started = cli("code", "start", "reverse-linked-list", "--lang", "java")
    assert started.code == 0, started.err
    from netprep.paths import workspace_dir

    starter = workspace_dir() / "reverse-linked-list.java"
    text = starter.read_text(encoding="utf-8")
    assert text.startswith("// Reverse a linked list") and "--lang java" in text
    assert "    public ListNode reverseList(ListNode head) {" in text
    failing = cli("code", "test", "reverse-linked-list", "--lang", "java", "--json")
    assert failing.code == 1
    data = json.loads(failing.out)
    assert data["language"] == "java" and data["passed"] == 0
    assert "UnsupportedOperationException: not implemented" in data["cases"][0]["error"]
    path = solution_file(tmp_path, "reverse-linked-list", "java")
    passing = cli("code", "test", "reverse-linked-list", "--file", str(path))
    assert passing.code == 0, passing.err
    solution = cli("code", "solution", "reverse-linked-list", "--lang", "java")
    assert solution.code == 0 and solution.out.startswith("class Solution {")


def test_solution_piped_prints_the_code(cli) -> None:
    result = cli("code", "solution", "two-sum")
    assert result.code == 0 and result.out.startswith("def two_sum(")
    js = cli("code", "solution", "two-sum", "--lang", "javascript")
    assert js.code == 0 and "function twoSum" in js.out
    assert cli("code", "solution", "two-sum", "--lang", "cobol").code == 2


def test_solution_in_a_terminal_asks_first(cli) -> None:
    with terminal("n"):
        result = cli("code", "solution", "two-sum")
    assert result.code == 0 and result.out == "" and "Not shown" in result.err


def test_start_without_a_terminal_prints_the_path_and_keeps_work(cli, home: Path) -> None:
    result = cli("code", "start", "binary-search")
    assert result.code == 0, result.err
    path = Path(result.out.strip())
    assert path == home / "workspace" / "binary-search.py" and path.is_file()
    assert "def search(" in path.read_text(encoding="utf-8")
    path.write_text("# my attempt\n", encoding="utf-8")
    again = cli("code", "start", "binary-search")
    assert again.code == 0 and "Keeping your existing attempt" in again.err
    assert path.read_text(encoding="utf-8") == "# my attempt\n"


def _editor_that_solves(tmp_path: Path, exercise_id: str, monkeypatch) -> None:
    """An $EDITOR that replaces the file with the reference solution."""
    solution = solution_file(tmp_path, exercise_id)
    script = tmp_path / "editor.py"
    script.write_text(
        "import shutil, sys\n"
        f"shutil.copyfile({str(solution)!r}, sys.argv[1])\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)


def test_interactive_drill_until_all_pass_is_saved(cli, tmp_path: Path, monkeypatch) -> None:
    _editor_that_solves(tmp_path, "valid-anagram", monkeypatch)
    with terminal("h\r\r\r"):  # a hint, Enter runs the tests, no reply to the feedback
        result = cli("code", "start", "valid-anagram")
    assert result.code == 0, result.err
    assert "Hint 1/" in result.err and "cases pass" in result.out and "Solved" in result.out
    with open_store() as store:
        [attempt] = code_attempts(store)
    assert attempt.exercise_id == "valid-anagram" and attempt.lang == "python"
    assert attempt.solved and attempt.passed == attempt.total >= 8
    assert attempt.timed and attempt.target_seconds == 10 * 60
    assert attempt.within_target


def test_interactive_give_up_saves_a_failed_attempt(cli, monkeypatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    with terminal("\rq\r\rn"):  # run (fails), give up, no reply, decline the solution
        result = cli("code", "start", "two-sum", "--untimed")
    assert result.code == 0, result.err
    assert "Open " in result.err  # no editor: the path to open elsewhere
    with open_store() as store:
        [attempt] = code_attempts(store, exercise_id="two-sum")
    assert not attempt.solved and attempt.passed == 0 and attempt.total >= 8
    assert not attempt.timed and attempt.target_seconds is None


def test_ctrl_c_in_the_drill_saves_the_attempt(cli, monkeypatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    with terminal("\x03"):
        result = cli("code", "start", "two-sum")
    assert result.code == 130
    with open_store() as store:
        assert len(code_attempts(store)) == 1


def test_run_drill_for_mock_links_the_session(monkeypatch, tmp_path: Path) -> None:
    import random

    from netprep.cli.code import run_drill

    _editor_that_solves(tmp_path, "climbing-stairs", monkeypatch)
    monkeypatch.setattr(sys, "stdin", open(__file__))  # noqa: SIM115 - not a terminal
    try:
        with terminal("\r\r"):  # run (passes), no reply to the feedback
            summary = run_drill("climbing-stairs", minutes=5, session_id=7,
                                rng=random.Random(1))
    finally:
        sys.stdin.close()
    assert summary["solved"] and summary["target_seconds"] == 300
    with open_store() as store:
        [attempt] = code_attempts(store, session_id=7)
    assert attempt.id == summary["attempt_id"]
