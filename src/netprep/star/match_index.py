"""The matcher's text model of a library, and what it has read, kept between runs.

`Index` holds a BM25 model over labelled documents (competency descriptions with a
few cue words, STAR templates and their examples, the story-round questions) and
memos of what was read from question and story texts. It converts to and from JSON
(`to_dict`, `from_dict`), so `star.match_cache` can keep it in the data dir: the
regular expressions and the tokenizer then run only for text never seen before.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from netprep.star import concepts as cue
from netprep.star import intents as intent
from netprep.star import polarity as pol
from netprep.star.matchtext import BM25, tokens

MATCHER_VERSION = 11  # bump when the model or the cues change: cached indexes are rebuilt
RANK_WEIGHTS = (1.0, 0.6, 0.4)
STORY_ROUNDS = ("behavioral", "culture", "role")
MAX_MEMO = 400
# A few words per built-in competency that interviewers use and the pack's prose may not.
CUES = {
    "conflict": "disagree disagreement argue argument conflict clash tension friction push back "
                "pushed back opposed debate saw it differently difficult teammate",
    "failure": "failure failed mistake error broke wrong setback regret missed fell short "
               "went wrong lesson learned",
    "leadership": "lead led leader team coordinate organise direction rally mentor authority "
                  "report to you",
    "ownership": "ownership responsible responsibility accountable owned end to end "
                 "fell through the cracks",
    "ambiguity": "ambiguous vague unclear uncertain undefined requirements assumptions "
                 "no instructions define the goal",
    "collaboration": "team teammate together cooperate colleague cross-functional group "
                     "partner remote time zone",
    "feedback": "feedback criticism criticised critique review reviewer comments honest "
                "candid pull request",
    "impact": "impact improved faster efficient reduced increased measured numbers results "
              "performance saved",
    "learning": "learn learned new technology language quickly picked up taught myself "
                "unfamiliar codebase get up to speed",
    "prioritisation": "prioritise priorities competing deadlines trade-off juggle urgent "
                      "important cut scope say no",
    "communication": "explain present persuade convince buy-in audience non-technical "
                     "writing sceptical idea",
    "initiative": "initiative unasked proactive volunteered started improved on my own "
                  "nobody asked",
    "perseverance": "persevere persist give up kept going hard problem stuck obstacle "
                    "resilience setback",
    "customer-focus": "customer user users client needs feedback from users interviews "
                      "experience above and beyond",
}


class Guide(NamedTuple):
    """A STAR template's title and guiding questions, as kept in the cache file."""

    title: str
    parts: dict[str, tuple[str, ...]]

    def guide(self, part: str) -> tuple[str, ...]:
        return self.parts.get(part, ())


GUIDE_PARTS = ("situation", "task", "action", "result", "learned")


class QuestionFacts(NamedTuple):
    """What the cue phrases read in a question's text."""

    polarity: str | None
    motivation: bool
    concepts: frozenset[str]
    intents: frozenset[str] = frozenset()  # see star.intents


class Profile(NamedTuple):
    """What the matcher reads in a story's text (its tags are kept apart)."""

    words: frozenset[str]
    signals: frozenset[str]
    inferred: dict[str, float]  # competency -> how strongly the text shows it (0-1)
    concepts: frozenset[str]
    vector: dict[int, float]  # see Index.vector
    intents: frozenset[str] = frozenset()  # see star.intents


def normal(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split()).rstrip(" ?.!")


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:20]


