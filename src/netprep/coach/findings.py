"""The coach's finding codes: what each says and what to do about it, and the score.

The score starts at 100 and each finding takes its weight off. A finding that
makes an answer unready on its own (no own action, no outcome, a hidden actor, a
result with nothing measurable or concrete, a skeleton too short to follow) also
caps the score at UNREADY_CAP, below READY_SCORE. The weights and the cap were
set on the labelled corpus in tests/data/coach (see benchmarks/coach_accuracy.py).
"""

from __future__ import annotations

from dataclasses import dataclass

READY_SCORE = 70
UNREADY_CAP = 60

# Points off 100 per finding (calibrated on tests/data/coach/items.yaml).
WEIGHTS = {
    "missing-situation": 5, "missing-task": 5, "missing-action": 40, "missing-result": 35,
    "short-situation": 3, "short-task": 3, "short-action": 6, "short-result": 5,
    "no-metric": 8, "vague-result": 25, "we-heavy": 30, "setup-heavy": 5, "too-long": 6,
    "too-short": 10, "fillers": 4, "no-learning": 6, "key-points-missed": 25,
    "not-specific": 20, "no-own-experience": 20, "not-forward-looking": 15,
}
# Findings that make an answer unready whatever else it does well.
UNREADY = frozenset({"missing-action", "missing-result", "we-heavy", "key-points-missed"})
# What to fix first: the first of these codes found leads the list.
PRIORITY = ("key-points-missed", "missing-action", "missing-result", "we-heavy", "no-metric",
            "too-short", "too-long", "not-specific", "no-own-experience",
            "not-forward-looking", "missing-task", "missing-situation", "setup-heavy",
            "short-action", "short-result", "fillers", "short-task", "short-situation",
            "no-learning")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    suggestion: str
    part: str | None = None


MISSING_HELP = {
    "situation": "Open with one or two sentences of context: where, when, who, and what was "
                 "at stake.",
    "task": "Say what you specifically had to do or solve, and why it was hard.",
    "action": "Describe the steps you took, in the first person: what you did, how, and why "
              "you chose it.",
    "result": "Say how it ended, with a number if you can: what changed, for whom, by how much.",
}


def missing(part: str, noun: str, detail: str = "") -> Finding:
    message = f"The {noun} has no {part}."
    if detail:
        message = f"The {noun} has no {part}: {detail}"
    return Finding(f"missing-{part}", message, MISSING_HELP[part], part)


def score_of(codes: list[str], words: int, concrete: bool = True,
             unready: frozenset[str] = UNREADY) -> int:
    """0-100 from the findings: at most UNREADY_CAP when an unready finding is present
    (or the result is neither measured nor concrete), else at least READY_SCORE, with
    the other findings weighing in between."""
    if not words:
        return 0
    raw = 100 - sum(WEIGHTS.get(code, 5) for code in codes)
    vague = not concrete and "no-metric" in codes
    if vague:
        raw -= WEIGHTS["vague-result"]
    if unready & set(codes) or vague:
        return max(0, min(UNREADY_CAP, raw))
    return max(READY_SCORE, min(100, raw))


def ordered(findings: list[Finding]) -> list[Finding]:
    rank = {code: i for i, code in enumerate(PRIORITY)}
    return sorted(findings, key=lambda f: rank.get(f.code, len(rank)))
