"""The coach's finding codes: what each says and what to do about it, and the score.

Ready is "no blocking finding" (the coach rubric, README): a STAR part missing in
substance, a thin action, a hidden actor, too much setup, a story too short or too
long to tell, fillers, or a result that is neither measured nor concretely checkable.
No lesson, and no number beside a concrete outcome, are advice and never block.

The score is for progress over time: it starts at 100 and each finding takes its
weight off, and the total is scaled into 0-UNREADY_CAP when the answer is not ready and
into READY_SCORE-100 when it is, so minor findings never sum past the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

from netprep.coach.terms import READY_SCORE

UNREADY_CAP = 60

# Points off 100 per finding (calibrated on tests/data/coach/items.yaml).
WEIGHTS = {
    "missing-situation": 5, "missing-task": 5, "missing-action": 40, "missing-result": 35,
    "short-situation": 3, "short-task": 3, "short-action": 6, "short-result": 5,
    "no-metric": 8, "vague-result": 25, "we-heavy": 30, "setup-heavy": 5, "too-long": 6,
    "too-short": 10, "fillers": 4, "no-learning": 6, "key-points-missed": 25,
    "key-point-wrong": 40,
    "not-specific": 20, "no-own-experience": 20, "not-forward-looking": 15,
    "not-an-answer": 100,
}
# Findings that make an answer unready whatever else it does well (the rubric's blockers).
BLOCKING = frozenset({
    "missing-situation", "missing-task", "missing-action", "short-action", "missing-result",
    "we-heavy", "setup-heavy", "too-short", "too-long", "fillers", "key-points-missed",
    "key-point-wrong", "not-an-answer"})
UNREADY = BLOCKING  # the name older callers import
# What to fix first: the first of these codes found leads the list.
PRIORITY = ("not-an-answer", "key-point-wrong", "key-points-missed", "missing-action",
            "missing-result",
            "we-heavy", "no-metric", "too-short", "too-long", "not-specific", "no-own-experience",
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


def is_ready(codes: list[str] | set[str], words: int, concrete: bool = True,
             blocking: frozenset[str] = BLOCKING) -> bool:
    """The verdict: some text, no blocking finding, and an outcome that is measured or
    concretely checkable."""
    return bool(words) and concrete and not blocking & set(codes)


def score_of(codes: list[str], words: int, concrete: bool = True,
             unready: frozenset[str] = BLOCKING) -> int:
    """0-100 from the findings, on the side of READY_SCORE that the verdict is on: the
    weights' total scaled into 0-UNREADY_CAP with a blocking finding (or a result neither
    measured nor concrete), else into READY_SCORE-100, so every fix moves the score and
    minor findings never move it across the verdict."""
    if not words:
        return 0
    raw = 100 - sum(WEIGHTS.get(code, 5) for code in codes)
    if not concrete:
        raw -= WEIGHTS["vague-result"]
    raw = max(0, min(100, raw))
    if not is_ready(codes, words, concrete, unready):  # 0-60, still moving with each fix
        return round(UNREADY_CAP * raw / 100)
    return READY_SCORE + round((100 - READY_SCORE) * raw / 100)


def ordered(findings: list[Finding]) -> list[Finding]:
    rank = {code: i for i, code in enumerate(PRIORITY)}
    return sorted(findings, key=lambda f: rank.get(f.code, len(rank)))
