"""The interviewer's one piece of feedback after a drill, drawn from the attempt.

In order: a case that failed in the last run; a complexity worse than the
reference's (for Python, by how deeply loops nest over the input, against the
reference solution); else one of the exercise's own challenges from content.
Pure: no I/O beyond parsing the given source text.
"""

from __future__ import annotations

import ast
import json
from typing import Any

from netprep.coding.runner import RunReport
from netprep.content.models import Exercise

_LOOPS = (ast.For, ast.While, ast.AsyncFor, ast.comprehension)


def loop_depth(source: str) -> int | None:
    """The deepest nesting of loops (comprehensions included) in Python source; None when
    it does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None

    def depth(node: ast.AST) -> int:
        inner = max((depth(child) for child in ast.iter_child_nodes(node)), default=0)
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            return inner + len(node.generators) - 1  # each generator counted below
        return inner + (1 if isinstance(node, _LOOPS) else 0)

    return depth(tree)


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def choose(exercise: Exercise, lang: str, report: RunReport | None, source: str | None,
           turn: int = 0) -> dict[str, Any]:
    """{"kind", "text"}: kind is failed-case, worse-complexity or challenge."""
    if report is not None and report.error:
        return {"kind": "failed-case", "text": "Your code did not load in the last run. "
                "Walk me through what you would check first, and how you would catch that "
                "before running it."}
    if report is not None and report.failures:
        case = report.failures[0]
        got = (f"it returned {_short(case.actual)}" if case.status == "fail"
               else f"it ended with {case.status}")
        return {"kind": "failed-case",
                "text": f"On the input {_short(case.args)} the expected answer is "
                        f"{_short(case.expected)}, but {got}. What went wrong there, and what "
                        "would you change or test?"}
    reference = exercise.solution.get("python")
    if lang == "python" and source and reference:
        mine, theirs = loop_depth(source), loop_depth(reference)
        if mine is not None and theirs is not None and mine > theirs and mine >= 2:
            time = (exercise.explanation or {}).get("time", "")
            better = f" The reference runs in {time}." if time else ""
            return {"kind": "worse-complexity",
                    "text": f"Your loops nest {mine} deep where the reference needs "
                            f"{max(theirs, 1)}, so this is slower than it has to be on large "
                            f"inputs.{better} Why this approach, and how would you bring the "
                            "cost down?"}
    challenges = exercise.feedback
    if challenges:
        return {"kind": "challenge", "text": challenges[turn % len(challenges)]}
    return {"kind": "challenge", "text": "What is the time and space complexity of your "
            "solution, and what input would you test next?"}
