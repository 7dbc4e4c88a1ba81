"""The mock interview's record types: what a round plans, asks and records.

Shared by the engine (`plan`, `scoring`, `session`) and by `store/sessions.py`; imports
only `content.models` and `errors`, never the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netprep.content.models import Question
from netprep.errors import UsageError

# "resume" asks deep-dives about the user's own resume entries and "pitch" asks for the
# saved "tell me about yourself"; their questions come from the user's data (see
# `build_plan(extra=...)`), and a mixed round adds one resume question when entries exist.
# "screen" asks the recruiter and hiring-manager screen questions (content `screen:`).
# "design" runs one 45-minute design round phase by phase, "estimate" its estimation
# questions (`mock.design`); both are planned in order, as the user's own rounds are.
ROUND_CHOICES = ("mixed", "behavioral", "culture", "role", "technical", "resume", "pitch",
                 "screen", "design", "estimate")
OWN_ROUNDS = ("resume", "pitch")
PLANNED_ROUNDS = (*OWN_ROUNDS, "design", "estimate")  # questions given to build_plan
LOOP_ORDER = ("behavioral", "culture", "role", "technical")  # a mixed round cycles these
STORY_ROUNDS = ("behavioral", "culture")  # rounds where a STAR story is suggested
# Other spellings people type (the British one, a hyphen): read as the round they name.
ROUND_ALIASES = {"behavioural": "behavioral", "behaviour": "behavioral",
                 "behavior": "behavioral", "take-home": "takehome"}
MAX_QUESTIONS = 20
MAX_MINUTES = 60

def round_name(value: str) -> str:
    """--round as typed, with its other spellings read as the round they name."""
    lowered = value.strip().lower()
    return ROUND_ALIASES.get(lowered, lowered)


@dataclass(frozen=True)
class MockConfig:
    round: str = "mixed"
    questions: int = 5
    minutes: float | None = None
    pack: str | None = None
    seed: int | None = None
    hints: bool = True
    follow_ups: bool = False
    timed: bool = True
    tracks: tuple[str, ...] = ()  # role/technical questions of these tracks (and untagged ones)

    def validate(self) -> None:
        if self.round not in ROUND_CHOICES:
            from netprep.text import did_you_mean

            raise UsageError(f"Unknown round '{self.round}' for --round.",
                             did_you_mean(self.round, ROUND_CHOICES, "Rounds"))
        if not 1 <= self.questions <= MAX_QUESTIONS:
            raise UsageError(f"--questions must be between 1 and {MAX_QUESTIONS}, "
                             f"not {self.questions}.")
        if self.seed is not None and not 0 <= self.seed < 2**63:  # stored as SQLite INTEGER
            raise UsageError(f"--seed must be a whole number from 0 to {2**63 - 1}, "
                             f"not {self.seed}.")
        if self.minutes is not None and not (0 < self.minutes <= MAX_MINUTES):
            raise UsageError(f"--minutes must be more than 0 and at most {MAX_MINUTES}, "
                             f"not {self.minutes:g}.", "For 90 seconds, give --minutes 1.5.")


@dataclass(frozen=True)
class Hint:
    # "story" (one of the user's), "template" (guiding questions), "pitch" (a motivation
    # question: no story), "close" (a story close in topic, with what to change), "gap"
    kind: str
    title: str
    lines: tuple[str, ...] = ()
    story_id: int | None = None
    fit: float | None = None  # the story's fit to the question, 0-1
    template: str | None = None  # competency id of the template shown

    def record(self) -> dict[str, Any]:
        """What was shown, as saved with the answer (`history show --json` `hint`)."""
        kind = self.kind if self.kind in ("story", "template") else "none"
        return {"kind": kind, "story_id": self.story_id, "template": self.template,
                "fit": self.fit}


NO_HINT: dict[str, Any] = {"kind": "none", "story_id": None, "template": None, "fit": None}


@dataclass(frozen=True)
class Planned:
    position: int  # 1-based
    question: Question
    target_seconds: int
    hint: Hint | None = None
    follow_up: str | None = None


@dataclass(frozen=True)
class Plan:
    round: str
    timed: bool
    items: tuple[Planned, ...]
    tips: tuple[str, str]
    seed: int | None = None
    note: str | None = None  # e.g. fewer questions available than asked for
    settings: dict[str, Any] = field(default_factory=dict)
    rubric: Any = None  # content.models.Rubric: what the round scores, for the briefing
    # Topic id -> its name ("hash-tables" -> "Hash tables"), for advice said as a person would.
    topics: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def target_seconds(self) -> int:
        return sum(item.target_seconds for item in self.items)


@dataclass(frozen=True)
class Practice:
    """How a question went before: when it was last answered and its average rating."""

    last_at: str | None = None
    avg_rating: float | None = None
    count: int = 0


class Turn:
    """One answer being given: the question, its target, and a clock started when it was asked."""

    def __init__(self, item: Planned, total: int, clock: Callable[[], float], timed: bool,
                 follow_up: str | None = None, target: int | None = None):
        self.item = item
        self.total = total
        self.timed = timed
        self.follow_up = follow_up  # the probe's text when this turn is a follow-up
        self.target_seconds = target if target is not None else item.target_seconds
        self._clock = clock
        self.started = clock()
        self.clarifications: list[dict[str, Any]] = []  # asked with "?" before answering
        # Where the answer belongs (session, plan, the answer a follow-up probes), so a draft
        # kept on Ctrl-C can be saved later with `netprep history import`.
        self.context: dict[str, Any] = {}

    def restart(self) -> None:
        """The clock starts now: the interviewer has finished saying the question."""
        self.started = self._clock()

    def elapsed(self) -> float:
        """Seconds since the question was asked, from the monotonic start (never drifts)."""
        return max(0.0, self._clock() - self.started)


@dataclass
class Review:
    rating: int | None = None
    checklist: dict[str, Any] = field(default_factory=dict)


@dataclass
class Spoken:
    """An answer given aloud and transcribed (`mock --voice` / `--audio`).

    `voice` holds the speaking measures stored with the answer (see netprep.voice.measures);
    `seconds` is the length of the audio, used as the time taken.
    """

    text: str
    voice: dict[str, Any]
    seconds: float


@dataclass
class AnswerRecord:
    position: int
    question: Question
    target_seconds: int
    elapsed_seconds: float
    answer: str
    answered_at: str
    findings: list[dict[str, str]] = field(default_factory=list)
    checklist: dict[str, Any] = field(default_factory=dict)
    rating: int | None = None
    story_id: int | None = None
    hint: dict[str, Any] | None = None  # Hint.record() of what was shown (NO_HINT: nothing)
    follow_up: str | None = None
    follow_up_answer: str | None = None
    follow_up_seconds: float | None = None
    analysis: Any = None  # the analyzer's result, when the answer was typed or transcribed
    id: int | None = None  # the answers row, once saved
    voice: dict[str, Any] | None = None  # speaking measures of a spoken answer
    follow_up_voice: dict[str, Any] | None = None  # the same for a spoken follow-up reply
    follow_up_gap: str | None = None  # the finding code the probe targeted
    follow_up_closed: bool | None = None  # whether the probe's answer closed that gap
    # A challenge's reply read as a reply to feedback: {"answered_well", "findings"}.
    follow_up_reading: dict[str, Any] | None = None
    partner: dict[str, Any] | None = None  # mock --partner: {"name", "ratings", "note"}

    @property
    def score(self) -> int | None:
        """The coach's 0-100 score (None when answered aloud)."""
        value = getattr(self.analysis, "score", None)
        return int(value) if isinstance(value, (int, float)) else None

    @property
    def ready(self) -> bool | None:
        value = getattr(self.analysis, "ready", None)
        return bool(value) if value is not None else None

    @property
    def over_seconds(self) -> float:
        return self.elapsed_seconds - self.target_seconds

    @property
    def aloud(self) -> bool:
        return not self.answer.strip()


@dataclass
class SessionResult:
    session_id: int | None
    plan: Plan
    answers: list[AnswerRecord]
    complete: bool
    stopped_early: bool = False
    suggestions: list[str] = field(default_factory=list)
