"""The coach's analysis of one STAR story or typed answer: findings, parts, a 0-100 score.

Pure (no I/O, no Rich, no YAML); may import only `netprep.text` and `netprep.coach`.
`star/` and `mock/` call it; a story is anything with `part(name) -> str`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

# Bump when the analysis changes: cached results in the stories table are recomputed.
from netprep.coach.terms import PARTS, READY_SCORE, STAR
from netprep.coach.version import ANALYZER_VERSION
from netprep.text import clock, normalize_text
from netprep.text import plural as _plural

WORDS_PER_MINUTE = 150
TARGET_SECONDS = (90, 180)
# Below this many words a present part is "trivially short".
SHORT_WORDS = {"situation": 8, "task": 6, "action": 20, "result": 8}
SETUP_SHARE = 0.40
FILLERS = ("just", "maybe", "kind of", "sort of", "basically", "i think", "i guess", "you know")

# Points taken off 100 per finding.
WEIGHTS = {
    "missing-situation": 15, "missing-task": 10, "missing-action": 25, "missing-result": 20,
    "short-situation": 5, "short-task": 4, "short-action": 12, "short-result": 8,
    "no-metric": 15, "we-heavy": 12, "setup-heavy": 10, "too-long": 8, "too-short": 6,
    "fillers": 5, "no-learning": 6,
}


__all__ = [  # the constants and helpers callers reach for through the engine
    "ANALYZER_VERSION", "PARTS", "READY_SCORE", "STAR", "Analysis", "Finding", "analyze_answer",
    "analyze_story", "count_fillers", "count_words", "has_metric", "normalize_text",
    "speaking_seconds", "split_answer",
]


class HasParts(Protocol):
    def part(self, name: str) -> str: ...


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    suggestion: str
    part: str | None = None


@dataclass
class Analysis:
    words: int
    speaking_seconds: int
    score: int
    findings: list[Finding]
    parts: dict[str, int]
    has_metric: bool
    i_count: int
    we_count: int
    fillers: dict[str, int] = field(default_factory=dict)

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def to_dict(self) -> dict:
        return {
            "words": self.words,
            "speaking_seconds": self.speaking_seconds,
            "score": self.score,
            "has_metric": self.has_metric,
            "i_count": self.i_count,
            "we_count": self.we_count,
            "parts": dict(self.parts),
            "fillers": dict(self.fillers),
            "findings": [
                {"code": f.code, "part": f.part, "message": f.message, "suggestion": f.suggestion}
                for f in self.findings
            ],
        }


# --- text measures -----------------------------------------------------------------

class _Lazy:
    """A regex compiled on first use: `star list` imports this module but never analyses."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = re.compile(self.pattern, self.flags)
        return getattr(self.compiled, name)


_WORD = _Lazy(r"[^\W_]+(?:['’.,\-][^\W_]+)*")
_I = _Lazy(r"\b(?:[Ii]|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_WE = _Lazy(r"\b(?:[Ww]e|us|[Oo]ur|[Oo]urs|[Oo]urselves)\b")
_FILLER = _Lazy(r"\b(" + "|".join(f.replace(" ", r"\s+") for f in FILLERS) + r")\b", re.I)
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    "fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|halved|double|doubled|twice|"
    "triple|tripled|quadrupled|tenfold|percent|per\\s+cent"
)
_METRIC = _Lazy(
    r"\d|%|[$€£¥]|\b(?:" + _NUMBER_WORDS + r")\b"
    r"|\b(?:a|an|one)\s+(?:hour|day|week|month|year|minute|sprint|quarter|semester)s?\b",
    re.I,
)
# Sentences, and clauses that often change the part in a spoken answer: after a
# semicolon or a dash, and ", so ...", ", which meant ...", ", and as a result ...".
_SENTENCE = _Lazy(r"(?<=[.!?;])\s+|(?<=\s[-–—])\s+|"
                  r"(?<=,)\s+(?=(?:and )?(?:so|which meant|as a result|in the end)\b)|\n+", re.I)


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def speaking_seconds(words: int) -> int:
    return round(words * 60 / WORDS_PER_MINUTE)


def has_metric(text: str) -> bool:
    return bool(_METRIC.search(text or ""))


