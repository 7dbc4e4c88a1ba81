"""Scoring an answer (findings, checklist, key points) and the round's suggestions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from netprep.content.models import Question
from netprep.text import clock as mmss
from netprep.text import join_points

if TYPE_CHECKING:
    from netprep.mock.model import AnswerRecord

STAR_ROUNDS = ("behavioral", "culture", "role")  # rounds whose checklist asks about STAR
STAR_KINDS = ("behavioral", "culture")  # question kinds judged as STAR stories
CHECKLIST = {
    "clarifying_question": "Asked a clarifying question",
    "thought_out_loud": "Thought out loud",
    "used_star": "Used STAR (situation, task, action, result)",
    "measurable_result": "Gave a measurable result",
    "said_approach": "Said the approach",
    "said_complexity": "Said the time or space complexity",
    "said_test_case": "Checked it on a test or edge case",
}
# A problem's checklist items by the habit (`coach.habits`) that pre-ticks each, and the
# finding a tick in the self-review takes back.
HABIT_ITEMS = {"said_approach": ("approach", "no-approach"),
               "said_complexity": ("complexity", "no-complexity"),
               "said_test_case": ("test", "no-tests")}
OVER_TOLERANCE = 10  # seconds over target before an answer counts as "ran long"
# The self-review's checklist by question kind: a clarifying question and thinking out loud
# belong to technical questions, STAR and a number to stories; a take-home follow-up asks
# you to explain your reasoning; a motivation answer and a walk-through of your own
# work (judged on its structure, reasons, trade-offs and changes) have none of these.
CHECKLIST_BY_KIND = {
    "technical": ("clarifying_question", "thought_out_loud"),
    "behavioral": ("used_star", "measurable_result"),
    "culture": ("used_star", "measurable_result"),
    "takehome": ("thought_out_loud",),
    "motivation": (),
    "walkthrough": (),
}


def question_kind(question: Question) -> str:
    """behavioral | culture | technical | motivation (the question's own kind when it has one)."""
    from netprep.mock.judge import question_kind as kind_of

    return kind_of(question)


def checklist_keys(question: Question) -> tuple[str, ...]:
    """The checklist items that fit this question (see CHECKLIST_BY_KIND)."""
    if getattr(question, "round", "") == "takehome":
        return CHECKLIST_BY_KIND["takehome"]
    kind = question_kind(question)
    keys = CHECKLIST_BY_KIND.get(kind, ())
    problem = kind == "technical" and getattr(question, "problem", False)
    return (*keys, *HABIT_ITEMS) if problem else keys


def review_advice(question: Question, topics: Mapping[str, str] | None = None) -> str:
    """What to go over, as a person would say it: "Review hash tables", or for an estimate
    "Redo the estimate step by step" (never a topic's id such as "system-design")."""
    if getattr(question, "estimate", None):
        return "Redo the estimate step by step"
    topic = question.topic
    if not topic:
        return "Review this topic"
    name = (topics or {}).get(topic) or topic.replace("-", " ")
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        name = name[0].lower() + name[1:]  # "Hash tables", but "SQL and data modelling"
    return f"Review {name}"


def findings_of(question: Question, analysis: Any, checklist: dict[str, Any] | None = None,
                topics: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """The analyzer's findings for this answer (already judged by the question's kind);
    `topics` names the question's topic (id -> name) in the advice."""
    found: list[dict[str, str]] = []
    missed = (checklist or {}).get("key_points_missed")
    reviewed = isinstance(missed, list) and "key_points" in (checklist or {})
    wrong_left = (checklist or {}).get("key_points_wrong")
    ticked = {code for key, (_, code) in HABIT_ITEMS.items() if (checklist or {}).get(key)}
    for finding in getattr(analysis, "findings", ()) or ():
        if finding.code in ticked:
            continue  # the self-review says the habit was shown (said aloud, say)
        if reviewed and finding.code == "key-points-missed":
            continue  # the self-review's ticks replace the analyzer's guess
        if reviewed and finding.code == "key-point-wrong" and not wrong_left:
            continue  # every point read as stated wrongly was ticked as covered
        suggestion = str(getattr(finding, "suggestion", "") or "")
        if finding.code == "key-points-missed":
            left = (getattr(analysis, "extra", {}) or {}).get("key_points_missed") or ()
            suggestion = cover_missed(len(left) or 1, review_advice(question, topics))
        found.append({"code": str(finding.code), "message": str(finding.message),
                      "suggestion": suggestion})
    if reviewed and missed and question.key_points:
        at = sum(1 for f in found if f["code"] == "key-point-wrong")  # a wrong point leads
        found.insert(at, {
            "code": "key-points-missed",
            "message": f"Missed {len(missed)} of {len(question.key_points)} key points: "
                       f"{join_points(missed)}.",
            "suggestion": cover_missed(len(missed), review_advice(question, topics)),
        })
    return found


def cover_missed(count: int, review: str = "Review this topic") -> str:
    """What to do about missed key points (`review`: what to go over, `review_advice`); the
    message already lists them, so this never repeats one."""
    if count == 1:
        return (f"{review}, then say it in a sentence before you move on: it is what the "
                "interviewer listens for.")
    return (f"{review}, then say each in a sentence before you move on: they are what the "
            "interviewer listens for.")


def clarification_checklist(question: Question, asked: list[dict[str, Any]]
                            ) -> dict[str, Any]:
    """Whether a clarifying question was asked ("?" at the prompt) and, for a question
    with clarifications, which were asked and which key ones were missed."""
    if not question.clarifications:
        fits = asked and "clarifying_question" in checklist_keys(question)
        return {"clarifying_question": True} if fits else {}
    ids = [a["matched"] for a in asked if a.get("matched")]
    checklist: dict[str, Any] = {
        "clarifications_asked": ids,
        "clarifications_missed": [c["id"] for c in question.clarifications
                                  if c.get("key") and c["id"] not in ids],
    }
    if asked:
        checklist["clarifying_question"] = True
    return checklist


def auto_checklist(question: Question, record: AnswerRecord) -> dict[str, Any]:
    """What the typed answer shows by itself (the defaults a self-review starts from)."""
    analysis = record.analysis
    checklist: dict[str, Any] = {}
    if analysis is None:
        return checklist
    kind = getattr(analysis, "kind", None) or question_kind(question)
    if kind in STAR_KINDS:
        parts = getattr(analysis, "parts", {}) or {}
        checklist["used_star"] = all(parts.get(p, 0) > 0 for p in
                                     ("situation", "task", "action", "result"))
        checklist["measurable_result"] = bool(getattr(analysis, "has_metric", False))
    from netprep.coach.answers import clarifying

    if "clarifying_question" in checklist_keys(question) and clarifying(record.answer):
        checklist["clarifying_question"] = True
    extra = getattr(analysis, "extra", {}) or {}
    habits = extra.get("habits") or {}
    if getattr(question, "problem", False):
        checklist.update({key: True for key, (habit, _) in HABIT_ITEMS.items()
                          if habits.get(habit)})
    if kind == "technical" and question.key_points:
        covered = set(extra.get("key_points_covered", ()))
        wrong = set(extra.get("key_points_wrong", ()))
        checklist["key_points"] = [p for i, p in enumerate(question.key_points) if i in covered]
        checklist["key_points_missed"] = [p for i, p in enumerate(question.key_points)
                                          if i not in covered and i not in wrong]
        checklist["key_points_wrong"] = [p for i, p in enumerate(question.key_points)
                                         if i in wrong]
    return checklist


def key_point_covered(point: str, answer: str) -> bool:
    """Whether the answer covers one key point (notation and wording normalised)."""
    from netprep.coach.statements import covered_points

    return bool(covered_points([point], answer))


NOTHING_SAID_WORDS = 10  # fewer typed words say nothing to follow ("asdf", "I don't know")
SKELETAL_WORDS = 25  # the coach's too-short line for a typed answer: parts must be missing


def default_rating(record: AnswerRecord) -> int:
    """The self-rating offered by default: key-point coverage for a technical answer,
    else the analyzer's score (70+ is ready: 4), never above what the length allows: a
    typed answer of a few words (gibberish, "I don't know") is offered 1, lost the
    thread, and one too short to follow as an outline at most 2."""
    analysis = record.analysis
    suggested = (getattr(analysis, "extra", {}) or {}).get("suggested_rating")
    if isinstance(suggested, int):
        return suggested
    score = getattr(analysis, "score", None)
    if not isinstance(score, (int, float)):
        return 3
    words = getattr(analysis, "words", None)
    if isinstance(words, int) and 0 < words < NOTHING_SAID_WORDS:
        return 1
    cap = 2 if isinstance(words, int) and 0 < words < SKELETAL_WORDS else 5
    if score >= 90:
        return min(cap, 5)
    if score >= 70:
        return min(cap, 4)
    if score >= 50:
        return min(cap, 3)
    return 2 if score >= 25 else 1


def fill_verdicts(session: dict[str, Any]) -> dict[str, Any]:
    """Give every answer of a stored session its `score` (0-100) and `ready`: answers saved
    before the coach kept them, or by another analyzer version, are analysed now; an answer
    given aloud (nothing typed) has None for both."""
    from netprep.coach.version import ANALYZER_VERSION

    for q in session.get("questions", []):
        version = q.pop("analyzer_version", None)
        if q.get("score") is not None and version == ANALYZER_VERSION:
            continue
        answer = q.get("answer") or ""
        if not answer.strip():
            q["score"], q["ready"] = None, None
            continue
        from netprep.mock.judge import judge, with_reply

        checklist = q.get("checklist") or {}
        points = [*checklist.get("key_points", []), *checklist.get("key_points_missed", []),
                  *checklist.get("key_points_wrong", [])]
        if q.get("follow_up_gap"):  # a probe's reply is part of the answer
            answer = with_reply(answer, q.get("follow_up_answer"))
        analysis = judge(answer, _Ref(q.get("round", ""), q.get("text", ""), points),
                         target_seconds=q.get("target_seconds"), spoken=q.get("voice") is not None)
        q["score"], q["ready"] = analysis.score, analysis.ready
    return session


class _Ref:
    """Enough of a stored question (round and text) to tell its kind."""

    def __init__(self, round_: str, text: str, key_points: list[str]):
        self.round, self.text, self.kind = round_, text, None
        self.key_points = tuple(key_points)


def main_finding(record: AnswerRecord) -> str:
    """One line on what to fix first in this answer."""
    if record.findings:
        return record.findings[0]["message"]
    if record.aloud:
        return "Answered aloud (nothing typed to analyse)."
    if record.over_seconds > OVER_TOLERANCE:
        return "Ran long: lead with the result, trim the situation."
    return "No issues found."


def suggestions(answers: list[AnswerRecord], limit: int = 2,
                drill: dict[str, Any] | None = None) -> list[str]:
    """One or two concrete things to work on, most important first.

    A checklist item counts only for the answers whose kind it fits (no "ask a clarifying
    question" after a story); `drill`, the coding drill that ended the round, counts as
    one more technical answer, with the questions asked to its interviewer: asking there
    (before writing code, where it matters most) drops the clarifying tip unless more than
    half of the round missed it."""
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
        if code == "key-points-missed":  # the points themselves are what to work on
            text = first["message"].rstrip(". ")
        count = codes[code]
        times = {1: "once", 2: "twice"}.get(count, f"{count} times")
        tips.append(f"{text} (came up {times}).")
    for key, label in (("clarifying_question", "Ask one clarifying question before answering"),
                       ("measurable_result", "End every story with a number: time saved, "
                                             "users helped, errors cut"),
                       ("thought_out_loud", "Think out loud, so the interviewer can follow "
                                            "your reasoning"),
                       ("said_complexity", "Say the time and space cost of each approach"),
                       ("said_test_case", "Check each solution on one small example or edge "
                                          "case, out loud")):
        done = [bool(a.checklist[key]) for a in answers
                if key in a.checklist and key in checklist_keys(a.question)]
        most = 1  # the tip shows when at least half were missed ...
        if key == "clarifying_question" and drill is not None:
            done.append(bool(drill.get("questions_asked")))
            most = 0 if done[-1] else 1  # ... or, after asking in the drill, more than half
        misses = done.count(False)
        if done and misses * 2 + most > len(done) and misses > 0:
            tips.append(f"{label} (missed in {misses} of {len(done)}).")
    rated = [a for a in answers if a.rating is not None]
    if rated:
        low = min(rated, key=lambda a: (a.rating, a.position))
        if low.rating is not None and low.rating <= 2:
            kind = question_kind(low.question)  # a story only where a story is the answer
            how = ("write the story with `netprep star add` first" if kind in STAR_KINDS else
                   "say the approach, what it costs and one test case aloud"
                   if kind == "technical" else
                   "write down two or three reasons first, each tied to something you did")
            tips.append(f"Practise question {low.position} again (you rated it "
                        f"{low.rating}/5): {how}.")
    short = [a for a in answers if not a.aloud and a.elapsed_seconds < a.target_seconds * 0.35]
    if short and len(short) * 2 >= len(answers):
        lead = ("The answer was very short" if len(answers) == 1 else
                f"{len(short)} of {len(answers)} answers were very short")
        if all(question_kind(a.question) == "technical" for a in short):
            tips.append(f"{lead}: say the approach, what it costs and one case you would "
                        "test, even when the answer seems obvious.")
        elif all(question_kind(a.question) == "motivation" for a in short):
            tips.append(f"{lead}: lead with your answer, then one fact from your own work "
                        "that backs it and what you want to do in the role.")
        else:
            tips.append(f"{lead}: give the interviewer the context, your actions and the "
                        "outcome, even when the question seems simple.")
    if not tips:
        tips.append("A solid round. Raise the pressure next time: fewer --minutes, or "
                    "--follow-ups for the probing questions interviewers add.")
    return tips[:limit]
