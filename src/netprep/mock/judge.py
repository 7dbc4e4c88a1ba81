"""The mock's judgement of one answer: the coach's read by the question's kind, and
what a round adds to it.

- A walk-through of your own work (a take-home's code, a resume entry) is its own kind:
  structure, decisions and their reasons, trade-offs, what you would change
  (`mock.walkthrough`), never a STAR story.
- "Tell me about yourself" is said in 60-90 s: a pitch under 1:00 or over 1:30 is a
  finding that makes it not ready, typed or spoken.
- Every answer is said within its question's target (a 2:00 role question, a 3:00
  story): an estimated speaking time past the target by more than the rubric's slack
  (15 s) is `too-long`, naming the target, typed or spoken, whatever the kind.
- A problem to solve (`problem: true`) is credited for saying the approach, the
  complexity and a test case (`coach.habits`); a habit missed is advice, not a blocker.
- A reply to a follow-up probe is part of the answer: with `--follow-ups`, the answer
  and the reply are read as one text, so the gap the reply closes is no longer a
  finding, and the score and the ready verdict count it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from netprep.coach import lazyre as re

# What a probe asks for, by the finding code it targets (shown when the reply closes it).
GAP_ASKED = {
    "no-learning": "a lesson",
    "missing-result": "the result",
    "no-metric": "a measured result",
    "we-heavy": "what you yourself did",
    "missing-action": "the steps you took",
    "key-points-missed": "the key point asked about",
    "no-complexity": "the complexity",
    "no-tests": "a test case",
    "no-approach": "the approach",
    "challenge": "a reasoned answer to the challenge",
}


def question_kind(question: Any) -> str:
    """The kind the mock judges an answer by: a walk-through of your own work
    (`mock.walkthrough`), else the coach's kind (`netprep.coach.answers.question_kind`)."""
    from netprep.mock.walkthrough import KIND, is_walkthrough

    if is_walkthrough(question):
        return KIND
    from netprep.coach.answers import question_kind as kind_of

    return kind_of(question)


def judge(text: str, question: Any, *, target_seconds: int | None, spoken: bool = False,
          analyze: Callable[..., Any] | None = None) -> Any:
    """The coach's analysis of an answer to `question` (typed, or a spoken transcript)."""
    kind = question_kind(question)
    if kind == "walkthrough":
        from netprep.mock import walkthrough

        return walkthrough.analyze(text, typed=not spoken)
    if analyze is None:
        from netprep.coach.analysis import analyze_answer

        analyze = analyze_answer
    analysis = analyze(text, target_seconds=target_seconds, kind=kind,
                       key_points=tuple(question.key_points), question=question.text,
                       typed=not spoken)
    if is_pitch(question):
        _pitch_length(analysis)
    else:
        _over_target(analysis, target_seconds)
    if getattr(question, "kind", "") == "system-design" and not getattr(question, "estimate",
                                                                        None):
        _thin_design(analysis, target_seconds)
    if getattr(question, "estimate", None):
        _estimate(analysis, text, question.estimate)
    if getattr(question, "problem", False) and kind == "technical":
        _habits(analysis, text)
    return analysis


HABIT_COST = 5  # score points per habit missed, as a minor finding costs


def _habits(analysis: Any, text: str) -> None:
    """A problem's answer is credited for saying its approach, its complexity and a test
    case (`coach.habits`): each one missed is a finding (advice, not a blocker) and costs
    a few points; what was said is kept in `extra["habits"]`."""
    from netprep.coach.findings import Finding
    from netprep.coach.habits import MISSED, said
    from netprep.coach.terms import READY_SCORE

    habits = said(text)
    extra = getattr(analysis, "extra", None)
    if isinstance(extra, dict):
        extra["habits"] = habits._asdict()
    missing = [name for name in habits.missing() if MISSED[name][0] not in analysis.codes]
    if not missing or not analysis.words:
        return
    analysis.findings.extend(Finding(*MISSED[name]) for name in missing)
    floor = READY_SCORE if analysis.ready else 0
    analysis.score = max(floor, analysis.score - HABIT_COST * len(missing))


TARGET_SLACK_SECONDS = 15  # as the rubric's 3:00 story is too long only past about 3:15