def count_fillers(text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for match in _FILLER.finditer(text or ""):
        key = " ".join(match.group(1).lower().split())
        found[key] = found.get(key, 0) + 1
    return found


# --- analysis ------------------------------------------------------------------------


def analyze_story(story: HasParts) -> Analysis:
    """The coach's read of one story: findings, each with a suggestion, and a 0-100 score."""
    texts = {p: story.part(p) for p in PARTS}
    return _analyze(texts, texts["action"], texts["result"], learned_stated=bool(
        texts["learned"].strip()), noun="story")


def analyze_answer(text: str, *, target_seconds: int | None = None) -> Analysis:
    """The same read for a free-typed answer: STAR parts are found by cue phrases.

    `i_count`/`we_count` count the whole answer; the length target is 90-180 s,
    or 75-150 % of `target_seconds` when given.
    """
    texts = split_answer(text)
    has_learning = bool(texts["learned"].strip())
    metric_text = texts["result"] if texts["result"].strip() else text
    window = None
    if target_seconds:
        window = (round(target_seconds * 0.75), round(target_seconds * 1.5))
    return _analyze(texts, text, metric_text, learned_stated=has_learning, noun="answer",
                    window=window)


def _analyze(texts: Mapping[str, str], voice_text: str, metric_text: str, *,
             learned_stated: bool, noun: str,
             window: tuple[int, int] | None = None) -> Analysis:
    parts = {p: count_words(texts[p]) for p in PARTS}
    words = sum(parts.values())
    seconds = speaking_seconds(words)
    whole = "\n".join(texts[p] for p in PARTS)
    metric = has_metric(metric_text)
    i_count = len(_I.findall(voice_text))
    we_count = len(_WE.findall(voice_text))
    fillers = count_fillers(whole)
    findings: list[Finding] = []

    for part in STAR:
        if not parts[part]:
            findings.append(_missing(part, noun))
        elif parts[part] < SHORT_WORDS[part]:
            findings.append(_short(part, parts[part]))
    if parts["result"] and not metric:
        findings.append(Finding(
            "no-metric", "The result has no number: nothing shows how much it mattered.",
            "Add a measure: a percentage, time saved, money, users or a count "
            "(\"cut build time from 12 to 4 minutes\", \"3 teams adopted it\").", "result"))
    if parts["action"] and we_count > i_count and we_count >= 2:
        where = "the action" if noun == "story" else "the answer"
        findings.append(Finding(
            "we-heavy", f"\"We\" outweighs \"I\" in {where} ({we_count} we, {i_count} I): "
            "the interviewer cannot tell what you did.",
            "Say \"I\" for your own steps (\"I wrote the parser, I set up the tests\") and keep "
            "\"we\" for what the team did.", "action"))
    star_words = sum(parts[p] for p in STAR)
    setup = parts["situation"] + parts["task"]
    if parts["action"] and star_words >= 40 and setup / star_words > SETUP_SHARE:
        share = round(100 * setup / star_words)
        findings.append(Finding(
            "setup-heavy", f"Situation and task take {share}% of the {noun} "
            f"(aim for under {round(SETUP_SHARE * 100)}%); the action should carry it.",
            "Cut the background to two or three sentences and spend the time on what you did "
            "and why."))
    low, high = window or TARGET_SECONDS
    if words and seconds > high:
        findings.append(Finding(
            "too-long", f"About {clock(seconds)} to tell ({words} words); the target is "
            f"{clock(low)}-{clock(high)}.",
            f"Trim to about {high * WORDS_PER_MINUTE // 60} words: drop side details and keep "
            "one clear thread."))
    elif words and seconds < low:
        findings.append(Finding(
            "too-short", f"About {clock(seconds)} to tell ({words} words); the target is "
            f"{clock(low)}-{clock(high)}.",
            f"Grow it toward {low * WORDS_PER_MINUTE // 60}-{high * WORDS_PER_MINUTE // 60} "
            "words: add the steps you took, a decision you made and its effect."))
    total_fillers = sum(fillers.values())
    if total_fillers >= 2:
        listed = ", ".join(f"{k} ×{v}" if v > 1 else k for k, v in fillers.items())
        findings.append(Finding(
            "fillers", f"{_plural(total_fillers, 'filler or hedge word')}: {listed}.",
            "Delete them and state things plainly: \"I decided\", not \"I kind of thought "
            "maybe\"."))
    if not learned_stated:
        findings.append(Finding(
            "no-learning", "What you learned is not stated.",
            "End with one sentence on what you took away or would do differently "
            "(\"Since then I always…\").", "learned"))

    score = max(0, min(100, 100 - sum(WEIGHTS.get(f.code, 5) for f in findings)))
    if not words:
        score = 0
    return Analysis(words, seconds, score, findings, parts, metric, i_count, we_count, fillers)


_MISSING_HELP = {
    "situation": "Open with one or two sentences of context: where, when, who, and what was "
                 "at stake.",
    "task": "Say what you specifically had to do or solve, and why it was hard.",
    "action": "Describe the steps you took, in the first person: what you did, how, and why "
              "you chose it.",
    "result": "Say how it ended, with a number if you can: what changed, for whom, by how much.",
}


def _missing(part: str, noun: str) -> Finding:
    what = "story" if noun == "story" else "answer"
    return Finding(f"missing-{part}", f"The {what} has no {part}.", _MISSING_HELP[part], part)


def _short(part: str, words: int) -> Finding:
    return Finding(
        f"short-{part}",
        f"The {part} is only {_plural(words, 'word')} (at least {SHORT_WORDS[part]} expected).",
        _MISSING_HELP[part], part)


# --- answers: finding STAR parts by cue phrases --------------------------------------

_CUES = {
    "situation": r"\b(?:when i was|during|at my|as an? |for my|last (?:summer|year|semester)|"
                 r"in my|the situation|background|context|there was|i was working)\b",
    "task": r"\b(?:my (?:task|role|job|goal|responsibility)|i was (?:responsible|asked|tasked|"
            r"in charge|meant to|supposed to|the (?:only|one|person))|responsible for|"
            r"i (?:needed|had|wanted) to|the goal|the challenge|the problem was|i owned|"
            r"it was my|we (?:needed|had) to|objective|asked me to|in charge|not assigned|"
            r"nobody (?:had )?(?:asked|was)|i offered to|i had \w+ (?:days|weeks|hours)|"
            r"my first instinct)\b",
    "action": r"\b(?:so (?:i|we)|i decided|what i did|(?:first|then|next|afterwards|after that),? "
              r"(?:i|we))\b",
    "result": r"\b(?:as a result|in the end|the result|the outcome|ended up|this led|which led|"
              r"by the end|(?:we|i|it|this|that|they) (?:reduced|increased|improved|saved|cut|"
              r"shipped|launched|delivered|won|finished|completed|dropped|grew|halved|doubled|"
              r"integrated)|\bwon\b|"
              r"(?:went|dropped|fell|rose|grew) (?:from|to|by)|approved|adopted|rolled out|"
              r"(?:was|were) (?:restored|fixed|accepted|merged|released)|scored|"
              r"from [$€£]?\d[\d.,]*%? to [$€£]?\d)\b",
    "learned": r"\b(?:i learn(?:ed|t)|lessons?|taught me|next time|in hindsight|looking back|"
               r"since then|i now|i would (?:now|do)|takeaway|i realized|i always|"
               r"i make sure|i try to|i learn)\b",
}
# Once the result is told, a general statement in the present tense is the lesson.
_LESSON = (r"\b(?:is|are) (?:often|mostly|usually|probably|about)\b|\bmeans\b|\bmakes it\b|"
           r"\bincludes\b|^(?:if|when) ")
# A sentence that opens with "I" and a past-tense verb tells what you did.
_DID = (r"^(?:(?:then|so|first|next|afterwards|later|also|finally|eventually),?\s+)?"
        r"i\s+(?:also\s+|then\s+|quickly\s+|first\s+)?(?:\w+ed|built|wrote|ran|made|met|took|"
        r"sent|led|set|spent|went|chose|found|got|gave|brought|began|kept|held|drew|put|told|"
        r"taught|sat|stopped|dug|rewrote|split|broke)\b")
_CUE_RE = {part: _Lazy(pattern, re.I) for part, pattern in _CUES.items()}
_DID_RE = _Lazy(_DID, re.I)
_LESSON_RE = _Lazy(_LESSON, re.I)
_ORDER = ("learned", "result", "task", "action")


def _cue(sentence: str, first: bool, told: bool) -> int | None:
    """The part a sentence's cue points to (an index into PARTS), or None."""
    if told and _LESSON_RE.search(sentence):
        return PARTS.index("learned")
    if first and _CUE_RE["situation"].search(sentence):
        return 0
    for part in _ORDER:
        if part == "action" and first:
            break  # an answer's opening sentence is context unless it says otherwise
        if _CUE_RE[part].search(sentence):
            return PARTS.index(part)
    if not first and _DID_RE.match(sentence):
        return PARTS.index("action")
    if _CUE_RE["situation"].search(sentence):
        return 0
    return None


def split_answer(text: str) -> dict[str, str]:
    """Assign each sentence of an answer to a STAR part by its cue phrases.

    A sentence with a cue moves the answer forward to that part (never back); a
    sentence without one stays in the current part; the answer opens in the
    situation.
    """
    chunks: dict[str, list[str]] = {p: [] for p in PARTS}
    current = 0
    result = PARTS.index("result")
    for n, sentence in enumerate(s.strip() for s in _SENTENCE.split(text or "")):
        if not sentence:
            continue
        cued = _cue(sentence, first=n == 0 or not any(chunks.values()), told=current >= result)
        if cued is not None:
            current = max(current, cued)
        chunks[PARTS[current]].append(sentence)
    return {p: " ".join(chunks[p]) for p in PARTS}
