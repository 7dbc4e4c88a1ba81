"""The mock's judgement of one answer: the coach's read by the question's kind, and
what a round adds to it.

A reply to a follow-up probe is part of the answer: with `--follow-ups`, the answer
and the reply are read as one text, so the gap the reply closes is no longer a
finding, and the score and the ready verdict count it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# What a probe asks for, by the finding code it targets (shown when the reply closes it).
GAP_ASKED = {
    "no-learning": "a lesson",
    "missing-result": "the result",
    "no-metric": "a measured result",
    "we-heavy": "what you yourself did",
    "missing-action": "the steps you took",
    "key-points-missed": "the key point asked about",
}


def question_kind(question: Any) -> str:
    """The kind the mock judges an answer by (see `netprep.coach.answers.question_kind`)."""
    from netprep.coach.answers import question_kind as kind_of

    return kind_of(question)


def judge(text: str, question: Any, *, target_seconds: int | None, spoken: bool = False,
          analyze: Callable[..., Any] | None = None) -> Any:
    """The coach's analysis of an answer to `question` (typed, or a spoken transcript)."""
    if analyze is None:
        from netprep.coach.analysis import analyze_answer

        analyze = analyze_answer
    return analyze(text, target_seconds=target_seconds, kind=question_kind(question),
                   key_points=tuple(question.key_points), question=question.text,
                   typed=not spoken)


def with_reply(answer: str, reply: str | None) -> str:
    """The answer and a follow-up reply, read as one answer."""
    if not (reply or "").strip():
        return answer
    return f"{answer.rstrip()}\n{(reply or '').strip()}"


def closed(gap: str, before: Any, after: Any, key_points: Sequence[str] = ()) -> bool:
    """Whether reading the reply with the answer closes the gap the probe targeted: the
    finding is gone (for missed key points: the point asked about is now covered)."""
    if gap == "key-points-missed":
        missed = (getattr(before, "extra", {}) or {}).get("key_points_missed") or []
        covered = (getattr(after, "extra", {}) or {}).get("key_points_covered") or ()
        index = list(key_points).index(missed[0]) if missed and missed[0] in key_points else -1
        return index in covered
    return gap not in (getattr(after, "codes", ()) or ())
