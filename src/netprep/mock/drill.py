"""The coding drill that ends `mock --round technical --coding`, sized to the round.

A technical interview is a fixed slot (ROUND_MINUTES); the questions before the drill
use part of it, and the drill gets what is left: an exercise whose time fits the minutes
left, at no harder a level than the round's questions (medium when they give none), as
an interviewer keeps a short round's last problem small. When nothing fits, the shortest
exercise at that level.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from netprep.content.models import LEVELS

ROUND_MINUTES = 45  # the usual slot of an intern technical interview
DEFAULT_LEVEL = "medium"


class DrillChoice(NamedTuple):
    exercise: Any
    minutes_left: int
    level: str

    def note(self) -> str:
        """What the student is told before the drill."""
        return (f"About {self.minutes_left} minutes are left of a {ROUND_MINUTES}-minute "
                f"round: a {self.exercise.difficulty} exercise of about "
                f"{self.exercise.minutes} minutes, at the round's {self.level} level.")


def round_level(questions: Iterable[Any]) -> str:
    """The hardest level given to the round's questions, else DEFAULT_LEVEL."""
    given = [q.level for q in questions if getattr(q, "level", None) in LEVELS]
    return max(given, key=LEVELS.index) if given else DEFAULT_LEVEL


def minutes_left(elapsed_seconds: Sequence[float]) -> int:
    return max(0, ROUND_MINUTES - round(sum(elapsed_seconds) / 60))


def choose(exercises: Sequence[Any], questions: Iterable[Any],
           elapsed_seconds: Sequence[float], solved: Iterable[str] = (),
           rng: random.Random | None = None) -> DrillChoice | None:
    """The exercise for the drill (preferring unsolved ones), or None without any."""
    level = round_level(questions)
    left = minutes_left(elapsed_seconds)
    easy_enough = [e for e in exercises
                   if LEVELS.index(e.difficulty) <= LEVELS.index(level)] or list(exercises)
    if not easy_enough:
        return None
    fits = [e for e in easy_enough if e.minutes <= left]
    if not fits:
        shortest = min(e.minutes for e in easy_enough)
        fits = [e for e in easy_enough if e.minutes == shortest]
    done = set(solved)
    pool = [e for e in fits if e.id not in done] or fits
    return DrillChoice((rng or random.Random()).choice(pool), left, level)
