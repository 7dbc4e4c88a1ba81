"""The interviewer's one piece of feedback after a drill, drawn from the attempt.

In order: a case that failed in the last run; a complexity worse than the
reference's (for Python, by how deeply loops nest over the input, against the
reference solution); else one of the exercise's own challenges from content, preferring
those that fit the code: "why a min-heap and not a max-heap?" is not asked of a solution
that sorts. Pure: no I/O beyond parsing the given source text.
"""

from __future__ import annotations

import ast
import json
import re
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


def recursive(source: str) -> bool | None:
    """Whether a Python function calls itself (by name, or as self.name); None when the
    source does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for call in ast.walk(node):
                if isinstance(call, ast.Call):
                    func = call.func
                    name = (func.id if isinstance(func, ast.Name) else
                            func.attr if isinstance(func, ast.Attribute) else None)
                    if name == node.name:
                        return True
    return False


# Constructs a challenge can take for granted, and how code shows it uses one. A challenge
# takes one for granted when it asks why the code made that choice over another ("why a
# min-heap and not a max-heap?", "why store indices in the deque rather than values?",
# "why might you still choose the heap?") or names it as the code's ("your recursion"); a
# construct it proposes instead ("why not a heap here?", "when would you still sort?") or
# only mentions is not taken for granted. "Sorted" is the input's property, not a sort.
_NAMED = {
    "heap": re.compile(r"\b(?:min-|max-)?heaps?\b", re.I),
    "sort": re.compile(r"\bsort(?:s|ing)?\b", re.I),
    "deque": re.compile(r"\bdeques?\b", re.I),
    "nested loops": re.compile(r"\bnested loops?\b|\bloops nest\b", re.I),
    "recursion": re.compile(r"\brecursi(?:on|ve)\b|\brecurse\b", re.I),
}
_IN_CODE = {
    "heap": re.compile(r"heapq|PriorityQueue|\bheap", re.I),
    "sort": re.compile(r"\bsort(?:ed)?\s*\(|\.sort\b|\bsorted\b"),
    "deque": re.compile(r"deque|ArrayDeque"),
}
_GRANTED = (
    re.compile(r"\bwhy\b(.*?)\b(?:rather than|instead of|and not|not)\b", re.I),
    re.compile(r"\bwhy (?:might|would) you still (?:choose|use|pick)\b(.*)", re.I),
    re.compile(r"\byour ((?:[\w-]+ ){0,2}[\w-]+)", re.I),
)


def _uses(construct: str, lang: str, source: str) -> bool | None:
    """Whether the code uses the construct; None when that cannot be told."""
    if construct in _IN_CODE:
        return bool(_IN_CODE[construct].search(source))
    if lang != "python":
        return None
    if construct == "nested loops":
        depth = loop_depth(source)
        return None if depth is None else depth >= 2
    return recursive(source)


def fits(challenge: str, lang: str, source: str | None) -> bool:
    """A challenge fits the code unless every construct it takes for granted is one the
    code does not use (a challenge that names none fits any code)."""
    if not source:
        return True
    granted = " ".join(m.group(1) for pattern in _GRANTED for m in pattern.finditer(challenge))
    named = [c for c, pattern in _NAMED.items() if pattern.search(granted)]
    return not named or any(_uses(c, lang, source) is not False for c in named)


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
    # turn varies the challenge between attempts, among those that fit the code
    challenges = [c for c in exercise.feedback if fits(c, lang, source)] or exercise.feedback
    if challenges:
        return {"kind": "challenge", "text": challenges[turn % len(challenges)]}
    return {"kind": "challenge", "text": "What is the time and space complexity of your "
            "solution, and what input would you test next?"}
