"""Typed content, as loaded and validated from a pack's YAML.

Records are immutable NamedTuples rather than frozen dataclasses: defining a
frozen dataclass costs about a millisecond at import, and these are imported
before the first prompt of every interactive command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

ROUNDS = ("behavioral", "culture", "role", "technical")
# A question's kind says what it asks for; it defaults to its round. Motivation
# questions ("why us?") are asked in a behavioral round, system-design questions
# in a technical or role round.
KINDS = ("behavioral", "culture", "role", "technical", "motivation", "system-design")
KIND_ROUNDS = {
    "behavioral": ("behavioral",),
    "culture": ("culture",),
    "role": ("role",),
    "technical": ("technical",),
    "motivation": ("behavioral", "culture"),
    "system-design": ("technical", "role"),
}
LEVELS = ("easy", "medium", "hard")
# Short screens a question is asked in (`mock --round screen`): set on behavioral files.
SCREENS = ("recruiter", "hiring-manager")
# The built-in pack's topics.yaml names these and more; kept for older callers.
TOPICS = (
    "arrays-strings",
    "hash-tables",
    "linked-lists",
    "stacks-queues",
    "trees-graphs",
    "heaps",
    "sorting-searching",
    "recursion-dp",
    "complexity",
)
STAR_PARTS = ("situation", "task", "action", "result")


class Pack(NamedTuple):
    id: str
    name: str
    description: str
    version: str
    path: Path
    source: str  # "builtin" or "user"
    # Which culture memo the pack's themes teach: {"title", "version", "published"}.
    memo: dict[str, str] | None = None
    # The memo's sections as (id, title) pairs, in the memo's order (pack.yaml memo.sections).
    memo_sections: tuple[tuple[str, str], ...] = ()


class Track(NamedTuple):
    """A role family (backend, frontend, ...) that role and technical questions belong to."""

    id: str
    name: str
    description: str
    pack: str


class Topic(NamedTuple):
    """A subject of technical questions (hash-tables, sql, concurrency, ...)."""

    id: str
    name: str
    pack: str


class Competency(NamedTuple):
    id: str
    name: str
    description: str
    pack: str


class QuizItem(NamedTuple):
    id: str
    kind: str
    question: str
    choices: tuple[str, ...]
    answer: int  # 1-based
    explanation: str
    theme: str
    pack: str

    @property
    def key(self) -> str:
        """The item's id across packs, as stored with its reviews."""
        return f"{self.pack}:{self.id}"

    @property
    def correct_choice(self) -> str:
        return self.choices[self.answer - 1]


class Reflection(NamedTuple):
    id: str
    prompt: str
    theme: str
    pack: str


class Theme(NamedTuple):
    id: str
    title: str
    summary: str
    key_ideas: tuple[str, ...]
    quiz: tuple[QuizItem, ...]
    reflections: tuple[Reflection, ...]
    pack: str
    order: int = 500  # listing order within the pack (the memo's order for the built-in)
    # The memo sections the theme teaches, as (id, title) pairs from its pack's memo.
    memo_sections: tuple[tuple[str, str], ...] = ()


class Question(NamedTuple):
    id: str
    round: str
    text: str
    seconds: int
    pack: str
    competencies: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    topic: str | None = None
    follow_ups: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    clarifications: tuple[dict[str, Any], ...] = ()  # as in Exercise
    # One of KINDS; the loader always sets it (from the file, else the round).
    kind: str = ""
    tracks: tuple[str, ...] = ()  # empty: the question suits every track
    level: str | None = None  # one of LEVELS, when the author gave one
    talking_points: tuple[str, ...] = ()  # fill-in templates for motivation answers
    screen: str | None = None  # one of SCREENS: asked in a recruiter or hiring-manager screen
    # An estimation question's reference (`mock --round estimate`, built from design
    # rounds, never written in a question file): {"answer", "low", "high", "unit", "method"}.
    estimate: dict[str, Any] | None = None
    # A problem to solve out loud (`coach.habits`: approach, complexity, a test case), and
    # the reasoned challenges an interviewer may put to the answer.
    problem: bool = False
    challenges: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.pack}:{self.id}"


class Template(NamedTuple):
    competency: str
    title: str
    situation: tuple[str, ...]
    task: tuple[str, ...]
    action: tuple[str, ...]
    result: tuple[str, ...]
    learned: tuple[str, ...]
    pitfalls: tuple[str, ...]
    example: dict[str, str]
    pack: str

    def guide(self, part: str) -> tuple[str, ...]:
        return tuple(getattr(self, part))


class Tip(NamedTuple):
    title: str
    text: str
    practice: str = ""  # a prompt to practise the tip with (write the note, say the line)


class TipSection(NamedTuple):
    id: str
    title: str
    items: tuple[Tip, ...]
    pack: str


class Exercise(NamedTuple):
    id: str
    title: str
    difficulty: str
    topics: tuple[str, ...]
    minutes: int
    statement: str
    function: str
    signature: dict[str, str]
    examples: tuple[dict[str, Any], ...]
    tests: tuple[dict[str, Any], ...]
    compare: str
    hints: tuple[str, ...]
    solution: dict[str, str]
    pack: str
    adapter: str | None = None
    # The interviewer's answers to clarifying questions: {"id", "question", "answer", "key"}.
    clarifications: tuple[dict[str, Any], ...] = ()
    # How the reference solution works: {"approach", "time", "space"}.
    explanation: dict[str, str] | None = None
    # The interviewer's graded nudges (gentlest first) and the challenges it can raise after
    # the drill; every built-in exercise has them (a user pack's may not).
    nudges: tuple[str, ...] = ()
    feedback: tuple[str, ...] = ()


