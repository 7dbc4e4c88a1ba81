"""Answers judged by the kind of question: STAR, key points, or talking points.

- behavioral and culture: the STAR read of `engine` (a typed answer is an outline);
- technical: key points covered (notation and wording normalised), a clarifying
  question asked by intent, a self-rating suggested from coverage; no STAR rules;
- motivation (why this company, tell me about yourself, strengths, questions for
  the interviewer): specific, tied to your own experience, forward-looking; a text
  with none of these that is no answer at all (`coach.nonanswer`: keyboard runs,
  "I don't know", off the subject) is told so plainly and scores 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from netprep.coach import actors
from netprep.coach import lazyre as re
from netprep.coach.engine import (
    Analysis,
    build,
    count_words,
    label_text,
    parts_of,
    speaking_seconds,
)
from netprep.coach.fillers import count_fillers
from netprep.coach.findings import READY_SCORE, UNREADY_CAP, Finding, ordered, score_of
from netprep.coach.nonanswer import non_answer
from netprep.coach.statements import judge_points
from netprep.text import bare_point, join_points

KINDS = ("behavioral", "culture", "technical", "motivation")
_MOTIVATION_Q = re.compile(
    r"\b(?:why (?:do you want|this|our|us|are you interested|should we|did you apply)|"
    r"tell me about yourself|introduce yourself|walk me through your (?:cv|resume|background)|"
    r"(?:greatest|biggest|main|your) (?:strengths?|weakness(?:es)?)|questions? for (?:me|us)|"
    r"where do you see yourself|what (?:motivates|interests|excites) you|why (?:software|"
    r"engineering|computer science)|what do you know about (?:us|our))", re.I)


def question_kind(question: object) -> str:
    """A question's kind: its own `kind` when set, else from its round and its text.

    Knowledge questions are judged by their key points, never as STAR stories: a
    system-design scenario, and a role question that carries key points.
    """
    kind = getattr(question, "kind", None)
    if kind == "system-design" or (kind == "role" and getattr(question, "key_points", ())):
        return "technical"
    if kind:
        return str(kind)
    text = str(getattr(question, "text", "") or "")
    if _MOTIVATION_Q.search(text):
        return "motivation"
    rnd = str(getattr(question, "round", "") or "")
    if rnd == "pitch":  # "tell me about yourself", from the resume round
        return "motivation"
    if rnd == "technical":
        return "technical"
    if rnd == "culture":
        return "culture"
    return "behavioral"


def analyze(text: str, *, kind: str = "behavioral", key_points: Sequence[str] = (),
            question: str = "", target_seconds: int | None = None,
            typed: bool = True) -> Analysis:
    """The coach's read of one answer to a question of this kind."""
    if kind == "technical":
        return _technical(text, list(key_points), typed)
    if kind == "motivation":
        return _motivation(text, question, typed)
    analysis = build(label_text(text, outline=typed), kind=kind, typed=typed, noun="answer",
                     target_seconds=target_seconds)
    unanswered = non_answer(text, question, off_topic=False) if analysis.words else None
    if unanswered:  # keyboard runs or "I don't know": no STAR parts to find in it
        analysis.findings = [not_an_answer(unanswered, story=True)]
        analysis.parts = dict.fromkeys(analysis.parts, 0)
        analysis.score, analysis.ready = 0, False
        analysis.extra["not_an_answer"] = unanswered
    return analysis


def not_an_answer(reason: str, story: bool = False) -> Finding:
    """`not-an-answer`: said plainly, with why (`coach.nonanswer`), and what an answer
    would say: a story for a "tell me about a time" question, else your reasons."""
    return Finding(
        "not-an-answer", f"This does not answer the question: {reason}.",
        "Answer with one real example: the situation in a line, the steps you took, and "
        "how it ended." if story else
        "Answer the question in a sentence of your own, then back it with one thing you did "
        "and what you want to do in this role.")


# --- technical ------------------------------------------------------------------------

_CLARIFY = re.compile(
    r"\b(?:(?:first|before\b[^.?!]{0,40}),?\s*i(?:'d| would| will|'ll)?\s+(?:want to\s+)?"
    r"(?:ask|check|clarify|confirm|find out)|i(?:'d| would) (?:first )?(?:ask|clarify|confirm|"
    r"check (?:whether|if|how))|(?:can|could|may) i assume|is it (?:safe|ok|okay|fair) to "
    r"assume|are we (?:assuming|allowed)|do we (?:know|care|need)|should i (?:assume|handle|"
    r"optimi[sz]e|worry)|what (?:are|is) the (?:constraints?|input size|expected|range)|"
    r"how (?:big|large|long|many|often)\b[^.?!]{0,60}\?|are (?:the|there)\b[^.?!]{0,60}\?|"
    r"is (?:the|it|there)\b[^.?!]{0,50}(?:sorted|unique|bounded|possible|allowed|always|"
    r"guaranteed|ascii|null|empty)[^.?!]{0,30}\?|does (?:it|the)\b[^.?!]{0,50}\?|"
    r"i(?:'d| would) (?:want to )?know (?:whether|if|how))", re.I)
