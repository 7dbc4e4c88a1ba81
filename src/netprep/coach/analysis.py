"""The coach's analysis of one STAR story or answer: findings, parts, a 0-100 score, ready.

The entry points every caller uses; the work is done by the engine's modules:
`sentences` (clauses) -> `parts` (what each clause does, with `actors`) -> `metrics`,
`fillers` -> `engine` (STAR findings, length, score) and `answers` (by question kind).
Pure (no I/O, no Rich, no YAML). A story is anything with `part(name) -> str`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from netprep.coach.answers import analyze as _analyze_answer
from netprep.coach.engine import (
    TARGET_SECONDS,
    Analysis,
    analyze_fields,
    count_words,
    speaking_seconds,
)
from netprep.coach.fillers import count_fillers
from netprep.coach.findings import Finding
from netprep.coach.metrics import has_metric
from netprep.coach.parts import PART_OF
from netprep.coach.terms import PARTS, READY_SCORE, STAR, WORDS_PER_MINUTE
from netprep.coach.version import ANALYZER_VERSION
from netprep.text import normalize_text

__all__ = [  # the constants and helpers callers reach for through the engine
    "ANALYZER_VERSION", "PARTS", "READY_SCORE", "STAR", "TARGET_SECONDS", "WORDS_PER_MINUTE",
    "Analysis", "Finding", "analyze_answer", "analyze_story", "count_fillers", "count_words",
    "has_metric", "normalize_text", "speaking_seconds", "split_answer",
]


class HasParts(Protocol):
    def part(self, name: str) -> str: ...


def analyze_story(story: HasParts) -> Analysis:
    """The coach's read of one story: its fields are hints, its content decides."""
    return analyze_fields({p: normalize_text(story.part(p)) for p in PARTS})


def analyze_answer(text: str, *, target_seconds: int | None = None, kind: str = "behavioral",
                   key_points: Sequence[str] = (), question: str = "",
                   typed: bool = True) -> Analysis:
    """One answer to a question of `kind` (behavioral, culture, technical, motivation).

    A typed answer is judged as an outline (`typed=False` for a spoken transcript).
    """
    return _analyze_answer(normalize_text(text), kind=kind, key_points=key_points,
                           question=question, target_seconds=target_seconds, typed=typed)


def split_answer(text: str) -> dict[str, str]:
    """An answer's text by STAR part (and learned), from what each clause does."""
    analysis = analyze_answer(text)
    chunks: dict[str, list[str]] = {p: [] for p in PARTS}
    for lab in analysis.labels:
        part = PART_OF.get(lab.label)
        if part:
            chunks[part].append(lab.text)
    return {p: " ".join(chunks[p]) for p in PARTS}
