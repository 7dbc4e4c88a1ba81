"""Which problems an assessment sets, on how long a clock, for how many points."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from netprep.content.models import LEVELS

PROBLEMS = (2, 3, 4)
# Easiest first, as the online assessments interns sit do.
LADDER = {2: ("easy", "medium"), 3: ("easy", "medium", "medium"),
          4: ("easy", "medium", "medium", "hard")}
MINUTES = {2: 70, 3: 80, 4: 90}
POINTS = {"easy": 100, "medium": 200, "hard": 300}
MIN_MINUTES, MAX_MINUTES = 10, 180


@dataclass(frozen=True)
class Problem:
    position: int  # 1-based
    exercise: Any
    points: int

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position, "exercise": self.exercise.id,
                "title": self.exercise.title, "difficulty": self.exercise.difficulty,
                "max_points": self.points}


def choose(exercises: Sequence[Any], count: int, language: str, seed: int | None,
           solved: Iterable[str] = ()) -> list[Problem]:
    """`count` problems on the difficulty ladder, preferring unsolved ones, in `language`;
    a rung with no exercise of its difficulty takes the nearest easier one."""
    rng = random.Random(seed)
    done = set(solved)
    usable = [e for e in exercises if language in e.solution]
    chosen: list[Any] = []
    for difficulty in LADDER[count]:
        for level in _nearest(difficulty):
            pool = [e for e in usable if e.difficulty == level and e not in chosen]
            if pool:
                fresh = [e for e in pool if e.id not in done] or pool
                chosen.append(rng.choice(sorted(fresh, key=lambda e: e.id)))
                break
    return [Problem(i, e, POINTS.get(e.difficulty, 200)) for i, e in enumerate(chosen, 1)]


def _nearest(difficulty: str) -> tuple[str, ...]:
    at = LEVELS.index(difficulty) if difficulty in LEVELS else 1
    return tuple(LEVELS[i] for i in (at, *range(at - 1, -1, -1), *range(at + 1, len(LEVELS))))