class Language(NamedTuple):
    id: str
    name: str
    command: tuple[str, ...]
    suffix: str
    starter: str
    harness: str
    pack: str
    build: tuple[str, ...] = ()  # compiles the harness once (cached); empty: none needed


class Brief(NamedTuple):
    """A take-home assignment (see `content.briefs`)."""

    id: str
    title: str
    track: str
    hours: int
    languages: tuple[str, ...]
    summary: str
    brief: str
    requirements: tuple[dict[str, str], ...]  # {"id", "title"}
    constraints: tuple[str, ...]
    reviewers_look_for: tuple[str, ...]
    rubric: tuple[dict[str, str], ...]  # {"area", "look_for"}
    follow_ups: tuple[str, ...]
    run: str  # how the reference is run, for the README check
    scaffold: dict[str, str]
    acceptance: dict[str, str]  # {"language", "code"}
    reference: dict[str, str]
    pack: str


class Probe(NamedTuple):
    id: str
    angle: str
    text: str  # holds `{title}`, replaced by the entry's title
    follow_up: str
    kinds: tuple[str, ...]
    seconds: int
    pack: str


# The rounds a rubric is written for (`rubrics.yaml`): shown in that round's briefing.
RUBRIC_ROUNDS = ("coding", "design", "behavioral")


class RubricArea(NamedTuple):
    id: str
    name: str
    strong: str  # what a strong answer shows
    weak: str  # what costs marks


class Rubric(NamedTuple):
    """What a round is scored on, area by area, and the habits that earn the marks."""

    round: str  # one of RUBRIC_ROUNDS
    title: str
    summary: str
    areas: tuple[RubricArea, ...]
    habits: tuple[str, ...]
    pack: str


# A design round's phases, in the order they are run (`design/<id>.yaml`).
DESIGN_PHASES = ("requirements", "estimates", "high-level", "deep-dive", "trade-offs")
DESIGN_MINUTES = 45


class DesignPhase(NamedTuple):
    phase: str  # one of DESIGN_PHASES
    minutes: int
    ask: str  # what the interviewer says to open the phase
    key_points: tuple[str, ...]
    follow_ups: tuple[str, ...] = ()
    clarifications: tuple[dict[str, Any], ...] = ()  # as in Question


class DesignRound(NamedTuple):
    """A full 45-minute design round sized for interns, run phase by phase."""

    id: str
    title: str
    prompt: str
    tracks: tuple[str, ...]
    level: str
    phases: tuple[DesignPhase, ...]
    # Estimation practice: {"id", "question", "answer", "low", "high", "unit", "method"}.
    estimates: tuple[dict[str, Any], ...]
    pack: str


class AskQuestion(NamedTuple):
    """A good question for the candidate to ask the interviewer."""

    id: str
    theme: str
    text: str
    why: str
    pack: str


@dataclass
class Library:
    """Everything loaded from the built-in pack and the user's packs, in load order."""

    packs: list[Pack] = field(default_factory=list)
    competencies: dict[str, Competency] = field(default_factory=dict)
    themes: list[Theme] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    templates: dict[str, Template] = field(default_factory=dict)
    tips: list[TipSection] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    languages: dict[str, Language] = field(default_factory=dict)
    briefs: list[Brief] = field(default_factory=list)
    probes: list[Probe] = field(default_factory=list)
    asking: list[AskQuestion] = field(default_factory=list)
    tracks: dict[str, Track] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    rubrics: dict[str, Rubric] = field(default_factory=dict)  # by round
    designs: list[DesignRound] = field(default_factory=list)
    # Ids declared by records that had errors ("themes" -> {...}): references to
    # them are not reported again as unknown. Never cached (a broken load is not).
    broken_ids: dict[str, set[str]] = field(default_factory=dict)

    def only(self, pack_id: str) -> Library:
        """The same library restricted to one pack (competencies stay shared)."""
        return Library(
            packs=[p for p in self.packs if p.id == pack_id],
            competencies=self.competencies,
            themes=[t for t in self.themes if t.pack == pack_id],
            questions=[q for q in self.questions if q.pack == pack_id],
            templates=self.templates,
            tips=[t for t in self.tips if t.pack == pack_id],
            exercises=[e for e in self.exercises if e.pack == pack_id],
            languages=self.languages,
            briefs=[b for b in self.briefs if b.pack == pack_id],
            probes=[p for p in self.probes if p.pack == pack_id],
            asking=[q for q in self.asking if q.pack == pack_id],
            tracks=self.tracks,
            topics=self.topics,
            rubrics=self.rubrics,
            designs=[d for d in self.designs if d.pack == pack_id],
        )

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def quiz_items(self) -> list[QuizItem]:
        return [item for theme in self.themes for item in theme.quiz]

    def questions_of(self, round_: str) -> list[Question]:
        return [q for q in self.questions if q.round == round_]

    def brief(self, brief_id: str) -> Brief | None:
        return next((b for b in self.briefs if b.id == brief_id), None)
    def questions_of_kind(self, kind: str) -> list[Question]:
        return [q for q in self.questions if q.kind == kind]

    def memo(self) -> dict[str, str] | None:
        """The culture memo the loaded themes teach (the first pack that names one)."""
        return next((p.memo for p in self.packs if p.memo), None)

    def design(self, design_id: str) -> DesignRound | None:
        return next((d for d in self.designs if d.id == design_id), None)

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)
