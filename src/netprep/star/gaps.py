"""The bank's gaps, one list: the questions no story fits, most asked first, each with
the story that comes closest and what it lacks (`star check`, issue 29 item 2).

How often a question "comes up" is how many questions of the loaded banks have the same
main competency (the first it lists): a gap in a competency the loop asks about ten times
outranks one asked about once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SHOWN = 10  # gaps listed by default; `star check --all` lists every one
NEAR = 0.15  # a closer story than this is named as the one to rework


@dataclass(frozen=True)
class Gap:
    key: str
    text: str
    round: str
    competencies: tuple[str, ...]
    asked: int  # bank questions with the same main competency: how often such a one comes
    closest_id: int | None = None
    closest_title: str | None = None
    closest_fit: float | None = None
    lacks: tuple[str, ...] = ()  # competency ids the question asks that the closest lacks

    def to_dict(self) -> dict[str, Any]:
        closest = None if self.closest_id is None else {
            "id": self.closest_id, "title": self.closest_title, "fit": self.closest_fit,
            "lacks": list(self.lacks)}
        return {"key": self.key, "text": self.text, "round": self.round,
                "competencies": list(self.competencies), "asked": self.asked,
                "closest": closest}


def ordered(library: Any, questions: Sequence[Any]) -> list[Gap]:
    """The gap questions, most often asked first (ties keep the bank's order)."""
    counts = Counter(q.competencies[0] for q in library.questions if q.competencies)
    gaps = [Gap(q.key, q.text, q.round, tuple(q.competencies),
                counts[q.competencies[0]] if q.competencies else 0) for q in questions]
    return sorted(gaps, key=lambda g: -g.asked)


def with_closest(library: Any, gaps: Sequence[Gap], stories: Sequence[Any],
                 scores: Mapping[int, int]) -> list[Gap]:
    """Each gap with the story that comes closest (never one showing the opposite angle)
    and the competencies it does not show; read from cache/gaps.json when the bank and
    the library are unchanged, so the matcher is not even imported then."""
    if not gaps or not stories:
        return list(gaps)
    from netprep.star import gap_cache

    by_key = {g.key: g for g in gaps}

    def compute(keys: Sequence[str]) -> dict[str, Any]:
        from netprep.star import matching
        from netprep.star.match_cache import load, save

        index = load(library)
        found: dict[str, Any] = {}
        for key in keys:
            gap = by_key[key]
            reading = matching.read_question(index, gap.text, gap.competencies)
            ranked = matching.rank(index, reading, stories, scores)
            near = next((f for f in ranked if f.polarity != "contradicts" and f.fit >= NEAR),
                        None)
            found[key] = None if near is None else [
                near.id, near.title, near.fit,
                [c for c in reading.competencies if c not in near.matched]]
        save(index)
        return found

    near = gap_cache.closest(library, stories, scores, [g.key for g in gaps], compute)
    out = []
    for gap in gaps:
        record = near.get(gap.key)
        if not record:
            out.append(gap)
            continue
        sid, title, fit, lacks = record
        out.append(Gap(gap.key, gap.text, gap.round, gap.competencies, gap.asked, int(sid),
                       str(title), float(fit), tuple(lacks)))
    return out