class Index:
    def __init__(self, bm25: BM25, labels: list[dict[str, float]], names: dict[str, str],
                 bank: dict[str, tuple[str, ...]], key: str = ""):
        self.bm25 = bm25
        self.labels = labels  # per document: competency -> weight
        self.names = names  # competency id -> name, in content order
        self.bank = bank  # normalised question text -> its competencies
        self.key = key  # what it was built from (see library_key)
        self.files = ""  # the default packs' files it was built from, when known (match_cache)
        self.templates: dict[str, Any] = {}
        self.questions: dict[str, QuestionFacts] = {}
        self.profiles: dict[str, Profile] = {}
        self.dirty = False  # memos grew since it was loaded

    # --- reading texts ---------------------------------------------------------------

    def infer(self, words: Sequence[str], boost: Mapping[str, float] | None = None,
              sharpen: bool = False) -> dict[str, float]:
        """Competency id -> strength (the best is 1.0); empty when nothing matches.
        `sharpen` (for long texts, which touch every competency) keeps only those that
        stand out above the median competency."""
        totals: dict[str, list[float]] = {}
        for doc, score in self.bm25.scores(words).items():
            for competency, weight in self.labels[doc].items():
                totals.setdefault(competency, []).append(score * weight)
        strength = {c: sum(sorted(v, reverse=True)[:3]) for c, v in totals.items()}
        if boost:
            top = max(strength.values(), default=1.0)
            for competency, share in boost.items():
                if competency in self.names:
                    strength[competency] = strength.get(competency, 0.0) + share * top
        top = max(strength.values(), default=0.0)
        if top <= 0:
            return {}
        if not sharpen:
            return {c: s / top for c, s in strength.items()}
        values = sorted(strength.get(c, 0.0) for c in self.names)
        floor = values[len(values) // 2] if values else 0.0
        if top <= floor:
            return {}
        return {c: (s - floor) / (top - floor) for c, s in strength.items() if s > floor}

    def vector(self, words: Sequence[str]) -> dict[int, float]:
        """The text as its BM25 scores against every document, scaled to unit length:
        two texts near the same built-in questions and templates are alike."""
        scores = self.bm25.scores(words)
        norm = math.sqrt(sum(v * v for v in scores.values())) or 1.0
        return {d: round(v / norm, 4) for d, v in scores.items()}

    def question(self, text: str) -> QuestionFacts:
        key = normal(text)
        found = self.questions.get(key)
        if found is None:
            found = QuestionFacts(pol.question_polarity(text), pol.is_motivation(text),
                                  cue.concepts(text), intent.asks(text))
            self._remember(self.questions, key, found)
        return found

    def profile(self, text: str) -> Profile:
        key = text_key(text)
        found = self.profiles.get(key)
        if found is None:
            words = tokens(text)
            found = Profile(frozenset(words), pol.story_signals(text),
                            self.infer(words, sharpen=True), cue.concepts(text),
                            self.vector(words), intent.shows(text))
            self._remember(self.profiles, key, found)
        return found

    def _remember(self, memo: dict[str, Any], key: str, value: Any) -> None:
        if len(memo) >= MAX_MEMO:
            memo.pop(next(iter(memo)))
        memo[key] = value
        self.dirty = True

    # --- JSON ------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": MATCHER_VERSION, "key": self.key, "files": self.files,
            "bm25": self.bm25.to_dict(),
            "guides": {c: {"title": t.title, "parts": {p: list(t.guide(p)) for p in GUIDE_PARTS}}
                       for c, t in self.templates.items()},
            "labels": self.labels, "names": self.names,
            "bank": {k: list(v) for k, v in self.bank.items()},
            "questions": {k: [q.polarity, q.motivation, sorted(q.concepts), sorted(q.intents)]
                          for k, q in self.questions.items()},
            "profiles": {k: {"words": sorted(p.words), "signals": sorted(p.signals),
                             "inferred": {c: round(v, 4) for c, v in p.inferred.items()},
                             "concepts": sorted(p.concepts),
                             "vector": {str(d): v for d, v in p.vector.items()},
                             "intents": sorted(p.intents)}
                         for k, p in self.profiles.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Index:
        """Raises KeyError, TypeError or ValueError for anything malformed."""
        if data.get("version") != MATCHER_VERSION:
            raise ValueError("another matcher version")
        index = cls(BM25.from_dict(data["bm25"]),
                    [{str(c): float(w) for c, w in d.items()} for d in data["labels"]],
                    {str(k): str(v) for k, v in data["names"].items()},
                    {str(k): tuple(v) for k, v in data["bank"].items()}, str(data["key"]))
        index.files = str(data.get("files") or "")
        index.templates = {str(c): Guide(str(g["title"]),
                                         {str(p): tuple(q) for p, q in g["parts"].items()})
                           for c, g in data["guides"].items()}
        for k, (polarity, motivation, found, asked) in data["questions"].items():
            index.questions[k] = QuestionFacts(polarity, bool(motivation), frozenset(found),
                                               frozenset(asked))
        for k, p in data["profiles"].items():
            index.profiles[k] = Profile(
                frozenset(p["words"]), frozenset(p["signals"]),
                {str(c): float(v) for c, v in p["inferred"].items()},
                frozenset(p["concepts"]), {int(d): float(v) for d, v in p["vector"].items()},
                frozenset(p["intents"]))
        return index


def library_key(library: Any) -> str:
    """A digest of everything the index is built from (and the matcher's version)."""
    parts = [MATCHER_VERSION, list(library.competencies.values()),
             sorted(library.templates.items()),
             [q for q in library.questions if q.round in STORY_ROUNDS]]
    raw = json.dumps(parts, default=str, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def build_index(library: Any, key: str | None = None) -> Index:
    """Index the library's competencies, templates and story-round questions."""
    names = {c.id: c.name for c in library.competencies.values()}
    docs: list[list[str]] = []
    labels: list[dict[str, float]] = []
    for comp in library.competencies.values():
        docs.append(tokens(f"{comp.name} {comp.description} {CUES.get(comp.id, '')}"))
        labels.append({comp.id: 1.0})
    for comp_id, template in library.templates.items():
        guide = " ".join(q for part in ("situation", "task", "action", "result", "learned")
                         for q in template.guide(part))
        docs.append(tokens(f"{template.title} {guide} {' '.join(template.pitfalls)}"))
        labels.append({comp_id: 1.0})
        example = " ".join(str(v) for v in (template.example or {}).values())
        if example:
            docs.append(tokens(example))
            labels.append({comp_id: 0.5})
    bank: dict[str, tuple[str, ...]] = {}
    # Motivation questions want no story, and role questions with key points (the track
    # questions) ask for knowledge, not a story: neither goes into the index.
    story_questions = [q for q in library.questions
                       if q.round in STORY_ROUNDS and q.competencies
                       and q.kind != "motivation" and not q.key_points]
    for question in story_questions:
        bank.setdefault(normal(question.text), tuple(question.competencies))
        docs.append(tokens(f"{question.text} {' '.join(question.follow_ups)}"))
        labels.append({c: w for c, w in zip(question.competencies, RANK_WEIGHTS,
                                             strict=False)})
    index = Index(BM25(docs), labels, names, bank,
                  key if key is not None else library_key(library))
    index.templates = dict(library.templates)
    for question in story_questions:  # read once here, so a round never pays for it
        index.question(question.text)
    return index


_HELD: list[tuple[Any, Index]] = []


def held(library: Any) -> Index | None:
    """The index already built or loaded for this very library object in this process."""
    return next((index for lib, index in _HELD if lib is library), None)


def hold(library: Any, index: Index) -> Index:
    index.templates = dict(library.templates)
    _HELD[:] = [(library, index)]
    return index


def index_for(library: Any) -> Index:
    """The index of this library: held in memory, else built (no files touched)."""
    return held(library) or hold(library, build_index(library))


def forget() -> None:
    """Drop the index held in memory (tests, benchmarks)."""
    _HELD.clear()
