"""Score an assessment's files: each problem's hidden tests, partial credit by test.

A problem's points are its maximum times the share of hidden tests passed (rounded
down, as the real reports show whole points); a file still equal to its starter is
"not attempted". Examples are run separately (`run_examples`): they are all a candidate
may run before submitting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from netprep.assess.plan import Problem

CHECKED = "How I checked it:"  # the AI-assisted starter's note line
_NOTE = re.compile(re.escape(CHECKED) + r"[ \t]*(.*)")


def problem_file(folder: Path, problem: Problem, suffix: str) -> Path:
    return folder / f"{problem.position}-{problem.exercise.id}{suffix}"


def starter_text(problem: Problem, language: Any, ai: bool) -> str:
    """The starter of one problem: the drill's, run with `assess run` (the examples only),
    with the note line to fill in an AI-assisted assessment."""
    from netprep.coding.exercises import render_starter

    text = render_starter(problem.exercise, language)
    flag = "" if language.id == "python" else f" --lang {language.id}"
    text = text.replace(f"Run the tests: netprep code test {problem.exercise.id}{flag}",
                        f"Run the examples: netprep assess run {problem.position}")
    if ai:
        mark = "//" if language.suffix in (".js", ".java") else "#"
        text = (f"{mark} Fill in the line below: what you tested or traced in this code, "
                f"yours or the assistant's.\n{mark} {CHECKED} \n\n" + text)
    return text


def note_of(text: str) -> str:
    """The filled note of an AI-assisted problem ("" when left empty)."""
    return next((n for n in (m.group(1).strip() for m in _NOTE.finditer(text)) if n), "")


def grade(problems: Sequence[Problem], folder: Path, language: Any, ai: bool,
          examples: bool = False) -> list[dict[str, Any]]:
    """One row per problem: tests passed, points, whether it was attempted, the note."""
    from netprep.coding.exercises import check

    rows = []
    for problem in problems:
        path = problem_file(folder, problem, language.suffix)
        row: dict[str, Any] = {**problem.to_dict(), "file": str(path), "points": 0,
                               "passed": 0, "total": len(problem.exercise.tests),
                               "examples_passed": 0,
                               "examples_total": len(problem.exercise.examples),
                               "error": None, "attempted": False}
        text = _read(path)
        if ai:
            row["note"] = note_of(text or "")
        if text is None or text == starter_text(problem, language, ai):
            rows.append(row)
            continue
        row["attempted"] = True
        sample = check(problem.exercise, language, path, examples_only=True)
        row["examples_passed"] = sample.passed
        if not examples:
            hidden = check(problem.exercise, language, path)
            row["passed"], row["error"] = hidden.passed, hidden.error
            row["points"] = problem.points * hidden.passed // max(1, hidden.total)
        else:
            row["error"] = sample.error
        rows.append(row)
    return rows


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def advice(rows: Sequence[dict[str, Any]], ai: bool) -> list[str]:
    """What to practise next, from the rows: a line per kind of loss."""
    tips = []
    skipped = [str(row["position"]) for row in rows if not row["attempted"]]
    if skipped:
        which = (f"Problem {skipped[0]} was" if len(skipped) == 1 else
                 f"Problems {', '.join(skipped[:-1])} and {skipped[-1]} were")
        tips.append(f"{which} not attempted. Read every problem first and bank the easy "
                    "points: a partial solution scores its passing tests.")
    for row in rows:
        name = f"Problem {row['position']} ({row['title']})"
        if not row["attempted"]:
            continue
        if row["error"]:
            tips.append(f"{name}: the file did not load, so no test ran. Run the examples "
                        "before you submit.")
        elif row["examples_passed"] == row["examples_total"] and row["passed"] < row["total"]:
            tips.append(f"{name}: the examples pass but {row['total'] - row['passed']} of "
                        f"{row['total']} hidden tests fail. Before submitting, try the cases "
                        "the examples leave out: empty input, one element, duplicates, the "
                        "largest sizes.")
        elif row["passed"] < row["total"]:
            tips.append(f"{name}: {row['passed']} of {row['total']} hidden tests pass. Get "
                        "the examples passing first, then the edge cases.")
        if ai and row["attempted"] and not row.get("note"):
            tips.append(f"{name}: no note on how you checked the code. With an assistant in "
                        "the room, say what you tested or traced: that is what is judged.")
    return tips