def _over_target(analysis: Any, target_seconds: int | None) -> None:
    """`too-long` when the answer would take longer to say than its question's target
    allows (with the slack); it replaces the coach's own, longer window when both fire."""
    from netprep.coach.findings import Finding
    from netprep.coach.terms import words_for
    from netprep.text import clock

    seconds = analysis.speaking_seconds
    if not target_seconds or seconds <= target_seconds + TARGET_SLACK_SECONDS:
        return
    analysis.findings = [f for f in analysis.findings if f.code != "too-long"]
    _add_blocking(analysis, Finding(
        "too-long", f"About {clock(seconds)} to say ({analysis.words} words); this "
        f"question's target is {clock(target_seconds)}.",
        f"Trim to about {words_for(target_seconds)} words: lead with the answer and keep "
        "the one or two points that carry it."))


THIN_SHARE = 0.15  # a design answer said in under this share of its time is an outline
THIN_FROM_SECONDS = 8 * 60  # only a question that is a discussion: not the requirements
# phase (questions to ask) or an estimate, which are short by nature
THIN_COST = 10  # score points: a complete outline is not a full answer (90, not 100)


def _thin_design(analysis: Any, target_seconds: int | None) -> None:
    """A design answer (a design round's phase, a design question) that would take a small
    share of its time to say is an outline of the points, not the discussion the
    interviewer has that time for: a finding (advice, not a blocker: covering every key
    point is still ready) that costs a few points, so a 68-word answer to a 10:00
    question is no 100/100."""
    from netprep.coach.findings import Finding
    from netprep.coach.terms import READY_SCORE
    from netprep.text import clock

    seconds = analysis.speaking_seconds
    if (not target_seconds or target_seconds < THIN_FROM_SECONDS or not analysis.words
            or seconds >= target_seconds * THIN_SHARE):
        return
    analysis.findings.append(Finding(
        "thin-for-time", f"About {clock(seconds)} to say for a {clock(target_seconds)} "
        "question: an outline, not yet the discussion.",
        "For each point say why, give one number (users, requests a second, bytes), and "
        "name what you would trade off."))
    floor = READY_SCORE if analysis.ready else 0
    analysis.score = max(floor, analysis.score - THIN_COST)


def _add_blocking(analysis: Any, finding: Any) -> None:
    """A finding the round adds that makes the answer not ready: listed after the coach's
    own blockers, the score dropping below the ready line with it."""
    from netprep.coach.findings import BLOCKING, score_of

    at = sum(1 for c in analysis.codes if c in BLOCKING)
    analysis.findings.insert(at, finding)
    score = score_of(analysis.codes, analysis.words, unready=frozenset({finding.code}))
    analysis.score, analysis.ready = min(score, analysis.score), False


def _estimate(analysis: Any, text: str, estimate: Any) -> None:
    """An estimation answer's final number against its sound range (`mock.design`): out of
    range or missing is a finding (advice, not a blocker); the check is kept in `extra`."""
    from netprep.coach.findings import Finding
    from netprep.mock.design import check_estimate, estimate_finding

    check = check_estimate(text, estimate)
    extra = getattr(analysis, "extra", None)
    if isinstance(extra, dict):
        extra["estimate"] = check
    found = estimate_finding(check)
    if found is not None and found[0] not in analysis.codes:
        analysis.findings.append(Finding(*found))


_PITCH = re.compile(r"\b(?:tell me about yourself|introduce yourself|walk me through your "
                    r"(?:cv|resume|résumé|background))\b", re.I)


def is_pitch(question: Any) -> bool:
    """"Tell me about yourself" (the pitch round's question, or one in a pack)."""
    return getattr(question, "round", "") == "pitch" or (
        question_kind(question) == "motivation"
        and bool(_PITCH.search(str(getattr(question, "text", "") or ""))))


def _pitch_length(analysis: Any) -> None:
    """A pitch is said in 60-90 s, typed or spoken: shorter or longer is a finding that
    makes it not ready (the score drops below the ready line with it)."""
    from netprep.coach.findings import Finding
    from netprep.resume.pitch import length_finding

    found = length_finding(analysis.words)
    if found is None or found[0] in analysis.codes:
        return
    _add_blocking(analysis, Finding(*found))


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
