"""The story bank as a whole: the 4-5 target, which competencies the stories cover,
which bank questions no ready story answers, and which story is the only answer.

Plain logic over `star.model`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from netprep.star.model import READY_SCORE, TARGET_STORIES, Story


@dataclass
class QuestionRef:
    """A question from a bank, as the coverage report needs it."""

    key: str
    text: str
    round: str
    competencies: tuple[str, ...]


@dataclass
class BankReport:
    count: int
    target: tuple[int, int]
    competencies: list[str]  # ids, in content order, those from tags of unknown ids last
    matrix: dict[int, list[str]]  # story id -> competency ids it covers
    uncovered: list[str]  # competencies no story covers
    weak_questions: list[QuestionRef]  # questions no story answers well
    only_answer: dict[int, list[str]]  # story id -> competencies it alone covers
    ready: int  # stories at or above READY_SCORE
    # behavioral/culture questions the story matcher finds no fitting story for (gaps)
    no_fit: list[QuestionRef] = field(default_factory=list)
    # the same gaps, most asked first, the shown ones with their closest story (star.gaps)
    gaps: list[Any] = field(default_factory=list)

    @property
    def status(self) -> str:
        low, high = self.target
        if self.count < low:
            return f"{self.count} of {low}-{high} stories: write {low - self.count} more."
        if self.count > high:
            return f"{self.count} stories (target {low}-{high}): plenty; polish the best {high}."
        return f"{self.count} stories: on target ({low}-{high})."


def bank_report(stories: Sequence[Story], scores: Mapping[int, int],
                competencies: Iterable[str], questions: Iterable[QuestionRef],
                no_fit: Iterable[QuestionRef] = ()) -> BankReport:
    """Hold the bank against the 4-5 target and the competencies of the question banks."""
    ids = list(dict.fromkeys(competencies))
    known = set(ids)
    for story in stories:  # tags of competencies no longer loaded still get a column
        for tag in story.tags:
            if tag not in ids:
                ids.append(tag)
    matrix = {int(s.id or 0): [t for t in ids if t in s.tags] for s in stories}
    covered_by: dict[str, list[int]] = {c: [] for c in ids}
    for sid, tags in matrix.items():
        for tag in tags:
            covered_by[tag].append(sid)
    uncovered = [c for c in ids if not covered_by[c] and c in known]
    well = {c for c, sids in covered_by.items()
            if any(scores.get(s, 0) >= READY_SCORE for s in sids)}
    weak = [q for q in questions if q.competencies and not set(q.competencies) & well]
    only: dict[int, list[str]] = {}
    for c, sids in covered_by.items():
        if len(sids) == 1:
            only.setdefault(sids[0], []).append(c)
    ready = sum(1 for s in stories if scores.get(int(s.id or 0), 0) >= READY_SCORE)
    return BankReport(len(stories), TARGET_STORIES, ids, matrix, uncovered, weak, only, ready,
                      list(no_fit))
