"""Scoring an answer (findings, checklist, key points) and the round's suggestions."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from netprep.content.models import Question
from netprep.text import clock as mmss

if TYPE_CHECKING:
    from netprep.mock.model import AnswerRecord

STAR_ROUNDS = ("behavioral", "culture", "role")  # rounds whose checklist asks about STAR
CHECKLIST = {
    "clarifying_question": "Asked a clarifying question",
    "thought_out_loud": "Thought out loud",
    "used_star": "Used STAR (situation, task, action, result)",
    "measurable_result": "Gave a measurable result",
}
OVER_TOLERANCE = 10  # seconds over target before an answer counts as "ran long"
# What to fix first: the first of these codes found becomes the answer's main finding.
PRIORITY = ("key-points-missed", "missing-action", "missing-result", "too-long", "no-metric",
            "we-heavy", "too-short", "missing-task", "missing-situation", "setup-heavy",
            "short-action", "short-result", "fillers", "short-task", "short-situation",
            "no-learning")


def findings_of(question: Question, analysis: Any,
                checklist: dict[str, Any] | None = None) -> list[dict[str, str]]:
    """The analyzer's findings worth keeping for this kind of question, plus missed key points."""
    found: list[dict[str, str]] = []
    if analysis is not None:
        for finding in getattr(analysis, "findings", ()) or ():
            if question.round in ("technical", "pitch") and _is_star_finding(finding):
                continue  # a fundamentals answer is not a STAR story
            found.append({"code": str(finding.code), "message": str(finding.message),
                          "suggestion": str(getattr(finding, "suggestion", "") or "")})
    missed = (checklist or {}).get("key_points_missed")
    if question.round == "technical" and missed:
        found.insert(0, {
            "code": "key-points-missed",
            "message": f"Missed {len(missed)} of {len(question.key_points)} key points: "
                       + "; ".join(missed),
            "suggestion": f"Review {question.topic or 'this topic'} and cover: {missed[0]}.",
        })
    rank = {code: i for i, code in enumerate(PRIORITY)}
    return sorted(found, key=lambda f: rank.get(f["code"], len(rank)))


def _is_star_finding(finding: Any) -> bool:
    """Findings about STAR structure (a part missing or short, the setup share, the lesson)."""
    return bool(getattr(finding, "part", None)) or str(getattr(finding, "code", "")) in (
        "setup-heavy", "no-learning")


def auto_checklist(question: Question, record: AnswerRecord) -> dict[str, Any]:
    """What the typed answer shows by itself (the defaults a self-review starts from)."""
    analysis = record.analysis
    checklist: dict[str, Any] = {}
    if analysis is None:
        return checklist
    if question.round in STAR_ROUNDS:
        parts = getattr(analysis, "parts", {}) or {}
        checklist["used_star"] = all(parts.get(p, 0) > 0 for p in
                                     ("situation", "task", "action", "result"))
        checklist["measurable_result"] = bool(getattr(analysis, "has_metric", False))
    if "?" in record.answer:
        checklist["clarifying_question"] = True
    if question.round == "technical" and question.key_points:
        covered = [p for p in question.key_points if key_point_covered(p, record.answer)]
        checklist["key_points"] = covered
        checklist["key_points_missed"] = [p for p in question.key_points if p not in covered]
    return checklist


_WORD = re.compile(r"[a-z0-9][a-z0-9+#-]*")
_STOP = frozenset("""a an and are as at be by can do does for from has have how if in into is it
its of on or so than that the their then there these they this to use used uses using was what
when where which while who why will with you your""".split())


def key_point_covered(point: str, answer: str) -> bool:
    """A key point counts as covered when most of its significant words are in the answer."""
    words = {w for w in _WORD.findall(point.lower()) if w not in _STOP and len(w) > 2}
    if not words:
        return False
    said = {_stem(w) for w in _WORD.findall(answer.lower())}
    hits = sum(1 for w in words if _stem(w) in said)
    return hits / len(words) >= 0.5


def _stem(word: str) -> str:
    for suffix in ("ing", "es", "s", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def default_rating(record: AnswerRecord) -> int:
    """The self-rating offered by default: from the analyzer's score when there is one."""
    score = getattr(record.analysis, "score", None)
    if not isinstance(score, (int, float)):
        return 3
    return max(1, min(5, round(score / 20))) if score > 5 else max(1, min(5, round(score)))


def main_finding(record: AnswerRecord) -> str:
    """One line on what to fix first in this answer."""
    if record.findings:
        return record.findings[0]["message"]
    if record.aloud:
        return "Answered aloud (nothing typed to analyse)."
    if record.over_seconds > OVER_TOLERANCE:
        return "Ran long: lead with the result, trim the situation."
    return "No issues found."


def suggestions(answers: list[AnswerRecord], limit: int = 2) -> list[str]:
    """One or two concrete things to work on, most important first."""
    if not answers:
        return []
    tips: list[str] = []
    long_ = [a for a in answers if a.over_seconds > OVER_TOLERANCE]
    if long_:
        worst = max(long_, key=lambda a: a.over_seconds)
        tips.append(
            f"You ran long on {len(long_)} of {len(answers)} answer"
            f"{'s' if len(answers) != 1 else ''} (question {worst.position} by "
            f"{mmss(worst.over_seconds)}): lead with the result, keep the situation to two "
            "sentences, and aim to finish at 80% of the target time.")
    codes = Counter(f["code"] for a in answers for f in a.findings)
    if codes:
        code, _ = codes.most_common(1)[0]
        first = next(f for a in answers for f in a.findings if f["code"] == code)
        text = (first.get("suggestion") or first["message"]).rstrip(". ")
        count = codes[code]
        tips.append(f"{text} (came up {count} time{'s' if count != 1 else ''}).")
    for key, label in (("clarifying_question", "Ask one clarifying question before answering"),
                       ("measurable_result", "End every story with a number: time saved, "
                                             "users helped, errors cut"),
                       ("thought_out_loud", "Think out loud, so the interviewer can follow "
                                            "your reasoning")):
        asked = [a for a in answers if key in a.checklist]
        misses = [a for a in asked if not a.checklist[key]]
        if asked and len(misses) * 2 >= len(asked) and len(misses) > 0:
            tips.append(f"{label} (missed in {len(misses)} of {len(asked)}).")
    rated = [a for a in answers if a.rating is not None]
    if rated:
        low = min(rated, key=lambda a: (a.rating, a.position))
        if low.rating is not None and low.rating <= 2:
            tips.append(f"Practise question {low.position} again (you rated it {low.rating}/5): "
                        "write the story with `netprep star add` first.")
    short = [a for a in answers if not a.aloud and a.elapsed_seconds < a.target_seconds * 0.35]
    if short and len(short) * 2 >= len(answers):
        tips.append("Several answers were very short: give the interviewer the context, your "
                    "actions and the outcome, even when the question seems simple.")
    if not tips:
        tips.append("A solid round. Raise the pressure next time: fewer --minutes, or "
                    "--follow-ups for the probing questions interviewers add.")
    return tips[:limit]