_UNSURE = re.compile(r"\b(?:i (?:do not|don't|dont) know|not sure|no idea|maybe|i guess)\b",
                     re.I)


_CONSTRAINT_Q = re.compile(
    r"^(?!(?:so\s+)?why\b)(?:first,?\s+)?(?:is|are|do|does|can|could|should|will|"
    r"what(?:'s| is| are)|how)\b[^?]{0,120}\b(?:range|size|big|large|many|long|sorted|"
    r"duplicates?|allowed|always|"
    r"exact|negative|empty|null|unique|fit in memory|at least|at most|bounded|constraints?|"
    r"mutable|in place|ascii|unicode|tell me)\b[^?]*\?", re.I)


def clarifying(text: str) -> bool:
    """Whether the answer asks a clarifying question by intent (not just any "?")."""
    for n, sentence in enumerate(re.split(r"(?<=[.?!])\s+|\n+", text or "")):
        if n < 3 and _CONSTRAINT_Q.search(sentence.strip()) and not _UNSURE.search(sentence):
            return True
        if _CLARIFY.search(sentence):
            if _UNSURE.search(sentence) and not re.search(
                    r"\b(?:ask|assume|clarify|confirm|constraint)", sentence, re.I):
                continue
            return True
    return False


def suggested_rating(share: float) -> int:
    """The self-rating the coverage of key points suggests (1-5)."""
    if share >= 0.99:
        return 5
    if share >= 0.74:
        return 4
    if share >= 0.49:
        return 3
    if share > 0:
        return 2
    return 1


def wrong_finding(key_points: Sequence[str], wrong: dict[int, str]) -> Finding:
    """`key-point-wrong`: what was said beside the key point it contradicts."""
    said = " ".join(f"Stated wrongly: \u201c{_clip(wrong[i])}\u201d \u2014 correct: "
                    f"{bare_point(key_points[i])}." for i in sorted(wrong))
    return Finding(
        "key-point-wrong", said,
        "Learn the correct version before the interview: a wrong claim costs more than a "
        "missing one.")


def _clip(text: str, words: int = 25) -> str:
    cut = text.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")


def _technical(text: str, key_points: list[str], typed: bool) -> Analysis:
    words = count_words(text)
    findings: list[Finding] = []
    covered, wrong = judge_points(key_points, text)
    missed = [p for i, p in enumerate(key_points) if i not in covered and i not in wrong]
    share = len(covered) / len(key_points) if key_points else 1.0
    if wrong:
        findings.append(wrong_finding(key_points, wrong))
    if missed:
        findings.append(Finding(
            "key-points-missed",
            f"Missed {len(missed)} of {len(key_points)} key points: {join_points(missed)}.",
            f"Cover: {bare_point(missed[0])}."))
    fillers = count_fillers(text)
    if sum(fillers.values()) >= 3:
        listed = ", ".join(f"{k} ×{v}" if v > 1 else k for k, v in fillers.items())
        findings.append(Finding("fillers", f"{sum(fillers.values())} filler or hedge words: "
                                f"{listed}.", "Say it plainly; drop the hedges."))
    if speaking_seconds(words) > 180:
        findings.append(Finding("too-long", f"About {words} words: over three minutes to say.",
                                "Lead with the answer, then the one or two reasons."))
    codes = [f.code for f in findings]
    score, ready = technical_verdict(len(key_points), len(covered), len(wrong), codes, words)
    analysis = Analysis(words=words, speaking_seconds=speaking_seconds(words), score=score,
                        findings=ordered(findings), parts={}, has_metric=False, i_count=0,
                        we_count=0, fillers=fillers, ready=ready,
                        kind="technical", typed=typed)
    rated = max(0.0, (len(covered) - len(wrong)) / len(key_points)) if key_points else share
    analysis.extra.update(key_points_covered=covered, key_points_missed=missed,
                          key_points_wrong=sorted(wrong),
                          key_points_wrong_said={str(i): wrong[i] for i in sorted(wrong)},
                          clarifying=clarifying(text), suggested_rating=suggested_rating(rated),
                          estimated_seconds=speaking_seconds(words))
    return analysis


WRONG_CAP = 50  # a key point stated wrongly scores below any answer that only misses one


def technical_verdict(total: int, covered: int, wrong: int, codes: Sequence[str],
                      words: int) -> tuple[int, bool]:
    """(score, ready) of a technical answer: the share of key points covered, a wrong one
    counting against it (worse than missing); ready when every point is covered."""
    if not words:
        return 0, False
    if not total:
        return score_of(list(codes), words), True
    if covered == total:
        return max(READY_SCORE, 100 - sum(5 for c in codes)), True
    score = max(0, round(100 * (covered - 0.5 * wrong) / total))
    return min(score, WRONG_CAP if wrong else UNREADY_CAP), False


# --- motivation -----------------------------------------------------------------------

