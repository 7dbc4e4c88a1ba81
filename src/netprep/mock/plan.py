"""Planning a mock round: which questions, in what order, with what target and hint."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from netprep.content.models import Library, Question
from netprep.errors import NetprepError, UsageError
from netprep.mock.model import (
    LOOP_ORDER,
    STORY_ROUNDS,
    Hint,
    MockConfig,
    Plan,
    Planned,
    Practice,
)

DEFAULT_TIPS = (
    "Ask a clarifying question before you answer: it shows judgement and buys you time.",
    "Think out loud: the interviewer scores how you reason, not only where you land.",
)


def build_plan(
    library: Library,
    config: MockConfig,
    stories: Sequence[Any] = (),
    practice: dict[str, Practice] | None = None,
    now: datetime | None = None,
) -> Plan:
    """Choose the questions, their targets and hints. Same seed and data: same plan."""
    config.validate()
    if config.pack is not None:
        known = [p.id for p in library.packs]
        if config.pack not in known:
            raise UsageError(f"No content pack '{config.pack}' for --pack.",
                             f"Loaded packs: {', '.join(known) or 'none'}.")
        library = library.only(config.pack)
    rng = random.Random(config.seed)
    practice = practice or {}
    now = now or datetime.now(timezone.utc)
    chosen = select_questions(library, config.round, config.questions, practice, rng, now)
    if not chosen:
        where = f" in pack '{config.pack}'" if config.pack else ""
        kind = "" if config.round == "mixed" else f"{config.round} "
        raise NetprepError(f"There are no {kind}questions{where} to ask.",
                           "Check `netprep content list`, or choose another --round or --pack.")
    hints = assign_hints(chosen, stories, library) if config.hints else {}
    items = []
    for position, question in enumerate(chosen, start=1):
        target = round(config.minutes * 60) if config.minutes else question.seconds
        follow_up = rng.choice(question.follow_ups) if (config.follow_ups and
                                                        question.follow_ups) else None
        items.append(Planned(position, question, max(1, target), hints.get(position),
                             follow_up))
    note = None
    if len(chosen) < config.questions:
        note = (f"Only {len(chosen)} question{'s' if len(chosen) != 1 else ''} available for "
                f"this round; asking all of them.")
    settings = {
        "questions": config.questions, "minutes": config.minutes, "pack": config.pack,
        "hints": config.hints, "follow_ups": config.follow_ups,
        "planned": [item.question.key for item in items],
    }
    return Plan(config.round, config.timed, tuple(items), briefing_tips(library), config.seed,
                note, settings)


def select_questions(library: Library, round_: str, count: int, practice: dict[str, Practice],
                     rng: random.Random, now: datetime) -> list[Question]:
    """Pick `count` questions, favouring those practised least recently and rated lowest."""
    pools = {r: library.questions_of(r) for r in LOOP_ORDER}
    # Score every question once, with a seeded jitter to vary ties between runs.
    scores = {q.key: priority(practice.get(q.key), now) + rng.random() * 0.3
              for pool in pools.values() for q in pool}
    ranked = {r: sorted(pool, key=lambda q: (-scores[q.key], q.key)) for r, pool in pools.items()}
    if round_ != "mixed":
        return ranked[round_][:count]
    slots = [r for r in LOOP_ORDER if ranked[r]]
    chosen: list[Question] = []
    cursor = {r: 0 for r in slots}
    i = 0
    while len(chosen) < count and slots:
        r = slots[i % len(slots)]
        if cursor[r] < len(ranked[r]):
            chosen.append(ranked[r][cursor[r]])
            cursor[r] += 1
            i += 1
        else:
            slots.remove(r)
            i = i % len(slots) if slots else 0
    return chosen


def priority(seen: Practice | None, now: datetime) -> float:
    """Higher first: never practised > practised long ago; low ratings > high ratings."""
    if seen is None or seen.count == 0 or not seen.last_at:
        return 3.0
    try:
        last = datetime.fromisoformat(seen.last_at)
        days = max(0.0, (now - last).total_seconds() / 86400)
    except ValueError:
        days = 14.0
    recency = min(days / 14.0, 1.0) * 2.0  # 0 (today) .. 2 (two weeks or more)
    rating = 0.5 if seen.avg_rating is None else (5.0 - seen.avg_rating) / 4.0  # 0 .. 1
    return recency + rating


def assign_hints(questions: Sequence[Question], stories: Sequence[Any],
                 library: Library) -> dict[int, Hint]:
    """A hint per behavioral/culture question (by 1-based position).

    The questions with the fewest matching stories choose first, so that every question
    gets a story of its own whenever the bank allows it.
    """
    def candidates(question: Question) -> int:
        wanted = set(question.competencies) | set(question.themes)
        return sum(1 for s in stories if wanted & set(getattr(s, "tags", ()) or ()))

    positions = [p for p, q in enumerate(questions, start=1) if q.round in STORY_ROUNDS]
    positions.sort(key=lambda p: (candidates(questions[p - 1]), p))
    used: set[int] = set()
    hints: dict[int, Hint] = {}
    for position in positions:
        hint = hint_for(questions[position - 1], stories, library, used)
        if hint is not None:
            hints[position] = hint
            if hint.story_id is not None:
                used.add(hint.story_id)
    return hints


def hint_for(question: Question, stories: Sequence[Any], library: Library,
             used: set[int]) -> Hint | None:
    """The best-matching story (by competency overlap; unused ones first), else a template."""
    wanted = set(question.competencies) | set(question.themes)
    best = None
    best_key: tuple[int, int, int] | None = None
    for story in stories:
        overlap = len(wanted & set(getattr(story, "tags", ()) or ()))
        if overlap == 0:
            continue
        key = (0 if story.id in used else 1, overlap, -int(story.id))
        if best_key is None or key > best_key:
            best, best_key = story, key
    if best is not None:
        matched = [c for c in getattr(best, "tags", ()) if c in wanted]
        lines = [f"Matches: {', '.join(_competency_name(library, c) for c in matched)}"]
        result = (getattr(best, "result", "") or "").strip()
        if result:
            lines.append(f"Result: {_shorten(result, 110)}")
        return Hint("story", best.title, tuple(lines), int(best.id))
    for competency in question.competencies:
        template = library.templates.get(competency)
        if template is None:
            continue
        guide = tuple(f"{part.capitalize()}: {template.guide(part)[0]}"
                      for part in ("situation", "task", "action", "result")
                      if template.guide(part))
        title = template.title
        if stories:
            title += f" (no story tagged {_competency_name(library, competency)} yet)"
        return Hint("template", title, guide)
    if question.competencies:
        names = " or ".join(_competency_name(library, c) for c in question.competencies)
        return Hint("gap", f"No story tagged {names} yet.",
                    ("Write one after this round: `netprep star add`.",))
    return None


def briefing_tips(library: Library) -> tuple[str, str]:
    """Two tips for the briefing: clarifying questions and thinking out loud."""
    found: list[str | None] = [None, None]
    patterns = (re.compile(r"clarif", re.I), re.compile(r"out loud|aloud|think", re.I))
    for section in library.tips:
        for tip in section.items:
            for i, pattern in enumerate(patterns):
                if found[i] is None and pattern.search(tip.title):
                    found[i] = f"{tip.title}: {_first_sentence(tip.text)}"
    return (found[0] or DEFAULT_TIPS[0], found[1] or DEFAULT_TIPS[1])


def _competency_name(library: Library, competency: str) -> str:
    found = library.competencies.get(competency)
    return found.name if found else competency


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.search(r"(?<=[.!?])\s", text)
    return text[: match.start()] if match else text
