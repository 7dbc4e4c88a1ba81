"""Planning a mock round: which questions, in what order, with what target and hint."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from netprep.content.models import Library, Question
from netprep.errors import NetprepError, UsageError
from netprep.mock.model import (
    LOOP_ORDER,
    PLANNED_ROUNDS,
    STORY_ROUNDS,
    Hint,
    MockConfig,
    Plan,
    Planned,
    Practice,
)

# The briefing's two tips, by the kind of round: (title pattern in the tips pack, default).
TIPS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "technical": (
        (r"clarif", "Ask a clarifying question before you answer: it shows judgement and "
                    "buys you time."),
        (r"out loud|aloud|think", "Think out loud: the interviewer scores how you reason, "
                                  "not only where you land."),
    ),
    "story": (
        (r"structure your stor", "Structure your stories: situation, task, action and "
                                 "result, with the situation kept brief."),
        (r"numbers in your stor", "Know the numbers in your stories: end with a measurable "
                                  "result, or an honest estimate said as one."),
    ),
    "motivation": (
        (r"^$", "Lead with what you do now, then one or two things you are proud of, then "
                "why this role: about a minute."),
        (r"^$", "Tie every reason to something you have done: specifics beat praise."),
    ),
    "resume": (
        (r"dig into your resume", "Be ready to go deep on anything you list: how it worked, "
                                  "why you chose it, what you would change."),
        (r"structure your stor", "Structure your stories: situation, task, action and "
                                 "result, with the situation kept brief."),
    ),
    "takehome": (
        (r"feedback", "Be open to feedback, and explain your view: a question about your "
                      "code is a chance to show your reasoning."),
        (r"out loud|aloud|think", "Think out loud: name the file and the choice you made, "
                                  "then why."),
    ),
}


def tip_group(round_: str, questions: Sequence[Question] = ()) -> list[str]:
    """Which tips fit a round, most fitting first: by the round for the user's own rounds
    and the take-home, else by the kinds of its questions (most asked first)."""
    if round_ in ("resume", "takehome"):
        return [round_]
    if round_ == "pitch":
        return ["motivation"]
    from collections import Counter

    from netprep.mock.scoring import question_kind

    groups = {"technical": "technical", "motivation": "motivation"}
    counts = Counter(groups.get(question_kind(q), "story") for q in questions)
    return [group for group, _ in counts.most_common()] or ["technical"]


def build_plan(
    library: Library,
    config: MockConfig,
    stories: Sequence[Any] = (),
    practice: dict[str, Practice] | None = None,
    now: datetime | None = None,
    scores: Mapping[int, int] | None = None,
    talking_points: Sequence[str] = (),
    extra: Mapping[str, Sequence[Question]] | None = None,
    extra_hints: Mapping[str, Hint] | None = None,
) -> Plan:
    """Choose the questions, their targets and hints. Same seed and data: same plan.

    `scores` (story id -> analysis score) feed the story matcher, `talking_points` (the
    saved pitch's lines) are shown for motivation questions; hints are matched
    against the whole library's text model even when `--pack` narrows the questions.

    `extra` holds questions built from the user's own data, by round ("resume": deep-dives
    about their entries, already in the order to ask; "pitch"), and `extra_hints` their
    hints by question key.
    """
    config.validate()
    full = library
    if config.pack is not None:
        known = [p.id for p in library.packs]
        if config.pack not in known:
            from netprep.text import did_you_mean

            raise UsageError(f"No content pack '{config.pack}' for --pack.",
                             did_you_mean(config.pack, known, "Loaded packs"))
        library = library.only(config.pack)
    if config.tracks:
        library = for_tracks(library, config.tracks)
    rng = random.Random(config.seed)
    practice = practice or {}
    now = now or datetime.now(timezone.utc)
    prefer = frozenset(q.key for q in library.questions if set(q.tracks) & set(config.tracks))
    chosen = select_questions(library, config.round, config.questions, practice, rng, now,
                              extra or {}, prefer)
    if not chosen:
        where = f" in pack '{config.pack}'" if config.pack else ""
        kind = "" if config.round == "mixed" else f"{config.round} "
        raise NetprepError(f"There are no {kind}questions{where} to ask.",
                           "Check `netprep content list`, or choose another --round or --pack.")
    hints = (assign_hints(chosen, stories, full, scores, talking_points) if config.hints
             else {})
    if config.hints and extra_hints:
        for position, question in enumerate(chosen, start=1):
            if question.key in extra_hints:
                hints[position] = extra_hints[question.key]
    items = []
    for position, question in enumerate(chosen, start=1):
        target = round(config.minutes * 60) if config.minutes else question.seconds
        # A design round always asks the deep dive's follow-up, as its interviewer would.
        asked = config.follow_ups or question.id.endswith("--deep-dive") and \
            question.round == "design"
        follow_up = rng.choice(question.follow_ups) if (asked and
                                                        question.follow_ups) else None
        items.append(Planned(position, question, max(1, target), hints.get(position),
                             follow_up))
    note = None
    if len(chosen) < config.questions:
        note = (f"Only {len(chosen)} question{'s' if len(chosen) != 1 else ''} available for "
                f"this round; asking all of them.")
    settings = {
        "questions": config.questions, "minutes": config.minutes, "pack": config.pack,
        "tracks": list(config.tracks),
        "hints": config.hints, "follow_ups": config.follow_ups,
        "planned": [item.question.key for item in items],
    }
    return Plan(config.round, config.timed, tuple(items),
                briefing_tips(library, config.round, chosen), config.seed,
                note, settings, rubric_for(full, config.round),
                {t.id: t.name for t in full.topics.values()})


# The rubric each round's briefing shows (content rubrics.yaml, by its `round`); a
# technical round shows the coding one when it ends with a drill (`--coding`).
RUBRIC_OF = {"behavioral": "behavioral", "culture": "behavioral", "design": "design",
             "estimate": "design"}


def rubric_for(library: Library, round_: str, coding: bool = False) -> Any:
    """What the round is scored on (a `Rubric`), or None for a round without one."""
    wanted = "coding" if coding and round_ == "technical" else RUBRIC_OF.get(round_)
    return library.rubrics.get(wanted) if wanted else None


TRACK_ROUNDS = ("role", "technical")


def for_tracks(library: Library, tracks: Sequence[str]) -> Library:
    """The library with role and technical questions narrowed to `tracks` (untagged ones stay)."""
    from dataclasses import replace

    from netprep.content.schema import did_you_mean

    for track in tracks:
        if track not in library.tracks:
            raise UsageError(f"No track '{track}' for --track "
                             f"{did_you_mean(track, library.tracks, 'tracks')}.",
                             "See `netprep content list`.")
    wanted = set(tracks)
    kept = [q for q in library.questions
            if q.round not in TRACK_ROUNDS or not q.tracks or wanted & set(q.tracks)]
    return replace(library, questions=kept)


def select_questions(library: Library, round_: str, count: int, practice: dict[str, Practice],
                     rng: random.Random, now: datetime,
                     extra: Mapping[str, Sequence[Question]] | None = None,
                     prefer: frozenset[str] = frozenset()) -> list[Question]:
    """Pick `count` questions, favouring those practised least recently and rated lowest.

    `extra` rounds (the user's own questions) are taken in the order given; a mixed
    round ends its cycle with them. `prefer` (the questions of the --track tracks) come
    first in their round.
    """
    extra = extra or {}
    if round_ in PLANNED_ROUNDS:
        return list(extra.get(round_, ()))[:count]
    # Screen questions (hiring-manager, recruiter) are a round of their own.
    pools = {r: [q for q in library.questions_of(r) if not q.screen] for r in LOOP_ORDER}
    if round_ == "screen":
        pools = {"screen": [q for q in library.questions if q.screen]}
    # Score every question once, with a seeded jitter to vary ties between runs.
    # With --track, questions tagged with a wanted track outrank the untagged ones.
    scores = {q.key: priority(practice.get(q.key), now) + rng.random() * 0.3
              + (1.5 if q.key in prefer else 0.0)
              for pool in pools.values() for q in pool}
    ranked = {r: sorted(pool, key=lambda q: (-scores[q.key], q.key)) for r, pool in pools.items()}
    if round_ != "mixed":
        return ranked[round_][:count]
    if extra.get("resume"):
        ranked["resume"] = list(extra["resume"])
    slots = [r for r in (*LOOP_ORDER, "resume") if ranked.get(r)]
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


def assign_hints(questions: Sequence[Question], stories: Sequence[Any], library: Library,
                 scores: Mapping[int, int] | None = None,
                 talking_points: Sequence[str] = ()) -> dict[int, Hint]:
    """A hint per behavioral/culture question (by 1-based position), from the story
    matcher (`netprep.star.matching`, as `star suggest`): the best-fitting story, else the
    template's guiding questions.

    Variety only among stories of similar fit: the questions with the fewest fitting
    stories choose first, and a story already suggested this round gives way to one
    nearly as good, never to a much weaker one.
    """
    positions = [p for p, q in enumerate(questions, start=1) if q.round in STORY_ROUNDS]
    if not positions:
        return {}
    from netprep.star import matching

    def suggest(question: Question, used: set[int]) -> Any:
        if question.kind == "motivation":  # no story, whatever the words: talking points
            return matching.for_motivation(question.text, question.competencies,
                                           talking_points or question.talking_points)
        return matching.suggest(library, question.text, stories,
                                competencies=question.competencies, scores=scores, used=used,
                                talking_points=talking_points)

    first = {p: suggest(questions[p - 1], set()) for p in positions}
    positions.sort(key=lambda p: (_fitting(first[p]), p))
    used: set[int] = set()
    hints: dict[int, Hint] = {}
    for position in positions:
        found = first[position]
        if found.story is not None and found.story.id in used:  # only then can it change
            found = suggest(questions[position - 1], used)
        hints[position] = _hint(found, stories, library)
        if found.story is not None:
            used.add(found.story.id)
    return hints


def _fitting(found: Any) -> int:
    return 0 if found.story is None else 1 + len(found.alternatives)


def _hint(found: Any, stories: Sequence[Any], library: Library) -> Hint:
    """The mock's view of a suggestion."""
    from netprep.star.matching import NONE_FITS

    if found.story is not None:
        story = next((s for s in stories if s.id == found.story.id), None)
        shows = ", ".join(_competency_name(library, c) for c in found.story.matched)
        lines = [f"Fit {found.story.fit:.2f}" + (f": shows {shows}" if shows else "")]
        result = (getattr(story, "result", "") or "").strip()
        if result:
            lines.append(f"Result: {_shorten(result, 110)}")
        return Hint("story", found.story.title, tuple(lines), found.story.id,
                    fit=found.story.fit)
    if found.reading.motivation:
        return Hint("pitch", "Answer with your own reasons: no story for this one.",
                    found.guide or ("Your talking points: `netprep resume pitch`.",))
    if found.closest is not None:
        return Hint("close", f"Closest story: #{found.closest.id} {found.closest.title} "
                    "(close in topic)", (found.improve,), fit=found.closest.fit)
    if found.template is not None:
        title = library.templates[found.template].title
        if stories:
            title += f" ({NONE_FITS[0].lower()}{NONE_FITS[1:]})"
        return Hint("template", title, found.guide, template=found.template)
    names = " or ".join(_competency_name(library, c) for c in found.reading.competencies)
    title = f"No story for {names} yet." if names else f"{NONE_FITS}."
    return Hint("gap", title, ("Write one after this round: `netprep star add`.",))


def briefing_tips(library: Library, round_: str = "technical",
                  questions: Sequence[Question] = ()) -> tuple[str, str]:
    """Two tips for the briefing that fit the round: for a technical round clarifying
    questions and thinking out loud, for stories STAR and their numbers, and so on (see
    TIPS); a round of several kinds takes the first tip of its two most asked."""
    groups = tip_group(round_, questions)
    wanted = list(TIPS[groups[0]]) if len(groups) == 1 else [TIPS[g][0] for g in groups[:2]]
    found: list[str | None] = [None, None]
    for i, (pattern, _default) in enumerate(wanted):
        for section in library.tips:
            for tip in section.items:
                if found[i] is None and re.search(pattern, tip.title, re.I):
                    found[i] = f"{tip.title}: {_first_sentence(tip.text)}"
    return (found[0] or wanted[0][1], found[1] or wanted[1][1])


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