_SPECIFIC = re.compile(
    r"\b(?:your|you(?:'re| are)|the company's|this (?:team|role|company|position|internship)|"
    r"the team's)\s+(?:\w+\s+){0,3}(?:product|platform|app|api|mission|team|work|tools?|"
    r"approach|engineering|blog|talk|paper|open[- ]source|library|customers|users|service|"
    r"stack|culture|focus|move|launch|feature|infrastructure|research|values|program)"
    r"|\b(?:i (?:read|saw|watched|used|noticed|follow(?:ed)?)|(?:your|their) (?:recent|new|"
    r"latest)|the (?:posting|job (?:description|ad|post)|role description) (?:mentions|says)|"
    r"roadmap|(?:on|in|for) (?:that|this|your) (?:team|project|product)|the team's)\b", re.I)
# Concrete evidence of one's own: a number, or a named thing done.
_EVIDENCE = re.compile(r"\d|\b(?:two|three|four|five|ten|twenty|hundred)\b|\bafter\b.{0,40}\b"
                       r"(?:had|stopped)\b", re.I)
_GENERIC = re.compile(r"\b(?:great company|good company|big company|well[- ]known|"
                      r"prestigious|good reputation|great culture|nice people|good salary|"
                      r"top company|leader in the industry|lots of opportunities|millions of "
                      r"users|interesting problems|large tech company|big tech|hard-working|"
                      r"fast learner|team player|company culture|the benefits)\b", re.I)
_EXPERIENCE = re.compile(
    r"\b(?:i (?:built|wrote|led|ran|made|designed|worked|volunteered|taught|organi[sz]ed|"
    r"started|founded|shipped|spent|tutored|fixed|developed|created|learned|learnt|studied|"
    r"interned|helped|used|contributed)|in my (?:internship|project|job|role|course|thesis|"
    r"club|team|degree|studies|placement)|when i (?:was|worked|built)|last (?:summer|year|"
    r"semester)|my (?:project|internship|thesis|experience))\b", re.I)
_FORWARD = re.compile(
    r"\b(?:i(?:'d| would) (?:like|love) to|i want to|i(?:'m| am) (?:hoping|looking forward|"
    r"keen|excited to)|i hope to|i plan to|i aim to|i(?:'d| would) (?:bring|contribute|help)|"
    r"in this role|here i (?:could|can|would)|i could (?:help|contribute|bring|learn|grow)|"
    r"next (?:step|year)|(?:to|and) (?:grow|learn|get better|build)|in (?:five|5|two|2|"
    r"three|3) years|my goal is|going forward|in the future|would make me|valuable addition|"
    r"what would (?:an intern|i|a new|someone)|first (?:three|3|few|six|6) months|would i be|"
    r"i'd be working)\b", re.I)


def _talking_points(specific: bool, own: bool, forward: bool) -> list[Finding]:
    """A finding for each talking point a motivation answer misses."""
    findings: list[Finding] = []
    if not specific:
        findings.append(Finding(
            "not-specific", "Nothing here is specific to this company or role.",
            "Name one thing about their product, team or work that draws you, and why."))
    if not own:
        findings.append(Finding(
            "no-own-experience", "The answer is not tied to anything you have done.",
            "Link it to one thing you built, studied or led (\"In my internship I ...\")."))
    if not forward:
        findings.append(Finding(
            "not-forward-looking", "It does not say what you want to do or learn next.",
            "End with what you would bring or want to grow into in this role."))
    return findings


def _motivation(text: str, question: str, typed: bool) -> Analysis:
    words = count_words(text)
    findings: list[Finding] = []
    own = bool(_EXPERIENCE.search(text)) or any(
        lab.actor.who == actors.SELF and lab.label == "own_action"
        for lab in label_text(text))
    specific = bool(_SPECIFIC.search(text)) or (own and bool(_EVIDENCE.search(text))
                                                and not _GENERIC.search(text))
    forward = bool(_FORWARD.search(text))
    unanswered = None if specific or own or forward else non_answer(text, question)
    if unanswered:  # said plainly, not as three talking points it could never have
        findings.append(not_an_answer(unanswered))
    else:
        findings.extend(_talking_points(specific, own, forward))
    fillers = count_fillers(text)
    if sum(fillers.values()) >= 3:
        findings.append(Finding("fillers", f"{sum(fillers.values())} filler or hedge words.",
                                "Say it plainly; drop the hedges."))
    if speaking_seconds(words) > 180:
        findings.append(Finding("too-long", f"About {words} words: over three minutes to say.",
                                "Keep to two or three talking points."))
    codes = [f.code for f in findings]
    talking = {"not-specific", "no-own-experience", "not-forward-looking"}
    score = score_of(codes, words, unready=frozenset({"not-an-answer"}))
    if len(talking & set(codes)) >= 2:  # two talking points missing: not ready
        score = min(score, 60)
    labels = label_text(text)
    analysis = Analysis(words=words, speaking_seconds=speaking_seconds(words), score=score,
                        findings=ordered(findings), parts=parts_of(labels), has_metric=False,
                        i_count=0, we_count=0, fillers=fillers, ready=score >= READY_SCORE,
                        kind="motivation", typed=typed, labels=labels)
    analysis.extra.update(talking_points={"specific": specific, "own_experience": own,
                                          "forward_looking": forward},
                          not_an_answer=unanswered,
                          estimated_seconds=speaking_seconds(words))
    return analysis
