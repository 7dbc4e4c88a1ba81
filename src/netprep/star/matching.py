"""Which of your stories answers this question? Pure logic, no I/O.

A question is read into ranked competencies (its tags, or for an untagged
question a BM25 model over the competency descriptions, the STAR templates and
the built-in questions) and a polarity (see `star.polarity`). Each story gets a
fit from 0 to 1: its tags (or, untagged, its text) against those competencies,
the question's words found in it, whether it shows what the polarity asks for,
and its analysis score. A story that contradicts the polarity is no fit; below
`MIN_FIT` nothing is suggested and the template's guiding questions are shown.

The same question, stories and scores always give the same suggestion; within a
mock round `used` only steers the choice among stories of similar fit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from netprep.star import concepts as cue
from netprep.star import intents as intent
from netprep.star import polarity as pol
from netprep.star import projects
from netprep.star.improve import improvement
from netprep.star.match_index import RANK_WEIGHTS, Index, index_for, normal
from netprep.star.matchtext import surface, tokens

MIN_FIT = 0.4  # below this, "None of your stories fits this question well"
MATCH_FLOOR = 0.45  # a text question's fit floor (before half the fit) for a story whose
# text shows the angle it asks for (an argument lost, an intermittent failure, advice sought)
CLOSE_FIT = 0.3  # a story this close in topic, showing an asked competency and lacking only
# the angle or a constraint the question asks for, is named when none fits, with what to add
INTENT_FLOOR, INTENT_MISS = 0.3, 0.8  # a story showing / not showing what a text question
# asks for (star.intents); a broad theme (learning fast, initiative) only weighs a story
# that lacks it a little less: its cues are too common to make a story a candidate
THEME_MISS = 0.9
CONCEPT_FLOOR = 0.3  # likewise for a story about every concept a text question names
INCIDENTAL = frozenset({"users"})  # most software stories have users: no sign of the topic
SETBACKS = frozenset({"failure", "mistake", "flop"})
SIMILAR = 0.06  # stories within this of the best count as equally good for variety
NONE_FITS = "None of your stories fits this question well"
GAP_ROUNDS = ("behavioral", "culture")  # the rounds whose questions want a story
# The competency a polarity points to, when an untagged question is read from its text.
POLARITY_COMPETENCY = {
    "being-wrong": "conflict", "mistake": "failure", "failure": "failure",
    "persuasion": "communication", "feedback-received": "feedback",
    "feedback-given": "feedback", "feedback-declined": "feedback", "conflict": "conflict",
    "authority": "leadership", "advice": "learning", "intermittent": "perseverance",
    "flop": "failure", "fixed-date": "prioritisation", "missed-deadline": "failure",
}


class StoryLike(Protocol):
    """A `star.model.Story`, or anything with its id, title, tags and (some) parts."""

    id: int | None
    title: str
    tags: tuple[str, ...]


PARTS = ("situation", "task", "action", "result", "learned")


def story_text(story: StoryLike, lesson: bool = True) -> str:
    """The title and every part the story has, as the matcher reads it (without the
    lesson: what the story is about)."""
    parts = (str(getattr(story, part, "") or "") for part in PARTS[:None if lesson else -1])
    return "\n".join([story.title, *(p for p in parts if p.strip())])


class Reading(NamedTuple):
    """What a question asks: ranked competency ids, a polarity, and whether it is a
    motivation / self-pitch question (answered without a story)."""

    text: str
    competencies: tuple[str, ...]
    polarity: str | None
    motivation: bool = False
    source: str = "tags"  # "tags", "bank" (a built-in question with this text), "text"
    weights: tuple[float, ...] = ()  # per competency; by rank when empty
    confidence: float = 1.0  # for a text reading, how much of the question the model knows

    def weighted(self) -> dict[str, float]:
        weights = self.weights or RANK_WEIGHTS
        return {c: w for c, w in zip(self.competencies, weights, strict=False)}


class StoryFit(NamedTuple):
    id: int
    title: str
    fit: float  # 0-1
    matched: tuple[str, ...] = ()  # competencies the story shows
    words: tuple[str, ...] = ()  # question words found in the story
    polarity: str = "neutral"  # "match", "neutral", "weak", "contradicts"
    lacks: tuple[str, ...] = ()  # constraint concepts the question has and the story lacks
    topic: float = 0.0  # the fit before the angle and the constraints count (0-1)

    def brief(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "fit": self.fit}


class Suggestion(NamedTuple):
    reading: Reading
    kind: str  # "story", "close" (a story close in topic), "template" (guiding questions)
    # or "none"
    story: StoryFit | None
    alternatives: tuple[StoryFit, ...]
    reason: str
    template: str | None = None  # competency id of the template whose questions are shown
    guide: tuple[str, ...] = ()  # guiding questions, or talking points for a pitch question
    left_out: tuple[StoryFit, ...] = ()  # stories left out as contradicting the polarity
    closest: StoryFit | None = None  # kind "close": a story close in topic, and what to
    improve: str = ""  # change so it answers the question

    def to_dict(self) -> dict[str, Any]:
        """The `star suggest --json` shape."""
        return {
            "question": self.reading.text,
            "competencies": list(self.reading.competencies),
            "polarity": self.reading.polarity,
            "story": self.story.brief() if self.story else None,
            "alternatives": [a.brief() for a in self.alternatives],
            "reason": self.reason,
            "closest": ({**self.closest.brief(), "improve": self.improve}
                        if self.closest else None),
        }

    def hint(self) -> dict[str, Any]:
        """What a mock question showed, as `history show --json` records it."""
        return {"kind": self.kind, "story_id": self.story.id if self.story else None,
                "template": self.template, "fit": self.story.fit if self.story else None}


def read_question(index: Index, text: str, competencies: Iterable[str] = ()) -> Reading:
    """Competencies (tags first, else the built-in question with this text, else the text
    model) and polarity of a question."""
    text = " ".join(text.split())
    facts = index.question(text)
    polarity, motivation = facts.polarity, facts.motivation
    tags = tuple(dict.fromkeys(competencies))
    if tags:
        return Reading(text, tags, polarity, motivation, "tags")
    if motivation:
        return Reading(text, (), None, True, "text")
    known = index.bank.get(normal(text))
    if known:
        return Reading(text, known, polarity, motivation, "bank")
    boost = {c: 0.3 for c in cue.competencies(facts.concepts)}
    if polarity in POLARITY_COMPETENCY:
        competency = POLARITY_COMPETENCY[polarity]
        boost[competency] = boost.get(competency, 0.0) + 0.6
    words = tokens(text)
    strength = index.infer(words, boost)
    ranked = sorted(strength.items(), key=lambda kv: (-kv[1], kv[0]))
    chosen = [(c, s) for c, s in ranked[:3] if s >= 0.6]
    # How much of the question the model knows: the idf-weighted share of its words seen
    # in the pack (a cue phrase counts as known). Unknown topics weigh competencies less.
    unique = set(words)
    total = sum(index.bm25.weight(t) for t in unique)
    seen = sum(index.bm25.weight(t) for t in unique if t in index.bm25.idf)
    confidence = 1.0 if boost or not total else math.sqrt(seen / total)
    return Reading(text, tuple(c for c, _ in chosen), polarity, motivation, "text",
                   tuple(round(s * w, 3) for (_, s), w in zip(chosen, RANK_WEIGHTS,
                                                                strict=False)),
                   round(confidence, 3))


def rank(index: Index, reading: Reading, stories: Sequence[StoryLike],
         scores: Mapping[int, int] | None = None) -> list[StoryFit]:
    """Every story with its fit to the question, best first (ties: lower id first)."""
    weights = reading.weighted()
    total = sum(weights.values()) or 1.0
    terms = sorted(set(tokens(reading.text)))
    shown_as = surface(reading.text)
    term_weight = {t: index.bm25.weight(t) for t in terms}
    all_weight = sum(term_weight.values()) or 1.0
    qvec = index.vector(terms)
    facts = index.question(reading.text)
    asked = facts.concepts
    wants = facts.intents if reading.source == "text" else frozenset()
    needed = cue.constraints(asked)
    project = projects.asks(reading.text) if reading.source == "text" else None
    profiles = {int(s.id): index.profile(story_text(s)) for s in stories if s.id is not None}
    count = len(profiles) or 1
    # A question word most of the student's stories share ("team", "project") tells them
    # apart less than one only a single story has.
    df = {t: sum(t in p.words for p in profiles.values()) for t in terms}
    bank_w = {t: term_weight[t] * math.log((count + 1) / (df[t] + 0.5)) for t in terms}
    bank_all = sum(bank_w.values()) or 1.0
    fits = []
    for story in stories:
        if story.id is None:
            continue
        text = story_text(story)
        profile = profiles[int(story.id)]
        tagged = [c for c in reading.competencies if c in story.tags]
        by_tags = sum(weights[c] for c in tagged) / total
        by_text = sum(w * profile.inferred.get(c, 0.0) for c, w in weights.items()) / total
        comp = max(by_tags, (0.6 if story.tags else 0.8) * by_text)
        shown = tuple(tagged) or tuple(c for c in reading.competencies
                                       if profile.inferred.get(c, 0.0) >= 0.5)
        words = tuple(t for t in terms if t in profile.words)
        lexical = sum(term_weight[t] for t in words) / all_weight
        shared = asked & profile.concepts
        near = sum(v * profile.vector.get(d, 0.0) for d, v in qvec.items())
        by_concepts = len(shared) / len(asked) if asked else lexical
        bank_lex = sum(bank_w[t] for t in words) / bank_all
        content = 0.3 * lexical + 0.3 * by_concepts + 0.4 * near + 0.3 * bank_lex
        fit = (0.6 * comp * reading.confidence + 0.4 * content if reading.competencies
               else 0.8 * content)
        # A question word in the story's title: the title says what the story is about.
        title = set(tokens(story.title))
        fit += 0.2 * sum(bank_w[t] for t in terms if t in title) / bank_all
        if project is not None:
            # A project question is answered by the stories about a project, ranked by what
            # the question stresses; a flop or a mistake is not what "proud" or "most
            # interesting" asks for, unless the question asks for the angle.
            told = projects.fit(project, text)
            if told and reading.polarity is None and profile.signals & SETBACKS:
                told -= 0.12
            fit = told + 0.15 * fit if told else 0.7 * fit
        if (asked - INCIDENTAL and shared == asked and reading.source == "text"
                and _about(story, asked, needed)):
            fit = max(fit, CONCEPT_FLOOR + 0.5 * fit)
        if wants:
            # What the question asks a story to show (star.intents): a story that shows
            # it is a candidate whatever its competency reading; one that shows none of
            # it is not the story the question is after.
            angle, theme = wants - intent.THEMES, wants & intent.THEMES
            if angle:
                share = len(angle & profile.intents) / len(angle)
                if share >= 0.5:
                    fit = max(fit, INTENT_FLOOR + 0.2 * share + 0.3 * fit)
                else:
                    fit *= INTENT_MISS
            if theme and len(theme & profile.intents) < 0.5 * len(theme):
                fit *= THEME_MISS
        topic = fit
        verdict = pol.polarity_fit(reading.polarity, profile.signals)
        if verdict == "match" and (pol.is_required(reading.polarity) or (
                reading.polarity == "conflict" and not pol.names_superior(reading.text))) and (
                reading.source == "text" or not story.tags):
            fit = min(1.0, max(fit + 0.1, MATCH_FLOOR + 0.5 * fit))
        elif verdict == "match":
            fit = min(1.0, fit + 0.1)
        elif verdict == "weak":
            fit *= 0.5
        elif verdict == "contradicts":
            fit = 0.0
        # A story that shows the deadline the question's angle asks for has that deadline.
        have = profile.concepts | ({"deadline"} if "deadline" in profile.signals else set())
        lacks = tuple(sorted(needed - have))
        for _ in lacks:
            fit *= 0.55
        score = (scores or {}).get(int(story.id))
        fit *= 0.85 + 0.15 * ((score if score is not None else 70) / 100)
        fits.append(StoryFit(int(story.id), story.title, round(fit, 3), shown,
                             tuple(shown_as.get(t, t) for t in words if t in shown_as),
                             verdict, lacks, round(topic, 3)))
    fits.sort(key=lambda f: (-f.fit, f.id))
    return fits


def _about(story: StoryLike, asked: frozenset[str], needed: frozenset[str]) -> bool:
    """Whether the story is about what the question names: its concepts in the story
    before the lesson, and a constraint (users, a deadline, money) in its setup."""
    if not asked <= _concepts(story_text(story, lesson=False)):
        return False
    setup = " ".join(str(getattr(story, p, "") or "") for p in ("situation", "task"))
    return needed <= _concepts(f"{story.title} {setup}")


@lru_cache(maxsize=256)
def _concepts(text: str) -> frozenset[str]:
    return cue.concepts(text)


def suggest(library: Any, text: str, stories: Sequence[StoryLike], *,
            competencies: Iterable[str] = (), scores: Mapping[int, int] | None = None,
            used: Iterable[int] = (), talking_points: Sequence[str] = ()) -> Suggestion:
    """The best story for a question (or why none), with up to two alternatives."""
    tags = tuple(dict.fromkeys(competencies))
    if not stories and tags:  # nothing to rank: the text model is not even loaded
        quick = Reading(" ".join(text.split()), tags, None, pol.is_motivation(text), "tags")
        if quick.motivation:
            return _motivation(quick, talking_points)
        names = {c.id: c.name for c in library.competencies.values()}
        return _nothing(library.templates, names, quick, [], ())
    return suggest_in(index_for(library), text, stories, competencies=tags, scores=scores,
                      used=used, talking_points=talking_points)


def suggest_in(index: Index, text: str, stories: Sequence[StoryLike], *,
               competencies: Iterable[str] = (), scores: Mapping[int, int] | None = None,
               used: Iterable[int] = (), talking_points: Sequence[str] = ()) -> Suggestion:
    """`suggest` over an index already at hand (`star suggest` reads it from its cache
    file without loading the content library)."""
    reading = read_question(index, text, competencies)
    if reading.motivation:
        return _motivation(reading, talking_points)
    ranked = rank(index, reading, stories, scores)
    fitting = [f for f in ranked if f.fit >= MIN_FIT]
    left_out = tuple(f for f in ranked if f.polarity == "contradicts")
    if not fitting:
        return _nothing(index.templates, index.names, reading, ranked, left_out)
    used_ids = set(used)
    best = fitting[0]
    for candidate in fitting:
        if candidate.fit < best.fit - SIMILAR:
            break
        if candidate.id not in used_ids:
            best = candidate
            break
    alternatives = tuple(f for f in fitting if f.id != best.id)[:2]
    return Suggestion(reading, "story", best, alternatives,
                      _why(index, reading, best, left_out), left_out=left_out)


def unanswered(library: Any, stories: Sequence[StoryLike],
               scores: Mapping[int, int] | None = None) -> list[Any]:
    """The library's behavioral and culture questions that no story fits (its gaps);
    motivation questions, which want no story, are not gaps."""
    gaps = []
    for question in library.questions:
        if question.round not in GAP_ROUNDS or question.kind == "motivation":
            continue
        found = suggest(library, question.text, stories, competencies=question.competencies,
                        scores=scores)
        if found.story is None and not found.reading.motivation:
            gaps.append(question)
    return gaps


def for_motivation(text: str, competencies: Iterable[str],
                   talking_points: Sequence[str]) -> Suggestion:
    """A question the pack marks as motivation (kind: motivation) wants no story,
    however its words read: the talking points instead."""
    reading = Reading(" ".join(text.split()), tuple(competencies), None, True, "tags")
    return _motivation(reading, talking_points)


def _motivation(reading: Reading, talking_points: Sequence[str]) -> Suggestion:
    if talking_points:
        reason = ("A motivation question: answer with your own reasons, not a story; your "
                  "talking points (from `netprep resume pitch`) follow.")
    else:
        reason = ("A motivation question: answer with your own reasons (why this company, "
                  "why you), not a story. `netprep resume pitch` builds your talking points.")
    return Suggestion(reading, "none", None, (), reason, guide=tuple(talking_points))


def _nothing(templates: Mapping[str, Any], names: Mapping[str, str], reading: Reading,
             ranked: list[StoryFit], left_out: tuple[StoryFit, ...]) -> Suggestion:
    template = next((c for c in reading.competencies if c in templates), None)
    guide: tuple[str, ...] = ()
    if template is not None:
        found = templates[template]
        guide = tuple(f"{part.capitalize()}: {found.guide(part)[0]}"
                      for part in ("situation", "task", "action", "result")
                      if found.guide(part))
    reason = f"{NONE_FITS}." if ranked else f"{NONE_FITS}: you have no stories yet."
    closest = next((f for f in ranked if f.polarity != "contradicts"), None)
    near = max((f for f in ranked if (f.polarity == "weak" or f.lacks) and f.matched),
               key=lambda f: (f.topic, -f.id), default=None)
    if near is not None and near.topic >= CLOSE_FIT:
        closest = near
        improve = improvement(reading.polarity, closest)
        reason += (f" '{closest.title}' is close in topic but does not answer it yet. "
                   f"{improve}" + _left_out_note(reading, left_out))
        return Suggestion(reading, "close", None, (), reason, template, guide, left_out,
                          closest, improve)
    if closest is not None and closest.fit > 0:
        reason += f" The closest, '{closest.title}', fits {closest.fit:.2f} of 1."
    reason += _left_out_note(reading, left_out)
    if template is not None:
        reason += (f" Write one with the {names.get(template, template).lower()} template's "
                   "questions.")
    return Suggestion(reading, "template" if template else "none", None, (), reason,
                      template, guide, left_out)


def _why(index: Index, reading: Reading, best: StoryFit,
         left_out: tuple[StoryFit, ...]) -> str:
    asks = ", ".join(_name(index, c) for c in reading.competencies) or "no known competency"
    parts = [f"The question asks about {asks}"
             + (f" ({reading.polarity.replace('-', ' ')})" if reading.polarity else "")]
    if best.matched:
        parts.append(f"'{best.title}' shows " + ", ".join(_name(index, c) for c in best.matched))
    if best.polarity == "match" and reading.polarity:
        parts.append(f"its text shows {reading.polarity.replace('-', ' ')}")
    if best.words:
        parts.append("shared words: " + ", ".join(best.words[:5]))
    return "; ".join(parts) + "." + _left_out_note(reading, left_out)


def _left_out_note(reading: Reading, left_out: tuple[StoryFit, ...]) -> str:
    if not left_out or not reading.polarity:
        return ""
    titles = ", ".join(f"'{f.title}'" for f in left_out[:2])
    return (f" Left out {titles}: it shows the opposite of "
            f"{reading.polarity.replace('-', ' ')}.")


def _name(index: Index, competency: str) -> str:
    return index.names.get(competency, competency).lower()
