"""`netprep assess`: a timed online assessment (issue 23, section 5): problems easiest
first on one clock, the examples runnable, hidden tests with partial credit at submit,
the AI-assisted variant's note, scripted and at a terminal."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from netprep.cli import run

from .conftest import terminal

ENTER = "\r"


def _start(cli, *args: str) -> Path:
    result = cli("assess", "start", "--seed", "3", *args)
    assert result.code == 0, result.err
    return Path(result.out.strip())


def _shown(cli, *args: str) -> dict:
    result = cli("assess", "show", *args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def _exercise(exercise_id: str):
    from netprep.content import load_library

    return next(e for e in load_library().exercises if e.id == exercise_id)


def _solve(folder: Path, problem: dict, wrong_first_test: bool = False) -> None:
    """The reference solution into the problem's file; optionally wrong on exactly the
    first hidden test (the function returns None for its arguments)."""
    exercise = _exercise(problem["exercise"])
    code = exercise.solution["python"]
    if wrong_first_test:
        first = json.dumps(exercise.tests[0]["args"])
        code += (f"\n_reference = {exercise.function}\n\n\n"
                 f"def {exercise.function}(*args):\n"
                 f"    if list(args) == __import__('json').loads({first!r}):\n"
                 "        return None\n"
                 "    return _reference(*args)\n")
    [path] = folder.glob(f"{problem['position']}-*.py")
    path.write_text(code)


def test_start_writes_one_starter_per_problem_easiest_first_on_one_clock(cli) -> None:
    folder = _start(cli, "--problems", "4")
    data = _shown(cli)
    assert [p["position"] for p in data["problems"]] == [1, 2, 3, 4]
    difficulties = [_exercise(p["exercise"]).difficulty for p in data["problems"]]
    order = ("easy", "medium", "hard")
    assert difficulties == sorted(difficulties, key=order.index) and difficulties[0] == "easy"
    assert data["seconds_limit"] == 90 * 60 and data["submitted_at"] is None
    assert data["max_score"] == sum(p["max_points"] for p in data["problems"])
    files = sorted(folder.glob("*.py"))
    assert len(files) == 4 and all(oct(f.stat().st_mode)[-3:] == "600" for f in files)
    text = files[0].read_text()
    assert "netprep assess run 1" in text and "netprep code test" not in text


def test_the_same_seed_sets_the_same_problems_and_the_flags_are_checked(cli) -> None:
    _start(cli)
    _start(cli)
    first, second = (_shown(cli, str(i))["problems"] for i in (1, 2))
    assert [p["exercise"] for p in first] == [p["exercise"] for p in second]
    assert len(first) == 3 and _shown(cli, "1")["seconds_limit"] == 80 * 60
    bad = cli("assess", "start", "--problems", "5")
    assert bad.code == 2 and "--problems" in bad.err
    unknown = cli("assess", "start", "--lang", "cobol")
    assert unknown.code == 2 and "cobol" in unknown.err
    missing = cli("assess", "submit", "99")
    assert missing.code == 1 and "No assessment 99" in missing.err


def test_submit_gives_partial_credit_per_hidden_test_and_names_what_lost_points(cli) -> None:
    folder = _start(cli)
    problems = _shown(cli)["problems"]
    plain = [p for p in problems if _exercise(p["exercise"]).adapter is None]
    full, partial = plain[0], plain[1]
    _solve(folder, full)
    _solve(folder, partial, wrong_first_test=True)
    examples = cli("assess", "run", str(full["position"]), "--json")
    assert examples.code == 0, examples.err
    [row] = json.loads(examples.out)["problems"]
    assert row["examples_passed"] == row["examples_total"] and row["passed"] == 0  # hidden unrun
    result = cli("assess", "submit", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    by_id = {p["exercise"]: p for p in report["problems"]}
    assert by_id[full["exercise"]]["points"] == full["max_points"]
    got = by_id[partial["exercise"]]
    assert got["passed"] == got["total"] - 1
    assert got["points"] == partial["max_points"] * (got["total"] - 1) // got["total"]
    untouched = [p for p in report["problems"] if p["exercise"] not in
                 (full["exercise"], partial["exercise"])]
    assert all(not p["attempted"] and p["points"] == 0 for p in untouched)
    assert report["score"] == sum(p["points"] for p in report["problems"])
    assert report["percent"] == round(100 * report["score"] / report["max_score"])
    shown = " ".join(cli("assess", "show").out.split())
    assert f"{report['score']} of {report['max_score']} points" in shown
    assert f"{got['total'] - 1} of {got['total']} hidden tests" in shown
    assert f"- Problem {partial['position']} (" in shown and "not attempted" in shown
    assert not any(f"Problem {full['position']} (" in tip for tip in report["advice"])
    again = json.loads(cli("assess", "submit", "1", "--json").out)  # graded once
    assert again["submitted_at"] == report["submitted_at"] and again["score"] == report["score"]


def test_the_ai_assisted_assessment_asks_how_each_problem_was_checked(cli) -> None:
    folder = _start(cli, "--ai", "--problems", "2")
    data = _shown(cli)
    assert data["mode"] == "ai"
    first, second = data["problems"]
    _solve(folder, first)
    _solve(folder, second)
    [path] = folder.glob("1-*.py")
    path.write_text("# How I checked it: traced the empty list and a tie by hand\n"
                    + path.read_text())
    report = json.loads(cli("assess", "submit", "--json").out)
    notes = {p["position"]: p["note"] for p in report["problems"]}
    assert notes == {1: "traced the empty list and a tie by hand", 2: ""}
    assert any("Problem 2" in tip and "how you checked" in tip for tip in report["advice"])
    assert not any("Problem 1" in tip for tip in report["advice"])
    shown = " ".join(cli("assess", "show").out.split())
    assert "AI-assisted online assessment" in shown
    assert "How you checked it: traced the empty list" in shown


def test_at_a_terminal_enter_runs_the_examples_and_s_submits(capsys, monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    keys = ENTER + "1" + ENTER + "s" + ENTER + "y"
    with terminal(keys):
        code = run(["assess", "start", "--seed", "3", "--problems", "2"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    said = " ".join(captured.err.split())
    assert "Online assessment 1: 2 problems, 70:00 on the clock" in said
    assert "not started (the file is its starter)" in said  # Enter ran the examples
    assert "1. " in said and "points)" in said  # `1` showed problem 1
    assert "0 of 300 points (0%)" in " ".join(captured.out.split())


def test_at_time_the_next_key_submits_as_it_stands(capsys, monkeypatch) -> None:
    from datetime import timedelta

    from netprep.cli import assess

    real = assess._now
    calls = {"n": 0}

    def later():
        calls["n"] += 1
        return real() + (timedelta(hours=2) if calls["n"] > 1 else timedelta())

    monkeypatch.setattr(assess, "_now", later)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with terminal(ENTER):
        code = run(["assess", "start", "--seed", "3", "--problems", "2"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Time is up" in captured.err
    assert "(over time)" in " ".join(captured.out.split())


@pytest.mark.parametrize("width", [60, 120])
def test_the_report_wraps_by_words_and_keeps_its_indent(cli, monkeypatch, width) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    from netprep.ui import console

    console.out.cache_clear()
    console.err.cache_clear()
    _start(cli, "--problems", "4")
    lines = cli("assess", "submit").out.splitlines()
    assert all(len(line) <= width for line in lines)
    tips = [i for i, line in enumerate(lines) if line.startswith("- ")]
    for i in tips:  # a tip's continuation lines are indented under its text
        follow = lines[i + 1] if i + 1 < len(lines) else "- "
        assert follow.startswith(("- ", "  ")), lines


def test_ctrl_c_leaves_the_assessment_open_and_says_how_to_submit(capsys, monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with terminal("\x03"):
        code = run(["assess", "start", "--seed", "3", "--problems", "2"])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 130
    assert "Submit with `netprep assess submit 1`" in err
    assert run(["assess", "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["submitted_at"] is None


def test_a_javascript_assessment_is_scored_by_node(cli) -> None:
    import shutil

    if shutil.which("node") is None:
        pytest.skip("node is not installed (.ci/run installs Debian's nodejs)")
    folder = _start(cli, "--problems", "2", "--lang", "javascript")
    first = _shown(cli)["problems"][0]
    [path] = folder.glob("1-*.js")
    path.write_text(_exercise(first["exercise"]).solution["javascript"])
    report = json.loads(cli("assess", "submit", "--json").out)
    assert report["problems"][0]["points"] == first["max_points"]


def test_a_java_assessment_is_scored_by_the_jdk(cli) -> None:
    import shutil

    if shutil.which("javac") is None or shutil.which("java") is None:
        pytest.skip("no JDK here (.ci/run installs Debian's default-jdk-headless)")
    folder = _start(cli, "--problems", "2", "--lang", "java")
    first, second = _shown(cli)["problems"]
    [path] = folder.glob("1-*.java")
    starter = path.read_text()
    assert starter.startswith("// ") and "class Solution {" in starter
    assert "netprep assess run 1" in starter
    path.write_text(_exercise(first["exercise"]).solution["java"])
    report = json.loads(cli("assess", "submit", "--json").out)
    assert report["problems"][0]["points"] == first["max_points"]
    assert report["problems"][1]["points"] == 0  # the untouched starter scores nothing
